/**
 * One bad content file fails alone: a question file or a lesson that cannot be parsed (a YAML
 * alias bomb, deep nesting) or read (a FIFO, a device, an oversize file) is a lint problem naming
 * that file, and the rest of the bank or the lessons still work.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKds } from '../helpers/io.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));
const LESSONS = fileURLToPath(new URL('../fixtures/lessons', import.meta.url));

/** 101 aliases of one anchor: one more than the YAML reader allows. */
const ALIAS_BOMB = `id: capacity-009\nanchor: &a [x, x]\nlist: [${Array.from({ length: 101 }, () => '*a').join(', ')}]\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kds-alone-'));
  cpSync(BANK, join(dir, 'bank'), { recursive: true });
  cpSync(LESSONS, join(dir, 'lessons'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const kds = (args: readonly string[]) => runKds(args, { cwd: dir, env: { KDS_STATE_DIR: join(dir, 'state') } });

describe('a bad question file', () => {
  it.each([
    ['more than 100 YAML aliases', (path: string) => writeFileSync(path, ALIAS_BOMB), /capacity-009\.yaml: YAML: Excessive alias count/],
    ['nesting 20,000 deep', (path: string) => writeFileSync(path, `${'['.repeat(20_000)}${']'.repeat(20_000)}`), /capacity-009\.yaml(:\d+)?: /],
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path]), /capacity-009\.yaml: cannot read the file: it is a FIFO/],
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path), /capacity-009\.yaml: cannot read the file: it is a character device/],
    [
      'a file of 1 MiB',
      (path: string) => {
        writeFileSync(path, '');
        truncateSync(path, 1024 * 1024);
      },
      /capacity-009\.yaml: cannot read the file: it is 1,048,576 bytes, more than the 256 KiB a question file may hold/,
    ],
  ])('holding %s is a problem of that file; the rest of the bank works', async (_what, make, problem) => {
    make(join(dir, 'bank', 'capacity', 'capacity-009.yaml'));
    const check = await kds(['quiz', 'check', 'bank']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(problem);
    expect(check.stderr).toBe('');

    const list = await kds(['quiz', 'list', '--bank', 'bank', '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((q) => q.id)).toContain('capacity-001');
    expect(list.stderr).toBe('kds: 1 file in the question bank has problems and was skipped; see kds quiz check bank.\n');

    const answer = await kds(['quiz', 'answer', 'retention-001', 'a', '--bank', 'bank']);
    expect(answer.code).toBe(0);
  });
});

describe('a bad lesson file', () => {
  it.each([
    ['more than 100 YAML aliases in its front matter', (path: string) => writeFileSync(path, `---\n${ALIAS_BOMB}---\nText.\n`), /beta\.md: front matter is not valid YAML: Excessive alias count/],
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path]), /beta\.md: cannot read the file: it is a FIFO/],
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path), /beta\.md: cannot read the file: it is a character device/],
  ])('holding %s is a problem of that file; the other lessons work', async (_what, make, problem) => {
    make(join(dir, 'lessons', 'beta.md'));
    const r = await kds(['learn', 'alpha', '--lessons', 'lessons']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Alpha lesson');
    expect(r.stderr).toMatch(problem);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
