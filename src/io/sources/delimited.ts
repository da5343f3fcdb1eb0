/**
 * Delimited text (CSV, TSV, any one-byte delimiter; with or without a header row) and one key per
 * line, read by the byte scanner: the fast path. A large regular file is read on several threads
 * when it can be (see ../parallel.ts); both ways give the same counts.
 */
import { Accumulator } from '../../core/keys/accumulate.js';
import { resolveColumns, type ColumnChoice, type ResolvedColumns } from '../../core/keys/columns.js';
import { KeysError, MalformedRowError } from '../../core/keys/errors.js';
import { Scanner, type Columns, type RowSink, type ScanLayout } from '../../core/keys/scan.js';
import type { ShardMap } from '../../core/keys/shard-map.js';
import { readFileChunks } from '../chunks.js';
import { threadsFor } from '../../core/keys/threads.js';
import { findSplits, startPart, threadPolicy } from '../parallel.js';
import type { ByteInput } from './bytes.js';
import type { ReadRequest, ReadResult } from './source.js';

const PLAIN_COLUMNS: Columns = { key: 0, bytes: -1, time: -1, count: -1, ehk: -1, shard: -1, kpl: -1 };

export interface DelimitedOptions {
  readonly layout: ScanLayout;
  readonly columns: ColumnChoice;
  /** --threads: read a file on this many threads (undefined: decided by size and load). */
  readonly threads?: number;
  /** KDS_PARALLEL_MIN_BYTES: by default, read files from this size on two threads when a core is idle. */
  readonly parallelFromBytes?: number;
}

interface Reader {
  readonly acc: Accumulator;
  readonly scanner: Scanner;
  columns(): ResolvedColumns | undefined;
}

function resolver(options: DelimitedOptions, onColumns: (columns: ResolvedColumns) => void) {
  return (header: readonly string[] | undefined, numbered = false): Columns => {
    if (header === undefined) return PLAIN_COLUMNS;
    const columns = resolveColumns(header, options.columns, numbered);
    onColumns(columns);
    return columns;
  };
}

function newReader(options: DelimitedOptions, map: ShardMap, maxKeys: number, strict: boolean): Reader {
  const acc = new Accumulator({ map, maxKeys, strict });
  let found: ResolvedColumns | undefined;
  const resolve = resolver(options, (columns) => {
    found = columns;
    acc.configure({ timed: columns.time >= 0, explicitHashKeys: columns.ehk >= 0, observedShards: columns.shard >= 0 });
  });
  return { acc, scanner: new Scanner(acc, options.layout, resolve), columns: () => found };
}

function result(reader: Reader, bytesRead: number): ReadResult {
  const columns = reader.columns();
  return {
    acc: reader.acc,
    bytesRead,
    rows: reader.scanner.rows,
    header: reader.scanner.header !== undefined,
    columns: columns?.names ?? {},
    hasBytes: columns !== undefined && columns.bytes >= 0,
    aggregatedRecords: 0,
  };
}

async function readWhole(input: ByteInput, options: DelimitedOptions, request: ReadRequest): Promise<ReadResult> {
  const reader = newReader(options, request.map, request.maxKeys, request.strict);
  const bytesRead = await input.pump(reader.scanner, request.onProgress);
  return result(reader, bytesRead);
}

const IGNORE: RowSink = { row() {}, malformed() {}, observedShard: () => -1 };

/**
 * The columns of a file from its header row (or first row), or undefined when its first bytes do
 * not tell. Reads a line at a time until the columns are known, not the whole head.
 */
function probeColumns(input: ByteInput, options: DelimitedOptions): Columns | undefined {
  const probe = new Scanner(IGNORE, options.layout, resolver(options, () => {}));
  const head = input.head;
  let at = 0;
  let from = 0;
  while (probe.columns === undefined) {
    const lf = head.indexOf(0x0a, from);
    const end = lf < 0 ? head.length : lf + 1;
    at = probe.push(head, at, end, lf < 0 && input.complete);
    if (lf < 0) break;
    from = end;
  }
  return probe.columns;
}

/**
 * Reads the input: a large regular file on several threads when it can (see ../parallel.ts), else
 * on one. Both give the same counts; every part may hold --max-keys keys, so counts that are exact
 * on one thread are exact on several.
 */
export async function readDelimited(input: ByteInput, options: DelimitedOptions, request: ReadRequest): Promise<ReadResult> {
  const file = input.file;
  if (file === undefined) return readWhole(input, options, request);
  const threads = threadsFor(file.size, options.threads, threadPolicy(options.parallelFromBytes));
  if (threads < 2) return readWhole(input, options, request);
  const columns = probeColumns(input, options);
  const starts = columns === undefined ? undefined : findSplits(file.path, file.size, threads);
  if (columns === undefined || starts === undefined) return readWhole(input, options, request);

  const { map, maxKeys, strict } = request;
  const parts = starts.slice(1).map((start, i) =>
    startPart({
      path: file.path,
      start,
      end: starts[i + 2] ?? file.size,
      format: options.layout.format,
      delimiter: options.layout.delimiter ?? 0x2c,
      columns,
      uniform: map.uniform,
      shards: map.uniform !== undefined ? [] : map.shards.map((s) => ({ id: s.shardId, start: s.start.toString(), end: s.end.toString() })),
      maxKeys,
      strict,
    }),
  );
  const cancelAll = () => parts.forEach((part) => part.cancel());
  const reader = newReader(options, map, maxKeys, strict);
  let bytesRead: number;
  try {
    bytesRead = readFileChunks(file.path, reader.scanner, request.onProgress, input.name, { start: 0, end: starts[1]! });
  } catch (error) {
    cancelAll();
    throw error;
  }
  if (reader.scanner.unterminatedQuote) {
    // A split may lie inside a quoted field: only one thread can read this file correctly.
    cancelAll();
    return readWhole(input, options, request);
  }
  const outcomes = await Promise.all(parts.map((part) => part.result));
  const scanner = reader.scanner;
  for (const [i, outcome] of outcomes.entries()) {
    if (!outcome.ok) {
      if ('line' in outcome) {
        const line = outcome.line + scanner.line - 1;
        if (outcome.kind === 'malformed') throw new MalformedRowError(line, outcome.reason);
        throw new KeysError(`line ${line}: ${outcome.reason}`, 'data');
      }
      if (outcome.kind === 'failed') return readWhole(input, options, request);
      throw new KeysError(outcome.message, outcome.kind);
    }
    if (outcome.unterminatedQuote && i < outcomes.length - 1) return readWhole(input, options, request);
    reader.acc.mergeFrom(outcome.data, scanner.line - 1);
    scanner.rows += outcome.rows;
    scanner.blankLines += outcome.blankLines;
    scanner.line += outcome.lines;
  }
  return { ...result(reader, bytesRead + (file.size - starts[1]!)), threads: starts.length };
}
