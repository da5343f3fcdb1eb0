/** UTF-8 checks on raw key bytes, done once per distinct key. */

/**
 * The number of UTF-16 code units (JavaScript string length) that bytes[start, end) decode to,
 * or -1 when the bytes are not well-formed UTF-8 (overlong forms, surrogates, values above
 * U+10FFFF and truncated sequences are all rejected, as a strict decoder does).
 */
export function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  let p = start;
  while (p < end) {
    const b0 = bytes[p]!;
    if (b0 < 0x80) {
      p++;
      units++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b0 & 0x07;
    } else return -1;
    if (p + need >= end) return -1;
    for (let i = 1; i <= need; i++) {
      const b = bytes[p + i]!;
      if ((b & 0xc0) !== 0x80) return -1;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
    units += cp >= 0x10000 ? 2 : 1;
    p += need + 1;
  }
  return units;
}

/** 3 when bytes[p, end) starts with the UTF-8 byte order mark (EF BB BF), else 0. */
export function bomLength(bytes: Uint8Array, p: number, end: number): number {
  return end - p >= 3 && bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf ? 3 : 0;
}
