import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { settleExitCode } from '../../../src/cli.js';
import { fdOutput, guardedOutput, isPlainSink } from '../../../src/io/io.js';

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

describe('standard output and error written directly (fdOutput)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kds-fd-output-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const never = (): Writable => {
    throw new Error('the stream was opened');
  };

  it('writes a file itself, whole and in order, without opening the stream', async () => {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const out = fdOutput(fd, never);
    out.write('héllo ');
    out.write('wörld ✓\n');
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
    await out.flush();
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('héllo wörld ✓\n');
    expect(out.failure).toBeUndefined();
  });

  it('tells files, pipes and /dev/null from what may be a terminal', () => {
    const fd = openSync(join(dir, 'plain.txt'), 'w');
    const devNull = openSync('/dev/null', 'w');
    const full = openSync('/dev/full', 'w');
    try {
      expect([isPlainSink(fd), isPlainSink(devNull), isPlainSink(full), isPlainSink(987_654)]).toEqual([true, true, false, false]);
    } finally {
      for (const f of [fd, devNull, full]) closeSync(f);
    }
  });

  it('uses the stream for anything else, opened on first use', async () => {
    const stream = collecting();
    let opened = 0;
    const out = fdOutput(
      1,
      () => {
        opened += 1;
        return stream;
      },
      () => false,
    );
    await out.flush();
    expect(opened).toBe(0);
    out.write('to the stream');
    await out.flush();
    expect([opened, stream.text]).toEqual([1, 'to the stream']);
  });

  it('keeps the first error of a direct write and drops what comes after it', async () => {
    const fd = openSync(join(dir, 'closed.txt'), 'w');
    closeSync(fd);
    const out = fdOutput(fd, never, () => true);
    out.write('lost');
    out.write('also lost');
    await out.flush();
    expect(out.failure?.code).toBe('EBADF');
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
