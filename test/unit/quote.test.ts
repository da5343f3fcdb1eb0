import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeColumns } from '../../src/core/keys/columns.js';
import { unknownShardError } from '../../src/core/keys/errors.js';
import { cutMiddle, quoted } from '../../src/core/quote.js';
import { echoValue } from '../../src/render/escape.js';
import { scanText } from './keys/helpers.js';

describe('cutMiddle and quoted', () => {
  it('keep a short value whole and cut a long one to max characters around an ellipsis', () => {
    expect(quoted('order-17')).toBe('"order-17"');
    expect(cutMiddle('abcdefghij', 5)).toBe('abc\u2026j');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 80 }), (text, max) => {
        const cut = cutMiddle(text, max);
        const length = Array.from(text).length;
        if (length <= max) expect(cut).toBe(text);
        else expect(Array.from(cut)).toHaveLength(max);
      }),
    );
  });

  it('cut as echoValue cuts, so that a value reads the same in every message', () => {
    const long = 'k'.repeat(50) + 'z'.repeat(50);
    expect(echoValue(long)).toBe(cutMiddle(long));
  });

  it('are what the keys messages use for names and shard ids', () => {
    expect(describeColumns(['a'.repeat(100), 'b'])).toBe(`${quoted('a'.repeat(100), 40)}, "b"`);
    const long = `${'1'.repeat(30)}x${'2'.repeat(30)}`;
    const { acc } = scanText(`partition_key,bytes\na,${long}\n`, { format: 'csv' });
    expect(acc.malformedExamples[0]?.reason).toBe(`the bytes field ${quoted(long, 40)} is not a whole number`);
    // A saved read's shard id, too long and unknown: cut as the live read's records cut it (record-feed.ts).
    const id = `shardId-${'9'.repeat(92)}`;
    expect(() => scanText(`partition_key,shard_id\na,${id}\n`, { format: 'csv' })).toThrow(unknownShardError(id, 2, 4).message);
    const ehk = '1'.repeat(60);
    expect(scanText(`partition_key,explicit_hash_key\na,${ehk}\n`, { format: 'csv' }).acc.malformedExamples[0]?.reason).toContain(`the explicit hash key ${quoted(ehk, 48)} is invalid: `);
    expect(unknownShardError('s'.repeat(100), 3, 4).message).toBe(
      `line 3: the record was read from shard ${quoted('s'.repeat(100), 48)}, which is not one of the 4 open shards here: pass the --shard-map of the stream it was read from`,
    );
  });
});
