/** The small defects of issue 11, each at the command line: underflow, Ctrl+D, huge costs. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ctrlC, ctrlD, runKds, scriptedPrompter, type PromptCall } from '../helpers/io.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-small-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const first = (call: PromptCall): unknown => (call.kind === 'select' ? call.choices[0]?.value : [call.choices[0]?.value]);
const terminal = (answers: unknown[]) => ({
  stdinIsTTY: true,
  stdoutIsTTY: true,
  prompter: scriptedPrompter(answers),
  env: { KDS_STATE_DIR: state },
});

describe('--consumers 1e-400', () => {
  it('is a usage error, not 0 consumers', async () => {
    const r = await runKds(['size', '--mbps', '6', '--consumers', '1e-400']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "kds: --consumers expects a whole number of consumers from 0 to 10,000, got '1e-400' (too close to zero to represent).\n",
    );
  });
});

describe('a 16-digit value', () => {
  it('is called too large, not "not a whole number"', async () => {
    const r = await runKds(['size', '--mbps', '6', '--consumers', '1234567890123456.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/got '1234567890123456\.5' \(too large\)\.\n$/);
  });
});

describe('Ctrl+D in a quiz', () => {
  it('ends the session as a stop, with the summary and exit 0, not as Ctrl+C', async () => {
    const r = await runKds(['quiz', '--bank', BANK, '--topic', 'capacity', '--seed', '3'], terminal([first, 'next', ctrlD()]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Input ended (Ctrl+D): the session stops here.');
    expect(r.stdout).toContain('Stopped after 1 of 2 questions; the answers you gave are saved.');
    expect(r.stdout + r.stderr).not.toContain('with Ctrl+C');
    const saved = JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8')) as { sessions: { ended: string }[] };
    expect(saved.sessions[0]?.ended).toBe('stopped');
  });

  it('Ctrl+C is still an interruption: exit 130', async () => {
    const r = await runKds(['quiz', '--bank', BANK, '--topic', 'capacity', '--seed', '3'], terminal([first, 'next', ctrlC()]));
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('kds: stopped with Ctrl+C.\n');
  });

  it('at any other prompt, says the input ended (exit 1) rather than "cancelled"', async () => {
    await runKds(['quiz', 'answer', 'retention-001', 'a', '--bank', BANK], { env: { KDS_STATE_DIR: state } });
    const r = await runKds(['quiz', 'reset'], terminal([ctrlD()]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('\nkds: input ended (Ctrl+D) before an answer; nothing more was done.\n');
    const c = await runKds(['quiz', 'reset'], terminal([ctrlC()]));
    expect(c.code).toBe(130);
    expect(c.stderr).toBe('\nkds: cancelled.\n');
  });
});
