/**
 * Registers kds compare, and runs it. This module loads only when the command line is kds compare
 * (or the whole tree is needed; see src/program.ts), so the matrix and the advisor come with it.
 */
import type { Command } from 'commander';
import { ROW_IDS } from '../../core/compare/rows.js';
import type { Context } from '../../context.js';
import { addOptions } from '../../options/define.js';
import { examplesHelp } from '../shared.js';
import { COMPARE_OPTIONS, type CompareFlags } from './options.js';
import { runCompare } from './run.js';

/** The row ids, a few to a line, for the help text. */
function rowsHelp(): string {
  const lines: string[] = [];
  let line = '';
  for (const id of ROW_IDS) {
    const next = line.length === 0 ? id : `${line}, ${id}`;
    if (next.length > 74) {
      lines.push(`${line},`);
      line = id;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return `\nRows (for --rows):\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

const EXIT_HELP = `Exit status: 0 for a matrix or a recommendation; 1 when --recommend finds that
nothing fits (the report says why); 2 for a usage error.`;

export function registerCompare(program: Command, context: () => Context): void {
  const command = program
    .command('compare')
    .description('Kinesis Data Streams vs SQS vs Firehose (and MSK, SNS, EventBridge), and which one fits a workload');
  addOptions(command, COMPARE_OPTIONS);
  command.addHelpText('after', rowsHelp());
  command.addHelpText(
    'after',
    examplesHelp([
      ['kds compare', 'the matrix: Kinesis, SQS standard, SQS FIFO and Firehose'],
      ['kds compare --services kds,sqs-fifo,msk --rows ordering,replay', 'three columns, two rows'],
      ['kds compare --all --sources', 'every service, with the page behind each cell'],
      ['kds compare --recommend', 'answer a few questions (in a terminal) and get a recommendation'],
      ['kds compare --recommend --replay --consumers 3 --ordering per-key --mbps 6', 'a stream, sized'],
      ['kds compare --recommend --destination s3 --no-code --format-conversion', 'Firehose to S3 as Parquet'],
      ['kds compare --recommend --ordering per-key --exactly-once --json', 'the answer as JSON'],
    ]),
  );
  command.addHelpText('after', EXIT_HELP);
  command.action(async (flags: CompareFlags) => {
    await runCompare(flags, context());
  });
}
