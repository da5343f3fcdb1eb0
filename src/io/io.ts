/**
 * Everything a command may touch in the outside world, passed in so that tests can fake it.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Prompter } from './prompter.js';

export interface TextOutput {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width when it is a terminal. */
  readonly columns: number | undefined;
  /** Terminal height when it is a terminal. */
  readonly rows?: number | undefined;
}

export interface Io {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  readonly stdin: Readable;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Milliseconds since the epoch. */
  now(): number;
  /** A prompter bound to the terminal; loads inquirer on first use. */
  prompter(): Promise<Prompter>;
  /** Registers a Ctrl+C handler for long-running work; returns the function that removes it. */
  onInterrupt(handler: () => void): () => void;
  /**
   * Asks V8 not to optimise from now on, for work that ends sooner than an optimising compile
   * would: the process waits for a compile still running on another thread before it exits.
   */
  holdBackOptimizer(): Promise<void>;
}

/** The process's standard output and error: see fdOutput. */
export function processOutputs(): { stdout: GuardedOutput; stderr: GuardedOutput } {
  return { stdout: fdOutput(1, () => process.stdout), stderr: fdOutput(2, () => process.stderr) };
}

export function nodeIo(outputs: { stdout: TextOutput; stderr: TextOutput } = processOutputs()): Io {
  return {
    stdout: outputs.stdout,
    stderr: outputs.stderr,
    // Opening standard input costs start-up time: it opens when a command reads it or asks whether it is a terminal.
    get stdin() {
      return process.stdin;
    },
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    prompter: async () => {
      const { createInquirerPrompter } = await import('./inquirer.js');
      return createInquirerPrompter({ input: process.stdin, output: process.stdout });
    },
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
    holdBackOptimizer: async () => {
      // node:v8 is loaded only here: it brings Node's stream modules with it. V8 reads the flag
      // each time it weighs optimising a function, so setting it while running is safe, and the
      // code cache, checked against the flags when it was read, stays in use.
      const { setFlagsFromString } = await import('node:v8');
      setFlagsFromString('--no-turbofan');
    },
  };
}

/** An output that remembers why it failed, if it did. */
export interface GuardedOutput extends TextOutput {
  write(text: string | Uint8Array): void;
  /** The first error the stream reported (EPIPE: the reader left; ENOSPC: the disk is full). */
  readonly failure: NodeJS.ErrnoException | undefined;
  /** Resolves once what was written has gone out, or the stream has failed. */
  flush(): Promise<void>;
}

type OutputStream = Writable & { isTTY?: boolean; columns?: number; rows?: number };

/**
 * Wraps a stream so that a failed write never becomes an uncaught 'error' event (a stack trace
 * and exit 1 whatever the command did): the first error is kept for the entry point to judge, and
 * later writes are dropped. Given a function, the stream is opened on first use.
 */
export function guardedOutput(target: OutputStream | (() => OutputStream)): GuardedOutput {
  let failure: NodeJS.ErrnoException | undefined;
  let opened: OutputStream | undefined;
  const fail = (error: NodeJS.ErrnoException): void => {
    failure ??= error;
  };
  const stream = (): OutputStream => {
    if (opened === undefined) {
      opened = typeof target === 'function' ? target() : target;
      opened.on('error', fail);
    }
    return opened;
  };
  if (typeof target !== 'function') stream();
  return {
    write(text: string | Uint8Array) {
      if (failure !== undefined) return;
      try {
        stream().write(text);
      } catch (error) {
        fail(error as NodeJS.ErrnoException);
      }
    },
    get failure() {
      return failure;
    },
    flush: () =>
      new Promise((done) => {
        // Nothing was written to a stream that was never opened.
        if (failure !== undefined || opened === undefined || opened.destroyed) {
          done();
          return;
        }
        try {
          opened.write('', () => done());
        } catch {
          done();
        }
      }),
    get isTTY() {
      return stream().isTTY === true;
    },
    get columns() {
      return stream().isTTY === true ? stream().columns : undefined;
    },
    get rows() {
      return stream().isTTY === true ? stream().rows : undefined;
    },
  };
}

/**
 * A file, a pipe, a socket or /dev/null: what fdOutput writes to itself. Other character devices
 * may be terminals, which need the stream (its width, its colours).
 */
export function isPlainSink(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() || stat.isFIFO() || stat.isSocket()) return true;
    return stat.isCharacterDevice() && stat.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/**
 * Standard output or error, guarded as guardedOutput is. When it is a file, a pipe, a socket or
 * /dev/null, kds writes the bytes itself (fs.writeSync: synchronous, as Node's own stream is for
 * these on Linux), without Node's stream machinery: loading the stream modules (and net, for a
 * pipe) cost every command a few milliseconds of start-up. A terminal gets the process's stream,
 * opened on first use, and so does the rest of the output if a pipe ever says it is full (EAGAIN:
 * another process left it non-blocking).
 */
export function fdOutput(fd: number, open: () => OutputStream, plain: (fd: number) => boolean = isPlainSink): GuardedOutput {
  let direct: boolean | undefined;
  let viaStream: GuardedOutput | undefined;
  let failure: NodeJS.ErrnoException | undefined;
  /** The stream, once the output is not (or no longer) written directly. */
  const stream = (): GuardedOutput | undefined => {
    direct ??= plain(fd);
    if (!direct) viaStream ??= guardedOutput(open);
    return viaStream;
  };
  return {
    write(text) {
      if (failure !== undefined) return;
      const through = stream();
      if (through !== undefined) {
        through.write(text);
        return;
      }
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      let at = 0;
      while (at < bytes.length) {
        try {
          at += writeSync(fd, bytes, at);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') failure = error as NodeJS.ErrnoException;
          else {
            direct = false;
            stream()?.write(bytes.subarray(at));
          }
          return;
        }
      }
    },
    get failure() {
      return failure ?? viaStream?.failure;
    },
    flush: () => viaStream?.flush() ?? Promise.resolve(),
    get isTTY() {
      return stream()?.isTTY ?? false;
    },
    get columns() {
      return stream()?.columns;
    },
    get rows() {
      return stream()?.rows;
    },
  };
}
