/** Questions and answers for the quiz tests, built from object literals. */
import fc from 'fast-check';
import { grade, presentShuffled, type PresentedQuestion } from '../../src/core/quiz/present.js';
import type { Question, QuestionOption } from '../../src/core/quiz/question.js';
import type { AnsweredQuestion } from '../../src/core/quiz/session.js';
import { DIFFICULTIES, TOPICS, type Topic } from '../../src/core/quiz/topics.js';

/** A valid single-answer question; override any field. */
export function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'capacity-001',
    topic: 'capacity',
    difficulty: 'easy',
    prompt: 'How much can one shard take?',
    options: [
      { text: '1 MiB/s', correct: true },
      { text: '2 MiB/s', correct: false, why: 'That is the read limit.' },
      { text: '10 MiB/s', correct: false, why: 'That is the largest record.' },
    ],
    hints: ['Think of writes.'],
    explanation: 'A shard takes 1 MiB/s of writes.',
    sources: ['https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html'],
    ...overrides,
  };
}

/** The raw YAML data of a valid question file, as the parser would return it. */
export function rawQuestion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'capacity-001',
    topic: 'capacity',
    difficulty: 'easy',
    prompt: 'How much can one shard take?',
    options: [
      { text: '1 MiB/s', correct: true },
      { text: '2 MiB/s', why: 'That is the read limit.' },
      { text: '10 MiB/s', why: 'That is the largest record.' },
    ],
    hints: ['Think of writes.'],
    explanation: 'A shard takes 1 MiB/s of writes.',
    sources: ['https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html'],
    ...overrides,
  };
}

/** An answered question: presented with a seed and graded. */
export function answered(
  q: Question,
  pick: 'right' | 'wrong',
  extra: { hintsUsed?: number; revealed?: boolean; seed?: number } = {},
): AnsweredQuestion {
  const presented: PresentedQuestion = presentShuffled(q, extra.seed ?? 1);
  const letters =
    pick === 'right'
      ? presented.options.filter((o) => o.correct).map((o) => o.letter)
      : [presented.options.find((o) => !o.correct)?.letter ?? 'A'];
  return {
    presented,
    grade: grade(presented, extra.revealed ? [] : letters),
    hintsUsed: extra.hintsUsed ?? 0,
    revealed: extra.revealed ?? false,
  };
}

/** Any answerable question: 3 to 6 distinct options, at least one right and one wrong. */
export const arbitraryQuestion: fc.Arbitrary<Question> = fc
  .record({
    topic: fc.constantFrom(...TOPICS),
    n: fc.integer({ min: 1, max: 999 }),
    difficulty: fc.constantFrom(...DIFFICULTIES),
    texts: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 3, maxLength: 6 }),
    correctMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ topic, n, difficulty, texts, correctMask }) => {
    const mask = texts.map((_, i) => correctMask[i] === true);
    if (!mask.some(Boolean)) mask[0] = true;
    if (mask.every(Boolean)) mask[mask.length - 1] = false;
    const options: QuestionOption[] = texts.map((text, i) =>
      mask[i] ? { text, correct: true } : { text, correct: false, why: `not ${text}` },
    );
    return question({ id: `${topic}-${String(n).padStart(3, '0')}`, topic: topic as Topic, difficulty, options });
  });
