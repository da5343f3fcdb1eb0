/** The exam state: moving back and forth, answering in any order, flags and the review counts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerQuestion,
  examCounts,
  goTo,
  nextQuestion,
  openReview,
  previousQuestion,
  startExam,
  toggleFlag,
} from '../../../src/core/quiz/exam.js';

describe('an exam in progress', () => {
  it('moves on after an answer, and to the review screen after the last question', () => {
    let s = startExam(3);
    s = answerQuestion(s, ['B']);
    expect(s.position).toBe(1);
    s = nextQuestion(s);
    expect(s.position).toBe(2);
    s = answerQuestion(s, ['A', 'C']);
    expect(s.position).toBe('review');
    expect(s.answers).toEqual([['B'], undefined, ['A', 'C']]);
    expect(examCounts(s)).toEqual({ answered: 2, unanswered: 1, flagged: 0 });
  });

  it('goes back, changes an answer, and keeps flags until they are removed', () => {
    let s = answerQuestion(startExam(2), ['A']);
    s = toggleFlag(s);
    expect(s.flagged).toEqual([false, true]);
    s = previousQuestion(s);
    expect(s.position).toBe(0);
    s = answerQuestion(s, ['D']);
    expect(s.answers[0]).toEqual(['D']);
    s = toggleFlag(goTo(openReview(s), 1));
    expect(s.flagged).toEqual([false, false]);
    expect(previousQuestion(goTo(s, 0)).position).toBe(0);
  });

  it('refuses a question that is not in the exam, and a question action on the review screen', () => {
    expect(() => goTo(startExam(2), 2)).toThrow(RangeError);
    expect(() => toggleFlag(openReview(startExam(2)))).toThrow();
    expect(() => startExam(0)).toThrow(RangeError);
  });

  it('always counts every question once as answered or unanswered, whatever the moves', () => {
    const move = fc.oneof(
      fc.constant('next'),
      fc.constant('previous'),
      fc.constant('flag'),
      fc.constant('review'),
      fc.integer({ min: 0, max: 9 }),
      fc.constantFrom(['A'], ['B', 'C']),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(move, { maxLength: 40 }), (count, moves) => {
        let s = startExam(count);
        for (const m of moves) {
          if (typeof m === 'number') s = goTo(s, m % count);
          else if (s.position === 'review') s = goTo(s, 0);
          else if (Array.isArray(m)) s = answerQuestion(s, m);
          else if (m === 'next') s = nextQuestion(s);
          else if (m === 'previous') s = previousQuestion(s);
          else if (m === 'flag') s = toggleFlag(s);
          else s = openReview(s);
        }
        const c = examCounts(s);
        return c.answered + c.unanswered === count && c.flagged <= count && s.answers.length === count;
      }),
    );
  });
});
