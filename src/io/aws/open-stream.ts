/**
 * Opening a live stream: the stream reference, the client, the summary (which must say ACTIVE),
 * the shard list; and LiveError turned into the command's usage or input errors. Used by the
 * kinesis:// source (../sources/kinesis.ts), --shard-map kinesis://NAME and kds size.
 */
import { ApiError, listAllShards, type StreamSummary } from '../../core/live/api.js';
import { LiveError } from '../../core/live/errors.js';
import { retryThrottled, type Clock } from '../../core/live/retry.js';
import { streamShards, type ListedShard } from '../../core/live/shards.js';
import { parseStreamRef, type StreamRef } from '../../core/live/source.js';
import type { ShardMap } from '../../core/keys/shard-map.js';
import { InputError, InterruptedError, UsageError } from '../../errors.js';
import { echoValue } from '../../render/escape.js';
import { realClock } from '../clock.js';
import type { Io } from '../io.js';
import { openStream, type LiveStream } from './kinesis.js';
import { checkAwsFlags, type AwsFlags, type AwsSettings } from './settings.js';

/** Calls in flight at once: enough to keep many shards busy, few enough to bound memory (each page is up to 10 MiB). */
export const MAX_IN_FLIGHT = 32;

/**
 * LiveError as the command's usage or input error. An ApiError that reaches here was not handled
 * where it was thrown (a call outside retryThrottled): it ends the command with a message, not as a bug.
 */
export function liveError(error: unknown): unknown {
  if (error instanceof LiveError) return error.kind === 'usage' ? new UsageError(error.message) : new InputError(error.message);
  if (error instanceof ApiError) {
    if (error.code === 'aborted') return new InterruptedError();
    const what = error.code === 'throttled' ? 'AWS throttled a call' : 'a shard iterator expired';
    return new InputError(`${what} (${echoValue(error.message, 200)}): try again later.`);
  }
  return error;
}

export function refOf(text: string, what: string): StreamRef {
  try {
    return parseStreamRef(text, what);
  } catch (error) {
    throw liveError(error);
  }
}

export interface Opened {
  readonly ref: StreamRef;
  readonly stream: LiveStream;
  readonly clock: Clock;
  readonly summary: StreamSummary;
  readonly settings: AwsSettings;
  listShardsCalls: number;
  /** Throttled Kinesis and CloudWatch calls outside the read (each retried). */
  throttled: number;
}

/** Opens the stream and checks that it can be read. */
export async function openLive(ref: StreamRef, flags: AwsFlags, io: Io): Promise<Opened> {
  checkAwsFlags(flags);
  if (ref.region !== undefined && flags.region !== undefined && flags.region !== ref.region) {
    throw new UsageError(`--region ${echoValue(flags.region)} differs from the Region in the ARN (${ref.region}): drop one of them.`);
  }
  const settings: AwsSettings = { region: flags.region ?? ref.region, profile: flags.profile, endpointUrl: flags.endpointUrl, env: io.env };
  const stream = await openStream(ref, settings, MAX_IN_FLIGHT);
  const clock = realClock(() => io.now());
  let throttled = 0;
  try {
    const summary = await retryThrottled('DescribeStreamSummary', () => stream.api.describeStream(), clock, () => throttled++);
    if (summary.status === 'CREATING' || summary.status === 'DELETING') {
      throw new InputError(`stream ${echoValue(ref.text)} is ${summary.status}, not ACTIVE: wait until it is ACTIVE and rerun.`);
    }
    return { ref, stream, clock, summary, settings, listShardsCalls: 0, throttled };
  } catch (error) {
    stream.close();
    throw liveError(error);
  }
}

/** Every ListShards page, throttling retried. */
export async function listLiveShards(opened: Opened): Promise<ListedShard[]> {
  return retryThrottled(
    'ListShards',
    () => listAllShards(opened.stream.api, () => opened.listShardsCalls++),
    opened.clock,
    () => opened.throttled++,
  );
}

/** --shard-map kinesis://NAME: the stream's open shards from ListShards. */
export async function streamShardMap(text: string, flags: AwsFlags, io: Io): Promise<ShardMap> {
  const ref = refOf(text, '--shard-map');
  const opened = await openLive(ref, flags, io);
  try {
    return streamShards(await listLiveShards(opened), ref.text).map;
  } catch (error) {
    throw liveError(error);
  } finally {
    opened.stream.close();
  }
}
