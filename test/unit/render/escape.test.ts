import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echoValue, isSafeText, safeMultiline, safeText } from '../../../src/render/escape.js';

/** Anything a terminal could act on, as the escaping promises to remove it. */
// eslint-disable-next-line no-control-regex -- the characters under test
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('safeText', () => {
  it('shows an escape sequence as text instead of sending it', () => {
    expect(safeText('a\u001b[31mred')).toBe('a\\x1b[31mred');
  });

  it('escapes DEL, 8-bit C1 codes and bidi overrides', () => {
    expect(safeText('x\u007fy')).toBe('x\\x7fy');
    expect(safeText('\u009b2J')).toBe('\\x9b2J');
    expect(safeText('abc\u202edcba')).toBe('abc\\u202edcba');
    expect(safeText('\u2066iso\u2069')).toBe('\\u2066iso\\u2069');
  });

  it('names newline, carriage return and tab', () => {
    expect(safeText('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
  });

  it('escapes a lone surrogate but keeps a pair', () => {
    expect(safeText('\ud83d')).toBe('\\ud83d');
    expect(safeText('🔥')).toBe('🔥');
  });

  it('leaves ordinary text, accents and CJK alone', () => {
    for (const text of ['orders-42', 'Müller', '日本', 'a b=c']) {
      expect(safeText(text)).toBe(text);
      expect(isSafeText(text)).toBe(true);
    }
  });

  it('never lets a control character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(safeText(s)).not.toMatch(RAW_CONTROL);
      }),
    );
  });
});

describe('safeMultiline', () => {
  it('keeps newlines and tabs but escapes the rest', () => {
    expect(safeMultiline('line one\n\tline\u001b]0;x\u0007 two\r\n')).toBe('line one\n\tline\\x1b]0;x\\x07 two\n');
  });
});

describe('echoValue', () => {
  it('keeps a short value as it is', () => {
    expect(echoValue('abc')).toBe('abc');
  });

  it('cuts a long value in the middle, to the limit', () => {
    const echoed = echoValue('x'.repeat(100_000));
    expect(Array.from(echoed)).toHaveLength(60);
    expect(echoed).toContain('…');
  });

  it('puts a newline in a value on the same line', () => {
    expect(echoValue('6\n--json')).toBe('6\\n--json');
  });

  it('never splits a surrogate pair', () => {
    const echoed = echoValue('🔥'.repeat(200), 10);
    expect(isSafeText(echoed)).toBe(true);
  });
});
