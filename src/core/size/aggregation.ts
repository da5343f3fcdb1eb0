/** How KPL aggregation turns user records into Kinesis records. */
import { KPL } from '../facts.js';

export interface Aggregation {
  /** User records packed into one Kinesis record. */
  readonly userRecordsPerKinesisRecord: number;
  /** Kinesis records per second after aggregation. */
  readonly kinesisRecordsPerSec: number;
  /** Average size of one Kinesis record after aggregation, in bytes. */
  readonly kinesisRecordBytes: number;
}

/**
 * Packs as many whole user records as fit in AggregationMaxSize into each Kinesis record.
 * (AWS's example: 1,000 records/s of 512 bytes become 10 Kinesis records/s.) Protobuf framing adds
 * a few bytes per user record; that overhead is left out here.
 */
export function aggregate(userRecordsPerSec: number, userRecordBytes: number): Aggregation {
  const perRecord = Math.max(1, Math.floor(KPL.aggregationMaxBytes.value / Math.max(1, userRecordBytes)));
  return {
    userRecordsPerKinesisRecord: perRecord,
    kinesisRecordsPerSec: userRecordsPerSec / perRecord,
    kinesisRecordBytes: userRecordBytes * perRecord,
  };
}
