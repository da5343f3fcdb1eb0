/**
 * What shell completion needs to know, read from the command tree: every command path, its
 * subcommands, its flags (and which take a value), and what each value or argument completes to.
 * Word lists that come from content (question ids, lesson names) are passed in.
 */
import type { Argument, Command, Option } from 'commander';
import { DIFFICULTIES, TOPICS } from '../../core/quiz/topics.js';
import { DRILL_KINDS } from '../../drills/types.js';
import type { CompletionSpec, CompletionCommand, CompletionFlag, Values } from '../../render/completion/spec.js';

export interface ContentWords {
  readonly questionIds: readonly string[];
  /** What kds learn takes: lesson ids, quiz topics, and `check`. */
  readonly lessons: readonly string[];
  /** Names of the question sets (`--set practice`). */
  readonly sets: readonly string[];
}

const NONE: Values = { kind: 'none' };

/**
 * Values a flag completes to when commander has no choices for it: by the flag's name for the
 * flags whose values come from kds's own lists, by its placeholder for files and folders.
 */
function flagValues(option: Option, content: ContentWords): Values {
  if (option.argChoices) return { kind: 'words', words: option.argChoices };
  const name = option.long?.replace(/^--/, '');
  if (name === 'topic') return { kind: 'words', words: TOPICS, commas: true };
  if (name === 'difficulty') return { kind: 'words', words: DIFFICULTIES, commas: true };
  if (name === 'drill') return { kind: 'words', words: DRILL_KINDS };
  if (name === 'set') return { kind: 'words', words: content.sets };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1]?.toUpperCase() ?? '';
  if (placeholder === 'FILE') return { kind: 'files' };
  if (placeholder === 'DIR') return { kind: 'dirs' };
  return NONE;
}

/** Values of a positional argument: its choices, or content and paths by the argument's name. */
function argumentValues(argument: Argument, content: ContentWords): Values {
  if (argument.argChoices) return { kind: 'words', words: argument.argChoices };
  switch (argument.name()) {
    case 'id':
      return { kind: 'words', words: content.questionIds };
    case 'lesson':
      return { kind: 'words', words: content.lessons };
    case 'file':
      return { kind: 'files' };
    case 'dir':
      return { kind: 'dirs' };
    default:
      return NONE;
  }
}

function firstSentence(text: string): string {
  const short = text.split(/[;(]/)[0]?.trim() ?? '';
  return short.length > 60 ? `${short.slice(0, 57).trimEnd()}...` : short;
}

function toFlag(option: Option, content: ContentWords): CompletionFlag {
  const names = [option.long, option.short].filter((n): n is string => n !== undefined);
  return {
    names,
    description: firstSentence(option.description),
    value: option.required ? 'required' : option.optional ? 'optional' : 'none',
    values: option.required || option.optional ? flagValues(option, content) : NONE,
  };
}

function visibleFlags(command: Command, content: ContentWords): CompletionFlag[] {
  return command
    .createHelp()
    .visibleOptions(command)
    .map((o) => toFlag(o, content));
}

/** commander keeps the name of a default subcommand (`kds quiz` runs `kds quiz start`) privately. */
function defaultSubcommand(command: Command): Command | undefined {
  const name = (command as unknown as { _defaultCommandName: string | null })._defaultCommandName;
  return name === null ? undefined : command.commands.find((c) => c.name() === name);
}

export function completionSpec(program: Command, content: ContentWords): CompletionSpec {
  // Flags of the root that work after any command (commander reads them anywhere): colour.
  const inherited = visibleFlags(program, content).filter((f) => f.names.some((n) => n === '--color' || n === '--no-color'));
  const commands: CompletionCommand[] = [];
  const visit = (command: Command, path: readonly string[]): void => {
    const subcommands = command.commands.filter((c) => c.name() !== 'help');
    const fallback = defaultSubcommand(command);
    const own = visibleFlags(command, content);
    const flags = [...own, ...(fallback ? visibleFlags(fallback, content) : []), ...(path.length > 0 ? inherited : [])];
    const seen = new Set<string>();
    const unique = flags.filter((f) => {
      const key = f.names.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    commands.push({
      path,
      description: command.description(),
      subcommands: subcommands.map((c) => ({ name: c.name(), description: firstSentence(c.description()) })),
      flags: unique,
      args: command.registeredArguments.map((a) => ({ variadic: a.variadic, values: argumentValues(a, content) })),
    });
    for (const sub of subcommands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return { program: program.name(), commands };
}
