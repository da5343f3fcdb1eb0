import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordOf } from '../../../src/core/keys/fields.js';
import { compileKeyPattern, matchLine } from '../../../src/core/keys/key-pattern.js';
import { wholeNumberText } from '../../../src/core/keys/whole-number.js';
import { scanText } from './helpers.js';

/** What each input reads a bytes value as: -1 when it refuses it. */
function asCsv(text: string, generalOnly = false): number {
  const { acc } = scanText(`partition_key,bytes\na,${text}\n`, { format: 'csv', generalOnly });
  return acc.malformedCount > 0 ? -1 : acc.totalBytes - 'a'.length;
}
function asJson(text: string): number {
  const r = recordOf({ k: 'a', b: text }, { key: ['k'], bytes: ['b'] });
  return 'record' in r ? r.record.dataBytes : -1;
}
const pattern = compileKeyPattern('key=(?<key>\\w+) bytes=(?<bytes>[^;]*);');
function asLog(text: string): number {
  const r = matchLine(pattern, `key=a bytes=${text};`);
  return r !== undefined && 'key' in r ? r.dataBytes : -1;
}

describe('a byte count read from any input', () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['\t12', -1],
    ['12a', -1],
    ['-1', -1],
    ['1.5', -1],
    ['', -1],
    ['9'.repeat(15), 999_999_999_999_999],
    ['9'.repeat(16), -1],
  ])('%j reads as %i from CSV, JSON and a log line alike', (text, expected) => {
    expect([wholeNumberText(text), asCsv(text), asCsv(text, true), asJson(text), asLog(text)]).toEqual([expected, expected, expected, expected, expected]);
  });

  it('gets the same answer from every input for any text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t0-9.a-]{0,18}$/), (text) => {
        const csv = asCsv(text);
        expect(asCsv(text, true)).toBe(csv);
        expect(asJson(text)).toBe(csv);
        expect(asLog(text)).toBe(csv);
      }),
    );
  });
});
