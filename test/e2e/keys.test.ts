import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnKds } from '../helpers/spawn.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/keys/', import.meta.url));
const ENV = { NO_COLOR: '1' };

const TINY_REPORT = `Keys from tiny.csv: 6 records, 6 distinct keys
Input: CSV, columns key "partition_key"
Stream: 3 simulated shards (a stream created with 3, equal hash ranges)

 Shard                  Records   Bytes   Share   Hash %   x fair
 shardId-000000000000         2    10 B   33.3%    33.3%     1.00   ####
 shardId-000000000001         3    13 B     50%    33.3%     1.50   ###### hot
 shardId-000000000002         1     1 B   16.7%    33.3%     0.50   ##

Hottest: shardId-000000000001, 50% of the records on 33.3% of the hash space
(hot)
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

Diagnosis: hot shard of many keys
shardId-000000000001 gets 50% of the records on 33.3% of the hash space (1.5x a
fair share). Its load comes from several keys (the largest, "b", has 33.3% of
it), so splitting the shard spreads it over two.

Remedies
- Split shardId-000000000001 at 167658505786948587117077152961138762151: its
  children would get 33% and 67% of its records (a split at the midpoint of its
  range: 33% and 67%).
    aws kinesis split-shard --stream-name my-stream \\
        --shard-to-split shardId-000000000001 \\
        --new-starting-hash-key 167658505786948587117077152961138762151

If the stream had other shard counts (equal ranges, the same keys)
  Shards   Busiest shard's records   Max/mean
       2                       50%       1.00
 3 (now)                       50%       1.50
       4                     33.3%       1.33
       6                     33.3%       2.00
      12                     33.3%       4.00
      24                     33.3%       8.00

Notes
- Only 6 records: shares from a sample this small are noisy.
- No bytes column: byte figures count partition keys only. Add a column of data
  sizes (--bytes-column) to check the byte limit.

Hot means at least 1.5x a fair share (the shard's share of the hash space;
--hot-ratio).
`;

describe('kds keys analyze (built binary)', () => {
  it('prints the exact report for a small file on 3 shards', async () => {
    const r = await spawnKds(['keys', 'analyze', 'tiny.csv', '--shards', '3'], { cwd: FIXTURES, env: ENV });
    expect(r).toEqual({ code: 0, stdout: TINY_REPORT, stderr: '' });
  });

  it('prints JSON that routes the published vectors a, b, e, f to shards 0, 1, 2, 1', async () => {
    const r = await spawnKds(['keys', 'analyze', 'tiny.csv', '--shards', '3', '--json'], { cwd: FIXTURES, env: ENV });
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
    expect(r.stderr).toBe('');
  });

  it('documents the definition of hot and the exit codes in --help', async () => {
    const r = await spawnKds(['keys', 'analyze', '--help'], { env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A shard is hot when');
    expect(r.stdout).toContain('--fail-on-hot');
    expect(r.stdout).toMatch(/Exit codes: 0 report written; 1 unreadable input; 2 a usage error; 3 a hot shard\s+with --fail-on-hot/);
  });

  it.each(['orders.csv', 'quoted.csv', 'tiny.csv'])('gives the same JSON for %s read on two threads as on one', async (file) => {
    const one = await spawnKds(['keys', 'analyze', file, '--json'], { cwd: FIXTURES, env: { ...ENV, KDS_PARALLEL_MIN_BYTES: '1000000000000' } });
    const two = await spawnKds(['keys', 'analyze', file, '--json'], { cwd: FIXTURES, env: { ...ENV, KDS_PARALLEL_MIN_BYTES: '1' } });
    expect(one.code).toBe(0);
    expect(two).toEqual(one);
  });
});
