/**
 * Registers kds quiz: the interactive session (the default subcommand, `kds quiz [options]`) and
 * the commands for scripts (list, show, answer, check, stats, reset). Options are registered here;
 * the bank reader (yaml), the store and inquirer load only when a command runs.
 */
import { Argument, type Command } from 'commander';
import type { Context } from '../../context.js';
import { addOptions, type OptionSpec } from '../../options/define.js';
import { wrap } from '../../render/text.js';
import { examplesHelp } from '../shared.js';
import { DRILL_KINDS, type DrillKind } from '../../drills/types.js';
import {
  addListOption,
  addDrillOption,
  ANSWER_OPTIONS,
  CHECK_OPTIONS,
  DRILL_OPTIONS,
  DIFFICULTY_OPTION,
  EXPORT_OPTIONS,
  IMPORT_OPTIONS,
  LIST_OPTIONS,
  RESET_OPTIONS,
  SESSION_OPTIONS,
  SHOW_OPTIONS,
  STATS_OPTIONS,
  TOPIC_OPTION,
  type ListOptionSpec,
} from './options.js';
import { runList } from './list.js';

const HELP_WIDTH = 80;

function flagLine(spec: OptionSpec | ListOptionSpec): [string, string] {
  const value = 'value' in spec ? ` ${spec.value}` : '';
  const fallback = 'default' in spec && spec.default !== undefined ? ` (default: ${spec.default})` : '';
  return [`--${spec.name}${value}`, `${spec.description}${fallback}`];
}

/** The session's flags, listed in `kds quiz --help` (they belong to the default subcommand). */
function sessionFlagsHelp(): string {
  const lines = [TOPIC_OPTION, DIFFICULTY_OPTION, ...SESSION_OPTIONS].map(flagLine);
  lines.push(['--drill [KIND]', `generated problems instead of bank questions: ${DRILL_KINDS.join(', ')}, or all kinds when none is named`]);
  const width = Math.max(...lines.map(([flag]) => flag.length)) + 4;
  const body = lines.map(([f, d]) => wrap(d, HELP_WIDTH, `  ${f.padEnd(width - 2)}`, ' '.repeat(width)));
  return `\nSession options (kds quiz [options]):\n${body.join('\n')}\n`;
}

function addStart(quiz: Command, context: () => Context): void {
  const start = quiz
    .command('start', { isDefault: true })
    .description('a practice or exam session in the terminal (the default: `kds quiz` runs it)')
    .allowExcessArguments(true);
  addListOption(start, TOPIC_OPTION);
  addListOption(start, DIFFICULTY_OPTION);
  addOptions(start, SESSION_OPTIONS);
  addDrillOption(start);
  start.action(async (flags, command: Command) => {
    const { runSession } = await import('./session.js');
    await runSession(flags, command.args, context());
  });
}

function addList(quiz: Command, context: () => Context): void {
  const list = quiz.command('list').description('list the questions: id, topic, difficulty and the question');
  addListOption(list, TOPIC_OPTION);
  addListOption(list, DIFFICULTY_OPTION);
  addOptions(list, LIST_OPTIONS).action(async (flags) => {
    await runList(flags, context());
  });
}

function addShow(quiz: Command, context: () => Context): void {
  const show = quiz
    .command('show')
    .description('print one question; --answer adds the key, the explanation and the sources')
    .argument('<id>', 'the question id, e.g. capacity-001');
  addOptions(show, SHOW_OPTIONS).action(async (id: string, flags) => {
    const { runShow } = await import('./commands.js');
    await runShow(id, flags, context());
  });
}

function addAnswer(quiz: Command, context: () => Context): void {
  const answer = quiz
    .command('answer')
    .description('grade one answer, print the feedback and record it (exit 0 right, 1 wrong)')
    .argument('<id>', 'the question id')
    .argument('<letters...>', 'the letters you choose, in the order of kds quiz show (a, b, or "a c")');
  addOptions(answer, ANSWER_OPTIONS).action(async (id: string, letters: string[], flags) => {
    const { runAnswer } = await import('./commands.js');
    await runAnswer(id, letters, flags, context());
  });
}

function addDrill(quiz: Command, context: () => Context): void {
  const drill = quiz
    .command('drill')
    .description('print one generated problem (answers computed by the calculators); --json for scripts')
    .addArgument(new Argument('<kind>', 'what to practise').choices(DRILL_KINDS));
  addOptions(drill, DRILL_OPTIONS).action(async (kind: DrillKind, flags) => {
    const { runDrill } = await import('./drill.js');
    runDrill(kind, flags, context());
  });
}

function addCheck(quiz: Command, context: () => Context): void {
  const check = quiz
    .command('check')
    .description('lint a question bank: every problem as file:line: message (exit 1 when there are any)')
    .argument('[dir]', 'the bank to check (default: the bank kds ships, or --bank)');
  addOptions(check, CHECK_OPTIONS).action(async (dir: string | undefined, flags) => {
    const { runCheck } = await import('./commands.js');
    await runCheck(dir, flags, context());
  });
}

function addStats(quiz: Command, context: () => Context): void {
  const stats = quiz.command('stats').description('your progress: answers, score per topic, Leitner boxes, recent sessions');
  addOptions(stats, STATS_OPTIONS).action(async (flags) => {
    const { runStats } = await import('./commands.js');
    await runStats(flags, context());
  });
}

function addExport(quiz: Command, context: () => Context): void {
  const exporter = quiz.command('export').description('print your progress as JSON (or --output FILE), to move it to another machine');
  addOptions(exporter, EXPORT_OPTIONS).action(async (flags) => {
    const { runExport } = await import('./transfer.js');
    runExport(flags, context());
  });
}

function addImport(quiz: Command, context: () => Context): void {
  const importer = quiz
    .command('import')
    .description('merge an export into your progress (nothing is overwritten; importing twice changes nothing)')
    .argument('<file>', 'a file written by kds quiz export, or - for stdin');
  addOptions(importer, IMPORT_OPTIONS).action(async (file: string, flags) => {
    const { runImport } = await import('./transfer.js');
    await runImport(file, flags, context());
  });
}

function addReset(quiz: Command, context: () => Context): void {
  const reset = quiz.command('reset').description('forget your progress (asks first; --yes for scripts)');
  addListOption(reset, { ...TOPIC_OPTION, description: 'forget only these topics' });
  addOptions(reset, RESET_OPTIONS).action(async (flags) => {
    const { runReset } = await import('./commands.js');
    await runReset(flags, context());
  });
}

/** The quiz subcommands, in the order help lists them. */
const SUBCOMMANDS: readonly (readonly [string, (quiz: Command, context: () => Context) => void])[] = [
  ['start', addStart],
  ['list', addList],
  ['show', addShow],
  ['answer', addAnswer],
  ['drill', addDrill],
  ['check', addCheck],
  ['stats', addStats],
  ['export', addExport],
  ['import', addImport],
  ['reset', addReset],
];

/**
 * Registers kds quiz and its subcommands. Given the words after `quiz`, only the subcommand the
 * first one names is registered, when it names one (as src/program.ts does for the commands).
 */
export function registerQuiz(program: Command, context: () => Context, words: readonly string[] = []): void {
  const quiz = program
    .command('quiz')
    .description('practise for Kinesis questions: a session in the terminal, or one command at a time')
    .addHelpText('after', () => sessionFlagsHelp())
    .addHelpText(
      'after',
      examplesHelp([
        ['kds quiz', 'a practice session of 10 questions: hints on request, feedback after each'],
        ['kds quiz --topic capacity,consumers --difficulty hard', 'only hard questions on two topics'],
        ['kds quiz --set practice', 'the five practice questions of the course, in order'],
        ['kds quiz --mode exam --count 20 --time-limit 30', 'an exam: flag, go back, review, then submit; a live clock'],
        ['kds quiz --mode exam --blueprint developer --count 30', 'drawn by the DVA-C02 exam guide\'s domain weights'],
        ['kds quiz --review', 'the questions you got wrong last time'],
        ['kds quiz --due', 'spaced repetition: what is due again by its Leitner box'],
        ['kds quiz list --topic retention', 'the questions of one topic'],
        ['kds quiz answer capacity-001 a', 'answer one question from a script (exit 0 right, 1 wrong)'],
        ['kds quiz --drill size', 'generated shard-count problems, answers from the calculator'],
        ['kds quiz --drill-ratio 0.3', 'a session with three drills in every ten questions'],
        ['kds quiz drill keys --seed 7 --json', 'one generated problem as JSON'],
        ['kds quiz export --output progress.json', 'your progress as JSON, to import on another machine'],
      ]),
    );

  const named = SUBCOMMANDS.filter(([name]) => name === words[0]);
  for (const [, add] of named.length > 0 ? named : SUBCOMMANDS) add(quiz, context);
}
