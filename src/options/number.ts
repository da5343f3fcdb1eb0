import { UsageError } from '../errors.js';
import { echoValue } from '../render/escape.js';
import { formatExact as formatPlain } from '../render/format.js';

/** What a numeric flag accepts. Used to parse the value and to say what was expected. */
export interface NumberRule {
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** Smallest allowed value. */
  readonly min: number;
  /** When true, min itself is not allowed ("greater than 0"). */
  readonly minExclusive?: boolean;
  /** Largest allowed value. */
  readonly max: number;
  /** The unit in words, plural: "MiB/s", "records per second", "bytes". */
  readonly unit: string;
  /** Why the range is what it is, said after a range error ("Kinesis keeps data 24 to 8,760 hours"). */
  readonly why?: string;
  /** What is expected, when "a number of <unit> from min to max" reads badly ("a share from 0 to 1"). */
  readonly expects?: string;
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** "a number of MiB/s greater than 0", "a whole number of consumers from 0 to 1,000". */
export function describeRule(rule: NumberRule): string {
  if (rule.expects !== undefined) return rule.expects;
  const kind = rule.integer ? 'a whole number' : 'a number';
  let range: string;
  if (rule.minExclusive) {
    range = `greater than ${formatPlain(rule.min)} and at most ${formatPlain(rule.max)}`;
  } else {
    range = `from ${formatPlain(rule.min)} to ${formatPlain(rule.max)}`;
  }
  return `${kind} of ${rule.unit} ${range}`;
}

/**
 * Parses a flag value strictly: plain decimal notation only (no hex, no "Infinity", no spaces, no
 * trailing text), then checks integer-ness and range. Throws a UsageError that names the flag, the
 * value and what was expected.
 */
export function parseNumberFlag(flag: string, raw: string, rule: NumberRule): number {
  const text = raw.trim();
  const expected = describeRule(rule);
  const fail = (problem: string): never => {
    const why = rule.why ? ` ${rule.why}` : '';
    throw new UsageError(`${flag} expects ${expected}, got '${echoValue(raw)}'${problem}.${why}`);
  };
  if (text.startsWith('-') && DECIMAL.test(text.slice(1))) fail(' (negative)');
  if (!DECIMAL.test(text)) fail('');
  const value = Number(text);
  const exact = decimal(text);
  if (!Number.isFinite(value)) fail(' (too large)');
  // 1e-400 is not 0: reading it as 0 would answer a question the user did not ask.
  if (value === 0 && exact.digits !== '') fail(' (too close to zero to represent)');
  // The range first: a 16-digit number is "too large", whatever its fraction.
  if (value < rule.min || (rule.minExclusive === true && value === rule.min)) fail(' (too small)');
  if (value > rule.max) fail(' (too large)');
  if (rule.integer) {
    // Judged on the text, not on the double it rounds to: 0.99999999999999999 is no whole number.
    if (exact.digits !== '' && exact.exponent < 0) fail(' (not a whole number)');
    if (exact.digits !== '' && BigInt(value) !== BigInt(exact.digits) * 10n ** BigInt(exact.exponent)) {
      fail(` (beyond exact precision: it would be read as ${formatPlain(value)})`);
    }
  }
  return value;
}

/** A decimal text as digits × 10^exponent: no leading or trailing zeros in digits ('' for zero). */
function decimal(text: string): { digits: string; exponent: number } {
  const [mantissa = '', power = '0'] = text.toLowerCase().split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = `${whole}${fraction}`.replace(/^0+/, '');
  let exponent = Number(power) - fraction.length;
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent += 1;
  }
  return { digits, exponent };
}

const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * A number typed at a prompt: read like a flag value, except that thousands separators are
 * allowed ("5,000", "1,048,576.5"), since that is how kds itself prints numbers.
 */
export function parseNumberAnswer(flag: string, raw: string, rule: NumberRule): number {
  const text = raw.trim();
  return parseNumberFlag(flag, GROUPED.test(text) ? text.replace(/,/g, '') : raw, rule);
}
