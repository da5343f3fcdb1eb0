/**
 * Durations for people, in the three shapes kds prints them; each function's name says the unit it
 * takes. (The comparison matrix words its AWS durations in core/compare/words.ts, as the rest of
 * its prose.)
 */
import { formatNumber } from './format.js';

/** Seconds in the unit a person reads them in: "45 s", "2.5 min", "3 h". */
export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${formatNumber(seconds)} s`;
  if (seconds < 7200) return `${formatNumber(seconds / 60)} min`;
  return `${formatNumber(seconds / 3600)} h`;
}

/** Milliseconds in the words --from accepts, to the second: "15m", "1h30m", "2d". */
export function formatMsCompact(ms: number): string {
  let rest = Math.round(ms / 1000);
  if (rest <= 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join('');
}

/** Milliseconds as a clock: 75_000 -> "1:15"; an hour or more -> "1:02:03". */
export function formatMsClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
