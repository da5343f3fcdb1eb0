import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Accumulator } from '../../../src/core/keys/accumulate.js';
import { uniformShardMap } from '../../../src/core/keys/shard-map.js';
import { keyCounts, scanText } from './helpers.js';

/** Everything an accumulator and its scanner counted, as plain data to compare. */
function counted(acc: Accumulator, scanner: { line: number; rows: number; blankLines: number }) {
  const t = acc.keys;
  const perKey = Array.from({ length: t.size }, (_, e) => [new TextDecoder().decode(t.keyBytes(e)), t.recordsOf(e), t.bytesOf(e), t.shardOf(e)]);
  const ps = acc.perSecond;
  return {
    keys: keyCounts(acc),
    perKey,
    shardRecords: [...acc.shardRecords],
    shardBytes: [...acc.shardBytes],
    totals: [acc.totalRecords, acc.totalBytes],
    peaks: ps === undefined ? undefined : [[...ps.peakRecords], [...ps.peakBytes], [...ps.peakRecordsAt], [...ps.peakBytesAt], ps.lateRows, ps.spanSeconds],
    malformed: [acc.malformedCount, acc.malformedExamples],
    longKeys: acc.longKeys,
    lines: [scanner.line, scanner.rows, scanner.blankLines],
  };
}

/** Timestamps of one form (ISO, with an offset, epoch milliseconds, ...) for a second and millisecond. */
const FORMS: readonly ((s: number, ms: number) => string)[] = [
  (s, ms) => `2026-01-01T00:00:0${s}.${String(ms).padStart(3, '0')}Z`,
  (s, ms) => `2026-01-01 00:00:0${s},${ms}+01:00`,
  (s, ms) => String((1767225600 + s) * 1000 + ms),
  (s, ms) => `${1767225600 + s}.${ms}`,
  (s) => `2026-01-01T00:00:0${s}Z`,
  // Like the first and the third but for a letter among the milliseconds: not a time.
  (s, ms) => `2026-01-01T00:00:0${s}.${String(ms).padStart(3, '0').replace(/\d$/, 'x')}Z`,
  (s, ms) => String((1767225600 + s) * 1000 + ms).replace(/\d$/, 'x'),
  () => 'soon',
  () => '',
  (s) => ` ${1767225600 + s} `,
];
/** Mostly the input's own form, seconds mostly in order (as real inputs are), now and then another. */
const stamp = (form: number) =>
  fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.constant(form) }, { weight: 1, arbitrary: fc.nat(FORMS.length - 1) }), fc.nat(999)).map(([f, ms]) => (s: number) => FORMS[f]!(s, ms));
/** Mostly ordinary values, now and then one the loop leaves to the general path or that is malformed. */
const mostly = <T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: unusual });
const key = mostly(
  fc.oneof(fc.constantFrom('a', 'b', 'user-17', '__proto__', 'ünï', 'k'.repeat(300)), fc.stringMatching(/^[a-z0-9 ]{0,5}$/)),
  fc.constantFrom('"q,uoted"', '"dou""ble"', 'tail\r'),
);
const bytes = mostly(fc.nat(99999).map(String), fc.constantFrom('12a', ' 42 ', '', '1234567890123456'));
const count = mostly(fc.nat(5).map(String), fc.constantFrom('x', '-1'));
const extra = mostly(fc.constantFrom('', ',x'), fc.constantFrom(',"y"', ',z,"w\nv"'));
const eol = mostly(fc.constantFrom('\n', '\r\n'), fc.constant('\n\n'));
const rows = fc
  .integer({ min: 0, max: 4 })
  .chain((form) => fc.array(fc.tuple(fc.tuple(key, bytes, stamp(form), count, extra), eol), { minLength: 1, maxLength: 80, size: 'max' }));

describe('the one-loop row counter', () => {
  it('counts every input exactly as the general path does, however it is cut (property)', () => {
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom('key,bytes,time', 'time,key,bytes', 'bytes,time,key', 'key,count,bytes,time', 'count,time,key'),
        fc.array(fc.nat(2000), { maxLength: 6 }),
        fc.integer({ min: 1, max: 1500 }),
        (input, header, cuts, shards) => {
          const order = header.split(',');
          const text = `${header}\n${input
            .map(([[k, b, t, c, extra], eol], i) => {
              const values: Record<string, string> = { key: k, bytes: b, time: t(Math.floor((i * 5) / input.length)), count: c };
              // Every seventh row is missing its last column.
              const columns = i % 7 === 6 ? order.slice(0, -1) : order;
              return `${columns.map((c) => values[c]).join(',')}${extra}${eol}`;
            })
            .join('')}`;
          const map = uniformShardMap(shards);
          const fast = scanText(text, { format: 'csv', map, cuts });
          const general = scanText(text, { format: 'csv', map, cuts, generalOnly: true });
          expect(counted(fast.acc, fast.scanner)).toEqual(counted(general.acc, general.scanner));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('tells seconds apart when only the digits before the milliseconds change', () => {
    const text = 'key,time\na,2026-01-01T00:00:00.999Z\na,2026-01-01T00:00:01.000Z\na,1767225601999\na,1767225602000\na,1767225602001\n';
    const { acc } = scanText(text, { map: uniformShardMap(1) });
    expect(acc.perSecond!.peakRecords[0]).toBe(2);
    expect(acc.perSecond!.spanSeconds).toBe(3);
  });
});
