/**
 * A quiz question as the engine sees it, whether it came from a bank file or was generated.
 * Everything downstream (presenting, grading, feedback, progress) works on this shape only.
 */
import type { Difficulty, Topic } from './topics.js';

export interface QuestionOption {
  readonly text: string;
  readonly correct: boolean;
  /** Why this option is right, or why a tempting wrong option is wrong (the feedback for picking it). */
  readonly why?: string;
}

export interface Question {
  /** Stable id: progress is kept under it. Bank ids look like "capacity-001". */
  readonly id: string;
  readonly topic: Topic;
  readonly difficulty: Difficulty;
  readonly prompt: string;
  /** In file order; the letters A, B, C... of `kds quiz show` and `kds quiz answer` follow this order. */
  readonly options: readonly QuestionOption[];
  /** Gentle to strong; may be empty for generated questions. */
  readonly hints: readonly string[];
  readonly explanation: string;
  /** Documentation URLs; may be empty for generated questions. */
  readonly sources: readonly string[];
  /** The kds command that lets the learner see the answer, e.g. "kds size --mbps 6". */
  readonly try?: string;
  /**
   * Named sets the question belongs to, each with its place in the set (1, 2, 3...):
   * `kds quiz --set practice` asks the set's questions in that order.
   */
  readonly sets?: Readonly<Record<string, number>>;
  /**
   * The id progress is recorded under, when it differs from `id`: a generated drill has a unique
   * `id` in its session (say "drill-size-42-3") but is recorded under its kind ("drill-size").
   */
  readonly progressId?: string;
  /** Keep the options in file order in sessions (a drill's shard counts read best in order). */
  readonly fixedOrder?: boolean;
}

export const MIN_OPTIONS = 3;
export const MAX_OPTIONS = 6;
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export function letterAt(index: number): string {
  const letter = LETTERS[index];
  if (letter === undefined) throw new RangeError(`no letter for option ${index + 1}`);
  return letter;
}

export function correctCount(question: Question): number {
  return question.options.filter((o) => o.correct).length;
}

export function isMultipleAnswer(question: Question): boolean {
  return correctCount(question) > 1;
}

/** The correct letters in file order: ["A"], ["B", "D"]. */
export function correctLetters(question: Question): string[] {
  return question.options.flatMap((o, i) => (o.correct ? [letterAt(i)] : []));
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'] as const;

/** "two" for 2: the word used in "(Choose two.)". */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}
