import { describe, expect, it } from 'vitest';
import { bankWarnings, chooseCount, lintBank, validateQuestion } from '../../../src/core/quiz/validate.js';
import { question, rawQuestion } from '../../helpers/quiz.js';

const here = { folder: 'capacity', name: 'capacity-001' };
const messages = (data: unknown, at = here): string[] => validateQuestion(data, at).problems.map((p) => p.message);

describe('validating a question file', () => {
  it('accepts a valid file and returns the question', () => {
    const result = validateQuestion(rawQuestion({ try: ' kds size --mbps 6 ' }), here);
    expect(result.problems).toEqual([]);
    expect(result.question).toEqual(question({ try: 'kds size --mbps 6' }));
  });

  it('accepts an option written as a bare number (text: 3)', () => {
    const data = rawQuestion({ options: [{ text: 3, correct: true }, { text: 1, why: 'too few' }, { text: 6, why: 'too many' }] });
    expect(validateQuestion(data, here).question?.options.map((o) => o.text)).toEqual(['3', '1', '6']);
  });

  it.each([
    ['a list', ['a'], 'expected a mapping of fields (id, topic, difficulty, prompt, options, hints, explanation, sources, try, sets), got a list'],
    ['an empty file', null, 'expected a mapping of fields (id, topic, difficulty, prompt, options, hints, explanation, sources, try, sets), got nothing'],
  ])('rejects %s', (_what, data, message) => {
    expect(messages(data)).toEqual([message]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown field', { explaination: 'x' }, "unknown field 'explaination' (fields: id, topic, difficulty, prompt, options, hints, explanation, sources, try, sets)"],
    ['an id that is not the file name', { id: 'capacity-002' }, "id 'capacity-002' must equal the file name 'capacity-001'"],
    ['an id with capitals', { id: 'Capacity-001' }, "id 'Capacity-001' may use only lowercase letters, digits and single hyphens"],
    ['an id without its number', { id: 'capacity-1' }, "id 'capacity-1' must end with a three-digit number, like 'capacity-001'"],
    ['an unknown topic', { topic: 'kafka' }, "unknown topic 'kafka' (topics: capacity, partition-keys, producers, consumers, retention, resharding, firehose, integrations, kds-vs-sqs, errors, monitoring, security, cost)"],
    ['a topic that is not the folder', { topic: 'cost' }, "topic 'cost' must equal the folder name 'capacity'"],
    ['an unknown difficulty', { difficulty: 'expert' }, "unknown difficulty 'expert' (difficulties: easy, medium, hard)"],
    ['a missing prompt', { prompt: undefined }, "'prompt' is missing"],
    ['an empty explanation', { explanation: '  ' }, "'explanation' is empty"],
    ['a prompt that is not text', { prompt: ['a'] }, "'prompt' must be text, got a list"],
    ['two options', { options: [{ text: 'a', correct: true }, { text: 'b', why: 'no' }] }, 'a question has 3 to 6 options, this one has 2'],
    ['seven options', { options: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((t, i) => (i === 0 ? { text: t, correct: true } : { text: t, why: 'no' })) }, 'a question has 3 to 6 options, this one has 7'],
    ['a wrong option without why', { options: [{ text: 'a', correct: true }, { text: 'b' }, { text: 'c', why: 'no' }] }, "option B is wrong, so it needs a 'why': what makes it tempting and why it is wrong"],
    ['a repeated option', { options: [{ text: 'Same  thing', correct: true }, { text: 'same thing', why: 'x' }, { text: 'c', why: 'no' }] }, 'option B repeats option A'],
    ['no correct option', { options: [{ text: 'a', why: 'x' }, { text: 'b', why: 'y' }, { text: 'c', why: 'z' }] }, "no option is marked 'correct: true'"],
    ['every option correct', { options: [{ text: 'a', correct: true }, { text: 'b', correct: true }, { text: 'c', correct: true }], prompt: 'Which? (Choose three.)' }, 'every option is correct: at least one must be wrong'],
    ['correct: "yes"', { options: [{ text: 'a', correct: 'yes' }, { text: 'b', why: 'x' }, { text: 'c', why: 'y' }] }, `option A: 'correct' must be true or false, got string "yes"`],
    ['"All of the above"', { options: [{ text: 'a', correct: true }, { text: 'b', why: 'x' }, { text: 'All of the above', why: 'y' }] }, 'option C refers to other options by position, but sessions shuffle options'],
    ['two correct without Choose two', { options: [{ text: 'a', correct: true }, { text: 'b', correct: true }, { text: 'c', why: 'y' }] }, '2 options are correct, so the prompt must say "(Choose two.)"'],
    ['Choose three with two correct', { prompt: 'Which? (Choose three.)', options: [{ text: 'a', correct: true }, { text: 'b', correct: true }, { text: 'c', why: 'y' }, { text: 'd', why: 'z' }] }, 'the prompt says "(Choose three.)" but 2 options are correct'],
    ['Choose two with one correct', { prompt: 'Which? (Choose two.)' }, 'the prompt says "(Choose two.)" but only one option is correct'],
    ['no hints', { hints: [] }, 'a question has 1 to 3 hints, this one has 0'],
    ['four hints', { hints: ['a', 'b', 'c', 'd'] }, 'a question has 1 to 3 hints, this one has 4'],
    ['an empty hint', { hints: [''] }, 'hint 1 must be non-empty text'],
    ['no sources', { sources: undefined }, "'sources' is missing (at least one https://docs.aws.amazon.com/ page)"],
    ['a source on another site', { sources: ['https://docs.aws.amazon.com/streams/', 'https://example.com/kinesis'] }, "source 2: 'https://example.com/kinesis' is not AWS documentation (allowed hosts: docs.aws.amazon.com, aws.amazon.com)"],
    ['an http source', { sources: ['http://docs.aws.amazon.com/streams/'] }, "source 1: 'http://docs.aws.amazon.com/streams/' must use https"],
    ['only aws.amazon.com sources', { sources: ['https://aws.amazon.com/kinesis/data-streams/faqs/'] }, 'at least one source must be on https://docs.aws.amazon.com/'],
    ['a try that is not a kds command', { try: 'aws kinesis list-shards' }, `'try' must be a kds command, like 'kds size --mbps 6', got string "aws kinesis list-shards"`],
  ])('reports %s', (_what, change, message) => {
    const result = validateQuestion(rawQuestion(change), here);
    expect(result.problems.map((p) => p.message)).toContain(message);
    expect(result.question).toBeUndefined();
  });

  it('reports every problem of a file, not just the first, with the path of each', () => {
    const result = validateQuestion(rawQuestion({ difficulty: 'expert', hints: [], sources: ['ftp://x'] }), here);
    expect(result.problems.map((p) => p.path)).toEqual([['difficulty'], ['hints'], ['sources', 0], ['sources']]);
  });

  it('reads "(Choose N.)" in words or digits', () => {
    expect(chooseCount('Which two? (Choose two.)')).toBe(2);
    expect(chooseCount('(choose 3)')).toBe(3);
    expect(chooseCount('Which one is right?')).toBeUndefined();
    expect(chooseCount('(Choose several.)')).toBe('unreadable');
  });
});

describe('checks across the bank', () => {
  it('reports an id used by two files, naming the first', () => {
    expect(
      lintBank([
        { file: 'capacity/capacity-001.yaml', id: 'capacity-001' },
        { file: 'capacity/capacity-002.yaml', id: 'capacity-002' },
        { file: 'capacity/capacity-003.yaml', id: 'capacity-001' },
        { file: 'capacity/broken.yaml' },
      ]),
    ).toEqual([{ file: 'capacity/capacity-003.yaml', message: "id 'capacity-001' is already used by capacity/capacity-001.yaml" }]);
  });

  it('warns when the right option nearly always sits in the same place', () => {
    const at = (i: number, n: number) =>
      question({
        id: `capacity-${String(n).padStart(3, '0')}`,
        options: [0, 1, 2].map((j) => (j === i ? { text: `r${j}`, correct: true } : { text: `w${j}`, correct: false, why: 'no' })),
      });
    const allFirst = Array.from({ length: 8 }, (_, n) => at(0, n));
    expect(bankWarnings(allFirst)).toEqual([
      'the right option is A in 8 of 8 single-answer questions; kds quiz show and answer letter options in file order, so vary where the right option sits',
    ]);
    const spread = Array.from({ length: 9 }, (_, n) => at(n % 3, n));
    expect(bankWarnings(spread)).toEqual([]);
    expect(bankWarnings(allFirst.slice(0, 7))).toEqual([]);
  });
});
