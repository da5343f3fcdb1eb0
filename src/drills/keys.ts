/**
 * Keys drills: "which shard does this partition key land on?" The answer is the router's own; the
 * distractors are where the classic mistakes lead (a number in the key taken modulo the shard
 * count, the MD5 digest read backwards, keys filling shards in order).
 */
import { HASH_SPACE, partitionKeyHash } from '../core/keys/hash-key.js';
import { routeHashKey, uniformShardMap, type ShardMap } from '../core/keys/shard-map.js';
import { formatPercent } from '../render/format.js';
import { pick, randomInt, type Drill, type DrillOption, type Random } from './types.js';

const PREFIXES = ['order', 'user', 'device', 'sensor', 'customer', 'cart', 'session', 'truck'];

/** The digest read little-endian: the byte order mistake. */
function littleEndian(hashKey: bigint): bigint {
  const hex = hashKey.toString(16).padStart(32, '0');
  const bytes = hex.match(/../g) ?? [];
  return BigInt(`0x${bytes.reverse().join('')}`);
}

function fraction(hashKey: bigint): number {
  return Number((hashKey * 1_000_000n) / HASH_SPACE) / 1_000_000;
}

export function keysDrill(random: Random, seed: number): Drill {
  const shards = randomInt(random, 3, 6);
  const number = randomInt(random, 1, 9999);
  const key = `${pick(random, PREFIXES)}-${number}`;
  const map: ShardMap = uniformShardMap(shards);
  const hashKey = partitionKeyHash(key);
  const answer = routeHashKey(map, hashKey);

  const mistakes = new Map<number, string>();
  const note = (index: number, why: string) => {
    if (index !== answer && !mistakes.has(index)) mistakes.set(index, why);
  };
  note(
    number % shards,
    `That is ${number} mod ${shards}, as if Kinesis used the number in the key. It hashes the whole key with MD5 instead.`,
  );
  note(
    routeHashKey(map, littleEndian(hashKey)),
    'That is where the MD5 digest lands when its bytes are read backwards. Kinesis reads them big-endian: the first byte is the most significant.',
  );
  note(0, 'Keys do not fill shards in order: each key goes wherever its hash key falls.');

  const options: DrillOption[] = map.shards.map((s, i) => {
    const range = `${formatPercent(s.start === 0n ? 0 : fraction(s.start), 0)}-${formatPercent(fraction(s.end + 1n), 0)} of the range`;
    if (i === answer) return { text: `${s.shardId} (${range})`, correct: true };
    return {
      text: `${s.shardId} (${range})`,
      correct: false,
      why: mistakes.get(i) ?? `Its range does not hold ${formatPercent(fraction(hashKey))} of the way through the hash key range.`,
    };
  });

  const hex = hashKey.toString(16).padStart(32, '0');
  const share = formatPercent(fraction(hashKey));
  const correct = map.shards[answer];
  return {
    kind: 'keys',
    id: `drill-keys-${seed}`,
    topic: 'partition-keys',
    prompt:
      `A stream has ${shards} shards that split the hash key range evenly. The MD5 of the partition key ` +
      `'${key}' is ${hex}, which as an unsigned 128-bit number is ${share} of the way through the range. ` +
      'Which shard do its records go to?',
    inputs: { key, shards },
    options,
    explanation:
      `Kinesis reads MD5('${key}') = ${hex} as an unsigned big-endian 128-bit hash key, ${hashKey} ` +
      `(${share} of the range). With ${shards} equal shards, ${correct?.shardId} holds it, so every record with ` +
      'this key goes there, in order, whatever the write rate.',
    try: `echo ${key} | kds keys analyze - --shards ${shards}`,
  };
}
