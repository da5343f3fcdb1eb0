import { describe, expect, it } from 'vitest';
import { listAllShards } from '../../../src/core/live/api.js';
import { readShards, type ReadOptions } from '../../../src/core/live/reader.js';
import { backoffMs, BACKOFF_FIRST_MS } from '../../../src/core/live/retry.js';
import { parentsFirst, shardsToRead, streamShards } from '../../../src/core/live/shards.js';
import { parseFrom, readWindow } from '../../../src/core/live/time.js';
import { partitionKeyHash } from '../../../src/core/keys/hash-key.js';
import type { KeyRecord } from '../../../src/core/keys/record.js';
import { evenShards, FakeKinesis, VirtualClock, type FakeOptions, type FakeRecord, type FakeShard } from '../../helpers/fake-kinesis.js';
import { encodeAggregate, frame } from '../../helpers/kpl.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const enc = new TextEncoder();
const SPACE = 1n << 128n;
const HALF = SPACE / 2n;

function rec(key: string, at: number, data = 'x'): FakeRecord {
  return { key, at, data: enc.encode(data) };
}

interface Run {
  readonly records: KeyRecord[];
  readonly fake: FakeKinesis;
  readonly clock: VirtualClock;
  readonly result: Awaited<ReturnType<typeof readShards>>;
}

async function read(
  shards: FakeShard[],
  from: string,
  seconds: number,
  opts: Partial<ReadOptions> = {},
  fakeOptions: FakeOptions = {},
  startAt = T0,
  signal?: AbortSignal,
): Promise<Run> {
  const clock = new VirtualClock(startAt);
  const fake = new FakeKinesis(shards, clock, { latencyMs: 10, ...fakeOptions });
  const listed = await listAllShards(fake);
  const stream = streamShards(listed, 'kinesis://fake');
  const window = readWindow(parseFrom(from, clock.now()), seconds, clock.now(), { retentionHours: 24 });
  const toRead = parentsFirst(shardsToRead(stream, window.past));
  const records: KeyRecord[] = [];
  const result = await readShards(
    stream.map,
    toRead,
    { window, callsPerSecond: 1, maxInFlight: 8, limit: 10_000, ...opts },
    { api: fake, clock, onRecords: (r) => records.push(...r), ...(signal ? { signal } : {}) },
  );
  return { records, fake, clock, result };
}

function gaps(fake: FakeKinesis, shardId: string): number[] {
  const at = fake.calls.filter((c) => c.op === 'getRecords' && c.shardId === shardId).map((c) => c.at);
  return at.slice(1).map((t, i) => t - at[i]!);
}

/** A key whose MD5 hash key lies in [lo, hi). */
function keyIn(lo: bigint, hi: bigint, prefix: string): string {
  for (let i = 0; ; i++) {
    const k = `${prefix}-${i}`;
    const h = partitionKeyHash(k);
    if (h >= lo && h < hi) return k;
  }
}

describe('readShards from latest', () => {
  it('reads what arrives in the window on every shard and tags each record with its shard', async () => {
    const shards = evenShards(3, (i) => [rec(`before-${i}`, T0 - 5000), rec(`a-${i}`, T0 + 2000), rec(`b-${i}`, T0 + 9000), rec(`late-${i}`, T0 + 60_000)]);
    const { records, result } = await read(shards, 'latest', 30);
    expect(records.map((r) => r.key).sort()).toEqual(['a-0', 'a-1', 'a-2', 'b-0', 'b-1', 'b-2']);
    expect(records.find((r) => r.key === 'a-1')).toEqual({ key: 'a-1', dataBytes: 1, time: (T0 + 2000) / 1000, shardId: 'shardId-000000000001' });
    expect(result.stoppedBy).toBe('window');
    expect(result.stats).toMatchObject({ shards: 3, shardsDone: 3, userRecords: 6, kinesisRecords: 6, getShardIteratorCalls: 3 });
  });

  it('opens the window once every shard has its iterator', async () => {
    const { result, fake } = await read(evenShards(20), 'latest', 30, { maxInFlight: 4 });
    const lastIterator = Math.max(...fake.calls.filter((c) => c.op === 'getShardIterator').map((c) => c.at));
    const firstRecords = Math.min(...fake.calls.filter((c) => c.op === 'getRecords').map((c) => c.at));
    expect(result.window.startMs).toBeGreaterThan(lastIterator);
    expect(firstRecords).toBeGreaterThanOrEqual(result.window.startMs);
    expect(result.window.endMs - result.window.startMs).toBe(30_000);
  });

  it('calls GetRecords at most once a second per shard by default', async () => {
    const { fake } = await read(evenShards(4), 'latest', 20);
    for (const s of ['shardId-000000000000', 'shardId-000000000003']) {
      const g = gaps(fake, s);
      expect(g.length).toBeGreaterThanOrEqual(15);
      expect(Math.min(...g)).toBeGreaterThanOrEqual(1000);
    }
  });

  it('calls up to --calls-per-second times a second', async () => {
    const { fake } = await read(evenShards(2), 'latest', 10, { callsPerSecond: 5 });
    const g = gaps(fake, 'shardId-000000000000');
    expect(Math.min(...g)).toBeGreaterThanOrEqual(200);
    expect(g.length).toBeGreaterThanOrEqual(40);
  });

  it('keeps the calls in flight under the bound on a 10,000-shard stream', async () => {
    const { result, fake } = await read(evenShards(10_000), 'latest', 2, { maxInFlight: 32 });
    expect(fake.maxInFlight).toBeLessThanOrEqual(32);
    expect(result.stats.shardsDone).toBe(10_000);
    expect(result.stats.getShardIteratorCalls).toBe(10_000);
  });

  it('retries throttled calls with backoff, counts them, and loses no record', async () => {
    const shards = evenShards(2, (i) => [rec(`k-${i}`, T0 + 500), rec(`m-${i}`, T0 + 4000)]);
    const throttle = (shardId: string, nth: number) => shardId === 'shardId-000000000001' && nth >= 2 && nth <= 4;
    const { records, result, fake } = await read(shards, 'latest', 10, {}, { throttle });
    expect(result.stats.throttled).toBe(3);
    expect(records.map((r) => r.key).sort()).toEqual(['k-0', 'k-1', 'm-0', 'm-1']);
    const g = gaps(fake, 'shardId-000000000001');
    // Each retry waits out its backoff (the virtual calls of both shards take 10 ms each).
    [1, 2, 3].forEach((attempt, i) => {
      expect(g[i + 1]).toBeGreaterThanOrEqual(backoffMs(attempt, 0.5));
      expect(g[i + 1]).toBeLessThan(backoffMs(attempt, 0.5) + 100);
    });
  });

  it('gives up on a shard that stays throttled, with a message', async () => {
    const run = read(evenShards(1), 'latest', 60, {}, { throttle: () => true });
    await expect(run).rejects.toThrow(/GetRecords on shardId-000000000000 was throttled 12 times in a row/);
  });

  it('stops after --max-records user records', async () => {
    const shards = evenShards(2, (i) => Array.from({ length: 50 }, (_, j) => rec(`k-${i}-${j}`, T0 + 100 + j * 100)));
    const { records, result } = await read(shards, 'latest', 30, { maxRecords: 25 });
    expect(records).toHaveLength(25);
    expect(result.stoppedBy).toBe('max-records');
  });

  it('stops on the signal and returns what it read so far', async () => {
    const ctrl = new AbortController();
    const shards = evenShards(2, (i) => Array.from({ length: 20 }, (_, j) => rec(`k-${i}-${j}`, T0 + 100 + j * 1000)));
    const run = await read(shards, 'latest', 30, {}, { afterCall: (c) => c.at >= T0 + 5000 && ctrl.abort() }, T0, ctrl.signal);
    expect(run.result.stoppedBy).toBe('interrupt');
    expect(run.records.length).toBeGreaterThan(0);
    expect(run.records.length).toBeLessThan(40);
  });
});

describe('readShards from the past', () => {
  it('reads the window after --from and stops each shard at the first record past its end', async () => {
    const shards = evenShards(2, (i) => [rec(`old-${i}`, T0 - 3_600_000), rec(`in-${i}`, T0 - 890_000), rec(`in2-${i}`, T0 - 850_000), rec(`after-${i}`, T0 - 800_000)]);
    const { records, result } = await read(shards, '15m', 60, {}, { latencyMs: 0 });
    expect(records.map((r) => r.key).sort()).toEqual(['in-0', 'in-1', 'in2-0', 'in2-1']);
    expect(result.window).toMatchObject({ iterator: 'AT_TIMESTAMP', startMs: T0 - 900_000, endMs: T0 - 840_000 });
    expect(result.stats.getRecordsCalls).toBe(2);
  });

  it('finishes an empty shard once MillisBehindLatest says it has caught up', async () => {
    const shards = evenShards(2, (i) => (i === 0 ? [rec('x', T0 - 600_000)] : []));
    const { result } = await read(shards, '15m', 60);
    expect(result.stats.shardsDone).toBe(2);
    expect(result.stats.getRecordsCalls).toBe(2);
  });

  it('renews an expired iterator after the last record read, without reading it twice', async () => {
    // A shard far behind: each call returns 2 records, and the iterator expires while throttled.
    const shards = evenShards(1, () => Array.from({ length: 10 }, (_, j) => rec(`k-${j}`, T0 - 3_000_000 + j * 1000)));
    const throttle = (_: string, nth: number) => nth >= 3 && nth <= 9;
    const { records, result, fake } = await read(shards, '1h', 3600, { limit: 2 }, { throttle, latencyMs: 60_000 });
    expect(result.stats.expiredIterators).toBeGreaterThan(0);
    expect(records.map((r) => r.key)).toEqual(Array.from({ length: 10 }, (_, j) => `k-${j}`));
    expect(fake.calls.some((c) => c.start?.type === 'AFTER_SEQUENCE_NUMBER')).toBe(true);
  });

  it('reads closed parents before their children and counts their records on today\'s open shards', async () => {
    // shard 0 (whole space) split at HALF into 1 and 2; then 1 and 2 merged into 3.
    const splitAt = T0 - 600_000;
    const mergeAt = T0 - 300_000;
    const low = keyIn(0n, HALF, 'low');
    const high = keyIn(HALF, SPACE, 'high');
    const shards: FakeShard[] = [
      { id: 'shardId-000000000000', start: 0n, end: SPACE - 1n, closedAt: splitAt, records: [rec(low, T0 - 700_000), rec(high, T0 - 650_000)] },
      { id: 'shardId-000000000001', start: 0n, end: HALF - 1n, parent: 'shardId-000000000000', closedAt: mergeAt, records: [rec(low, T0 - 500_000)] },
      { id: 'shardId-000000000002', start: HALF, end: SPACE - 1n, parent: 'shardId-000000000000', closedAt: mergeAt, records: [rec(high, T0 - 400_000)] },
      {
        id: 'shardId-000000000003',
        start: 0n,
        end: SPACE - 1n,
        parent: 'shardId-000000000001',
        adjacentParent: 'shardId-000000000002',
        records: [rec(low, T0 - 200_000), rec(high, T0 - 100_000)],
      },
    ];
    const { records, fake, result } = await read(shards, '20m', 1200);
    expect(records).toHaveLength(6);
    expect(new Set(records.map((r) => r.shardId))).toEqual(new Set(['shardId-000000000003']));
    expect(result.stats.fromClosedShards).toBe(4);
    const firstCall = (id: string) => fake.calls.findIndex((c) => c.op === 'getRecords' && c.shardId === id);
    const lastCall = (id: string) => fake.calls.map((c) => c.op === 'getRecords' && c.shardId === id).lastIndexOf(true);
    expect(lastCall('shardId-000000000000')).toBeLessThan(firstCall('shardId-000000000001'));
    expect(lastCall('shardId-000000000000')).toBeLessThan(firstCall('shardId-000000000002'));
    expect(lastCall('shardId-000000000001')).toBeLessThan(firstCall('shardId-000000000003'));
    expect(lastCall('shardId-000000000002')).toBeLessThan(firstCall('shardId-000000000003'));
    expect(records.map((r) => r.time)).toEqual([...records.map((r) => r.time)].sort((a, b) => a - b));
  });

  it('places a split parent\'s records on the child that holds their hash key today', async () => {
    const low = keyIn(0n, HALF, 'low');
    const high = keyIn(HALF, SPACE, 'high');
    const shards: FakeShard[] = [
      { id: 'shardId-000000000000', start: 0n, end: SPACE - 1n, closedAt: T0 - 300_000, records: [rec(low, T0 - 500_000), rec(high, T0 - 400_000)] },
      { id: 'shardId-000000000001', start: 0n, end: HALF - 1n, parent: 'shardId-000000000000', records: [] },
      { id: 'shardId-000000000002', start: HALF, end: SPACE - 1n, parent: 'shardId-000000000000', records: [] },
    ];
    const { records } = await read(shards, '10m', 600);
    expect(records.map((r) => [r.key, r.shardId])).toEqual([
      [low, 'shardId-000000000001'],
      [high, 'shardId-000000000002'],
    ]);
  });

  it('reads only open shards from latest', async () => {
    const shards: FakeShard[] = [
      { id: 'shardId-000000000000', start: 0n, end: SPACE - 1n, closedAt: T0 - 300_000, records: [] },
      { id: 'shardId-000000000001', start: 0n, end: SPACE - 1n, parent: 'shardId-000000000000', records: [] },
    ];
    const { fake } = await read(shards, 'latest', 2);
    expect(new Set(fake.calls.filter((c) => c.shardId).map((c) => c.shardId))).toEqual(new Set(['shardId-000000000001']));
  });

  it('keeps shards within a few minutes of each other so that records come nearly in time order', async () => {
    // Shard 0 holds an hour of records; shard 1 one record at the end. One record per call.
    const shards = evenShards(2, (i) =>
      i === 0 ? Array.from({ length: 60 }, (_, j) => rec(`a-${j}`, T0 - 3_600_000 + j * 60_000)) : [rec('z', T0 - 3_600_000 + 10), rec('zz', T0 - 60_000)],
    );
    const { records } = await read(shards, '1h', 3600, { limit: 1, aheadMs: 300_000 });
    const times = records.map((r) => r.time * 1000);
    let newest = -Infinity;
    for (const t of times) {
      expect(t).toBeGreaterThan(newest - 300_000 - 60_000 - 1);
      newest = Math.max(newest, t);
    }
  });
});

describe('KPL aggregates in a live read', () => {
  it('counts each user record under its own key and explicit hash key, and a corrupt aggregate once', async () => {
    const agg = encodeAggregate([
      { key: 'user-1', data: enc.encode('a') },
      { key: 'user-2', explicitHashKey: '1', data: enc.encode('bb') },
    ]);
    const corrupt = frame(Uint8Array.of(0x0a, 0x01, 0x61));
    const shards = evenShards(1, () => [
      { key: 'a', data: agg, at: T0 + 1000 },
      { key: 'broken', data: corrupt, at: T0 + 2000 },
    ]);
    const { records, result } = await read(shards, 'latest', 5);
    expect(records.map((r) => [r.key, r.explicitHashKey, r.dataBytes])).toEqual([
      ['user-1', undefined, 1],
      ['user-2', '1', 2],
      ['broken', undefined, corrupt.length],
    ]);
    expect(result.stats).toMatchObject({ kinesisRecords: 2, userRecords: 3, aggregates: 1, corruptAggregates: 1 });
    expect(result.corruptExamples).toEqual([{ shardId: 'shardId-000000000000', sequenceNumber: 'shardId-000000000000:1', key: 'broken', problem: 'it holds no user records' }]);
  });
});

describe('ListShards paging and backoff', () => {
  it('follows NextToken through every page', async () => {
    const clock = new VirtualClock(T0);
    const fake = new FakeKinesis(evenShards(2500), clock, { pageSize: 1000 });
    const shards = await listAllShards(fake);
    expect(shards).toHaveLength(2500);
    expect(fake.calls.filter((c) => c.op === 'listShards')).toHaveLength(3);
  });

  it('backs off 0.5 to 1, then 1 to 2 seconds and up to 10', () => {
    expect(backoffMs(1, 0)).toBe(BACKOFF_FIRST_MS / 2);
    expect(backoffMs(1, 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffMs(2, 0)).toBe(1000);
    expect(backoffMs(10, 1)).toBe(10_000);
  });
});
