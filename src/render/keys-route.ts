/** kds keys route output, and the same sentences for the lessons' {{shard}} examples. */
import type { KeyRoute } from '../core/keys/route.js';
import { HASH_SPACE } from '../core/keys/hash-key.js';
import type { ShardMap } from '../core/keys/shard-map.js';
import { echoValue, safeText } from './escape.js';
import { plural } from './format.js';
import { formatShare } from './keys-text.js';
import { wrap } from './text.js';

/** How far through the hash key range a hash key lies, to a hundredth of a percent. */
function position(hashKey: bigint): string {
  return formatShare(Number((hashKey * 10_000n) / HASH_SPACE) / 10_000);
}

/** "4 equal shards", "the 6 open shards of shards.json". */
export function shardsPhrase(map: ShardMap, mapFile: string | undefined): string {
  const n = map.shards.length;
  if (mapFile === undefined) return plural(n, 'equal shard');
  return `the ${plural(n, 'open shard')} of ${mapFile === '-' ? 'standard input' : safeText(mapFile)}`;
}

/** Two sentences: the key's MD5 and hash key, then where it lands. */
export function routeSentences(route: KeyRoute, map: ShardMap, mapFile?: string): string[] {
  const quoted = `'${echoValue(route.key, 60)}'`;
  const shard = safeText(map.shards[route.shard]!.shardId);
  const first = route.explicit
    ? `MD5(${quoted}) = ${route.md5}, but the explicit hash key ${route.hashKey} routes the record instead.`
    : `MD5(${quoted}) = ${route.md5}, read as an unsigned 128-bit number: ${route.hashKey}.`;
  return [
    first,
    `That is ${position(route.hashKey)} of the way through the hash key range, so of ${shardsPhrase(map, mapFile)} it lands on ${shard}, every time.`,
  ];
}

export function renderRoutes(routes: readonly KeyRoute[], map: ShardMap, width: number, mapFile?: string, defaultNote?: string): string {
  const blocks = routes.map((r) => routeSentences(r, map, mapFile).map((s) => wrap(s, width)).join('\n'));
  if (defaultNote !== undefined) blocks.push(wrap(defaultNote, width));
  return blocks.join('\n\n');
}

/** The JSON contract: one object per key, in the keys' order. */
export function routesJson(routes: readonly KeyRoute[], map: ShardMap): object[] {
  return routes.map((r) => ({ key: r.key, md5: r.md5, hashKey: r.hashKey.toString(), shardId: map.shards[r.shard]!.shardId }));
}
