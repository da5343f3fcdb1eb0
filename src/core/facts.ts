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
  kplAggregation: 'https://github.com/awslabs/amazon-kinesis-producer/blob/master/aggregation-format.md',
  kplConcepts: 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-kpl-concepts.html',
  kplDefaults:
    'https://github.com/awslabs/amazon-kinesis-producer/blob/master/java/amazon-kinesis-producer-sample/default_config.properties',
  pricing: 'https://aws.amazon.com/kinesis/data-streams/pricing/',
  faq: 'https://aws.amazon.com/kinesis/data-streams/faqs/',
} as const;

function fact<T>(value: T, unit: string, source: string, note?: string, asOf = CHECKED): Fact<T> {
  return note === undefined ? { value, unit, source, asOf } : { value, unit, source, asOf, note };
}

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
    'registered enhanced fan-out consumers per stream with On-demand Advantage',
    SOURCES.quotas,
    'Raised from 20 for On-demand Advantage streams in Nov 2025.',
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

/** On-demand capacity mode. */
export const ON_DEMAND = {
  initialWriteBytesPerSec: fact(4 * MIB, 'bytes/s of write capacity for a new on-demand stream', SOURCES.quotas),
  initialWriteRecordsPerSec: fact(4000, 'records/s of write capacity for a new on-demand stream', SOURCES.quotas),
  peakMultiplier: fact(
    2,
    'times the previous 30-day peak write throughput that on-demand absorbs at once',
    SOURCES.modes,
  ),
  advantageMinimumBytesPerSec: fact(
    25 * MIB,
    'bytes/s of ingest and of retrieval billed at least with On-demand Advantage (per account and Region)',
    SOURCES.modes,
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

function price(value: number, unit: string, note = PRICE_NOTE): Fact {
  return fact(value, unit, SOURCES.pricing, note, PRICES_AS_OF);
}

/** us-east-1 list prices in USD. */
export const PRICES = {
  provisioned: {
    shardHour: price(0.015, 'USD per shard-hour'),
    putPayloadUnitsPerMillion: price(0.014, 'USD per million PUT payload units'),
    extendedRetentionShardHour: price(0.02, 'USD per shard-hour of retention beyond 24 hours (up to 7 days)'),
    longTermRetentionGbMonth: price(0.023, 'USD per GB-month stored beyond 7 days'),
    efoConsumerShardHour: price(0.015, 'USD per consumer-shard-hour of enhanced fan-out'),
    efoRetrievalGb: price(0.013, 'USD per GB read by enhanced fan-out'),
  },
  onDemandStandard: {
    streamHour: price(0.04, 'USD per stream-hour'),
    ingestGb: price(0.08, 'USD per GB written (records rounded up to 1 KiB)'),
    retrievalGb: price(0.04, 'USD per GB read with GetRecords'),
    efoRetrievalGb: price(0.05, 'USD per GB read by enhanced fan-out'),
    extendedRetentionGbMonth: price(0.1, 'USD per GB-month stored beyond 24 hours (up to 7 days)'),
    longTermRetentionGbMonth: price(0.023, 'USD per GB-month stored beyond 7 days'),
  },
  onDemandAdvantage: {
    ingestGb: price(0.032, 'USD per GB written (60% below Standard)'),
    retrievalGb: price(0.016, 'USD per GB read, GetRecords or enhanced fan-out'),
    retentionGbMonth: price(0.023, 'USD per GB-month stored beyond 24 hours'),
  },
} as const;
