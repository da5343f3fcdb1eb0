/**
 * Shard maps: the open shards of a stream in hash order, and how to find the one a hash key
 * belongs to.
 *
 * A map comes from `--shards N` (a stream created with N shards: shard i starts at
 * floor(i * 2^128 / N)) or from the JSON that `aws kinesis list-shards` / `describe-stream` prints.
 * Only open shards receive records; they must cover the hash space exactly once.
 */
import { KEYS } from '../facts.js';
import { walkJsonDocuments } from '../json-documents.js';
import { KeysError } from './errors.js';
import { bigIntToWords, compareWords, HASH_SPACE, MAX_HASH_KEY } from './hash-key.js';
import { EAGER_MAX, lazyList } from './lazy-list.js';
import { uniformShardIndex } from './uniform.js';

export interface Shard {
  readonly shardId: string;
  readonly start: bigint;
  readonly end: bigint;
  /** Share of the hash space, (end - start + 1) / 2^128. */
  readonly hashShare: number;
}

export interface ShardMap {
  /** Open shards sorted by starting hash key. */
  readonly shards: readonly Shard[];
  /** Starting hash keys as words, four per shard, for routing without BigInt (empty for a large uniform map). */
  readonly starts: Uint32Array;
  /** Set for the map of a stream created with this many shards: shards are computed, not stored. */
  readonly uniform?: number;
}

/** Thrown for a shard map that cannot be used; the command turns it into an input error. */
export class ShardMapError extends KeysError {
  constructor(message: string) {
    super(message, 'data');
  }
}

export function shardId(index: number): string {
  return `${KEYS.shardIdPrefix.value}${String(index).padStart(KEYS.shardIdDigits.value, '0')}`;
}

function shareOf(start: bigint, end: bigint): number {
  return Number(end - start + 1n) / Number(HASH_SPACE);
}

export function makeShard(id: string, start: bigint, end: bigint): Shard {
  return { shardId: id, start, end, hashShare: shareOf(start, end) };
}

/** Builds a map from shards that are already sorted, contiguous and complete. */
export function mapOf(shards: readonly Shard[]): ShardMap {
  const starts = new Uint32Array(shards.length * 4);
  shards.forEach((s, i) => bigIntToWords(s.start, starts, i * 4));
  return { shards, starts };
}

/**
 * The map of a stream created with n shards: shard i is [floor(i*2^128/n), floor((i+1)*2^128/n) - 1].
 * A large map computes its shards when they are read and routes by arithmetic, so that memory does
 * not grow with n.
 */
export function uniformShardMap(n: number): ShardMap {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a stream needs a whole number of shards, got ${n}`);
  const count = BigInt(n);
  const shardAt = (i: number) => makeShard(shardId(i), (BigInt(i) * HASH_SPACE) / count, (BigInt(i + 1) * HASH_SPACE) / count - 1n);
  if (n <= EAGER_MAX) return { ...mapOf(Array.from({ length: n }, (_, i) => shardAt(i))), uniform: n };
  return { shards: lazyList(n, shardAt), starts: new Uint32Array(0), uniform: n };
}

/** The index of the open shard with this id, or -1. */
export function shardIndexById(map: ShardMap, id: string, byId?: Map<string, number>): number {
  if (map.uniform !== undefined && map.uniform > EAGER_MAX) {
    const prefix = KEYS.shardIdPrefix.value;
    const digits = id.slice(prefix.length);
    if (!id.startsWith(prefix) || digits.length !== KEYS.shardIdDigits.value || !/^\d+$/.test(digits)) return -1;
    const i = Number(digits);
    return i < map.uniform ? i : -1;
  }
  return byId?.get(id) ?? -1;
}

/** Index of the shard whose range holds the hash key at words[at..at+3]: the last start <= key. */
export function routeWords(map: ShardMap, words: Uint32Array, at = 0): number {
  if (map.uniform !== undefined && map.starts.length === 0) return uniformShardIndex(words, at, map.uniform);
  const starts = map.starts;
  let lo = 0;
  let hi = map.shards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    // Most keys differ from a boundary in the first word; compareWords only reads further on a tie.
    const w = words[at]!;
    const s = starts[mid * 4]!;
    const startIsAbove = s !== w ? s > w : compareWords(starts, mid * 4, words, at) > 0;
    if (startIsAbove) hi = mid - 1;
    else lo = mid;
  }
  return lo;
}

/** Index of the shard that holds a hash key given as a bigint. */
export function routeHashKey(map: ShardMap, hashKey: bigint): number {
  if (hashKey < 0n || hashKey > MAX_HASH_KEY) throw new RangeError(`not a hash key: ${hashKey}`);
  const words = new Uint32Array(4);
  bigIntToWords(hashKey, words);
  return routeWords(map, words);
}

// ---------------------------------------------------------------------------------------------
// Parsing list-shards / describe-stream JSON

interface RawShard {
  readonly id: string;
  readonly start: bigint;
  readonly end: bigint;
  readonly open: boolean;
}

/** Hash keys in shard maps are written like ExplicitHashKeys: plain decimals without leading zeros. */
const HASH_TEXT = new RegExp(`^(?:${KEYS.explicitHashKeyPattern.value})$`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hashKeyField(value: unknown, what: string, id: string): bigint {
  if (typeof value !== 'string' || !HASH_TEXT.test(value) || BigInt(value) > MAX_HASH_KEY) {
    throw new ShardMapError(`${id} has an invalid ${what} ${JSON.stringify(value)}: expected a decimal from 0 to 2^128 - 1`);
  }
  return BigInt(value);
}

function readShard(value: unknown, position: number): RawShard {
  if (!isRecord(value)) throw new ShardMapError(`shard #${position + 1} is not an object`);
  const id = value.ShardId;
  if (typeof id !== 'string' || id.length === 0) throw new ShardMapError(`shard #${position + 1} has no ShardId`);
  const range = value.HashKeyRange;
  if (!isRecord(range)) throw new ShardMapError(`${id} has no HashKeyRange`);
  const start = hashKeyField(range.StartingHashKey, 'StartingHashKey', id);
  const end = hashKeyField(range.EndingHashKey, 'EndingHashKey', id);
  if (start > end) throw new ShardMapError(`${id} starts after it ends (${start} > ${end})`);
  const seq = value.SequenceNumberRange;
  const closed = isRecord(seq) && seq.EndingSequenceNumber !== undefined && seq.EndingSequenceNumber !== null;
  return { id, start, end, open: !closed };
}

interface Collected {
  readonly shards: RawShard[];
  hasNextToken: boolean;
}

/** Arrays of pages of shards nest a level or two; anything deeper is not a saved shard map. */
const MAX_DEPTH = 8;

function collect(doc: unknown, into: Collected, depth = 0): void {
  if (depth > MAX_DEPTH) throw new ShardMapError(`the JSON nests arrays more than ${MAX_DEPTH} deep: expected list-shards or describe-stream JSON`);
  if (Array.isArray(doc)) {
    for (const item of doc) {
      if (isRecord(item) && 'HashKeyRange' in item) into.shards.push(readShard(item, into.shards.length));
      else collect(item, into, depth + 1);
    }
    return;
  }
  if (!isRecord(doc)) throw new ShardMapError('expected list-shards or describe-stream JSON, or an array of shards');
  if (Array.isArray(doc.Shards)) {
    if (typeof doc.NextToken === 'string') into.hasNextToken = true;
    collect(doc.Shards, into, depth + 1);
    return;
  }
  if (isRecord(doc.StreamDescription) && Array.isArray(doc.StreamDescription.Shards)) {
    if (doc.StreamDescription.HasMoreShards === true) into.hasNextToken = true;
    collect(doc.StreamDescription.Shards, into, depth + 1);
    return;
  }
  if (isRecord(doc.StreamDescriptionSummary)) {
    throw new ShardMapError('describe-stream-summary output lists no shards; save `aws kinesis list-shards` output instead');
  }
  if ('HashKeyRange' in doc) {
    into.shards.push(readShard(doc, into.shards.length));
    return;
  }
  throw new ShardMapError('found no "Shards" array: expected list-shards or describe-stream JSON, or an array of shards');
}

/**
 * Splits text holding one or more JSON documents written one after another (several saved
 * list-shards pages in one file) into the documents.
 */
export function splitJsonDocuments(text: string): string[] {
  const docs: string[] = [];
  const unfinished = walkJsonDocuments(
    text,
    (start, end) => void docs.push(text.slice(start, end)),
    ({ index, char }) => {
      if (char === '}' || char === ']') throw new ShardMapError(`unexpected '${char}' at character ${index + 1}`);
      throw new ShardMapError(`unexpected text at character ${index + 1}: expected JSON`);
    },
  );
  if (unfinished) throw new ShardMapError('the JSON ends in the middle of a document');
  return docs;
}

function parseDocuments(text: string): unknown[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim().length === 0) throw new ShardMapError('the file is empty');
  try {
    return [JSON.parse(body)];
  } catch {
    return splitJsonDocuments(body).map((doc, i) => {
      try {
        return JSON.parse(doc) as unknown;
      } catch (error) {
        throw new ShardMapError(`JSON document #${i + 1} does not parse: ${(error as Error).message}`);
      }
    });
  }
}

function range(s: { start: bigint; end: bigint }): string {
  return `[${s.start}, ${s.end}]`;
}

/**
 * Reads list-shards or describe-stream output (one page, several pages one after another, an
 * array of pages, or an array of shards) and returns the map of open shards in hash order.
 * Gaps and overlaps among open shards are errors that name the shards.
 */
export function parseShardMap(text: string): ShardMap {
  const into: Collected = { shards: [], hasNextToken: false };
  for (const doc of parseDocuments(text)) collect(doc, into);
  if (into.shards.length === 0) throw new ShardMapError('it lists no shards');

  const byId = new Map<string, RawShard>();
  for (const s of into.shards) {
    const seen = byId.get(s.id);
    if (seen === undefined) byId.set(s.id, s);
    else if (seen.start !== s.start || seen.end !== s.end || seen.open !== s.open) {
      throw new ShardMapError(`${s.id} appears twice with different ranges or states`);
    }
  }
  const open = [...byId.values()].filter((s) => s.open);
  if (open.length === 0) throw new ShardMapError(`all ${byId.size} shards are closed: no shard can receive records`);
  open.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));

  const hint = into.hasNextToken ? ' (a page has a NextToken: is a later page missing from the file?)' : '';
  const first = open[0]!;
  if (first.start !== 0n) {
    throw new ShardMapError(`no open shard holds hash keys 0 to ${first.start - 1n}: the first, ${first.id}, starts at ${first.start}${hint}`);
  }
  for (let i = 1; i < open.length; i++) {
    const prev = open[i - 1]!;
    const next = open[i]!;
    if (next.start <= prev.end) {
      throw new ShardMapError(`open shards ${prev.id} ${range(prev)} and ${next.id} ${range(next)} overlap`);
    }
    if (next.start !== prev.end + 1n) {
      throw new ShardMapError(
        `no open shard holds hash keys ${prev.end + 1n} to ${next.start - 1n}, between ${prev.id} and ${next.id}${hint}`,
      );
    }
  }
  const last = open[open.length - 1]!;
  if (last.end !== MAX_HASH_KEY) {
    throw new ShardMapError(`no open shard holds hash keys ${last.end + 1n} to 2^128 - 1: the last, ${last.id}, ends at ${last.end}${hint}`);
  }
  return mapOf(open.map((s) => makeShard(s.id, s.start, s.end)));
}
