/** fdOutput when a pipe says it is full (EAGAIN): the rest goes through the stream, in order, none lost. */
import type * as Fs from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

const written: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  let calls = 0;
  return {
    ...fs,
    // The first write takes 3 bytes, the second finds the pipe full.
    writeSync: (_fd: number, bytes: Uint8Array, offset: number) => {
      calls += 1;
      if (calls === 1) {
        written.push(Buffer.from(bytes.subarray(offset, offset + 3)).toString('utf8'));
        return 3;
      }
      throw Object.assign(new Error('resource temporarily unavailable'), { code: 'EAGAIN' });
    },
  };
});

const { fdOutput } = await import('../../../src/io/io.js');

describe('a direct output whose pipe is full', () => {
  it('writes the rest, and what follows, through the stream', async () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
    const out = fdOutput(99, () => stream, () => true);
    out.write('abcdé✓');
    out.write(' more');
    await out.flush();
    expect(written).toEqual(['abc']);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('dé✓ more');
    expect(out.failure).toBeUndefined();
  });
});
