/**
 * kds keys analyze kinesis://NAME against kinesalite (a real Kinesis emulator, in process, on a
 * random local port) and, for errors no emulator makes, against a stub endpoint.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { partitionKeyHash } from '../../src/core/keys/hash-key.js';
import { fakeIo, runKds, type FakeIoOptions } from '../helpers/io.js';
import { createStream, listShards, merge, putRecords, split, startKinesalite, useTestAwsEnv, type Emulator } from '../helpers/kinesalite.js';
import { frame, referenceAggregate } from '../helpers/kpl.js';
import { startStub, type Stub } from '../helpers/aws-stub.js';

let emu: Emulator;
let restoreEnv: () => void;
const LIVE: FakeIoOptions = { now: () => Date.now() };

interface Json {
  totalRecords: number;
  totalBytes: number;
  distinctKeys: number;
  shards: { shardId: string; records: number; bytes: number; hot: boolean; peak: unknown }[];
  topKeys: { key: string; records: number; bytes: number; shardId: string | null }[];
  input: { file: string; format: string };
  stream: { source: string; shardCount: number; streamName: string };
  live: {
    stream: string;
    region: string;
    stoppedBy: string;
    shardsRead: { open: number; closed: number };
    calls: { listShards: number; getShardIterator: number; getRecords: number; throttled: number };
    records: { kinesisRecords: number; userRecords: number; kplAggregates: number; corruptAggregates: number; fromClosedShards: number; corruptExamples: { key: string; problem: string }[] };
    saved: { path: string; rows: number } | null;
    warnings: { id: string; message: string }[];
  };
  warnings: { id: string; message: string }[];
  observedShards: { records: number; differ: number; differFromAggregates: number; differWithExplicitHashKey: number } | null;
}

function args(stream: string, ...more: string[]): string[] {
  return ['keys', 'analyze', `kinesis://${stream}`, '--endpoint-url', emu.endpoint, ...more];
}

async function liveJson(stream: string, ...more: string[]): Promise<Json> {
  const r = await runKds([...args(stream, '--from', 'trim-horizon', '--json', ...more)], LIVE);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Json;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kds-live-'));
}

/** A key whose MD5 hash key is at least `min`. */
function keyHashingAbove(min: bigint, prefix: string): string {
  for (let i = 0; ; i++) if (partitionKeyHash(`${prefix}${i}`) >= min) return `${prefix}${i}`;
}

/** A key whose MD5 hash key is below `max`. */
function keyHashingBelow(max: bigint, prefix: string): string {
  for (let i = 0; ; i++) if (partitionKeyHash(`${prefix}${i}`) < max) return `${prefix}${i}`;
}

const KNOWN = ['customer-42', 'grüße', '日本', '🔥', ' ', '\u00a0', 'tab\there', 'k'.repeat(256), '日'.repeat(256)];

beforeAll(async () => {
  restoreEnv = useTestAwsEnv();
  emu = await startKinesalite();
});

afterAll(async () => {
  await emu.close();
  restoreEnv();
});

describe('kds keys analyze kinesis://NAME (kinesalite)', () => {
  it('counts known keys (unicode, empty-looking, with a tab, 256 characters long) on the shard Kinesis put them on', async () => {
    await createStream(emu, 'known', 4);
    const puts = KNOWN.flatMap((key, i) => Array.from({ length: i === 0 ? 30 : 3 }, () => ({ key, data: 'payload' })));
    const landed = await putRecords(emu, 'known', puts);
    const out = await liveJson('known', '--top', '20');
    expect(out.totalRecords).toBe(puts.length);
    expect(out.distinctKeys).toBe(KNOWN.length);
    expect(out.topKeys.map((k) => k.key).sort()).toEqual([...KNOWN].sort());
    for (const k of out.topKeys) expect(k.shardId).toBe(landed[puts.findIndex((p) => p.key === k.key)]);
    expect(out.topKeys[0]).toMatchObject({ key: 'customer-42', records: 30, bytes: 30 * (7 + 11) });
    expect(out.shards.map((s) => s.shardId)).toEqual([0, 1, 2, 3].map((i) => `shardId-00000000000${i}`));
    expect(out.input).toMatchObject({ file: 'kinesis://known', format: 'kinesis' });
    expect(out.stream).toMatchObject({ source: 'shard-map', shardCount: 4, streamName: 'known' });
    expect(out.live).toMatchObject({ stream: 'kinesis://known', region: 'us-east-1', stoppedBy: 'window', shardsRead: { open: 4, closed: 0 } });
    expect(out.live.calls).toMatchObject({ listShards: 1, getShardIterator: 4, throttled: 0 });
    // From trim-horizon on a stream made moments ago the window is cut at now: the seconds read, not the 30 asked for.
    const w = (out.live as unknown as { window: { start: string; end: string; seconds: number } }).window;
    expect(w.seconds).toBe((Date.parse(w.end) - Date.parse(w.start)) / 1000);
    expect(w.seconds).toBeLessThan(30);
  });

  it('prints the usual report under a summary of the read, and a line on stderr before it reads', async () => {
    const r = await runKds(args('known', '--from', 'trim-horizon'), LIVE);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^kds: reading 4 shards of kinesis:\/\/known \(us-east-1\) for arrivals \S+ to \S+: at least 8 API calls \(4 GetShardIterator, then GetRecords at up to 1 call\/s per shard/);
    expect(r.stdout).toMatch(/^Read from kinesis:\/\/known \(us-east-1 at http:\/\/127\.0\.0\.1:\d+\)\nWindow: arrivals \S+ to \S+ \(from\n? +trim-horizon, \S+\)\nShards read: 4 open\nRecords: 54 records\nAPI calls: 1 ListShards, 4 GetShardIterator, \d+ GetRecords\n/);
    expect(r.stdout).toContain('Keys from kinesis://known: 54 records, 9 distinct keys');
    expect(r.stdout).toContain('Input: records read with GetRecords, KPL aggregates de-aggregated');
    expect(r.stdout).toContain('Stream: 4 open shards from kinesis://known');
  });

  it('saves what it read as CSV that reads back to the same report', async () => {
    const dir = tempDir();
    const file = join(dir, 'known.csv');
    const live = await liveJson('known', '--save', file, '--top', '20');
    expect(live.live.saved).toEqual({ path: file, rows: 54 });
    expect(readFileSync(file, 'utf8')).toMatch(/\n"tab\there",7,/);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('partition_key,bytes,timestamp,explicit_hash_key,shard_id,kpl_aggregated');
    expect(text).toMatch(/\n ,7,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,,shardId-\d{12},\n/);
    const again = await runKds(['keys', 'analyze', file, '--shard-map', 'kinesis://known', '--endpoint-url', emu.endpoint, '--top', '20', '--json'], LIVE);
    expect(again.code).toBe(0);
    const back = JSON.parse(again.stdout) as Json;
    const same = (j: Json) => ({
      totalRecords: j.totalRecords,
      totalBytes: j.totalBytes,
      distinctKeys: j.distinctKeys,
      shards: j.shards,
      topKeys: j.topKeys,
      hottest: (j as unknown as { hottestShard: string }).hottestShard,
      diagnosis: (j as unknown as { diagnosis: unknown }).diagnosis,
      split: (j as unknown as { split: unknown }).split,
    });
    expect(same(back)).toEqual(same(live));
  });

  it('says once, in the summary, that --from lies before the oldest record kept', async () => {
    const r = await runKds(args('known', '--from', '2d'), LIVE);
    expect(r.code).toBe(0);
    const said = (text: string) => text.split('--from 2d').length - 1;
    expect(said(r.stderr)).toBe(0);
    expect(said(r.stdout.replace(/\s+/g, ' '))).toBe(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('--from 2d is before the stream was created: the read starts at the oldest record kept');
  });

  it('refuses to overwrite a file with --save', async () => {
    const file = join(tempDir(), 'taken.csv');
    writeFileSync(file, 'precious\n');
    const r = await runKds(args('known', '--from', 'trim-horizon', '--save', file), LIVE);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--save .*taken\.csv already exists: choose a new file name/);
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
  });

  it('records the shard a record was read from, also for records routed by an explicit hash key', async () => {
    await createStream(emu, 'ehk', 2);
    const shards = await listShards(emu, 'ehk');
    const upper = BigInt(shards[1]!.HashKeyRange!.StartingHashKey!);
    const key = keyHashingAbove(upper, 'routed-');
    const landed = await putRecords(emu, 'ehk', [
      { key, explicitHashKey: '0' },
      { key, explicitHashKey: '1' },
      { key },
    ]);
    expect(landed).toEqual(['shardId-000000000000', 'shardId-000000000000', 'shardId-000000000001']);
    const file = join(tempDir(), 'ehk.csv');
    await liveJson('ehk', '--save', file);
    const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[4]]).sort()).toEqual([
      [key, 'shardId-000000000000'],
      [key, 'shardId-000000000000'],
      [key, 'shardId-000000000001'],
    ]);
  });

  it('says how many records were read from another shard than their key routes to, and why, live and read back from --save', async () => {
    await createStream(emu, 'predicted', 2);
    const shards = await listShards(emu, 'predicted');
    const upper = BigInt(shards[1]!.HashKeyRange!.StartingHashKey!);
    const high = keyHashingAbove(upper, 'high-');
    const low = keyHashingBelow(upper, 'low-');
    const enc = new TextEncoder();
    // The aggregate goes where its first user record's key sends it (shard 0): the 6 under `high` inside it differ.
    const users = [...Array.from({ length: 4 }, () => low), ...Array.from({ length: 6 }, () => high)].map((key, i) => ({ key, data: enc.encode(`u${i}`) }));
    const [aggregate] = await referenceAggregate(users);
    const landed = await putRecords(emu, 'predicted', [
      // Routed by an explicit hash key to shard 0; GetRecords does not return it, and `high` routes to shard 1.
      ...Array.from({ length: 3 }, () => ({ key: high, explicitHashKey: '0', data: 'ehk' })),
      ...Array.from({ length: 2 }, () => ({ key: high, data: 'plain' })),
      { key: aggregate!.partitionKey, data: aggregate!.data, ...(aggregate!.explicitHashKey ? { explicitHashKey: aggregate!.explicitHashKey } : {}) },
    ]);
    expect(landed).toEqual([...Array(3).fill('shardId-000000000000'), ...Array(2).fill('shardId-000000000001'), 'shardId-000000000000']);

    const file = join(tempDir(), 'predicted.csv');
    const live = await liveJson('predicted', '--save', file);
    expect(live.totalRecords).toBe(15);
    expect(live.observedShards).toEqual({ records: 15, differ: 9, differFromAggregates: 6, differWithExplicitHashKey: 0 });
    const why =
      '9 records of 15 (60.0%) were read from another shard than the one their key routes to: ' +
      "6 came out of KPL aggregates, which go where their first user record's hash key sends them; " +
      '3 others most likely had an explicit hash key set by the producer (reads do not return it), or the stream was resharded since the read. ' +
      'They count on the shard they were read from; where in its hash range they belong is unknown, so the split advice spreads them evenly.';
    expect(live.warnings.find((w) => w.id === 'observed-shards-differ')?.message).toBe(why);
    expect(live.shards.map((s) => s.records)).toEqual([13, 2]);
    expect(readFileSync(file, 'utf8').split('\n').filter((l) => l.endsWith(',1'))).toHaveLength(10);

    const text = await runKds(args('predicted', '--from', 'trim-horizon'), LIVE);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(`! ${why}`);

    const back = await runKds(['keys', 'analyze', file, '--shard-map', 'kinesis://predicted', '--endpoint-url', emu.endpoint, '--json'], LIVE);
    const again = JSON.parse(back.stdout) as Json;
    expect(again.observedShards).toEqual(live.observedShards);
    expect(again.warnings.find((w) => w.id === 'observed-shards-differ')?.message).toBe(why);
    expect(again.shards).toEqual(live.shards);
    const backText = await runKds(['keys', 'analyze', file, '--shard-map', 'kinesis://predicted', '--endpoint-url', emu.endpoint], LIVE);
    expect(backText.stdout.replace(/\s+/g, ' ')).toContain(`! ${why}`);
  });

  it('de-aggregates KPL records into their user records, and counts a corrupt aggregate once', async () => {
    await createStream(emu, 'kpl', 2);
    const enc = new TextEncoder();
    const users = Array.from({ length: 40 }, (_, i) => ({ key: `user-${i % 10}`, data: enc.encode(`event ${i}`) }));
    const [aggregate] = await referenceAggregate(users);
    await putRecords(emu, 'kpl', [
      { key: aggregate!.partitionKey, data: aggregate!.data, ...(aggregate!.explicitHashKey ? { explicitHashKey: aggregate!.explicitHashKey } : {}) },
      { key: 'broken', data: frame(Uint8Array.of(0x0a, 0x01, 0x61)) },
      { key: 'plain', data: 'not aggregated' },
    ]);
    const out = await liveJson('kpl', '--top', '20');
    expect(out.totalRecords).toBe(42);
    expect(out.topKeys.filter((k) => k.key.startsWith('user-')).map((k) => k.records)).toEqual(Array(10).fill(4));
    expect(out.topKeys.find((k) => k.key === 'broken')?.records).toBe(1);
    expect(out.live.records).toMatchObject({ kinesisRecords: 3, userRecords: 42, kplAggregates: 1, corruptAggregates: 1 });
    expect(out.live.records.corruptExamples[0]).toMatchObject({ key: 'broken', problem: 'it holds no user records' });
    expect(out.live.warnings.map((w) => w.id)).toContain('corrupt-aggregates');
  });

  it('reads closed parents after a split and a merge, parents first, and counts on today\'s open shards', async () => {
    await createStream(emu, 'resharded', 2);
    const before = await listShards(emu, 'resharded');
    const put = (tag: string) => putRecords(emu, 'resharded', Array.from({ length: 30 }, (_, i) => ({ key: `${tag}-${i}` })));
    await put('a');
    const s0 = before[0]!;
    const mid = (BigInt(s0.HashKeyRange!.StartingHashKey!) + BigInt(s0.HashKeyRange!.EndingHashKey!)) / 2n;
    // kinesalite dates a new shard one second ahead, and its first records with it: wait for that
    // second to pass so that their arrival times are not in the future.
    const settle = () => new Promise((r) => setTimeout(r, 1500));
    await split(emu, 'resharded', s0.ShardId!, mid.toString());
    await settle();
    await put('b');
    await merge(emu, 'resharded', 'shardId-000000000002', 'shardId-000000000003');
    await settle();
    await put('c');
    const all = await listShards(emu, 'resharded');
    const open = all.filter((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined).map((s) => s.ShardId);
    expect(open.sort()).toEqual(['shardId-000000000001', 'shardId-000000000004']);

    const file = join(tempDir(), 'resharded.csv');
    const out = await liveJson('resharded', '--save', file);
    expect(out.totalRecords).toBe(90);
    expect(out.shards.map((s) => s.shardId)).toEqual(['shardId-000000000004', 'shardId-000000000001']);
    expect(out.live.shardsRead).toEqual({ open: 2, closed: 3 });
    expect(out.live.records.fromClosedShards).toBeGreaterThan(0);
    const saved = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[4]);
    expect(new Set(saved)).toEqual(new Set(['shardId-000000000001', 'shardId-000000000004']));

    const map = await runKds(['keys', 'analyze', file, '--shard-map', 'kinesis://resharded', '--endpoint-url', emu.endpoint, '--json'], LIVE);
    expect(map.code).toBe(0);
    expect((JSON.parse(map.stdout) as Json).shards.map((s) => s.shardId)).toEqual(['shardId-000000000004', 'shardId-000000000001']);
  });

  it('reads from latest for --seconds, then reports', async () => {
    await createStream(emu, 'latest', 2);
    // The window opens once both shards have their iterators; the records go in well after that,
    // and well before it closes, even on a loaded machine.
    const reading = runKds(args('latest', '--seconds', '5', '--json'), LIVE);
    await new Promise((r) => setTimeout(r, 2000));
    await putRecords(emu, 'latest', Array.from({ length: 20 }, (_, i) => ({ key: `now-${i}` })));
    const r = await reading;
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.totalRecords).toBe(20);
    expect(out.live.stoppedBy).toBe('window');
    expect(r.stderr).toMatch(/^kds: reading 2 open shards of kinesis:\/\/latest \(us-east-1\) from now for 5s: about 12 API calls/);
  });

  it('shows progress on a terminal while it reads, and clears it', async () => {
    const r = await runKds(args('latest', '--seconds', '1'), { ...LIVE, stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(r.stderr).toMatch(/\rkds: read \d+ records?; \d+ of 2 shards done, \d+s left/);
    // The line is cleared before anything else is written: here the message that nothing arrived.
    expect(r.stderr).toMatch(/\rkds: no records arrived in kinesis:\/\/latest/);
  });

  it('stops at --max-records', async () => {
    const out = await liveJson('known', '--max-records', '10');
    expect(out.totalRecords).toBe(10);
    expect(out.live.stoppedBy).toBe('max-records');
  });

  it('stops on Ctrl+C and reports what it read', async () => {
    await createStream(emu, 'ctrlc', 1);
    const fake = fakeIo({ now: () => Date.now() });
    const reading = run(args('ctrlc', '--seconds', '60'), fake.io);
    await new Promise((r) => setTimeout(r, 500));
    await putRecords(emu, 'ctrlc', [{ key: 'one' }, { key: 'two' }]);
    await new Promise((r) => setTimeout(r, 1800));
    fake.interrupt();
    expect(await reading).toBe(0);
    const out = stripVTControlCharacters(fake.stdout());
    expect(out).toMatch(/Stopped with Ctrl\+C before the end of the window: the report covers what was\s+read\./);
    expect(out).toContain('Keys from kinesis://ctrlc: 2 records');
  });

  it('exits 130 on Ctrl+C before any record was read', async () => {
    const fake = fakeIo({ now: () => Date.now() });
    const reading = run(args('ctrlc', '--seconds', '60'), fake.io);
    await new Promise((r) => setTimeout(r, 800));
    fake.interrupt();
    expect(await reading).toBe(130);
    expect(fake.stderr()).toContain('kds: stopped with Ctrl+C before any record was read.');
    expect(fake.stdout()).toBe('');
  });

  it('says plainly when no record arrived in the window', async () => {
    await createStream(emu, 'quiet', 2);
    const r = await runKds(args('quiet', '--seconds', '1'), LIVE);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\nkds: no records arrived in kinesis:\/\/quiet between \S+ and \S+ \(2 shards read\): there is nothing to analyse\./);
  });

  it('names the Region when the stream does not exist', async () => {
    const r = await runKds(args('missing'), LIVE);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^kds: stream missing was not found in us-east-1 at http:\/\/127\.0\.0\.1:\d+: check the name, or pass --region\.\n$/);
  });

  it('says when the endpoint does not answer', async () => {
    const r = await runKds(['keys', 'analyze', 'kinesis://x', '--endpoint-url', 'http://127.0.0.1:1'], LIVE);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kds: could not reach the endpoint http://127.0.0.1:1 (ECONNREFUSED) for kinesis:DescribeStreamSummary: check the network and that the endpoint is running, then rerun.\n');
  });

  it('says when no credentials are found', async () => {
    const restore = useTestAwsEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    try {
      const r = await runKds(args('known'), LIVE);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^kds: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run `aws configure` or `aws sso login`, or pass --profile NAME\.\n$/);
    } finally {
      restore();
    }
  });

  it('takes the shard map from ListShards with --shard-map kinesis://NAME', async () => {
    const dir = tempDir();
    const file = join(dir, 'keys.txt');
    writeFileSync(file, 'a\nb\nc\n');
    const r = await runKds(['keys', 'analyze', file, '--shard-map', 'kinesis://resharded', '--endpoint-url', emu.endpoint, '--json'], LIVE);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.shards.map((s) => s.shardId)).toEqual(['shardId-000000000004', 'shardId-000000000001']);
    expect(out.stream).toMatchObject({ source: 'shard-map', shardCount: 2 });
  });

  it('routes keys with kds keys route --shard-map kinesis://NAME (the endpoint from AWS_ENDPOINT_URL_KINESIS)', async () => {
    const r = await runKds(['keys', 'route', 'a', '--shard-map', 'kinesis://resharded', '--json'], { ...LIVE, env: { AWS_ENDPOINT_URL_KINESIS: emu.endpoint } });
    expect(r.code).toBe(0);
    const [routed] = JSON.parse(r.stdout) as { key: string; shardId: string }[];
    expect(routed).toMatchObject({ key: 'a' });
    expect(['shardId-000000000001', 'shardId-000000000004']).toContain(routed!.shardId);
  });

  it('routes keys with kds keys route --shard-map kinesis://NAME --endpoint-url and --region', async () => {
    const r = await runKds(['keys', 'route', 'a', '--shard-map', 'kinesis://resharded', '--endpoint-url', emu.endpoint, '--region', 'us-east-1', '--json'], LIVE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [routed] = JSON.parse(r.stdout) as { key: string; shardId: string }[];
    expect(['shardId-000000000001', 'shardId-000000000004']).toContain(routed!.shardId);
    const file = await runKds(['keys', 'route', 'a', '--shards', '2', '--region', 'us-east-1']);
    expect(file).toMatchObject({ code: 2, stderr: 'kds: --region is for reading a stream: give --shard-map kinesis://NAME (or a stream ARN) as well.\n' });
  });
});

describe('kds keys analyze kinesis://NAME: usage', () => {
  it.each([
    [['--shards', '4'], /--shards describes a stream, but kinesis:\/\/s has its own shards/],
    [['--key-column', 'k'], /--key-column names a CSV column; kinesis:\/\/s is a live stream/],
    [['--shard-column', 'shard'], /--shard-column names a CSV column; kinesis:\/\/s is a live stream/],
    [['--key-field', 'user.id'], /--key-field names a JSON field; kinesis:\/\/s is a live stream/],
    [['--key-pattern', 'pk=(\\S+)'], /--key-pattern reads log lines; kinesis:\/\/s is a live stream/],
    [['--delimiter', ';'], /--delimiter describes a file; kinesis:\/\/s is a live stream/],
    [['--format', 'csv'], /--format csv describes a file; kinesis:\/\/s is a live stream/],
    [['--from', 'soon'], /--from expects latest, trim-horizon/],
    [['--from', '15'], /a duration needs a unit/],
    [['--calls-per-second', '6'], /--calls-per-second expects a number of calls per second greater than 0 and at most 5, got '6' \(too large\)\. A shard allows 5 GetRecords calls a second/],
    [['--endpoint-url', 'localhost:4567'], /--endpoint-url expects a URL such as http:\/\/127\.0\.0\.1:4567/],
    [['--save', '-'], /--save expects a file name/],
  ])('rejects %j with a usage error', async (extra, message) => {
    const r = await runKds(['keys', 'analyze', 'kinesis://s', ...extra], LIVE);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('rejects a malformed stream name or ARN', async () => {
    expect((await runKds(['keys', 'analyze', 'kinesis://a b'])).stderr).toMatch(/is not kinesis:\/\/NAME/);
    expect((await runKds(['keys', 'analyze', 'arn:aws:kinesis:us-east-1:1:stream/x'])).stderr).toMatch(/is not a stream ARN/);
  });

  it('rejects live flags on a file', async () => {
    const r = await runKds(['keys', 'analyze', 'keys.csv', '--seconds', '5']);
    expect(r).toMatchObject({ code: 2, stderr: 'kds: --seconds reads a live stream: give kinesis://NAME (or a stream ARN) instead of keys.csv.\n' });
    const aws = await runKds(['keys', 'analyze', 'keys.csv', '--region', 'us-east-1']);
    expect(aws.stderr).toBe('kds: --region is for reading a stream (kinesis://NAME); keys.csv is a file.\n');
  });

  it('warns before reading at more than one call per second', async () => {
    const r = await runKds(['keys', 'analyze', 'kinesis://missing', '--endpoint-url', 'http://127.0.0.1:1', '--calls-per-second', '3'], LIVE);
    expect(r.stderr).toMatch(/^kds: --calls-per-second 3 uses 3 of the 5 GetRecords calls each shard allows a second/);
  });
});

describe('kds keys analyze kinesis://NAME: errors from AWS (stub endpoint)', () => {
  let stub: Stub;
  const summary = (status = 'ACTIVE') => ({
    body: {
      StreamDescriptionSummary: {
        StreamName: 's',
        StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
        StreamStatus: status,
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: 1_700_000_000,
        OpenShardCount: 1,
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      },
    },
  });
  let behaviour: Record<string, () => { body: unknown } | { error: string; message: string }> = {};

  beforeAll(async () => {
    stub = await startStub({
      DescribeStreamSummary: () => (behaviour.DescribeStreamSummary ?? (() => summary()))(),
      ListShards: () =>
        (behaviour.ListShards ??
          (() => ({
            body: { Shards: [{ ShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: ((1n << 128n) - 1n).toString() }, SequenceNumberRange: { StartingSequenceNumber: '1' } }] },
          })))(),
      GetShardIterator: () => ({ body: { ShardIterator: 'it-1' } }),
      GetRecords: () => (behaviour.GetRecords ?? (() => ({ body: { Records: [], NextShardIterator: 'it-2', MillisBehindLatest: 0 } })))(),
    });
  });
  afterAll(() => stub.close());

  async function runStub(): Promise<{ code: number; stderr: string; stdout: string }> {
    return runKds(['keys', 'analyze', 'kinesis://s', '--endpoint-url', stub.endpoint, '--seconds', '1'], LIVE);
  }

  it('names the IAM action that was refused', async () => {
    behaviour = {
      DescribeStreamSummary: () => ({
        error: 'AccessDeniedException',
        message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: kinesis:DescribeStreamSummary on resource: arn:aws:kinesis:us-east-1:123456789012:stream/s',
      }),
    };
    const r = await runStub();
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('kds: access denied: these credentials may not call kinesis:DescribeStreamSummary on s; allow that action in their IAM policy.\n');
  });

  it('names the call that was refused when the message does not', async () => {
    behaviour = { GetRecords: () => ({ error: 'AccessDeniedException', message: 'Access denied' }) };
    const r = await runStub();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\nkds: access denied: these credentials may not call kinesis:GetRecords on s; allow that action in their IAM policy\.\n$/);
  });

  it('says when the credentials have expired', async () => {
    behaviour = { DescribeStreamSummary: () => ({ error: 'ExpiredTokenException', message: 'The security token included in the request is expired' }) };
    expect((await runStub()).stderr).toBe('kds: the AWS credentials have expired: sign in again (aws sso login, or fresh temporary keys) and rerun.\n');
  });

  it('says when the credentials are rejected', async () => {
    behaviour = { DescribeStreamSummary: () => ({ error: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }) };
    expect((await runStub()).stderr).toMatch(/^kds: the endpoint http:\/\/127\.0\.0\.1:\d+ rejected the AWS credentials \(UnrecognizedClientException\)/);
  });

  it('says when the stream is not ACTIVE', async () => {
    behaviour = { DescribeStreamSummary: () => summary('CREATING') };
    expect((await runStub()).stderr).toBe('kds: stream kinesis://s is CREATING, not ACTIVE: wait until it is ACTIVE and rerun.\n');
  });

  it('retries a throttled ListShards and goes on', async () => {
    let n = 0;
    behaviour = {
      ListShards: () =>
        ++n === 1
          ? { error: 'LimitExceededException', message: 'Rate exceeded' }
          : { body: { Shards: [{ ShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: ((1n << 128n) - 1n).toString() }, SequenceNumberRange: { StartingSequenceNumber: '1' } }] } },
    };
    const r = await runStub();
    expect(n).toBe(2);
    expect(r.stderr).toMatch(/no records arrived in kinesis:\/\/s/);
  });
});
