import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveError } from '../../../src/core/live/errors.js';
import { formatMsCompact } from '../../../src/render/duration.js';
import {
  caughtUpPastEnd,
  covered,
  oldestKept,
  parseDuration,
  parseFrom,
  parseIsoTime,
  pastWindowEnd,
  positionAfter,
  readWindow,
} from '../../../src/core/live/time.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const HOUR = 3_600_000;
const CLOCK = { retentionHours: 24, createdMs: Date.UTC(2026, 0, 1) };

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LiveError);
    expect((error as LiveError).kind).toBe('usage');
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1d2h3m4s', 93_784_000],
    ['1.5h', 5_400_000],
    ['15M', 900_000],
    [' 15m ', 900_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '15', 'm', '15x', '15m15m', '30m1h', '1 h', '-5m', '15min'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('reads back what formatMsCompact writes, to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 400 * 86_400_000 }), (ms) => {
        expect(parseDuration(formatMsCompact(ms))).toBe(Math.round(ms / 1000) * 1000);
      }),
    );
  });
});

describe('parseIsoTime', () => {
  it.each([
    ['2026-11-25T10:00:00Z', Date.UTC(2026, 10, 25, 10)],
    ['2026-11-25T10:00:00', Date.UTC(2026, 10, 25, 10)],
    ['2026-11-25 10:00:00', Date.UTC(2026, 10, 25, 10)],
    ['2026-11-25T10:00Z', Date.UTC(2026, 10, 25, 10)],
    ['2026-11-25T10:00', Date.UTC(2026, 10, 25, 10)],
    ['2026-11-25T10:00:00+02:00', Date.UTC(2026, 10, 25, 8)],
    ['2026-11-25T10:00:00-0530', Date.UTC(2026, 10, 25, 15, 30)],
    ['2026-11-25T10:00:00.250Z', Date.UTC(2026, 10, 25, 10, 0, 0, 250)],
    ['2026-11-25', Date.UTC(2026, 10, 25)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
  ])('reads %s as UTC unless it carries an offset', (text, ms) => {
    expect(parseIsoTime(text)).toBe(ms);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01T00:00:00Z', '2026-11-25T24:00:00Z', '25/11/2026', '2026-11-25T10:00:00+25:00', 'yesterday'])(
    'rejects %j',
    (text) => {
      expect(parseIsoTime(text)).toBeNaN();
    },
  );

  it('reads back any toISOString() time exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(parseIsoTime(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });
});

describe('parseFrom', () => {
  it('repeats a long value cut in the middle, not whole', () => {
    const long = `x${'9'.repeat(500)}y`;
    expect(() => parseFrom(long, NOW)).toThrow(/got 'x9{41}\u20269{16}y'\.$/);
  });

  it('knows latest and trim-horizon in any case', () => {
    expect(parseFrom('latest', NOW)).toEqual({ kind: 'latest' });
    expect(parseFrom('LATEST', NOW)).toEqual({ kind: 'latest' });
    expect(parseFrom('trim-horizon', NOW)).toEqual({ kind: 'trim-horizon' });
    expect(parseFrom('TRIM_HORIZON', NOW)).toEqual({ kind: 'trim-horizon' });
  });

  it('reads a duration as that long before now', () => {
    expect(parseFrom('15m', NOW)).toEqual({ kind: 'at', time: NOW - 900_000, text: '15m', ago: 900_000 });
  });

  it('reads an ISO time as that time', () => {
    expect(parseFrom('2026-11-25T10:00:00Z', NOW)).toMatchObject({ kind: 'at', time: Date.UTC(2026, 10, 25, 10) });
  });

  it('accepts now itself', () => {
    expect(parseFrom(new Date(NOW).toISOString(), NOW)).toMatchObject({ kind: 'at', time: NOW });
  });

  it('rejects a time in the future and says what now is', () => {
    expect(usage(() => parseFrom('2026-11-25T12:00:01Z', NOW))).toMatch(/in the future \(now is 2026-11-25T12:00:00.000Z\)/);
  });

  it('asks for a unit on a bare number', () => {
    expect(usage(() => parseFrom('15', NOW))).toMatch(/needs a unit \(15s, 15m, 15h or 15d\)/);
  });

  it('rejects a signed duration, a zero duration and garbage with the accepted forms', () => {
    expect(usage(() => parseFrom('-15m', NOW))).toMatch(/without a sign/);
    expect(usage(() => parseFrom('0m', NOW))).toMatch(/greater than 0/);
    expect(usage(() => parseFrom('soon', NOW))).toMatch(/latest, trim-horizon, an ISO 8601 time .* or a duration ago/);
  });
});

describe('readWindow', () => {
  it('reads from now for --seconds with latest', () => {
    expect(readWindow({ kind: 'latest' }, 30, NOW, CLOCK)).toEqual({ iterator: 'LATEST', startMs: NOW, endMs: NOW + 30_000, past: false });
  });

  it('reads the --seconds after a past time with AT_TIMESTAMP', () => {
    const w = readWindow(parseFrom('15m', NOW), 60, NOW, CLOCK);
    expect(w).toEqual({ iterator: 'AT_TIMESTAMP', timestamp: NOW - 900_000, startMs: NOW - 900_000, endMs: NOW - 840_000, past: true });
  });

  it('ends a window that starts in the past at now, and says so', () => {
    const w = readWindow(parseFrom('10s', NOW), 30, NOW, CLOCK);
    expect(w).toMatchObject({ startMs: NOW - 10_000, endMs: NOW, truncated: true });
    expect(readWindow(parseFrom('30s', NOW), 30, NOW, CLOCK).truncated).toBeUndefined();
    expect(readWindow({ kind: 'trim-horizon' }, 7 * 86_400, NOW, CLOCK)).toMatchObject({ startMs: NOW - 24 * HOUR, endMs: NOW, truncated: true });
  });

  it('starts trim-horizon at the oldest record the retention keeps', () => {
    expect(readWindow({ kind: 'trim-horizon' }, 30, NOW, CLOCK)).toEqual({
      iterator: 'TRIM_HORIZON',
      startMs: NOW - 24 * HOUR,
      endMs: NOW - 24 * HOUR + 30_000,
      past: true,
    });
  });

  it('starts trim-horizon at the creation of a stream younger than its retention', () => {
    const created = NOW - HOUR;
    expect(readWindow({ kind: 'trim-horizon' }, 30, NOW, { retentionHours: 24, createdMs: created }).startMs).toBe(created);
  });

  it('moves a --from older than the retention to the oldest record kept, and says so', () => {
    const w = readWindow(parseFrom('2d', NOW), 30, NOW, CLOCK);
    expect(w).toMatchObject({ iterator: 'TRIM_HORIZON', startMs: NOW - 24 * HOUR, clipped: 'retention' });
    const young = readWindow(parseFrom('2h', NOW), 30, NOW, { retentionHours: 24, createdMs: NOW - HOUR });
    expect(young).toMatchObject({ startMs: NOW - HOUR, clipped: 'created' });
  });

  it('keeps a --from exactly at the retention edge', () => {
    const w = readWindow(parseFrom('24h', NOW), 30, NOW, CLOCK);
    expect(w).toMatchObject({ iterator: 'AT_TIMESTAMP', startMs: NOW - 24 * HOUR });
    expect(w.clipped).toBeUndefined();
  });

  it('uses a 168-hour retention for the oldest record', () => {
    expect(oldestKept({ retentionHours: 168 }, NOW)).toEqual({ time: NOW - 168 * HOUR, by: 'retention' });
  });
});

describe('the end of a shard read', () => {
  const window = readWindow(parseFrom('15m', NOW), 60, NOW, CLOCK);

  it('stops at a record that arrived at or after the window end, and not before', () => {
    expect(pastWindowEnd(window.endMs - 1, window)).toBe(false);
    expect(pastWindowEnd(window.endMs, window)).toBe(true);
  });

  it('treats an empty answer as caught up past the end from MillisBehindLatest', () => {
    // Called now, 15 minutes behind the tip: the iterator is at the window start, still inside.
    expect(caughtUpPastEnd(NOW, 900_000, window)).toBe(false);
    // 14 minutes behind: one minute after the start, exactly the end.
    expect(caughtUpPastEnd(NOW, 840_000, window)).toBe(true);
    expect(caughtUpPastEnd(NOW, 0, window)).toBe(true);
  });

  it('keeps reading latest until the clock passes the end', () => {
    const live = readWindow({ kind: 'latest' }, 30, NOW, CLOCK);
    expect(caughtUpPastEnd(NOW + 29_999, 0, live)).toBe(false);
    expect(caughtUpPastEnd(NOW + 30_000, 0, live)).toBe(true);
    expect(caughtUpPastEnd(NOW + 30_000, undefined, live)).toBe(true);
  });

  it('places an iterator at the call time less MillisBehindLatest, never before the newest record', () => {
    expect(positionAfter(NOW, 5000, NOW - 60_000)).toBe(NOW - 5000);
    expect(positionAfter(NOW, 5000, undefined)).toBe(NOW - 5000);
    expect(positionAfter(NOW, 90_000, NOW - 60_000)).toBe(NOW - 60_000);
  });

  it('without MillisBehindLatest, places it at the newest record or the call time', () => {
    expect(positionAfter(NOW, undefined, NOW - 60_000)).toBe(NOW - 60_000);
    expect(positionAfter(NOW, undefined, undefined)).toBe(NOW);
  });

  it('measures the share of the window covered, clamped to 0..1', () => {
    expect(covered(window.startMs - 1, window)).toBe(0);
    expect(covered(window.startMs + 30_000, window)).toBe(0.5);
    expect(covered(window.endMs + 1, window)).toBe(1);
  });
});
