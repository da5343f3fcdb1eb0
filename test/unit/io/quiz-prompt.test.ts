/** The quiz list prompt on its own, rendered with @inquirer/testing: keys, buttons and the live clock. */
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { quizPrompt, type QuizPromptConfig } from '../../../src/io/quiz-prompt.js';

const choices = [
  { value: 'A', name: 'A. One shard.' },
  { value: 'B', name: 'B. Two shards.' },
  { value: 'C', name: 'C. Three shards.' },
];
const label = (ms: number): string => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left`;
};

afterEach(() => vi.useRealTimers());

describe('the quiz list', () => {
  it('counts down live in its message line, redrawing as the seconds pass', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = 0;
    const config: QuizPromptConfig = { message: 'Your answer', choices, picks: 1, clock: { deadline: 180_000, now: () => now, label } };
    const { answer, events, getScreen } = await render(quizPrompt, config);
    expect(getScreen()).toMatch(/^\? Your answer · 3:00 left\n/);
    now = 1_000;
    vi.advanceTimersByTime(250);
    expect(getScreen()).toMatch(/^\? Your answer · 2:59 left\n/);
    now = 125_400;
    vi.advanceTimersByTime(250);
    expect(getScreen()).toMatch(/^\? Your answer · 0:55 left\n/);
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', values: ['B'] });
  });

  it('presses a button from its key or with Enter, keeping what was ticked', async () => {
    const config: QuizPromptConfig = {
      message: 'Your answers (choose two)',
      choices,
      picks: 2,
      actions: [
        { value: 'flag', name: 'Flag for review', key: 'f' },
        { value: 'next', name: 'Next question', key: 'right' },
      ],
    };
    const first = await render(quizPrompt, config);
    first.events.keypress('space');
    first.events.keypress('right');
    await expect(first.answer).resolves.toEqual({ kind: 'action', action: 'next', values: ['A'] });

    const second = await render(quizPrompt, config);
    expect(second.getScreen()).toContain('  ──────\n  Flag for review [f]\n  Next question [→]');
    for (let i = 0; i < 4; i++) second.events.keypress('down');
    expect(second.getScreen()).toContain('❯ Next question');
    second.events.keypress('space');
    expect(second.getScreen()).not.toContain('◉');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toEqual({ kind: 'action', action: 'next', values: [] });
  });

  it('ticks with number keys, and returns the ticks in list order', async () => {
    const { answer, events, getScreen } = await render(quizPrompt, { message: 'Your answers (choose two)', choices, picks: 2 });
    events.keypress('3');
    events.keypress('1');
    expect(getScreen()).toContain('◉ A. One shard.');
    expect(getScreen()).toContain('◉ C. Three shards.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', values: ['A', 'C'] });
  });

  it('starts on the answer given before, and shows a status next to the message', async () => {
    const { answer, events, getScreen } = await render(quizPrompt, { message: 'Your answer', choices, picks: 1, checked: ['C'], status: '⚑ flagged' });
    expect(getScreen()).toContain('? Your answer · ⚑ flagged');
    expect(getScreen()).toContain('❯ C. Three shards.');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', values: ['C'] });
  });
});
