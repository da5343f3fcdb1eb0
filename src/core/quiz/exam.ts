/**
 * An exam in progress, as the real exam platforms run one: the learner moves back and forth
 * between questions, answers them in any order, changes answers, flags questions for review, and
 * submits from a review screen. Pure transitions; the session asks and prints.
 */

/** Where the learner is: on a question (its index) or on the review screen. */
export type ExamPosition = number | 'review';

export interface ExamState {
  readonly count: number;
  readonly position: ExamPosition;
  /** Per question, the letters chosen; undefined while unanswered. */
  readonly answers: readonly (readonly string[] | undefined)[];
  readonly flagged: readonly boolean[];
}

export function startExam(count: number): ExamState {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`an exam needs at least one question, got ${count}`);
  return {
    count,
    position: 0,
    answers: Array.from({ length: count }, () => undefined),
    flagged: Array.from({ length: count }, () => false),
  };
}

function at(state: ExamState): number {
  if (state.position === 'review') throw new Error('no question is open on the review screen');
  return state.position;
}

/** The question after index, or the review screen after the last one. */
function after(state: ExamState, index: number): ExamPosition {
  return index + 1 < state.count ? index + 1 : 'review';
}

/** Records the answer to the open question and moves on, as the exam platforms do. */
export function answerQuestion(state: ExamState, letters: readonly string[]): ExamState {
  const index = at(state);
  const answers = state.answers.map((a, i) => (i === index ? [...letters] : a));
  return { ...state, answers, position: after(state, index) };
}

export function toggleFlag(state: ExamState): ExamState {
  const index = at(state);
  return { ...state, flagged: state.flagged.map((f, i) => (i === index ? !f : f)) };
}

export function nextQuestion(state: ExamState): ExamState {
  return { ...state, position: after(state, at(state)) };
}

/** The question before; from the first question, nowhere. */
export function previousQuestion(state: ExamState): ExamState {
  const index = at(state);
  return index === 0 ? state : { ...state, position: index - 1 };
}

export function openReview(state: ExamState): ExamState {
  return { ...state, position: 'review' };
}

export function goTo(state: ExamState, index: number): ExamState {
  if (!Number.isInteger(index) || index < 0 || index >= state.count) throw new RangeError(`no question ${index + 1} in this exam`);
  return { ...state, position: index };
}

export interface ExamCounts {
  readonly answered: number;
  readonly unanswered: number;
  readonly flagged: number;
}

export function examCounts(state: ExamState): ExamCounts {
  const answered = state.answers.filter((a) => a !== undefined).length;
  return { answered, unanswered: state.count - answered, flagged: state.flagged.filter(Boolean).length };
}
