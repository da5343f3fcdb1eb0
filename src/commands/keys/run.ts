/**
 * kds keys analyze: flags -> a source of records (a file, standard input, a live stream) -> its
 * shard map -> one pass -> analysis -> report or JSON. Every input takes this one path; what is
 * particular to a kind of input lives in its source (src/io/sources/).
 */
import { print, notice, type Context } from '../../context.js';
import { analyze } from '../../core/keys/analyze.js';
import type { ShardMap } from '../../core/keys/shard-map.js';
import { isStreamRef } from '../../core/live/source.js';
import { ExitStatus, InputError, UsageError } from '../../errors.js';
import { PARALLEL_FROM_BYTES } from '../../core/keys/threads.js';
import { guardRegexBacktracking } from '../../io/regex-guard.js';
import { openKeySource, type KeySource, type LiveReadFlags, type ReadResult } from '../../io/sources/index.js';
import { safeJson, safeText } from '../../render/escape.js';
import { formatBytes, formatInt, plural } from '../../render/format.js';
import { keysWarnings, writeKeysJson, type KeysView } from '../../render/keys-json.js';
import type { StringOptionSpec } from '../../options/define.js';
import type * as LiveTextModule from '../../render/live.js';
import { HOT_EXIT_CODE, KEYS_ANALYZE_OPTIONS, toKeysAnalyzeInput, type KeysAnalyzeFlags, type KeysAnalyzeInput } from './options.js';
import { loadShardMap, streamNameOf, translate } from './stream-map.js';

/** The words for a live read (render/live.ts), loaded only when a stream is read. */
type LiveText = typeof LiveTextModule;

/** Progress is shown on a terminal once this much of a file has been read. */
const PROGRESS_FROM_BYTES = 64 * 1024 * 1024;
const PROGRESS_EVERY_MS = 200;

/** --stream-name's default: a name the user did not choose, replaced by the stream's own when there is one. */
const DEFAULT_STREAM_NAME = KEYS_ANALYZE_OPTIONS.find((o): o is StringOptionSpec => o.name === 'stream-name' && o.type === 'string')?.default;

/** One progress line on a terminal's stderr, at most every 200 ms, cleared when the read ends. */
function progressLine(ctx: Context) {
  let shown = false;
  let last = -Infinity;
  const show = (line: () => string): void => {
    if (!ctx.io.stderr.isTTY) return;
    const now = ctx.io.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    shown = true;
    ctx.io.stderr.write(`\rkds: ${line()}\u001b[K`);
  };
  return {
    show,
    /** Bytes of a file read so far, from 64 MiB on. */
    bytes(name: string) {
      return (read: number, total: number | undefined): void => {
        if (read < PROGRESS_FROM_BYTES) return;
        show(() => {
          const percent = total ? ` ${Math.min(100, Math.floor((read / total) * 100))}%` : '';
          return `reading ${safeText(name)}${percent} (${formatBytes(read)})`;
        });
      };
    },
    clear(): void {
      if (shown) ctx.io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}

function parallelThreshold(ctx: Context): number {
  const configured = Number(ctx.io.env.KDS_PARALLEL_MIN_BYTES);
  return ctx.io.env.KDS_PARALLEL_MIN_BYTES !== undefined && Number.isFinite(configured) && configured >= 0 ? configured : PARALLEL_FROM_BYTES;
}

/** The source's own shards (a live stream), or those of --shards / --shard-map. */
async function shardMapFor(source: KeySource, input: KeysAnalyzeInput, flags: KeysAnalyzeFlags & LiveReadFlags, ctx: Context): Promise<ShardMap> {
  if (source.ownShardMap === undefined) return loadShardMap(input.stream, ctx, flags);
  if (flags.shards !== undefined || flags.shardMap !== undefined) {
    const flag = flags.shards !== undefined ? '--shards' : '--shard-map';
    throw new UsageError(`${flag} describes a stream, but ${source.name} has its own shards: drop it.`);
  }
  return source.ownShardMap();
}

/** Refuses an input that holds nothing to analyse, saying why. */
function checkNotEmpty(source: KeySource, read: ReadResult): void {
  const name = source.name;
  const acc = read.acc;
  if (read.rows === 0) {
    if (read.bytesRead === 0) throw new InputError(`${name} is empty: there are no keys to analyse.`);
    throw new InputError(`${name} has no ${read.header ? 'rows below its header' : 'records'}: there are no keys to analyse.`);
  }
  if (acc.totalRecords > 0) return;
  const unmatched = read.unmatched;
  if (unmatched !== undefined && unmatched.count === read.rows) {
    throw new UsageError(`none of the ${plural(read.rows, 'line')} of ${name} match --key-pattern: check the pattern against a line of the file.`);
  }
  const first = acc.malformedExamples[0];
  throw new InputError(
    first
      ? `${name}: none of its ${formatInt(read.rows)} rows could be read; ${first.line > 0 ? `line ${first.line}: ` : ''}${first.reason}.`
      : `${name}: its counts add up to 0 records.`,
  );
}

export async function runKeysAnalyze(file: string, flags: KeysAnalyzeFlags & LiveReadFlags, ctx: Context): Promise<void> {
  const parsed = toKeysAnalyzeInput(file, flags);
  if (parsed.keyPattern !== undefined) await guardRegexBacktracking();
  const name = file === '-' ? 'standard input' : file;
  const progress = progressLine(ctx);
  let source: KeySource | undefined;
  let done: { source: KeySource; read: ReadResult; input: KeysAnalyzeInput; map: ShardMap };
  // A live read is worded by render/live.ts: loaded only for a stream.
  const liveText = isStreamRef(file) ? await import('../../render/live.js') : undefined;
  try {
    source = await openKeySource(
      file,
      {
        format: parsed.format,
        delimiter: parsed.delimiter,
        header: parsed.header,
        columns: parsed.columns,
        fields: parsed.fields,
        keyPattern: parsed.keyPattern,
        threads: parsed.threads,
        parallelFromBytes: parallelThreshold(ctx),
        live: flags,
        awsForShardMap: flags.shardMap !== undefined && isStreamRef(flags.shardMap),
      },
      {
        io: ctx.io,
        notice: (message) => notice(ctx, safeText(message)),
        status: (line) => progress.show(() => line),
        live: liveText && {
          started: (plan) => notice(ctx, safeText(liveText.liveStartLine(plan))),
          progress: (sofar) => progress.show(() => liveText.liveProgressLine(sofar, ctx.io.now())),
        },
      },
    );
    const map = await shardMapFor(source, parsed, flags, ctx);
    // A source with its own shards is the stream the report describes; the printed aws commands
    // name the stream the shards came from unless --stream-name says otherwise.
    const streamName = flags.streamName === DEFAULT_STREAM_NAME ? (source.streamName ?? streamNameOf(parsed.stream) ?? parsed.streamName) : parsed.streamName;
    const input: KeysAnalyzeInput = {
      ...parsed,
      streamName,
      stream: source.ownShardMap === undefined ? parsed.stream : { kind: 'map', file: source.name },
    };
    // A small input is counted before an optimised row loop could be ready, and the exit would
    // wait for that compile: about 10 ms of a 1,000-row run (docs/benchmarks.md).
    if (source.small === true) await ctx.io.holdBackOptimizer();
    let read: ReadResult;
    try {
      read = await source.read({ map, maxKeys: input.maxKeys, strict: input.strict, onProgress: progress.bytes(source.name) });
    } finally {
      progress.clear();
    }
    read.acc.finish();
    checkNotEmpty(source, read);
    done = { source, read, input, map };
  } catch (error) {
    throw translate(error, `${name}: `);
  } finally {
    source?.close?.();
  }
  await report(done.source, done.read, done.input, done.map, ctx, liveText);
}

async function report(
  source: KeySource,
  read: ReadResult,
  input: KeysAnalyzeInput,
  map: ShardMap,
  ctx: Context,
  liveText: LiveText | undefined,
): Promise<void> {
  // Said once the input has been read as decided, so that a refusal stays a single line.
  if (source.detected) notice(ctx, `read as ${source.description}`);
  const acc = read.acc;
  const analysis = analyze(acc, {
    hotRatio: input.hotRatio,
    top: input.top,
    sampleRate: input.sampleRate,
    salt: input.salt,
    measure: input.measure,
    hasBytes: read.hasBytes,
    aggregatedRecords: read.aggregatedRecords,
    deaggregated: read.kpl,
  });
  const view: KeysView = {
    input,
    analysis,
    map,
    source: {
      name: source.name,
      format: source.format,
      description: source.description,
      compression: source.compression,
      columns: read.columns,
      bytesRead: read.bytesRead,
      rows: read.rows,
      hasBytes: read.hasBytes,
      unmatched: read.unmatched,
      threads: read.threads,
    },
    malformed: { count: acc.malformedCount, examples: acc.malformedExamples },
    longKeys: acc.longKeys,
    explicitHashKeyRecords: acc.explicitHashKeyRecords,
    maxKeys: input.maxKeys,
  };
  const live = read.live && liveText ? { view: read.live, text: liveText } : undefined;
  if (input.json) {
    writeKeysJson(view, (chunk) => ctx.io.stdout.write(safeJson(chunk)), live && { live: live.text.liveJson(live.view) });
    for (const w of keysWarnings(view)) if (w.id === 'malformed-rows' || w.id === 'unmatched-lines') notice(ctx, safeText(w.message));
  } else {
    // The report's tables load only for the report, not with --json.
    const { renderKeys } = await import('../../render/keys.js');
    const keys = renderKeys(view, ctx.color, ctx.width, ctx.io.stdout.isTTY);
    print(ctx, live ? `${live.text.renderLiveSummary(live.view, ctx.color, ctx.width)}\n${keys}` : keys);
  }
  if (input.failOnHot && analysis.hotShards.length > 0) throw new ExitStatus(HOT_EXIT_CODE);
}
