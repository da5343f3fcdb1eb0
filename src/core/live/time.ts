/**
 * Where a live read starts and ends. Every rule about time lives here, as pure functions of "now"
 * (epoch milliseconds), so that each one has a test.
 *
 * --from is `latest`, `trim-horizon`, an ISO 8601 time (UTC unless it carries an offset; a date
 * alone is midnight UTC) or a duration ago (`90s`, `15m`, `2h`, `1d`, `1h30m`). --seconds is the
 * length of the window of arrival times that is read, from that start: with `latest` it is simply
 * how long kds reads; from a past time the window also ends at now.
 */
import { daysFromCivil, parseTimestamp } from '../keys/timestamp.js';
import { LiveError } from './errors.js';
import { cutMiddle } from '../quote.js';

export type From =
  | { readonly kind: 'latest' }
  | { readonly kind: 'trim-horizon' }
  /** An absolute time in epoch milliseconds; `text` is what the user wrote. */
  | { readonly kind: 'at'; readonly time: number; readonly text: string; readonly ago?: number };

const MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof MS;
const UNITS: readonly Unit[] = ['d', 'h', 'm', 's'];

const DURATION = /^(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FROM_HELP = "expects latest, trim-horizon, an ISO 8601 time (2026-11-25T14:00:00Z) or a duration ago (15m, 2h, 1d, 1h30m)";

/**
 * Milliseconds in a duration such as `15m` or `1h30m` (units d, h, m, s, largest first, each at
 * most once), or undefined when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t.length === 0) return undefined;
  const m = DURATION.exec(t);
  if (m === null) return undefined;
  let total = 0;
  UNITS.forEach((unit, i) => {
    const value = m[i + 1];
    if (value !== undefined) total += Number(value) * MS[unit];
  });
  return Math.round(total);
}

/** Epoch milliseconds of an ISO 8601 date-time or date (UTC unless it has an offset), or NaN. */
export function parseIsoTime(text: string): number {
  const t = text.trim();
  const date = DATE_ONLY.exec(t);
  if (date !== null) {
    const [y, mo, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return NaN;
    return daysFromCivil(y, mo, d) * MS.d;
  }
  if (!/^\d{4}-/.test(t)) return NaN;
  // Seconds may be left out: "2026-11-25T14:00Z" is 14:00:00.
  const full = t.replace(/^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2})(?=$|[Zz+-])/, '$1:00');
  const bytes = new TextEncoder().encode(full);
  const seconds = parseTimestamp(bytes, 0, bytes.length);
  if (Number.isNaN(seconds)) return NaN;
  // Keep milliseconds when they are written: "…T10:00:00.250Z".
  const fraction = /^[^.,]{19}[.,](\d+)/.exec(full);
  const ms = fraction ? Math.floor(Number(`0.${fraction[1]}`) * 1000) : 0;
  return seconds * 1000 + ms;
}

/** Parses --from against the clock. Throws a usage LiveError that says what was expected. */
export function parseFrom(text: string, nowMs: number): From {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === 'latest') return { kind: 'latest' };
  if (lower === 'trim-horizon' || lower === 'trim_horizon') return { kind: 'trim-horizon' };
  if (/^-/.test(t)) throw new LiveError(`--from ${FROM_HELP}, got '${cutMiddle(text)}': write a duration ago without a sign (15m).`, 'usage');
  if (/^\d+(?:\.\d+)?$/.test(t)) {
    throw new LiveError(`--from ${FROM_HELP}, got '${cutMiddle(text)}': a duration needs a unit (${t}s, ${t}m, ${t}h or ${t}d).`, 'usage');
  }
  const duration = parseDuration(t);
  if (duration !== undefined) {
    if (duration <= 0) throw new LiveError(`--from expects a duration greater than 0, got '${cutMiddle(text)}'.`, 'usage');
    return { kind: 'at', time: nowMs - duration, text: t, ago: duration };
  }
  const time = parseIsoTime(t);
  if (Number.isNaN(time)) throw new LiveError(`--from ${FROM_HELP}, got '${cutMiddle(text)}'.`, 'usage');
  if (time > nowMs) {
    throw new LiveError(`--from ${t} is in the future (now is ${new Date(nowMs).toISOString()}); use latest to read what arrives from now.`, 'usage');
  }
  return { kind: 'at', time, text: t };
}

/** What the stream says about time: how far back it keeps records, and since when it exists. */
export interface StreamClock {
  readonly retentionHours: number;
  /** Epoch milliseconds, when known. */
  readonly createdMs?: number | undefined;
}

export type IteratorType = 'LATEST' | 'TRIM_HORIZON' | 'AT_TIMESTAMP';

export interface ReadWindow {
  /** How each shard iterator starts. */
  readonly iterator: IteratorType;
  /** The AT_TIMESTAMP time, in epoch milliseconds. */
  readonly timestamp?: number;
  /** Arrival times read: [startMs, endMs). */
  readonly startMs: number;
  readonly endMs: number;
  /** True when the window starts in the past: closed shards may hold records in it. */
  readonly past: boolean;
  /** Set when --from lay before the oldest record the stream keeps, and the start moved. */
  readonly clipped?: 'retention' | 'created';
  /** Set when a window in the past would have run past now, and ends now instead. */
  readonly truncated?: true;
}

/** The oldest arrival time the stream may still hold. */
export function oldestKept(clock: StreamClock, nowMs: number): { time: number; by: 'retention' | 'created' } {
  const byRetention = nowMs - clock.retentionHours * MS.h;
  if (clock.createdMs !== undefined && clock.createdMs > byRetention) return { time: clock.createdMs, by: 'created' };
  return { time: byRetention, by: 'retention' };
}

/**
 * The window a read covers, from --from and --seconds. From latest it runs --seconds into the
 * future. From a past time it covers what has already arrived: it ends --seconds later or now,
 * whichever comes first (`truncated` says when now came first), so that a read of the history
 * never waits for the future.
 */
export function readWindow(from: From, seconds: number, nowMs: number, clock: StreamClock): ReadWindow {
  const length = seconds * 1000;
  if (from.kind === 'latest') return { iterator: 'LATEST', startMs: nowMs, endMs: nowMs + length, past: false };
  const oldest = oldestKept(clock, nowMs);
  const upTo = (start: number) => (start + length > nowMs ? { endMs: nowMs, truncated: true as const } : { endMs: start + length });
  if (from.kind === 'trim-horizon') {
    return { iterator: 'TRIM_HORIZON', startMs: oldest.time, ...upTo(oldest.time), past: true };
  }
  if (from.time < oldest.time) {
    return { iterator: 'TRIM_HORIZON', startMs: oldest.time, ...upTo(oldest.time), past: true, clipped: oldest.by };
  }
  return { iterator: 'AT_TIMESTAMP', timestamp: from.time, startMs: from.time, ...upTo(from.time), past: true };
}

/** A record that arrived at or after the window's end is not read, and ends its shard's read. */
export function pastWindowEnd(arrivalMs: number, window: ReadWindow): boolean {
  return arrivalMs >= window.endMs;
}

/**
 * The arrival time a shard iterator has reached after a GetRecords call made at callMs. When the
 * answer carries MillisBehindLatest, the iterator points at the call time less that (where the next
 * record lies, so never before the newest record returned); without it, at the newest record
 * returned, or the call time when none was.
 */
export function positionAfter(callMs: number, millisBehindLatest: number | undefined, newestArrivalMs: number | undefined): number {
  if (millisBehindLatest !== undefined) return Math.max(newestArrivalMs ?? -Infinity, callMs - millisBehindLatest);
  return newestArrivalMs ?? callMs;
}

/**
 * True when an empty GetRecords answer means the shard has nothing more in the window: the
 * iterator has caught up to a time at or after the window's end.
 */
export function caughtUpPastEnd(callMs: number, millisBehindLatest: number | undefined, window: ReadWindow): boolean {
  return positionAfter(callMs, millisBehindLatest, undefined) >= window.endMs;
}

/** Share of the window (0 to 1) that a shard whose iterator reached `positionMs` has covered. */
export function covered(positionMs: number, window: ReadWindow): number {
  const span = window.endMs - window.startMs;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (positionMs - window.startMs) / span));
}

/** "2026-11-25T12:00:00Z": an instant to the second. */
export function isoSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
