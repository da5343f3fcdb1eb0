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

export interface Prompter {
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
