/** The built binary, as a script would run it: no terminal, progress in a temporary folder. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnKds } from '../helpers/spawn.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));
const BROKEN = fileURLToPath(new URL('../fixtures/quiz/broken', import.meta.url));

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-e2e-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const kds = (...args: string[]) => spawnKds(args, { env: { KDS_STATE_DIR: state } });

describe('kds quiz (built binary)', () => {
  it('lists the questions as JSON', async () => {
    const r = await kds('quiz', 'list', '--bank', BANK, '--json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const list = JSON.parse(r.stdout);
    expect(list.map((q: { id: string }) => q.id)).toEqual(['capacity-001', 'capacity-002', 'partition-keys-001', 'consumers-001', 'retention-001']);
    expect(Object.keys(list[0])).toEqual(['id', 'topic', 'difficulty', 'prompt']);
  });

  it('shows a question with its answer as JSON', async () => {
    const r = await kds('quiz', 'show', 'consumers-001', '--answer', '--json', '--bank', BANK);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: 'consumers-001',
      topic: 'consumers',
      difficulty: 'easy',
      options: [{ letter: 'A' }, { letter: 'B', text: 'Enhanced fan-out.' }, { letter: 'C' }],
      correct: ['B'],
      explanation: 'With enhanced fan-out each registered consumer gets its own 2 MiB/s per shard.',
      sources: ['https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html'],
    });
  });

  it('grades answers (exit 0 right, 1 wrong), records them, and reports them in stats', async () => {
    const right = await kds('quiz', 'answer', 'retention-001', 'a', '--bank', BANK);
    expect(right).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '✓ Right: A.\n' +
        '  A. 365 days.\n' +
        '\n' +
        'Retention runs from 24 hours (the default) to 8,760 hours, which is 365 days.\n' +
        '\n' +
        // Too long for 80 columns after its label, and never broken: on a line of its own.
        'Source:\n' +
        '  https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html\n',
    });
    const wrong = await kds('quiz', 'answer', 'consumers-001', 'A', '--bank', BANK);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('');
    expect(wrong.stdout).toContain('✗ Not quite: you chose A; the answer is B.');
    const stats = await kds('quiz', 'stats', '--json', '--bank', BANK);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({
      file: join(state, 'progress.json'),
      questions: 5,
      seen: 2,
      answers: 2,
      right: 1,
      toReview: 1,
    });
  });

  it('names the valid letters when one is not an option (exit 2)', async () => {
    const r = await kds('quiz', 'answer', 'retention-001', 'z', '--bank', BANK);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "kds: 'z' is not an option of retention-001: choose from A, B, C (kds quiz show retention-001).\n",
    });
  });

  it('resets progress with --yes, and refuses without it when there is no terminal', async () => {
    await kds('quiz', 'answer', 'retention-001', 'a', '--bank', BANK);
    expect((await kds('quiz', 'reset')).code).toBe(2);
    expect(existsSync(join(state, 'progress.json'))).toBe(true);
    const r = await kds('quiz', 'reset', '--yes');
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'Forgot all your progress: 1 question and 0 sessions.\n' });
    expect(existsSync(join(state, 'progress.json'))).toBe(false);
  });

  it('checks a broken bank: every problem on stdout, exit 1', async () => {
    const r = await kds('quiz', 'check', BROKEN);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.includes('.yaml')).length).toBeGreaterThanOrEqual(18);
    expect(r.stdout).toContain('/capacity/capacity-002.yaml:3: unknown difficulty \'insane\' (difficulties: easy, medium, hard)\n');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('✗ 22 problems in 9 files (6 question files read, 1 valid).');
  });

  it('refuses the interactive session without a terminal (exit 2), naming the commands that work', async () => {
    const r = await kds('quiz', '--bank', BANK);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kds quiz list | show ID | answer ID LETTER... | drill KIND | check | stats');
  });

  it('finds the bank it ships with from any working directory', async () => {
    const r = await spawnKds(['quiz', 'list', '--json'], { env: { KDS_STATE_DIR: state }, cwd: state });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThanOrEqual(60);
  });

  it('appears in kds --help', async () => {
    const r = await kds('--help');
    expect(r.stdout).toMatch(/\n {2}quiz +practise for Kinesis questions/);
  });
});
