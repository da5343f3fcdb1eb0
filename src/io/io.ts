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

export function nodeIo(): Io {
  const out = process.stdout;
  const err = process.stderr;
  return {
    stdout: textOutput(out),
    stderr: textOutput(err),
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
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

function textOutput(stream: Writable & { isTTY?: boolean; columns?: number; rows?: number }): TextOutput {
  return {
    write: (text) => void stream.write(text),
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.isTTY === true ? stream.columns : undefined;
    },
    get rows() {
      return stream.isTTY === true ? stream.rows : undefined;
    },
  };
}
