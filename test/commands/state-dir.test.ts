/** Progress in places it cannot be: every command says so in one line, and none hangs. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKds } from '../helpers/io.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-state-dir-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

describe('a KDS_STATE_DIR kds cannot use', () => {
  it('under /proc: kds quiz answer grades, then says in one line that it cannot save (exit 1)', async () => {
    const r = await runKds(['quiz', 'answer', 'retention-001', 'a', '--bank', BANK], { env: { KDS_STATE_DIR: '/proc/kds' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Right');
    expect(r.stderr).toMatch(/^kds: cannot save progress to \/proc\/kds\/progress\.json: cannot create the folder \/proc\/kds \(ENOENT[^\n]*\n$/);
  });

  it('with a FIFO for a progress file: kds quiz stats says so in one line (exit 1)', async () => {
    execFileSync('mkfifo', [join(state, 'progress.json')]);
    const r = await runKds(['quiz', 'stats', '--bank', BANK], { env: { KDS_STATE_DIR: state } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kds: the progress file .*progress\.json is a FIFO \(named pipe\), not a file: move it away, or set KDS_STATE_DIR to another folder\.\n$/);
  });

  it('with a learn run: the lesson is shown, and the failure to save is one notice', async () => {
    const r = await runKds(['learn', 'shards'], { env: { KDS_STATE_DIR: '/proc/kds' } });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain('reading progress was not saved');
  });
});
