/** Number formatting shared by every renderer. Plain strings, no colour. */
import { MIB } from '../core/units.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });

/** 12,345.67 (at most two decimals). */
export function formatNumber(n: number): string {
  return grouped.format(n);
}

/** Every significant decimal up to six: for echoing a user's own value back. */
export function formatExact(n: number): string {
  return exact.format(n);
}

/** 1,234 (rounded to a whole number). */
export function formatInt(n: number): string {
  return grouped.format(Math.round(n));
}

/** $1,234.56 */
export function formatUsd(n: number): string {
  return usd.format(n);
}

/** Bytes per second in MiB/s with two decimals: "6.00 MiB/s". */
export function formatMibPerSec(bytesPerSec: number): string {
  return `${(bytesPerSec / MIB).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} MiB/s`;
}

/** A byte count for people: "512 B", "1,000 KiB", "10 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < MIB) return `${formatNumber(bytes / 1024)} KiB`;
  return `${formatNumber(bytes / MIB)} MiB`;
}

/** 25% from 0.25. */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toLocaleString('en-US', { maximumFractionDigits: digits })}%`;
}

/** "1 shard", "6 shards". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatInt(count)} ${count === 1 ? one : many}`;
}
