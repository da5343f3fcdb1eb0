/**
 * MD5 (RFC 1321) of a byte range, in plain JavaScript with no allocation per call.
 *
 * Kinesis reads the 16-byte digest as an unsigned big-endian 128-bit integer. This module returns
 * it as four big-endian 32-bit words (word 0 is the most significant), which is what routing
 * compares. Node's own `crypto` costs 1.5-2 us per call because it returns a Buffer; this takes a
 * few hundred nanoseconds for a short key. Its output is checked against node:crypto in tests.
 */

/** floor(|sin(i + 1)| * 2^32), i = 0..63, written out so that no platform's sin() is trusted. */
const T = new Int32Array([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]);

/** Per-round left-rotation amounts. */
const S = new Int32Array([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
]);

/** Which message word each of the 64 steps reads. */
const G = new Int32Array(64);
for (let i = 0; i < 64; i++) {
  if (i < 16) G[i] = i;
  else if (i < 32) G[i] = (5 * i + 1) & 15;
  else if (i < 48) G[i] = (3 * i + 5) & 15;
  else G[i] = (7 * i) & 15;
}

const X = new Int32Array(16);
const STATE = new Int32Array(4);
const TAIL = new Uint8Array(128);

function block(): void {
  let a = STATE[0]!;
  let b = STATE[1]!;
  let c = STATE[2]!;
  let d = STATE[3]!;
  // Four rounds of sixteen steps; one loop per round keeps each loop free of branches.
  for (let i = 0; i < 16; i++) {
    const sum = (a + ((b & c) | (~b & d)) + T[i]! + X[i]!) | 0;
    const s = S[i]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
  }
  for (let i = 16; i < 32; i++) {
    const sum = (a + ((d & b) | (~d & c)) + T[i]! + X[G[i]!]!) | 0;
    const s = S[i]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
  }
  for (let i = 32; i < 48; i++) {
    const sum = (a + (b ^ c ^ d) + T[i]! + X[G[i]!]!) | 0;
    const s = S[i]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
  }
  for (let i = 48; i < 64; i++) {
    const sum = (a + (c ^ (b | ~d)) + T[i]! + X[G[i]!]!) | 0;
    const s = S[i]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
  }
  STATE[0] = (STATE[0]! + a) | 0;
  STATE[1] = (STATE[1]! + b) | 0;
  STATE[2] = (STATE[2]! + c) | 0;
  STATE[3] = (STATE[3]! + d) | 0;
}

function load(bytes: Uint8Array, at: number): void {
  for (let w = 0; w < 16; w++) {
    const p = at + w * 4;
    X[w] = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
  }
}

function swap32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}

/**
 * Writes MD5(bytes[start, end)) into out[at..at+3] as big-endian unsigned 32-bit words, most
 * significant first: exactly the hash key Kinesis derives from those bytes.
 */
export function md5Words(bytes: Uint8Array, start: number, end: number, out: Uint32Array, at = 0): void {
  STATE[0] = 0x67452301;
  STATE[1] = 0xefcdab89 | 0;
  STATE[2] = 0x98badcfe | 0;
  STATE[3] = 0x10325476;
  const length = end - start;
  let p = start;
  while (end - p >= 64) {
    load(bytes, p);
    block();
    p += 64;
  }
  const rest = end - p;
  TAIL.fill(0);
  for (let i = 0; i < rest; i++) TAIL[i] = bytes[p + i]!;
  TAIL[rest] = 0x80;
  const tailBlocks = rest < 56 ? 1 : 2;
  const bitsLow = (length * 8) >>> 0;
  const bitsHigh = Math.floor(length / 0x20000000) >>> 0;
  const lenAt = tailBlocks * 64 - 8;
  for (let i = 0; i < 4; i++) {
    TAIL[lenAt + i] = (bitsLow >>> (8 * i)) & 0xff;
    TAIL[lenAt + 4 + i] = (bitsHigh >>> (8 * i)) & 0xff;
  }
  load(TAIL, 0);
  block();
  if (tailBlocks === 2) {
    load(TAIL, 64);
    block();
  }
  out[at] = swap32(STATE[0]!);
  out[at + 1] = swap32(STATE[1]!);
  out[at + 2] = swap32(STATE[2]!);
  out[at + 3] = swap32(STATE[3]!);
}
