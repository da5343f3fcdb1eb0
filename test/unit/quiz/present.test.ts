import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade, parseLetters, presentInFileOrder, presentShuffled } from '../../../src/core/quiz/present.js';
import { correctLetters, isMultipleAnswer } from '../../../src/core/quiz/question.js';
import { MAX_SEED } from '../../../src/core/quiz/random.js';
import { arbitraryQuestion, question } from '../../helpers/quiz.js';

const multi = question({
  id: 'capacity-002',
  prompt: 'Which two limits apply to writes on one shard? (Choose two.)',
  options: [
    { text: '2 MiB/s', correct: false, why: 'read limit' },
    { text: '1 MiB/s', correct: true },
    { text: '5 calls/s', correct: false, why: 'GetRecords' },
    { text: '1,000 records/s', correct: true },
  ],
});

describe('presenting a question', () => {
  it('letters options A, B, C... in file order for show and answer', () => {
    const p = presentInFileOrder(multi);
    expect(p.options.map((o) => `${o.letter}:${o.text}`)).toEqual(['A:2 MiB/s', 'B:1 MiB/s', 'C:5 calls/s', 'D:1,000 records/s']);
    expect(correctLetters(multi)).toEqual(['B', 'D']);
    expect(isMultipleAnswer(multi)).toBe(true);
  });

  it('keeps the answer tracked however the options are shuffled', () => {
    fc.assert(
      fc.property(arbitraryQuestion, fc.integer({ min: 0, max: MAX_SEED }), (q, seed) => {
        const p = presentShuffled(q, seed);
        expect(p.options.map((o) => o.letter)).toEqual(q.options.map((_, i) => 'ABCDEF'[i]));
        for (const o of p.options) {
          expect(q.options[o.index]).toEqual({ text: o.text, correct: o.correct, ...(o.why ? { why: o.why } : {}) });
        }
        const right = p.options.filter((o) => o.correct).map((o) => o.letter);
        expect(grade(p, right).right).toBe(true);
        expect(new Set(p.options.map((o) => o.index)).size).toBe(q.options.length);
      }),
    );
  });

  it('gives the same option order for the same seed and question, whatever else is asked', () => {
    fc.assert(
      fc.property(arbitraryQuestion, fc.integer({ min: 0, max: MAX_SEED }), (q, seed) => {
        expect(presentShuffled(q, seed).options.map((o) => o.index)).toEqual(presentShuffled(q, seed).options.map((o) => o.index));
      }),
    );
  });

  it('really shuffles: across seeds the right option of a 4-option question shows up under every letter', () => {
    const q = presentInFileOrder(multi).question;
    const letters = new Set<string>();
    for (let seed = 0; seed < 60; seed++) letters.add(presentShuffled(q, seed).options.find((o) => o.index === 1)?.letter ?? '?');
    expect([...letters].sort()).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('reading letters', () => {
  const p = presentInFileOrder(multi);

  it('accepts one letter per argument, runs of letters, commas and either case', () => {
    expect(parseLetters(p, ['b'])).toEqual({ ok: true, letters: ['B'] });
    expect(parseLetters(p, ['d', 'B'])).toEqual({ ok: true, letters: ['B', 'D'] });
    expect(parseLetters(p, ['bd'])).toEqual({ ok: true, letters: ['B', 'D'] });
    expect(parseLetters(p, ['b,d'])).toEqual({ ok: true, letters: ['B', 'D'] });
    expect(parseLetters(p, ['B D', 'b'])).toEqual({ ok: true, letters: ['B', 'D'] });
  });

  it('names the letters that are not options, and the valid ones', () => {
    expect(parseLetters(p, ['e'])).toEqual({ ok: false, invalid: ['e'], valid: ['A', 'B', 'C', 'D'] });
    expect(parseLetters(p, ['a', '7'])).toEqual({ ok: false, invalid: ['7'], valid: ['A', 'B', 'C', 'D'] });
    expect(parseLetters(p, [','])).toEqual({ ok: false, invalid: [], valid: ['A', 'B', 'C', 'D'] });
  });
});

describe('grading', () => {
  it('grades a single answer', () => {
    const p = presentInFileOrder(question());
    expect(grade(p, ['A'])).toMatchObject({ right: true, chosen: ['A'], correct: ['A'], wrongPicks: [], missed: [] });
    const wrong = grade(p, ['C']);
    expect(wrong.right).toBe(false);
    expect(wrong.wrongPicks.map((o) => o.letter)).toEqual(['C']);
    expect(wrong.wrongPicks[0]?.why).toBe('That is the largest record.');
    expect(wrong.missed.map((o) => o.letter)).toEqual(['A']);
  });

  it('needs exactly the right set for a multiple answer: no partial credit', () => {
    const p = presentInFileOrder(multi);
    expect(grade(p, ['D', 'B']).right).toBe(true);
    expect(grade(p, ['b', 'd']).right).toBe(true);
    const half = grade(p, ['B']);
    expect(half.right).toBe(false);
    expect(half.missed.map((o) => o.letter)).toEqual(['D']);
    const extra = grade(p, ['B', 'C', 'D']);
    expect(extra.right).toBe(false);
    expect(extra.wrongPicks.map((o) => o.letter)).toEqual(['C']);
  });

  it('grades no letters (a revealed answer) and unknown letters as wrong', () => {
    const p = presentInFileOrder(question());
    expect(grade(p, []).right).toBe(false);
    expect(grade(p, ['A', 'Z']).right).toBe(false);
  });
});
