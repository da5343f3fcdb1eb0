import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Accumulator } from '../../../src/core/keys/accumulate.js';
import { analyze } from '../../../src/core/keys/analyze.js';
import { resolveColumns } from '../../../src/core/keys/columns.js';
import { Scanner } from '../../../src/core/keys/scan.js';
import { uniformShardMap } from '../../../src/core/keys/shard-map.js';
import { keyCounts, scanText } from './helpers.js';

const HEADER = 'partition_key,bytes,timestamp';
const map = uniformShardMap(3);

/** Reads rows[0..cut) as the first part and rows[cut..] as a second part, then merges. */
function inTwoParts(rows: readonly string[], cut: number, maxKeys: number) {
  const columns = resolveColumns(HEADER.split(','), {});
  const first = new Accumulator({ map, maxKeys, strict: false });
  first.configure({ timed: true, explicitHashKeys: false });
  const a = new Scanner(first, 'csv', () => columns);
  const one = new TextEncoder().encode(`${[HEADER, ...rows.slice(0, cut)].join('\n')}\n`);
  a.push(one, 0, one.length, true);

  const second = new Accumulator({ map, maxKeys, strict: false });
  second.configure({ timed: true, explicitHashKeys: false, holdFirstSeconds: true });
  const b = new Scanner(second, 'csv', () => columns);
  b.continueWith(columns);
  const two = new TextEncoder().encode(rows.slice(cut).map((r) => `${r}\n`).join(''));
  b.push(two, 0, two.length, true);

  first.mergeFrom(second.toData(), a.line - 1);
  first.finish();
  return first;
}

const row = fc
  .tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '__proto__', 'a-key-of-sixteen', 'a key longer than sixteen bytes', 'another key longer than sixteen'), fc.nat(500), fc.integer({ min: 0, max: 30 }), fc.boolean())
  .map(([k, bytes, s, bad]) => `${k},${bad ? 'x' : bytes},2026-01-01T00:00:${String(s).padStart(2, '0')}Z`);

describe('reading an input in two parts and merging', () => {
  it('gives exactly the counts, peaks and malformed lines of one pass (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.nat(), (rows, c) => {
        const cut = c % (rows.length + 1);
        const whole = scanText(`${[HEADER, ...rows].join('\n')}\n`, { map }).acc;
        const merged = inTwoParts(rows, cut, 1000);
        expect(keyCounts(merged)).toEqual(keyCounts(whole));
        expect([...merged.shardRecords]).toEqual([...whole.shardRecords]);
        expect([...merged.shardBytes]).toEqual([...whole.shardBytes]);
        expect([...merged.perSecond!.peakRecords]).toEqual([...whole.perSecond!.peakRecords]);
        expect([...merged.perSecond!.peakBytes]).toEqual([...whole.perSecond!.peakBytes]);
        expect(merged.malformedExamples).toEqual(whole.malformedExamples);
        expect(merged.malformedCount).toBe(whole.malformedCount);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a key over the length limit once when both parts hold it', () => {
    const long = 'L'.repeat(300);
    const rows = [`${long},1,2026-01-01T00:00:00Z`, 'a,1,2026-01-01T00:00:00Z', `${long},2,2026-01-01T00:00:01Z`, `${'M'.repeat(257)},1,2026-01-01T00:00:01Z`];
    const whole = scanText(`${[HEADER, ...rows].join('\n')}\n`, { map }).acc;
    expect(whole.longKeys).toBe(2);
    for (let cut = 0; cut <= rows.length; cut++) expect(inTwoParts(rows, cut, 1000).longKeys).toBe(2);
  });

  it('keeps heavy-hitter bounds true when both parts had to purge', () => {
    const rows: string[] = [];
    for (let i = 0; i < 6000; i++) {
      rows.push(`u${i},1,2026-01-01T00:00:00Z`);
      if (i % 5 === 0) rows.push('hot,1,2026-01-01T00:00:00Z');
    }
    const merged = inTwoParts(rows, 3001, 100);
    const a = analyze(merged, { hotRatio: 1.5, top: 20, sampleRate: 1, salt: undefined, measure: undefined, hasBytes: true });
    expect(a.approximate).toBe(true);
    expect(a.topKeys[0]).toMatchObject({ key: 'hot', records: 1200, recordsUpperBound: 1200 });
    for (const k of a.topKeys.slice(1)) {
      expect(k.records).toBeLessThanOrEqual(1);
      expect(k.recordsUpperBound).toBeGreaterThanOrEqual(1);
    }
    expect([...merged.shardRecords].reduce((x, y) => x + y, 0)).toBe(7200);
  });
});
