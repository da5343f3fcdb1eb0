/**
 * Registers kds learn, and runs it. This module loads only when the command line is kds learn (or
 * the whole tree is needed; see src/program.ts); the lessons' YAML and the calculators their
 * examples run load only when a lesson needs them.
 */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { addOptions } from '../../options/define.js';
import { examplesHelp } from '../shared.js';
import { LEARN_OPTIONS, type LearnFlags } from './options.js';
import { runLearn } from './run.js';

export function registerLearn(program: Command, context: () => Context): void {
  const command = program
    .command('learn')
    .description('short lessons that work their examples with the calculators, each ending in a quiz topic')
    .argument('[lesson]', 'a lesson id (shards, partition-keys, ...) or a quiz topic; none lists them; "check" lints them');
  addOptions(command, LEARN_OPTIONS);
  command.addHelpText(
    'after',
    examplesHelp([
      ['kds learn', 'the lessons, which ones you have read, and your quiz score on each topic'],
      ['kds learn shards', 'shards and capacity modes, a page at a time in a terminal'],
      ['kds learn partition-keys | less', 'the whole lesson as plain text'],
      ['kds learn --json', 'the lessons as [{ id, title, topic }]'],
      ['kds learn resharding --json', 'one lesson as data, its examples computed'],
      ['kds learn check', 'lint the lessons, as kds quiz check lints the questions (exit 1 on a problem)'],
    ]),
  );
  command.action(async (lesson: string | undefined, flags: LearnFlags) => {
    await runLearn(lesson, flags, context());
  });
}
