/**
 * Numbers inside sentences. The comparison writes its explanations in the core (they are content),
 * so it formats its own numbers here.
 */
import { KIB, MIB } from '../units.js';

/** Adds thousands separators to a string of digits: "1234567" -> "1,234,567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * 1,000 or 2.5: what `new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })` writes, by
 * hand, because loading Intl's data costs a command about 10 ms of start-up. Like Intl, it rounds
 * the shortest decimal form of the number half away from zero (1.005 is 1.01); a test holds the
 * two to the same text.
 */
export function num(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  if (!Number.isFinite(n)) return `${sign}∞`;
  // The shortest digits that read back as n, and the power of ten of the first: 1.005 -> 1005, 0.
  const [mantissa = '0', power = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // n * 100 = digits * 10^shift, rounded to a whole number of hundredths.
  const shift = Number(power) - (digits.length - 1) + 2;
  let hundredths: bigint;
  if (shift >= 0) {
    hundredths = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    const unit = 10n ** BigInt(-shift);
    const whole = BigInt(digits) / unit;
    hundredths = (BigInt(digits) % unit) * 2n >= unit ? whole + 1n : whole;
  }
  const fraction = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${group((hundredths / 100n).toString())}${fraction === '' ? '' : `.${fraction}`}`;
}

/** "1 MiB", "1,000 KiB", "256 KiB", "1,000,000 bytes": the unit the value is a whole number of. */
export function bytes(n: number): string {
  if (n >= MIB && n % MIB === 0) return `${num(n / MIB)} MiB`;
  if (n >= KIB && n % KIB === 0) return `${num(n / KIB)} KiB`;
  if (n >= MIB) return `${num(n / MIB)} MiB`;
  return `${num(n)} bytes`;
}

/** "5 MiB/s" */
export function rate(bytesPerSec: number): string {
  return `${bytes(bytesPerSec)}/s`;
}

/** "1 consumer", "3 consumers" */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

/** "a, b and c" */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 90 -> "90 s", 900 -> "15 minutes", 86400 -> "24 hours", 1209600 -> "14 days" */
export function duration(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return count(seconds / 86_400, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0) return count(seconds / 3600, 'hour');
  if (seconds >= 60 && seconds % 60 === 0) return count(seconds / 60, 'minute');
  return `${num(seconds)} s`;
}

/** 150 -> "150 ms", 5000 -> "5 s" */
export function millis(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${num(ms / 1000)} s` : `${num(ms)} ms`;
}
