/**
 * Timestamps read straight from bytes, to whole seconds since the epoch (UTC).
 *
 * Accepted: ISO 8601 date-times `YYYY-MM-DDTHH:MM:SS` (or a space instead of `T`), optional
 * fraction, then `Z`, `+HH:MM`, `+HHMM`, `+HH` or nothing (read as UTC); and epoch numbers, in
 * seconds or milliseconds, told apart by size: 100,000,000,000 and above is milliseconds (as
 * seconds that would be the year 5138). Anything else is NaN: the row is malformed.
 */

/** Epoch values at or above this are milliseconds. */
export const EPOCH_MILLIS_FROM = 100_000_000_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(bytes: Uint8Array, p: number): number {
  const d = bytes[p]! - 0x30;
  return d >= 0 && d <= 9 ? d : -1000;
}

function num(bytes: Uint8Array, p: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 10 + digit(bytes, p + i);
  return v;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Seconds since the epoch of the timestamp in bytes[start, end), or NaN. */
export function parseTimestamp(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && bytes[s] === 0x20) s++;
  while (e > s && bytes[e - 1] === 0x20) e--;
  const len = e - s;
  if (len === 0) return NaN;
  if (len >= 19 && bytes[s + 4] === 0x2d) return parseIso(bytes, s, e);
  return parseEpoch(bytes, s, e);
}

function parseEpoch(bytes: Uint8Array, s: number, e: number): number {
  let whole = 0;
  let p = s;
  let digits = 0;
  while (p < e && bytes[p] !== 0x2e) {
    const d = digit(bytes, p);
    if (d < 0) return NaN;
    whole = whole * 10 + d;
    digits++;
    p++;
  }
  if (digits === 0 || digits > 16) return NaN;
  if (p < e) {
    // A fraction: digits only, which do not change the whole second.
    p++;
    if (p === e) return NaN;
    for (; p < e; p++) if (digit(bytes, p) < 0) return NaN;
  }
  return whole >= EPOCH_MILLIS_FROM ? Math.floor(whole / 1000) : whole;
}

function parseIso(bytes: Uint8Array, s: number, e: number): number {
  const year = num(bytes, s, 4);
  const month = num(bytes, s + 5, 2);
  const day = num(bytes, s + 8, 2);
  const sep = bytes[s + 10];
  const hour = num(bytes, s + 11, 2);
  const minute = num(bytes, s + 14, 2);
  const second = num(bytes, s + 17, 2);
  if (bytes[s + 7] !== 0x2d || (sep !== 0x54 && sep !== 0x74 && sep !== 0x20)) return NaN;
  if (bytes[s + 13] !== 0x3a || bytes[s + 16] !== 0x3a) return NaN;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return NaN;
  let p = s + 19;
  if (p < e && (bytes[p] === 0x2e || bytes[p] === 0x2c)) {
    p++;
    const from = p;
    while (p < e && digit(bytes, p) >= 0) p++;
    if (p === from) return NaN;
  }
  let offset = 0;
  if (p < e) {
    const c = bytes[p];
    if ((c === 0x5a || c === 0x7a) && p + 1 === e) {
      p++;
    } else if (c === 0x2b || c === 0x2d) {
      const sign = c === 0x2b ? 1 : -1;
      const rest = e - p - 1;
      let oh: number;
      let om = 0;
      if (rest === 2) oh = num(bytes, p + 1, 2);
      else if (rest === 4) {
        oh = num(bytes, p + 1, 2);
        om = num(bytes, p + 3, 2);
      } else if (rest === 5 && bytes[p + 3] === 0x3a) {
        oh = num(bytes, p + 1, 2);
        om = num(bytes, p + 4, 2);
      } else return NaN;
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
      offset = sign * (oh * 3600 + om * 60);
      p = e;
    } else return NaN;
  }
  if (p !== e) return NaN;
  const days = daysFromCivil(year, month, day);
  return days * 86400 + hour * 3600 + minute * 60 + Math.min(second, 59) - offset;
}

/**
 * The offset from `start` of an ISO date-time's two seconds digits (SS), or -1 when parseTimestamp
 * does not read the bytes as an ISO date-time.
 */
export function isoSecondsAt(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  while (s < end && bytes[s] === 0x20) s++;
  return end - s >= 19 && bytes[s + 4] === 0x2d ? s - start + 17 : -1;
}

/**
 * The digits of a timestamp that can change without changing its second: the fraction of an ISO
 * date-time or of epoch seconds, or the last three digits of epoch milliseconds. Returned as
 * offsets from `start`, packed as from * 65536 + to (0 when there are none). Only for bytes that
 * parseTimestamp reads as a time.
 */
export function subsecondDigits(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  while (s < end && bytes[s] === 0x20) s++;
  let from: number;
  if (end - s >= 19 && bytes[s + 4] === 0x2d) {
    from = s + 19;
    if (from >= end || (bytes[from] !== 0x2e && bytes[from] !== 0x2c)) return 0;
    from++;
  } else {
    let p = s;
    while (p < end && digit(bytes, p) >= 0) p++;
    if (p < end && bytes[p] === 0x2e) from = p + 1;
    else return num(bytes, s, p - s) >= EPOCH_MILLIS_FROM ? (p - 3 - start) * 65536 + (p - start) : 0;
  }
  let to = from;
  while (to < end && digit(bytes, to) >= 0) to++;
  return (from - start) * 65536 + (to - start);
}
