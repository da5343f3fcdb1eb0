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

/** n with at most `max` and at least `min` decimals, grouped: fixed(1234.5, 2, 2) = "1,234.50". */
export function formatFixed(n: number, max: number, min = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  // toFixed switches to exponent notation from 1e21; such a double is a whole number anyway.
  if (Math.abs(n) >= 1e21) return `${sign}${group(wholeDigits(Math.abs(n)))}${min > 0 ? `.${'0'.repeat(min)}` : ''}`;
  let text = Math.abs(n).toFixed(max);
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
