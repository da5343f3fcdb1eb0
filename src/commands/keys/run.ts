/** kds keys analyze: flags -> shard map -> one pass over the keys -> analysis -> report or JSON. */
import { resolve } from 'node:path';
import { print, printJson, notice, type Context } from '../../context.js';
import { Accumulator } from '../../core/keys/accumulate.js';
import { analyze } from '../../core/keys/analyze.js';
import { isKeyHeader, resolveColumns, type ResolvedColumns } from '../../core/keys/columns.js';
import { KeysError } from '../../core/keys/errors.js';
import { Scanner, type Columns } from '../../core/keys/scan.js';
import { parseShardMap, uniformShardMap, type ShardMap } from '../../core/keys/shard-map.js';
import { ExitStatus, InputError, UsageError } from '../../errors.js';
import { readFileChunks, readStreamChunks, readStreamText, readTextFile } from '../../io/chunks.js';
import { formatBytes } from '../../render/format.js';
import { keysJson, keysWarnings, renderKeys, type KeysView } from '../../render/keys.js';
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

async function loadMap(input: KeysAnalyzeInput, ctx: Context): Promise<ShardMap> {
  if (input.stream.kind === 'simulated') return uniformShardMap(input.stream.shards);
  const file = input.stream.file;
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

export async function runKeysAnalyze(file: string, flags: KeysAnalyzeFlags, ctx: Context): Promise<void> {
  const input = toKeysAnalyzeInput(file, flags);
  const map = await loadMap(input, ctx);
  const name = input.file === '-' ? 'standard input' : input.file;
  const acc = new Accumulator({ map, maxKeys: input.maxKeys, strict: input.strict });
  let columns: ResolvedColumns | undefined;
  const resolver = (header: readonly string[] | undefined): Columns => {
    if (header === undefined) {
      const flag = Object.keys(input.columns)[0];
      if (flag !== undefined) {
        throw new KeysError(`--${flag}-column needs CSV input with a header, but ${name} looks like one key per line`, 'usage');
      }
      return PLAIN_COLUMNS;
    }
    columns = resolveColumns(header, input.columns);
    acc.configure({ timed: columns.time >= 0, explicitHashKeys: columns.ehk >= 0 });
    return columns;
  };
  const scanner = new Scanner(acc, input.format, resolver, isKeyHeader);
  const progress = progressReporter(ctx, name);
  let bytesRead: number;
  try {
    bytesRead =
      input.file === '-'
        ? await readStreamChunks(ctx.io.stdin, name, scanner, progress.update)
        : readFileChunks(resolve(ctx.io.cwd, input.file), scanner, progress.update, name);
  } catch (error) {
    throw translate(error, `${name}: `);
  } finally {
    progress.clear();
  }
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
