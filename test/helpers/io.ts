/** A fake outside world for in-process command tests. */
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import type { Io, TextOutput } from '../../src/io/io.js';
import type { Choice, Prompter } from '../../src/io/prompter.js';
import { run } from '../../src/cli.js';

export interface FakeIoOptions {
  readonly stdoutIsTTY?: boolean;
  readonly stdinIsTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
  readonly columns?: number;
  readonly prompter?: Prompter;
  /** A fixed time, or a clock the test moves. */
  readonly now?: number | (() => number);
  readonly cwd?: string;
  readonly stdin?: string | Uint8Array;
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
    now: () => (typeof options.now === 'function' ? options.now() : (options.now ?? Date.UTC(2026, 10, 25, 12))),
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

/** One question a scripted prompter was asked. */
export interface PromptCall {
  readonly kind: 'select' | 'checkbox' | 'confirm' | 'input';
  readonly message: string;
  readonly choices: readonly Choice<unknown>[];
  readonly options: Record<string, unknown>;
}

/** A scripted answer: a value (or an Error to throw), or a function of the question asked. */
export type ScriptedAnswer = unknown | ((call: PromptCall) => unknown);

/**
 * A Prompter that answers from a script, in order, and fails loudly on an unexpected question.
 * `asked` lists the messages and `calls` the full questions (with their choices).
 */
export function scriptedPrompter(answers: readonly ScriptedAnswer[]): Prompter & { asked: string[]; calls: PromptCall[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const calls: PromptCall[] = [];
  const next = <T>(call: PromptCall): Promise<T> => {
    asked.push(call.message);
    calls.push(call);
    if (queue.length === 0) return Promise.reject(new Error(`unexpected question: ${call.message}`));
    const scripted = queue.shift();
    const answer = typeof scripted === 'function' ? (scripted as (c: PromptCall) => unknown)(call) : scripted;
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer as T);
  };
  return {
    asked,
    calls,
    select: (message, choices, options) => next({ kind: 'select', message, choices, options: { ...options } }),
    checkbox: (message, choices, options) => next({ kind: 'checkbox', message, choices, options: { ...options } }),
    confirm: (message, options) => next({ kind: 'confirm', message, choices: [], options: { ...options } }),
    input: (message, options) => next({ kind: 'input', message, choices: [], options: { ...options } }),
  };
}

/** The error inquirer throws on Ctrl+C. */
export function ctrlC(): Error {
  const error = new Error('User force closed the prompt with SIGINT');
  error.name = 'ExitPromptError';
  return error;
}
