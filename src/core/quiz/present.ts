/**
 * A question as shown to the learner: its options in display order, each lettered, with the file
 * index kept so that the answer stays tracked however the options were shuffled. Grading works on
 * the display letters.
 */
import { correctCount, letterAt, type Question } from './question.js';
import { hashString, seededRandom, shuffle } from './random.js';

export interface PresentedOption {
  /** The letter shown to the learner. */
  readonly letter: string;
  /** Position of the option in the question's own list (file order). */
  readonly index: number;
  readonly text: string;
  readonly correct: boolean;
  readonly why?: string;
}

export interface PresentedQuestion {
  readonly question: Question;
  /** In display order, lettered A, B, C... */
  readonly options: readonly PresentedOption[];
}

function present(question: Question, order: readonly number[]): PresentedQuestion {
  return {
    question,
    options: order.map((index, position) => {
      const option = question.options[index];
      if (!option) throw new RangeError(`question ${question.id} has no option ${index}`);
      return { letter: letterAt(position), index, ...option };
    }),
  };
}

/** File order: the letters of `kds quiz show` and `kds quiz answer`. */
export function presentInFileOrder(question: Question): PresentedQuestion {
  return present(question, question.options.map((_, i) => i));
}

/**
 * Options shuffled by a seed. The order depends only on the seed and the question id, so a
 * question looks the same under the same seed whatever else the session holds.
 */
export function presentShuffled(question: Question, seed: number): PresentedQuestion {
  if (question.fixedOrder) return presentInFileOrder(question);
  const random = seededRandom(hashString(`${seed}:${question.id}`));
  return present(question, shuffle(question.options.map((_, i) => i), random));
}

/** How many options the learner must pick. */
export function picksExpected(presented: PresentedQuestion): number {
  return correctCount(presented.question);
}

export type LetterParse =
  | { readonly ok: true; readonly letters: readonly string[] }
  | { readonly ok: false; readonly invalid: readonly string[]; readonly valid: readonly string[] };

/**
 * Reads letters as typed: case-insensitive, one per argument or run together ("AC", "a,c", "a c").
 * Returns them sorted and unique, or the ones that name no option.
 */
export function parseLetters(presented: PresentedQuestion, raw: readonly string[]): LetterParse {
  const valid = presented.options.map((o) => o.letter);
  const letters = new Set<string>();
  const invalid: string[] = [];
  for (const arg of raw) {
    for (const token of arg.split(/[\s,]+/).filter((t) => t.length > 0)) {
      const chars = /^[a-z]+$/i.test(token) ? [...token] : [token];
      for (const char of chars) {
        const letter = char.toUpperCase();
        if (valid.includes(letter)) letters.add(letter);
        else invalid.push(char);
      }
    }
  }
  if (invalid.length > 0 || letters.size === 0) return { ok: false, invalid, valid };
  return { ok: true, letters: [...letters].sort() };
}

export interface Grade {
  readonly right: boolean;
  /** What the learner picked, sorted display letters. */
  readonly chosen: readonly string[];
  /** The right answer, display letters. */
  readonly correct: readonly string[];
  /** Picked but wrong: their `why` is the feedback that names the mistake. */
  readonly wrongPicks: readonly PresentedOption[];
  /** Right but not picked (multiple-answer questions). */
  readonly missed: readonly PresentedOption[];
}

/** Right means exactly the correct set: no partial credit, as in the certification exams. */
export function grade(presented: PresentedQuestion, letters: readonly string[]): Grade {
  const chosen = [...new Set(letters.map((l) => l.toUpperCase()))].sort();
  const picked = (o: PresentedOption): boolean => chosen.includes(o.letter);
  const correct = presented.options.filter((o) => o.correct).map((o) => o.letter);
  const wrongPicks = presented.options.filter((o) => picked(o) && !o.correct);
  const missed = presented.options.filter((o) => !picked(o) && o.correct);
  const unknown = chosen.filter((l) => !presented.options.some((o) => o.letter === l));
  return {
    right: wrongPicks.length === 0 && missed.length === 0 && unknown.length === 0,
    chosen,
    correct,
    wrongPicks,
    missed,
  };
}
