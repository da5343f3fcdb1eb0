/** kds keys analyze: flags -> shard map -> a source of records -> one pass -> analysis -> report or JSON. */
import { print, notice, type Context } from '../../context.js';
import { analyze } from '../../core/keys/analyze.js';
import type { ShardMap } from '../../core/keys/shard-map.js';
import { ExitStatus, InputError, UsageError } from '../../errors.js';
import { PARALLEL_FROM_BYTES } from '../../core/keys/threads.js';
import { guardRegexBacktracking } from '../../io/regex-guard.js';
import { openKeySource, type KeySource, type ReadResult } from '../../io/sources/index.js';
import { safeText } from '../../render/escape.js';
import { formatBytes, formatInt, plural } from '../../render/format.js';
import { keysWarnings, writeKeysJson, type KeysView } from '../../render/keys-json.js';
import { isStreamRef } from '../../core/live/source.js';
import { rejectLiveFlags } from '../live-input.js';
import type { LiveFlags } from '../live-options.js';
import { liveShardMap, liveStreamName, runLiveKeys } from './live.js';
import { HOT_EXIT_CODE, toKeysAnalyzeInput, type KeysAnalyzeFlags, type KeysAnalyzeInput } from './options.js';
import { loadShardMap, translate } from './stream-map.js';

/** Progress is shown on a terminal once this much has been read. */
const PROGRESS_FROM_BYTES = 64 * 1024 * 1024;
const PROGRESS_EVERY_MS = 200;

function progressReporter(ctx: Context, name: string) {
  let shown = false;
  let last = -Infinity;
  return {
    update(read: number, total: number | undefined): void {
      if (!ctx.io.stderr.isTTY || read < PROGRESS_FROM_BYTES) return;
      const now = ctx.io.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      shown = true;
      const percent = total ? ` ${Math.min(100, Math.floor((read / total) * 100))}%` : '';
      ctx.io.stderr.write(`\rkds: reading ${safeText(name)}${percent} (${formatBytes(read)})\u001b[K`);
    },
    clear(): void {
      if (shown) ctx.io.stderr.write('\r\u001b[K');
    },
  };
}

function parallelThreshold(ctx: Context): number {
  const configured = Number(ctx.io.env.KDS_PARALLEL_MIN_BYTES);
  return ctx.io.env.KDS_PARALLEL_MIN_BYTES !== undefined && Number.isFinite(configured) && configured >= 0 ? configured : PARALLEL_FROM_BYTES;
}

async function readSource(input: KeysAnalyzeInput, map: ShardMap, ctx: Context): Promise<{ source: KeySource; read: ReadResult }> {
  const source = await openKeySource(
    input.file,
    {
      format: input.format,
      delimiter: input.delimiter,
      header: input.header,
      columns: input.columns,
      fields: input.fields,
      keyPattern: input.keyPattern,
      threads: input.threads,
      parallelFromBytes: parallelThreshold(ctx),
    },
    { io: ctx.io, notice: (message) => notice(ctx, safeText(message)) },
  );
  const progress = progressReporter(ctx, source.name);
  try {
    const read = await source.read({ map, maxKeys: input.maxKeys, strict: input.strict, onProgress: progress.update });
    return { source, read };
  } finally {
    progress.clear();
  }
}

/** Refuses an input that holds nothing to analyse, saying why. */
function checkNotEmpty(source: KeySource, read: ReadResult): void {
  const name = source.name;
  const acc = read.acc;
  if (read.bytesRead === 0) throw new InputError(`${name} is empty: there are no keys to analyse.`);
  if (read.rows === 0) {
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

export async function runKeysAnalyze(file: string, flags: KeysAnalyzeFlags & LiveFlags, ctx: Context): Promise<void> {
  if (isStreamRef(file)) return runLiveKeys(file, flags, ctx);
  // --shard-map kinesis://NAME: the stream's open shards from ListShards, and its name in the commands.
  const liveMap = flags.shardMap !== undefined && isStreamRef(flags.shardMap) ? flags.shardMap : undefined;
  rejectLiveFlags(flags, file === '-' ? 'standard input' : file, liveMap !== undefined);
  const input = toKeysAnalyzeInput(file, liveMap === undefined ? flags : { ...flags, streamName: liveStreamName(liveMap, flags.streamName) });
  if (input.keyPattern !== undefined) await guardRegexBacktracking();
  const map = liveMap === undefined ? await loadShardMap(input.stream, ctx) : await liveShardMap(liveMap, flags, ctx);
  const name = input.file === '-' ? 'standard input' : input.file;
  let source: KeySource;
  let read: ReadResult;
  try {
    ({ source, read } = await readSource(input, map, ctx));
    read.acc.finish();
    checkNotEmpty(source, read);
  } catch (error) {
    throw translate(error, `${name}: `);
  }
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
  if (input.json) {
    writeKeysJson(view, (chunk) => ctx.io.stdout.write(chunk));
    for (const w of keysWarnings(view)) if (w.id === 'malformed-rows' || w.id === 'unmatched-lines') notice(ctx, safeText(w.message));
  } else {
    // The report's tables load only for the report, not with --json.
    const { renderKeys } = await import('../../render/keys.js');
    print(ctx, renderKeys(view, ctx.color, ctx.width, ctx.io.stdout.isTTY));
  }
  if (input.failOnHot && analysis.hotShards.length > 0) throw new ExitStatus(HOT_EXIT_CODE);
}
