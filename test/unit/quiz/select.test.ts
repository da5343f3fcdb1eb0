import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, recordAnswer, type ProgressState } from '../../../src/core/quiz/progress.js';
import type { Question } from '../../../src/core/quiz/question.js';
import { filterQuestions, selectQuestions, type Selection } from '../../../src/core/quiz/select.js';
import { question } from '../../helpers/quiz.js';

const T = Date.UTC(2026, 10, 25, 12);
const DAY = 86_400_000;

const bank: Question[] = [
  question({ id: 'capacity-001', topic: 'capacity', difficulty: 'easy' }),
  question({ id: 'capacity-002', topic: 'capacity', difficulty: 'hard' }),
  question({ id: 'consumers-001', topic: 'consumers', difficulty: 'easy' }),
  question({ id: 'consumers-002', topic: 'consumers', difficulty: 'medium' }),
  question({ id: 'cost-001', topic: 'cost', difficulty: 'hard' }),
  question({ id: 'cost-002', topic: 'cost', difficulty: 'medium' }),
];

const base: Selection = { count: 10, seed: 1, focus: 'all', progress: emptyProgress(), now: T };
const ids = (qs: readonly Question[]): string[] => qs.map((q) => q.id);

describe('filtering', () => {
  it('keeps the topics and difficulties asked for; none asked means all', () => {
    expect(ids(filterQuestions(bank, {}))).toHaveLength(6);
    expect(ids(filterQuestions(bank, { topics: ['cost'] }))).toEqual(['cost-001', 'cost-002']);
    expect(ids(filterQuestions(bank, { topics: ['capacity', 'cost'], difficulties: ['hard'] }))).toEqual(['capacity-002', 'cost-001']);
    expect(filterQuestions(bank, { topics: ['security'] })).toEqual([]);
  });
});

describe('selecting a session', () => {
  it('takes at most --count, no repeats, all from the pool, and the same seed gives the same order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (count, seed) => {
        const chosen = selectQuestions(bank, { ...base, count, seed });
        expect(chosen).toHaveLength(Math.min(count, bank.length));
        expect(new Set(ids(chosen)).size).toBe(chosen.length);
        expect(ids(selectQuestions(bank, { ...base, count, seed }))).toEqual(ids(chosen));
      }),
    );
  });

  it('gives another order for another seed', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 10; seed++) orders.add(ids(selectQuestions(bank, { ...base, seed })).join());
    expect(orders.size).toBeGreaterThan(1);
  });

  it('--review asks only what was missed last time', () => {
    let progress: ProgressState = emptyProgress();
    progress = recordAnswer(progress, { id: 'capacity-001', topic: 'capacity', right: false, hintsUsed: 0, at: T });
    progress = recordAnswer(progress, { id: 'cost-001', topic: 'cost', right: false, hintsUsed: 0, at: T });
    progress = recordAnswer(progress, { id: 'cost-001', topic: 'cost', right: true, hintsUsed: 0, at: T + 1 });
    progress = recordAnswer(progress, { id: 'cost-002', topic: 'cost', right: true, hintsUsed: 0, at: T });
    expect(ids(selectQuestions(bank, { ...base, focus: 'review', progress }))).toEqual(['capacity-001']);
    expect(selectQuestions(bank, { ...base, focus: 'review', progress, topics: ['cost'] })).toEqual([]);
  });

  it('--due asks answered questions whose day has come, the lowest boxes first when --count cuts', () => {
    let progress: ProgressState = emptyProgress();
    const answer = (id: string, right: boolean, at: number): void => {
      progress = recordAnswer(progress, { id, topic: 'capacity', right, hintsUsed: 0, at });
    };
    answer('capacity-001', false, T); // box 1, due at T
    answer('capacity-002', true, T); // box 2, due T + 1 day
    answer('consumers-001', true, T - 10 * DAY); // box 2, due T - 9 days
    answer('consumers-001', true, T - 9 * DAY); // box 3, due T - 6 days
    answer('cost-001', true, T); // box 2, due T + 1 day
    const due = (now: number, count = 10): string[] => ids(selectQuestions(bank, { ...base, focus: 'due', progress, now, count })).sort();
    expect(due(T)).toEqual(['capacity-001', 'consumers-001']);
    expect(due(T + DAY)).toEqual(['capacity-001', 'capacity-002', 'consumers-001', 'cost-001']);
    expect(due(T + DAY, 1)).toEqual(['capacity-001']);
    expect(due(T + DAY, 3)).toEqual(['capacity-001', 'capacity-002', 'cost-001']);
  });

  it('--due never asks a question that was never answered', () => {
    expect(selectQuestions(bank, { ...base, focus: 'due' })).toEqual([]);
  });
});
