import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { settleExitCode } from '../../../src/cli.js';
import { guardedOutput } from '../../../src/io/io.js';

function failing(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

function collecting(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      stream.text += chunk.toString();
      callback();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

describe('a guarded output', () => {
  it('keeps the first error instead of throwing it, and drops what is written after it', async () => {
    const out = guardedOutput(failing('ENOSPC'));
    out.write('one');
    await out.flush();
    out.write('two');
    await out.flush();
    expect(out.failure?.code).toBe('ENOSPC');
  });

  it('passes text through while the stream works', async () => {
    const stream = collecting();
    const out = guardedOutput(stream);
    out.write('hello ');
    out.write('world');
    await out.flush();
    expect(stream.text).toBe('hello world');
    expect(out.failure).toBeUndefined();
  });

  it('opens a stream given as a function only when it is first used', async () => {
    let opened = 0;
    const stream = collecting();
    const out = guardedOutput(() => {
      opened += 1;
      return stream;
    });
    await out.flush();
    expect(opened).toBe(0);
    out.write('late');
    expect(out.isTTY).toBe(false);
    await out.flush();
    expect(opened).toBe(1);
    expect(stream.text).toBe('late');
  });

  it('guards a stream opened late like any other', async () => {
    const out = guardedOutput(() => failing('EPIPE'));
    out.write('lost');
    await out.flush();
    expect(out.failure?.code).toBe('EPIPE');
  });
});

describe('the exit code once the output is judged', () => {
  const stderr = () => {
    const lines: string[] = [];
    return { lines, out: { write: (t: string) => void lines.push(t), isTTY: false, columns: undefined } };
  };
  const error = (code: string) => Object.assign(new Error(code), { code });

  it.each([0, 1, 2, 3, 130])('keeps code %i when the reader of a pipe went away, and says nothing', (code) => {
    const err = stderr();
    expect(settleExitCode(code, error('EPIPE'), err.out)).toBe(code);
    expect(err.lines).toEqual([]);
  });

  it('turns success into exit 1 with one line when the disk is full', () => {
    const err = stderr();
    expect(settleExitCode(0, error('ENOSPC'), err.out)).toBe(1);
    expect(err.lines).toEqual(['kds: cannot write the output: no space left on the device (ENOSPC).\n']);
  });

  it('keeps a failing code of the command when the disk is full', () => {
    expect(settleExitCode(3, error('ENOSPC'), stderr().out)).toBe(3);
  });
});
