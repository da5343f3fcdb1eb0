/**
 * The shard of a hash key in a stream created with n shards, computed instead of looked up, so
 * that "what if the stream had 8 million shards" costs no memory per shard.
 *
 * Shard i of n starts at floor(i * 2^128 / n), so the shard of hash key h is the largest i with
 * floor(i * 2^128 / n) <= h, which is floor(((h + 1) * n - 1) / 2^128). The top 64 bits of h give
 * that quotient in floating point; only a key within a hair of a boundary needs BigInt.
 */
import { HASH_SPACE, wordsToBigInt } from './hash-key.js';

const TWO_64 = 2 ** 64;
/** Closer than this to a whole number, the floating-point quotient is checked exactly. */
const EDGE = 1e-6;

/** The index of the shard (of n equal shards) holding the hash key at words[at..at+3]. */
export function uniformShardIndex(words: Uint32Array, at: number, n: number): number {
  const top = words[at]! * 4294967296 + words[at + 1]!;
  const f = (top / TWO_64) * n;
  const i = Math.floor(f);
  if (f - i > EDGE && i + 1 - f > EDGE) return Math.min(i, n - 1);
  const h = wordsToBigInt(words, at);
  return Number(((h + 1n) * BigInt(n) - 1n) / HASH_SPACE);
}
