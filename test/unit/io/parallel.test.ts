import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSplits } from '../../../src/io/parallel.js';

const dir = mkdtempSync(join(tmpdir(), 'kds-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(text: string): [string, number] {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  return [path, Buffer.byteLength(text)];
}

describe('cutting a file into parts for threads', () => {
  it('starts each part at the first line start after its share of the file', () => {
    const text = Array.from({ length: 100 }, (_, i) => `key-${i},${i}`).join('\n') + '\n';
    const [path, size] = file(text);
    for (const parts of [2, 3, 8]) {
      const starts = findSplits(path, size, parts)!;
      expect(starts).toHaveLength(parts);
      expect(starts[0]).toBe(0);
      for (let i = 1; i < parts; i++) {
        expect(text[starts[i]! - 1]).toBe('\n');
        expect(starts[i]!).toBeGreaterThanOrEqual(Math.floor((size * i) / parts));
        expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
      }
    }
  });

  it('gives up when there are fewer lines than parts', () => {
    const [path, size] = file('partition_key\na\n');
    expect(findSplits(path, size, 4)).toBeUndefined();
  });
});
