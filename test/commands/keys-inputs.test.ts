/** kds keys analyze on the inputs people have: each read right, or refused with one line naming the flag. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeAggregate, frame } from '../helpers/kpl.js';
import { runKds } from '../helpers/io.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/keys/', import.meta.url));

function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-inputs-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Json {
  totalRecords: number;
  totalBytes: number;
  distinctKeys: number;
  shards: { shardId: string; records: number }[];
  topKeys: { key: string; records: number; bytes: number; share: number; shardId: string | null }[];
  diagnosis: { kind: string };
  input: { format: string; description: string; compression: string | null; columns: Record<string, string>; rows: number; timeSpanSeconds: number | null; unmatchedLines: { count: number; lines: number[] } | null };
  kpl: { aggregationKeyRecords: number; aggregatedRecords: number; userRecords: number; corruptAggregates: number; checksumMismatches: number; likely: boolean };
  observedShards: { records: number; differ: number; differFromAggregates: number; differWithExplicitHashKey: number } | null;
  warnings: { id: string; message: string }[];
}

async function analyze(args: readonly string[], options: Parameters<typeof runKds>[1] = {}) {
  return runKds(['keys', 'analyze', ...args], { cwd: FIXTURES, ...options });
}

async function json(args: readonly string[], stderr: string, options: Parameters<typeof runKds>[1] = {}): Promise<Json> {
  const r = await analyze([...args, '--json'], options);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr });
  return JSON.parse(r.stdout) as Json;
}

const keysOf = (out: Json) => out.topKeys.map((k) => [k.key, k.records]);

describe('delimited text', () => {
  it('reads a TSV as TSV (every whole line used to become one key), naming what it decided', async () => {
    const out = await json(['events.tsv', '--key-column', 'user_id'], 'kds: read as TSV, 3 columns, header row\n');
    expect(out.totalRecords).toBe(8);
    expect(keysOf(out)).toEqual([['u-1', 4], ['u-2', 2], ['u-3', 1], ['u-4', 1]]);
    expect(out.input).toMatchObject({ format: 'tsv', columns: { key: 'user_id', bytes: 'bytes', time: 'event_time' }, timeSpanSeconds: 8 });
  });

  it('refuses a TSV whose key column it cannot find, naming the columns and the flag', async () => {
    const r = await analyze(['events.tsv']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kds: no partition key column found (looked for partitionkey, key, pk); name it with --key-column; the columns are "user_id", "bytes", "event_time"\n',
    });
  });

  it('keeps the first record of a header-less CSV read with --key-column 1', async () => {
    const out = await json(['headerless.csv', '--key-column', '1'], 'kds: read as CSV, 2 columns, no header row\n');
    expect(out.totalRecords).toBe(4);
    expect(keysOf(out)).toEqual([['k1', 2], ['k2', 1], ['k3', 1]]);
  });

  it('refuses a header-less CSV without a key column number, and reads it with --no-header', async () => {
    const r = await analyze(['headerless.csv']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kds: the first row of headerless.csv, "k1,100", looks like data, not a header: pass --no-header and --key-column N (the key column\'s number)\n',
    });
    const out = await json(['headerless.csv', '--no-header', '--bytes-column', '2'], 'kds: read as CSV, 2 columns, no header row\n');
    expect(out.totalRecords).toBe(4);
    expect(out.totalBytes).toBe(100 + 200 + 50 + 75 + 4 * 2);
    expect(out.input.columns).toEqual({ key: '1', bytes: '2' });
  });

  it('reads any one-character delimiter', async () => {
    const file = tempFile('semi.txt', 'partition_key;bytes\na;10\nb;20\n');
    const out = await json([file, '--delimiter', ';'], 'kds: read as text delimited by ";", 2 columns, header row\n');
    expect(out.totalBytes).toBe(10 + 1 + 20 + 1);
  });

  it.each([
    [['--delimiter', 'ab'], "kds: --delimiter expects one character such as ';', '|' or 'tab' (not a letter, digit or quote), got 'ab'.\n"],
    [['--delimiter', '"'], "kds: --delimiter expects one character such as ';', '|' or 'tab' (not a letter, digit or quote), got '\"'.\n"],
    [['--format', 'jsonl', '--delimiter', ';'], 'kds: --delimiter is for delimited text; it cannot be used with --format jsonl\n'],
    [['--key-field', 'user'], 'kds: --key-field is for JSON lines, but the input reads as CSV, 4 columns, header row\n'],
    [['--format', 'csv', '--key-field', 'user'], 'kds: --key-field is for JSON lines; --format csv has no fields.\n'],
  ])('refuses flags that do not fit the input: %j', async (flags, stderr) => {
    expect(await analyze(['orders.csv', ...flags])).toEqual({ code: 2, stdout: '', stderr });
  });

  it('refuses a CSV whose keys hold tabs, naming both formats', async () => {
    const r = await analyze([tempFile('tabs.csv', 'partition_key,bytes\nk\t1,10\nk2,20\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tabs\.csv looks like CSV but has tabs inside its fields \(is it TSV with commas in its keys\?\): pass --format csv or --format tsv\n$/);
    const told = await json([tempFile('tabs.csv', 'partition_key,bytes\nk\t1,10\nk2,20\n'), '--format', 'csv'], '');
    expect(keysOf(told)).toEqual([['k\t1', 1], ['k2', 1]]);
  });
});

describe('JSON', () => {
  it('reads the JSON aws kinesis get-records prints: keys, exact data bytes and arrival times', async () => {
    const out = await json(['get-records.json', '--shards', '2'], 'kds: read as `aws kinesis get-records` JSON\n');
    expect([out.totalRecords, out.distinctKeys]).toEqual([10, 5]);
    expect(out.topKeys.map((k) => [k.key, k.records, k.bytes])).toEqual([
      ['customer-42', 5, 235],
      ['customer-7', 2, 90],
      ['customer-13', 1, 47],
      ['customer-21', 1, 47],
      ['customer-99', 1, 47],
    ]);
    expect(out.input).toMatchObject({ format: 'get-records', timeSpanSeconds: 3 });
    expect(out.kpl).toEqual({ aggregationKeyRecords: 0, aggregatedRecords: 0, userRecords: 0, corruptAggregates: 0, checksumMismatches: 0, likely: false });
  });

  it('de-aggregates KPL aggregates in get-records output into their user records, and says so', async () => {
    const enc = new TextEncoder();
    const aggregate = Buffer.from(
      encodeAggregate([
        { key: 'u1', data: enc.encode('12345') },
        { key: 'u2', data: enc.encode('12') },
        { key: 'u1', data: enc.encode('1') },
      ]),
    ).toString('base64');
    const plain = Buffer.from('{}').toString('base64');
    const doc = { Records: [{ PartitionKey: 'a', Data: aggregate, ApproximateArrivalTimestamp: 1767225600.5 }, { PartitionKey: 'k', Data: plain, ApproximateArrivalTimestamp: 1767225601 }] };
    const out = await json([tempFile('agg.json', JSON.stringify(doc))], 'kds: read as `aws kinesis get-records` JSON\n');
    expect(out.totalRecords).toBe(4);
    expect(out.topKeys.map((k) => [k.key, k.records, k.bytes])).toEqual([
      ['u1', 2, 10],
      ['k', 1, 3],
      ['u2', 1, 4],
    ]);
    expect(out.kpl).toEqual({ aggregationKeyRecords: 0, aggregatedRecords: 1, userRecords: 3, corruptAggregates: 0, checksumMismatches: 0, likely: true });
    expect(out.warnings.find((w) => w.id === 'kpl-aggregation')!.message).toBe(
      '1 Kinesis record was a KPL aggregate (data starting with the magic bytes F3 89 9A C2). It was de-aggregated into 3 user records, each counted under its own partition key, as a consumer using the KCL sees them.',
    );
  });

  it('counts a corrupt KPL aggregate once under its outer key, and reports it', async () => {
    const corrupt = Buffer.from(frame(Uint8Array.of(0x0a, 0x7f, 0x61))).toString('base64');
    const doc = { Records: [{ PartitionKey: 'outer', Data: corrupt, ApproximateArrivalTimestamp: 1767225600 }] };
    const out = await json([tempFile('corrupt.json', JSON.stringify(doc))], 'kds: read as `aws kinesis get-records` JSON\n');
    expect(out.totalRecords).toBe(1);
    expect(out.topKeys.map((k) => k.key)).toEqual(['outer']);
    expect(out.kpl).toMatchObject({ aggregatedRecords: 1, userRecords: 0, corruptAggregates: 1 });
    expect(out.warnings.find((w) => w.id === 'kpl-aggregation')!.message).toBe(
      '1 Kinesis record was a KPL aggregate (data starting with the magic bytes F3 89 9A C2). 1 aggregate could not be read (corrupt) and counts as one record under its outer key.',
    );
  });

  it('counts a record with the KPL magic bytes and a wrong checksum as one plain record, and says so', async () => {
    const framed = encodeAggregate([{ key: 'u1', data: new TextEncoder().encode('x') }]);
    framed[framed.length - 1]! ^= 0xff;
    const doc = { Records: [{ PartitionKey: 'outer', Data: Buffer.from(framed).toString('base64'), ApproximateArrivalTimestamp: 1767225600 }] };
    const out = await json([tempFile('mismatch.json', JSON.stringify(doc))], 'kds: read as `aws kinesis get-records` JSON\n');
    expect(out.topKeys.map((k) => [k.key, k.records, k.bytes])).toEqual([['outer', 1, framed.length + 5]]);
    expect(out.kpl).toMatchObject({ aggregatedRecords: 0, userRecords: 0, corruptAggregates: 0, checksumMismatches: 1 });
    expect(out.warnings.find((w) => w.id === 'kpl-checksum')!.message).toBe(
      '1 record began with the KPL magic bytes but failed the MD5 check: counted as a plain record, as the KCL does.',
    );
  });

  it('reports a get-records record that cannot be read, by response and record number', async () => {
    const doc = { Records: [{ PartitionKey: 'a', Data: 'not base64!', ApproximateArrivalTimestamp: 1 }, { PartitionKey: 'b', Data: '', ApproximateArrivalTimestamp: 1 }] };
    const out = await json([tempFile('bad.json', JSON.stringify(doc)), '--format', 'get-records'], 'kds: Skipped 1 malformed row (response 1 (line 1), record 1: its Data is not base64). --strict stops at the first one instead.\n');
    expect(out.totalRecords).toBe(1);
  });

  it('reads JSON lines by dotted paths (they used to give a confusing "columns are {..." error)', async () => {
    const r = await analyze(['events.jsonl']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kds: no partition key field found in the first JSON line (looked for partitionkey, key, pk); name it with --key-field (a dotted path such as detail.user); its fields are "id", "detail", "size", "ts"\n',
    });
    const out = await json(['events.jsonl', '--key-field', 'detail.user.id', '--bytes-field', 'size', '--time-field', 'ts'], 'kds: read as JSON lines\n');
    expect(out.totalRecords).toBe(12);
    expect(out.topKeys[0]).toMatchObject({ key: 'user-1', records: 5 });
    expect(out.input).toMatchObject({ format: 'jsonl', columns: { key: 'detail.user.id', bytes: 'size', time: 'ts' }, timeSpanSeconds: 12 });
  });

  it('reads JSON objects run together, as Firehose writes them to S3 (gzip-compressed)', async () => {
    const objects = ['a', 'b', 'a', 'c'].map((k, i) => JSON.stringify({ partitionKey: k, bytes: 10 * (i + 1) })).join('');
    const out = await json([tempFile('firehose.gz', gzipSync(Buffer.from(objects)))], 'kds: read as gzip-compressed JSON objects one after another\n');
    expect(keysOf(out)).toEqual([['a', 2], ['b', 1], ['c', 1]]);
    expect(out.totalBytes).toBe(100 + 4);
  });

  it('refuses JSON among the lines of a keys file', async () => {
    const r = await analyze([tempFile('mixed.txt', 'k1\n{"partitionKey":"k2"}\nk3\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mixed\.txt has JSON objects among its lines: pass --format jsonl to read their fields, or --format lines to use each whole line as a key\n$/);
  });
});

describe('log lines', () => {
  it('refuses a producer log read as keys (it used to report 40 distinct keys, balanced)', async () => {
    const r = await analyze(['producer-log.txt']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "kds: producer-log.txt looks like log lines (every line differs, and they hold spaces or '='): pass --key-pattern REGEX to take the key out of each line, or --format lines to use each whole line as a key\n",
    });
  });

  it('takes keys, bytes and times out of log lines with --key-pattern and finds the 30% key', async () => {
    const out = await json(['producer-log.txt', '--key-pattern', '^(?<time>\\S+) .*partitionKey=(?<key>\\S+) bytes=(?<bytes>\\d+)'], '');
    expect(out.totalRecords).toBe(40);
    expect(out.topKeys[0]).toMatchObject({ key: 'customer-42', records: 12, share: 0.3 });
    expect(out.input).toMatchObject({ format: 'log-lines', timeSpanSeconds: 10 });
  });

  it('counts and reports lines that do not match', async () => {
    const file = tempFile('app.txt', 'put pk=a\nheartbeat\nput pk=b\nshutdown\n');
    const r = await analyze([file, '--key-pattern', 'pk=(\\w+)', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('kds: 2 lines of 4 did not match --key-pattern and were skipped (line 2, 4).\n');
    expect((JSON.parse(r.stdout) as Json).input.unmatchedLines).toEqual({ count: 2, lines: [2, 4] });
  });

  it.each([
    ['(', /^kds: --key-pattern is not a valid regular expression: .*\n$/],
    ['pk=\\w+', /^kds: --key-pattern has no capture group: put the key in parentheses, e\.g\. user=\(\\w\+\)\.\n$/],
    ['(\\w+)=(\\w+)', /^kds: --key-pattern has 2 capture groups: name the key's one \(\?<key>\.\.\.\)\.\n$/],
  ])('refuses --key-pattern %j with exit 2', async (pattern, stderr) => {
    const r = await analyze(['producer-log.txt', '--key-pattern', pattern]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
  });

  it('says so when no line matches', async () => {
    const r = await analyze(['producer-log.txt', '--key-pattern', 'user=(\\w+)']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'kds: none of the 40 lines of producer-log.txt match --key-pattern: check the pattern against a line of the file.\n' });
  });

  it('finishes a pattern that backtracks catastrophically on a long line', async () => {
    const file = tempFile('evil.txt', `${'a'.repeat(40)}!\nkey=${'a'.repeat(5)}\n`);
    const r = await analyze([file, '--key-pattern', '^(?<key>(a+)+)$', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none of the 2 lines of .*evil\.txt match --key-pattern/);
  });
});

describe('bytes that are not plain UTF-8 text', () => {
  it('reads gzip-compressed input from a file and from standard input', async () => {
    const gz = tempFile('orders.csv.gz', gzipSync(readFileSync(join(FIXTURES, 'orders.csv'))));
    const file = await json([gz], 'kds: read as gzip-compressed CSV, 4 columns, header row\n');
    expect(file.totalRecords).toBe(480);
    expect(file.input.compression).toBe('gzip');
    const piped = await json(['-'], 'kds: read as gzip-compressed get-records JSON\n'.replace('get-records JSON', '`aws kinesis get-records` JSON'), {
      stdin: gzipSync(readFileSync(join(FIXTURES, 'get-records.json'))),
    });
    expect(piped.totalRecords).toBe(10);
  });

  it('says a gzip stream that ends early is cut short', async () => {
    const cut = gzipSync(readFileSync(join(FIXTURES, 'orders.csv'))).subarray(0, 200);
    const r = await analyze([tempFile('cut.csv.gz', cut)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cut\.csv\.gz is gzip-compressed but cannot be read: it ends in the middle \(cut short\?\)\n$/);
  });

  it.each([
    ['a UTF-16 file with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('partition_key\nk1\n', 'utf16le')]), 'u16.csv is UTF-16 text (little-endian): kds reads UTF-8; convert it first: iconv -f UTF-16 -t UTF-8 u16.csv > u16-utf8.csv'],
    ['a UTF-16 file without one', Buffer.from('partition_key\nk1\nk2\n', 'utf16le'), 'u16.csv is UTF-16 text (little-endian): kds reads UTF-8; convert it first: iconv -f UTF-16 -t UTF-8 u16.csv > u16-utf8.csv'],
    ['binary data', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), 'u16.csv is binary data, not text (a control byte at offset 7): kds reads CSV, TSV, JSON lines, get-records JSON or log lines, plain or gzip-compressed'],
    ['zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]), 'u16.csv is zstd-compressed: kds reads plain or gzip-compressed text; decompress it first (zstd -d)'],
  ])('refuses %s with its own one-line message', async (_what, bytes, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-inputs-'));
    writeFileSync(join(dir, 'u16.csv'), bytes);
    expect(await analyze(['u16.csv'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: `kds: ${message}\n` });
  });

  it('refuses a directory', async () => {
    expect(await analyze(['.'])).toEqual({ code: 1, stdout: '', stderr: 'kds: cannot read .: it is a directory, not a file\n' });
  });

  it('says it is waiting on a named pipe before it reads one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-fifo-'));
    const fifo = join(dir, 'keys.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = new Promise<void>((resolve) => setTimeout(() => {
      writeFileSync(fifo, 'k1\nk2\n');
      resolve();
    }, 50));
    const r = await analyze(['keys.fifo', '--json'], { cwd: dir });
    await writer;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('kds: keys.fifo is a named pipe: reading until its writer closes it (Ctrl+C to stop)\nkds: read as one key per line\n');
    expect((JSON.parse(r.stdout) as Json).totalRecords).toBe(2);
  });

  it('tells a terminal user that it is waiting for keys on standard input', async () => {
    const r = await analyze(['-', '--json'], { stdin: 'k1\n', stdinIsTTY: true });
    expect(r.stderr).toBe('kds: reading partition keys from standard input (Ctrl+D to end)\nkds: read as one key per line\n');
  });
});

describe('observed shards (a saved live read)', () => {
  it('counts each record on the shard it was read from and says how many differ from the prediction, and why', async () => {
    const out = await json(['observed.csv', '--shards', '2'], 'kds: read as CSV, 5 columns, header row\n');
    expect(out.shards.map((s) => s.records)).toEqual([2, 4]);
    expect(out.observedShards).toEqual({ records: 6, differ: 2, differFromAggregates: 0, differWithExplicitHashKey: 1 });
    expect(out.input.columns).toMatchObject({ shard: 'shard_id', ehk: 'explicit_hash_key' });
    expect(out.warnings.find((w) => w.id === 'observed-shards-differ')!.message).toBe(
      '2 records of 6 (33.3%) were read from another shard than the one their key routes to: 1 carries an explicit hash key and still differs, so the shard map may have changed since the read; 1 other most likely had an explicit hash key set by the producer (reads do not return it), or the stream was resharded since the read. They count on the shard they were read from; where in its hash range they belong is unknown, so the split advice spreads them evenly.',
    );
  });

  it('takes another column name with --shard-column', async () => {
    const file = tempFile('read.csv', 'key,from\na,shardId-000000000001\n');
    const out = await json([file, '--shards', '2', '--shard-column', 'from'], 'kds: read as CSV, 2 columns, header row\n');
    expect(out.shards.map((s) => s.records)).toEqual([0, 1]);
    expect(out.observedShards).toMatchObject({ records: 1, differ: 1 });
  });

  it('fails on a shard id that is not in the map', async () => {
    const r = await analyze(['observed.csv', '--shards', '1']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kds: observed.csv: line 3: the record was read from shard "shardId-000000000001", which is not one of the 1 open shards here: pass the --shard-map of the stream it was read from\n',
    });
  });
});
