/**
 * How many terminal columns a line of text takes, as cli-table3 measures it: colour codes take
 * none, wide (East Asian) characters and emoji take two, control and combining characters none.
 */
import stringWidth from 'string-width';

/** Colour (SGR) codes, the ones chalk writes. */
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(line: string): number {
  // The common case, and the cheap one: every character is one column.
  if (PRINTABLE_ASCII.test(line)) return line.length;
  return stringWidth(line.replace(SGR, ''));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The line, or (when wider than `columns`) its start and end around an ellipsis in at most that
 * many columns: core/quote.ts's cutMiddle (the same share before the ellipsis) measured in
 * terminal columns, so that a wide (CJK) character or an emoji counts as the two columns it takes.
 */
export function cutMiddleToWidth(line: string, columns: number): string {
  if (displayWidth(line) <= columns) return line;
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
