/**
 * Everything a command may touch in the outside world, passed in so that tests can fake it.
 */
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
}

/** The process's own streams, guarded: see guardedOutput. stderr opens when first used. */
export function processOutputs(): { stdout: GuardedOutput; stderr: GuardedOutput } {
  return { stdout: guardedOutput(process.stdout), stderr: guardedOutput(() => process.stderr) };
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
  };
}

/** An output that remembers why it failed, if it did. */
export interface GuardedOutput extends TextOutput {
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
    write(text) {
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
