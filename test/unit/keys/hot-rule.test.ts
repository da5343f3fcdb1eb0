import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/keys/analyze.js';
import { hotByShare, MIN_RECORDS_PER_SHARD } from '../../../src/core/keys/hot-rule.js';
import { scanText } from './helpers.js';

describe('hot by its share', () => {
  const plenty = { totalRecords: 4 * MIN_RECORDS_PER_SHARD, shards: 4 };

  it('is hot from hotRatio times the fair share on, in a sample large enough', () => {
    expect(hotByShare(0.375, 0.25, 1.5, plenty)).toBe(true);
    expect(hotByShare(0.37, 0.25, 1.5, plenty)).toBe(false);
    expect(hotByShare(0, 0.25, 1.5, plenty)).toBe(false);
  });

  it('asks a small sample for the low end of the interval to clear the line', () => {
    // 2 records, both on one of 4 shards: a share of 1, but anything from 34% up is possible.
    expect(hotByShare(1, 0.25, 1.5, { totalRecords: 2, shards: 4 })).toBe(false);
    // 3 records: from 44% up, over the line of 37.5%.
    expect(hotByShare(1, 0.25, 1.5, { totalRecords: 3, shards: 4 })).toBe(true);
    // 40 records on one of 4 shards: its share cannot be below 37.5% by chance.
    expect(hotByShare(1, 0.25, 1.5, { totalRecords: 40, shards: 4 })).toBe(true);
  });

  it('is the rule keys analyze applies to every shard', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 4, maxLength: 4 }), fc.double({ min: 1.01, max: 4, noNaN: true }), (counts, hotRatio) => {
        // k0 to k3 land on the four shards, one each.
        const rows = counts.flatMap((n, i) => (n > 0 ? [`k${i},${n}`] : []));
        if (rows.length === 0) return;
        const { acc } = scanText(`partition_key,count\n${rows.join('\n')}\n`, { format: 'csv' });
        const a = analyze(acc, { hotRatio, top: 3, sampleRate: 1, salt: undefined, measure: 'records', hasBytes: false });
        const total = counts.reduce((x, y) => x + y, 0);
        for (let i = 0; i < 4; i++) {
          const share = acc.shardRecords[i]! / total;
          expect(a.shards[i]!.reasons.includes('share')).toBe(hotByShare(share, 0.25, hotRatio, { totalRecords: total, shards: 4 }));
        }
      }),
    );
  });
});
