/**
 * The few Kinesis calls a live read makes, as an interface: src/io/aws/ implements it with the AWS
 * SDK, tests with fakes. Failures the reader handles itself come back as ApiError; anything else
 * (access denied, a stream that went away) is thrown as the caller's own error and ends the read.
 */
import type { ListedShard } from './shards.js';

export interface StreamSummary {
  readonly name: string;
  readonly arn?: string | undefined;
  /** ACTIVE, CREATING, DELETING or UPDATING. */
  readonly status: string;
  /** PROVISIONED or ON_DEMAND; undefined when the endpoint does not say (emulators). */
  readonly mode?: string | undefined;
  readonly openShardCount?: number | undefined;
  readonly retentionHours: number;
  readonly createdMs?: number | undefined;
  /** Shard-level metrics that are enabled ("ALL" or metric names). */
  readonly shardLevelMetrics: readonly string[];
  /** The stream's maximum record size in KiB, when the endpoint says. */
  readonly maxRecordSizeKiB?: number | undefined;
  /** Registered enhanced fan-out consumers, as DescribeStreamSummary counts them. */
  readonly consumerCount?: number | undefined;
}

export type IteratorStart =
  | { readonly type: 'LATEST' | 'TRIM_HORIZON' }
  | { readonly type: 'AT_TIMESTAMP'; readonly timestampMs: number }
  | { readonly type: 'AFTER_SEQUENCE_NUMBER'; readonly sequenceNumber: string };

export interface StreamRecord {
  readonly PartitionKey?: string | undefined;
  readonly Data?: Uint8Array | undefined;
  readonly ApproximateArrivalTimestamp?: Date | undefined;
  readonly SequenceNumber?: string | undefined;
}

export interface RecordsPage {
  readonly records: readonly StreamRecord[];
  /** Undefined once a closed shard has been read to its end. */
  readonly nextIterator: string | undefined;
  readonly millisBehindLatest: number | undefined;
}

export interface ShardsPage {
  readonly shards: readonly ListedShard[];
  readonly nextToken: string | undefined;
}

export interface KinesisApi {
  describeStream(): Promise<StreamSummary>;
  /** One ListShards page: the first without a token. */
  listShards(nextToken: string | undefined): Promise<ShardsPage>;
  getShardIterator(shardId: string, start: IteratorStart, signal?: AbortSignal): Promise<string>;
  getRecords(iterator: string, limit: number, signal?: AbortSignal): Promise<RecordsPage>;
}

/**
 * 'throttled': ProvisionedThroughputExceeded and its relatives, retried with backoff.
 * 'expired-iterator': the iterator is older than its lifetime; a new one is fetched.
 * 'aborted': the read was stopped (Ctrl+C) while the call was in flight.
 */
export type ApiErrorCode = 'throttled' | 'expired-iterator' | 'aborted';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Every page of ListShards, following NextToken. */
export async function listAllShards(api: KinesisApi, onPage?: () => void): Promise<ListedShard[]> {
  const shards: ListedShard[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await api.listShards(token);
    onPage?.();
    shards.push(...page.shards);
    token = page.nextToken;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
  return shards;
}
