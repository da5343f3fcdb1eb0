/** kds quiz's JSON shapes for scripts. Plain data: no colour, no wrapping. */
import type { Grade, PresentedQuestion } from '../core/quiz/present.js';
import type { ProgressStats } from '../core/quiz/progress.js';
import { correctCount, type Question } from '../core/quiz/question.js';
import type { Drill } from '../drills/types.js';

export interface ListedQuestionJson {
  readonly id: string;
  readonly topic: string;
  readonly difficulty: string;
  readonly prompt: string;
}

export function listJson(questions: readonly Pick<Question, 'id' | 'topic' | 'difficulty' | 'prompt'>[]): ListedQuestionJson[] {
  return questions.map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, prompt: q.prompt }));
}

/**
 * `kds quiz show ID --json`: the question and its lettered options, plus `choose` (how many letters
 * the answer has). With the answer: `correct` letters, `explanation`, `sources`, `hints`, `try`, and
 * each option's `why`.
 */
export function questionJson(presented: PresentedQuestion, withAnswer: boolean): Record<string, unknown> {
  const q = presented.question;
  const base = {
    id: q.id,
    topic: q.topic,
    difficulty: q.difficulty,
    prompt: q.prompt,
    choose: correctCount(q),
  };
  if (!withAnswer) {
    return { ...base, options: presented.options.map((o) => ({ letter: o.letter, text: o.text })) };
  }
  return {
    ...base,
    options: presented.options.map((o) => ({ letter: o.letter, text: o.text, ...(o.why ? { why: o.why } : {}) })),
    correct: presented.options.filter((o) => o.correct).map((o) => o.letter),
    explanation: q.explanation,
    sources: [...q.sources],
    hints: [...q.hints],
    ...(q.try ? { try: q.try } : {}),
  };
}

/** `kds quiz answer ID LETTER... --json`. */
export function answerJson(presented: PresentedQuestion, grade: Grade): Record<string, unknown> {
  const q = presented.question;
  return {
    id: q.id,
    right: grade.right,
    chosen: [...grade.chosen],
    correct: [...grade.correct],
    explanation: q.explanation,
    sources: [...q.sources],
    ...(q.try ? { try: q.try } : {}),
  };
}

export function statsJson(stats: ProgressStats, file: string): Record<string, unknown> {
  return { file, ...stats };
}

export interface CheckJsonProblem {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export function checkJson(
  dir: string,
  files: number,
  questions: number,
  problems: readonly CheckJsonProblem[],
  warnings: readonly string[],
): Record<string, unknown> {
  return { dir, files, questions, problems, warnings };
}

/** `kds quiz drill KIND --json`: the generated problem, its inputs and its key. */
export function drillJson(drill: Drill, presented: PresentedQuestion, seed: number): Record<string, unknown> {
  return {
    kind: drill.kind,
    id: drill.id,
    seed,
    topic: drill.topic,
    prompt: drill.prompt,
    inputs: drill.inputs,
    options: presented.options.map((o) => ({ letter: o.letter, text: o.text, ...(o.why ? { why: o.why } : {}) })),
    correct: presented.options.filter((o) => o.correct).map((o) => o.letter),
    explanation: drill.explanation,
    try: drill.try,
  };
}
