/**
 * Many kds processes writing one progress file at once (the built binary, one state folder): every
 * answer and every lesson read must be in the file afterwards.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnKds } from '../helpers/spawn.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));
const LESSONS = readdirSync(fileURLToPath(new URL('../../src/lessons', import.meta.url)))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-race-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

interface Saved {
  questions: Record<string, { answers: number; right: number }>;
  lessons: Record<string, string>;
}
const saved = (): Saved => JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8'));

describe('parallel writers on one state folder', () => {
  it('records 20 of 20 answers given by 20 kds quiz answer runs at once', async () => {
    const ids = ['capacity-001', 'capacity-002', 'consumers-001', 'retention-001'];
    const runs = Array.from({ length: 20 }, (_, i) =>
      spawnKds(['quiz', 'answer', ids[i % ids.length] ?? '', 'a', '--bank', BANK, '--json'], { env: { KDS_STATE_DIR: state } }),
    );
    const results = await Promise.all(runs);
    for (const r of results) {
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).toBe('');
    }
    const questions = saved().questions;
    const total = Object.values(questions).reduce((sum, q) => sum + q.answers, 0);
    expect(total).toBe(20);
    for (const id of ids) expect(questions[id]?.answers).toBe(5);
    expect(readdirSync(state)).toEqual(['progress.json']);
  });

  it(`keeps all ${LESSONS.length} lessons marked read by as many kds learn runs at once`, async () => {
    const results = await Promise.all(LESSONS.map((id) => spawnKds(['learn', id], { env: { KDS_STATE_DIR: state } })));
    for (const r of results) expect(r.code).toBe(0);
    expect(Object.keys(saved().lessons).sort()).toEqual([...LESSONS].sort());
  });
});
