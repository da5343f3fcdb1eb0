/**
 * Exam blueprints: how the AWS certification exams that test Kinesis weight their content domains.
 * `kds quiz --blueprint NAME` draws a session's questions in those proportions, counting only the
 * domains that cover streaming (their weights are scaled to add up to 100%).
 */
import type { Question } from './question.js';
import { seededRandom, shuffle } from './random.js';
import type { Topic } from './topics.js';

export interface BlueprintDomain {
  /** As the exam guide names it. */
  readonly name: string;
  /** The share of scored content the exam guide gives the domain, 0 to 1. */
  readonly weight: number;
  /** The kds topics that the domain's streaming tasks cover. */
  readonly topics: readonly Topic[];
}

export interface Blueprint {
  readonly exam: string;
  /** The exam guide that states the weights. */
  readonly source: string;
  readonly asOf: string;
  readonly domains: readonly BlueprintDomain[];
  /** Domains of the exam guide that cover nothing about streaming, left out of the draw. */
  readonly leftOut: readonly { readonly name: string; readonly weight: number }[];
}

export const BLUEPRINT_NAMES = ['developer', 'data-engineer'] as const;
export type BlueprintName = (typeof BLUEPRINT_NAMES)[number];

export const BLUEPRINTS: Readonly<Record<BlueprintName, Blueprint>> = {
  developer: {
    exam: 'AWS Certified Developer - Associate (DVA-C02)',
    source: 'https://docs.aws.amazon.com/aws-certification/latest/developer-associate-02/developer-associate-02.html',
    asOf: '2026-11-25',
    domains: [
      {
        name: 'Development with AWS Services',
        weight: 0.32,
        topics: ['capacity', 'partition-keys', 'producers', 'consumers', 'retention', 'resharding', 'firehose', 'kds-vs-sqs', 'integrations'],
      },
      { name: 'Security', weight: 0.26, topics: ['security'] },
      { name: 'Troubleshooting and Optimization', weight: 0.18, topics: ['errors', 'monitoring', 'cost'] },
    ],
    leftOut: [{ name: 'Deployment', weight: 0.24 }],
  },
  'data-engineer': {
    exam: 'AWS Certified Data Engineer - Associate (DEA-C01)',
    source: 'https://docs.aws.amazon.com/aws-certification/latest/data-engineer-associate-01/data-engineer-associate-01.html',
    asOf: '2026-11-25',
    domains: [
      { name: 'Data Ingestion and Transformation', weight: 0.34, topics: ['producers', 'partition-keys', 'consumers', 'firehose', 'integrations'] },
      { name: 'Data Store Management', weight: 0.26, topics: ['capacity', 'retention', 'resharding', 'kds-vs-sqs'] },
      { name: 'Data Operations and Support', weight: 0.22, topics: ['monitoring', 'errors', 'cost'] },
      { name: 'Data Security and Governance', weight: 0.18, topics: ['security'] },
    ],
    leftOut: [],
  },
};

/**
 * How many questions each domain gets: the domain weights scaled over the domains drawn from,
 * rounded by largest remainder so that the counts add up to `count`. A domain with fewer questions
 * than its share gives the rest to the others, in proportion.
 */
export function apportion(count: number, weights: readonly number[], available: readonly number[]): number[] {
  const counts = weights.map(() => 0);
  let left = Math.min(count, available.reduce((a, b) => a + b, 0));
  let open = weights.map((w, i) => w > 0 && (available[i] ?? 0) > 0);
  while (left > 0 && open.some(Boolean)) {
    const total = weights.reduce((sum, w, i) => sum + (open[i] ? w : 0), 0);
    const exact = weights.map((w, i) => (open[i] ? (left * w) / total : 0));
    const floors = exact.map((e, i) => Math.min(Math.floor(e), (available[i] ?? 0) - (counts[i] ?? 0)));
    let given = floors.reduce((a, b) => a + b, 0);
    const order = exact
      .map((e, i) => ({ i, rest: e - Math.floor(e) }))
      .filter(({ i }) => open[i] && (floors[i] ?? 0) < (available[i] ?? 0) - (counts[i] ?? 0))
      .sort((a, b) => b.rest - a.rest || a.i - b.i);
    for (const { i } of order) {
      if (given >= left) break;
      floors[i] = (floors[i] ?? 0) + 1;
      given++;
    }
    floors.forEach((n, i) => (counts[i] = (counts[i] ?? 0) + n));
    left -= given;
    open = open.map((o, i) => o && (counts[i] ?? 0) < (available[i] ?? 0));
    if (given === 0) break;
  }
  return counts;
}

export interface BlueprintDraw {
  readonly questions: readonly Question[];
  /** Per domain: its name, its scaled weight, and how many questions it got. */
  readonly domains: readonly { readonly name: string; readonly share: number; readonly questions: number }[];
}

/** Draws `count` questions from the pool in the blueprint's proportions, in a seeded order. */
export function drawBlueprint(pool: readonly Question[], blueprint: Blueprint, count: number, seed: number): BlueprintDraw {
  const random = seededRandom(seed);
  const byDomain = blueprint.domains.map((d) => shuffle(pool.filter((q) => d.topics.includes(q.topic)), random));
  const weights = blueprint.domains.map((d) => d.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = apportion(count, weights, byDomain.map((qs) => qs.length));
  const chosen = byDomain.flatMap((qs, i) => qs.slice(0, counts[i] ?? 0));
  return {
    questions: shuffle(chosen, random),
    domains: blueprint.domains.map((d, i) => ({ name: d.name, share: d.weight / total, questions: counts[i] ?? 0 })),
  };
}
