/**
 * Flags for reading a live stream (kinesis://NAME or a stream ARN): how to reach AWS, named as the
 * AWS CLI names them, and what `kds keys analyze` reads. Described once, shared by the commands.
 */
import { CLOUDWATCH, SHARD } from '../core/facts.js';
import { parseFrom, type From } from '../core/live/time.js';
import { LiveError } from '../core/live/errors.js';
import { UsageError } from '../errors.js';
import type { OptionSpec } from '../options/define.js';
import type { AwsFlags } from '../io/aws/settings.js';

const AWS_GROUP = 'AWS (for kinesis://NAME):';
const READ_GROUP = 'Live read (kinesis://NAME):';

export const DEFAULT_SECONDS = 30;
export const DEFAULT_CALLS_PER_SECOND = 1;
/** A year: the longest retention a stream can have. */
const MAX_SECONDS = 365 * 86_400;

export const AWS_OPTIONS: readonly OptionSpec[] = [
  { type: 'string', name: 'region', value: 'REGION', group: AWS_GROUP, description: 'AWS Region of the stream (default: AWS_REGION, or the profile\'s region)' },
  { type: 'string', name: 'profile', value: 'NAME', group: AWS_GROUP, description: 'named profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, or the default chain)' },
  {
    type: 'string', name: 'endpoint-url', value: 'URL', group: AWS_GROUP,
    description: 'Kinesis endpoint to call instead of AWS\'s, e.g. a local emulator (http://127.0.0.1:4567)',
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
    description: 'also write what was read as CSV (partition_key,bytes,timestamp,explicit_hash_key,shard_id) for kds keys analyze FILE',
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
}

/** Usage error for kds size flags that only mean something with kinesis://NAME. */
export function rejectSizeHistoryFlags(flags: LiveSizeFlags): void {
  const only: [unknown, string][] = [
    [flags.days, '--days'],
    [flags.percentile, '--percentile'],
    [flags.region, '--region'],
    [flags.profile, '--profile'],
    [flags.endpointUrl, '--endpoint-url'],
  ];
  for (const [value, flag] of only) {
    if (value !== undefined) throw new UsageError(`${flag} sizes a stream from its history: give kinesis://NAME (or a stream ARN) as well.`);
  }
}

export interface LiveFlags extends AwsFlags {
  readonly from?: string;
  readonly seconds?: number;
  readonly maxRecords?: number;
  readonly callsPerSecond?: number;
  readonly save?: string;
}

export interface LiveReadInput {
  readonly from: From;
  readonly fromText: string;
  readonly seconds: number;
  readonly maxRecords: number | undefined;
  readonly callsPerSecond: number;
  readonly save: string | undefined;
}

const READ_FLAGS: readonly [keyof LiveFlags, string][] = [
  ['from', '--from'],
  ['seconds', '--seconds'],
  ['maxRecords', '--max-records'],
  ['callsPerSecond', '--calls-per-second'],
  ['save', '--save'],
];
const AWS_FLAGS: readonly [keyof LiveFlags, string][] = [
  ['region', '--region'],
  ['profile', '--profile'],
  ['endpointUrl', '--endpoint-url'],
];

/** Usage error for flags that only mean something when a stream is read. */
export function rejectLiveFlags(flags: LiveFlags, source: string, awsAllowed: boolean): void {
  for (const [key, flag] of READ_FLAGS) {
    if (flags[key] !== undefined) throw new UsageError(`${flag} reads a live stream: give kinesis://NAME (or a stream ARN) instead of ${source}.`);
  }
  if (awsAllowed) return;
  for (const [key, flag] of AWS_FLAGS) {
    if (flags[key] !== undefined) throw new UsageError(`${flag} is for reading a stream (kinesis://NAME); ${source} is a file.`);
  }
}

/** Checks the AWS flags' form (a URL, no empty values). */
export function checkAwsFlags(flags: AwsFlags): void {
  if (flags.endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(flags.endpointUrl)) {
    throw new UsageError(`--endpoint-url expects a URL such as http://127.0.0.1:4567, got '${flags.endpointUrl}'.`);
  }
  if (flags.region !== undefined && !/^[a-z0-9-]{2,40}$/.test(flags.region)) {
    throw new UsageError(`--region expects a Region name such as us-east-1, got '${flags.region}'.`);
  }
  if (flags.profile !== undefined && flags.profile.trim().length === 0) throw new UsageError('--profile expects a profile name, got an empty string.');
}

/** The live-read flags as typed input; time flags are read against nowMs. */
export function toLiveReadInput(flags: LiveFlags, nowMs: number): LiveReadInput {
  checkAwsFlags(flags);
  const fromText = flags.from ?? 'latest';
  let from: From;
  try {
    from = parseFrom(fromText, nowMs);
  } catch (error) {
    if (error instanceof LiveError) throw new UsageError(error.message);
    throw error;
  }
  if (flags.save !== undefined && (flags.save.length === 0 || flags.save === '-')) {
    throw new UsageError('--save expects a file name (standard output holds the report).');
  }
  return {
    from,
    fromText,
    seconds: flags.seconds ?? DEFAULT_SECONDS,
    maxRecords: flags.maxRecords,
    callsPerSecond: flags.callsPerSecond ?? DEFAULT_CALLS_PER_SECOND,
    save: flags.save,
  };
}
