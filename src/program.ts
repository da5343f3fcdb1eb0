/** Builds the kds command tree. Each command registers itself; heavy modules load in its action. */
import { Option, type Command } from 'commander';
import { registerCompare } from './commands/compare/index.js';
import { registerCompletion } from './commands/completion/index.js';
import { registerKeys } from './commands/keys/index.js';
import { registerLearn } from './commands/learn/index.js';
import { registerQuiz } from './commands/quiz/index.js';
import { KdsCommand } from './commands/kds-command.js';
import { checkDefaultCommandWords } from './commands/near-miss.js';
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

export function createProgram(io: Io): Command {
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
  registerSize(program, getContext);
  registerKeys(program, getContext);
  registerCompare(program, getContext);
  registerQuiz(program, getContext);
  registerLearn(program, getContext);
  registerCompletion(program, getContext);
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
