/**
 * A stream's shards as ListShards returns them: the map of open shards (what records are counted
 * on), which shards a read visits and in what order (parents before children), and where a record
 * read from a closed shard belongs among today's open shards.
 */
import { explicitHashKeyProblem, MAX_HASH_KEY, partitionKeyHash } from '../keys/hash-key.js';
import { parseShardMap, routeHashKey, type ShardMap } from '../keys/shard-map.js';
import { LiveError } from './errors.js';

/** One shard, in the shape of the ListShards response. */
export interface ListedShard {
  readonly ShardId?: string | undefined;
  readonly ParentShardId?: string | undefined;
  readonly AdjacentParentShardId?: string | undefined;
  readonly HashKeyRange?: { readonly StartingHashKey?: string | undefined; readonly EndingHashKey?: string | undefined } | undefined;
  readonly SequenceNumberRange?: { readonly StartingSequenceNumber?: string | undefined; readonly EndingSequenceNumber?: string | undefined } | undefined;
}

/** A shard a read visits. */
export interface ReadShard {
  readonly shardId: string;
  readonly start: bigint;
  readonly end: bigint;
  readonly open: boolean;
  /** Parents that the same read visits: they are read to the end before this shard starts. */
  readonly parents: readonly string[];
  /** Index in the open map: for an open shard its own; for a closed one, where its records go by default. */
  readonly home: number;
}

export interface StreamShards {
  /** Today's open shards in hash order: what the report counts on. */
  readonly map: ShardMap;
  /** Every shard listed, open and closed, in ListShards order. */
  readonly all: readonly ReadShard[];
}

function isClosed(s: ListedShard): boolean {
  const end = s.SequenceNumberRange?.EndingSequenceNumber;
  return end !== undefined && end !== null;
}

/**
 * Builds the open map (with the same checks as a saved list-shards file: the open shards must
 * cover the hash space exactly once) and the list of every shard.
 */
export function streamShards(listed: readonly ListedShard[], streamText: string): StreamShards {
  let map: ShardMap;
  try {
    map = parseShardMap(JSON.stringify({ Shards: listed }));
  } catch (error) {
    throw new LiveError(`${streamText}: ListShards gave an unusable shard map: ${(error as Error).message}`, 'data');
  }
  const indexOf = new Map(map.shards.map((s, i) => [s.shardId, i]));
  const ids = new Set(listed.map((s) => s.ShardId));
  const all = listed.map((s): ReadShard => {
    const shardId = s.ShardId!;
    const start = BigInt(s.HashKeyRange!.StartingHashKey!);
    const end = BigInt(s.HashKeyRange!.EndingHashKey!);
    const open = !isClosed(s);
    const parents = [s.ParentShardId, s.AdjacentParentShardId].filter((p): p is string => p !== undefined && p !== null && ids.has(p));
    const home = open ? indexOf.get(shardId)! : widestOverlap(map, start, end);
    return { shardId, start, end, open, parents, home };
  });
  return { map, all };
}

/** The open shard that shares the most hash keys with [start, end]. */
function widestOverlap(map: ShardMap, start: bigint, end: bigint): number {
  let best = 0;
  let bestSize = -1n;
  map.shards.forEach((s, i) => {
    const lo = s.start > start ? s.start : start;
    const hi = s.end < end ? s.end : end;
    const size = hi - lo + 1n;
    if (size > bestSize) {
      best = i;
      bestSize = size;
    }
  });
  return best;
}

/**
 * The shards a read visits: the open ones, and with a window in the past the closed ones too
 * (ListShards lists closed shards while the retention still holds their records).
 */
export function shardsToRead(shards: StreamShards, past: boolean): readonly ReadShard[] {
  if (past) return shards.all;
  return shards.all.filter((s) => s.open).map((s) => ({ ...s, parents: [] }));
}

/**
 * Orders shards so that every parent comes before its children (a stable topological order).
 * Throws on a cycle, which a real stream never has.
 */
export function parentsFirst(shards: readonly ReadShard[]): readonly ReadShard[] {
  const byId = new Map(shards.map((s) => [s.shardId, s]));
  const placed = new Set<string>();
  const out: ReadShard[] = [];
  const visiting = new Set<string>();
  const visit = (s: ReadShard): void => {
    if (placed.has(s.shardId)) return;
    if (visiting.has(s.shardId)) throw new LiveError(`shard ${s.shardId} is its own ancestor in ListShards`, 'data');
    visiting.add(s.shardId);
    for (const p of s.parents) {
      const parent = byId.get(p);
      if (parent) visit(parent);
    }
    visiting.delete(s.shardId);
    placed.add(s.shardId);
    out.push(s);
  };
  for (const s of shards) visit(s);
  return out;
}

/**
 * The open shard (index in the map) that a record read from `shard` is counted on. A record from
 * an open shard stays there. A record from a closed shard goes where its hash key lies today, when
 * that hash key lies in the closed shard's range (records routed by an explicit hash key that
 * GetRecords does not return may not: they go to the open shard that took over most of the closed
 * shard's range).
 */
export function placeRecord(map: ShardMap, shard: ReadShard, key: string, explicitHashKey: string | undefined): number {
  if (shard.open) return shard.home;
  let hash: bigint;
  if (explicitHashKey !== undefined) {
    if (explicitHashKeyProblem(explicitHashKey) !== undefined) return shard.home;
    hash = BigInt(explicitHashKey);
  } else hash = partitionKeyHash(key);
  if (hash < shard.start || hash > shard.end || hash > MAX_HASH_KEY) return shard.home;
  return routeHashKey(map, hash);
}
