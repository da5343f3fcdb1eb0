/** What the advisor is told about a workload, in the units of the flags. */

export const ORDERINGS = ['none', 'per-key', 'global'] as const;
export type Ordering = (typeof ORDERINGS)[number];

export const DESTINATIONS = ['s3', 'redshift', 'opensearch', 'splunk', 'snowflake', 'iceberg', 'http', 'custom'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Destinations Amazon Data Firehose delivers to by itself ("custom" means your own consumer code). */
export const FIREHOSE_SINKS: readonly Destination[] = ['s3', 'redshift', 'opensearch', 'splunk', 'snowflake', 'iceberg', 'http'];

export const DESTINATION_NAMES: Readonly<Record<Destination, string>> = {
  s3: 'Amazon S3',
  redshift: 'Amazon Redshift',
  opensearch: 'Amazon OpenSearch Service',
  splunk: 'Splunk',
  snowflake: 'Snowflake',
  iceberg: 'Apache Iceberg tables',
  http: 'an HTTP endpoint',
  custom: 'your own consumer code',
};

export interface Workload {
  /** Consumers must be able to read data again after processing it. */
  readonly replay: boolean;
  /** How far back replay must reach, in days. Implies replay. */
  readonly replayDays?: number | undefined;
  /** Independent applications (or sinks) that each need every message; workers of one app count once. */
  readonly consumers?: number | undefined;
  readonly ordering: Ordering;
  /** The service itself must drop duplicates (rather than consumers being idempotent). */
  readonly exactlyOnce: boolean;
  /** Each message is acknowledged on its own: visibility timeout, retry, dead-letter queue. */
  readonly perMessageAck: boolean;
  /** Single messages must be delayed before delivery. */
  readonly perMessageDelay: boolean;
  readonly destination?: Destination | undefined;
  /** Data must reach the destination without consumer code. */
  readonly noCode: boolean;
  /** JSON to Parquet or ORC on the way to S3. */
  readonly formatConversion: boolean;
  /** S3 prefixes taken from a field in each record. */
  readonly partitionByField: boolean;
  /** End-to-end budget from producer to consumer or sink, in milliseconds. */
  readonly latencyMs?: number | undefined;
  /** The largest single message, in KiB. */
  readonly maxMessageKiB?: number | undefined;
  /** Sustained writes in MiB/s. */
  readonly mbps?: number | undefined;
  readonly messagesPerSec?: number | undefined;
  /** Producers and consumers must speak the Kafka protocol. */
  readonly kafkaApi: boolean;
  /** Messages are routed to different targets by their content. */
  readonly contentRouting: boolean;
}

/** A workload with nothing stated: every boolean false, ordering none. */
export const EMPTY_WORKLOAD: Workload = {
  replay: false,
  ordering: 'none',
  exactlyOnce: false,
  perMessageAck: false,
  perMessageDelay: false,
  noCode: false,
  formatConversion: false,
  partitionByField: false,
  kafkaApi: false,
  contentRouting: false,
};

export function isFirehoseSink(destination: Destination | undefined): boolean {
  return destination !== undefined && FIREHOSE_SINKS.includes(destination);
}

/** Replay is wanted when asked for, or when a replay window is given. */
export function wantsReplay(w: Workload): boolean {
  return w.replay || w.replayDays !== undefined;
}

/** Consumers that each need every message; one when not stated. */
export function consumerCount(w: Workload): number {
  return w.consumers ?? 1;
}
