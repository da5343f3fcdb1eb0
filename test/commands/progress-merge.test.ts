/**
 * Progress written by other kds runs while a quiz session is open must survive the session's
 * next answer: the session merges its answers into the file on disk rather than writing its copy.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank.js';
import { runKds, scriptedPrompter, type PromptCall } from '../helpers/io.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-merge-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

interface Saved {
  questions: Record<string, { answers: number }>;
  lessons: Record<string, string>;
  sessions: { answered: number }[];
}
const saved = (): Saved => JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8'));
const env = () => ({ KDS_STATE_DIR: state });

const rightTexts = new Set(loadBank(BANK).questions.flatMap((q) => q.options.filter((o) => o.correct).map((o) => o.text)));
const right = (call: PromptCall): unknown => {
  const options = call.choices.filter((c) => typeof c.value === 'string' && /^[A-F]$/.test(c.value));
  const good = options.filter((c) => rightTexts.has(c.name.replace(/^[A-F]\. /, '').replace(/\s+/g, ' ').trim()));
  return call.kind === 'select' ? good[0]?.value : good.map((c) => c.value);
};

describe('a quiz session and other kds runs at the same time', () => {
  it('keeps a kds quiz answer and a kds learn made while the session was open', async () => {
    const prompter = scriptedPrompter([
      right,
      // Between the first and the second answer, another terminal records an answer and a lesson.
      async () => {
        expect((await runKds(['quiz', 'answer', 'retention-001', 'b', '--bank', BANK], { env: env() })).code).toBeLessThan(2);
        expect((await runKds(['learn', 'shards'], { env: env() })).code).toBe(0);
        return 'next';
      },
      right,
    ]);
    const r = await runKds(['quiz', '--bank', BANK, '--topic', 'capacity', '--seed', '3'], {
      stdinIsTTY: true,
      stdoutIsTTY: true,
      prompter,
      env: env(),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const after = saved();
    expect(Object.keys(after.questions).sort()).toEqual(['capacity-001', 'capacity-002', 'retention-001']);
    expect(Object.keys(after.lessons)).toEqual(['shards']);
    expect(after.sessions).toHaveLength(1);
  });

  it('adds its answers to the counts on disk rather than to the counts it started with', async () => {
    const prompter = scriptedPrompter([
      async (call: PromptCall) => {
        await runKds(['quiz', 'answer', 'retention-001', 'b', '--bank', BANK], { env: env() });
        return right(call);
      },
    ]);
    await runKds(['quiz', 'answer', 'retention-001', 'b', '--bank', BANK], { env: env() });
    const r = await runKds(['quiz', '--bank', BANK, '--topic', 'retention'], {
      stdinIsTTY: true,
      stdoutIsTTY: true,
      prompter,
      env: env(),
    });
    expect(r.code).toBe(0);
    expect(saved().questions['retention-001']?.answers).toBe(3);
  });
});
