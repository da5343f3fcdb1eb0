/**
 * kds size kinesis://NAME against a local endpoint that answers the Kinesis and CloudWatch calls
 * with responses of the real API's shape (no CloudWatch emulator installs here).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runKds, type FakeIoOptions } from '../helpers/io.js';
import { useTestAwsEnv } from '../helpers/kinesalite.js';
import { startStub, type Stub, type StubAnswer } from '../helpers/aws-stub.js';
import { BILLING, PRICES } from '../../src/core/facts.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 30);
const MIN = 60_000;
const SPACE = 1n << 128n;
let stub: Stub;
let restoreEnv: () => void;

interface StreamState {
  status: string;
  /** StreamModeDetails.StreamMode; undefined leaves it out, as kinesalite does. */
  mode: string | undefined;
  shardLevelMetrics: string[];
  consumers: string[] | 'unsupported';
  /** ListStreamConsumers calls answered LimitExceededException before it answers. */
  consumersThrottled?: number;
  /** Minute sums by query id: [minute index before now, value]. */
  series: Record<string, [number, number][]>;
  pageSize: number;
  cloudwatchError?: { error: string; message: string };
}
let state: StreamState;

function shards(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    ShardId: `shardId-${String(i).padStart(12, '0')}`,
    HashKeyRange: { StartingHashKey: ((BigInt(i) * SPACE) / BigInt(n)).toString(), EndingHashKey: ((BigInt(i + 1) * SPACE) / BigInt(n) - 1n).toString() },
    SequenceNumberRange: { StartingSequenceNumber: '1' },
  }));
}

/** Answers GetMetricData from state.series, newest first as CloudWatch does, a few points per page. */
function getMetricData(body: Record<string, unknown>): StubAnswer {
  if (state.cloudwatchError) return state.cloudwatchError;
  const queries = body.MetricDataQueries as { Id: string; MetricStat: { Period: number } }[];
  const start = (body.StartTime as number) * 1000;
  const end = (body.EndTime as number) * 1000;
  const offset = typeof body.NextToken === 'string' ? Number(body.NextToken) : 0;
  let more = false;
  const results = queries.map((q) => {
    const minuteStart = Math.floor(NOW / MIN) * MIN;
    const points = (state.series[q.Id] ?? [])
      .map(([ago, v]) => [minuteStart - ago * MIN, v] as const)
      .filter(([t]) => t >= start && t < end)
      .sort((a, b) => b[0] - a[0]);
    const page = points.slice(offset, offset + state.pageSize);
    if (points.length > offset + state.pageSize) more = true;
    return { Id: q.Id, Label: q.Id, Timestamps: page.map(([t]) => t / 1000), Values: page.map(([, v]) => v), StatusCode: more ? 'PartialData' : 'Complete' };
  });
  return { body: { MetricDataResults: results, Messages: [], ...(more ? { NextToken: String(offset + state.pageSize) } : {}) } };
}

beforeAll(async () => {
  restoreEnv = useTestAwsEnv();
  stub = await startStub({
    DescribeStreamSummary: () => ({
      body: {
        StreamDescriptionSummary: {
          StreamName: 'orders',
          StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
          StreamStatus: state.status,
          ...(state.mode === undefined ? {} : { StreamModeDetails: { StreamMode: state.mode } }),
          RetentionPeriodHours: 48,
          StreamCreationTimestamp: 1_700_000_000,
          EnhancedMonitoring: [{ ShardLevelMetrics: state.shardLevelMetrics }],
          OpenShardCount: 4,
          ConsumerCount: 1,
          MaxRecordSizeInKiB: 1024,
        },
      },
    }),
    ListShards: () => ({ body: { Shards: shards(4) } }),
    ListStreamConsumers: () =>
      (state.consumersThrottled ?? 0) > 0 && state.consumersThrottled!-- > 0
        ? { error: 'LimitExceededException', message: 'Rate exceeded for stream orders' }
        : state.consumers === 'unsupported'
        ? { error: 'UnknownOperationException', message: 'no' }
        : { body: { Consumers: state.consumers.map((c) => ({ ConsumerName: c, ConsumerARN: `arn:${c}`, ConsumerStatus: 'ACTIVE', ConsumerCreationTimestamp: 1_700_000_000 })) } },
    GetMetricData: (body) => getMetricData(body),
  });
});

afterAll(async () => {
  await stub.close();
  restoreEnv();
});

beforeEach(() => {
  stub.calls.length = 0;
  state = {
    status: 'ACTIVE',
    mode: 'PROVISIONED',
    shardLevelMetrics: [],
    consumers: ['analytics'],
    pageSize: 1000,
    series: {
      // Three busy minutes an hour ago and a quiet one; 6,000 records refused in the busiest.
      inRecords: [[60, 6000], [61, 120_000], [62, 600], [200, 60]],
      inBytes: [[60, 600_000], [61, 12_000_000], [62, 60_000], [200, 6000]],
      writeThrottled: [[61, 6000]],
      readBytes: [[60, 1_200_000], [61, 24_000_000]],
      readThrottled: [[61, 3]],
    },
  };
});

const IO: FakeIoOptions = { now: NOW };
function io(extra: Record<string, string> = {}): FakeIoOptions {
  return { ...IO, env: { AWS_ENDPOINT_URL_CLOUDWATCH: stub.endpoint, ...extra } };
}

function size(...more: string[]) {
  return runKds(['size', 'kinesis://orders', '--endpoint-url', stub.endpoint, ...more], io());
}

interface SizeJson {
  minimumShards: number;
  recommendedShards: number;
  input: { writeMiBPerSec?: number; currentShards?: number; efoConsumers?: number } & Record<string, unknown>;
  observed: {
    stream: string;
    mode: string;
    openShards: number;
    retentionHours: number;
    efoConsumers: number | null;
    lookBack: { days: number; periodSeconds: number; periods: number; start: string; end: string };
    sizedOn: string;
    writeBytesPerSec: { peak: number; p99: number; average: number; sized: number; peakAt: string | null };
    writeRecordsPerSec: { peak: number; p99: number; average: number; sized: number; peakAt: string | null };
    readBytesPerSec: { peak: number };
    totals: Record<string, number>;
    enhancedMetrics: boolean;
    enableEnhancedMonitoring: string | null;
    shards: { measure: string; hotShards: string[]; ranked: { shardId: string; hot: boolean; hotReasons: string[] }[] } | null;
    calls: { getMetricData: number };
    notes: { id: string }[];
    sharedConsumers: { count: number; fromReads: boolean; readRatio: number | null };
    costToday: { prices: string; today: Priced; resharded: Priced | null; otherMode: Priced; cheapest: Priced };
  };
  reshard?: unknown;
  cost: { modes: { mode: string; totalUsd: number }[] };
}

interface Priced {
  mode: string;
  shards: number | null;
  monthlyUsd: number;
}

async function sizeJson(...more: string[]): Promise<SizeJson> {
  const r = await size('--json', ...more);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as SizeJson;
}

describe('kds size kinesis://NAME', () => {
  it('sizes on the busiest minute over 60 with refused writes added back, from the stream\'s own shards and consumers', async () => {
    const out = await sizeJson();
    const o = out.observed;
    expect(o).toMatchObject({ stream: 'kinesis://orders', mode: 'PROVISIONED', openShards: 4, retentionHours: 48, maxRecordSizeKiB: 1024, efoConsumers: 1, sizedOn: 'peak' });
    expect(o.writeRecordsPerSec.peak).toBe(2100);
    expect(o.writeBytesPerSec.peak).toBe(210_000);
    expect(o.writeRecordsPerSec.peakAt).toBe(new Date(Math.floor(NOW / MIN) * MIN - 61 * MIN).toISOString());
    expect(o.lookBack).toMatchObject({ days: 14, periodSeconds: 60 });
    expect(Date.parse(o.lookBack.end) - Date.parse(o.lookBack.start)).toBe(14 * 86_400_000);
    expect(o.totals).toMatchObject({ incomingRecords: 126_660, writeThrottledRecords: 6000, readThrottledCalls: 3 });
    expect(o.readBytesPerSec.peak).toBe(400_000);
    // The usual report on that demand: 2,100 records/s needs 3 shards; the plan starts from 4.
    expect(out.minimumShards).toBe(3);
    expect(JSON.stringify(out)).toContain('"currentShards":4');
    expect(JSON.stringify(out)).toContain('"efoConsumers":1');
    expect(JSON.stringify(out)).toContain('"retentionHours":48');
  });

  it('prices the stream as it is today (provisioned, 4 shards) against resharded and on-demand, at the observed average', async () => {
    const out = await sizeJson();
    const c = out.observed.costToday;
    const total = (mode: string) => out.cost.modes.find((m) => m.mode === mode)!.totalUsd;
    expect(c.prices).toMatch(/^us-east-1 list prices as of \d{4}-\d\d-\d\d$/);
    expect(c.resharded).toEqual({ mode: 'provisioned', shards: 3, monthlyUsd: total('provisioned') });
    expect(c.otherMode).toEqual({ mode: 'on-demand', shards: null, monthlyUsd: total('on-demand-standard') });
    // One shard more costs its shard-hours, its extended retention (48 hours) and its fan-out consumer-shard-hours.
    const p = PRICES.provisioned;
    const perShard = BILLING.hoursPerMonth.value * (p.shardHour.value + p.extendedRetentionShardHour.value + p.efoConsumerShardHour.value);
    expect(c.today.mode).toBe('provisioned');
    expect(c.today.shards).toBe(4);
    expect(c.today.monthlyUsd - c.resharded!.monthlyUsd).toBeCloseTo(perShard, 1);
    expect(c.cheapest).toEqual(c.otherMode);
    const text = (await size()).stdout.replace(/\s+/g, ' ');
    const usd = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(text).toContain(
      `Cost today (${c.prices}): provisioned with 4 shards, ${usd(c.today.monthlyUsd)} a month at the observed average; ` +
        `resharded to 3 shards, ${usd(c.resharded!.monthlyUsd)}; on-demand, ${usd(c.otherMode.monthlyUsd)}. ` +
        `Switching to on-demand would save about ${usd(c.today.monthlyUsd - c.otherMode.monthlyUsd)} a month.`,
    );
  });

  it('compares an on-demand stream with provisioned at the recommended count, and plans no resharding', async () => {
    state.mode = 'ON_DEMAND';
    const out = await sizeJson();
    const c = out.observed.costToday;
    expect(c.today).toEqual({ mode: 'on-demand', shards: null, monthlyUsd: out.cost.modes.find((m) => m.mode === 'on-demand-standard')!.totalUsd });
    expect(c.otherMode).toEqual({ mode: 'provisioned', shards: 3, monthlyUsd: out.cost.modes.find((m) => m.mode === 'provisioned')!.totalUsd });
    expect(c.resharded).toBeNull();
    expect(out.reshard).toBeNull();
    expect(out.observed.notes.map((n) => n.id)).toContain('on-demand');
    const text = (await size()).stdout;
    expect(text).toContain('ON_DEMAND mode, 4 open shards');
    expect(text).not.toContain('Resharding from');
    const usd = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(text.replace(/\s+/g, ' ')).toContain(
      `on-demand, ${usd(c.today.monthlyUsd)} a month at the observed average; provisioned with 3 shards (the recommended count), ${usd(c.otherMode.monthlyUsd)}. Today's setup is the cheapest of these.`,
    );
  });

  it('takes a stream that does not say its mode (an emulator) as provisioned, and says so', async () => {
    state.mode = undefined;
    const out = await sizeJson();
    expect(out.observed.mode).toBeNull();
    expect(out.observed.costToday.today).toMatchObject({ mode: 'provisioned', shards: 4 });
    expect((await size()).stdout).toContain('capacity mode not given (taken as provisioned), 4 open shards');
  });

  it('sizes for the shared readers the reads show (GetRecords.Bytes over IncomingBytes), unless --consumers is given', async () => {
    // 25.2 MB read of 12.666 MB written: two readers.
    const out = await sizeJson();
    expect(out.observed.sharedConsumers).toEqual({ count: 2, fromReads: true, readRatio: 1.99 });
    expect(out.input).toMatchObject({ consumers: 2 });
    expect(out.observed.notes.map((n) => n.id)).toContain('shared-consumers');
    expect((await size()).stdout.replace(/\s+/g, ' ')).toContain('- GetRecords read 1.99 times the bytes written: sized for 2 shared consumers (--consumers N says otherwise).');
    const given = await sizeJson('--consumers', '1');
    expect(given.observed.sharedConsumers).toEqual({ count: 1, fromReads: false, readRatio: 1.99 });
    expect(given.observed.notes.map((n) => n.id)).not.toContain('shared-consumers');
  });

  it('asks CloudWatch for the five stream-level sums over the look back', async () => {
    await sizeJson();
    const gmd = stub.calls.filter((c) => c.operation === 'GetMetricData');
    expect(gmd).toHaveLength(1);
    const body = gmd[0]!.body as { MetricDataQueries: { Id: string; MetricStat: { Metric: { MetricName: string; Dimensions: unknown[] }; Period: number; Stat: string } }[]; StartTime: number; EndTime: number };
    expect(body.MetricDataQueries.map((q) => q.MetricStat.Metric.MetricName)).toEqual([
      'IncomingBytes',
      'IncomingRecords',
      'WriteProvisionedThroughputExceeded',
      'GetRecords.Bytes',
      'ReadProvisionedThroughputExceeded',
    ]);
    expect(body.MetricDataQueries[0]!.MetricStat).toMatchObject({ Period: 60, Stat: 'Sum', Metric: { Dimensions: [{ Name: 'StreamName', Value: 'orders' }] } });
    expect(body.EndTime * 1000).toBe(Math.floor(NOW / MIN) * MIN);
    expect(gmd[0]!.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.GetMetricData');
  });

  it('uses 5-minute sums past 15 days and hourly ones past 63', async () => {
    expect((await sizeJson('--days', '30')).observed.lookBack.periodSeconds).toBe(300);
    expect((await sizeJson('--days', '100')).observed.lookBack.periodSeconds).toBe(3600);
    const r = await size('--days', '456');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--days expects a whole number of days from 1 to 455, got '456' \(too large\)\. CloudWatch keeps hourly data 455 days\./);
  });

  it('follows NextToken across pages', async () => {
    state.pageSize = 1;
    const out = await sizeJson();
    expect(out.observed.writeRecordsPerSec.peak).toBe(2100);
    expect(out.observed.calls.getMetricData).toBe(4);
  });

  it('sizes on another percentile with --percentile', async () => {
    // 201 minutes from the first data point: the 99th percentile by nearest rank is the 199th
    // smallest, the minute of 600 records.
    const out = await sizeJson('--percentile', '99');
    expect(out.observed.sizedOn).toBe('p99');
    expect(out.observed.writeRecordsPerSec.sized).toBe(10);
    expect(out.observed.writeRecordsPerSec.p99).toBe(10);
    expect(out.minimumShards).toBe(1);
    const text = (await size('--percentile', '99')).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Sized on the p99: 0.98 KiB/s and 10 records/s of writes, from 4 shards today.');
  });

  it('prints the enable-enhanced-monitoring command when shard-level metrics are off', async () => {
    const out = await sizeJson();
    expect(out.observed.enhancedMetrics).toBe(false);
    expect(out.observed.shards).toBeNull();
    expect(out.observed.enableEnhancedMonitoring).toBe('aws kinesis enable-enhanced-monitoring --stream-name orders --shard-level-metrics IncomingBytes IncomingRecords');
  });

  it('ranks the shards and flags a hot one when shard-level metrics are on', async () => {
    state.shardLevelMetrics = ['ALL'];
    state.series = { ...state.series, s0r: [[61, 1000]], s1r: [[61, 1000]], s2r: [[61, 118_000]], s3r: [[61, 6000]], s0b: [[61, 100_000]], s1b: [[61, 100_000]], s2b: [[61, 11_800_000]], s3b: [[61, 600_000]] };
    const out = await sizeJson();
    expect(out.observed.enhancedMetrics).toBe(true);
    expect(out.observed.shards!.measure).toBe('records');
    expect(out.observed.shards!.hotShards).toEqual(['shardId-000000000002']);
    expect(out.observed.shards!.ranked[0]).toMatchObject({ shardId: 'shardId-000000000002', hot: true, hotReasons: ['share', 'records-limit'] });
    // 8 shard queries of 20,160 minutes each: 5 fit in one call's 100,800 data points.
    const calls = stub.calls.filter((c) => c.operation === 'GetMetricData').slice(1);
    expect(calls.map((c) => (c.body.MetricDataQueries as unknown[]).length)).toEqual([5, 3]);
    const shardQueries = calls.flatMap((c) => c.body.MetricDataQueries as { MetricStat: { Metric: { Dimensions: { Name: string; Value: string }[] } } }[]);
    expect(shardQueries[5]!.MetricStat.Metric.Dimensions).toEqual([
      { Name: 'StreamName', Value: 'orders' },
      { Name: 'ShardId', Value: 'shardId-000000000002' },
    ]);
  });

  it('fits the observed report, busiest shards included, in 80 columns', async () => {
    state.shardLevelMetrics = ['ALL'];
    state.series = { ...state.series, s0r: [[61, 1000]], s1r: [[61, 1000]], s2r: [[61, 118_000]], s3r: [[61, 6000]], s0b: [[61, 100_000]], s1b: [[61, 100_000]], s2b: [[61, 11_800_000]], s3b: [[61, 600_000]] };
    const r = await size();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Busiest shards by records');
    const wide = r.stdout.split('\n').filter((line) => line.length > 80);
    expect(wide).toEqual([]);
  });

  it('prints what it observed above the usual report', async () => {
    const r = await size();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Observed: kinesis:\/\/orders \(us-east-1 at http:\/\/127\.0\.0\.1:\d+\)\nPROVISIONED mode, 4 open shards, 48-hour retention, records up to 1 MiB, 1\senhanced fan-out consumer\nCloudWatch: 14 days to 2026-11-25T12:00Z in 1-minute sums, 1 GetMetricData call\n/,
    );
    expect(r.stdout).toContain('Writes, records/s');
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Sized on the peak: 0.21 MiB/s and 2,100 records/s of writes, from 4 shards today.');
    expect(flat).toContain('- 1-minute sums are the finest CloudWatch keeps for 14 days, but Kinesis limits are per second');
    expect(flat).toContain('! 6,000 writes were refused (WriteProvisionedThroughputExceeded) in 1 minute: they are added back to the demand.');
    expect(r.stdout).toContain('aws kinesis enable-enhanced-monitoring --stream-name orders');
    expect(r.stdout).toContain('Resharding from 4 shards');
  });

  it('says plainly when the stream wrote nothing in the look back', async () => {
    state.series = {};
    const r = await size();
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('kds: kinesis://orders had no writes in the last 14 days (CloudWatch IncomingRecords is empty): there is no demand to size. Check the stream name and Region, or size a workload with --mbps.\n');
  });

  it('falls back to --efo-consumers when the endpoint cannot list consumers', async () => {
    state.consumers = 'unsupported';
    const out = await sizeJson('--efo-consumers', '2');
    expect(out.observed.efoConsumers).toBeNull();
    expect(JSON.stringify(out)).toContain('"efoConsumers":2');
    expect(out.observed.notes.map((n) => n.id)).toContain('consumers-unknown');
  });

  it('retries a throttled ListStreamConsumers and goes on', async () => {
    state.consumersThrottled = 1;
    const out = await sizeJson();
    expect(out.observed.efoConsumers).toBe(1);
    expect(stub.calls.filter((c) => c.operation === 'ListStreamConsumers')).toHaveLength(2);
  });

  it('names the refused CloudWatch action', async () => {
    state.cloudwatchError = { error: 'AccessDenied', message: 'User: arn:aws:iam::1:user/x is not authorized to perform: cloudwatch:GetMetricData' };
    const r = await size();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kds: access denied: these credentials may not call cloudwatch:GetMetricData on orders; allow that action in their IAM policy.\n');
  });

  it('prices the Region --region names when kds has its prices, and says it has none for another Region', async () => {
    const priced = await size('--json', '--region', 'us-east-2');
    expect(priced.code).toBe(0);
    expect((JSON.parse(priced.stdout) as SizeJson).observed.costToday.prices).toMatch(/^us-east-2 list prices/);
    const r = await size('--json', '--region', 'eu-north-1');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('kds: kds has no prices for eu-north-1: the costs below are us-east-1 list prices.\n');
    const out = JSON.parse(r.stdout) as SizeJson;
    expect(out.observed.costToday.prices).toMatch(/^us-east-1 list prices/);
    expect(out.observed.openShards).toBe(4);
  });

  it('refuses flags that need a partner before it calls AWS', async () => {
    const r = await size('--max-lag-seconds', '60');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kds: --max-lag-seconds 60 bounds the catch-up after a surge/);
    const s = await size('--surge-seconds', '30');
    expect(s.code).toBe(2);
    expect(stub.calls).toEqual([]);
  });

  it('names the stream in the printed commands unless --stream-name is given, even as my-stream', async () => {
    const named = JSON.stringify(await sizeJson());
    expect(named).toContain('--stream-name orders');
    const given = JSON.stringify(await sizeJson('--stream-name', 'my-stream'));
    expect(given).toContain('--stream-name my-stream');
    expect(given).not.toContain('--stream-name orders');
  });

  it('takes the workload from the stream, not from flags', async () => {
    const r = await size('--mbps', '5');
    expect(r).toMatchObject({ code: 2, stderr: "kds: --mbps comes from kinesis://orders's CloudWatch history: drop it, or size a workload without kinesis://NAME.\n" });
  });

  it('keeps the history flags for a stream', async () => {
    const r = await runKds(['size', '--mbps', '5', '--days', '3']);
    expect(r).toMatchObject({ code: 2, stderr: 'kds: --days sizes a stream from its history: give kinesis://NAME (or a stream ARN) as well.\n' });
    const f = await runKds(['size', 'orders.csv']);
    expect(f).toMatchObject({ code: 2, stderr: "kds: kds size takes no file: give kinesis://NAME (or a stream ARN) to size a stream, got 'orders.csv'.\n" });
  });
});
