import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESHARD } from '../../../src/core/facts.js';
import { isOneCall, isQuarterMultiple, planReshard } from '../../../src/core/size/reshard.js';

describe('planReshard', () => {
  it('goes from 4 to 8 shards in one call (practice question 1)', () => {
    const plan = planReshard(4, 8);
    expect(plan.steps).toEqual([{ from: 4, to: 8, day: 1, quarterMultiple: true }]);
    expect(plan.direction).toBe('up');
  });

  it('doubles until one more call reaches the target', () => {
    expect(planReshard(4, 20).steps.map((s) => s.to)).toEqual([8, 16, 20]);
  });

  it('halves on the way down, never below half per call', () => {
    expect(planReshard(20, 3).steps.map((s) => s.to)).toEqual([10, 5, 3]);
    expect(planReshard(7, 3).steps.map((s) => s.to)).toEqual([4, 3]);
  });

  it('makes no call when the count is already right', () => {
    expect(planReshard(8, 8)).toMatchObject({ steps: [], direction: 'none', days: 0 });
  });

  it('spreads more than ten calls over several days', () => {
    const plan = planReshard(1, 4096); // 12 doublings
    expect(plan.steps).toHaveLength(12);
    expect(plan.days).toBe(2);
    expect(plan.steps[9]?.day).toBe(1);
    expect(plan.steps[10]?.day).toBe(2);
  });

  it('flags targets that are not a multiple of 25% of the current count', () => {
    expect(isQuarterMultiple(16, 20)).toBe(true);
    expect(isQuarterMultiple(16, 27)).toBe(false);
    expect(isQuarterMultiple(3, 5)).toBe(false);
  });

  it('obeys the UpdateShardCount limits for any pair of counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 20000 }), (current, target) => {
        const plan = planReshard(current, target);
        let at = current;
        for (const step of plan.steps) {
          expect(step.from).toBe(at);
          expect(isOneCall(step.from, step.to)).toBe(true);
          expect(step.to).not.toBe(step.from);
          at = step.to;
        }
        expect(at).toBe(target);
        expect(plan.days).toBe(Math.ceil(plan.steps.length / RESHARD.callsPer24h.value));
      }),
    );
  });

  it('rejects counts that are not positive integers', () => {
    expect(() => planReshard(0, 4)).toThrow(RangeError);
    expect(() => planReshard(4, 2.5)).toThrow(RangeError);
  });
});
