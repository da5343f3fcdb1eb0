/** A fake outside world for in-process command tests. */
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import type { Io, TextOutput } from '../../src/io/io.js';
import type { Choice, Prompter, QuizListAnswer, QuizListOptions } from '../../src/io/prompter.js';
import { run } from '../../src/cli.js';

export interface FakeIoOptions {
  readonly stdoutIsTTY?: boolean;
  readonly stdinIsTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
  readonly columns?: number;
  /** Terminal rows (24 unless given). */
  readonly rows?: number;
  readonly prompter?: Prompter;
  /** A fixed time, or a clock the test moves. */
  readonly now?: number | (() => number);
  readonly cwd?: string;
  /** What stdin holds (it ends after it); without it, stdin never ends. */
  readonly stdin?: string | Uint8Array;
}

export interface FakeIo {
  readonly io: Io;
  stdout(): string;
  stderr(): string;
  /** Fires the Ctrl+C handlers registered through io.onInterrupt. */
  interrupt(): void;
  /** How many times the command asked to hold back V8's optimiser (a fake: nothing is held back). */
  optimizerHeldBack(): number;
}

function capture(isTTY: boolean, columns: number | undefined, rows: number | undefined): TextOutput & { text: string } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
    isTTY,
    columns: isTTY ? columns : undefined,
    rows: isTTY ? rows : undefined,
  };
}

export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  const stdout = capture(options.stdoutIsTTY ?? false, options.columns ?? 80, options.rows ?? 24);
  const stderr = capture(options.stdoutIsTTY ?? false, options.columns ?? 80, options.rows ?? 24);
  const stdin = new PassThrough();
  if (options.stdin !== undefined) stdin.end(options.stdin);
  const handlers = new Set<() => void>();
  let heldBack = 0;
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
    holdBackOptimizer: () => {
      heldBack++;
      return Promise.resolve();
    },
  };
  return {
    io,
    stdout: () => stdout.text,
    stderr: () => stderr.text,
    interrupt: () => {
      for (const h of [...handlers]) h();
    },
    optimizerHeldBack: () => heldBack,
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
  readonly kind: 'select' | 'checkbox' | 'confirm' | 'input' | 'quizList';
  readonly message: string;
  readonly choices: readonly Choice<unknown>[];
  readonly options: Record<string, unknown>;
}

/** A scripted answer: a value (or an Error to throw), or a function of the question asked. */
export type ScriptedAnswer = unknown | ((call: PromptCall) => unknown);

/**
 * What a scripted answer means to a quiz list: a QuizListAnswer as it is; a value, or a list of
 * values, that names one of the list's buttons presses it (keeping the other values ticked);
 * anything else chooses those option values.
 */
function asQuizAnswer(answer: unknown, options: QuizListOptions): QuizListAnswer {
  if (typeof answer === 'object' && answer !== null && 'kind' in answer) return answer as QuizListAnswer;
  const values = (Array.isArray(answer) ? answer : [answer]).map(String);
  const action = values.find((v) => options.actions?.some((a) => a.value === v));
  if (action !== undefined) return { kind: 'action', action, values: values.filter((v) => v !== action) };
  return { kind: 'answer', values };
}

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
    quizList: async (message, choices, options) =>
      asQuizAnswer(await next<unknown>({ kind: 'quizList', message, choices, options: { ...options } }), options),
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

/** The error inquirer throws when its input ends: Ctrl+D in a terminal (the process-exit path). */
export function ctrlD(): Error {
  const error = new Error('User force closed the prompt with 0 null');
  error.name = 'ExitPromptError';
  return error;
}
