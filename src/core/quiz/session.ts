/**
 * Scoring a session. A right answer counts as right even when hints were used (the summary says how
 * many needed one, and the Leitner box does not move up for them); a revealed answer counts as wrong.
 * When time runs out in an exam, unanswered questions count against the score, as in the real exam;
 * when the learner stops with Ctrl+C, only the answers given are scored.
 */
import type { Grade, PresentedQuestion } from './present.js';
import type { AnswerEvent, SessionEnd, SessionMode, SessionRecord } from './progress.js';
import type { Question } from './question.js';
import { topicOrder, type Topic } from './topics.js';

export interface AnsweredQuestion {
  readonly presented: PresentedQuestion;
  readonly grade: Grade;
  readonly hintsUsed: number;
  /** The learner asked to see the answer instead of answering: graded wrong. */
  readonly revealed: boolean;
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
  /** Per topic, in course order; unanswered questions are not counted. */
  readonly topics: readonly TopicScore[];
  /** Answered wrong or revealed, in the order asked. */
  readonly missed: readonly AnsweredQuestion[];
  readonly unanswered: readonly Question[];
}

export function summarizeSession(
  mode: SessionMode,
  questions: readonly Question[],
  answers: readonly AnsweredQuestion[],
  ended: SessionEnd,
): SessionSummary {
  const right = answers.filter((a) => a.grade.right);
  const answeredIds = new Set(answers.map((a) => a.presented.question.id));
  const byTopic = new Map<Topic, { asked: number; right: number; hintsUsed: number }>();
  for (const a of answers) {
    const topic = a.presented.question.topic;
    const entry = byTopic.get(topic) ?? { asked: 0, right: 0, hintsUsed: 0 };
    entry.asked++;
    if (a.grade.right) entry.right++;
    entry.hintsUsed += a.hintsUsed;
    byTopic.set(topic, entry);
  }
  const outOf = mode === 'exam' && ended === 'time' ? questions.length : answers.length;
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
    missed: answers.filter((a) => !a.grade.right),
    unanswered: questions.filter((q) => !answeredIds.has(q.id)),
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
