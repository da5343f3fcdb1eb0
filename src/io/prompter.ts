/**
 * The only way commands ask the user something. Production uses @inquirer/prompts (loaded lazily
 * by io/inquirer.ts); tests pass a scripted fake. Every prompt has a flag that skips it.
 */
export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
}

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[], options?: { readonly default?: T }): Promise<T>;
  checkbox<T>(message: string, choices: readonly Choice<T>[], options?: { readonly required?: boolean }): Promise<T[]>;
  confirm(message: string, options?: { readonly default?: boolean }): Promise<boolean>;
  /** Free text, validated: validate returns true or the message to show. */
  input(
    message: string,
    options?: { readonly default?: string; readonly validate?: (value: string) => true | string },
  ): Promise<string>;
}
