/** Builds the kds command tree. Each command registers itself; heavy modules load in its action. */
import { Option, type Command } from 'commander';
import { registerCompare } from './commands/compare/index.js';
import { registerCompletion } from './commands/completion/index.js';
import { registerKeys } from './commands/keys/index.js';
import { registerLearn } from './commands/learn/index.js';
import { registerQuiz } from './commands/quiz/index.js';
import { KdsCommand } from './commands/kds-command.js';
import { checkDefaultCommandWords, setWholeTree } from './commands/near-miss.js';
import { examplesHelp } from './commands/shared.js';
import { registerSize } from './commands/size/index.js';
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

/** The commands, by the word that runs them; each needs only itself to run. */
export const COMMANDS: readonly (readonly [string, Register])[] = [
  ['size', registerSize],
  ['keys', registerKeys],
  ['compare', registerCompare],
  ['quiz', registerQuiz],
  ['learn', registerLearn],
];

/**
 * Builds the command tree for a command line (none: the whole tree). When its first word names a
 * command (`kds size ...`), only that command is registered (and of kds quiz, only the subcommand
 * the next word names): registering every command's options is most of the work of starting up,
 * and no other command can run. Help, a typo, a flag first or no word at all get the whole tree.
 * A test holds each command's help and errors to the whole tree's.
 */
export function createProgram(io: Io, argv: readonly string[] = []): Command {
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
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`${stderrMessage(io, oneLine(text))}\n`),
      getOutHelpWidth: () => outputWidth(io.stdout, io.env),
      getErrHelpWidth: () => outputWidth(io.stderr, io.env),
    })
    .addHelpText('after', ROOT_HELP)
    .hook('preAction', async (_root, actionCommand) => {
      checkDefaultCommandWords(actionCommand);
      const explicit = program.getOptionValueSource('color') === 'cli';
      context = await createContext(io, explicit ? program.opts<{ color: boolean }>().color : undefined);
    });

  const getContext = (): Context => {
    if (context === undefined) throw new Error('context used before the preAction hook');
    return context;
  };
  const named = COMMANDS.filter(([name]) => name === argv[0]);
  if (named.length > 0) {
    for (const [, register] of named) register(program, getContext, argv.slice(1));
    setWholeTree(program, () => createProgram(io));
  } else {
    for (const [, register] of COMMANDS) register(program, getContext, []);
    // Completion writes a script from the whole tree: it is registered with the whole tree only.
    registerCompletion(program, getContext);
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
