/**
 * One record as the sources that are not CSV bytes produce it: JSON lines, `aws kinesis get-records`
 * output, log lines and live streams. The CSV scanner feeds the analysis from byte ranges instead;
 * both end in the same accumulator.
 */
export interface KeyRecord {
  /** The partition key. */
  readonly key: string;
  /** Size of the data blob in bytes; 0 when the source does not tell. */
  readonly dataBytes: number;
  /** Arrival time in epoch seconds (fractions allowed); NaN when the source does not tell. */
  readonly time: number;
  /** The explicit hash key, a decimal string, when the producer set one. */
  readonly explicitHashKey?: string;
  /** The shard the record was read from, when the source knows it (a live stream, a saved read). */
  readonly shardId?: string;
  /**
   * True for a user record taken out of a KPL aggregate: the aggregate was routed by its first
   * record's hash key, so this record's own key may point at another shard.
   */
  readonly aggregated?: boolean;
}
