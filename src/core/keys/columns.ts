/**
 * Which CSV columns hold the key, bytes, time, count, explicit hash key and observed shard: named
 * by flags, or found by their header names. Without a header row columns are named by number.
 * The KPL marker of a saved live read (kpl_aggregated) is found by its header name only.
 */
import { KeysError } from './errors.js';
import type { Columns } from './scan.js';
import { quoted } from '../quote.js';

export type ColumnRole = 'key' | 'bytes' | 'time' | 'count' | 'ehk' | 'shard' | 'kpl';

/** The roles a flag can name a column for. */
export type FlaggedRole = Exclude<ColumnRole, 'kpl'>;

export type ColumnChoice = Partial<Record<FlaggedRole, string>>;

export const COLUMN_FLAGS: Record<FlaggedRole, string> = {
  key: '--key-column',
  bytes: '--bytes-column',
  time: '--time-column',
  count: '--count-column',
  ehk: '--ehk-column',
  shard: '--shard-column',
};

/** Header names recognised without a flag, compared in lower case without '_', '-', '.' or spaces. */
export const KNOWN_HEADERS: Record<ColumnRole, readonly string[]> = {
  key: ['partitionkey', 'key', 'pk'],
  bytes: ['bytes', 'databytes', 'datasize', 'sizebytes', 'payloadbytes'],
  time: ['timestamp', 'approximatearrivaltimestamp', 'arrivaltimestamp', 'eventtime', 'time', 'ts'],
  count: ['count', 'recordcount', 'records'],
  ehk: ['explicithashkey', 'ehk'],
  shard: ['shardid', 'shard', 'observedshard'],
  kpl: ['kplaggregated'],
};

/** The columns of the CSV that `kds keys analyze kinesis://NAME --save FILE` writes, in order. */
export const SAVED_COLUMNS = ['partition_key', 'bytes', 'timestamp', 'explicit_hash_key', 'shard_id', 'kpl_aggregated'] as const;

/** True when a header row is the one kds --save writes: the file is kds's own CSV. */
export function isSavedHeader(header: readonly string[]): boolean {
  return header.length === SAVED_COLUMNS.length && SAVED_COLUMNS.every((name, i) => header[i] === name);
}

/** True when a header name is one that kds recognises for some role. */
export function isKnownHeader(name: string): boolean {
  const n = normaliseHeader(name);
  return Object.values(KNOWN_HEADERS).some((names) => names.includes(n));
}

export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]/g, '');
}

/** True when a first line looks like a CSV header of one column that names a partition key. */
export function isKeyHeader(line: string): boolean {
  return KNOWN_HEADERS.key.includes(normaliseHeader(line));
}

export function describeColumns(header: readonly string[]): string {
  const shown = header.slice(0, 12).map((h) => quoted(h, 40));
  return shown.join(', ') + (header.length > 12 ? `, ... (${header.length} columns)` : '');
}

function findNamed(header: readonly string[], role: FlaggedRole, wanted: string, numbered: boolean): number {
  if (numbered && !/^[1-9]\d*$/.test(wanted)) {
    throw new KeysError(`${COLUMN_FLAGS[role]} ${JSON.stringify(wanted)} is a name, but the input has no header row: give the column's number (1 to ${header.length})`, 'usage');
  }
  const exact = header.indexOf(wanted);
  if (exact >= 0) return exact;
  const loose = header.findIndex((h) => normaliseHeader(h) === normaliseHeader(wanted));
  if (loose >= 0) return loose;
  if (/^[1-9]\d*$/.test(wanted) && Number(wanted) <= header.length) return Number(wanted) - 1;
  throw new KeysError(`${COLUMN_FLAGS[role]} ${JSON.stringify(wanted)} is not a column of the input; its columns are ${describeColumns(header)}`, 'usage');
}

export interface ResolvedColumns extends Columns {
  /** Header name of each column used. */
  readonly names: Partial<Record<ColumnRole, string>>;
}

/**
 * Picks the columns from the header: flags first, then known names. Only the key column is
 * required. Throws a usage error for a named column that does not exist. With `numbered` (no
 * header row: the names are "1", "2", ...) only flags pick columns, and the key is column 1 unless
 * --key-column says otherwise.
 */
export function resolveColumns(header: readonly string[], choice: ColumnChoice, numbered = false): ResolvedColumns {
  const names: Partial<Record<ColumnRole, string>> = {};
  const used = new Set<number>();
  const pick = (role: ColumnRole, required: boolean): number => {
    const wanted = role === 'kpl' ? undefined : (choice[role] ?? (numbered && role === 'key' ? '1' : undefined));
    let index: number;
    if (wanted !== undefined) index = findNamed(header, role as FlaggedRole, wanted, numbered);
    else if (numbered) index = -1;
    else {
      index = header.findIndex((h, i) => !used.has(i) && KNOWN_HEADERS[role].includes(normaliseHeader(h)));
      if (index < 0 && required) {
        throw new KeysError(
          `no partition key column found (looked for ${KNOWN_HEADERS.key.join(', ')}); name it with --key-column; the columns are ${describeColumns(header)}`,
          'usage',
        );
      }
    }
    if (index >= 0) {
      if (used.has(index)) {
        throw new KeysError(`${COLUMN_FLAGS[role as FlaggedRole]} names column ${JSON.stringify(header[index])}, which another role already uses`, 'usage');
      }
      used.add(index);
      names[role] = header[index]!;
    }
    return index;
  };
  const key = pick('key', true);
  const ehk = pick('ehk', false);
  const count = pick('count', false);
  const bytes = pick('bytes', false);
  const time = pick('time', false);
  const shard = pick('shard', false);
  const kpl = pick('kpl', false);
  return { key, bytes, time, count, ehk, shard, kpl, names };
}
