/**
 * Scoring a session. A right answer counts as right even when hints were used (the summary says how
 * many needed one, and the Leitner box does not move up for them); a revealed answer counts as wrong.
 * When an exam is submitted or its time runs out, unanswered questions count against the score, as
 * in the real exam; when the learner stops with Ctrl+C, only the answers given are scored.
 */
import { grade, type Grade, type PresentedQuestion } from './present.js';
import type { AnswerEvent, SessionEnd, SessionMode, SessionRecord } from './progress.js';
import type { Question } from './question.js';
import { topicOrder, type Topic } from './topics.js';

export interface AnsweredQuestion {
  readonly presented: PresentedQuestion;
  readonly grade: Grade;
  readonly hintsUsed: number;
  /** The learner asked to see the answer instead of answering: graded wrong. */
  readonly revealed: boolean;
  /** An exam question left unanswered when the exam was submitted or the time ran out. */
  readonly unanswered?: boolean;
}

export interface TopicScore {
  readonly topic: Topic;
  readonly asked: number;
  readonly right: number;
  readonly hintsUsed: number;
}

export interface SessionSummary {
  readonly mode: SessionMode;
  readonly ended: SessionEnd;
  /** Questions the session held. */
  readonly questions: number;
  readonly answered: number;
  readonly right: number;
  /** Of the right answers, those given after a hint. */
  readonly rightWithHints: number;
  readonly hintsUsed: number;
  /** What the score is out of: the answers given, or every question when an exam ran out of time. */
  readonly outOf: number;
  /** right / outOf, from 0 to 1; undefined when nothing was answered. */
  readonly score: number | undefined;
  /** Per topic, in course order; unanswered questions count only when the whole session is scored. */
  readonly topics: readonly TopicScore[];
  /** Answered wrong or revealed, in the order asked. */
  readonly missed: readonly AnsweredQuestion[];
  readonly unanswered: readonly Question[];
  /**
   * What the exam review shows in full, in the order of the session: the missed questions and,
   * when unanswered questions count, those too (marked unanswered, graded with no letters).
   */
  readonly review: readonly AnsweredQuestion[];
}

/** Does this ending score the whole session (unanswered questions counting as wrong)? */
export function scoresEveryQuestion(mode: SessionMode, ended: SessionEnd): boolean {
  return mode === 'exam' && (ended === 'time' || ended === 'finished');
}

/**
 * The summary of a session. `present` shows an unanswered question the way the session showed it
 * (the same option letters), for the review of an exam that counts it.
 */
export function summarizeSession(
  mode: SessionMode,
  questions: readonly Question[],
  answers: readonly AnsweredQuestion[],
  ended: SessionEnd,
  present?: (question: Question) => PresentedQuestion,
): SessionSummary {
  const right = answers.filter((a) => a.grade.right);
  const answeredIds = new Set(answers.map((a) => a.presented.question.id));
  const unanswered = questions.filter((q) => !answeredIds.has(q.id));
  const whole = scoresEveryQuestion(mode, ended);
  const skipped: AnsweredQuestion[] =
    whole && present
      ? unanswered.map((q) => {
          const presented = present(q);
          return { presented, grade: grade(presented, []), hintsUsed: 0, revealed: false, unanswered: true };
        })
      : [];
  const byTopic = new Map<Topic, { asked: number; right: number; hintsUsed: number }>();
  const count = (topic: Topic, isRight: boolean, hints: number): void => {
    const entry = byTopic.get(topic) ?? { asked: 0, right: 0, hintsUsed: 0 };
    entry.asked++;
    if (isRight) entry.right++;
    entry.hintsUsed += hints;
    byTopic.set(topic, entry);
  };
  for (const a of answers) count(a.presented.question.topic, a.grade.right, a.hintsUsed);
  if (whole) for (const q of unanswered) count(q.topic, false, 0);
  const outOf = whole ? questions.length : answers.length;
  const missed = answers.filter((a) => !a.grade.right);
  const position = new Map(questions.map((q, i) => [q.id, i]));
  const review = [...missed, ...skipped].sort(
    (a, b) => (position.get(a.presented.question.id) ?? 0) - (position.get(b.presented.question.id) ?? 0),
  );
  return {
    mode,
    ended,
    questions: questions.length,
    answered: answers.length,
    right: right.length,
    rightWithHints: right.filter((a) => a.hintsUsed > 0).length,
    hintsUsed: answers.reduce((sum, a) => sum + a.hintsUsed, 0),
    outOf,
    score: outOf === 0 ? undefined : right.length / outOf,
    topics: [...byTopic]
      .sort(([a], [b]) => topicOrder(a, b))
      .map(([topic, s]) => ({ topic, ...s })),
    missed,
    unanswered,
    review,
  };
}

/** The progress-file event for one answer. */
export function answerEvent(answer: AnsweredQuestion, at: number): AnswerEvent {
  const { question } = answer.presented;
  return {
    id: question.progressId ?? question.id,
    topic: question.topic,
    right: answer.grade.right,
    hintsUsed: answer.hintsUsed,
    at,
  };
}

/** The history entry for a session. */
export function sessionRecord(summary: SessionSummary, at: number): SessionRecord {
  return {
    at: new Date(at).toISOString(),
    mode: summary.mode,
    questions: summary.questions,
    answered: summary.answered,
    right: summary.right,
    hintsUsed: summary.hintsUsed,
    ended: summary.ended,
  };
}
