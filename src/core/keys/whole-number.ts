/**
 * The one rule for a byte count or a record count read from an input: a plain non-negative whole
 * number of up to 15 digits, spaces around it allowed (nothing else: no sign, no point, no tab).
 * CSV fields, JSON strings and log-line groups all go by it.
 */

/** Most digits a count may have: every such number is exact as a double. */
const MAX_DIGITS = 15;

/** The number in bytes[start, end), or -1 when it is not a plain whole number. */
export function wholeNumber(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && bytes[s] === 0x20) s++;
  while (e > s && bytes[e - 1] === 0x20) e--;
  if (s === e || e - s > MAX_DIGITS) return -1;
  let v = 0;
  for (let p = s; p < e; p++) {
    const d = bytes[p]! - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const encoder = new TextEncoder();

/** The number a text holds, or -1, by the same rule as wholeNumber. */
export function wholeNumberText(text: string): number {
  const bytes = encoder.encode(text);
  return wholeNumber(bytes, 0, bytes.length);
}
