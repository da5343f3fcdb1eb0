/** Registers kds keys and kds keys analyze. The analyzer and its renderer load only when it runs. */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { SHARD } from '../../core/facts.js';
import { formatInt, formatMibPerSec } from '../../render/format.js';
import { wrap } from '../../render/text.js';
import { addOptions } from '../../options/define.js';
import { examplesHelp } from '../shared.js';
import { AWS_OPTIONS, LIVE_READ_OPTIONS, type LiveFlags } from '../live-options.js';
import { HOT_EXIT_CODE, KEYS_ANALYZE_OPTIONS, type KeysAnalyzeFlags } from './options.js';

function hotHelp(): string {
  const bytes = formatMibPerSec(SHARD.writeBytesPerSec.value);
  const records = `${formatInt(SHARD.writeRecordsPerSec.value)} records/s`;
  const perRecord = formatInt(SHARD.writeBytesPerSec.value / SHARD.writeRecordsPerSec.value);
  const paragraphs = [
    `A shard is hot when its share of the records is at least --hot-ratio times its share of the hash space (of the bytes instead, when records average more than ${perRecord} bytes: then ${bytes} binds before ${records}), or, with a time column, when its busiest second is over ${bytes} or ${records} (scaled up by --sample-rate). A key is the problem (a hot key) when it carries half or more of a hot shard.`,
    'Malformed rows are skipped, counted and reported with their line numbers; --strict stops at the first one.',
    `Exit codes: 0 report written; 1 unreadable input; 2 a usage error; ${HOT_EXIT_CODE} a hot shard with --fail-on-hot (after the report).`,
  ];
  return `\n${paragraphs.map((p) => wrap(p, 80)).join('\n\n')}\n`;
}

export function registerKeys(program: Command, context: () => Context): void {
  const keys = program
    .command('keys')
    .description('partition keys: which shard each key lands on, and which shards and keys are hot');
  const analyze = keys
    .command('analyze')
    .description('route a sample of partition keys exactly as Kinesis does and find hot shards and hot keys')
    .argument('<file>', "CSV with a header, or one key per line; '-' reads standard input; kinesis://NAME or a stream ARN reads the live stream");
  addOptions(analyze, KEYS_ANALYZE_OPTIONS);
  addOptions(analyze, [...LIVE_READ_OPTIONS, ...AWS_OPTIONS]);
  analyze.addHelpText(
    'after',
    examplesHelp([
      ['kds keys analyze orders.csv', 'keys from the partition_key column on 4 simulated shards'],
      ['kds keys analyze orders.csv --shards 8 --salt 8', 'on 8 shards, and what salting the hot key 8 ways does'],
      ['aws kinesis list-shards --stream-name orders > shards.json', 'save your stream\'s real shards ...'],
      ['kds keys analyze sample.csv --shard-map shards.json --sample-rate 0.01', '... and analyse a 1% sample against them'],
      ['cut -d, -f3 events.csv | kds keys analyze - --format lines', 'keys from standard input'],
      ['kds keys analyze counts.csv --count-column n --json', 'pre-aggregated counts (GROUP BY key), as JSON'],
      ['kds keys analyze kinesis://orders --seconds 60', 'read the live stream for a minute (KPL records de-aggregated)'],
      ['kds keys analyze kinesis://orders --from 15m --save orders-15m.csv', 'the 30 seconds from 15 minutes ago, also saved as CSV'],
    ]) + hotHelp(),
  );
  analyze.action(async (file: string, flags: KeysAnalyzeFlags & LiveFlags) => {
    const { runKeysAnalyze } = await import('./run.js');
    await runKeysAnalyze(file, flags, context());
  });
}
