/**
 * A quiz session through the real prompts (the production Prompter: @inquirer/prompts and the quiz
 * list built on @inquirer/core), driven key by key with @inquirer/testing's screen. The screen
 * import must come before the code that uses prompts; the quiz list is wrapped the same way the
 * screen wraps inquirer's own prompts.
 */
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli.js';
import { createInquirerPrompter } from '../../src/io/inquirer.js';
import type * as QuizPromptModule from '../../src/io/quiz-prompt.js';
import { fakeIo } from '../helpers/io.js';

vi.mock('../../src/io/quiz-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof QuizPromptModule>();
  return { ...actual, quizPrompt: wrapPrompt(actual.quizPrompt) };
});

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-prompts-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

/** Starts kds quiz and waits for its first prompt (it loads the bank and the prompts first). */
async function start(args: readonly string[]) {
  const prompter = createInquirerPrompter({ input: new PassThrough(), output: new PassThrough() });
  const fake = fakeIo({ stdinIsTTY: true, stdoutIsTTY: true, columns: 100, prompter, env: { KDS_STATE_DIR: state } });
  const code = run(['quiz', '--bank', BANK, ...args], fake.io);
  await screen.next();
  return { code, stdout: () => stripVTControlCharacters(fake.stdout()), stderr: () => fake.stderr() };
}

/** The lines of the list that the pointer can rest on (options and buttons, not the rule). */
function entries(): string[] {
  return screen
    .getScreen()
    .split('\n')
    .filter((line) => /^(❯| )(◯|◉)? ?[^\s─]/.test(line));
}

/** Moves the pointer from where it is to the entry that contains text. */
function moveTo(text: string): void {
  const lines = entries();
  const from = lines.findIndex((line) => line.startsWith('❯'));
  const to = lines.findIndex((line) => line.includes(text));
  expect(to, `no entry with "${text}" in:\n${screen.getScreen()}`).toBeGreaterThanOrEqual(0);
  for (let i = from; i < to; i++) screen.keypress('down');
  for (let i = from; i > to; i--) screen.keypress('up');
}

function choose(text: string): void {
  moveTo(text);
  screen.keypress('enter');
}

describe('a practice session with the real prompts', () => {
  it('answers after a hint: the hint is a button, nothing echoes "(hint)", the answer echoes without a verdict mark', async () => {
    const session = await start(['--topic', 'retention']);
    expect(screen.getScreen()).toContain('? Your answer');
    expect(screen.getScreen()).toContain('Show a hint (1 of 1) [h]');
    expect(screen.getScreen()).toContain('Show the answer (counts as wrong)');
    expect(screen.getScreen()).toMatch(/↑↓ move • ⏎ choose • h show a hint/);
    screen.keypress('h');
    await screen.next();
    expect(session.stdout()).toContain('Hint 1 of 1: The maximum is measured in hours, 8,760 of them.');
    expect(screen.getScreen()).not.toContain('Show a hint');
    choose('365 days.');
    expect(await session.code).toBe(0);
    const out = session.stdout();
    expect(out).not.toContain('(hint)');
    expect(out).not.toContain('✔');
    expect(out).toMatch(/Your answer: [ABC]\n\n✓ Right \(with 1 hint\): [ABC]\./);
    expect(out).toContain('Score: 1 of 1 (100%) · 1 hint used');
    const saved = JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8'));
    expect(saved.questions['retention-001']).toMatchObject({ box: 1, last: 'right', hintsUsed: 1 });
  });

  it('a wrong answer is echoed plainly, then the red verdict', async () => {
    const session = await start(['--topic', 'retention']);
    choose('7 days.');
    expect(await session.code).toBe(0);
    expect(session.stdout()).toMatch(/Your answer: [ABC]\n\n✗ Not quite: you chose [ABC]; the answer is [ABC]\./);
    expect(session.stdout()).not.toContain('✔');
  });

  it('"(Choose two.)": no "a all / i invert", "a" ticks nothing, and the "tick two" message never goes stale', async () => {
    const session = await start(['--topic', 'capacity', '--difficulty', 'hard']);
    expect(screen.getScreen()).toContain('? Your answers (choose two)');
    expect(screen.getScreen()).not.toMatch(/a all|i invert/);
    expect(screen.getScreen()).toMatch(/space tick • ⏎ submit/);
    // "a" used to tick every entry, the hint button included, and Enter then graded that as wrong.
    // (The list redraws as each key is handled, so the screen is current without waiting.)
    screen.keypress('a');
    screen.keypress('enter');
    expect(screen.getScreen()).not.toContain('◉');
    expect(screen.getScreen()).toContain('> Tick exactly two options with space, then press Enter.');

    moveTo('1 MiB/s of writes.');
    screen.keypress('space');
    // Any key clears the message, so it cannot describe a state that has changed.
    expect(screen.getScreen()).not.toContain('Tick exactly');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('> Tick exactly two options with space, then press Enter.');
    moveTo('1,000 records per second.');
    screen.keypress('space');
    expect(screen.getScreen()).not.toContain('Tick exactly');
    screen.keypress('enter');
    expect(await session.code).toBe(0);
    expect(session.stdout()).toMatch(/Your answers: [A-E], [A-E]\n/);
    expect(session.stdout()).toContain('Score: 1 of 1 (100%)');
  });

  it('pressing the hint button keeps what was ticked', async () => {
    const session = await start(['--topic', 'capacity', '--difficulty', 'hard']);
    moveTo('1 MiB/s of writes.');
    screen.keypress('space');
    screen.keypress('h');
    await screen.next();
    expect(screen.getScreen()).toMatch(/◉ [A-E]\. 1 MiB\/s of writes\./);
    expect(screen.getScreen()).not.toContain('Show a hint');
    moveTo('1,000 records per second.');
    screen.keypress('space');
    screen.keypress('enter');
    expect(await session.code).toBe(0);
    expect(session.stdout()).toContain('Score: 1 of 1 (100%)');
  });

  it('Ctrl+C clears the open list and says the question was not answered, above the summary', async () => {
    const session = await start(['--topic', 'retention,consumers', '--seed', '3']);
    expect(screen.getScreen()).toContain('? Your answer');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await session.code).toBe(130);
    expect(await screen.getFullOutput()).not.toContain('Your answer');
    const out = session.stdout();
    expect(out.indexOf('Stopped at question 1, which was not answered.')).toBeGreaterThan(0);
    expect(out.indexOf('── Summary')).toBeGreaterThan(out.indexOf('Stopped at question 1'));
    expect(out).toContain('Stopped after 0 of 2 questions; the answers you gave are saved.');
    expect(session.stderr()).toBe('kds: stopped with Ctrl+C.\n');
  });
});

describe('an exam with the real prompts', () => {
  it('flags a question, moves back and forth, reviews answered, unanswered and flagged, then submits', async () => {
    const session = await start(['--mode', 'exam', '--topic', 'retention,consumers', '--seed', '3']);
    expect(screen.getScreen()).toMatch(/f flag for review • → next question • r review and submit/);
    screen.keypress('f');
    await screen.next();
    expect(screen.getScreen()).toContain('⚑ flagged');
    expect(session.stdout()).toContain('Question 1 is flagged for review.');
    screen.keypress('right');
    await screen.next();
    expect(session.stdout()).toContain('Question 2 of 2');
    expect(screen.getScreen()).toContain('Previous question [←]');
    screen.keypress('left');
    await screen.next();
    expect(screen.getScreen()).toContain('⚑ flagged');
    screen.keypress('enter');
    await screen.next();
    // After the last question comes the review screen.
    expect(session.stdout()).toContain('Question 2 of 2');
    screen.keypress('right');
    await screen.next();
    const review = session.stdout().slice(session.stdout().lastIndexOf('── Review'));
    expect(review).toContain('1 of 2 answered · 1 not answered · 1 flagged.');
    expect(screen.getScreen()).toMatch(/ 1\. answered [A-D] +⚑ /);
    expect(screen.getScreen()).toMatch(/ 2\. not answered +[^⚑]/);
    screen.keypress('s');
    await screen.next();
    expect(screen.getScreen()).toContain('1 of 2 questions is not answered and will count as wrong. Submit anyway?');
    choose('Yes, submit the exam');
    expect(await session.code).toBe(0);
    const out = session.stdout();
    expect(out).toContain('Submitted with 1 question not answered, counted as wrong.');
    expect(out).toMatch(/Score: [01] of 2/);
    expect(out).toMatch(/ Topic +Asked +Right +Score\n/);
    expect(out).toContain('✗ Not answered; the answer is ');
  });
});
