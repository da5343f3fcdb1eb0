import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { parseNumberFlag, type NumberRule } from '../../../src/options/number.js';

const positive: NumberRule = { min: 0, minExclusive: true, max: 1000, unit: 'MiB/s' };
const count: NumberRule = { integer: true, min: 0, max: 100, unit: 'consumers' };

describe('parseNumberFlag', () => {
  it('accepts plain decimals, fractions and exponents', () => {
    expect(parseNumberFlag('--mbps', '6', positive)).toBe(6);
    expect(parseNumberFlag('--mbps', '0.5', positive)).toBe(0.5);
    expect(parseNumberFlag('--mbps', '.5', positive)).toBe(0.5);
    expect(parseNumberFlag('--mbps', '1e2', positive)).toBe(100);
  });

  it.each([
    ['abc', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got 'abc'."],
    ['', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got ''."],
    ['NaN', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got 'NaN'."],
    ['Infinity', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got 'Infinity'."],
    ['0x10', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got '0x10'."],
    ['6MB', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got '6MB'."],
    ['-5', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got '-5' (negative)."],
    ['0', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got '0' (too small)."],
    ['1001', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got '1001' (too large)."],
    ['1e400', "--mbps expects a number of MiB/s greater than 0 and at most 1,000, got '1e400' (too large)."],
  ])('rejects %j with a message naming the flag, the value and what was expected', (raw, message) => {
    expect(() => parseNumberFlag('--mbps', raw, positive)).toThrow(new UsageError(message));
  });

  it('rejects fractions where a whole number is needed', () => {
    expect(() => parseNumberFlag('--consumers', '1.5', count)).toThrow(
      "--consumers expects a whole number of consumers from 0 to 100, got '1.5' (not a whole number).",
    );
    expect(parseNumberFlag('--consumers', '0', count)).toBe(0);
  });

  it('rejects a value too close to zero to represent, instead of reading it as 0', () => {
    expect(() => parseNumberFlag('--consumers', '1e-400', count)).toThrow(
      new UsageError("--consumers expects a whole number of consumers from 0 to 100, got '1e-400' (too close to zero to represent)."),
    );
    expect(() => parseNumberFlag('--mbps', '0.1e-330', positive)).toThrow(/got '0\.1e-330' \(too close to zero to represent\)\.$/);
    expect(parseNumberFlag('--consumers', '0e-400', count)).toBe(0);
    expect(parseNumberFlag('--consumers', '0.000', count)).toBe(0);
  });

  it('calls a long number too large when it is, not "not a whole number"', () => {
    expect(() => parseNumberFlag('--consumers', '1234567890123456.5', count)).toThrow(/got '1234567890123456\.5' \(too large\)\.$/);
    expect(() => parseNumberFlag('--consumers', '99999999999999999999', count)).toThrow(/\(too large\)\.$/);
  });

  it('does not round a fraction with many digits into a whole number', () => {
    expect(() => parseNumberFlag('--consumers', '0.99999999999999999', count)).toThrow(/got '0\.99999999999999999' \(not a whole number\)\.$/);
    expect(() => parseNumberFlag('--consumers', '7.0000000000000001', count)).toThrow(/\(not a whole number\)\.$/);
    expect(parseNumberFlag('--consumers', '1.5e1', count)).toBe(15);
    expect(parseNumberFlag('--consumers', '100.000', count)).toBe(100);
  });

  it('says when a whole number has more digits than can be read exactly', () => {
    const big: NumberRule = { integer: true, min: 0, max: 1e20, unit: 'records' };
    expect(() => parseNumberFlag('--records', '9007199254740993', big)).toThrow(
      "--records expects a whole number of records from 0 to 100,000,000,000,000,000,000, got '9007199254740993' " +
        '(beyond exact precision: it would be read as 9,007,199,254,740,992).',
    );
    expect(parseNumberFlag('--records', '9007199254740992', big)).toBe(2 ** 53);
    expect(parseNumberFlag('--records', '1e20', big)).toBe(1e20);
  });

  it('accepts a whole number only when the text is exactly that number', () => {
    const big: NumberRule = { integer: true, min: 0, max: 1e20, unit: 'records' };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 3 }), (n, zeros) => {
        const text = `${n}${zeros > 0 ? `.${'0'.repeat(zeros)}` : ''}`;
        try {
          expect(BigInt(parseNumberFlag('--records', text, big))).toBe(n);
        } catch (error) {
          expect((error as Error).message).toMatch(/beyond exact precision/);
          expect(n).toBeGreaterThan(2n ** 53n);
        }
      }),
    );
  });

  it('adds the reason for a range when the rule gives one', () => {
    const hours: NumberRule = { integer: true, min: 24, max: 8760, unit: 'hours', why: 'Kinesis keeps data 24 to 8,760 hours.' };
    expect(() => parseNumberFlag('--retention-hours', '12', hours)).toThrow(/\(too small\)\. Kinesis keeps data 24 to 8,760 hours\.$/);
  });

  it('returns exactly the written value for every in-range integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
        expect(parseNumberFlag('--consumers', String(n), count)).toBe(n);
      }),
    );
  });

  it('throws only UsageErrors, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        try {
          const value = parseNumberFlag('--mbps', raw, positive);
          expect(value).toBeGreaterThan(0);
          expect(value).toBeLessThanOrEqual(1000);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
    );
  });
});
