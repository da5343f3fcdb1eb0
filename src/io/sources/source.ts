/**
 * The seam between where records come from and the analysis: a KeySource reads its records into
 * an accumulator when the command asks. Files, standard input, gzip, JSON lines, get-records
 * output and log lines are sources here, and so is a live stream (./kinesis.ts), which also
 * brings its own shard map, a summary of the read, progress lines and Ctrl+C handling.
 */
import type { Accumulator } from '../../core/keys/accumulate.js';
import type { ColumnRole } from '../../core/keys/columns.js';
import type { MalformedRow } from '../../core/keys/accumulate.js';
import type { ShardMap } from '../../core/keys/shard-map.js';
import type { LiveListener, LiveView } from '../../core/live/view.js';
import type { Io } from '../io.js';
import type { ProgressListener } from '../chunks.js';

/** What a source may use of the outside world. */
export interface SourceContext {
  readonly io: Io;
  /** A one-line message on stderr. */
  notice(message: string): void;
  /** A progress line while reading (without "kds: "): shown on a terminal, replaced by the next, cleared at the end. */
  status(line: string): void;
  /** Told where a live read starts and how it goes; words and shows them. */
  readonly live?: LiveListener;
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
  readonly kpl?: { readonly userRecords: number; readonly corrupt: number; readonly checksumMismatches: number };
  /** Threads the input was read on (1 unless a file was read in parts). */
  readonly threads?: number;
  /** Lines a --key-pattern did not match: how many, and the first few line numbers. */
  readonly unmatched?: { readonly count: number; readonly lines: readonly number[] };
  /** A live stream's read itself (the window, the calls, what was saved), for the report's summary. */
  readonly live?: LiveView;
}

export interface KeySource {
  /** What the user named: a path, "standard input", kinesis://NAME. */
  readonly name: string;
  /** What the input is read as, for the report: "TSV, 3 columns, header row". */
  readonly description: string;
  /** The layout, for JSON: csv, tsv, delimited, lines, log-lines, jsonl, get-records (or a live source's own). */
  readonly format: string;
  readonly compression: 'gzip' | undefined;
  /** kds chose the layout from the content (--format auto). */
  readonly detected: boolean;
  /**
   * A source with shards of its own (a live stream): its open shards from ListShards, the map its
   * records are counted on. --shards and --shard-map do not apply to it.
   */
  readonly ownShardMap?: () => Promise<ShardMap>;
  /** The name of the stream the records come from, when the source is one. */
  readonly streamName?: string;
  /**
   * The whole input came with its first read (HEAD_BYTES, 64 KiB, at most): it is read in less
   * time than V8 takes to optimise the loop that reads it (see Io.holdBackOptimizer).
   */
  readonly small?: boolean;
  read(request: ReadRequest): Promise<ReadResult>;
  /** Releases what the source holds (a client, a file being written); safe to call more than once. */
  close?(): void;
}

export type { MalformedRow };
