/** What the shard calculator needs to know about a workload, in base units. */
export interface SizeInput {
  /** Data blob bytes written per second, without partition keys. */
  readonly dataBytesPerSec: number;
  /** User records written per second, when known. */
  readonly recordsPerSec?: number | undefined;
  /** Average partition key size in UTF-8 bytes (0 when not given). */
  readonly keyBytes: number;
  /** Applications reading with shared throughput (GetRecords). */
  readonly sharedConsumers: number;
  /** Registered enhanced fan-out consumers. */
  readonly efoConsumers: number;
  /** Spare capacity as a fraction: 0.25 for 25%. */
  readonly headroom: number;
  readonly retentionHours: number;
  /** The stream's shard count today, to plan the resharding. */
  readonly currentShards?: number | undefined;
  /** Producers use KPL aggregation. */
  readonly kpl: boolean;
}

/** The average user record: data plus key bytes, when the record count is known. */
export function averageRecordBytes(input: SizeInput): number | undefined {
  if (input.recordsPerSec === undefined || input.recordsPerSec <= 0) return undefined;
  return input.dataBytesPerSec / input.recordsPerSec + input.keyBytes;
}

/** Everything Kinesis counts toward the write byte limit: data blobs plus partition keys. */
export function writeBytesPerSec(input: SizeInput): number {
  return input.dataBytesPerSec + (input.recordsPerSec ?? 0) * input.keyBytes;
}
