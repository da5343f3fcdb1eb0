import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKds } from '../helpers/io.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/keys/', import.meta.url));
const ORDERS = join(FIXTURES, 'orders.csv');

function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-keys-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Json {
  totalRecords: number;
  shards: { shardId: string; startingHashKey: string; endingHashKey: string; records: number; bytes: number; hot: boolean }[];
  hottestShard: string;
  topKeys: { key: string; records: number; bytes: number; shardId: string | null }[];
  diagnosis: { kind: string };
  split: { command: string; newStartingHashKey: string } | null;
  stream: { shardCount: number; defaultShardCount: boolean };
  approximate: boolean;
  malformedRows: { count: number; examples: { line: number; reason: string }[] };
  warnings: { id: string }[];
}

/** Runs with --json; stderr may hold only the line that says how the input was read. */
async function json(argv: string[], options = {}): Promise<Json> {
  const r = await runKds(['keys', 'analyze', ...argv, '--json'], options);
  expect(r.stderr).toMatch(/^(kds: read as [^\n]+\n)?$/);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe('kds keys analyze --json', () => {
  it('keeps the contract: totalRecords, shards in hash order with decimal ranges, hottestShard, topKeys', async () => {
    const out = await json([ORDERS]);
    expect(out.totalRecords).toBe(480);
    expect(out.shards.map((s) => s.shardId)).toEqual([0, 1, 2, 3].map((i) => `shardId-00000000000${i}`));
    expect(out.shards[0]).toMatchObject({ startingHashKey: '0', endingHashKey: '85070591730234615865843651857942052863' });
    expect(out.shards.reduce((s, x) => s + x.records, 0)).toBe(480);
    expect(out.hottestShard).toBe('shardId-000000000003');
    expect(out.topKeys[0]).toEqual(expect.objectContaining({ key: 'customer-42', records: 194, shardId: 'shardId-000000000003' }));
    expect(typeof out.topKeys[0]!.bytes).toBe('number');
    expect(out.diagnosis.kind).toBe('hot-key');
    expect(out.stream).toMatchObject({ shardCount: 4, defaultShardCount: true });
  });

  it('routes against a saved list-shards map with closed shards', async () => {
    const out = await json([ORDERS, '--shard-map', join(FIXTURES, 'shards-resharded.json')]);
    expect(out.shards.map((s) => s.shardId)).toEqual(['shardId-000000000004', 'shardId-000000000003']);
    expect(out.shards[0]!.endingHashKey).toBe('255211775190703847597530955573826158591');
  });

  it('reads keys from standard input with -', async () => {
    const out = await json(['-', '--shards', '2'], { stdin: 'a\nb\ne\nf\n' });
    expect(out.totalRecords).toBe(4);
    expect(out.topKeys.map((k) => [k.key, k.shardId])).toEqual([
      ['a', 'shardId-000000000000'],
      ['b', 'shardId-000000000001'],
      ['e', 'shardId-000000000001'],
      ['f', 'shardId-000000000001'],
    ]);
  });

  it('reports skipped malformed rows in the JSON and one line on stderr', async () => {
    const file = tempFile('bad.csv', 'key,bytes\nok,1\nbad,x\nok,2\n');
    const r = await runKds(['keys', 'analyze', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'kds: read as CSV, 2 columns, header row\nkds: Skipped 1 malformed row (line 3: the bytes field "x" is not a whole number). --strict stops at the first one instead.\n',
    );
    expect(JSON.parse(r.stdout).malformedRows).toEqual({ count: 1, examples: [{ line: 3, reason: 'the bytes field "x" is not a whole number' }] });
  });
});

describe('kds keys analyze report', () => {
  it('says which shard count it simulated by default, and fits 80 columns when piped', async () => {
    const r = await runKds(['keys', 'analyze', ORDERS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Stream: 4 simulated shards (the write capacity of a new on-demand stream, the');
    expect(r.stdout).toContain('Diagnosis: hot key');
    expect(r.stdout).toContain('aws kinesis split-shard --stream-name my-stream');
    expect(r.stdout).toMatch(/#+ hot/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('uses the terminal width and block bars on a terminal', async () => {
    const r = await runKds(['keys', 'analyze', ORDERS, '--sample-rate', '0.01'], { stdoutIsTTY: true, columns: 120, env: { NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/\u2588+ hot/);
    expect(r.stdout).toContain('scaled up 100x for --sample-rate 0.01');
    expect(r.stdout).not.toMatch(/#+ hot/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('shows what salting with --salt K does, with the ordering trade-off', async () => {
    const r = await runKds(['keys', 'analyze', ORDERS, '--salt', '8']);
    expect(r.stdout).toContain('Salting "customer-42" with 8 suffixes');
    expect(r.stdout).toMatch(/ordered\s+only\s+within\s+each\s+suffix/);
  });

  it('prints no progress when stderr is not a terminal, only what it read the input as', async () => {
    const r = await runKds(['keys', 'analyze', ORDERS]);
    expect(r.stderr).toBe('kds: read as CSV, 4 columns, header row\n');
    const told = await runKds(['keys', 'analyze', ORDERS, '--format', 'csv']);
    expect(told.stderr).toBe('');
  });
});

describe('kds keys analyze exit codes', () => {
  it('exits 3 after the report with --fail-on-hot when a shard is hot', async () => {
    const r = await runKds(['keys', 'analyze', ORDERS, '--fail-on-hot', '--format', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Diagnosis: hot key');
    expect(r.stderr).toBe('');
  });

  it('exits 0 with --fail-on-hot when nothing is hot', async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `id-${i}`).join('\n');
    const r = await runKds(['keys', 'analyze', '-', '--fail-on-hot', '--json'], { stdin: keys });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnosis.kind).toBe('balanced');
  });

  it.each([
    [['missing.csv'], 1, /^kds: cannot read .*missing\.csv: no such file\n$/],
    [[FIXTURES], 1, /^kds: cannot read .*: it is a directory, not a file\n$/],
    [['--shards', '0', 'x.csv'], 2, /^kds: --shards expects a whole number of shards from 1 to 1,000,000, got '0' \(too small\)\.\n$/],
    [['--shards', 'many', 'x.csv'], 2, /^kds: --shards expects a whole number/],
    [['--sample-rate', '2', 'x.csv'], 2, /^kds: --sample-rate expects/],
    [['--shards', '2', '--shard-map', 'm.json', 'x.csv'], 2, /^kds: --shards 2 and --shard-map both describe the stream: pass one of them\.\n$/],
    [['--key-column', 'nope', ORDERS], 2, /^kds: --key-column "nope" is not a column of the input; its columns are "order_id", "partition_key", "bytes", "timestamp"\n$/],
    [['--format', 'xml', ORDERS], 2, /^kds: option '--format <FORMAT>' argument 'xml' is invalid\. Allowed choices are auto, csv, tsv, lines, jsonl, get-records\.\n$/],
    [['--format', 'lines', '--key-column', 'k', ORDERS], 2, /^kds: --key-column is for CSV and TSV; --format lines has no columns\.\n$/],
    [['--shard-map', 'no-such-map.json', ORDERS], 1, /^kds: cannot read --shard-map .*no-such-map\.json: no such file\n$/],
  ])('kds keys analyze %j exits %i with one line on stderr', async (args, code, stderr) => {
    const r = await runKds(['keys', 'analyze', ...args], { cwd: FIXTURES });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(r.stdout).toBe('');
  });

  it('refuses a --shard-map that is a FIFO or a device at once, without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-map-'));
    const fifo = join(dir, 'map.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = await runKds(['keys', 'analyze', ORDERS, '--shard-map', fifo]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^kds: cannot read --shard-map .*map\.fifo: it is a FIFO \(named pipe\), not a file\n$/);
    const zero = await runKds(['keys', 'route', 'a', '--shard-map', '/dev/zero']);
    expect(zero).toMatchObject({ code: 1, stderr: 'kds: cannot read --shard-map /dev/zero: it is a character device, not a file\n' });
  });

  it('exits 1 for an empty file, a header without rows, or only unreadable rows', async () => {
    const cases: [string, RegExp][] = [
      ['', /is empty: there are no keys to analyse\.\n$/],
      ['partition_key,bytes\n\n', /has no rows below its header: there are no keys to analyse\.\n$/],
      ['partition_key,bytes\nk,x\n', /none of its 1 rows could be read; line 2: the bytes field "x" is not a whole number\.\n$/],
      ['\n\n', /has no records: there are no keys to analyse\.\n$/],
    ];
    for (const [content, message] of cases) {
      const r = await runKds(['keys', 'analyze', tempFile('in.csv', content)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
  });

  it('exits 1 naming the shards for a shard map with a gap', async () => {
    const map = tempFile(
      'map.json',
      JSON.stringify({
        Shards: [
          { ShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '10' } },
          { ShardId: 'shardId-000000000001', HashKeyRange: { StartingHashKey: '20', EndingHashKey: '340282366920938463463374607431768211455' } },
        ],
      }),
    );
    const r = await runKds(['keys', 'analyze', ORDERS, '--shard-map', map]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kds: --shard-map .*map\.json: no open shard holds hash keys 11 to 19, between shardId-000000000000 and shardId-000000000001\n$/);
  });

  it('exits 1 at the first malformed row with --strict, naming its line', async () => {
    const r = await runKds(['keys', 'analyze', tempFile('s.csv', 'key,bytes\nok,1\n"x"y,2\n'), '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kds: .*s\.csv: line 3: text follows a closing quote \(without --strict such rows are skipped and counted\)\n$/);
  });

  it('warns when key "a" dominates, as KPL-aggregated records do', async () => {
    const out = await json(['-'], { stdin: `${'a\n'.repeat(80)}b\nc\n` });
    expect(out.warnings.map((w) => w.id)).toContain('kpl-aggregation');
  });

  it('gives no KPL warning for a lone key named "a"', async () => {
    const out = await json(['-'], { stdin: 'a\n' });
    expect(out.warnings.map((w) => w.id)).toEqual(['no-bytes-column']);
    expect(out.diagnosis.kind).toBe('uncertain');
  });
});
