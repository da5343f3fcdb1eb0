/**
 * bin/kds.js compiles the bundle with the code cache made for the command at build time
 * (scripts/build.mjs). The caches must fit the build and this Node, and a cache that does not fit
 * must change nothing but the time: kds compiles as usual.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const NAMES = ['kds', 'keys', 'size', 'compare', 'quiz', 'learn'];

/** What became of each named cache when the copy of kds at `at` compiled with it. */
function cacheUse(at: string, names: readonly string[]): Record<string, string> {
  const script = `const { compileKds } = require(${JSON.stringify(join(at, 'bin', 'kds.js'))});
    console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, compileKds(n).cache]))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Record<string, string>;
}

/** Runs the copy of kds at `at`. */
function kds(at: string, args: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [join(at, 'bin', 'kds.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  });
  return { status, stdout, stderr };
}

const copies: string[] = [];
/** A copy of bin/ and dist/ to spoil a cache in. */
function copyOfKds(): string {
  const at = mkdtempSync(join(tmpdir(), 'kds-cache-test-'));
  copies.push(at);
  cpSync(join(root, 'bin'), join(at, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(at, 'dist'), { recursive: true });
  return at;
}
afterAll(() => {
  for (const at of copies) rmSync(at, { recursive: true, force: true });
});

describe('the binary without its bundle', () => {
  it('says in one line to build kds first, and exits 1', () => {
    const at = mkdtempSync(join(tmpdir(), 'kds-unbuilt-'));
    copies.push(at);
    cpSync(join(root, 'bin'), join(at, 'bin'), { recursive: true });
    expect(kds(at, ['size', '--mbps', '6'])).toEqual({
      status: 1,
      stdout: '',
      stderr: `kds: ${join(at, 'dist', 'kds.cjs')} is missing: build kds first (npm run build in ${at}).\n`,
    });
  });
});

describe('the code caches', () => {
  it('are used, one per command, by the Node that built them', () => {
    expect(cacheUse(root, NAMES)).toEqual(Object.fromEntries(NAMES.map((n) => [n, 'used'])));
  });

  it('are left alone when made for another build, and kds answers the same', () => {
    const at = copyOfKds();
    const cache = join(at, 'dist', 'cache', 'size.bin');
    writeFileSync(cache, Buffer.concat([Buffer.from('0'.repeat(32), 'latin1'), readFileSync(cache).subarray(32)]));
    expect(cacheUse(at, ['size'])).toEqual({ size: 'none' });
    const run = kds(at, ['size', '--mbps', '6', '--json'], { KDS_DEBUG: '1' });
    expect(run).toEqual({ ...kds(root, ['size', '--mbps', '6', '--json']), stderr: '' });
  });

  it('are turned down by V8 when spoilt, and kds says so only under KDS_DEBUG', () => {
    const at = copyOfKds();
    const cache = join(at, 'dist', 'cache', 'compare.bin');
    const data = readFileSync(cache);
    writeFileSync(cache, data.subarray(0, Math.floor(data.length / 2)));
    expect(cacheUse(at, ['compare'])).toEqual({ compare: 'rejected' });
    const expected = kds(root, ['compare', '--json']);
    expect(kds(at, ['compare', '--json'])).toEqual(expected);
    expect(kds(at, ['compare', '--json'], { KDS_DEBUG: '1' })).toEqual({
      ...expected,
      stderr: 'kds: the code cache does not fit this Node or its flags; compiled without it.\n',
    });
  });
});
