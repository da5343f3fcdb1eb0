/** kds keys analyze flags, described once, and how they combine into a typed input. */
import { ON_DEMAND, SHARD } from '../../core/facts.js';
import type { Measure } from '../../core/keys/analyze.js';
import type { ColumnChoice } from '../../core/keys/columns.js';
import { INPUT_FORMATS, type InputFormat } from '../../core/keys/detect.js';
import { KeysError } from '../../core/keys/errors.js';
import { DEFAULT_HOT_RATIO } from '../../core/keys/hot-rule.js';
import { KEY_TABLE_BYTES, MAX_THREADS, PARALLEL_FROM_BYTES, THREAD_MIB } from '../../core/keys/threads.js';
import type { FieldChoice } from '../../core/keys/fields.js';
import { compileKeyPattern, type KeyPattern } from '../../core/keys/key-pattern.js';
import { UsageError } from '../../errors.js';
import { echoValue } from '../../render/escape.js';
import type { OptionSpec } from '../../options/define.js';
import { JSON_OPTION } from '../shared.js';

const STREAM_GROUP = 'Stream:';
const INPUT_GROUP = 'Input:';
const REPORT_GROUP = 'Report:';

/** Shards simulated when neither --shards nor --shard-map is given: a new on-demand stream's write capacity. */
export const DEFAULT_SHARDS = ON_DEMAND.initialWriteBytesPerSec.value / SHARD.writeBytesPerSec.value;
export const DEFAULT_TOP = 10;
export const DEFAULT_MAX_KEYS = 500_000;

/**
 * Exit code of --fail-on-hot when a shard is hot. Not 1: a CI job must tell a hot shard from an
 * input it could not read.
 */
export const HOT_EXIT_CODE = 3;

export const SHARDS_OPTION: OptionSpec = {
  type: 'number', name: 'shards', value: 'N', group: STREAM_GROUP,
  description: `simulate a stream created with N shards (default ${DEFAULT_SHARDS}, a new on-demand stream's write capacity)`,
  rule: { integer: true, min: 1, max: 1_000_000, unit: 'shards' },
};

export const SHARD_MAP_OPTION: OptionSpec = {
  type: 'string', name: 'shard-map', value: 'FILE', group: STREAM_GROUP,
  description: 'your stream\'s real shards: saved `aws kinesis list-shards` or `describe-stream` JSON (pages may follow each other)',
};

export const KEYS_ROUTE_OPTIONS: readonly OptionSpec[] = [
  SHARDS_OPTION,
  SHARD_MAP_OPTION,
  {
    type: 'string', name: 'explicit-hash-key', value: 'H', group: STREAM_GROUP,
    description: 'route by this ExplicitHashKey (a decimal from 0 to 2^128 - 1) instead of each key\'s MD5, as a producer that sets one does',
  },
  { ...JSON_OPTION, description: 'print a JSON array for scripts, one { key, md5, hashKey, shardId } per key in order' },
];

export const KEYS_ANALYZE_OPTIONS: readonly OptionSpec[] = [
  SHARDS_OPTION,
  SHARD_MAP_OPTION,
  {
    type: 'string', name: 'stream-name', value: 'NAME', group: STREAM_GROUP, default: 'my-stream',
    description: 'stream name to put in the printed aws commands',
  },
  {
    type: 'string', name: 'format', value: 'FORMAT', group: INPUT_GROUP, default: 'auto', choices: INPUT_FORMATS,
    description:
      'csv, tsv, lines (each line is a key), jsonl (JSON lines), get-records (`aws kinesis get-records` output) or auto: decided from the content and said on stderr, or refused with the flag to pass when unsure; gzip is read through',
  },
  {
    type: 'string', name: 'delimiter', value: 'C', group: INPUT_GROUP,
    description: "the field delimiter of delimited text: one character (';', '|', 'tab' or '\\t' for a tab)",
  },
  {
    type: 'boolean', name: 'header', group: INPUT_GROUP,
    description: 'the first row of the CSV names the columns (default: decided from the content)',
  },
  {
    type: 'boolean', name: 'no-header', group: INPUT_GROUP,
    description: 'the CSV has no header row: columns are named by number and the key is column 1 unless --key-column says',
  },
  {
    type: 'string', name: 'key-column', value: 'NAME', group: INPUT_GROUP,
    description: 'the partition key column (default: a column named partition_key, partitionKey, key or pk); a name or a 1-based number',
  },
  {
    type: 'string', name: 'bytes-column', value: 'NAME', group: INPUT_GROUP,
    description: 'data size in bytes per record (default: a column named bytes or data_size); the key\'s UTF-8 length is added, as Kinesis counts it',
  },
  {
    type: 'string', name: 'time-column', value: 'NAME', group: INPUT_GROUP,
    description: 'arrival time: ISO 8601 (UTC unless it has an offset) or epoch seconds or milliseconds (default: a column named timestamp or time)',
  },
  {
    type: 'string', name: 'count-column', value: 'NAME', group: INPUT_GROUP,
    description: 'records each row stands for, e.g. a GROUP BY count; the bytes column then holds their total data bytes (default: a column named count)',
  },
  {
    type: 'string', name: 'ehk-column', value: 'NAME', group: INPUT_GROUP,
    description: 'ExplicitHashKey column: a non-empty value routes the record instead of the key\'s MD5 (default: a column named explicit_hash_key)',
  },
  {
    type: 'string', name: 'shard-column', value: 'NAME', group: INPUT_GROUP,
    description: 'the shard each record was read from (a saved live read): records count on that shard, and the report says how many differ from the predicted one (default: a column named shard_id)',
  },
  {
    type: 'string', name: 'key-field', value: 'PATH', group: INPUT_GROUP,
    description: 'JSON lines: the partition key\'s field, a dotted path such as detail.user.id (default: a top-level field named as for --key-column)',
  },
  {
    type: 'string', name: 'bytes-field', value: 'PATH', group: INPUT_GROUP,
    description: 'JSON lines: the data size field (default: a top-level field named as for --bytes-column)',
  },
  {
    type: 'string', name: 'time-field', value: 'PATH', group: INPUT_GROUP,
    description: 'JSON lines: the arrival time field (default: a top-level field named as for --time-column)',
  },
  {
    type: 'string', name: 'key-pattern', value: 'REGEX', group: INPUT_GROUP,
    description: 'log lines: a regular expression whose one capture group (or group named key) is the partition key; groups named bytes and time are read too; lines that do not match are counted',
  },
  {
    type: 'number', name: 'sample-rate', value: 'FRACTION', group: INPUT_GROUP, default: 1,
    description: 'share of the stream\'s records the file holds (0.01 for a 1% sample); per-second peaks are scaled up by it',
    rule: { min: 0, minExclusive: true, max: 1, unit: 'records sampled per record written' },
  },
  {
    type: 'boolean', name: 'strict', group: INPUT_GROUP,
    description: 'stop at the first malformed row (exit 1) instead of skipping and counting it',
  },
  {
    type: 'number', name: 'max-keys', value: 'N', group: INPUT_GROUP, default: DEFAULT_MAX_KEYS,
    description: 'distinct keys counted exactly; beyond this key counts become heavy-hitter estimates (shard totals stay exact)',
    rule: { integer: true, min: 100, max: 50_000_000, unit: 'keys' },
  },
  {
    type: 'number', name: 'threads', value: 'N', group: INPUT_GROUP,
    description: `read a large file in N parts at once, one thread each (default: 2 for a file of ${PARALLEL_FROM_BYTES / (1024 * 1024)} MiB or more when a core is idle, else 1); each thread after the first adds about ${THREAD_MIB} MiB, plus its own table of up to --max-keys keys (about ${KEY_TABLE_BYTES} bytes a key)`,
    rule: { integer: true, min: 1, max: MAX_THREADS, unit: 'threads' },
  },
  {
    type: 'number', name: 'hot-ratio', value: 'X', group: REPORT_GROUP, default: DEFAULT_HOT_RATIO,
    description: 'a shard is hot at X times its fair share (its share of the hash space)',
    rule: { min: 1, minExclusive: true, max: 1_000_000, unit: 'times the fair share' },
  },
  {
    type: 'string', name: 'by', value: 'MEASURE', group: REPORT_GROUP, choices: ['records', 'bytes'],
    description: 'weigh shards by records or bytes (default: the limit that binds first for the average record)',
  },
  {
    type: 'number', name: 'top', value: 'N', group: REPORT_GROUP, default: DEFAULT_TOP,
    description: 'how many top keys to list',
    rule: { integer: true, min: 1, max: 10_000, unit: 'keys' },
  },
  {
    type: 'number', name: 'salt', value: 'K', group: REPORT_GROUP,
    description: 'show what spreading the hottest key over K suffixed keys (key#0 ... key#K-1) would do',
    rule: { integer: true, min: 2, max: 10_000, unit: 'suffixes' },
  },
  {
    type: 'boolean', name: 'fail-on-hot', group: REPORT_GROUP,
    description: `exit ${HOT_EXIT_CODE} after the report when a shard is hot (for CI)`,
  },
  JSON_OPTION,
];

/** The raw flag values, as commander parsed them. */
export interface KeysAnalyzeFlags {
  readonly shards?: number;
  readonly shardMap?: string;
  readonly streamName: string;
  readonly format: InputFormat;
  readonly delimiter?: string;
  readonly header?: boolean;
  readonly keyColumn?: string;
  readonly bytesColumn?: string;
  readonly timeColumn?: string;
  readonly countColumn?: string;
  readonly ehkColumn?: string;
  readonly shardColumn?: string;
  readonly keyField?: string;
  readonly bytesField?: string;
  readonly timeField?: string;
  readonly keyPattern?: string;
  readonly sampleRate: number;
  readonly strict?: boolean;
  readonly maxKeys: number;
  readonly threads?: number;
  readonly hotRatio: number;
  readonly by?: Measure;
  readonly top: number;
  readonly salt?: number;
  readonly failOnHot?: boolean;
  readonly json?: boolean;
}

export interface KeysAnalyzeInput {
  /** A path, or '-' for standard input. */
  readonly file: string;
  readonly stream: { readonly kind: 'simulated'; readonly shards: number; readonly isDefault: boolean } | { readonly kind: 'map'; readonly file: string };
  readonly streamName: string;
  readonly format: InputFormat;
  readonly delimiter: string | undefined;
  readonly header: boolean | undefined;
  readonly columns: ColumnChoice;
  readonly fields: FieldChoice;
  readonly keyPattern: KeyPattern | undefined;
  readonly sampleRate: number;
  readonly strict: boolean;
  readonly maxKeys: number;
  /** --threads, or undefined to decide by the file's size and the load. */
  readonly threads: number | undefined;
  readonly hotRatio: number;
  readonly measure: Measure | undefined;
  readonly top: number;
  readonly salt: number | undefined;
  readonly failOnHot: boolean;
  readonly json: boolean;
}

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

/** --delimiter: one printable ASCII character other than a quote, or a tab ('tab', '\t'). */
function delimiterOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw === 'tab' || raw === '\\t' ? '\t' : raw;
  if (value === '\t' || (value.length === 1 && value >= ' ' && value <= '~' && value !== '"' && !/[A-Za-z0-9]/.test(value))) return value;
  throw new UsageError(`--delimiter expects one character such as ';', '|' or 'tab' (not a letter, digit or quote), got '${echoValue(raw)}'.`);
}

function keyPatternOf(raw: string | undefined): KeyPattern | undefined {
  if (raw === undefined) return undefined;
  try {
    return compileKeyPattern(raw);
  } catch (error) {
    if (error instanceof KeysError) throw new UsageError(`${echoValue(error.message, 300)}.`);
    throw error;
  }
}

export function toKeysAnalyzeInput(file: string, flags: KeysAnalyzeFlags): KeysAnalyzeInput {
  if (flags.shards !== undefined && flags.shardMap !== undefined) {
    throw new UsageError(`--shards ${flags.shards} and --shard-map both describe the stream: pass one of them.`);
  }
  if (flags.shardMap === '-' && file === '-') {
    throw new UsageError('the keys and --shard-map cannot both come from standard input.');
  }
  if (!STREAM_NAME.test(flags.streamName)) {
    throw new UsageError(`--stream-name expects 1 to 128 letters, digits, '_', '.' or '-', got '${echoValue(flags.streamName)}'.`);
  }
  const columns: ColumnChoice = {};
  const named: [keyof ColumnChoice, string | undefined, string][] = [
    ['key', flags.keyColumn, '--key-column'],
    ['bytes', flags.bytesColumn, '--bytes-column'],
    ['time', flags.timeColumn, '--time-column'],
    ['count', flags.countColumn, '--count-column'],
    ['ehk', flags.ehkColumn, '--ehk-column'],
    ['shard', flags.shardColumn, '--shard-column'],
  ];
  const notTabular = flags.format === 'lines' || flags.format === 'jsonl' || flags.format === 'get-records';
  for (const [role, value, flag] of named) {
    if (value === undefined) continue;
    if (value.length === 0) throw new UsageError(`${flag} expects a column name, got an empty string.`);
    if (notTabular) throw new UsageError(`${flag} is for CSV and TSV; --format ${flags.format} has no columns.`);
    columns[role] = value;
  }
  const fields: FieldChoice = {};
  const fieldFlags: [keyof FieldChoice, string | undefined, string][] = [
    ['key', flags.keyField, '--key-field'],
    ['bytes', flags.bytesField, '--bytes-field'],
    ['time', flags.timeField, '--time-field'],
  ];
  for (const [role, value, flag] of fieldFlags) {
    if (value === undefined) continue;
    if (value.length === 0 || value.split('.').some((part) => part.length === 0)) {
      throw new UsageError(`${flag} expects a field name or a dotted path such as detail.user.id, got '${echoValue(value)}'.`);
    }
    if (flags.format !== 'auto' && flags.format !== 'jsonl') throw new UsageError(`${flag} is for JSON lines; --format ${flags.format} has no fields.`);
    fields[role] = value;
  }
  return {
    file,
    stream:
      flags.shardMap !== undefined
        ? { kind: 'map', file: flags.shardMap }
        : { kind: 'simulated', shards: flags.shards ?? DEFAULT_SHARDS, isDefault: flags.shards === undefined },
    streamName: flags.streamName,
    format: flags.format,
    delimiter: delimiterOf(flags.delimiter),
    header: flags.header,
    columns,
    fields,
    keyPattern: keyPatternOf(flags.keyPattern),
    sampleRate: flags.sampleRate,
    strict: flags.strict === true,
    maxKeys: flags.maxKeys,
    threads: flags.threads,
    hotRatio: flags.hotRatio,
    measure: flags.by,
    top: flags.top,
    salt: flags.salt,
    failOnHot: flags.failOnHot === true,
    json: flags.json === true,
  };
}
