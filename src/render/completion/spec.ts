/** The shape of a command tree as shell completion sees it; each shell's script is rendered from it. */

/** What a value completes to: fixed words (commas: a comma-separated list of them), paths, or nothing. */
export type Values =
  | { readonly kind: 'words'; readonly words: readonly string[]; readonly commas?: boolean }
  | { readonly kind: 'files' }
  | { readonly kind: 'dirs' }
  | { readonly kind: 'none' };

export interface CompletionFlag {
  /** "--mbps", and the short form when there is one ("-h"). */
  readonly names: readonly string[];
  readonly description: string;
  /** Whether the flag takes a value: always, optionally (`--drill [kind]`), or never. */
  readonly value: 'required' | 'optional' | 'none';
  readonly values: Values;
}

export interface CompletionArgument {
  readonly variadic: boolean;
  readonly values: Values;
}

export interface CompletionCommand {
  /** Words after the program name: [] for the root, ["quiz", "show"]. */
  readonly path: readonly string[];
  readonly description: string;
  readonly subcommands: readonly { readonly name: string; readonly description: string }[];
  readonly flags: readonly CompletionFlag[];
  /** Positional arguments, in order. */
  readonly args: readonly CompletionArgument[];
}

export interface CompletionSpec {
  readonly program: string;
  readonly commands: readonly CompletionCommand[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** A command path as the scripts key it: "quiz show"; the root is "". */
export function pathKey(command: CompletionCommand): string {
  return command.path.join(' ');
}

/** The flags that consume the next word as their value. */
export function valueFlagNames(command: CompletionCommand): string[] {
  return command.flags.filter((f) => f.value === 'required').flatMap((f) => f.names);
}
