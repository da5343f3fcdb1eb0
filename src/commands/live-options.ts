/**
 * Flags for reading a live stream (kinesis://NAME or a stream ARN): how to reach AWS, named as the
 * AWS CLI names them, what `kds keys analyze` reads and how far back `kds size` looks. Described
 * once, shared by the commands; plain data, loaded at start-up (the checks load with the command:
 * src/io/sources/kinesis.ts for a read, ./live-input.ts for kds size).
 */
import { CLOUDWATCH, SHARD, STREAM } from '../core/facts.js';
import { DEFAULT_CALLS_PER_SECOND, DEFAULT_SECONDS } from '../core/live/defaults.js';
import type { OptionSpec } from '../options/define.js';
import type { AwsFlags } from '../io/aws/settings.js';
import type { LiveReadFlags } from '../io/sources/kinesis.js';

const AWS_GROUP = 'AWS (for kinesis://NAME):';
const READ_GROUP = 'Live read (kinesis://NAME):';

/** The longest retention a stream can have, in seconds: no window can reach further back. */
const MAX_SECONDS = STREAM.retentionMaxHours.value * 3600;

export const AWS_OPTIONS: readonly OptionSpec[] = [
  { type: 'string', name: 'region', value: 'REGION', group: AWS_GROUP, description: 'AWS Region of the stream (default: AWS_REGION, or the profile\'s region)' },
  { type: 'string', name: 'profile', value: 'NAME', group: AWS_GROUP, description: 'named profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, or the default chain)' },
  {
    type: 'string', name: 'endpoint-url', value: 'URL', group: AWS_GROUP,
    description: 'Kinesis endpoint to call instead of AWS\'s, e.g. a local emulator at http://localhost:4567',
  },
];

export const LIVE_READ_OPTIONS: readonly OptionSpec[] = [
  {
    type: 'string', name: 'from', value: 'WHEN', group: READ_GROUP,
    description: 'where to start: latest, trim-horizon, an ISO 8601 time (UTC unless it has an offset) or a duration ago such as 15m (default latest)',
  },
  {
    type: 'number', name: 'seconds', value: 'N', group: READ_GROUP,
    description: `how many seconds of arrivals to read from --from (default ${DEFAULT_SECONDS})`,
    rule: { integer: true, min: 1, max: MAX_SECONDS, unit: 'seconds' },
  },
  {
    type: 'number', name: 'max-records', value: 'N', group: READ_GROUP,
    description: 'stop after N records, when that comes before the end of --seconds',
    rule: { integer: true, min: 1, max: 1_000_000_000, unit: 'records' },
  },
  {
    type: 'number', name: 'calls-per-second', value: 'N', group: READ_GROUP,
    description: `GetRecords calls per shard per second (default ${DEFAULT_CALLS_PER_SECOND}, at most ${SHARD.getRecordsCallsPerSec.value}: the rest stay with the stream's consumers)`,
    rule: { min: 0, minExclusive: true, max: SHARD.getRecordsCallsPerSec.value, unit: 'calls per second', why: `A shard allows ${SHARD.getRecordsCallsPerSec.value} GetRecords calls a second, shared by every consumer.` },
  },
  {
    type: 'string', name: 'save', value: 'FILE', group: READ_GROUP,
    description: 'also write what was read as CSV for kds keys analyze FILE (columns partition_key, bytes, timestamp, explicit_hash_key, shard_id, kpl_aggregated)',
  },
];

const HISTORY_GROUP = 'History (kinesis://NAME):';
export const DEFAULT_DAYS = 14;

/** kds size kinesis://NAME: how far back CloudWatch is read, and which rate the stream is sized on. */
export const SIZE_HISTORY_OPTIONS: readonly OptionSpec[] = [
  {
    type: 'number', name: 'days', value: 'N', group: HISTORY_GROUP,
    description: `days of CloudWatch history to read (default ${DEFAULT_DAYS}; 1-minute sums up to ${CLOUDWATCH.oneMinuteRetentionDays.value} days, 5-minute up to ${CLOUDWATCH.fiveMinuteRetentionDays.value}, hourly up to ${CLOUDWATCH.oneHourRetentionDays.value})`,
    rule: { integer: true, min: 1, max: CLOUDWATCH.oneHourRetentionDays.value, unit: 'days', why: `CloudWatch keeps hourly data ${CLOUDWATCH.oneHourRetentionDays.value} days.` },
  },
  {
    type: 'number', name: 'percentile', value: 'P', group: HISTORY_GROUP,
    description: 'size on the Pth percentile of the per-period rates instead of the peak (100 is the peak, the default)',
    rule: { min: 0, minExclusive: true, max: 100, unit: 'percent' },
  },
];

export interface LiveSizeFlags extends AwsFlags {
  readonly days?: number;
  readonly percentile?: number;
  /** --consumers was on the command line (not its default). */
  readonly consumersGiven?: boolean;
  /** --stream-name was on the command line (not its default): the printed commands name it instead of the stream. */
  readonly streamNameGiven?: boolean;
}

/** The live-read and AWS flags of kds keys analyze, as commander parsed them. */
export type LiveFlags = LiveReadFlags;

