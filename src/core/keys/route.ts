/** One partition key's way to a shard: its MD5, its hash key (or an explicit one) and the shard. */
import { md5Words } from './md5.js';
import { wordsToBigInt } from './hash-key.js';
import { routeHashKey, type ShardMap } from './shard-map.js';

export interface KeyRoute {
  readonly key: string;
  /** MD5 of the key's UTF-8 bytes, 32 lowercase hex digits. */
  readonly md5: string;
  /** The hash key that routes the record: the MD5 read as an unsigned 128-bit number, or the explicit hash key. */
  readonly hashKey: bigint;
  /** True when an explicit hash key, not the MD5, routes the record. */
  readonly explicit: boolean;
  readonly shard: number;
}

const encoder = new TextEncoder();

export function routeKey(map: ShardMap, key: string, explicitHashKey?: bigint): KeyRoute {
  const bytes = encoder.encode(key);
  const words = new Uint32Array(4);
  md5Words(bytes, 0, bytes.length, words);
  const digest = wordsToBigInt(words);
  const hashKey = explicitHashKey ?? digest;
  return {
    key,
    md5: digest.toString(16).padStart(32, '0'),
    hashKey,
    explicit: explicitHashKey !== undefined,
    shard: routeHashKey(map, hashKey),
  };
}
