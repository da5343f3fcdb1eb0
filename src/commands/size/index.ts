/**
 * Registers kds size, and runs it. This module loads only when the command line is kds size (or
 * the whole tree is needed; see src/program.ts), so the calculator and its renderer come with it.
 */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { addOptions } from '../../options/define.js';
import { examplesHelp } from '../shared.js';
import { AWS_OPTIONS, SIZE_HISTORY_OPTIONS, type LiveSizeFlags } from '../live-options.js';
import { SIZE_OPTIONS, type SizeFlags } from './options.js';
import { runSize } from './run.js';

export function registerSize(program: Command, context: () => Context): void {
  const command = program
    .command('size')
    .description('how many shards a workload needs, which limit binds, what it costs, and how to get there')
    .argument('[stream]', 'kinesis://NAME or a stream ARN: size that stream from its CloudWatch history');
  addOptions(command, SIZE_OPTIONS);
  // --region is size's own option: the prices, and for kinesis://NAME where the stream is.
  addOptions(command, [...SIZE_HISTORY_OPTIONS, ...AWS_OPTIONS.filter((o) => o.name !== 'region')]);
  command.addHelpText(
    'after',
    examplesHelp([
      ['kds size --mbps 6', '6 MiB/s of writes: 6 shards at least, bound by write bytes'],
      ['kds size --mbps 6 --consumers 3', 'three shared readers: 9 shards, bound by shared reads'],
      ['kds size --records 5000 --record-size 100', 'many small records: 5 shards, bound by write records'],
      ['kds size --records 5000 --record-size 100 --kpl', 'the same with KPL aggregation'],
      ['kds size --mbps 6 --current-shards 4', 'plan the update-shard-count calls from 4 shards'],
      ['kds size --mbps 6 --average-mbps 2 --region eu-west-1', 'priced for the average, in another Region'],
      ['kds size --mbps 4 --surge-mbps 10 --surge-seconds 30', 'a 30-second surge to 10 MiB/s: 10 shards, bound by the surge'],
      ['kds size --records 3000 --mbps 1 --consumer-speed 400', 'a consumer that handles 400 records/s per shard: 8 shards'],
      ['kds size --mbps 2 --surge-mbps 6 --surge-seconds 60 --max-lag-seconds 60', 'catch up within 60 s after the surge'],
      ['kds size --mbps 20 --efo-consumers 4 --retention-hours 168 --json', 'everything as JSON'],
      ['kds size kinesis://orders --region eu-west-1', 'size a real stream from 14 days of CloudWatch history'],
    ]),
  );
  command.action(async (stream: string | undefined, flags: SizeFlags & LiveSizeFlags, self: Command) => {
    // kds size kinesis://NAME counts the stream's shared readers unless --consumers was given, and
    // names the stream in the printed commands unless --stream-name was.
    const given = (name: string) => self.getOptionValueSource(name) === 'cli';
    await runSize({ ...flags, consumersGiven: given('consumers'), streamNameGiven: given('streamName') }, context(), stream);
  });
}
