import type { Random } from '../core/quiz/random.js';

export type { Random };

/** A generated practice problem: shaped like a bank question so the quiz can ask, grade and record it. */
export type DrillKind = 'size' | 'keys' | 'compare';

export const DRILL_KINDS: readonly DrillKind[] = ['size', 'keys', 'compare'];

const DRILL_ID = /^drill-(size|keys|compare)-(\d{1,10})$/;

/** The kind and seed behind a drill id, or undefined when the id is not a drill's. */
export function parseDrillId(id: string): { kind: DrillKind; seed: number } | undefined {
  const match = DRILL_ID.exec(id.trim().toLowerCase());
  if (!match) return undefined;
  const seed = Number(match[2]);
  return seed <= 0xffff_ffff ? { kind: match[1] as DrillKind, seed } : undefined;
}

export interface DrillOption {
  readonly text: string;
  readonly correct: boolean;
  /** For a wrong option: the mistake that leads to it, said to the learner who picked it. */
  readonly why?: string;
}

export interface Drill {
  readonly kind: DrillKind;
  /** Stable for a kind and seed: "drill-size-42". */
  readonly id: string;
  /** The quiz topic the drill practises. */
  readonly topic: string;
  readonly prompt: string;
  /** The calculator inputs that reproduce the answer (for size drills, the kds size flags). */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly options: readonly DrillOption[];
  readonly explanation: string;
  /** The kds command that shows the same answer. */
  readonly try: string;
}

export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}
