import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnKds } from '../helpers/spawn.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/keys/', import.meta.url));
const ENV = { NO_COLOR: '1' };

const TINY_REPORT = `Keys from tiny.csv: 6 records, 6 distinct keys
Input: CSV, 1 column, header row; key "partition_key"
Stream: 3 simulated shards (a stream created with 3, equal hash ranges)

 Shard                  Records   Bytes   Share   Hash %   x fair
 shardId-000000000000         2    10 B   33.3%    33.3%     1.00   #####
 shardId-000000000001         3    13 B   50.0%    33.3%     1.50   ########
 shardId-000000000002         1     1 B   16.7%    33.3%     0.50   ###

Hottest: shardId-000000000001, 50.0% of the records on 33.3% of the hash space
Skew of records across shards: max/mean 1.50, coefficient of variation 0.41,
Gini 0.22; the keys are as concentrated as 6 equally busy keys

Top keys
 Key           Records   Share   Shard
 __proto__           1   16.7%   shardId-000000000000
 a                   1   16.7%   shardId-000000000000
 b                   1   16.7%   shardId-000000000001
 constructor         1   16.7%   shardId-000000000001
 e                   1   16.7%   shardId-000000000002
 f                   1   16.7%   shardId-000000000001

Top keys in shardId-000000000001
 Key           Records   Share   Shard
 b                   1   16.7%   shardId-000000000001
 constructor         1   16.7%   shardId-000000000001
 f                   1   16.7%   shardId-000000000001

Diagnosis: too few records to tell
Only 6 records, 2 per shard on average: shardId-000000000001 has 50.0% of them,
but its true share could be anywhere from 18.8% to 81.2% (95% interval). Below
50 records per shard (150 records here) shares are too uncertain to call a shard
hot.

If the stream had other shard counts (equal ranges, the same keys)
  Shards   Busiest shard's records   Max/mean
       2                     50.0%       1.00
 3 (now)                     50.0%       1.50
       4                     33.3%       1.33
       6                     33.3%       2.00
      12                     33.3%       4.00
      24                     33.3%       8.00

Notes
- No bytes column: byte figures count partition keys only. Add a column of data
  sizes (--bytes-column) to check the byte limit.

Hot means at least 1.50x a fair share (the shard's share of the hash space;
--hot-ratio), with at least 50 records per shard to go on.
`;

/** printf 'k1\nk2\n' | kds keys analyze -: two records cannot make a shard hot, so no remedy is offered. */
const TWO_KEYS_REPORT = `Keys from standard input: 2 records, 2 distinct keys
Input: one key per line
Stream: 4 simulated shards (the write capacity of a new on-demand stream, the
        default); pass --shards N or --shard-map FILE for yours

 Shard                  Records   Bytes   Share   Hash %   x fair
 shardId-000000000000         0     0 B    0.0%    25.0%     0.00
 shardId-000000000001         1     2 B   50.0%    25.0%     2.00   ########
 shardId-000000000002         1     2 B   50.0%    25.0%     2.00   ########
 shardId-000000000003         0     0 B    0.0%    25.0%     0.00

Hottest: shardId-000000000001, 50.0% of the records on 25.0% of the hash space
Skew of records across shards: max/mean 2.00, coefficient of variation 1.00,
Gini 0.50; the keys are as concentrated as 2 equally busy keys

Top keys
 Key   Records   Share   Shard
 k1          1   50.0%   shardId-000000000002
 k2          1   50.0%   shardId-000000000001

Top keys in shardId-000000000001
 Key   Records   Share   Shard
 k2          1   50.0%   shardId-000000000001

Diagnosis: too few records to tell
Only 2 records, 0.5 per shard on average: shardId-000000000001 has 50.0% of
them, but its true share could be anywhere from 9.5% to 90.5% (95% interval).
Below 50 records per shard (200 records here) shares are too uncertain to call a
shard hot.

If the stream had other shard counts (equal ranges, the same keys)
  Shards   Busiest shard's records   Max/mean
       2                     50.0%       1.00
 4 (now)                     50.0%       2.00
       5                     50.0%       2.50
       8                     50.0%       4.00
      16                     50.0%       8.00
      32                     50.0%      16.00

Notes
- No bytes column: byte figures count partition keys only. Add a column of data
  sizes (--bytes-column) to check the byte limit.

Hot means at least 1.50x a fair share (the shard's share of the hash space;
--hot-ratio), with at least 50 records per shard to go on.
`;

describe('kds keys analyze (built binary)', () => {
  it('offers no remedy for two keys on stdin: too few records to call a shard hot', async () => {
    const r = await spawnKds(['keys', 'analyze', '-'], { input: 'k1\nk2\n', env: ENV });
    expect(r).toEqual({ code: 0, stdout: TWO_KEYS_REPORT, stderr: 'kds: read as one key per line\n' });
    expect(r.stdout).not.toContain('Remedies');
    expect(r.stdout).not.toContain('split-shard');
  });

  it('refuses a producer log read as keys, naming --key-pattern, and reads it with one', async () => {
    const refused = await spawnKds(['keys', 'analyze', 'producer-log.txt'], { cwd: FIXTURES, env: ENV });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "kds: producer-log.txt looks like log lines (every line differs, and they hold spaces or '='): pass --key-pattern REGEX to take the key out of each line, or --format lines to use each whole line as a key\n",
    });
    const read = await spawnKds(['keys', 'analyze', 'producer-log.txt', '--key-pattern', 'partitionKey=(\\S+)', '--json'], { cwd: FIXTURES, env: ENV });
    expect(read.code).toBe(0);
    expect(read.stderr).toBe('');
    const out = JSON.parse(read.stdout) as { totalRecords: number; topKeys: { key: string; records: number; share: number }[] };
    expect(out.totalRecords).toBe(40);
    expect(out.topKeys[0]).toMatchObject({ key: 'customer-42', records: 12, share: 0.3 });
  });

  it('reads gzip-compressed CSV from standard input', async () => {
    const { gzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('../helpers/spawn.js');
    const r = spawnSync(process.execPath, [BIN, 'keys', 'analyze', '-', '--json'], {
      input: gzipSync(readFileSync(`${FIXTURES}orders.csv`)),
      env: { PATH: process.env.PATH ?? '', ...ENV },
    });
    expect(r.status).toBe(0);
    expect(r.stderr.toString()).toBe('kds: read as gzip-compressed CSV, 4 columns, header row\n');
    expect((JSON.parse(r.stdout.toString()) as { totalRecords: number }).totalRecords).toBe(480);
  });

  it('routes keys with kds keys route --json in the keys\' order', async () => {
    const r = await spawnKds(['keys', 'route', 'f', 'a', '--shards', '3', '--json'], { env: ENV });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      { key: 'f', md5: '8fa14cdd754f91cc6554c9e71929cce7', hashKey: '190917122200326810055233066464581373159', shardId: 'shardId-000000000001' },
      { key: 'a', md5: '0cc175b9c0f1b6a831c399e269772661', hashKey: '16955237001963240173058271559858726497', shardId: 'shardId-000000000000' },
    ]);
  });

  it('prints the exact report for a small file on 3 shards', async () => {
    const r = await spawnKds(['keys', 'analyze', 'tiny.csv', '--shards', '3'], { cwd: FIXTURES, env: ENV });
    expect(r).toEqual({ code: 0, stdout: TINY_REPORT, stderr: 'kds: read as CSV, 1 column, header row\n' });
  });

  it('prints JSON that routes the published vectors a, b, e, f to shards 0, 1, 2, 1', async () => {
    const r = await spawnKds(['keys', 'analyze', 'tiny.csv', '--shards', '3', '--json', '--format', 'csv'], { cwd: FIXTURES, env: ENV });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { topKeys: { key: string; shardId: string }[]; totalRecords: number };
    const shardOf = Object.fromEntries(out.topKeys.map((k) => [k.key, k.shardId]));
    expect(out.totalRecords).toBe(6);
    expect([shardOf.a, shardOf.b, shardOf.e, shardOf.f]).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
      'shardId-000000000001',
    ]);
    expect(shardOf.__proto__).toBe('shardId-000000000000');
  });

  it('reads keys piped to standard input', async () => {
    const r = await spawnKds(['keys', 'analyze', '-', '--shards', '2', '--json'], { input: '6\n9\n11\n1\n2\n', env: ENV });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { shards: { records: number }[] };
    expect(out.shards.map((s) => s.records)).toEqual([3, 2]);
  });

  it('exits 1 with one line and no stack trace for a missing file', async () => {
    const r = await spawnKds(['keys', 'analyze', 'missing.csv'], { cwd: FIXTURES, env: ENV });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'kds: cannot read missing.csv: no such file\n' });
  });

  it('exits 2 for a bad flag value', async () => {
    const r = await spawnKds(['keys', 'analyze', 'tiny.csv', '--top', '0'], { cwd: FIXTURES, env: ENV });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "kds: --top expects a whole number of keys from 1 to 10,000, got '0' (too small).\n",
    });
  });

  it('exits 3 after the report with --fail-on-hot when a shard is hot', async () => {
    const r = await spawnKds(['keys', 'analyze', 'orders.csv', '--fail-on-hot'], { cwd: FIXTURES, env: ENV });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Diagnosis: hot key');
    expect(r.stderr).toBe('kds: read as CSV, 4 columns, header row\n');
  });

  it('documents the definition of hot and the exit codes in --help', async () => {
    const r = await spawnKds(['keys', 'analyze', '--help'], { env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A shard is hot when');
    expect(r.stdout).toContain('--fail-on-hot');
    expect(r.stdout).toMatch(/Exit codes: 0 report written; 1 unreadable input; 2 a usage error \(or an input\s+kds\s+cannot\s+be\s+sure\s+how\s+to\s+read\);\s+3\s+a\s+hot\s+shard\s+with\s+--fail-on-hot/);
    expect(r.stdout).toContain('SELECT partition_key, COUNT(*) AS count');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it.each(['orders.csv', 'quoted.csv', 'tiny.csv'])('gives the same JSON for %s read on two and three threads as on one', async (file) => {
    const one = await spawnKds(['keys', 'analyze', file, '--json', '--threads', '1'], { cwd: FIXTURES, env: ENV });
    const two = await spawnKds(['keys', 'analyze', file, '--json', '--threads', '2'], { cwd: FIXTURES, env: ENV });
    const three = await spawnKds(['keys', 'analyze', file, '--json', '--threads', '3'], { cwd: FIXTURES, env: ENV });
    expect(one.code).toBe(0);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });

  it('says in the report when a file was read on several threads', async () => {
    const r = await spawnKds(['keys', 'analyze', 'orders.csv', '--threads', '2'], { cwd: FIXTURES, env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Input: CSV, 4 columns, header row, read on 2 threads;');
    const one = await spawnKds(['keys', 'analyze', 'orders.csv'], { cwd: FIXTURES, env: ENV });
    expect(one.stdout).toContain('Input: CSV, 4 columns, header row;');
  });

  it('refuses --threads for an input it cannot read in parts', async () => {
    const r = await spawnKds(['keys', 'analyze', '-', '--threads', '2'], { cwd: FIXTURES, env: ENV, input: 'partition_key\na\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kds: --threads 2 reads a file in parts, one per thread: it needs an uncompressed CSV, TSV or one-key-per-line file, and standard input is not a regular file\n');
  });
});
