/**
 * The AWS SDK loads only in the commands that reach AWS: it is not in the bundle every command
 * runs (dist/kds.cjs), and the files other commands load (traced from require's cache while the
 * built binary runs) contain none of it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_AWS_ENV } from '../helpers/kinesalite.js';
import { BIN } from '../helpers/spawn.js';

const TRACE = fileURLToPath(new URL('../fixtures/live/trace-loads.cjs', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Strings found only in the SDK's code: the Kinesis and CloudWatch service ids, the HTTP/2 handler. */
const SDK_MARKERS = ['Kinesis_20131202', 'GraniteServiceVersion20100801', 'NodeHttp2Handler'];

function loadedFiles(args: readonly string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kds-trace-'));
  const trace = join(dir, 'loads.txt');
  writeFileSync(trace, '');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--require', TRACE, BIN, ...args],
      // Test credentials and no instance metadata: the SDK's credential chain reaches for nothing.
      { env: { PATH: process.env.PATH ?? '', HOME: dir, KDS_TRACE_LOADS: trace, NO_COLOR: '1', ...TEST_AWS_ENV }, cwd: dir },
      (error) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve(readFileSync(trace, 'utf8').split('\n').filter((p) => p.startsWith(DIST) || p.includes('node_modules')));
      },
    );
  });
}

function sdkIn(files: readonly string[]): string[] {
  return files.filter((f) => SDK_MARKERS.some((m) => readFileSync(f, 'utf8').includes(m)));
}

describe('start-up without the AWS SDK', () => {
  it('runs a bundle that holds none of it', () => {
    expect(sdkIn([join(DIST, 'kds.cjs')])).toEqual([]);
  });

  it('knows the SDK by its markers (so the checks below can fail)', async () => {
    const files = await loadedFiles(['size', 'kinesis://x', '--endpoint-url', 'http://127.0.0.1:1', '--region', 'us-east-1', '--json']);
    expect(sdkIn(files).length).toBeGreaterThan(0);
  });

  it.each([[['--help']], [['size', '--mbps', '6']], [['size', '--help']], [['keys', 'analyze', '--help']], [['compare', '--recommend', '--replay', '--json']]])(
    'kds %j loads no SDK code',
    async (args) => {
      expect(sdkIn(await loadedFiles(args))).toEqual([]);
    },
  );

  it('kds keys analyze on a file loads no SDK code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-trace-'));
    const file = join(dir, 'keys.txt');
    writeFileSync(file, 'a\nb\n');
    const files = await loadedFiles(['keys', 'analyze', file]);
    expect(sdkIn(files)).toEqual([]);
  });
});
