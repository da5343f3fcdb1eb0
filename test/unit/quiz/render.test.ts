import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { grade, presentInFileOrder } from '../../../src/core/quiz/present.js';
import {
  choiceName,
  excerpt,
  formatTimeLeft,
  paragraphs,
  prose,
  renderFeedback,
} from '../../../src/render/quiz.js';
import { formatMsClock } from '../../../src/render/duration.js';
import { question } from '../../helpers/quiz.js';

const plain = new Chalk({ level: 0 });

describe('bank text for the terminal', () => {
  it('joins wrapped lines, keeps blank-line paragraphs and "- " list items', () => {
    expect(paragraphs('One line\nwrapped here.\n\nA second paragraph.\n- item one\n- item\n  two\n')).toEqual([
      'One line wrapped here.',
      'A second paragraph.',
      '- item one',
      '- item two',
    ]);
  });

  it('wraps paragraphs with a blank line between them, and list items under themselves', () => {
    expect(prose('aaa bbb ccc\n\n- ddd eee fff', 8)).toBe('aaa bbb\nccc\n\n- ddd\n  eee\n  fff');
  });

  it('cuts a prompt at a word to fit a column', () => {
    expect(excerpt('What decides which shard a record goes to?', 100)).toBe('What decides which shard a record goes to?');
    expect(excerpt('What decides which shard a record goes to?', 20)).toBe('What decides...');
    expect(excerpt('What decides which shard a record goes to?', 20).length).toBeLessThanOrEqual(20);
  });

  it('wraps a long option under its own text, past the prompt marker', () => {
    const [option] = presentInFileOrder(question({ options: [{ text: 'word '.repeat(30).trim(), correct: true }, { text: 'b', correct: false, why: 'x' }, { text: 'c', correct: false, why: 'y' }] })).options;
    const lines = choiceName(option!, 40, 2).split('\n');
    expect(lines[0]).toMatch(/^A\. word/);
    for (const line of lines) expect(line.length + 2).toBeLessThanOrEqual(40);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {5}word/);
  });

  it('formats clocks', () => {
    expect(formatTimeLeft(90_000)).toBe('1:30 left');
    expect(formatTimeLeft(-5)).toBe('0:00 left');
    expect(formatMsClock(3_723_000)).toBe('1:02:03');
    expect(formatMsClock(59_400)).toBe('0:59');
  });
});

describe('feedback', () => {
  it('works for a generated question with no sources, no hints and no try command', () => {
    const drill = question({
      id: 'drill-size-1-1',
      prompt: 'How many shards at least?',
      options: [
        { text: '4', correct: true },
        { text: '3', correct: false, why: 'You forgot the records limit.' },
        { text: '2', correct: false, why: 'You counted only the bytes.' },
      ],
      hints: [],
      sources: [],
      explanation: '3,500 records/s need 4 shards.',
    });
    const p = presentInFileOrder(drill);
    expect(renderFeedback(p, grade(p, ['B']), { revealed: false, hintsUsed: 0 }, plain, 80)).toBe(
      '✗ Not quite: you chose B; the answer is A.\n' +
        '  A. 4\n' +
        '\n' +
        '✗ B. 3\n' +
        '     You forgot the records limit.\n' +
        '\n' +
        '3,500 records/s need 4 shards.',
    );
  });

  it('says what a multiple answer missed', () => {
    const multi = question({
      prompt: 'Which two? (Choose two.)',
      options: [
        { text: 'one', correct: true },
        { text: 'two', correct: true, why: 'Two is right too.' },
        { text: 'three', correct: false, why: 'no' },
      ],
    });
    const p = presentInFileOrder(multi);
    const text = renderFeedback(p, grade(p, ['A']), { revealed: false, hintsUsed: 0 }, plain, 80);
    expect(text).toContain('✗ Not quite: you chose A; the answer is A, B.');
    expect(text).toContain('You missed B. Two is right too.');
  });

  it('never breaks a link: one too long to follow its label gets a line of its own', () => {
    const url = 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html';
    const sourced = question({ sources: [url, 'https://example.com/a'], explanation: 'Why.' });
    const p = presentInFileOrder(sourced);
    const tail = (width: number) => renderFeedback(p, grade(p, ['A']), { revealed: false, hintsUsed: 0 }, plain, width).split('\n\n').pop();
    expect(tail(100)).toBe(`Source: ${url}\nAlso:   https://example.com/a`);
    expect(tail(80)).toBe(`Source:\n  ${url}\nAlso:   https://example.com/a`);
    expect(tail(77)).toBe(`Source:\n${url}\nAlso:   https://example.com/a`);
    // Too long for any line: it stays whole after its label.
    expect(tail(60)).toBe(`Source: ${url}\nAlso:   https://example.com/a`);
  });
});
