/**
 * --key-pattern: a regular expression that takes the partition key out of a log line, with one
 * capture group, or a group named `key` (and optionally `bytes` and `time`).
 *
 * Catastrophic backtracking: the command switches V8 to its linear-time engine for any match that
 * backtracks too much (src/io/regex-guard.ts). That engine cannot run back-references or
 * look-arounds, so a pattern that has them and also repeats a group that repeats inside (the
 * classic (a+)+) is refused here.
 */
import { KeysError } from './errors.js';
import type { KeyRecord } from './record.js';
import { parseTimestamp } from './timestamp.js';
import { quoted } from '../quote.js';
import { wholeNumberText } from './whole-number.js';

export interface KeyPattern {
  readonly regex: RegExp;
  /** The capture group of the key: a number, or 'key'. */
  readonly key: number | 'key';
  readonly bytes: boolean;
  readonly time: boolean;
}

const BACKTRACKING_ONLY = /\\[1-9]|\\k<|\(\?<?[=!]/;
const NESTED_REPEAT = /\((?:\?:)?[^()]*(?:[+*]|\{\d+,\d*\})[^()]*\)(?:[+*]|\{\d+,\d*\})/;

function usage(message: string): KeysError {
  return new KeysError(message, 'usage');
}

export function compileKeyPattern(source: string): KeyPattern {
  if (source.length === 0) throw usage('--key-pattern expects a regular expression, got an empty string');
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (error) {
    throw usage(`--key-pattern is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (BACKTRACKING_ONLY.test(source) && NESTED_REPEAT.test(source)) {
    throw usage(
      '--key-pattern repeats a group that itself repeats, like (a+)+, together with a back-reference or look-around: such a pattern can take exponential time on a long line; rewrite it without one of the two',
    );
  }
  const probe = new RegExp(`${source}|`).exec('')!;
  const groups = probe.length - 1;
  const names = Object.keys(probe.groups ?? {});
  for (const name of names) {
    if (!['key', 'bytes', 'time'].includes(name)) {
      throw usage(`--key-pattern has a group named ${JSON.stringify(name)}; the names kds reads are key, bytes and time`);
    }
  }
  let key: number | 'key';
  if (names.includes('key')) key = 'key';
  else if (groups === 1) key = 1;
  else if (groups === 0) throw usage('--key-pattern has no capture group: put the key in parentheses, e.g. user=(\\w+)');
  else throw usage(`--key-pattern has ${groups} capture groups: name the key's one (?<key>...)`);
  return { regex, key, bytes: names.includes('bytes'), time: names.includes('time') };
}

const encoder = new TextEncoder();

/** The record a line holds, a problem with it, or undefined when the line does not match. */
export function matchLine(pattern: KeyPattern, line: string): KeyRecord | { readonly problem: string } | undefined {
  const m = pattern.regex.exec(line);
  if (m === null) return undefined;
  const key = pattern.key === 'key' ? m.groups?.key : m[pattern.key];
  if (key === undefined || key.length === 0) return undefined;
  let dataBytes = 0;
  const bytes = m.groups?.bytes;
  if (pattern.bytes && bytes !== undefined) {
    dataBytes = wholeNumberText(bytes);
    if (dataBytes < 0) return { problem: `the bytes group ${quoted(bytes, 40)} is not a whole number` };
  }
  let time = NaN;
  const when = m.groups?.time;
  if (pattern.time) {
    if (when === undefined) return { problem: 'the time group matched nothing' };
    const b = encoder.encode(when);
    time = parseTimestamp(b, 0, b.length);
    if (Number.isNaN(time)) return { problem: `the time group ${quoted(when, 40)} is not an ISO 8601 date-time or epoch seconds/milliseconds` };
  }
  return { key, dataBytes, time };
}
