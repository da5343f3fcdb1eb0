/**
 * kds keys analyze kinesis://NAME: reads the stream with GetRecords (src/core/live/reader.ts) and
 * gives the usual report on what was read, plus what the read itself found. Also the shard map for
 * --shard-map kinesis://NAME.
 */
import { resolve } from 'node:path';
import { notice, print, printJson, type Context } from '../../context.js';
import { READ_API } from '../../core/facts.js';
import { Accumulator } from '../../core/keys/accumulate.js';
import { analyze } from '../../core/keys/analyze.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import type { KeyRecord } from '../../core/keys/record.js';
import type { ShardMap } from '../../core/keys/shard-map.js';
import { readShards, type ReadResult } from '../../core/live/reader.js';
import { parentsFirst, shardsToRead, streamShards } from '../../core/live/shards.js';
import { readWindow } from '../../core/live/time.js';
import { ExitStatus, InputError, InterruptedError, UsageError } from '../../errors.js';
import { CsvSaver } from '../../io/save-csv.js';
import { keysJson, type KeysView } from '../../render/keys-json.js';
import { isoSecond, liveJson, liveProgressLine, liveStartLine, renderLiveSummary, type LivePlan, type LiveView } from '../../render/live.js';
import { echoValue } from '../../render/escape.js';
import { toLiveReadInput } from '../live-input.js';
import type { LiveFlags } from '../live-options.js';
import { listLiveShards, liveError, MAX_IN_FLIGHT, openLive, refOf, type Opened } from '../live-stream.js';
import type { StringOptionSpec } from '../../options/define.js';
import { HOT_EXIT_CODE, KEYS_ANALYZE_OPTIONS, toKeysAnalyzeInput, type KeysAnalyzeFlags } from './options.js';

/** --stream-name's default: a name the user did not choose, replaced by the stream's own. */
const DEFAULT_STREAM_NAME = KEYS_ANALYZE_OPTIONS.find((o): o is StringOptionSpec => o.name === 'stream-name' && o.type === 'string')?.default;

const PROGRESS_EVERY_MS = 200;

/** The stream name for printed aws commands: --stream-name when given, else the stream's own. */
export function liveStreamName(text: string, streamName: string): string {
  if (streamName !== DEFAULT_STREAM_NAME) return streamName;
  return refOf(text, '--shard-map').name;
}

/** --shard-map kinesis://NAME: the open shards from ListShards. */
export async function liveShardMap(text: string, flags: LiveFlags, ctx: Context): Promise<ShardMap> {
  const ref = refOf(text, '--shard-map');
  const opened = await openLive(ref, flags, ctx);
  try {
    return streamShards(await listLiveShards(opened), ref.text).map;
  } catch (error) {
    throw liveError(error);
  } finally {
    opened.stream.close();
  }
}

function progress(ctx: Context) {
  let shown = false;
  let last = -Infinity;
  return {
    update(result: Pick<ReadResult, 'stats' | 'window'>): void {
      if (!ctx.io.stderr.isTTY) return;
      const now = ctx.io.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      shown = true;
      ctx.io.stderr.write(`\rkds: ${liveProgressLine(result, now)}\u001b[K`);
    },
    clear(): void {
      if (shown) ctx.io.stderr.write('\r\u001b[K');
    },
  };
}

export async function runLiveKeys(file: string, flags: KeysAnalyzeFlags & LiveFlags, ctx: Context): Promise<void> {
  const ref = refOf(file, 'the stream');
  if (flags.shards !== undefined || flags.shardMap !== undefined) {
    throw new UsageError(`${flags.shards !== undefined ? '--shards' : '--shard-map'} describes a stream, but ${echoValue(ref.text)} has its own shards: drop it.`);
  }
  const csvOnly: [unknown, string][] = [
    [flags.keyColumn, '--key-column'],
    [flags.bytesColumn, '--bytes-column'],
    [flags.timeColumn, '--time-column'],
    [flags.countColumn, '--count-column'],
    [flags.ehkColumn, '--ehk-column'],
  ];
  for (const [value, flag] of csvOnly) {
    if (value !== undefined) throw new UsageError(`${flag} names a CSV column; ${echoValue(ref.text)} is a live stream.`);
  }
  if (flags.format !== 'auto') throw new UsageError(`--format ${flags.format} describes a file; ${echoValue(ref.text)} is a live stream.`);
  // The printed aws commands name the stream read, unless --stream-name says otherwise.
  const input = toKeysAnalyzeInput('-', { ...flags, streamName: liveStreamName(file, flags.streamName) });
  const read = toLiveReadInput(flags, ctx.io.now());
  if (read.callsPerSecond > 1) {
    notice(
      ctx,
      `--calls-per-second ${read.callsPerSecond} uses ${read.callsPerSecond} of the 5 GetRecords calls each shard allows a second: the stream's own consumers may be throttled while kds reads.`,
    );
  }
  const saver = read.save === undefined ? undefined : new CsvSaver(resolve(ctx.io.cwd, read.save), read.save);

  let opened: Opened | undefined;
  let result: ReadResult;
  let plan: LivePlan;
  let map: ShardMap;
  const stop = new AbortController();
  const offInterrupt = ctx.io.onInterrupt(() => stop.abort());
  const bar = progress(ctx);
  try {
    opened = await openLive(ref, flags, ctx);
    const { stream, clock, summary } = opened;
    const shards = streamShards(await listLiveShards(opened), ref.text);
    map = shards.map;
    const window = readWindow(read.from, read.seconds, ctx.io.now(), { retentionHours: summary.retentionHours, createdMs: summary.createdMs });
    const toRead = parentsFirst(shardsToRead(shards, window.past));
    const open_ = toRead.filter((s) => s.open).length;
    plan = {
      stream: ref.text,
      region: stream.region,
      fromText: read.fromText,
      window,
      seconds: read.seconds,
      open: open_,
      closed: toRead.length - open_,
      callsPerSecond: read.callsPerSecond,
    };
    notice(ctx, liveStartLine(plan));
    if (window.clipped !== undefined) {
      notice(ctx, `--from ${read.fromText} lies before the oldest record the stream keeps: reading from ${isoSecond(window.startMs)}.`);
    }
    const acc = new Accumulator({ map, maxKeys: input.maxKeys, strict: input.strict });
    // Each record counts on the shard it was read from: that is where its load is.
    const feeder = new RecordFeeder(acc, { timed: true, observedShards: true });
    let line = 0;
    const feed = (records: readonly KeyRecord[]): void => {
      for (const record of records) feeder.add(record, ++line);
    };
    result = await readShards(
      map,
      toRead,
      { window, callsPerSecond: read.callsPerSecond, maxRecords: read.maxRecords, maxInFlight: MAX_IN_FLIGHT, limit: READ_API.getRecordsMaxRecords.value },
      {
        api: stream.api,
        clock,
        signal: stop.signal,
        onRecords: (records) => {
          feed(records);
          saver?.write(records);
        },
        onProgress: (stats) => bar.update({ stats, window }),
      },
    );
    bar.clear();
    if (result.stats.userRecords === 0) {
      if (result.stoppedBy === 'interrupt') throw new InterruptedError('stopped with Ctrl+C before any record was read.');
      throw new InputError(
        `no records arrived in ${echoValue(ref.text)} between ${isoSecond(result.window.startMs)} and ${isoSecond(result.window.endMs)} ` +
          `(${plan.open + plan.closed} shards read): there is nothing to analyse. Read longer (--seconds) or from earlier (--from 1h, --from trim-horizon).`,
      );
    }
    acc.finish();
    const analysis = analyze(acc, {
      hotRatio: input.hotRatio,
      top: input.top,
      sampleRate: input.sampleRate,
      salt: input.salt,
      measure: input.measure,
      hasBytes: true,
      aggregatedRecords: result.stats.aggregates + result.stats.corruptAggregates,
      deaggregated: { userRecords: result.stats.fromAggregates, corrupt: result.stats.corruptAggregates },
    });
    const view: KeysView = {
      input: { ...input, stream: { kind: 'map', file: ref.text } },
      analysis,
      map,
      source: {
        name: ref.text,
        format: 'kinesis',
        description: 'records read with GetRecords, KPL aggregates de-aggregated',
        compression: undefined,
        columns: { key: 'PartitionKey', bytes: 'Data', time: 'ApproximateArrivalTimestamp', shard: 'ShardId' },
        bytesRead: result.stats.dataBytes,
        rows: result.stats.userRecords,
        hasBytes: true,
        unmatched: undefined,
      },
      malformed: { count: acc.malformedCount, examples: acc.malformedExamples },
      longKeys: acc.longKeys,
      explicitHashKeyRecords: acc.explicitHashKeyRecords,
      maxKeys: input.maxKeys,
    };
    const liveView: LiveView = {
      plan,
      endpoint: stream.endpoint,
      result,
      listShardsCalls: opened.listShardsCalls,
      saved: saver ? { path: read.save!, rows: saver.rows } : undefined,
    };
    if (input.json) printJson(ctx, { ...keysJson(view), live: liveJson(liveView) });
    else {
      const { renderKeys } = await import('../../render/keys.js');
      print(ctx, `${renderLiveSummary(liveView, ctx.color, ctx.width)}\n${renderKeys(view, ctx.color, ctx.width, ctx.io.stdout.isTTY)}`);
    }
    if (input.failOnHot && analysis.hotShards.length > 0) throw new ExitStatus(HOT_EXIT_CODE);
  } catch (error) {
    bar.clear();
    throw liveError(error);
  } finally {
    offInterrupt();
    saver?.close();
    opened?.stream.close();
  }
}
