/**
 * Number formatting shared by every renderer. Plain strings, no colour. Written by hand rather
 * than with Intl.NumberFormat: loading ICU data costs ~20 ms, a fifth of kds's start-up budget.
 */
import { KIB, MIB } from '../core/units.js';

/** Adds thousands separators to a string of digits: "1234567" -> "1,234,567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The digits of a whole number from its shortest exact form: 2.5e+22 -> "25000000000000000000000". */
function wholeDigits(n: number): string {
  const [mantissa = '0', power = '0'] = String(n).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  return `${whole}${fraction}`.padEnd(Number(power) + 1, '0');
}

/**
 * A non-negative number below 1e21 with `max` decimals, rounded as Intl.NumberFormat rounds: from
 * its shortest decimal form, a half away from zero. (toFixed rounds the binary value instead, so
 * 1.005, which a double holds as 1.00499999..., would come out as 1.00, not 1.01.)
 */
function toFixedAsWritten(abs: number, max: number): string {
  const [mantissa = '0', power = '0'] = String(abs).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = `${whole}${fraction}`;
  // Where the decimal point goes in `digits`.
  let point = whole.length + Number(power);
  if (point < 0) {
    digits = `${'0'.repeat(-point)}${digits}`;
    point = 0;
  }
  digits = digits.padEnd(point + max, '0');
  const keep = point + max;
  if (digits.length > keep) {
    const up = digits.charCodeAt(keep) >= 0x35;
    digits = digits.slice(0, keep);
    if (up) {
      // Add one in the last kept place, carrying: "0999" -> "1000", "99" -> "100".
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      digits = i < 0 ? `1${'0'.repeat(digits.length)}` : `${digits.slice(0, i)}${String(Number(digits[i]) + 1)}${'0'.repeat(digits.length - i - 1)}`;
      if (i < 0) point++;
    }
  }
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  return max > 0 ? `${int}.${digits.slice(point, point + max)}` : int;
}

/** n with at most `max` and at least `min` decimals, grouped: fixed(1234.5, 2, 2) = "1,234.50". */
export function formatFixed(n: number, max: number, min = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  // Numbers from 1e21 are written with an exponent; such a double is a whole number anyway.
  if (Math.abs(n) >= 1e21) return `${sign}${group(wholeDigits(Math.abs(n)))}${min > 0 ? `.${'0'.repeat(min)}` : ''}`;
  let text = toFixedAsWritten(Math.abs(n), max);
  if (max > min) {
    // drop trailing zeros beyond the minimum
    const [int, frac = ''] = text.split('.');
    let kept = frac;
    while (kept.length > min && kept.endsWith('0')) kept = kept.slice(0, -1);
    text = kept.length > 0 ? `${int}.${kept}` : `${int}`;
  }
  const [int = '0', frac] = text.split('.');
  const result = frac === undefined ? group(int) : `${group(int)}.${frac}`;
  return result === '0' || /^0(\.0+)?$/.test(result) ? result : `${sign}${result}`;
}

/** 12,345.67 (at most two decimals). */
export function formatNumber(n: number): string {
  return formatFixed(n, 2);
}

/** Every significant decimal up to six: for echoing a user's own value back. */
export function formatExact(n: number): string {
  return formatFixed(n, 6);
}

/** 1,234 (rounded to a whole number). */
export function formatInt(n: number): string {
  return formatFixed(Math.round(n), 0);
}

/** From here on a double cannot hold cents exactly (its step passes $0.01 near $7e13). */
const WHOLE_DOLLARS = 1e13;

/** $1,234.56; $12,345,678,901,234 (whole dollars where cents would be noise). */
export function formatUsd(n: number): string {
  const cents = Math.abs(n) < WHOLE_DOLLARS ? 2 : 0;
  return `${n < 0 ? '-' : ''}$${formatFixed(Math.abs(n), cents, cents)}`;
}

/** Rounds up to two decimals, ignoring floating-point dust: 3.0000000001 stays 3. */
function ceil2(n: number): number {
  return Math.ceil(Number((n * 100).toPrecision(12))) / 100;
}

/**
 * Bytes per second for people, rounded up so that a demand just over a shard boundary never
 * prints as the boundary itself: 3,150,000 B/s is "3.01 MiB/s", not "3.00". Rates under 0.1 MiB/s
 * are shown in KiB/s, so that small rates keep their digits (0.001 MiB/s is "1.03 KiB/s").
 */
export function formatMibPerSec(bytesPerSec: number): string {
  if (bytesPerSec > 0 && bytesPerSec < 0.1 * MIB) return `${formatFixed(ceil2(bytesPerSec / KIB), 2)} KiB/s`;
  return `${formatFixed(ceil2(bytesPerSec / MIB), 2)} MiB/s`;
}

/** A byte count for people: "512 B", "1,000 KiB", "10 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < KIB) return `${formatNumber(bytes)} B`;
  if (bytes < MIB) return `${formatNumber(bytes / KIB)} KiB`;
  return `${formatNumber(bytes / MIB)} MiB`;
}

/** 25% from 0.25. */
export function formatPercent(fraction: number, digits = 1): string {
  return `${formatFixed(fraction * 100, digits)}%`;
}

/** "1 shard", "6 shards". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatInt(count)} ${count === 1 ? one : many}`;
}
