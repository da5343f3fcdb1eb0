/**
 * Builds the kds command tree. Each command registers itself from a module loaded when the tree
 * needs it; heavy modules load in its action.
 */
import { Option, type Command } from 'commander';
import { BUILD, type CommandSummary } from './build-info.js';
import { KdsCommand } from './commands/kds-command.js';
import { checkDefaultCommandWords, setWholeTree } from './commands/near-miss.js';
import { examplesHelp } from './commands/shared.js';
import { createContext, outputWidth, stderrMessage, type Context } from './context.js';
import type { Io } from './io/io.js';
import { version } from './version.js';

const ROOT_HELP =
  examplesHelp([
    ['kds size --mbps 6', 'shards for 6 MiB/s of writes, and why'],
    ['kds size --mbps 6 --consumers 3 --json', 'the same read by three apps, as JSON'],
    ['kds keys analyze orders.csv --shards 8', 'hot shards and hot keys in a sample of partition keys'],
    ['kds compare --recommend --replay --consumers 3', 'which service fits, and what it rules out'],
    ['kds quiz', 'ten practice questions with feedback (in a terminal)'],
    ['kds learn', 'the lessons, and which ones you have read'],
    ['kds completion bash', 'tab completion for bash (also zsh and fish)'],
  ]) +
  `
Exit codes:
  0    success
  1    a runtime or data error, or a "no" answer (a wrong quiz answer, nothing
       fits in compare)
  2    a usage error: an unknown flag, a bad value, flags that contradict
  3    kds keys analyze --fail-on-hot found a hot shard
  130  interrupted with Ctrl+C

Colour: on in a terminal; off with --no-color, NO_COLOR=1 or when piped;
FORCE_COLOR=1 forces it. Output fits the terminal, or COLUMNS (default 80)
when piped. Set KDS_DEBUG=1 to see stack traces.
`;

/** Registers a command; given the words after its name, it may register only what they can reach. */
type Register = (program: Command, context: () => Context, words: readonly string[]) => void;

/** Every command, by the word that runs it, with the module that registers it. */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['size', async () => (await import('./commands/size/index.js')).registerSize],
  ['keys', async () => (await import('./commands/keys/index.js')).registerKeys],
  ['compare', async () => (await import('./commands/compare/index.js')).registerCompare],
  ['quiz', async () => (await import('./commands/quiz/index.js')).registerQuiz],
  ['learn', async () => (await import('./commands/learn/index.js')).registerLearn],
  // Completion writes its script from the whole tree: it only ever comes with the whole tree.
  ['completion', async () => (await import('./commands/completion/index.js')).registerCompletion],
];

/** The commands that need nothing but themselves to run. */
export const STANDALONE: readonly string[] = ['size', 'keys', 'compare', 'quiz', 'learn'];

const loaded = new Map<string, Register>();

/** Command lines that only the root answers (its help, its version): no command runs. */
const ROOT_LINES: readonly (readonly string[])[] = [[], ['-h'], ['--help'], ['help'], ['-V'], ['--version']];

function rootOnly(argv: readonly string[]): boolean {
  return ROOT_LINES.some((line) => line.length === argv.length && line.every((word, i) => argv[i] === word));
}

/**
 * What a command line needs registered. `one`: its first word names a command that stands alone
 * (`kds size ...`), and only that command is. `summary`: only the root answers it, and the root
 * help lists every command from what the build read of the whole tree (BUILD.commands), so no
 * command is loaded. `whole`: help for a command, a typo, a flag first... every command.
 */
export type Fit = 'one' | 'summary' | 'whole';

/** Where the command word is: after any --color or --no-color (the root's other flags end the line). */
function commandAt(argv: readonly string[]): number {
  let i = 0;
  while (argv[i] === '--color' || argv[i] === '--no-color') i++;
  return i;
}

function fitOf(argv: readonly string[] | undefined): Fit {
  if (argv === undefined) return 'whole';
  const word = argv[commandAt(argv)];
  if (word !== undefined && STANDALONE.includes(word)) return 'one';
  return BUILD !== undefined && rootOnly(argv) ? 'summary' : 'whole';
}

/**
 * Loads the registrations a command line needs (see Fit; no line: the whole tree). Registering,
 * and even loading, every command's options was most of the work of starting up.
 */
export async function loadCommands(argv?: readonly string[]): Promise<Fit> {
  const fit = fitOf(argv);
  const word = argv?.[commandAt(argv)];
  const wanted = fit === 'summary' ? [] : COMMANDS.filter(([name]) => fit === 'whole' || name === word);
  await Promise.all(wanted.map(async ([name, load]) => loaded.set(name, loaded.get(name) ?? (await load()))));
  return fit;
}

/** Root help terms and descriptions of commands that are listed, not registered. */
function listCommands(program: Command, summaries: readonly CommandSummary[]): void {
  const terms = new Map<Command, string>();
  for (const summary of summaries) terms.set(program.command(summary.name).description(summary.description), summary.term);
  const help = program.createHelp();
  program.configureHelp({ ...program.configureHelp(), subcommandTerm: (command) => terms.get(command) ?? help.subcommandTerm(command) });
}

export interface ProgramOptions {
  /** Where commander's own messages (help, version, usage errors) go; the io streams unless given. */
  readonly messages?: { out(text: string): void; err(text: string): void };
  /** Called when parsing is done and a command is about to run. */
  readonly onAction?: () => void;
}

/**
 * Builds the command tree for a command line (none: the whole tree), from the registrations
 * loadCommands loaded for it (see Fit): a command that stands alone is registered alone (and of
 * kds quiz, only the subcommand the next word names); the root's own lines list the commands
 * without registering them. Tests hold each to the whole tree's help, errors and output.
 */
export function createProgram(io: Io, argv?: readonly string[], options: ProgramOptions = {}): Command {
  const out = options.messages?.out ?? ((text: string) => io.stdout.write(text));
  const err = options.messages?.err ?? ((text: string) => io.stderr.write(text));
  let context: Context | undefined;
  const program = new KdsCommand('kds');
  program
    .description('A tutor and sizing calculator for Amazon Kinesis Data Streams')
    .version(version(), '-V, --version', 'print the kds version')
    .helpOption('-h, --help', 'show help for a command')
    .addOption(new Option('--color', 'force colour on'))
    .addOption(new Option('--no-color', 'never use colour'))
    .showSuggestionAfterError(true)
    // commander leaves descriptions unwrapped when less than 40 columns are left for them.
    .configureHelp({ minWidthToWrap: 16 })
    .exitOverride()
    .configureOutput({
      writeOut: out,
      writeErr: err,
      outputError: (text, write) => write(`${stderrMessage(io, oneLine(text))}\n`),
      getOutHelpWidth: () => outputWidth(io.stdout, io.env),
      getErrHelpWidth: () => outputWidth(io.stderr, io.env),
      // kds's help has no colour: commander's own check would open process.stdout to ask.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .addHelpText('after', ROOT_HELP)
    .hook('preAction', async (_root, actionCommand) => {
      options.onAction?.();
      checkDefaultCommandWords(actionCommand);
      const explicit = program.getOptionValueSource('color') === 'cli';
      context = await createContext(io, explicit ? program.opts<{ color: boolean }>().color : undefined);
    });

  const getContext = (): Context => {
    if (context === undefined) throw new Error('context used before the preAction hook');
    return context;
  };
  const register = (name: string, words: readonly string[]): void => {
    const registration = loaded.get(name);
    if (registration === undefined) throw new Error(`kds ${name} was not loaded (loadCommands comes first)`);
    registration(program, getContext, words);
  };
  const fit = fitOf(argv);
  const at = argv === undefined ? 0 : commandAt(argv);
  const word = argv?.[at];
  if (fit === 'one' && word !== undefined) {
    register(word, argv?.slice(at + 1) ?? []);
    // Near-miss suggestions read the tree: give them the rest of this command (its other subcommands).
    setWholeTree(program, () => createProgram(io, [word]));
  } else if (fit === 'summary' && BUILD !== undefined) {
    listCommands(program, BUILD.commands);
  } else {
    for (const [name] of COMMANDS) register(name, []);
  }
  return program;
}

/** commander sometimes splits a message over lines ("(Did you mean ...?)"); kds words it as one message. */
function oneLine(text: string): string {
  const joined = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join(' ');
  return joined.replace(/^error: /, '');
}
