/**
 * A quiz session through the real @inquirer/prompts (the production Prompter), driven key by key
 * with @inquirer/testing's screen. The screen import must come before the code that uses prompts.
 */
import { screen } from '@inquirer/testing/vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { createInquirerPrompter } from '../../src/io/inquirer.js';
import { fakeIo } from '../helpers/io.js';

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

/** Moves the cursor from the first choice to the line that contains text, and presses Enter. */
function choose(text: string): void {
  const choices = screen
    .getScreen()
    .split('\n')
    .filter((line) => /^(❯| ) ?(◯|◉)? ?([A-F]\. |Show )/.test(line));
  const index = choices.findIndex((line) => line.includes(text));
  expect(index, `no choice with "${text}" in:\n${screen.getScreen()}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) screen.keypress('down');
  screen.keypress('enter');
}

describe('a session with the real prompts', () => {
  it('answers a single-answer question with the arrow keys, after a hint', async () => {
    const session = await start(['--topic', 'retention']);
    expect(screen.getScreen()).toContain('? Your answer');
    expect(screen.getScreen()).toContain('Show a hint (1 of 1)');
    expect(screen.getScreen()).toContain('Show the answer (counts as wrong)');
    choose('Show a hint');
    await screen.next();
    expect(session.stdout()).toContain('Hint 1 of 1: The maximum is measured in hours, 8,760 of them.');
    expect(screen.getScreen()).not.toContain('Show a hint');
    choose('365 days.');
    expect(await session.code).toBe(0);
    expect(session.stdout()).toMatch(/✓ Right \(with 1 hint\): [ABC]\./);
    expect(session.stdout()).toContain('Score: 1 of 1 (100%) · 1 hint used');
    const saved = JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8'));
    expect(saved.questions['retention-001']).toMatchObject({ box: 1, last: 'right', hintsUsed: 1 });
  });

  it('answers a "(Choose two.)" question with the checkbox, which insists on two', async () => {
    const session = await start(['--topic', 'capacity', '--difficulty', 'hard']);
    expect(screen.getScreen()).toContain('? Your answers (choose two)');
    const lines = screen.getScreen().split('\n').filter((l) => /[A-F]\. /.test(l));
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    const first = at('1 MiB/s of writes.');
    const second = at('1,000 records per second.');
    for (let i = 0; i < first; i++) screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Choose two: 1 is ticked.');
    for (let i = first; i < second; i++) screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    expect(await session.code).toBe(0);
    expect(session.stdout()).toContain('Score: 1 of 1 (100%)');
  });

  it('stops on Ctrl+C with the summary and exit 130', async () => {
    const session = await start(['--topic', 'retention,consumers', '--seed', '3']);
    expect(screen.getScreen()).toContain('? Your answer');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('? What next?');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await session.code).toBe(130);
    expect(session.stdout()).toContain('Stopped after 1 of 2 questions; the answers you gave are saved.');
    expect(session.stdout()).toMatch(/Score: [01] of 1/);
    expect(session.stderr()).toBe('kds: stopped with Ctrl+C.\n');
  });
});
