/** kds quiz export and import: progress as JSON, and merged (never overwritten) on import. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKds, type FakeIoOptions } from '../helpers/io.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));
const T = Date.UTC(2026, 10, 25, 12);
const DAY = 86_400_000;

let home: string;
let here: string;
let there: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'kds-transfer-'));
  here = join(home, 'here');
  there = join(home, 'there');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const on = (state: string, args: readonly string[], options: FakeIoOptions = {}) =>
  runKds(['quiz', ...args], { cwd: home, now: T, ...options, env: { KDS_STATE_DIR: state } });
const saved = (state: string) => JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8'));

describe('kds quiz export', () => {
  it('prints the progress file as JSON on stdout', async () => {
    await on(here, ['answer', 'retention-001', 'a', '--bank', BANK]);
    const r = await on(here, ['export']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(saved(here));
  });

  it('prints empty progress when there is none yet', async () => {
    const r = await on(here, ['export']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ version: 1, questions: {}, sessions: [], lessons: {} });
  });

  it('writes to a file with --output and says what it wrote', async () => {
    await on(here, ['answer', 'retention-001', 'a', '--bank', BANK]);
    await runKds(['learn', 'shards'], { env: { KDS_STATE_DIR: here } });
    const r = await on(here, ['export', '--output', 'p.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Exported 1 question, 0 sessions and 1 lesson read to p.json.\n');
    expect(JSON.parse(readFileSync(join(home, 'p.json'), 'utf8'))).toEqual(saved(here));
  });

  it("sweeps the temporary files of exports that were killed, and leaves a running one's alone", async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(home, `.p.json.${dead}.abc.tmp`), 'half an export');
    writeFileSync(join(home, `.p.json.${process.pid}.abc.tmp`), 'an export under way');
    const r = await on(here, ['export', '--output', 'p.json']);
    expect(r.code).toBe(0);
    expect(readdirSync(home).filter((name) => name.endsWith('.tmp'))).toEqual([`.p.json.${process.pid}.abc.tmp`]);
  });

  it('refuses an --output that is a folder, in one line (exit 1)', async () => {
    mkdirSync(join(home, 'folder'));
    const r = await on(here, ['export', '--output', 'folder']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kds: cannot write the export to folder: it is a directory, not a file\.\n$/);
  });
});

describe('kds quiz import', () => {
  it('merges an export into the progress on disk, keeping what only the disk has', async () => {
    await on(here, ['answer', 'retention-001', 'a', '--bank', BANK]);
    await on(there, ['answer', 'capacity-001', 'a', '--bank', BANK], { now: T + DAY });
    await on(there, ['answer', 'retention-001', 'b', '--bank', BANK], { now: T + DAY });
    await on(there, ['export', '--output', 'there.json']);
    const r = await on(here, ['import', 'there.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Imported there.json into ${join(here, 'progress.json')}: 1 new question, 1 updated, 0 new sessions, 0 new lessons read.\n`);
    const merged = saved(here).questions;
    expect(Object.keys(merged).sort()).toEqual(['capacity-001', 'retention-001']);
    // The later answer (wrong, on the other machine) sets the box; counts take the larger side.
    expect(merged['retention-001']).toMatchObject({ answers: 1, right: 1, last: 'wrong', box: 1 });
  });

  it('changes nothing when the same file is imported again, and says so', async () => {
    await on(there, ['answer', 'capacity-001', 'a', '--bank', BANK]);
    await on(there, ['export', '--output', 'there.json']);
    await on(here, ['import', 'there.json']);
    const before = readFileSync(join(here, 'progress.json'), 'utf8');
    const r = await on(here, ['import', 'there.json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file: 'there.json',
      progressFile: join(here, 'progress.json'),
      questionsAdded: 0,
      questionsMerged: 0,
      sessionsAdded: 0,
      lessonsAdded: 0,
    });
    expect(readFileSync(join(here, 'progress.json'), 'utf8')).toBe(before);
  });

  it('reads an export from stdin with -', async () => {
    await on(there, ['answer', 'capacity-001', 'a', '--bank', BANK]);
    const exported = (await on(there, ['export'])).stdout;
    const r = await on(here, ['import', '-'], { stdin: exported });
    expect(r.code).toBe(0);
    expect(Object.keys(saved(here).questions)).toEqual(['capacity-001']);
  });

  it.each([
    ['not JSON', '{ "version": 1,', /^kds: bad\.json is not a kds progress export \(not JSON: .*\); nothing was imported\.\n$/],
    ['another shape', '{"version": 1, "questions": [], "sessions": []}', /^kds: bad\.json is not a kds progress export \('questions' is not an object\); nothing was imported\.\n$/],
    [
      'impossible counts',
      '{"version": 1, "questions": {"a": {"topic": "cost", "box": 1, "answers": 1e308, "right": 1, "hintsUsed": 0, "last": "right", "lastAnswered": "2026-01-01T00:00:00Z", "due": "2026-01-01T00:00:00Z"}}, "sessions": []}',
      /^kds: bad\.json is not a kds progress export \(the record of question 'a' is malformed\); nothing was imported\.\n$/,
    ],
  ])('refuses a file that is %s, in one line (exit 1), and leaves the progress alone', async (_what, text, message) => {
    await on(here, ['answer', 'retention-001', 'a', '--bank', BANK]);
    const before = readFileSync(join(here, 'progress.json'), 'utf8');
    writeFileSync(join(home, 'bad.json'), text);
    const r = await on(here, ['import', 'bad.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(here, 'progress.json'), 'utf8')).toBe(before);
  });

  it('refuses a FIFO, a folder and a missing file in one line (exit 1)', async () => {
    execFileSync('mkfifo', [join(home, 'pipe')]);
    mkdirSync(join(home, 'folder'));
    expect((await on(here, ['import', 'pipe'])).stderr).toBe('kds: cannot import pipe: it is a FIFO (named pipe), not a file.\n');
    expect((await on(here, ['import', 'folder'])).stderr).toBe('kds: cannot import folder: it is a directory, not a file.\n');
    const missing = await on(here, ['import', 'missing.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('kds: cannot import missing.json: there is no such file.\n');
  });
});
