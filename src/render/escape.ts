/**
 * Text from files and users made safe for a terminal. Anything that a terminal could act on
 * instead of showing (C0 controls, DEL, 8-bit C1 controls, bidi overrides and isolates, lone
 * surrogates) is shown as an escape such as `\x1b`, `\u202e` or `\n`, so a partition key, a shard
 * id or a question can never move the cursor, recolour the screen or reorder what follows it.
 *
 * Every renderer that prints text it did not write itself goes through one of these.
 */
import { cutMiddle, QUOTE_MAX } from '../core/quote.js';

/** Characters a terminal may act on. Tab and newline are included: callers that keep them say so. */
// C0, DEL and C1; ALM, LRM, RLM; LRE..RLO; LRI..PDI; lone surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const UNSAFE_TEST = new RegExp(UNSAFE.source, 'u');

const NAMED: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** True when the text holds nothing a terminal could act on. */
export function isSafeText(text: string): boolean {
  return !UNSAFE_TEST.test(text);
}

/** One line of text: every unsafe character escaped, newlines and tabs included. */
export function safeText(text: string): string {
  return isSafeText(text) ? text : text.replace(UNSAFE, escapeOne);
}

/**
 * Several lines of text (a question, a lesson paragraph): newlines and tabs stay, everything else
 * unsafe is escaped. A bare carriage return is escaped, since it would rewind the line.
 */
export function safeMultiline(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, '').split('\t').map(safeText).join('\t'))
    .join('\n');
}

/** Longest user value an error message echoes. */
export const ECHO_MAX = QUOTE_MAX;

/**
 * A user's value for an error line: escaped, and cut in the middle with an ellipsis when long, so
 * that a 100 KB argument or a newline in a value cannot flood or break the one-line message.
 */
export function echoValue(value: string, max = ECHO_MAX): string {
  return cutMiddle(safeText(value), max);
}

/** The distinct characters a terminal could act on, escaped, in order of first appearance: ["\x1b", "\u202e"]. */
export function unsafeCharacters(text: string): string[] {
  if (isSafeText(text)) return [];
  return [...new Set(text.match(UNSAFE) ?? [])].map(escapeOne);
}

// The characters JSON.stringify leaves raw that a terminal would still act on.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1 controls and bidi controls written as \u escapes. The data is unchanged
 * (a JSON reader gets the same strings back), but `kds ... --json` in a terminal shows them inert.
 * JSON.stringify already escapes C0 controls and lone surrogates.
 */
export function safeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Longest error or notice line kds writes: a safety net under the values echoed with echoValue. */
export const LINE_MAX = 1000;

/** One line for stderr: every unsafe character escaped (newlines too), cut in the middle when long. */
export function safeLine(text: string): string {
  return echoValue(text, LINE_MAX);
}
