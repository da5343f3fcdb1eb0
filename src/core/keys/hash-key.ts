/**
 * Hash keys: unsigned 128-bit integers, the position of a record in a stream's hash space.
 *
 * In hot loops a hash key is four big-endian unsigned 32-bit words (word 0 most significant) in a
 * Uint32Array; comparing words needs no BigInt. At the edges (JSON, shard maps, split points) it
 * is a bigint or a decimal string, as AWS prints it.
 */
import { KEYS, STREAM } from '../facts.js';
import { md5Words } from './md5.js';

/** 2^128: the size of the hash space. */
export const HASH_SPACE = 1n << BigInt(STREAM.hashKeyBits.value);
/** The largest hash key, 2^128 - 1. */
export const MAX_HASH_KEY = HASH_SPACE - 1n;

const EHK_PATTERN = new RegExp(`^(?:${KEYS.explicitHashKeyPattern.value})$`);

/** Compares two hash keys held as words: negative, 0 or positive. */
export function compareWords(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  for (let i = 0; i < 4; i++) {
    const x = a[ai + i]!;
    const y = b[bi + i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function wordsToBigInt(words: Uint32Array, at = 0): bigint {
  return (
    (BigInt(words[at]!) << 96n) |
    (BigInt(words[at + 1]!) << 64n) |
    (BigInt(words[at + 2]!) << 32n) |
    BigInt(words[at + 3]!)
  );
}

export function bigIntToWords(value: bigint, out: Uint32Array, at = 0): void {
  out[at] = Number((value >> 96n) & 0xffffffffn);
  out[at + 1] = Number((value >> 64n) & 0xffffffffn);
  out[at + 2] = Number((value >> 32n) & 0xffffffffn);
  out[at + 3] = Number(value & 0xffffffffn);
}

const encoder = new TextEncoder();

/** The hash key Kinesis derives from a partition key: MD5 of its UTF-8 bytes, unsigned big-endian. */
export function partitionKeyHash(key: string): bigint {
  const bytes = encoder.encode(key);
  const words = new Uint32Array(4);
  md5Words(bytes, 0, bytes.length, words);
  return wordsToBigInt(words);
}

/** Why an ExplicitHashKey is invalid, or undefined when Kinesis would accept it. */
export function explicitHashKeyProblem(text: string): string | undefined {
  if (text.length === 0) return 'it is empty';
  if (!EHK_PATTERN.test(text)) {
    return `it must be a decimal number of 1 to ${KEYS.explicitHashKeyMaxDigits.value} digits without sign or leading zeros`;
  }
  if (BigInt(text) > MAX_HASH_KEY) return 'it is larger than 2^128 - 1';
  return undefined;
}

/**
 * Parses an ExplicitHashKey from ASCII bytes into words, as Kinesis validates it (no sign, no
 * leading zeros, at most 39 digits, at most 2^128 - 1). Returns false when it is invalid.
 */
export function parseExplicitHashKey(bytes: Uint8Array, start: number, end: number, out: Uint32Array, at = 0): boolean {
  const digits = end - start;
  if (digits < 1 || digits > KEYS.explicitHashKeyMaxDigits.value) return false;
  if (bytes[start] === 0x30 && digits > 1) return false;
  // Four 32-bit limbs, least significant first, multiplied by ten per digit.
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  for (let p = start; p < end; p++) {
    const d = bytes[p]! - 0x30;
    if (d < 0 || d > 9) return false;
    let carry = d;
    let v = l0 * 10 + carry;
    l0 = v % 0x100000000;
    carry = Math.floor(v / 0x100000000);
    v = l1 * 10 + carry;
    l1 = v % 0x100000000;
    carry = Math.floor(v / 0x100000000);
    v = l2 * 10 + carry;
    l2 = v % 0x100000000;
    carry = Math.floor(v / 0x100000000);
    v = l3 * 10 + carry;
    l3 = v % 0x100000000;
    carry = Math.floor(v / 0x100000000);
    if (carry !== 0) return false;
  }
  out[at] = l3;
  out[at + 1] = l2;
  out[at + 2] = l1;
  out[at + 3] = l0;
  return true;
}
