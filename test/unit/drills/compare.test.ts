import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_NAMES } from '../../../src/core/compare/candidates.js';
import { recommend } from '../../../src/core/compare/recommend.js';
import { EMPTY_WORKLOAD, type Workload } from '../../../src/core/compare/workload.js';
import { seededRandom } from '../../../src/core/quiz/random.js';
import { compareDrill, describeWorkload } from '../../../src/drills/compare.js';

describe('compare drills', () => {
  it("states the advisor's own pick for the drill's workload, whatever the seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const drill = compareDrill(seededRandom(seed), seed);
        const workload = { ...EMPTY_WORKLOAD, ...drill.inputs } as Workload;
        const pick = recommend(workload, { headroom: 0.25 }).recommendation;
        const correct = drill.options.filter((o) => o.correct);
        expect(correct).toHaveLength(1);
        expect(pick).toBeDefined();
        expect(correct[0]?.text).toBe(`${CANDIDATE_NAMES[pick!]} (${pick})`);
      }),
      { numRuns: 60 },
    );
  });

  it('offers only ruled-out services as distractors, each with the reason it is ruled out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const drill = compareDrill(seededRandom(seed), seed);
        const result = recommend({ ...EMPTY_WORKLOAD, ...drill.inputs } as Workload, { headroom: 0.25 });
        const ruledOut = new Set(result.eliminated.map((e) => `${CANDIDATE_NAMES[e.id]} (${e.id})`));
        expect(drill.options).toHaveLength(4);
        for (const o of drill.options.filter((x) => !x.correct)) {
          expect(ruledOut.has(o.text)).toBe(true);
          expect(o.why).toMatch(/^Ruled out: /);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('describes a workload in plain words', () => {
    const w: Workload = { ...EMPTY_WORKLOAD, consumers: 3, replayDays: 7, ordering: 'per-key', mbps: 12 };
    expect(describeWorkload(w)).toBe(
      '3 independent applications each need every message; they must be able to re-read the last 7 days; ' +
        'messages with the same key must stay in order; about 12 MiB/s is written. Which service fits best?',
    );
  });
});
