/** kds keys analyze: flags -> shard map -> one pass over the keys -> analysis -> report or JSON. */
import { resolve } from 'node:path';
import { print, printJson, notice, type Context } from '../../context.js';
import { Accumulator } from '../../core/keys/accumulate.js';
import { analyze } from '../../core/keys/analyze.js';
import { isKeyHeader, resolveColumns, type ResolvedColumns } from '../../core/keys/columns.js';
import { KeysError, MalformedRowError } from '../../core/keys/errors.js';
import { Scanner, type Columns, type Format } from '../../core/keys/scan.js';
import { parseShardMap, uniformShardMap, type ShardMap } from '../../core/keys/shard-map.js';
import { ExitStatus, InputError, UsageError } from '../../errors.js';
import { readFileChunks, readStreamChunks, readStreamText, readTextFile } from '../../io/chunks.js';
import { cores, findSplit, PARALLEL_FROM_BYTES, readHead, regularFileSize, startPart } from '../../io/parallel.js';
import { formatBytes } from '../../render/format.js';
import { keysJson, keysWarnings, renderKeys, type KeysView } from '../../render/keys.js';
import { isStreamRef } from '../../core/live/source.js';
import { rejectLiveFlags } from '../live-input.js';
import type { LiveFlags } from '../live-options.js';
import { liveShardMap, liveStreamName, runLiveKeys } from './live.js';
import { HOT_EXIT_CODE, toKeysAnalyzeInput, type KeysAnalyzeFlags, type KeysAnalyzeInput } from './options.js';

/** Progress is shown on a terminal once this much has been read. */
const PROGRESS_FROM_BYTES = 64 * 1024 * 1024;
const PROGRESS_EVERY_MS = 200;

function translate(error: unknown, prefix: string): unknown {
  if (error instanceof KeysError) {
    return error.kind === 'usage' ? new UsageError(error.message) : new InputError(`${prefix}${error.message}`);
  }
  return error;
}

async function loadMap(input: KeysAnalyzeInput, ctx: Context, flags: LiveFlags): Promise<ShardMap> {
  if (input.stream.kind === 'simulated') return uniformShardMap(input.stream.shards);
  const file = input.stream.file;
  if (isStreamRef(file)) return liveShardMap(file, flags, ctx);
  const text = file === '-' ? await readStreamText(ctx.io.stdin, 'standard input') : readTextFile(resolve(ctx.io.cwd, file), '--shard-map', file);
  try {
    return parseShardMap(text);
  } catch (error) {
    throw translate(error, `--shard-map ${file === '-' ? 'standard input' : file}: `);
  }
}

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
      ctx.io.stderr.write(`\rkds: reading ${name}${percent} (${formatBytes(read)})\u001b[K`);
    },
    clear(): void {
      if (shown) ctx.io.stderr.write('\r\u001b[K');
    },
  };
}

const PLAIN_COLUMNS: Columns = { key: 0, bytes: -1, time: -1, count: -1, ehk: -1 };
/** The header must lie in this many bytes for a file to be read by two threads. */
const PROBE_BYTES = 1024 * 1024;

interface Reader {
  readonly acc: Accumulator;
  readonly scanner: Scanner;
  columns(): ResolvedColumns | undefined;
}

/** Picks the columns from a header (or checks that no column flag was given for plain text). */
function columnResolver(input: KeysAnalyzeInput, name: string, onColumns: (columns: ResolvedColumns) => void) {
  return (header: readonly string[] | undefined): Columns => {
    if (header === undefined) {
      const flag = Object.keys(input.columns)[0];
      if (flag !== undefined) {
        throw new KeysError(`--${flag}-column needs CSV input with a header, but ${name} looks like one key per line`, 'usage');
      }
      return PLAIN_COLUMNS;
    }
    const columns = resolveColumns(header, input.columns);
    onColumns(columns);
    return columns;
  };
}

function newReader(input: KeysAnalyzeInput, map: ShardMap, name: string, maxKeys: number): Reader {
  const acc = new Accumulator({ map, maxKeys, strict: input.strict });
  let found: ResolvedColumns | undefined;
  const resolver = columnResolver(input, name, (columns) => {
    found = columns;
    acc.configure({ timed: columns.time >= 0, explicitHashKeys: columns.ehk >= 0 });
  });
  return { acc, scanner: new Scanner(acc, input.format, resolver, isKeyHeader), columns: () => found };
}

interface Read {
  readonly reader: Reader;
  readonly bytesRead: number;
}

async function readWhole(input: KeysAnalyzeInput, map: ShardMap, name: string, ctx: Context): Promise<Read> {
  const reader = newReader(input, map, name, input.maxKeys);
  const progress = progressReporter(ctx, name);
  try {
    const bytesRead =
      input.file === '-'
        ? await readStreamChunks(ctx.io.stdin, name, reader.scanner, progress.update)
        : readFileChunks(resolve(ctx.io.cwd, input.file), reader.scanner, progress.update, name);
    return { reader, bytesRead };
  } finally {
    progress.clear();
  }
}

/** The format and columns of a file, from its first bytes, or undefined when they do not tell. */
function probeLayout(path: string, input: KeysAnalyzeInput, name: string): { format: Format; columns: Columns } | undefined {
  let head: Uint8Array;
  try {
    head = readHead(path, PROBE_BYTES);
  } catch {
    return undefined;
  }
  const ignore = { rows() {}, row() {}, malformed() {} };
  const probe = new Scanner(ignore, input.format, columnResolver(input, name, () => {}), isKeyHeader);
  probe.push(head, 0, head.length, head.length < PROBE_BYTES);
  if (probe.columns === undefined || probe.format === 'auto') return undefined;
  return { format: probe.format, columns: probe.columns };
}

/**
 * Reads a large file on two threads when it can (see src/io/parallel.ts), else on one. Both give
 * the same counts; with two threads each half starts with half of --max-keys.
 */
async function readKeys(input: KeysAnalyzeInput, map: ShardMap, name: string, ctx: Context): Promise<Read> {
  if (input.file === '-') return readWhole(input, map, name, ctx);
  const path = resolve(ctx.io.cwd, input.file);
  const size = regularFileSize(path);
  const configured = Number(ctx.io.env.KDS_PARALLEL_MIN_BYTES);
  const threshold = Number.isFinite(configured) && configured >= 0 ? configured : PARALLEL_FROM_BYTES;
  if (size === undefined || size === 0 || size < threshold || cores() < 2) return readWhole(input, map, name, ctx);
  const layout = probeLayout(path, input, name);
  const split = layout === undefined ? undefined : findSplit(path, size);
  if (layout === undefined || split === undefined) return readWhole(input, map, name, ctx);

  const half = Math.ceil(input.maxKeys / 2);
  const part = startPart({
    path,
    start: split,
    end: size,
    format: layout.format,
    columns: layout.columns,
    shards: map.shards.map((s) => ({ id: s.shardId, start: s.start.toString(), end: s.end.toString() })),
    maxKeys: half,
    strict: input.strict,
  });
  const reader = newReader(input, map, name, half);
  const progress = progressReporter(ctx, name);
  let bytesRead: number;
  try {
    bytesRead = readFileChunks(path, reader.scanner, progress.update, name, { start: 0, end: split });
  } catch (error) {
    part.cancel();
    throw error;
  } finally {
    progress.clear();
  }
  if (reader.scanner.unterminatedQuote) {
    // The middle may lie inside a quoted field: only one thread can read this file correctly.
    part.cancel();
    return readWhole(input, map, name, ctx);
  }
  const result = await part.result;
  if (!result.ok) {
    if (result.kind === 'failed') return readWhole(input, map, name, ctx);
    if (result.kind === 'malformed') throw new MalformedRowError(result.line + reader.scanner.line - 1, result.reason);
    throw new KeysError(result.message, result.kind);
  }
  const scanner = reader.scanner;
  reader.acc.mergeFrom(result.data, scanner.line - 1);
  scanner.rows += result.rows;
  scanner.blankLines += result.blankLines;
  scanner.line += result.lines;
  return { reader, bytesRead: bytesRead + (size - split) };
}

export async function runKeysAnalyze(file: string, flags: KeysAnalyzeFlags & LiveFlags, ctx: Context): Promise<void> {
  if (isStreamRef(file)) return runLiveKeys(file, flags, ctx);
  const liveMap = flags.shardMap !== undefined && isStreamRef(flags.shardMap);
  rejectLiveFlags(flags, file === '-' ? 'standard input' : file, liveMap);
  const input = toKeysAnalyzeInput(file, liveMap ? { ...flags, streamName: liveStreamName(flags.shardMap!, flags.streamName) } : flags);
  const map = await loadMap(input, ctx, flags);
  const name = input.file === '-' ? 'standard input' : input.file;
  let read: Read;
  try {
    read = await readKeys(input, map, name, ctx);
  } catch (error) {
    throw translate(error, `${name}: `);
  }
  const { acc, scanner } = read.reader;
  const columns = read.reader.columns();
  const bytesRead = read.bytesRead;
  acc.finish();

  if (bytesRead === 0) throw new InputError(`${name} is empty: there are no keys to analyse.`);
  if (scanner.rows === 0) {
    throw new InputError(`${name} has no rows${scanner.header ? ' below its header' : ''}: there are no keys to analyse.`);
  }
  if (acc.totalRecords === 0) {
    const first = acc.malformedExamples[0];
    throw new InputError(
      first
        ? `${name}: none of its ${scanner.rows} rows could be read; line ${first.line}: ${first.reason}.`
        : `${name}: its counts add up to 0 records.`,
    );
  }

  const analysis = analyze(acc, {
    hotRatio: input.hotRatio,
    top: input.top,
    sampleRate: input.sampleRate,
    salt: input.salt,
    measure: input.measure,
    hasBytes: columns !== undefined && columns.bytes >= 0,
  });
  const view: KeysView = {
    input,
    analysis,
    map,
    source: {
      name,
      format: scanner.format === 'auto' ? 'lines' : scanner.format,
      columns: columns?.names ?? {},
      bytesRead,
      rows: scanner.rows,
    },
    malformed: { count: acc.malformedCount, examples: acc.malformedExamples },
    longKeys: acc.longKeys,
    explicitHashKeyRecords: acc.explicitHashKeyRecords,
    maxKeys: input.maxKeys,
  };
  if (input.json) {
    printJson(ctx, keysJson(view));
    if (acc.malformedCount > 0) {
      for (const w of keysWarnings(view)) if (w.id === 'malformed-rows') notice(ctx, w.message);
    }
  } else {
    print(ctx, renderKeys(view, ctx.color, ctx.width, ctx.io.stdout.isTTY));
  }
  if (input.failOnHot && analysis.hotShards.length > 0) throw new ExitStatus(HOT_EXIT_CODE);
}
