/**
 * JSON lines: which field of each object holds the key, bytes, time and the rest, and how a value
 * becomes a KeyRecord. Fields are named by dotted paths (`--key-field detail.user.id`) or found at
 * the top level by the same names as CSV columns (partition_key, key, pk, bytes, timestamp, ...).
 */
import { KeysError } from './errors.js';
import { KNOWN_HEADERS, normaliseHeader, type ColumnRole } from './columns.js';
import type { KeyRecord } from './record.js';
import { parseTimestamp } from './timestamp.js';
import { quoted } from '../quote.js';
import { wholeNumberText } from './whole-number.js';

export type FieldRole = ColumnRole;

export type FieldChoice = Partial<Record<'key' | 'bytes' | 'time', string>>;

export const FIELD_FLAGS: Record<'key' | 'bytes' | 'time', string> = {
  key: '--key-field',
  bytes: '--bytes-field',
  time: '--time-field',
};

/** The path of each field used, split at dots. */
export type FieldPaths = Partial<Record<FieldRole, readonly string[]>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, or undefined. Only own properties count, so "__proto__" is a name like any other. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const part of path) {
    if (!isObject(v) || !Object.prototype.hasOwnProperty.call(v, part)) return undefined;
    v = v[part];
  }
  return v;
}

function describeFields(obj: Record<string, unknown>): string {
  const names = Object.keys(obj);
  const shown = names.slice(0, 12).map((n) => quoted(n, 40));
  return shown.length === 0 ? 'none' : shown.join(', ') + (names.length > 12 ? `, ... (${names.length} fields)` : '');
}

/**
 * Picks the fields from the first object: flags first (they must exist in it), then known names at
 * the top level. Only the key is required.
 */
export function resolveFields(first: Record<string, unknown>, choice: FieldChoice): FieldPaths {
  const paths: Record<string, readonly string[]> = {};
  const roles: FieldRole[] = ['key', 'bytes', 'time', 'count', 'ehk', 'shard'];
  for (const role of roles) {
    const wanted = role === 'key' || role === 'bytes' || role === 'time' ? choice[role] : undefined;
    if (wanted !== undefined) {
      const path = wanted.split('.');
      if (valueAt(first, path) === undefined) {
        throw new KeysError(
          `${FIELD_FLAGS[role as 'key']} ${JSON.stringify(wanted)} is not a field of the first JSON line; its fields are ${describeFields(first)}`,
          'usage',
        );
      }
      paths[role] = path;
      continue;
    }
    const name = Object.keys(first).find((k) => KNOWN_HEADERS[role].includes(normaliseHeader(k)) && !Object.values(paths).some((p) => p.length === 1 && p[0] === k));
    if (name !== undefined) paths[role] = [name];
    else if (role === 'key') {
      throw new KeysError(
        `no partition key field found in the first JSON line (looked for ${KNOWN_HEADERS.key.join(', ')}); name it with --key-field (a dotted path such as detail.user); its fields are ${describeFields(first)}`,
        'usage',
      );
    }
  }
  return paths;
}

/** A problem with one object, or the record it holds. */
export type FieldResult = { readonly record: KeyRecord; readonly count: number } | { readonly problem: string };

const encoder = new TextEncoder();

function timeOf(value: unknown): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return NaN;
    const text = String(value);
    return /e/i.test(text) ? NaN : parseTimestamp(encoder.encode(text), 0, text.length);
  }
  if (typeof value === 'string') {
    const bytes = encoder.encode(value);
    return parseTimestamp(bytes, 0, bytes.length);
  }
  return NaN;
}

function wholeOf(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : -1;
  return typeof value === 'string' ? wholeNumberText(value) : -1;
}

function show(path: readonly string[]): string {
  return quoted(path.join('.'));
}

/** Reads one parsed JSON line with the chosen fields. */
export function recordOf(value: unknown, paths: FieldPaths): FieldResult {
  if (!isObject(value)) return { problem: 'the line is not a JSON object' };
  const keyPath = paths.key!;
  const rawKey = valueAt(value, keyPath);
  let key: string;
  if (typeof rawKey === 'string') key = rawKey;
  else if (typeof rawKey === 'number' && Number.isSafeInteger(rawKey)) key = String(rawKey);
  else return { problem: rawKey === undefined ? `it has no key field ${show(keyPath)}` : `the key field ${show(keyPath)} is not a string` };
  let dataBytes = 0;
  if (paths.bytes) {
    dataBytes = wholeOf(valueAt(value, paths.bytes));
    if (dataBytes < 0) return { problem: `the bytes field ${show(paths.bytes)} is not a whole number` };
  }
  let count = 1;
  if (paths.count) {
    count = wholeOf(valueAt(value, paths.count));
    if (count < 0) return { problem: `the count field ${show(paths.count)} is not a whole number` };
  }
  let time = NaN;
  if (paths.time) {
    time = timeOf(valueAt(value, paths.time));
    if (Number.isNaN(time)) {
      return { problem: `the time field ${show(paths.time)} is not an ISO 8601 date-time or epoch seconds/milliseconds` };
    }
  }
  const ehk = paths.ehk ? valueAt(value, paths.ehk) : undefined;
  const shard = paths.shard ? valueAt(value, paths.shard) : undefined;
  return {
    record: {
      key,
      dataBytes,
      time,
      ...(typeof ehk === 'string' && ehk.length > 0 ? { explicitHashKey: ehk } : {}),
      ...(typeof shard === 'string' && shard.length > 0 ? { shardId: shard } : {}),
    },
    count,
  };
}
