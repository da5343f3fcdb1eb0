/**
 * Numbers inside sentences. The comparison writes its explanations in the core (they are content),
 * so it formats its own numbers here; Intl is pure.
 */
import { KIB, MIB } from '../units.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1,000 or 2.5 */
export function num(n: number): string {
  return grouped.format(n);
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
