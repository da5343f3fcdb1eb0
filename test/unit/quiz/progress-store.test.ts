import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress, recordAnswer } from '../../../src/core/quiz/progress.js';
import { openProgressStore, progressPath } from '../../../src/io/progress-store.js';

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

  it('starts empty when there is no file, and creates its folder on save', () => {
    const path = join(tempDir(), 'deep', 'er', 'progress.json');
    const store = open(path);
    expect(store.load()).toEqual(emptyProgress());
    const state = recordAnswer(emptyProgress(), { id: 'cost-001', topic: 'cost', right: true, hintsUsed: 0, at: T });
    store.save(state);
    expect(open(path).load()).toEqual(state);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1);
  });

  it('writes through a temporary file and leaves none behind', () => {
    const dir = tempDir();
    const store = open(join(dir, 'progress.json'));
    store.save(emptyProgress());
    store.save(recordAnswer(emptyProgress(), { id: 'a', topic: 'cost', right: false, hintsUsed: 0, at: T }));
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it.each([
    ['not JSON', '{"version": 1, "questions": {', /not JSON/],
    ['a wrong shape', '{"version": 1, "questions": [], "sessions": []}', /'questions' is not an object/],
    ['a newer format', '{"version": 7, "questions": {}, "sessions": []}', /written by a newer kds/],
  ])('moves a file that is %s aside with a warning and starts afresh', (_what, text, reason) => {
    const dir = tempDir();
    const path = join(dir, 'progress.json');
    writeFileSync(path, text);
    const warnings: string[] = [];
    expect(open(path, warnings).load()).toEqual(emptyProgress());
    const aside = join(dir, 'progress.json.corrupt-2026-11-25T12-30-15-250Z');
    expect(readFileSync(aside, 'utf8')).toBe(text);
    expect(existsSync(path)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).toContain(`it was moved to ${aside} and progress starts afresh`);
  });

  it('removes the file on reset and says whether there was one', () => {
    const path = join(tempDir(), 'progress.json');
    const store = open(path);
    expect(store.remove()).toBe(false);
    store.save(emptyProgress());
    expect(store.remove()).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('reports a save it cannot make as an input error naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), '');
    const store = open(join(dir, 'blocker', 'progress.json'));
    expect(() => store.save(emptyProgress())).toThrow(/cannot save progress to .*blocker\/progress.json/);
  });
});
