/**
 * A live stream as a source of records: `kinesis://NAME` or a stream ARN. Opening it checks the
 * flags and the stream's name and calls nothing; ownShardMap() connects (DescribeStreamSummary,
 * ListShards) and gives today's open shards; read() reads a window with GetRecords
 * (../../core/live/reader.ts), each record counted on the shard it was read from, and adds a
 * account of the read (the window, the calls, what KPL de-aggregation found) for the report,
 * which the command words (render/live.ts): this file formats nothing.
 *
 * The AWS SDK is loaded only once ownShardMap() runs (../aws/kinesis.ts imports it on first use).
 */
import { resolve } from 'node:path';
import { READ_API, SHARD } from '../../core/facts.js';
import { Accumulator } from '../../core/keys/accumulate.js';
import { COLUMN_FLAGS, type FlaggedRole } from '../../core/keys/columns.js';
import { FIELD_FLAGS } from '../../core/keys/fields.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import type { KeyRecord } from '../../core/keys/record.js';
import { DEFAULT_CALLS_PER_SECOND, DEFAULT_SECONDS } from '../../core/live/defaults.js';
import { LiveError } from '../../core/live/errors.js';
import { readShards, type ReadResult as LiveReadResult } from '../../core/live/reader.js';
import { parentsFirst, shardsToRead, streamShards, type StreamShards } from '../../core/live/shards.js';
import { isoSecond, parseFrom, readWindow, type From } from '../../core/live/time.js';
import type { LivePlan, LiveView } from '../../core/live/view.js';
import { InputError, InterruptedError, UsageError } from '../../errors.js';
import { echoValue } from '../../render/escape.js';
import { listLiveShards, liveError, MAX_IN_FLIGHT, openLive, refOf, type Opened } from '../aws/open-stream.js';
import { checkAwsFlags, type AwsFlags } from '../aws/settings.js';
import { CsvSaver } from '../save-csv.js';
import type { SourceOptions } from './index.js';
import type { KeySource, ReadRequest, ReadResult, SourceContext } from './source.js';

/** The live-read flags (and how to reach AWS), as the command parsed them. */
export interface LiveReadFlags extends AwsFlags {
  readonly from?: string | undefined;
  readonly seconds?: number | undefined;
  readonly maxRecords?: number | undefined;
  readonly callsPerSecond?: number | undefined;
  readonly save?: string | undefined;
}

interface LiveReadInput {
  readonly from: From;
  readonly fromText: string;
  readonly seconds: number;
  readonly maxRecords: number | undefined;
  readonly callsPerSecond: number;
  readonly save: string | undefined;
}

/** The live-read flags as typed input; time flags are read against nowMs. */
function toLiveReadInput(flags: LiveReadFlags, nowMs: number): LiveReadInput {
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

/** Flags that describe a file's layout mean nothing for a stream: refused, not ignored. */
function rejectFileFlags(options: SourceOptions, stream: string): void {
  const column = Object.keys(options.columns)[0] as FlaggedRole | undefined;
  if (column !== undefined) throw new UsageError(`${COLUMN_FLAGS[column]} names a CSV column; ${stream} is a live stream.`);
  const field = Object.keys(options.fields)[0] as keyof typeof FIELD_FLAGS | undefined;
  if (field !== undefined) throw new UsageError(`${FIELD_FLAGS[field]} names a JSON field; ${stream} is a live stream.`);
  if (options.format !== 'auto') throw new UsageError(`--format ${options.format} describes a file; ${stream} is a live stream.`);
  if (options.delimiter !== undefined) throw new UsageError(`--delimiter describes a file; ${stream} is a live stream.`);
  if (options.header !== undefined) throw new UsageError(`--${options.header ? '' : 'no-'}header describes a file; ${stream} is a live stream.`);
  if (options.keyPattern !== undefined) throw new UsageError(`--key-pattern reads log lines; ${stream} is a live stream.`);
}

const DESCRIPTION = 'records read with GetRecords, KPL aggregates de-aggregated';

export function openStreamSource(spec: string, options: SourceOptions, ctx: SourceContext): KeySource {
  const ref = refOf(spec, 'the stream');
  const shown = echoValue(ref.text);
  rejectFileFlags(options, shown);
  const input = toLiveReadInput(options.live, ctx.io.now());
  let opened: Opened | undefined;
  let shards: StreamShards | undefined;
  let saver: CsvSaver | undefined;
  /** The read ended and the saved file was written out: closing it has nothing left to fail on. */
  let readDone = false;

  const close = (): void => {
    try {
      // Without a finished read an error is on its way; a failed --save write must not replace it.
      if (readDone) saver?.close();
      else saver?.abandon();
    } finally {
      saver = undefined;
      opened?.stream.close();
      opened = undefined;
    }
  };

  const ownShardMap = async () => {
    if (input.callsPerSecond > 1) {
      ctx.notice(
        `--calls-per-second ${input.callsPerSecond} uses ${input.callsPerSecond} of the ${SHARD.getRecordsCallsPerSec.value} GetRecords calls each shard allows a second: the stream's own consumers may be throttled while kds reads.`,
      );
    }
    // Made before any call, so that a file in the way is said at once (kds never overwrites one).
    if (input.save !== undefined) saver = new CsvSaver(resolve(ctx.io.cwd, input.save), input.save);
    opened = await openLive(ref, options.live, ctx.io);
    try {
      shards = streamShards(await listLiveShards(opened), ref.text);
    } catch (error) {
      throw liveError(error);
    }
    return shards.map;
  };

  const read = async (request: ReadRequest): Promise<ReadResult> => {
    if (opened === undefined || shards === undefined) throw new Error('a stream is read after ownShardMap()');
    const { stream, clock, summary } = opened;
    const window = readWindow(input.from, input.seconds, ctx.io.now(), { retentionHours: summary.retentionHours, createdMs: summary.createdMs });
    const toRead = parentsFirst(shardsToRead(shards, window.past));
    const open = toRead.filter((s) => s.open).length;
    const plan: LivePlan = {
      stream: ref.text,
      region: stream.region,
      fromText: input.fromText,
      window,
      seconds: input.seconds,
      open,
      closed: toRead.length - open,
      callsPerSecond: input.callsPerSecond,
    };
    // The start line gives the window as it will be read; a --from cut to the oldest record kept is said once, in the summary.
    ctx.live?.started(plan);
    const acc = new Accumulator({ map: request.map, maxKeys: request.maxKeys, strict: request.strict });
    // Each record counts on the shard it was read from: that is where its load is.
    const feeder = new RecordFeeder(acc, { timed: true, observedShards: true });
    let line = 0;
    const onRecords = (records: readonly KeyRecord[]): void => {
      for (const record of records) feeder.add(record, ++line);
      saver?.write(records);
    };
    const stop = new AbortController();
    const offInterrupt = ctx.io.onInterrupt(() => stop.abort());
    let result: LiveReadResult;
    try {
      result = await readShards(
        request.map,
        toRead,
        { window, callsPerSecond: input.callsPerSecond, maxRecords: input.maxRecords, maxInFlight: MAX_IN_FLIGHT, limit: READ_API.getRecordsMaxRecords.value },
        { api: stream.api, clock, signal: stop.signal, onRecords, onProgress: (stats) => ctx.live?.progress({ stats, window }) },
      );
    } catch (error) {
      throw liveError(error);
    } finally {
      offInterrupt();
    }
    saver?.flush();
    readDone = true;
    const s = result.stats;
    if (s.userRecords === 0) {
      if (result.stoppedBy === 'interrupt') throw new InterruptedError('stopped with Ctrl+C before any record was read.');
      throw new InputError(
        `no records arrived in ${shown} between ${isoSecond(result.window.startMs)} and ${isoSecond(result.window.endMs)} ` +
          `(${plan.open + plan.closed} shards read): there is nothing to analyse. Read longer (--seconds) or from earlier (--from 1h, --from trim-horizon).`,
      );
    }
    const view: LiveView = {
      plan,
      endpoint: stream.endpoint,
      result,
      listShardsCalls: opened.listShardsCalls,
      saved: saver ? { path: input.save!, rows: saver.rows } : undefined,
    };
    return {
      acc,
      bytesRead: s.dataBytes,
      rows: s.userRecords,
      header: false,
      columns: { key: 'PartitionKey', bytes: 'Data', time: 'ApproximateArrivalTimestamp', shard: 'ShardId' },
      hasBytes: true,
      aggregatedRecords: s.aggregates + s.corruptAggregates,
      kpl: { userRecords: s.fromAggregates, corrupt: s.corruptAggregates, checksumMismatches: s.checksumMismatches },
      live: view,
    };
  };

  return {
    name: ref.text,
    description: DESCRIPTION,
    format: 'kinesis',
    compression: undefined,
    detected: false,
    streamName: ref.name,
    ownShardMap,
    read,
    close,
  };
}
