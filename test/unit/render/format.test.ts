import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatExact, formatFixed, formatInt, formatMibPerSec, formatNumber, formatPercent, formatUsd, plural } from '../../../src/render/format.js';

describe('format', () => {
  it('groups thousands and trims decimals', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
    expect(formatExact(0.123456789)).toBe('0.123457');
    expect(formatInt(2.5)).toBe('3');
    expect(formatInt(-0.2)).toBe('0');
  });

  it('writes money, rates, sizes and percentages', () => {
    expect(formatUsd(3079.6875)).toBe('$3,079.69');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatMibPerSec(6 * 1024 * 1024)).toBe('6 MiB/s');
    expect(formatMibPerSec(3_150_000)).toBe('3.01 MiB/s');
    expect(formatMibPerSec(1.5 * 1024 * 1024)).toBe('1.5 MiB/s');
    expect(formatMibPerSec(0.1 * 1024 * 1024)).toBe('0.1 MiB/s');
    expect(formatMibPerSec(0)).toBe('0 MiB/s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1000 * 1024)).toBe('1,000 KiB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatPercent(0.25, 0)).toBe('25%');
    expect(plural(1, 'shard')).toBe('1 shard');
    expect(plural(1000, 'shard')).toBe('1,000 shards');
  });

  it('keeps the digits of small rates: 0.001 and 0.0004 MiB/s are not both "0.01 MiB/s"', () => {
    expect(formatMibPerSec(0.001 * 1024 * 1024)).toBe('1.03 KiB/s');
    expect(formatMibPerSec(0.0004 * 1024 * 1024)).toBe('0.41 KiB/s');
    expect(formatMibPerSec(51.2 * 1024)).toBe('51.2 KiB/s');
  });

  it('agrees with Intl.NumberFormat for any number', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (n) => {
        const expected = intl.format(n).replace(/^-0$/, '0');
        expect(formatFixed(n, 2)).toBe(expected);
      }),
    );
  });

  it('rounds a half as it is written, away from zero, as Intl.NumberFormat does (not the binary value, as toFixed does)', () => {
    // 1.005 is held as 1.00499999999999989...: toFixed(2) gives "1.00".
    expect(formatFixed(1.005, 2)).toBe('1.01');
    expect(formatFixed(-59_073_880_278.005, 2)).toBe('-59,073,880,278.01');
    expect(formatFixed(9.995, 2)).toBe('10');
    expect(formatFixed(0.0049, 2)).toBe('0');
    expect(formatFixed(2.5, 0)).toBe('3');
    // Numbers written with few decimals, where halves are common.
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(10, 100, 1000, 10_000), fc.constantFrom(0, 1, 2, 3), (i, d, max) => {
        const n = i / d;
        const expected = new Intl.NumberFormat('en-US', { maximumFractionDigits: max }).format(n).replace(/^-0$/, '0');
        expect(formatFixed(n, max)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never switches to exponent notation, however large the number', () => {
    expect(formatFixed(1e21, 2)).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(-2.5e22)).toBe('-25,000,000,000,000,000,000,000');
    expect(formatInt(1.7976931348623157e308)).toMatch(/^179,769,313,486,231,570(,\d{3})+$/);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        for (const text of [formatNumber(n), formatInt(n), formatUsd(n), formatExact(n), formatPercent(n)]) {
          expect(text).not.toMatch(/e/i);
        }
      }),
    );
  });

  it('writes money beyond the precision of a cent in whole dollars', () => {
    expect(formatUsd(7_787_634_691_681_941)).toBe('$7,787,634,691,681,941');
    expect(formatUsd(1.5e21)).toBe('$1,500,000,000,000,000,000,000');
    expect(formatUsd(99_999_999_999.994)).toBe('$99,999,999,999.99');
  });
});
