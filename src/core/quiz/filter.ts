/** Questions of some topics and difficulties: what kds quiz list and a session both narrow a bank to. */
import type { Question } from './question.js';
import type { Difficulty, Topic } from './topics.js';

export interface QuestionFilter {
  /** Empty or undefined: every topic. */
  readonly topics?: readonly Topic[];
  readonly difficulties?: readonly Difficulty[];
}

export function filterQuestions<Q extends Pick<Question, 'topic' | 'difficulty'>>(bank: readonly Q[], filter: QuestionFilter): Q[] {
  const topics = filter.topics ?? [];
  const difficulties = filter.difficulties ?? [];
  return bank.filter(
    (q) => (topics.length === 0 || topics.includes(q.topic)) && (difficulties.length === 0 || difficulties.includes(q.difficulty)),
  );
}
