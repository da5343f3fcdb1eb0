/** How the live-stream flags combine into typed input, and which flags need a stream. */
import { parseFrom, type From } from '../core/live/time.js';
import { LiveError } from '../core/live/errors.js';
import { UsageError } from '../errors.js';
import type { AwsFlags } from '../io/aws/settings.js';
import { DEFAULT_CALLS_PER_SECOND, DEFAULT_SECONDS, type LiveFlags, type LiveSizeFlags } from './live-options.js';

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

/** Usage error for kds size flags that only mean something with kinesis://NAME (--region also sets the prices). */
export function rejectSizeHistoryFlags(flags: LiveSizeFlags): void {
  const only: [unknown, string][] = [
    [flags.days, '--days'],
    [flags.percentile, '--percentile'],
    [flags.profile, '--profile'],
    [flags.endpointUrl, '--endpoint-url'],
  ];
  for (const [value, flag] of only) {
    if (value !== undefined) throw new UsageError(`${flag} sizes a stream from its history: give kinesis://NAME (or a stream ARN) as well.`);
  }
}

