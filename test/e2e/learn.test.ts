import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnKds } from '../helpers/spawn.js';

const state = mkdtempSync(join(tmpdir(), 'kds-e2e-learn-'));
afterAll(() => rmSync(state, { recursive: true, force: true }));
const env = { KDS_STATE_DIR: state };

describe('kds learn and drills (built binary)', () => {
  it('prints a lesson exactly, plain when piped', async () => {
    const r = await spawnKds(['learn', 'resharding'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../fixtures/learn/resharding.txt');
  });

  it('lists the lessons as JSON', async () => {
    const r = await spawnKds(['learn', '--json'], { env });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((l) => l.id)).toEqual([
      'shards', 'records', 'partition-keys', 'producers', 'consumers', 'lambda', 'kcl', 'resharding', 'compare', 'monitoring', 'cost', 'services', 'security',
    ]);
  });

  it('prints one drill as JSON, the same for the same seed', async () => {
    const a = await spawnKds(['quiz', 'drill', 'compare', '--seed', '9', '--json']);
    const b = await spawnKds(['quiz', 'drill', 'compare', '--seed', '9', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject({ kind: 'compare', id: 'drill-compare-9' });
  });

  it('grades an answer to a drill by its id: exit 0 right, 1 wrong', async () => {
    const drill = JSON.parse((await spawnKds(['quiz', 'drill', 'keys', '--seed', '4', '--json'])).stdout) as {
      options: { letter: string }[];
      correct: string[];
    };
    const right = drill.correct[0] ?? 'A';
    const wrong = drill.options.map((o) => o.letter).find((l) => l !== right) ?? 'B';
    expect((await spawnKds(['quiz', 'answer', 'drill-keys-4', right], { env })).code).toBe(0);
    expect((await spawnKds(['quiz', 'answer', 'drill-keys-4', wrong], { env })).code).toBe(1);
  });
});
