/**
 * Typed errors. Code below the entry point throws these; src/cli.ts is the only place that turns
 * them into a message on stderr and an exit code.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export abstract class KdsError extends Error {
  abstract readonly exitCode: number;
}

/** The command line was wrong: a bad flag value, a missing flag, flags that contradict. Exit 2. */
export class UsageError extends KdsError {
  readonly exitCode = EXIT.usage;
  override readonly name = 'UsageError';
}

/** The input data was wrong or unreadable: a file, a shard map, a question bank. Exit 1. */
export class InputError extends KdsError {
  readonly exitCode = EXIT.failure;
  override readonly name = 'InputError';
}

/**
 * The command ran and its answer is "no": a wrong quiz answer, a hot shard under --fail-on-hot (exit 3).
 * The output has already been written, so the entry point prints nothing more.
 */
export class ExitStatus extends KdsError {
  override readonly name = 'ExitStatus';
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** The user pressed Ctrl+C. Exit 130. */
export class InterruptedError extends KdsError {
  readonly exitCode = EXIT.interrupted;
  override readonly name = 'InterruptedError';
  constructor(message = 'Interrupted.') {
    super(message);
  }
}

/** Inquirer rejects with ExitPromptError on Ctrl+C and on end of input. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/**
 * The prompt's input ended (Ctrl+D in a terminal) rather than being interrupted: the prompter's
 * EndOfInputError, or inquirer's ExitPromptError without SIGINT. Inquirer says "User force closed
 * the prompt with SIGINT" for Ctrl+C, and "... with <code> <signal>" (such as "0 null") when the
 * input closed and the process went on to exit.
 */
export function isEndOfInput(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'EndOfInputError' || (error.name === 'ExitPromptError' && !/\bSIGINT\b/.test(error.message));
}
