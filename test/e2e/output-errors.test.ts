/**
 * The built binary writing where it cannot: a pipe closed by the reader keeps the command's own
 * exit code; a full disk (/dev/full) is one line on stderr and exit 1; an unwritable stderr does
 * not change a usage error's exit 2.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/spawn.js';

const KEYS = fileURLToPath(new URL('../fixtures/keys/orders.csv', import.meta.url));
const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-out-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

interface Ran {
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs kds with stdout (and maybe stderr) on a given fd, or on a pipe whose reader has gone. */
function runWith(args: readonly string[], out: 'closed-pipe' | '/dev/full', err: 'pipe' | '/dev/full' = 'pipe'): Promise<Ran> {
  const fds: number[] = [];
  const open = (path: string) => {
    const fd = openSync(path, 'w');
    fds.push(fd);
    return fd;
  };
  const stdio: StdioOptions = ['ignore', out === 'closed-pipe' ? 'pipe' : open(out), err === 'pipe' ? 'pipe' : open(err)];
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio,
    env: { PATH: process.env.PATH ?? '', HOME: state, KDS_STATE_DIR: state, NO_COLOR: '1' },
  });
  // The reader goes away before kds can write a byte (starting Node takes far longer).
  if (out === 'closed-pipe') child.stdout?.destroy();
  for (const fd of fds) closeSync(fd);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

// keys analyze runs with --format csv: with auto detection it would also say what it read the file as.
describe('a pipe closed by its reader', () => {
  it.each([
    ['keys analyze --fail-on-hot with a hot shard', ['keys', 'analyze', KEYS, '--format', 'csv', '--fail-on-hot'], 3],
    ['a wrong quiz answer', ['quiz', 'answer', 'retention-001', 'b', '--bank', BANK], 1],
    ['compare --recommend when nothing fits', ['compare', '--recommend', '--max-message-kb', '20480'], 1],
    ['a command that succeeds', ['size', '--mbps', '6'], 0],
  ])('keeps the exit code of %s, quietly', async (_what, args, code) => {
    const r = await runWith(args, 'closed-pipe');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(code);
  });
});

describe('output to a full disk (/dev/full)', () => {
  it.each([
    ['size', ['size', '--mbps', '6']],
    ['size --json', ['size', '--mbps', '6', '--json']],
    ['compare', ['compare']],
    ['keys analyze', ['keys', 'analyze', KEYS, '--format', 'csv']],
    ['quiz list', ['quiz', 'list', '--bank', BANK]],
    ['learn', ['learn', 'shards']],
    ['--help', ['--help']],
  ])('%s: one line on stderr, exit 1, no stack', async (_what, args) => {
    const r = await runWith(args, '/dev/full');
    expect(r.stderr).toBe('kds: cannot write the output: no space left on the device (ENOSPC).\n');
    expect(r.code).toBe(1);
  });

  it('keeps a failing command’s own exit code (a hot shard: 3)', async () => {
    const r = await runWith(['keys', 'analyze', KEYS, '--format', 'csv', '--fail-on-hot'], '/dev/full');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('kds: cannot write the output: no space left on the device (ENOSPC).\n');
  });

  it('exits 1 with nothing to say when stderr is full too', async () => {
    const r = await runWith(['size', '--mbps', '6'], '/dev/full', '/dev/full');
    expect(r.code).toBe(1);
  });
});

describe('a usage error with an unwritable stderr', () => {
  it('still exits 2', async () => {
    const r = await runWith(['size', '--mbps', 'abc'], 'closed-pipe', '/dev/full');
    expect(r.code).toBe(2);
  });

  it('still exits 2 for an unknown command', async () => {
    const r = await runWith(['sizee'], '/dev/full', '/dev/full');
    expect(r.code).toBe(2);
  });
});
