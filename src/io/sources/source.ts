/**
 * The seam between where records come from and the analysis: a KeySource reads its records into
 * an accumulator when the command asks. Files, standard input, gzip, JSON lines, get-records
 * output and log lines are sources here; a live stream is one more (it produces KeyRecords and
 * hands them to readKeyRecords, see ./records.ts).
 */
import type { Accumulator } from '../../core/keys/accumulate.js';
import type { ColumnRole } from '../../core/keys/columns.js';
import type { MalformedRow } from '../../core/keys/accumulate.js';
import type { ShardMap } from '../../core/keys/shard-map.js';
import type { Io } from '../io.js';
import type { ProgressListener } from '../chunks.js';

/** What a source may use of the outside world. */
export interface SourceContext {
  readonly io: Io;
  /** A one-line message on stderr. */
  notice(message: string): void;
}

export interface ReadRequest {
  readonly map: ShardMap;
  readonly maxKeys: number;
  readonly strict: boolean;
  readonly onProgress?: ProgressListener;
}

export interface ReadResult {
  /** Everything counted (finish() not called yet). */
  readonly acc: Accumulator;
  /** Bytes of text read (after decompression); 0 for an empty input. */
  readonly bytesRead: number;
  /** Rows or records read, malformed ones included, a header row not. */
  readonly rows: number;
  /** A header row was read. */
  readonly header: boolean;
  /** The column or field used for each role. */
  readonly columns: Partial<Record<ColumnRole, string>>;
  /** Records carry their data size (bytes), not just the key. */
  readonly hasBytes: boolean;
  /** Kinesis records that were KPL aggregates. */
  readonly aggregatedRecords: number;
  /** What de-aggregating them gave: user records, and aggregates that could not be read. */
  readonly kpl?: { readonly userRecords: number; readonly corrupt: number };
  /** Threads the input was read on (1 unless a file was read in parts). */
  readonly threads?: number;
  /** Lines a --key-pattern did not match: how many, and the first few line numbers. */
  readonly unmatched?: { readonly count: number; readonly lines: readonly number[] };
}

export interface KeySource {
  /** What the user named: a path, "standard input", later a stream. */
  readonly name: string;
  /** What the input is read as, for the report: "TSV, 3 columns, header row". */
  readonly description: string;
  /** The layout, for JSON: csv, tsv, delimited, lines, log-lines, jsonl, get-records (or a live source's own). */
  readonly format: string;
  readonly compression: 'gzip' | undefined;
  /** kds chose the layout from the content (--format auto). */
  readonly detected: boolean;
  read(request: ReadRequest): Promise<ReadResult>;
}

export type { MalformedRow };
