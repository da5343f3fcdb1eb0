/** kds size flags, described once. How they combine into a SizeInput is in input.ts. */
import { LAMBDA, PRICE_REGION, REGION_CODES, SHARD, STREAM } from '../../core/facts.js';
import { MIB } from '../../core/units.js';
import type { OptionSpec } from '../../options/define.js';
import { formatInt, formatMibPerSec } from '../../render/format.js';
import { JSON_OPTION } from '../shared.js';

export { lacksThroughput, THROUGHPUT_HELP, toSizeInput } from './input.js';

const WORKLOAD = 'Workload (the peak):';
const TRAFFIC = 'Traffic over time:';
const READERS = 'Readers:';
const PLAN = 'Plan:';
const COST = 'Cost:';

export const DEFAULT_HEADROOM_PERCENT = 25;

const MAX_MIBPS = 1_048_576;
const MAX_RECORDS = 1_000_000_000;

export const SIZE_OPTIONS: readonly OptionSpec[] = [
  {
    type: 'number', name: 'mbps', value: 'N', group: WORKLOAD,
    description: `peak write throughput in MiB/s (data bytes; the unit of the ${formatMibPerSec(SHARD.writeBytesPerSec.value)} shard limit)`,
    rule: { min: 0, minExclusive: true, max: MAX_MIBPS, unit: 'MiB/s' },
  },
  {
    type: 'number', name: 'records', value: 'N', group: WORKLOAD,
    description: 'peak records written per second',
    rule: { min: 0, minExclusive: true, max: MAX_RECORDS, unit: 'records per second' },
  },
  {
    type: 'number', name: 'record-size', value: 'BYTES', group: WORKLOAD,
    description: 'average data size of a record, in bytes (with --records)',
    rule: { integer: true, min: 1, max: 1024 * MIB, unit: 'bytes' },
  },
  {
    type: 'number', name: 'key-size', value: 'BYTES', group: WORKLOAD,
    description: 'average partition key size in UTF-8 bytes; Kinesis counts it toward the byte limit (default 0)',
    rule: {
      integer: true, min: 1, max: STREAM.partitionKeyMaxBytes.value, unit: 'bytes',
      why: `A partition key is 1 to ${STREAM.partitionKeyMaxChars.value} characters.`,
    },
  },
  {
    type: 'boolean', name: 'kpl', group: WORKLOAD,
    description: 'producers use KPL aggregation (changes the records limit)',
  },
  {
    type: 'number', name: 'average-mbps', value: 'N', group: TRAFFIC,
    description: 'long-run average write throughput in MiB/s, for cost (default: the peak)',
    rule: { min: 0, minExclusive: true, max: MAX_MIBPS, unit: 'MiB/s' },
  },
  {
    type: 'number', name: 'average-records', value: 'N', group: TRAFFIC,
    description: "long-run average records per second, for cost (records of the peak's size)",
    rule: { min: 0, minExclusive: true, max: MAX_RECORDS, unit: 'records per second' },
  },
  {
    type: 'number', name: 'surge-records', value: 'N', group: TRAFFIC,
    description: "records per second during a short surge above the peak (records of the peak's size)",
    rule: { min: 0, minExclusive: true, max: MAX_RECORDS, unit: 'records per second' },
  },
  {
    type: 'number', name: 'surge-mbps', value: 'N', group: TRAFFIC,
    description: 'the surge in MiB/s (with --surge-records too: the surge has its own record size)',
    rule: { min: 0, minExclusive: true, max: MAX_MIBPS, unit: 'MiB/s' },
  },
  {
    type: 'number', name: 'surge-seconds', value: 'S', group: TRAFFIC,
    description: 'how long the surge lasts, in seconds',
    rule: { min: 0, minExclusive: true, max: 86_400, unit: 'seconds', why: 'A surge is a burst; for a day or more, size for it as the peak.' },
  },
  {
    type: 'number', name: 'consumers', value: 'N', group: READERS, default: 1,
    description: 'applications reading with shared throughput (GetRecords: KCL polling, Lambda without EFO)',
    rule: { integer: true, min: 0, max: 10_000, unit: 'consumers' },
  },
  {
    type: 'number', name: 'efo-consumers', value: 'N', group: READERS, default: 0,
    description: 'enhanced fan-out consumers (each gets its own read throughput)',
    rule: { integer: true, min: 0, max: 10_000, unit: 'consumers' },
  },
  {
    type: 'number', name: 'consumer-speed', value: 'N', group: READERS,
    description: 'records per second the slowest consumer processes from one shard (its own work)',
    rule: { min: 0, minExclusive: true, max: MAX_RECORDS, unit: 'records per second' },
  },
  {
    type: 'number', name: 'lambda-concurrency-per-shard', value: 'N', group: READERS,
    description: 'Lambda ParallelizationFactor: batches processed per shard at once (multiplies --consumer-speed)',
    rule: {
      integer: true, min: LAMBDA.parallelizationFactorMin.value, max: LAMBDA.parallelizationFactorMax.value, unit: 'batches per shard',
      why: `Lambda's ParallelizationFactor is ${LAMBDA.parallelizationFactorMin.value} to ${LAMBDA.parallelizationFactorMax.value}.`,
    },
  },
  {
    type: 'number', name: 'max-lag-seconds', value: 'S', group: READERS,
    description: 'lag budget: consumers must catch up within S seconds after a surge ends',
    rule: { min: 0, max: STREAM.retentionMaxHours.value * 3600, unit: 'seconds' },
  },
  {
    type: 'number', name: 'headroom', value: 'PCT', group: PLAN, default: DEFAULT_HEADROOM_PERCENT,
    description: 'spare capacity for spikes and uneven keys, in percent',
    rule: { min: 0, max: 1000, unit: 'percent' },
  },
  {
    type: 'number', name: 'retention-hours', value: 'H', group: PLAN, default: STREAM.retentionDefaultHours.value,
    description: `how long the stream keeps data (adds retention cost above ${STREAM.retentionDefaultHours.value})`,
    rule: {
      integer: true, min: STREAM.retentionDefaultHours.value, max: STREAM.retentionMaxHours.value, unit: 'hours',
      why: `Kinesis keeps data ${STREAM.retentionDefaultHours.value} to ${formatInt(STREAM.retentionMaxHours.value)} hours.`,
    },
  },
  {
    type: 'number', name: 'current-shards', value: 'N', group: PLAN,
    description: "the stream's shard count today, to plan the update-shard-count calls",
    rule: { integer: true, min: 1, max: 1_000_000, unit: 'shards' },
  },
  {
    type: 'string', name: 'stream-name', value: 'NAME', group: PLAN, default: 'my-stream',
    description: 'stream name to put in the printed aws commands',
  },
  {
    type: 'string', name: 'region', value: 'CODE', group: COST,
    description: `AWS Region whose prices to use (default ${PRICE_REGION}): ${REGION_CODES.join(', ')}; with kinesis://NAME, the stream's Region (default: AWS_REGION, or the profile's)`,
  },
  {
    type: 'number', name: 'discount', value: 'PCT', group: COST, default: 0,
    description: 'negotiated discount off every list price, in percent',
    rule: { min: 0, max: 99, unit: 'percent', why: 'A discount of 100% or more would make the stream free.' },
  },
  JSON_OPTION,
];

/** The raw flag values, as commander parsed them. */
export interface SizeFlags {
  readonly mbps?: number;
  readonly records?: number;
  readonly recordSize?: number;
  readonly keySize?: number;
  readonly kpl?: boolean;
  readonly averageMbps?: number;
  readonly averageRecords?: number;
  readonly surgeRecords?: number;
  readonly surgeMbps?: number;
  readonly surgeSeconds?: number;
  readonly consumers: number;
  readonly efoConsumers: number;
  readonly consumerSpeed?: number;
  readonly lambdaConcurrencyPerShard?: number;
  readonly maxLagSeconds?: number;
  readonly headroom: number;
  readonly retentionHours: number;
  readonly currentShards?: number;
  readonly streamName: string;
  readonly region?: string;
  readonly discount?: number;
  readonly json?: boolean;
}
