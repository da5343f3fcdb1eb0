/**
 * The only way commands ask the user something. Production uses @inquirer/prompts (loaded lazily
 * by io/inquirer.ts); tests pass a scripted fake. Every prompt has a flag that skips it.
 */
export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
  /** What the answered prompt shows instead of the name ("B" for a long option). */
  readonly short?: string;
  /** Ticked when a checkbox opens. */
  readonly checked?: boolean;
}

/** Options every list prompt takes. */
export interface ListOptions {
  /** Give up after this many milliseconds with a PromptTimeoutError (a quiz time limit). */
  readonly timeoutMs?: number;
}

/** A button under a quiz question's options: a hint, flag, previous, next, review... */
export interface QuizAction {
  readonly value: string;
  readonly name: string;
  /** A key that presses it without moving to it: a letter ("h"), "left" or "right". */
  readonly key?: string;
}

export interface QuizListOptions {
  /** 1: choose one option with Enter; more: tick exactly this many with space, then Enter. */
  readonly picks: number;
  /** Values ticked when the list opens (or, for one pick, where the pointer starts). */
  readonly checked?: readonly string[];
  /** Buttons under the options, set apart from them: they can be pressed, never ticked. */
  readonly actions?: readonly QuizAction[];
  /** A short note after the message ("flagged"). */
  readonly status?: string;
  /** Lines printed just above the list (the question) that should stay on screen: the list scrolls instead. */
  readonly above?: number;
  /** A live countdown to this time (milliseconds since the epoch); the prompt times out then. */
  readonly deadline?: number;
}

/** What a quiz list returns: the chosen option values, or the button pressed (with what was ticked). */
export type QuizListAnswer =
  | { readonly kind: 'answer'; readonly values: readonly string[] }
  | { readonly kind: 'action'; readonly action: string; readonly values: readonly string[] };

export interface Prompter {
  /**
   * A quiz question's options and buttons. The prompt clears itself when answered (the caller
   * prints what was chosen) and throws PromptTimeoutError at the deadline.
   */
  quizList(message: string, choices: readonly Choice<string>[], options: QuizListOptions): Promise<QuizListAnswer>;
  select<T>(
    message: string,
    choices: readonly Choice<T>[],
    options?: ListOptions & { readonly default?: T },
  ): Promise<T>;
  checkbox<T>(
    message: string,
    choices: readonly Choice<T>[],
    options?: ListOptions & {
      readonly required?: boolean;
      /** Checked on submit: true, or the message to show. */
      readonly validate?: (values: readonly T[]) => true | string;
    },
  ): Promise<T[]>;
  confirm(message: string, options?: { readonly default?: boolean }): Promise<boolean>;
  /** Free text, validated: validate returns true or the message to show. */
  input(
    message: string,
    options?: { readonly default?: string; readonly validate?: (value: string) => true | string },
  ): Promise<string>;
}

/**
 * The learner pressed Ctrl+D at a prompt: the input ended. Not a Ctrl+C (exit 130): a session
 * treats it as a stop, other commands as a prompt left unanswered.
 */
export class EndOfInputError extends Error {
  override readonly name = 'EndOfInputError';
  constructor() {
    super('the input ended (Ctrl+D) before an answer');
  }
}

/** A prompt given a timeoutMs ran out before it was answered. */
export class PromptTimeoutError extends Error {
  override readonly name = 'PromptTimeoutError';
  constructor() {
    super('the time ran out before the answer');
  }
}
