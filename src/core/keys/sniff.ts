/**
 * What the first bytes of an input say before any format is tried: gzip (read through), other
 * compression, UTF-16 or UTF-32 text, or binary data (refused, each with its own message), or
 * UTF-8 text.
 */
export type Sniffed =
  | { readonly kind: 'text' }
  | { readonly kind: 'gzip' }
  | { readonly kind: 'compressed'; readonly format: string; readonly tool: string }
  | { readonly kind: 'utf16'; readonly endian: 'little' | 'big' }
  | { readonly kind: 'utf32' }
  | { readonly kind: 'binary'; readonly offset: number };

/** Bytes looked at for NULs and control characters. */
const LOOK = 4096;

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}

const OTHER_COMPRESSION: readonly (readonly [readonly number[], string, string])[] = [
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd', 'zstd -d'],
  [[0x42, 0x5a, 0x68], 'bzip2', 'bunzip2'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz', 'unxz'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip', 'unzip'],
  [[0x04, 0x22, 0x4d, 0x18], 'lz4', 'lz4 -d'],
  [[0x50, 0x41, 0x52, 0x31], 'Parquet', 'a Parquet reader (or SELECT the keys into CSV in Athena)'],
];

export function sniffBytes(head: Uint8Array): Sniffed {
  if (startsWith(head, [0x1f, 0x8b])) return { kind: 'gzip' };
  for (const [magic, format, tool] of OTHER_COMPRESSION) if (startsWith(head, magic)) return { kind: 'compressed', format, tool };
  if (startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0xfe, 0xff])) return { kind: 'utf32' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'utf16', endian: 'little' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'utf16', endian: 'big' };
  const n = Math.min(head.length, LOOK);
  // UTF-16 without a byte order mark: ASCII text has a NUL in every other byte.
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = Math.floor(n / 2);
  if (pairs >= 2) {
    if (oddNul >= 0.4 * pairs && evenNul <= 0.05 * pairs) return { kind: 'utf16', endian: 'little' };
    if (evenNul >= 0.4 * pairs && oddNul <= 0.05 * pairs) return { kind: 'utf16', endian: 'big' };
  }
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return { kind: 'binary', offset: i };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (n > 0 && controls > 0.1 * n) {
    let first = 0;
    while (first < n && !(head[first]! < 0x20 && ![0x09, 0x0a, 0x0d, 0x0c].includes(head[first]!))) first++;
    return { kind: 'binary', offset: first };
  }
  return { kind: 'text' };
}

/** The one-line refusal for an input kds cannot read as text, or undefined for text and gzip. */
export function sniffProblem(sniffed: Sniffed, name: string, compressed: boolean): string | undefined {
  const inside = compressed ? ' (inside the gzip)' : '';
  const plain = /^[\w./-]+$/.test(name) && !compressed;
  const iconv = (from: string) =>
    plain ? `iconv -f ${from} -t UTF-8 ${name} > ${name.replace(/(\.[^./]*)?$/, (ext) => `-utf8${ext}`)}` : `iconv -f ${from} -t UTF-8`;
  switch (sniffed.kind) {
    case 'text':
    case 'gzip':
      return undefined;
    case 'compressed':
      return `${name} is ${sniffed.format}-compressed${inside}: kds reads plain or gzip-compressed text; decompress it first (${sniffed.tool})`;
    case 'utf16':
      return `${name} is UTF-16 text (${sniffed.endian}-endian)${inside}: kds reads UTF-8; convert it first: ${iconv('UTF-16')}`;
    case 'utf32':
      return `${name} is UTF-32 text${inside}: kds reads UTF-8; convert it first: ${iconv('UTF-32')}`;
    case 'binary':
      return `${name} is binary data, not text (a control byte at offset ${sniffed.offset}${inside}): kds reads CSV, TSV, JSON lines, get-records JSON or log lines, plain or gzip-compressed`;
  }
}
