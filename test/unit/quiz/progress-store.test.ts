import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress, markLessonRead, recordAnswer, type ProgressState } from '../../../src/core/quiz/progress.js';
import { InputError } from '../../../src/errors.js';
import { MAX_PROGRESS_BYTES, openProgressStore, progressPath } from '../../../src/io/progress-store.js';

const T = Date.UTC(2026, 10, 25, 12, 30, 15, 250);
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-state-'));
  temps.push(dir);
  return dir;
}

const answer = (state: ProgressState, id: string, right = true): ProgressState =>
  recordAnswer(state, { id, topic: 'cost', right, hintsUsed: 0, at: T });

describe('where progress lives', () => {
  it('uses $KDS_STATE_DIR, then $XDG_STATE_HOME/kds, then ~/.local/state/kds', () => {
    expect(progressPath({ KDS_STATE_DIR: '/s', XDG_STATE_HOME: '/x', HOME: '/h' })).toBe('/s/progress.json');
    expect(progressPath({ XDG_STATE_HOME: '/x', HOME: '/h' })).toBe('/x/kds/progress.json');
    expect(progressPath({ HOME: '/h' })).toBe('/h/.local/state/kds/progress.json');
  });

  it('ignores a relative XDG_STATE_HOME, as the XDG spec says', () => {
    expect(progressPath({ XDG_STATE_HOME: 'state', HOME: '/h' })).toBe('/h/.local/state/kds/progress.json');
  });
});

describe('the progress store', () => {
  const open = (path: string, warnings: string[] = []) =>
    openProgressStore(path, { now: () => T, warn: (m) => warnings.push(m) });

  it('starts empty when there is no file, and creates its folder on the first update', async () => {
    const path = join(tempDir(), 'deep', 'er', 'progress.json');
    const store = open(path);
    expect(store.load()).toEqual(emptyProgress());
    const state = await store.update((s) => answer(s, 'cost-001'));
    expect(open(path).load()).toEqual(state);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1);
  });

  it('writes through a temporary file and leaves neither it nor its lock behind', async () => {
    const dir = tempDir();
    const store = open(join(dir, 'progress.json'));
    await store.update((s) => s);
    await store.update((s) => answer(s, 'a', false));
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('applies a change to the latest file, not to what it read earlier', async () => {
    const path = join(tempDir(), 'progress.json');
    const session = open(path);
    const snapshot = session.load();
    await open(path).update((s) => answer(s, 'from-another-run'));
    await session.update((s) => answer(s, 'from-the-session'));
    const saved = open(path).load();
    expect(Object.keys(saved.questions).sort()).toEqual(['from-another-run', 'from-the-session']);
    expect(snapshot).toEqual(emptyProgress());
  });

  it('keeps every one of 20 updates made at the same time', async () => {
    const path = join(tempDir(), 'progress.json');
    const ids = Array.from({ length: 20 }, (_, i) => `q-${i}`);
    await Promise.all(ids.map((id) => open(path).update((s) => answer(s, id))));
    expect(Object.keys(open(path).load().questions).sort()).toEqual([...ids].sort());
  });

  it('writes through a symlinked progress file, keeping the link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'synced'));
    const target = join(dir, 'synced', 'my-progress.json');
    const link = join(dir, 'progress.json');
    symlinkSync(target, link);
    await open(link).update((s) => answer(s, 'one'));
    await open(link).update((s) => answer(s, 'two'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(target, 'utf8')).questions)).toEqual(['one', 'two']);
    expect(readdirSync(join(dir, 'synced'))).toEqual(['my-progress.json']);
  });

  it('cleans up the temporary files of writes that were killed', async () => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    await open(path).update((s) => answer(s, 'kept'));
    for (const pid of [4101, 4102, 4103]) writeFileSync(join(dir, `.progress.json.${pid}.${T}.tmp`), 'x'.repeat(1000));
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    await open(path).update((s) => answer(s, 'next'));
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'progress.json']);
    expect(Object.keys(open(path).load().questions)).toEqual(['kept', 'next']);
  });

  it('takes over a lock left behind by a writer that died', async () => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    mkdirSync(`${path}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    await open(path).update((s) => answer(s, 'after-a-crash'));
    expect(Object.keys(open(path).load().questions)).toEqual(['after-a-crash']);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('waits for a lock held by a live writer', async () => {
    const path = join(tempDir(), 'progress.json');
    mkdirSync(`${path}.lock`);
    let released = false;
    setTimeout(() => {
      released = true;
      rmSync(`${path}.lock`, { recursive: true });
    }, 300);
    await open(path).update((s) => answer(s, 'waited'));
    expect(released).toBe(true);
    expect(Object.keys(open(path).load().questions)).toEqual(['waited']);
  });

  it('deletes the file when a change returns null, and says whether there was one', async () => {
    const path = join(tempDir(), 'progress.json');
    const store = open(path);
    expect(await store.update(() => null)).toBeNull();
    await store.update((s) => answer(s, 'x'));
    expect(existsSync(path)).toBe(true);
    await store.update(() => null);
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    ['not JSON', '{"version": 1, "questions": {', /not JSON/],
    ['a wrong shape', '{"version": 1, "questions": [], "sessions": []}', /'questions' is not an object/],
    ['a newer format', '{"version": 7, "questions": {}, "sessions": []}', /written by a newer kds/],
    [
      'impossible counts',
      '{"version": 1, "questions": {"a": {"topic": "cost", "box": 1, "answers": 1, "right": 5, "hintsUsed": 0, "last": "right", "lastAnswered": "2026-01-01T00:00:00Z", "due": "2026-01-01T00:00:00Z"}}, "sessions": []}',
      /the record of question 'a' is malformed/,
    ],
  ])('reads a file that is %s as empty, and moves it aside at the next update', async (_what, text, reason) => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    writeFileSync(path, text);
    const warnings: string[] = [];
    const store = open(path, warnings);
    expect(store.load()).toEqual(emptyProgress());
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(reason);
    await store.update((s) => answer(s, 'fresh'));
    const aside = join(dir, 'progress.json.corrupt-2026-11-25T12-30-15-250Z');
    expect(readFileSync(aside, 'utf8')).toBe(text);
    expect(Object.keys(open(path).load().questions)).toEqual(['fresh']);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain(`moved to ${aside}`);
  });

  it('moves a corrupt file aside with one warning when it is only updated', async () => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    writeFileSync(path, 'garbage');
    const warnings: string[] = [];
    await open(path, warnings).update((s) => answer(s, 'fresh'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unreadable \(not JSON.*moved to .*corrupt-/);
  });

  describe('refuses what is not a small regular file, in one line', () => {
    const refuses = async (path: string, pattern: RegExp) => {
      const store = open(path);
      expect(() => store.load()).toThrow(InputError);
      expect(() => store.load()).toThrow(pattern);
      await expect(store.update((s) => answer(s, 'x'))).rejects.toThrow(pattern);
      try {
        store.load();
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    };

    it('a FIFO', async () => {
      const path = join(tempDir(), 'progress.json');
      execFileSync('mkfifo', [path]);
      await refuses(path, /progress file .*progress\.json is a FIFO/);
    });

    it('a device', async () => {
      const path = join(tempDir(), 'progress.json');
      symlinkSync('/dev/zero', path);
      await refuses(path, /is a character device/);
    });

    it('a directory', async () => {
      const path = join(tempDir(), 'progress.json');
      mkdirSync(path);
      await refuses(path, /is a directory/);
    });

    it('a file over the size limit', async () => {
      const path = join(tempDir(), 'progress.json');
      writeFileSync(path, '');
      truncateSync(path, MAX_PROGRESS_BYTES + 1);
      await refuses(path, /is 16,777,217 bytes, more than the 16 MiB a progress file may hold/);
    });
  });

  it('reports a state folder it cannot create at once, without hanging', async () => {
    const store = open('/proc/kds-cannot-exist/progress.json');
    await expect(store.update((s) => answer(s, 'x'))).rejects.toThrow(
      /cannot save progress to \/proc\/kds-cannot-exist\/progress\.json: cannot create the folder/,
    );
  });

  it('reports a save it cannot make as an input error naming the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), '');
    const store = open(join(dir, 'blocker', 'progress.json'));
    await expect(store.update((s) => s)).rejects.toThrow(/cannot save progress to .*blocker\/progress.json/);
  });

  it('keeps the lessons read when questions are recorded, and the other way round', async () => {
    const path = join(tempDir(), 'progress.json');
    await Promise.all([
      open(path).update((s) => markLessonRead(s, 'shards', T)),
      open(path).update((s) => answer(s, 'q')),
      open(path).update((s) => markLessonRead(s, 'cost', T)),
    ]);
    const saved = open(path).load();
    expect(Object.keys(saved.lessons).sort()).toEqual(['cost', 'shards']);
    expect(Object.keys(saved.questions)).toEqual(['q']);
  });
});
