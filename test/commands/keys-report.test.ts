/** The kds keys analyze report at any width and shard count, its remedies, and kds keys route. */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCALE_QUERY } from '../../src/commands/keys/index.js';
import { analyze } from '../../src/core/keys/analyze.js';
import { uniformShardMap } from '../../src/core/keys/shard-map.js';
import { keysJson, writeKeysJson, type KeysView } from '../../src/render/keys.js';
import { displayWidth } from '../../src/render/width.js';
import { runKds } from '../helpers/io.js';
import { scanText } from '../unit/keys/helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/keys/', import.meta.url));
// eslint-disable-next-line no-control-regex -- the characters a terminal could act on
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-report-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const report = (args: readonly string[], options: Parameters<typeof runKds>[1] = {}) =>
  runKds(['keys', 'analyze', ...args, '--format', 'csv'], { cwd: FIXTURES, env: { NO_COLOR: '1' }, ...options });

describe('the report at 60 columns', () => {
  it('shortens shard ids before it cuts a key, and no line is wider than the terminal', async () => {
    const r = await report(['orders.csv', '--sample-rate', '0.5'], { stdoutIsTTY: true, columns: 60 });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    // Equal hash ranges: the Hash % column goes before the bars do.
    expect(r.stdout).toContain(' Shard   Records        Bytes   Share   x fair\n \u20260000        70    43.64 KiB   14.6%     0.58   \u2588\u2588\n');
    expect(r.stdout).toContain(' \u20260003       262   154.50 KiB   54.6%     2.18   \u2588\u2588\u2588\u2588\u2588\u2588\u2588 hot\n');
    expect(r.stdout).toContain(' customer-42       194   40.4%   shardId-000000000003');
    // A hash key too long for the line goes on a line of its own, still pasteable.
    expect(r.stdout).toContain('        --new-starting-hash-key \\\n            275016025722441713229552489193295047927');
  });

  it('uses one format for ratios and percentages throughout', async () => {
    const r = await report(['orders.csv']);
    expect(r.stdout).toContain('shardId-000000000003       262   154.50 KiB   54.6%    25.0%     2.18');
    expect(r.stdout).toContain(' customer-42       194   40.4%   shardId-000000000003');
    expect(r.stdout).toContain(' customer-23         5    1.0%   shardId-000000000003');
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('gets 54.6% of the records on 25.0% of the hash space (2.18x a fair share)');
    expect(text).toContain('its children would get 80.2% and 19.8% of its records');
    expect(text).toContain('Hot means at least 1.50x a fair share');
  });
});

describe('keys in wide characters', () => {
  it('measures CJK and emoji keys in terminal columns, so that the key tables fit 80 columns', async () => {
    // A 30-character Japanese key takes 60 columns; an emoji key takes two columns a character.
    const wide = '注文番号'.repeat(7) + '東京都';
    const emoji = '🛒'.repeat(25);
    const rows = [...Array.from({ length: 120 }, () => wide), ...Array.from({ length: 60 }, () => emoji), ...Array.from({ length: 200 }, (_, i) => `k${i}`)];
    const r = await report([tempFile('wide.csv', `partition_key\n${rows.join('\n')}\n`), '--shards', '4'], { stdoutIsTTY: true, columns: 80 });
    expect(r.code).toBe(0);
    const tables = r.stdout.split('\n\n').filter((block) => block.startsWith('Top keys'));
    expect(tables).toHaveLength(2);
    for (const line of tables.join('\n').split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    // Cut in the middle to fit, by columns: the start and the end of the key are still there.
    expect(r.stdout).toMatch(/ 注文番号注文番号[^ ]*\u2026[^ ]*東京都 +120 /);
    expect(r.stdout).toMatch(/ 🛒🛒[^ ]*\u2026[^ ]*🛒 +60 /);
  });
});

describe('a stream of very many shards', () => {
  it('summarises the shard table instead of building one giant table (it crashed from about 123,536 shards)', async () => {
    const r = await report([tempFile('keys.csv', `partition_key,timestamp\n${Array.from({ length: 300 }, (_, i) => `k${i},1767225600`).join('\n')}\n`), '--shards', '123536']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(the 10 hottest of 123,536 shards; --json lists every shard)');
    expect(r.stdout).toContain('(the 10 busiest of 123,536 shards; --json lists every shard)');
    expect(r.stdout.split('\n').length).toBeLessThan(150);
  });

  it('writes JSON a shard at a time that is exactly JSON.stringify of the whole', () => {
    const { acc } = scanText('partition_key,bytes,timestamp\na,1,1767225600\nb,2,1767225601\n', { map: uniformShardMap(5000) });
    const analysis = analyze(acc, { hotRatio: 1.5, top: 3, sampleRate: 1, salt: undefined, measure: undefined, hasBytes: true });
    const view: KeysView = {
      input: { stream: { kind: 'simulated', shards: 5000, isDefault: false }, streamName: 's', sampleRate: 1, hotRatio: 1.5, strict: false },
      analysis,
      map: acc.map,
      source: { name: 'x', format: 'csv', description: 'CSV', compression: undefined, columns: { key: 'partition_key' }, bytesRead: 1, rows: 2, hasBytes: true, unmatched: undefined },
      malformed: { count: 0, examples: [] },
      longKeys: 0,
      explicitHashKeyRecords: 0,
      maxKeys: 100,
    };
    let written = '';
    writeKeysJson(view, (chunk) => {
      written += chunk;
    });
    expect(written).toBe(`${JSON.stringify(keysJson(view), null, 2)}\n`);
  });
});

describe('text from files reaches the terminal escaped', () => {
  it('escapes control characters, 8-bit C1 codes and bidi overrides in keys', async () => {
    const file = tempFile('evil.csv', 'partition_key\n\u001b[31mred\nabc\u202edcba\nx\u009by\nplain\n');
    const r = await report([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\x1b[31mred');
    expect(r.stdout).toContain('abc\\u202edcba');
    expect(r.stdout).toContain('x\\x9by');
  });

  it('escapes shard ids from a shard map', async () => {
    const map = tempFile(
      'map.json',
      JSON.stringify({
        Shards: [
          { ShardId: 'shardId-\u001b[2J0', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '170141183460469231731687303715884105727' } },
          { ShardId: 'shardId-\u202e1', HashKeyRange: { StartingHashKey: '170141183460469231731687303715884105728', EndingHashKey: '340282366920938463463374607431768211455' } },
        ],
      }),
    );
    const r = await report(['orders.csv', '--shard-map', map]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('shardId-\\x1b[2J0');
    expect(r.stdout).toContain('shardId-\\u202e1');
  });
});

describe('remedies only when they help', () => {
  it('says salting with K suffixes does not help and names the number that does', async () => {
    // hot-66 (shard 2 of 4) carries 60%; its four salted keys all land on one other shard.
    const file = tempFile('counts.csv', 'partition_key,count\nhot-66,60\nz1,13\nz2,13\nz11,14\n');
    const r = await report([file, '--salt', '4']);
    expect(r.stdout).toContain(
      '- No split helps: every shard already holds one key, and all of a key\'s records\n  go to one shard, so splitting shardId-000000000002 would give one child\n  everything and the other nothing.\n' +
        '- Salting "hot-66" with 4 suffixes doesn\'t help here (the busiest shard would go\n  from 60.0% to 73.0% of the records): try --salt 6.\n',
    );
    expect(r.stdout).not.toContain('split-shard');
  });

  it('offers neither remedy for two equally hot keys, and says why', async () => {
    const r = await report([tempFile('two.csv', 'partition_key,count\nk1,100\nk2,100\n'), '--json']);
    const out = JSON.parse(r.stdout) as { split: unknown; salting: unknown; splitRefusal: { kind: string }; saltingRefusal: { reason: string }; oneKeyPerShard: boolean };
    expect(out.split).toBeNull();
    expect(out.salting).toBeNull();
    expect(out.splitRefusal.kind).toBe('one-key');
    expect(out.oneKeyPerShard).toBe(true);
    expect(out.saltingRefusal.reason).toBe(
      'Salting "k2" doesn\'t help here: shardId-000000000002 is as busy without it (50.0% of the records), so the busiest shard stays at least that busy however many suffixes "k2" gets.',
    );
  });

  it('gives the interval on the hottest share instead of calling two records hot', async () => {
    const r = await runKds(['keys', 'analyze', '-', '--json'], { stdin: 'k1\nk2\n' });
    const out = JSON.parse(r.stdout) as { diagnosis: { kind: string; summary: string }; sample: object; hotShards: string[] };
    expect(out.diagnosis.kind).toBe('uncertain');
    expect(out.hotShards).toEqual([]);
    expect(out.sample).toEqual({ recordsPerShard: 0.5, minRecordsPerShard: 50, small: true, hottestShareInterval: { low: 0.094531, high: 0.905469, confidence: 0.95 } });
    expect(out.diagnosis.summary).toBe(
      'Only 2 records, 0.5 per shard on average: shardId-000000000001 has 50.0% of them, but its true share could be anywhere from 9.5% to 90.5% (95% interval). Below 50 records per shard (200 records here) shares are too uncertain to call a shard hot.',
    );
  });
});

describe('hostile shard maps', () => {
  it('refuses a deeply nested shard map in one line', async () => {
    const map = tempFile('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`);
    const r = await report(['orders.csv', '--shard-map', map]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kds: --shard-map .*deep\.json: the JSON nests arrays more than 8 deep: expected list-shards or describe-stream JSON\n$/);
  });

  it('refuses a file too large to be a shard map before reading it', async () => {
    // Sparse: 257 MiB by its size, nothing on the disk (and kds must not read it to find out).
    const file = tempFile('big.json', '');
    truncateSync(file, 257 * 1024 * 1024);
    const r = await report(['orders.csv', '--shard-map', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kds: cannot read --shard-map .*big\.json: it is 269,484,032 bytes, more than the 256 MiB a shard map may hold\n$/);
  });
});

describe('the scale recipe: GROUP BY key, then --count-column', () => {
  it('gives the same shard loads from the query\'s result as from the records themselves', async () => {
    const { default: initSqlJs } = await import('sql.js');
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE records (partition_key TEXT, data_bytes INTEGER)');
    const raw: [string, number][] = [];
    for (let i = 0; i < 500; i++) raw.push([i % 5 === 0 ? 'customer-42' : `customer-${i % 37}`, 100 + (i % 13)]);
    const insert = db.prepare('INSERT INTO records VALUES (?, ?)');
    for (const row of raw) insert.run(row);
    insert.free();
    const [result] = db.exec(SCALE_QUERY.join(' '));
    // Athena writes CSV with every field quoted; kds reads it as it is.
    const csv = [result!.columns, ...result!.values].map((row) => row.map((v) => `"${String(v)}"`).join(',')).join('\n');
    const counts = await runKds(['keys', 'analyze', tempFile('counts.csv', `${csv}\n`), '--count-column', 'count', '--json']);
    const records = await runKds(['keys', 'analyze', tempFile('raw.csv', `partition_key,bytes\n${raw.map(([k, b]) => `${k},${b}`).join('\n')}\n`), '--json']);
    expect(counts.code).toBe(0);
    const a = JSON.parse(counts.stdout) as { totalRecords: number; totalBytes: number; shards: { records: number; bytes: number }[] };
    const b = JSON.parse(records.stdout) as typeof a;
    expect(a.totalRecords).toBe(500);
    expect(a.shards).toEqual(b.shards);
    expect(a.totalBytes).toBe(b.totalBytes);
  });
});

describe('kds keys route', () => {
  it('prints what the lessons show for a key', async () => {
    const r = await runKds(['keys', 'route', 'order-17', '--shards', '4']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        "MD5('order-17') = 0093144d3954b7c323f4947e903670f3, read as an unsigned 128-bit\nnumber: 763679404708269414593072851680915699.\n" +
        'That is 0.2% of the way through the hash key range, so of 4 equal shards it\nlands on shardId-000000000000, every time.\n',
    });
  });

  it('routes by an explicit hash key when given one, keeping the key\'s MD5', async () => {
    const r = await runKds(['keys', 'route', 'order-17', '--shards', '4', '--explicit-hash-key', '340282366920938463463374607431768211455', '--json']);
    expect(JSON.parse(r.stdout)).toEqual([
      { key: 'order-17', md5: '0093144d3954b7c323f4947e903670f3', hashKey: '340282366920938463463374607431768211455', shardId: 'shardId-000000000003' },
    ]);
  });

  it('routes against a saved shard map', async () => {
    const r = await runKds(['keys', 'route', 'a', 'b', '--shard-map', join(FIXTURES, 'shards-resharded.json'), '--json']);
    expect((JSON.parse(r.stdout) as { shardId: string }[]).map((x) => x.shardId)).toEqual(['shardId-000000000004', 'shardId-000000000004']);
  });

  it.each([
    [['a', '--explicit-hash-key', '01'], "kds: --explicit-hash-key '01' is invalid: it must be a decimal number of 1 to 39 digits without sign or leading zeros.\n"],
    [['a', '--explicit-hash-key', '340282366920938463463374607431768211456'], "kds: --explicit-hash-key '340282366920938463463374607431768211456' is invalid: it is larger than 2^128 - 1.\n"],
    [[''], 'kds: a partition key has 1 to 256 characters, got an empty one.\n'],
    [['a', '--shards', '2', '--shard-map', 'm.json'], 'kds: --shards 2 and --shard-map both describe the stream: pass one of them.\n'],
  ])('refuses %j with exit 2', async (args, stderr) => {
    expect(await runKds(['keys', 'route', ...args])).toEqual({ code: 2, stdout: '', stderr });
  });
});
