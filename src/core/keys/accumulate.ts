/**
 * The single pass over the rows: routes each record to its shard and adds it to the per-shard,
 * per-key and per-second counters. Everything the report needs later is summarised here; no row
 * is kept.
 *
 * Per-shard totals are always exact (every row is routed, to the bit). Per-key counts are exact
 * until more than `maxKeys` distinct keys have been seen; after that they are Space-Saving
 * estimates (see ./key-table.ts).
 *
 * A record that says which shard it was read from (a live read, or a CSV saved from one) is
 * counted on that shard, not on the one its key routes to: that is where its load was. Records
 * whose observed shard differs from the predicted one are counted (see `observed`), and their
 * position in the hash space is taken as unknown (they are left out of the routing table).
 */
import { STREAM } from '../facts.js';
import { quoted } from '../quote.js';
import { MalformedRowError, unknownShardError } from './errors.js';
import { explicitHashKeyProblem, parseExplicitHashKey } from './hash-key.js';
import { fnv1a, KeysOf, KeyTable, MIXED_SHARD, Rec, RecordSize, type KeyTableData } from './key-table.js';
import { md5Words } from './md5.js';
import { PerSecond, type PerSecondData } from './per-second.js';
import { countRows } from './count-rows.js';
import { FROM_AGGREGATE, type Columns, type RowCounter, type RowSink } from './scan.js';
import { routeWords, shardIndexById, type ShardMap } from './shard-map.js';
import { utf16Length } from './utf8.js';

export interface AccumulateOptions {
  readonly map: ShardMap;
  /** Distinct keys counted exactly before the table turns into a heavy-hitter sketch. */
  readonly maxKeys: number;
  /** Stop at the first malformed row instead of skipping it. */
  readonly strict: boolean;
}

/** An accumulator's counts as plain data, as a worker thread sends them back. */
export interface AccumulatorData {
  readonly totalRecords: number;
  readonly totalBytes: number;
  readonly shardRecords: Float64Array;
  readonly shardBytes: Float64Array;
  readonly malformedCount: number;
  readonly malformedExamples: readonly MalformedRow[];
  readonly explicitHashKeyRecords: number;
  readonly longKeys: number;
  readonly observed: ObservedCounts;
  readonly keys: KeyTableData;
  readonly routes: KeyTableData | undefined;
  readonly perSecond: PerSecondData | undefined;
}

/** Records that carried the shard they were read from, and how many of them kds would route elsewhere. */
export interface ObservedCounts {
  /** Records that named their shard. */
  records: number;
  /** ... whose shard is not the one their key (or explicit hash key) routes to. */
  differ: number;
  /** ... of those, records that carried an explicit hash key. */
  differWithExplicitHashKey: number;
  /** ... of those, user records taken out of a KPL aggregate. */
  differFromAggregates: number;
}

export interface MalformedRow {
  readonly line: number;
  readonly reason: string;
}

/** Malformed rows kept as examples for the report. */
export const MALFORMED_EXAMPLES = 5;

const ROUTE_BY_KEY = 0;
const ROUTE_BY_EHK = 1;

export class Accumulator implements RowSink {
  readonly map: ShardMap;
  readonly shardRecords: Float64Array;
  readonly shardBytes: Float64Array;
  /** Partition keys and their counts. */
  readonly keys: KeyTable;
  /**
   * Routing identities (what decides the shard) with their hash keys and counts: the same table
   * as `keys` unless rows carry explicit hash keys.
   */
  routes: KeyTable;
  perSecond: PerSecond | undefined;

  /**
   * Records and bytes counted. Held in an array, not in fields: totals soon outgrow the small
   * integers a field starts as, and changing a field's representation would throw away compiled code.
   */
  private readonly totals = new Float64Array(2);
  get totalRecords(): number {
    return this.totals[0]!;
  }
  set totalRecords(value: number) {
    this.totals[0] = value;
  }
  get totalBytes(): number {
    return this.totals[1]!;
  }
  set totalBytes(value: number) {
    this.totals[1] = value;
  }
  malformedCount = 0;
  readonly malformedExamples: MalformedRow[] = [];
  /** Records routed by an explicit hash key. */
  explicitHashKeyRecords = 0;
  /** Distinct keys longer than the partition key limit (Kinesis would reject them). */
  longKeys = 0;
  /** Set by configure: rows may name the shard they were read from. */
  observing = false;
  readonly observed: ObservedCounts = { records: 0, differ: 0, differWithExplicitHashKey: 0, differFromAggregates: 0 };
  private shardIndex: Map<string, number> | undefined;
  private lastShardId = new Uint8Array(64);
  private lastShardIdLength = -1;
  private lastShard = -1;

  private readonly strict: boolean;
  private readonly ehkWords = new Uint32Array(4);
  private routeScratch = new Uint8Array(1100);

  constructor(options: AccumulateOptions) {
    this.map = options.map;
    const n = options.map.shards.length;
    this.shardRecords = new Float64Array(n);
    this.shardBytes = new Float64Array(n);
    this.keys = new KeyTable(options.maxKeys);
    this.routes = this.keys;
    this.strict = options.strict;
  }

  /**
   * Says what the rows carry, once the header has been read and before the first row. A later
   * part of an input read in parts holds its first seconds back for merging (holdFirstSeconds).
   */
  configure(what: {
    readonly timed: boolean;
    readonly explicitHashKeys: boolean;
    readonly observedShards?: boolean;
    readonly holdFirstSeconds?: boolean;
  }): void {
    if (what.explicitHashKeys || what.observedShards === true) this.routes = new KeyTable(this.keys.maxEntries);
    if (what.timed) this.perSecond = new PerSecond(this.map.shards.length, what.holdFirstSeconds === true);
    this.observing = what.observedShards === true;
  }

  /** The index of an open shard by its id, or -1. */
  shardIndexOf(id: string): number {
    if (this.shardIndex === undefined && this.map.starts.length > 0) this.shardIndex = new Map(this.map.shards.map((s, i) => [s.shardId, i]));
    return shardIndexById(this.map, id, this.shardIndex);
  }

  observedShard(bytes: Uint8Array, start: number, end: number, line: number): number {
    const len = end - start;
    if (len === 0) return -1;
    if (len === this.lastShardIdLength) {
      const last = this.lastShardId;
      let k = len - 1;
      while (k >= 0 && last[k] === bytes[start + k]) k--;
      if (k < 0) return this.lastShard;
    }
    const id = new TextDecoder().decode(bytes.subarray(start, end));
    const index = this.shardIndexOf(id);
    if (index < 0) throw unknownShardError(id, line, this.map.shards.length);
    if (len <= this.lastShardId.length) {
      this.lastShardId.set(bytes.subarray(start, end));
      this.lastShardIdLength = len;
      this.lastShard = index;
    }
    return index;
  }

  /** Everything counted, as plain data; the accumulator must not be used afterwards. */
  toData(): AccumulatorData {
    return {
      totalRecords: this.totalRecords,
      totalBytes: this.totalBytes,
      shardRecords: this.shardRecords,
      shardBytes: this.shardBytes,
      malformedCount: this.malformedCount,
      malformedExamples: this.malformedExamples,
      explicitHashKeyRecords: this.explicitHashKeyRecords,
      longKeys: this.longKeys,
      observed: this.observed,
      keys: this.keys.toData(),
      routes: this.routes === this.keys ? undefined : this.routes.toData(),
      perSecond: this.perSecond?.toData(),
    };
  }

  /**
   * Adds the counts of a later part of the same input (read by another thread), whose line
   * numbers start after `lineOffset` lines. Call before finish().
   */
  mergeFrom(other: AccumulatorData, lineOffset: number): void {
    this.totalRecords += other.totalRecords;
    this.totalBytes += other.totalBytes;
    for (let i = 0; i < this.shardRecords.length; i++) {
      this.shardRecords[i] = this.shardRecords[i]! + other.shardRecords[i]!;
      this.shardBytes[i] = this.shardBytes[i]! + other.shardBytes[i]!;
    }
    this.malformedCount += other.malformedCount;
    for (const m of other.malformedExamples) {
      if (this.malformedExamples.length < MALFORMED_EXAMPLES) this.malformedExamples.push({ line: m.line + lineOffset, reason: m.reason });
    }
    this.explicitHashKeyRecords += other.explicitHashKeyRecords;
    this.longKeys += other.longKeys - this.longKeysHeld(other.keys);
    this.observed.records += other.observed.records;
    this.observed.differ += other.observed.differ;
    this.observed.differWithExplicitHashKey += other.observed.differWithExplicitHashKey;
    this.observed.differFromAggregates += other.observed.differFromAggregates;
    const room = this.keys.maxEntries + other.keys.maxEntries;
    this.keys.maxEntries = room;
    this.keys.mergeFrom(other.keys);
    if (other.routes !== undefined && this.routes !== this.keys) {
      this.routes.maxEntries = room;
      this.routes.mergeFrom(other.routes);
    }
    if (other.perSecond !== undefined) this.perSecond?.mergeFrom(other.perSecond);
  }

  /** Long keys of another table (a later part) that this one holds too: counted once, not twice. */
  private longKeysHeld(other: KeyTableData): number {
    const limit = STREAM.partitionKeyMaxChars.value;
    const keys = new KeysOf(other);
    let held = 0;
    for (let i = 0; i < other.size; i++) {
      const start = keys.start(i);
      const end = start + keys.length(i);
      // A key has at least as many UTF-8 bytes as UTF-16 units: only long byte strings can be long keys.
      if (end - start <= limit || utf16Length(keys.array(i), start, end) <= limit) continue;
      if (this.keys.find(keys.array(i), start, end, other.records[i * RecordSize.Words + Rec.Fnv]!) >= 0) held++;
    }
    return held;
  }

  malformed(line: number, reason: string): void {
    if (this.strict) throw new MalformedRowError(line, reason);
    this.malformedCount++;
    if (this.malformedExamples.length < MALFORMED_EXAMPLES) this.malformedExamples.push({ line, reason });
  }

  /**
   * The one-loop reader of common rows, when rows route by their key's MD5 and name no shard (see
   * ./count-rows.ts).
   */
  rowCounter(columns: Columns): RowCounter | undefined {
    if (this.routes !== this.keys || this.observing || columns.ehk >= 0 || columns.shard >= 0) return undefined;
    return (bytes, start, end, scanner) => countRows(this, scanner, bytes, start, end);
  }

  row(
    bytes: Uint8Array,
    ks: number,
    ke: number,
    h: number,
    ehk: Uint8Array,
    es: number,
    ee: number,
    dataBytes: number,
    count: number,
    second: number,
    line: number,
    observed = -1,
  ): void {
    const keys = this.keys;
    let e = keys.find(bytes, ks, ke, h);
    let problem: KeyProblem;
    if (e < 0) {
      problem = keyProblem(bytes, ks, ke);
      if (problem === 'invalid') {
        this.malformed(line, 'the partition key is not valid UTF-8');
        return;
      }
    }
    let shard = 0;
    let r = -1;
    if (this.routes !== keys) {
      r = this.route(bytes, ks, ke, ehk, es, ee, line);
      if (r < 0) return;
      shard = this.routes.shardOf(r);
      if (es >= 0) this.explicitHashKeyRecords += count;
    }
    // Where the record's position in the hash space is known: it was read where kds routes it.
    let placed = true;
    if (observed >= 0) {
      const fromAggregate = (observed & FROM_AGGREGATE) !== 0;
      observed &= ~FROM_AGGREGATE;
      this.observed.records += count;
      if (observed !== shard) {
        placed = false;
        this.observed.differ += count;
        if (es >= 0) this.observed.differWithExplicitHashKey += count;
        if (fromAggregate) this.observed.differFromAggregates += count;
      }
      shard = observed;
    }
    if (e < 0) {
      if (problem === 'long') this.longKeys++;
      e = keys.insert(bytes, ks, ke, h);
      keys.hashEntry(e);
      keys.setShard(e, r < 0 ? routeWords(this.map, keys.words, keys.hashAt(e)) : shard);
    } else if (r >= 0 && keys.shardOf(e) !== shard) {
      keys.setShard(e, MIXED_SHARD);
    }
    if (r < 0) shard = keys.shardOf(e);

    const recordBytes = dataBytes + (ke - ks) * count;
    keys.add(e, count, recordBytes);
    if (r >= 0 && placed) this.routes.add(r, count, recordBytes);
    this.shardRecords[shard] = this.shardRecords[shard]! + count;
    this.shardBytes[shard] = this.shardBytes[shard]! + recordBytes;
    this.totalRecords += count;
    this.totalBytes += recordBytes;
    if (this.perSecond !== undefined) this.perSecond.add(second, shard, count, recordBytes);
  }

  /** Finds or adds the routing entry of a row that may carry an explicit hash key; -1 if invalid. */
  private route(bytes: Uint8Array, ks: number, ke: number, ehk: Uint8Array, es: number, ee: number, line: number): number {
    const byEhk = es >= 0;
    if (byEhk && !parseExplicitHashKey(ehk, es, ee, this.ehkWords, 0)) {
      const text = new TextDecoder().decode(ehk.subarray(es, ee));
      this.malformed(line, `the explicit hash key ${quoted(text, 48)} is invalid: ${explicitHashKeyProblem(text) ?? 'Kinesis would reject it'}`);
      return -1;
    }
    // Tag the routing identity so that a key "12" and an explicit hash key "12" stay apart.
    const from = byEhk ? es : ks;
    const to = byEhk ? ee : ke;
    const source = byEhk ? ehk : bytes;
    const len = to - from + 1;
    if (this.routeScratch.length < len) this.routeScratch = new Uint8Array(len * 2);
    const scratch = this.routeScratch;
    scratch[0] = byEhk ? ROUTE_BY_EHK : ROUTE_BY_KEY;
    scratch.set(source.subarray(from, to), 1);
    const routes = this.routes;
    const h = fnv1a(scratch, 0, len);
    let r = routes.find(scratch, 0, len, h);
    if (r < 0) {
      r = routes.insert(scratch, 0, len, h);
      if (byEhk) routes.words.set(this.ehkWords, routes.hashAt(r));
      else md5Words(bytes, ks, ke, routes.words, routes.hashAt(r));
      routes.setShard(r, routeWords(this.map, routes.words, routes.hashAt(r)));
    }
    return r;
  }

  /** Call after the last row. */
  finish(): void {
    this.perSecond?.finish();
  }
}

/** 'invalid' for bytes that are not UTF-8, 'long' for a key over the length limit, else undefined. */
type KeyProblem = 'invalid' | 'long' | undefined;

function keyProblem(bytes: Uint8Array, start: number, end: number): KeyProblem {
  const units = utf16Length(bytes, start, end);
  if (units < 0) return 'invalid';
  if (units > STREAM.partitionKeyMaxChars.value) return 'long';
  return undefined;
}
