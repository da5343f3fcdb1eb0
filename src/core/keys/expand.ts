/**
 * The one place a record read with its data (get-records output, a live read) passes on its way
 * to the analysis. A KPL aggregate is de-aggregated here (see ../kpl/deaggregate.ts): each user record
 * inside it is counted under its own partition key and explicit hash key. As the KCL does, data
 * that starts with the magic bytes but fails the checksum is a plain record; an aggregate whose
 * checksum holds but whose contents cannot be read counts once, under its outer key, and is
 * reported.
 */
import { deaggregate } from '../kpl/deaggregate.js';
import type { KeyRecord } from './record.js';

export interface ExpandStats {
  /** Kinesis records that were KPL aggregates (corrupt ones included). */
  aggregated: number;
  /** User records taken out of the aggregates. */
  userRecords: number;
  /** Aggregates that could not be read, each counted as one record under its outer key. */
  corrupt: number;
  /** Records that start with the KPL magic bytes but fail its checksum: counted as plain records. */
  checksumMismatches: number;
}

export function newExpandStats(): ExpandStats {
  return { aggregated: 0, userRecords: 0, corrupt: 0, checksumMismatches: 0 };
}

/**
 * Passes the record, or the user records inside it when it is a KPL aggregate, to `emit`;
 * `onCorrupt` hears why an aggregate could not be read.
 */
export function expandRecord(
  record: KeyRecord,
  data: Uint8Array,
  stats: ExpandStats,
  emit: (record: KeyRecord) => void,
  onCorrupt?: (problem: string) => void,
): void {
  const unpacked = deaggregate(data, record.key, record.explicitHashKey);
  if (unpacked.kind === 'corrupt') {
    stats.aggregated++;
    stats.corrupt++;
    onCorrupt?.(unpacked.problem ?? 'unreadable');
  } else if (unpacked.kind === 'checksum-mismatch') stats.checksumMismatches++;
  if (unpacked.kind !== 'aggregate') {
    emit(record);
    return;
  }
  stats.aggregated++;
  stats.userRecords += unpacked.records.length;
  for (const user of unpacked.records) {
    emit({
      key: user.key,
      dataBytes: user.data.length,
      time: record.time,
      ...(user.explicitHashKey === undefined ? {} : { explicitHashKey: user.explicitHashKey }),
      ...(record.shardId === undefined ? {} : { shardId: record.shardId }),
      aggregated: true,
    });
  }
}
