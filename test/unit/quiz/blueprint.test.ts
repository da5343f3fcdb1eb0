/** Exam blueprints: domain weights from the AWS exam guides, and draws in those proportions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, BLUEPRINTS, drawBlueprint } from '../../../src/core/quiz/blueprint.js';
import { TOPICS } from '../../../src/core/quiz/topics.js';
import { question } from '../../helpers/quiz.js';

describe('the exam blueprints', () => {
  it('carry the domain weights of the exam guides, all four domains adding up to 100%', () => {
    const dev = BLUEPRINTS.developer;
    expect(dev.domains.map((d) => [d.name, d.weight])).toEqual([
      ['Development with AWS Services', 0.32],
      ['Security', 0.26],
      ['Troubleshooting and Optimization', 0.18],
    ]);
    expect(dev.leftOut).toEqual([{ name: 'Deployment', weight: 0.24 }]);
    const de = BLUEPRINTS['data-engineer'];
    expect(de.domains.map((d) => [d.name, d.weight])).toEqual([
      ['Data Ingestion and Transformation', 0.34],
      ['Data Store Management', 0.26],
      ['Data Operations and Support', 0.22],
      ['Data Security and Governance', 0.18],
    ]);
    for (const b of Object.values(BLUEPRINTS)) {
      const total = [...b.domains, ...b.leftOut].reduce((sum, d) => sum + d.weight, 0);
      expect(total).toBeCloseTo(1, 10);
      expect(b.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/aws-certification\//);
    }
  });

  it('put every topic in exactly one domain of each blueprint', () => {
    for (const b of Object.values(BLUEPRINTS)) {
      const topics = b.domains.flatMap((d) => d.topics);
      expect([...topics].sort()).toEqual([...TOPICS].sort());
    }
  });
});

describe('apportioning questions to domains', () => {
  it('splits 20 questions by the developer weights scaled over the streaming domains', () => {
    // 32 : 26 : 18 of 76 -> 8.42, 6.84, 4.74 -> 8, 7, 5 by largest remainder.
    expect(apportion(20, [0.32, 0.26, 0.18], [100, 100, 100])).toEqual([8, 7, 5]);
    expect(apportion(65, [0.34, 0.26, 0.22, 0.18], [100, 100, 100, 100])).toEqual([22, 17, 14, 12]);
  });

  it('gives a short domain\'s share to the others, in proportion', () => {
    // Security has 2: the other 18 go 32 : 18 -> 11.52 and 6.48 -> 12 and 6.
    expect(apportion(20, [0.32, 0.26, 0.18], [100, 2, 100])).toEqual([12, 2, 6]);
    expect(apportion(20, [0.5, 0.5], [3, 4])).toEqual([3, 4]);
  });

  it('always hands out min(count, available) questions, never more than a domain has, each within one of its share when none runs short', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 5 }),
        (count, domains) => {
          const weights = domains.map(([w]) => w);
          const available = domains.map(([, a]) => a);
          const counts = apportion(count, weights, available);
          const total = available.reduce((a, b) => a + b, 0);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(Math.min(count, total));
          counts.forEach((n, i) => expect(n).toBeLessThanOrEqual(available[i] ?? 0));
          const open = weights.filter((_, i) => (available[i] ?? 0) > 0);
          const sum = open.reduce((a, b) => a + b, 0);
          // With no domain holding a question there is no share to be near (0 of 0).
          if (sum > 0 && available.every((a) => a >= count)) {
            counts.forEach((n, i) => expect(Math.abs(n - (count * (weights[i] ?? 0)) / sum)).toBeLessThan(1));
          }
        },
      ),
    );
  });
});

describe('drawing a blueprint session', () => {
  const pool = TOPICS.flatMap((topic) =>
    Array.from({ length: 6 }, (_, i) => question({ id: `${topic}-00${i + 1}`, topic })),
  );

  it('draws each domain\'s share (security has only six here: the seventh goes elsewhere), the same for the same seed', () => {
    const draw = drawBlueprint(pool, BLUEPRINTS.developer, 20, 7);
    expect(draw.domains.map((d) => d.questions)).toEqual([9, 6, 5]);
    const security = draw.questions.filter((q) => q.topic === 'security');
    expect(security).toHaveLength(6);
    expect(draw.questions).toHaveLength(20);
    expect(new Set(draw.questions.map((q) => q.id)).size).toBe(20);
    expect(drawBlueprint(pool, BLUEPRINTS.developer, 20, 7).questions.map((q) => q.id)).toEqual(draw.questions.map((q) => q.id));
  });
});
