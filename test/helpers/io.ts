/** A fake outside world for in-process command tests. */
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import type { Io, TextOutput } from '../../src/io/io.js';
import type { Prompter } from '../../src/io/prompter.js';
import { run } from '../../src/cli.js';

export interface FakeIoOptions {
  readonly stdoutIsTTY?: boolean;
  readonly stdinIsTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
  readonly columns?: number;
  readonly prompter?: Prompter;
  readonly now?: number;
  readonly cwd?: string;
  readonly stdin?: string;
}

export interface FakeIo {
  readonly io: Io;
  stdout(): string;
  stderr(): string;
  /** Fires the Ctrl+C handlers registered through io.onInterrupt. */
  interrupt(): void;
}

function capture(isTTY: boolean, columns: number | undefined): TextOutput & { text: string } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
    isTTY,
    columns: isTTY ? columns : undefined,
  };
}

export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  const stdout = capture(options.stdoutIsTTY ?? false, options.columns ?? 80);
  const stderr = capture(options.stdoutIsTTY ?? false, options.columns ?? 80);
  const stdin = new PassThrough();
  if (options.stdin !== undefined) stdin.end(options.stdin);
  const handlers = new Set<() => void>();
  const io: Io = {
    stdout,
    stderr,
    stdin,
    stdinIsTTY: options.stdinIsTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? Date.UTC(2026, 10, 25, 12),
    prompter: async () => {
      if (!options.prompter) throw new Error('this test gave no prompter');
      return options.prompter;
    },
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  return {
    io,
    stdout: () => stdout.text,
    stderr: () => stderr.text,
    interrupt: () => {
      for (const h of [...handlers]) h();
    },
  };
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kds in-process with a fake world; output is returned with escapes stripped. */
export async function runKds(argv: readonly string[], options: FakeIoOptions = {}): Promise<RunResult> {
  const fake = fakeIo(options);
  const code = await run(argv, fake.io);
  return { code, stdout: stripVTControlCharacters(fake.stdout()), stderr: stripVTControlCharacters(fake.stderr()) };
}

/** A Prompter that answers from a script, in order, and fails loudly on an unexpected question. */
export function scriptedPrompter(answers: readonly unknown[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = <T>(message: string): Promise<T> => {
    asked.push(message);
    if (queue.length === 0) return Promise.reject(new Error(`unexpected question: ${message}`));
    const answer = queue.shift();
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer as T);
  };
  return {
    asked,
    select: (message) => next(message),
    checkbox: (message) => next(message),
    confirm: (message) => next(message),
    input: (message) => next(message),
  };
}

/** The error inquirer throws on Ctrl+C. */
export function ctrlC(): Error {
  const error = new Error('User force closed the prompt with SIGINT');
  error.name = 'ExitPromptError';
  return error;
}
