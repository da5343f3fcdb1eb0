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
