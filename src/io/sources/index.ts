/**
 * Opens what `kds keys analyze` was given as a source of records: the bytes (a file, standard
 * input, gzip), then the layout (from --format or from the content), then the reader for that
 * layout. Everything that can be told before reading is told here, so a misread never starts.
 *
 * A new kind of source is a new file beside this one: a live stream (`kinesis://NAME` or a stream
 * ARN) is ./kinesis.ts, loaded only when one is named; the command does not change.
 */
import type { ColumnChoice } from '../../core/keys/columns.js';
import { detectLayout, describeLayout, layoutFormat, type InputFormat, type Layout } from '../../core/keys/detect.js';
import { KeysError } from '../../core/keys/errors.js';
import type { FieldChoice } from '../../core/keys/fields.js';
import type { KeyPattern } from '../../core/keys/key-pattern.js';
import { isStreamRef } from '../../core/live/source.js';
import { UsageError } from '../../errors.js';
import { openByteInput, type ByteInput } from './bytes.js';
import { readDelimited } from './delimited.js';
import type { LiveReadFlags } from './kinesis.js';
import type { KeySource, SourceContext } from './source.js';

export type { KeySource, ReadRequest, ReadResult, SourceContext } from './source.js';
export type { LiveReadFlags } from './kinesis.js';

export interface SourceOptions {
  readonly format: InputFormat;
  /** --delimiter, one character. */
  readonly delimiter?: string;
  readonly header?: boolean;
  readonly columns: ColumnChoice;
  readonly fields: FieldChoice;
  readonly keyPattern?: KeyPattern;
  /** --threads: read a file in this many parts at once (undefined: decided by its size and the load). */
  readonly threads?: number;
  /** By default, files from this size are read on two threads when a core is idle. */
  readonly parallelFromBytes?: number;
  /** The live-read flags (--from, --seconds, ...) and the AWS ones (--region, --profile, --endpoint-url). */
  readonly live: LiveReadFlags;
  /** --shard-map names a stream, so the AWS flags have a use with a file too. */
  readonly awsForShardMap: boolean;
}

function usage(message: string): KeysError {
  return new KeysError(message, 'usage');
}

/** Flags that only some layouts read must not be given with another: they would be ignored silently. */
function checkFlags(layout: Layout, options: SourceOptions, description: string, input: ByteInput): void {
  if (options.threads !== undefined && options.threads > 1) {
    const why =
      input.file === undefined
        ? `${input.name} is ${input.gzip ? 'gzip-compressed' : 'not a regular file'}`
        : layout.kind === 'delimited' || layout.kind === 'lines'
          ? undefined
          : `it reads as ${description}`;
    if (why !== undefined) {
      throw usage(`--threads ${options.threads} reads a file in parts, one per thread: it needs an uncompressed CSV, TSV or one-key-per-line file, and ${why}`);
    }
  }
  const columnFlag = Object.keys(options.columns)[0];
  const fieldFlag = Object.keys(options.fields)[0];
  const tabular = layout.kind === 'delimited';
  if (columnFlag !== undefined && !tabular) {
    const instead = layout.kind === 'jsonl' ? ' (for JSON lines use --key-field, --bytes-field, --time-field)' : '';
    throw usage(`--${columnFlag}-column is for CSV and TSV, but the input reads as ${description}${instead}`);
  }
  if (fieldFlag !== undefined && layout.kind !== 'jsonl') {
    throw usage(`--${fieldFlag}-field is for JSON lines, but the input reads as ${description}`);
  }
  if (options.header !== undefined && !tabular) {
    throw usage(`--${options.header ? '' : 'no-'}header is for CSV and TSV, but the input reads as ${description}`);
  }
}

const READ_FLAGS: readonly [keyof LiveReadFlags, string][] = [
  ['from', '--from'],
  ['seconds', '--seconds'],
  ['maxRecords', '--max-records'],
  ['callsPerSecond', '--calls-per-second'],
  ['save', '--save'],
];
const AWS_FLAGS: readonly [keyof LiveReadFlags, string][] = [
  ['region', '--region'],
  ['profile', '--profile'],
  ['endpointUrl', '--endpoint-url'],
];

/** The live-read flags mean nothing for a file, nor the AWS ones unless --shard-map names a stream. */
function rejectLiveFlags(options: SourceOptions, name: string): void {
  for (const [key, flag] of READ_FLAGS) {
    if (options.live[key] !== undefined) throw new UsageError(`${flag} reads a live stream: give kinesis://NAME (or a stream ARN) instead of ${name}.`);
  }
  if (options.awsForShardMap) return;
  for (const [key, flag] of AWS_FLAGS) {
    if (options.live[key] !== undefined) throw new UsageError(`${flag} is for reading a stream (kinesis://NAME); ${name} is a file.`);
  }
}

const decoder = new TextDecoder('utf-8');

/** The head as text: without a byte order mark, and without a character cut at its end. */
function headText(input: ByteInput): string {
  let head = input.head;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
  return input.complete ? decoder.decode(head) : new TextDecoder('utf-8').decode(head, { stream: true });
}

export async function openKeySource(spec: string, options: SourceOptions, ctx: SourceContext): Promise<KeySource> {
  if (isStreamRef(spec)) {
    const { openStreamSource } = await import('./kinesis.js');
    return openStreamSource(spec, options, ctx);
  }
  rejectLiveFlags(options, spec === '-' ? 'standard input' : spec);
  const input = await openByteInput(spec, ctx);
  const empty = input.complete && input.head.length === 0;
  const layout: Layout = empty
    ? { kind: 'lines' }
    : detectLayout(
        headText(input),
        input.complete,
        { format: options.format, delimiter: options.delimiter, header: options.header, columns: options.columns, keyPattern: options.keyPattern !== undefined },
        input.name,
      );
  const description = `${input.gzip ? 'gzip-compressed ' : ''}${describeLayout(layout)}`;
  if (!empty) checkFlags(layout, options, description, input);
  return {
    name: input.name,
    description,
    format: layoutFormat(layout),
    compression: input.gzip ? 'gzip' : undefined,
    detected: options.format === 'auto' && options.keyPattern === undefined && !empty,
    small: input.complete,
    read: (request) => {
      switch (layout.kind) {
        case 'delimited':
          return readDelimited(
            input,
            {
              layout: { format: 'csv', delimiter: layout.delimiter.charCodeAt(0), header: layout.header },
              columns: options.columns,
              threads: options.threads,
              parallelFromBytes: options.parallelFromBytes,
            },
            request,
          );
        case 'lines':
          return readDelimited(input, { layout: { format: 'lines' }, columns: {}, threads: options.threads, parallelFromBytes: options.parallelFromBytes }, request);
        // The other readers load only for their own layout: a CSV's start-up does not pay for them.
        case 'jsonl':
          return import('./json-lines.js').then(({ readJsonLines }) => readJsonLines(input, options.fields, layout.objects, request));
        case 'get-records':
          return import('./get-records.js').then(({ readGetRecords }) => readGetRecords(input, request));
        case 'log':
          return import('./log-lines.js').then(({ readLogLines }) => readLogLines(input, options.keyPattern!, request));
      }
    },
  };
}
