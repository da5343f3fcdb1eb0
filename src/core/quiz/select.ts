/** Which questions a session asks, in which order: filters, then review/due, then a seeded shuffle. */
import { isDue, isMissed, recordOf, type ProgressState } from './progress.js';
import type { Question } from './question.js';
import { seededRandom, shuffle } from './random.js';
import { filterQuestions, type QuestionFilter } from './filter.js';

export { filterQuestions, type QuestionFilter };

export type Focus = 'all' | 'review' | 'due';

export interface Selection extends QuestionFilter {
  readonly count: number;
  readonly seed: number;
  /** all: any question; review: missed last time; due: answered before and due by the Leitner boxes. */
  readonly focus: Focus;
  readonly progress: ProgressState;
  /** Milliseconds since the epoch, for `due`. */
  readonly now: number;
}

/**
 * The session's questions. `due` takes the most urgent first (lowest box, then longest overdue) and
 * `review` and `all` take a seeded random sample; the chosen ones are then put in a seeded random
 * order. Same bank, progress, clock and seed: same questions, same order.
 */
export function selectQuestions(bank: readonly Question[], selection: Selection): Question[] {
  const pool = filterQuestions(bank, selection);
  const random = seededRandom(selection.seed);
  let chosen: Question[];
  switch (selection.focus) {
    case 'review':
      chosen = shuffle(
        pool.filter((q) => isMissed(recordOf(selection.progress, q.id))),
        random,
      ).slice(0, selection.count);
      break;
    case 'due': {
      const due = pool.flatMap((q) => {
        const record = recordOf(selection.progress, q.id);
        return record && isDue(record, selection.now) ? [{ q, record }] : [];
      });
      due.sort(
        (a, b) => a.record.box - b.record.box || Date.parse(a.record.due) - Date.parse(b.record.due) || a.q.id.localeCompare(b.q.id),
      );
      chosen = shuffle(
        due.slice(0, selection.count).map((d) => d.q),
        random,
      );
      break;
    }
    case 'all':
      chosen = shuffle(pool, random).slice(0, selection.count);
      break;
  }
  return chosen;
}
