import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueAfter, FIRST_BOX, LAST_BOX, nextBox, REVIEW_AFTER_DAYS } from '../../../src/core/quiz/leitner.js';

const DAY = 86_400_000;

describe('Leitner boxes', () => {
  it.each([
    [undefined, true, 0, 2],
    [undefined, false, 0, 1],
    [undefined, true, 1, 1],
    [1, true, 0, 2],
    [3, true, 0, 4],
    [5, true, 0, 5],
    [4, false, 0, 1],
    [4, true, 2, 4],
    [5, false, 0, 1],
  ] as const)('from box %s, right=%s with %i hints -> box %i', (box, right, hintsUsed, expected) => {
    expect(nextBox(box, { right, hintsUsed })).toBe(expected);
  });

  it('brings a question back at once from box 1, after 1, 3, 7 and 14 days from the higher boxes', () => {
    const t = Date.UTC(2026, 10, 25, 12);
    expect(REVIEW_AFTER_DAYS).toEqual([0, 1, 3, 7, 14]);
    expect([1, 2, 3, 4, 5].map((box) => (dueAfter(box, t) - t) / DAY)).toEqual([0, 1, 3, 7, 14]);
  });

  it('always lands in a box from 1 to 5, and a miss always sends it to box 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ right: fc.boolean(), hintsUsed: fc.integer({ min: 0, max: 3 }) }), { maxLength: 30 }),
        (outcomes) => {
          let box: number | undefined;
          for (const outcome of outcomes) {
            box = nextBox(box, outcome);
            expect(box).toBeGreaterThanOrEqual(FIRST_BOX);
            expect(box).toBeLessThanOrEqual(LAST_BOX);
            if (!outcome.right) expect(box).toBe(FIRST_BOX);
          }
        },
      ),
    );
  });

  it('reaches the last box after four clean right answers, and a missed question comes back sooner than a known one', () => {
    let box: number | undefined;
    for (let i = 0; i < 4; i++) box = nextBox(box, { right: true, hintsUsed: 0 });
    expect(box).toBe(LAST_BOX);
    const t = 0;
    expect(dueAfter(nextBox(box, { right: false, hintsUsed: 0 }), t)).toBeLessThan(dueAfter(box ?? 1, t));
  });
});
