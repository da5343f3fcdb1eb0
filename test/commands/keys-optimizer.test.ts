/**
 * kds keys analyze asks to hold back V8's optimiser when the whole input came with the first read
 * (64 KiB at most, after decompression): it is counted before an optimised loop could be ready.
 * The fake outside world counts the requests; test/e2e/startup.test.ts watches V8 itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { HEAD_BYTES } from '../../src/io/sources/bytes.js';
import { fakeIo } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'kds-optimizer-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One-key-per-line text of exactly `bytes` bytes (an even number). */
const keyLines = (bytes: number): string => 'k\n'.repeat(bytes / 2);

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** How many times `kds keys analyze` asked to hold back the optimiser. */
async function heldBack(args: readonly string[], stdin?: string): Promise<number> {
  const fake = fakeIo({ stdin });
  const code = await run(['keys', 'analyze', ...args], fake.io);
  expect(code, fake.stderr()).toBe(0);
  return fake.optimizerHeldBack();
}

describe('kds keys analyze and V8\'s optimiser', () => {
  it('holds it back for a file of the first read\'s size or less, once', async () => {
    expect(await heldBack([file('small.txt', keyLines(HEAD_BYTES))])).toBe(1);
  });

  it('leaves it alone for a file one line longer', async () => {
    expect(await heldBack([file('larger.txt', keyLines(HEAD_BYTES + 2))])).toBe(0);
  });

  it('judges standard input and gzip by the text they hold', async () => {
    expect(await heldBack(['-'], 'a\nb\nc\n')).toBe(1);
    expect(await heldBack([file('small.txt.gz', gzipSync(keyLines(1000)))])).toBe(1);
    // Compressed, this is a few hundred bytes.
    expect(await heldBack([file('larger.txt.gz', gzipSync(keyLines(HEAD_BYTES + 2)))])).toBe(0);
  });
});
