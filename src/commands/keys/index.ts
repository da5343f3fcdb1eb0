/**
 * Registers kds keys analyze and kds keys route. This module loads only when the command line is
 * kds keys (or the whole tree is needed; see src/program.ts), so the analyzer comes with it; the
 * router loads when it runs.
 */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { SHARD } from '../../core/facts.js';
import { MIN_RECORDS_PER_SHARD } from '../../core/keys/hot-rule.js';
import { INTERVAL_LEVEL } from '../../core/keys/confidence.js';
import { formatInt, formatMibPerSec, formatPercent } from '../../render/format.js';
import { wrap } from '../../render/text.js';
import { addOptions } from '../../options/define.js';
import { examplesHelp } from '../shared.js';
import { AWS_OPTIONS, LIVE_READ_OPTIONS, type LiveFlags } from '../live-options.js';
import { HOT_EXIT_CODE, KEYS_ANALYZE_OPTIONS, KEYS_ROUTE_OPTIONS, type KeysAnalyzeFlags } from './options.js';
import type { KeysRouteFlags } from './route.js';
import { runKeysAnalyze } from './run.js';

/** The GROUP BY that turns billions of records into one row per key, for --count-column (two lines for help). */
export const SCALE_QUERY = [
  'SELECT partition_key, COUNT(*) AS count, SUM(data_bytes) AS bytes',
  'FROM records GROUP BY partition_key',
] as const;

function analyzeHelp(): string {
  const bytes = formatMibPerSec(SHARD.writeBytesPerSec.value);
  const records = `${formatInt(SHARD.writeRecordsPerSec.value)} records/s`;
  const perRecord = formatInt(SHARD.writeBytesPerSec.value / SHARD.writeRecordsPerSec.value);
  const paragraphs = [
    'Inputs: CSV or TSV (a header row, or --no-header with columns by number), one key per line, JSON lines, the JSON `aws kinesis get-records` prints, log lines (--key-pattern), each plain or gzip-compressed. --format auto says on stderr what it read the input as, and refuses with the flag to pass when it cannot be sure.',
    'Too big for one machine (a Firehose archive of billions of records)? Count per key where the data lives (Athena, Spark, any SQL engine), then analyse the counts with --count-column count (the bytes column then holds each key\'s total data bytes):',
    `A shard is hot when its share of the records is at least --hot-ratio times its share of the hash space (of the bytes instead, when records average more than ${perRecord} bytes: then ${bytes} binds before ${records}), or, with a time column, when its busiest second is over ${bytes} or ${records} (scaled up by --sample-rate). With fewer than ${MIN_RECORDS_PER_SHARD} records per shard, a share must clear that line even at the low end of its ${formatPercent(INTERVAL_LEVEL, 0)} interval. A key is the problem (a hot key) when it carries half or more of a hot shard.`,
    'Malformed rows are skipped, counted and reported with their line numbers; --strict stops at the first one.',
    `Exit codes: 0 report written; 1 unreadable input; 2 a usage error (or an input kds cannot be sure how to read); ${HOT_EXIT_CODE} a hot shard with --fail-on-hot (after the report).`,
  ];
  const wrapped = paragraphs.map((p) => wrap(p, 80));
  wrapped.splice(2, 0, SCALE_QUERY.map((line) => `  ${line}`).join('\n'));
  return `\n${wrapped.join('\n\n')}\n`;
}

export function registerKeys(program: Command, context: () => Context): void {
  const keys = program
    .command('keys')
    .description('partition keys: which shard each key lands on, and which shards and keys are hot');
  const analyze = keys
    .command('analyze')
    .description('route a sample of partition keys exactly as Kinesis does and find hot shards and hot keys')
    .argument('<file>', "CSV, TSV, keys one per line, JSON lines, get-records JSON or log lines (gzip too); '-' reads standard input; kinesis://NAME or a stream ARN reads the live stream");
  addOptions(analyze, KEYS_ANALYZE_OPTIONS);
  addOptions(analyze, [...LIVE_READ_OPTIONS, ...AWS_OPTIONS]);
  analyze.addHelpText(
    'after',
    examplesHelp([
      ['kds keys analyze orders.csv', 'keys from the partition_key column on 4 simulated shards'],
      ['kds keys analyze orders.csv --shards 8 --salt 8', 'on 8 shards, and what salting the hot key 8 ways does'],
      ['aws kinesis list-shards --stream-name orders > shards.json', 'save your stream\'s real shards ...'],
      ['kds keys analyze sample.csv --shard-map shards.json --sample-rate 0.01', '... and analyse a 1% sample against them'],
      ['aws kinesis get-records --shard-iterator "$IT" > records.json', 'records read from a shard ...'],
      ['kds keys analyze records.json --shard-map shards.json', '... analysed by their PartitionKey and Data'],
      ['kds keys analyze app.log.gz --key-pattern \'partitionKey=(\\S+)\'', 'keys pulled out of a producer\'s log'],
      ['kds keys analyze counts.csv --count-column count --json', 'pre-aggregated counts (GROUP BY key), as JSON'],
      ['kds keys analyze kinesis://orders --seconds 60', 'read the live stream for a minute (KPL records de-aggregated)'],
      ['kds keys analyze kinesis://orders --from 15m --save orders-15m.csv', 'the 30 seconds from 15 minutes ago, also saved as CSV'],
    ]) + analyzeHelp(),
  );
  analyze.action(async (file: string, flags: KeysAnalyzeFlags & LiveFlags) => {
    await runKeysAnalyze(file, flags, context());
  });

  const route = keys
    .command('route')
    .description("which shard a partition key lands on: the key's MD5, its 128-bit hash key and the shard")
    .argument('<key...>', 'one or more partition keys');
  addOptions(route, KEYS_ROUTE_OPTIONS);
  addOptions(route, AWS_OPTIONS);
  route.addHelpText(
    'after',
    examplesHelp([
      ['kds keys route order-17 --shards 4', 'MD5, hash key and shard of one key'],
      ['kds keys route a b e f --shard-map shards.json --json', 'several keys against your stream, as JSON'],
      ['kds keys route order-17 --explicit-hash-key 0 --shards 4', 'where an explicit hash key sends the record'],
      ['kds keys route order-17 --shard-map kinesis://orders --region eu-west-1', 'against the live stream\'s open shards'],
    ]),
  );
  route.action(async (keyArgs: string[], flags: KeysRouteFlags) => {
    const { runKeysRoute } = await import('./route.js');
    await runKeysRoute(keyArgs, flags, context());
  });
}
