import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { num } from '../../../src/core/compare/words.js';

const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

describe('num', () => {
  it('groups thousands and keeps at most two decimals, rounding half away from zero', () => {
    expect(num(1_000)).toBe('1,000');
    expect(num(2.5)).toBe('2.5');
    expect(num(1.005)).toBe('1.01');
    expect(num(0.125)).toBe('0.13');
    expect(num(-1234567.891)).toBe('-1,234,567.89');
    expect(num(1e21)).toBe('1,000,000,000,000,000,000,000');
  });

  it('writes every number as Intl.NumberFormat en-US with two decimals at most does', () => {
    const special = fc.constantFrom(0, -0, 0.005, 0.015, 0.995, 9.995, 999.995, 1e-7, 5e-3, 1e21, 123456789.125, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity);
    const cents = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 1000);
    fc.assert(
      fc.property(fc.oneof(fc.double(), special, cents, fc.integer()), (n) => {
        expect(num(n)).toBe(intl.format(n));
      }),
      { numRuns: 20_000 },
    );
  });
});
