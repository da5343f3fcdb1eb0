/**
 * The adapter from records (KeyRecord: JSON lines, get-records output, log lines, a live stream)
 * to the accumulator, which reads byte ranges: each record's key and explicit hash key are encoded
 * into reused buffers and counted exactly as a CSV row with the same values would be.
 */
import type { Accumulator } from './accumulate.js';
import { unknownShardError } from './errors.js';
import { fnv1a } from './key-table.js';
import type { KeyRecord } from './record.js';
import { FROM_AGGREGATE } from './scan.js';

export interface FeedOptions {
  /** Records carry arrival times: per-second peaks are counted (a record without one is malformed). */
  readonly timed: boolean;
  /** Records may name the shard they were read from. */
  readonly observedShards: boolean;
}

const encoder = new TextEncoder();

export class RecordFeeder {
  private keyBytes = new Uint8Array(1024);
  private ehkBytes = new Uint8Array(64);
  private readonly timed: boolean;

  constructor(
    private readonly acc: Accumulator,
    options: FeedOptions,
  ) {
    this.timed = options.timed;
    acc.configure({ timed: options.timed, explicitHashKeys: true, observedShards: options.observedShards });
  }

  /**
   * Counts one record (or `count` records alike, for pre-aggregated input); `line` (1-based, 0 when
   * the source has none) names it in messages.
   */
  add(record: KeyRecord, line: number, count = 1): void {
    const acc = this.acc;
    if (record.key.length === 0) {
      acc.malformed(line, 'the partition key is empty');
      return;
    }
    const keyLength = this.encode(record.key, 'key');
    let es = -1;
    let ee = -1;
    if (record.explicitHashKey !== undefined && record.explicitHashKey.length > 0) {
      es = 0;
      ee = this.encode(record.explicitHashKey, 'ehk');
    }
    let observed = -1;
    if (record.shardId !== undefined && record.shardId.length > 0) {
      observed = acc.shardIndexOf(record.shardId);
      if (observed < 0) {
        throw unknownShardError(record.shardId, line, acc.map.shards.length);
      }
    }
    let second = NaN;
    if (this.timed) {
      if (!Number.isFinite(record.time)) {
        acc.malformed(line, 'the record has no arrival time');
        return;
      }
      second = Math.floor(record.time);
    }
    if (!Number.isFinite(record.dataBytes) || record.dataBytes < 0) {
      acc.malformed(line, 'the record size is not a whole number of bytes');
      return;
    }
    if (record.aggregated === true && observed >= 0) observed |= FROM_AGGREGATE;
    const key = this.keyBytes;
    acc.row(key, 0, keyLength, fnv1a(key, 0, keyLength), this.ehkBytes, es, ee, record.dataBytes, count, second, line, observed);
  }

  private encode(text: string, which: 'key' | 'ehk'): number {
    let buffer = which === 'key' ? this.keyBytes : this.ehkBytes;
    if (buffer.length < text.length * 3) {
      buffer = new Uint8Array(text.length * 3);
      if (which === 'key') this.keyBytes = buffer;
      else this.ehkBytes = buffer;
    }
    return encoder.encodeInto(text, buffer).written;
  }
}
