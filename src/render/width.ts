/**
 * How many terminal columns a line of text takes: colour codes take none, wide (East Asian)
 * characters and emoji take two, control, combining and format characters none. Written here
 * rather than taken from string-width, whose emoji pattern costs every table-drawing command
 * about 13 ms of start-up (issue 15); it agrees with string-width 4 (what cli-table3 used) on
 * every single code point outside emoji and zero-width marks (test/unit/render/width.test.ts).
 */

/** Colour (SGR) codes, the ones chalk writes. */
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * An emoji as a terminal draws it, two columns: a flag (two regional indicators), a pictograph
 * shown as emoji by default or asked for with VS16, with a skin tone, and ZWJ sequences of those.
 */
const EMOJI =
  /(?:\p{RI}\p{RI}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{EMod}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{EMod}?)*)/gu;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * East Asian Wide and Fullwidth ranges, as pairs of first and last code point (Unicode's
 * EastAsianWidth.txt, the ranges is-fullwidth-code-point 3 uses).
 */
const WIDE = [
  0x1100, 0x115f, 0x2329, 0x232a, 0x2e80, 0x303e, 0x3040, 0x3247, 0x3250, 0x4dbf, 0x4e00, 0xa4c6, 0xa960, 0xa97c,
  0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x1b000, 0x1b001,
  0x1f200, 0x1f251, 0x20000, 0x3fffd,
];

function isWide(code: number): boolean {
  for (let i = 0; i < WIDE.length; i += 2) {
    if (code < WIDE[i]!) return false;
    if (code <= WIDE[i + 1]!) return true;
  }
  return false;
}

/** The columns one code point takes, outside an emoji sequence. */
function codePointWidth(code: number): number {
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 0;
  if (code < 0x300) return 1;
  if (ZERO_WIDTH.test(String.fromCodePoint(code))) return 0;
  return isWide(code) ? 2 : 1;
}

export function displayWidth(line: string): number {
  // The common case, and the cheap one: every character is one column.
  if (PRINTABLE_ASCII.test(line)) return line.length;
  let width = 0;
  const rest = line.replace(SGR, '').replace(EMOJI, () => {
    width += 2;
    return '';
  });
  for (const ch of rest) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

let graphemes: Intl.Segmenter | undefined;

/**
 * The line, or (when wider than `columns`) its start and end around an ellipsis in at most that
 * many columns: core/quote.ts's cutMiddle (the same share before the ellipsis) measured in
 * terminal columns, so that a wide (CJK) character or an emoji counts as the two columns it takes.
 */
export function cutMiddleToWidth(line: string, columns: number): string {
  if (displayWidth(line) <= columns) return line;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const parts = Array.from(graphemes.segment(line), (s) => s.segment);
  const head = Math.ceil((columns - 1) * 0.7);
  let h = 0;
  let used = 0;
  for (; h < parts.length && used + displayWidth(parts[h]!) <= head; h++) used += displayWidth(parts[h]!);
  // A column the head could not use (a wide character did not fit) goes to the tail.
  let t = parts.length;
  for (let room = columns - 1 - used; t > h && displayWidth(parts[t - 1]!) <= room; t--) room -= displayWidth(parts[t - 1]!);
  return `${parts.slice(0, h).join('')}\u2026${parts.slice(t).join('')}`;
}
