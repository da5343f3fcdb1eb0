/**
 * Generated drills, made into quiz questions: the quiz asks, grades and records them like bank
 * questions. A drill is fully determined by its kind and seed, so its id ("drill-size-42") is
 * enough to ask it again or grade an answer to it later.
 */
import type { Question } from '../core/quiz/question.js';
import { hashString, seededRandom } from '../core/quiz/random.js';
import { isTopic } from '../core/quiz/topics.js';
import { compareDrill } from './compare.js';
import { keysDrill } from './keys.js';
import { sizeDrill } from './size.js';
import { DRILL_KINDS, parseDrillId, type Drill, type DrillKind } from './types.js';

export { DRILL_KINDS, parseDrillId, type Drill, type DrillKind };

const GENERATORS: Readonly<Record<DrillKind, (random: () => number, seed: number) => Drill>> = {
  size: sizeDrill,
  keys: keysDrill,
  compare: compareDrill,
};

export function generateDrill(kind: DrillKind, seed: number): Drill {
  return GENERATORS[kind](seededRandom(seed), seed);
}

/** The drill as a quiz question: progress for all drills of a kind is kept under "drill-<kind>". */
export function drillQuestion(drill: Drill): Question {
  if (!isTopic(drill.topic)) throw new Error(`drill topic ${drill.topic} is not a quiz topic`);
  return {
    id: drill.id,
    progressId: `drill-${drill.kind}`,
    // Shard counts and shard ids read best in order; a service list may be shuffled.
    fixedOrder: drill.kind !== 'compare',
    topic: drill.topic,
    difficulty: 'medium',
    prompt: drill.prompt,
    options: drill.options,
    hints: [],
    explanation: drill.explanation,
    sources: [],
    try: drill.try,
  };
}

/** The seeds of the drills a session mixes in: derived from the session seed, so --seed repeats them. */
export function sessionDrillSeed(sessionSeed: number, index: number): number {
  return hashString(`${sessionSeed}:drill:${index}`);
}

/** The drills of a session: kinds taken in turn, seeds derived from the session seed. */
export function sessionDrills(count: number, kinds: readonly DrillKind[], sessionSeed: number): Question[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length];
    if (kind === undefined) throw new RangeError('no drill kind');
    return drillQuestion(generateDrill(kind, sessionDrillSeed(sessionSeed, i)));
  });
}

/** Spreads extra items evenly among the main ones, keeping both orders: a, X, b, c, X, d... */
export function interleave<T>(main: readonly T[], extra: readonly T[]): T[] {
  const total = main.length + extra.length;
  const out: T[] = [];
  let m = 0;
  let e = 0;
  for (let i = 0; i < total; i++) {
    const extrasByNow = Math.round(((i + 1) * extra.length) / total);
    const next = e < extrasByNow ? extra[e++] : main[m++];
    if (next !== undefined) out.push(next);
  }
  return out;
}
