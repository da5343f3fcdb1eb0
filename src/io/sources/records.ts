/**
 * A source that yields records rather than bytes (a live stream): everything it needs to become a
 * KeySource. The records go through RecordFeeder into the same accumulator as a file's rows, each
 * counted on the shard it names when it names one.
 */
import { Accumulator } from '../../core/keys/accumulate.js';
import { expandRecord, newExpandStats } from '../../core/keys/expand.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import type { KeyRecord } from '../../core/keys/record.js';
import type { ReadRequest, ReadResult } from './source.js';

/** A record as a stream returns it: the record, and its data when the source has it (for KPL aggregates). */
export interface RecordWithData {
  readonly record: KeyRecord;
  readonly data?: Uint8Array;
}

export interface RecordsOptions {
  /** Records carry arrival times. */
  readonly timed: boolean;
  /** Records name the shard they were read from. */
  readonly observedShards: boolean;
  /** Records carry their data size. */
  readonly hasBytes: boolean;
}

/** Reads every record into a new accumulator; `rows` counts the records as the source gave them. */
export async function readKeyRecords(records: AsyncIterable<RecordWithData>, options: RecordsOptions, request: ReadRequest): Promise<ReadResult> {
  const acc = new Accumulator({ map: request.map, maxKeys: request.maxKeys, strict: request.strict });
  const feeder = new RecordFeeder(acc, { timed: options.timed, observedShards: options.observedShards });
  const stats = newExpandStats();
  let rows = 0;
  const emit = (record: KeyRecord) => feeder.add(record, 0);
  for await (const { record, data } of records) {
    rows++;
    if (data === undefined) emit(record);
    else expandRecord(record, data, stats, emit);
  }
  const columns: Record<string, string> = { key: 'PartitionKey' };
  if (options.hasBytes) columns.bytes = 'Data';
  if (options.timed) columns.time = 'ApproximateArrivalTimestamp';
  if (options.observedShards) columns.shard = 'ShardId';
  return { acc, bytesRead: rows, rows, header: false, columns, hasBytes: options.hasBytes, aggregatedRecords: stats.aggregated, kpl: { userRecords: stats.userRecords, corrupt: stats.corrupt } };
}
