import { describe, expect, it } from 'vitest';
import { demandFrom, enhancedMetricsOn, percentile, rankShards, seriesOf, type MetricResult } from '../../../src/core/cloudwatch/demand.js';
import { batchSize, choosePeriod, shardPeriod, shardQueries, streamQueries } from '../../../src/core/cloudwatch/period.js';
import { uniformShardMap } from '../../../src/core/keys/shard-map.js';

const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);
const MIN = 60_000;

/** A result as GetMetricData returns it: newest first (the default ScanBy), with a label and status. */
function result(id: string, points: readonly [number, number][], status = 'Complete'): MetricResult {
  const sorted = [...points].sort((a, b) => b[0] - a[0]);
  return { Id: id, Label: id, Timestamps: sorted.map(([t]) => new Date(t)), Values: sorted.map(([, v]) => v), StatusCode: status };
}

describe('choosePeriod: the finest period CloudWatch keeps for the look back', () => {
  it.each([
    [1, 60],
    [14, 60],
    [15, 60],
    [16, 300],
    [63, 300],
    [64, 3600],
    [455, 3600],
  ])('%d days -> %d-second periods', (days, period) => {
    expect(choosePeriod(days)?.periodSeconds).toBe(period);
  });

  it('has nothing past 455 days', () => {
    expect(choosePeriod(456)).toBeUndefined();
  });
});

describe('queries', () => {
  it('asks for the five stream-level sums with the StreamName dimension', () => {
    const q = streamQueries('orders', 60);
    expect(q.map((x) => [x.Id, x.MetricStat.Metric.MetricName])).toEqual([
      ['inBytes', 'IncomingBytes'],
      ['inRecords', 'IncomingRecords'],
      ['writeThrottled', 'WriteProvisionedThroughputExceeded'],
      ['readBytes', 'GetRecords.Bytes'],
      ['readThrottled', 'ReadProvisionedThroughputExceeded'],
    ]);
    expect(q[0]).toEqual({
      Id: 'inBytes',
      MetricStat: { Metric: { Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', Dimensions: [{ Name: 'StreamName', Value: 'orders' }] }, Period: 60, Stat: 'Sum' },
      ReturnData: true,
    });
  });

  it('asks for bytes and records per shard with StreamName and ShardId', () => {
    const q = shardQueries('orders', ['shardId-000000000000', 'shardId-000000000001'], 300);
    expect(q.map((x) => x.Id)).toEqual(['s0b', 's0r', 's1b', 's1r']);
    expect(q[3]!.MetricStat.Metric.Dimensions).toEqual([
      { Name: 'StreamName', Value: 'orders' },
      { Name: 'ShardId', Value: 'shardId-000000000001' },
    ]);
  });

  it('coarsens the per-shard period on large streams to stay within the data point budget', () => {
    const fortnight = 14 * 86_400;
    expect(shardPeriod(4, fortnight, 60, 1_000_000)).toBe(60);
    expect(shardPeriod(100, fortnight, 60, 1_000_000)).toBe(300);
    expect(shardPeriod(200, fortnight, 60, 1_000_000)).toBe(900);
    expect(shardPeriod(10_000, fortnight, 60, 1_000_000)).toBe(86_400);
    expect(shardPeriod(4, 60 * 86_400, 300, 1_000_000)).toBe(300);
  });

  it('batches the GetMetricData queries: 500 metrics and 100,800 data points a call', () => {
    expect(batchSize(20_160)).toBe(5);
    expect(batchSize(20_161)).toBe(4);
    expect(batchSize(10)).toBe(500);
    expect(batchSize(200_000)).toBe(1);
  });
});

describe('demandFrom', () => {
  // Four minutes in the look back; the fourth has no data point (idle).
  const results: MetricResult[] = [
    result('inRecords', [[T0, 6000], [T0 + MIN, 120_000], [T0 + 2 * MIN, 600]]),
    result('inBytes', [[T0, 600_000], [T0 + MIN, 12_000_000], [T0 + 2 * MIN, 60_000]]),
    result('writeThrottled', [[T0, 0], [T0 + MIN, 6000], [T0 + 2 * MIN, 0]]),
    result('readBytes', [[T0, 1_200_000], [T0 + MIN, 24_000_000]]),
    result('readThrottled', [[T0 + MIN, 7]]),
  ];
  const d = demandFrom(results, 60, T0, T0 + 4 * MIN);

  it('takes the busiest minute\'s sum over 60 as the per-second peak, refused records added back', () => {
    expect(d.writeRecords.peak).toBe((120_000 + 6000) / 60);
    expect(d.writeRecords.peakAt).toBe(T0 + MIN);
    // The refused records carry that minute's average record size: 100 bytes.
    expect(d.writeBytes.peak).toBe((12_000_000 + 6000 * 100) / 60);
  });

  it('averages over every minute of the look back, idle ones included', () => {
    expect(d.periods).toBe(4);
    expect(d.writeRecords.average).toBeCloseTo((6000 + 126_000 + 600) / 240, 9);
  });

  it('gives the 99th percentile over the minutes, nearest rank', () => {
    expect(d.writeRecords.p99).toBe(2100);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 99)).toBe(5);
    expect(percentile([], 99)).toBe(0);
  });

  it('sizes on another percentile when asked', () => {
    // Minutes sorted: 0 (idle), 10, 100, 2,100 records/s; the median by nearest rank is the second.
    expect(demandFrom(results, 60, T0, T0 + 4 * MIN, 50).writeRecords.sized).toBe(10);
    expect(d.writeRecords.sized).toBe(d.writeRecords.peak);
  });

  it('totals what was written, refused and read', () => {
    expect(d.totals).toEqual({ incomingBytes: 12_660_000, incomingRecords: 126_600, writeThrottledRecords: 6000, readThrottledCalls: 7, readBytes: 25_200_000 });
    expect(d.throttledPeriods).toBe(1);
    expect(d.readBytes.peak).toBe(400_000);
    expect(d.idle).toBe(false);
  });

  it('merges the pages of one metric', () => {
    const paged = [result('inRecords', [[T0, 60]]), result('inRecords', [[T0 + MIN, 120]])];
    expect([...seriesOf(paged, 'inRecords').entries()]).toEqual([
      [T0, 60],
      [T0 + MIN, 120],
    ]);
    expect(demandFrom(paged, 60, T0, T0 + 2 * MIN).writeRecords.peak).toBe(2);
  });

  it('ignores data points outside the look back', () => {
    const out = demandFrom([result('inRecords', [[T0 - MIN, 6_000_000], [T0, 60]])], 60, T0, T0 + MIN);
    expect(out.writeRecords.peak).toBe(1);
  });

  it('is idle when nothing was written', () => {
    const none = demandFrom([result('inRecords', []), result('inBytes', [])], 60, T0, T0 + MIN);
    expect(none.idle).toBe(true);
    expect(none.periods).toBe(0);
    expect(demandFrom([result('inRecords', [[T0, 0]])], 60, T0, T0 + MIN).idle).toBe(true);
  });

  it('uses hourly sums the same way: a floor per second spread over 3,600 seconds', () => {
    const out = demandFrom([result('inRecords', [[T0, 3_600_000]])], 3600, T0, T0 + 3_600_000);
    expect(out.writeRecords.peak).toBe(1000);
  });
});

describe('rankShards', () => {
  const map = uniformShardMap(4);
  const minute = (id: string, values: number[]) => result(id, values.map((v, i) => [T0 + i * MIN, v]));

  it('flags a shard with 2.8 times its fair share, and one over the records limit in its busiest minute', () => {
    const results = [
      minute('s0b', [1000]), minute('s0r', [10, 0]),
      minute('s1b', [1000]), minute('s1r', [72_000, 0]),
      minute('s2b', [1000]), minute('s2r', [10, 0]),
      minute('s3b', [1000]), minute('s3r', [40_000, 130_000]),
    ];
    const r = rankShards(results, map, 60, 1.5);
    expect(r.measure).toBe('records');
    expect(r.shards.map((s) => s.shardId)).toEqual(['shardId-000000000003', 'shardId-000000000001', 'shardId-000000000000', 'shardId-000000000002']);
    const [s3, s1] = r.shards;
    expect(s3!.share).toBeCloseTo(170_000 / 242_020, 9);
    expect(s3!.reasons).toEqual(['share', 'records-limit']);
    expect(s1!.peakRecordsPerSec).toBe(1200);
    expect(s1!.reasons).toEqual(['records-limit']);
    expect(r.shards[2]!.hot).toBe(false);
  });

  it('weighs by bytes when the average record is larger than where the bytes limit binds', () => {
    const results = ['0', '1', '2', '3'].flatMap((i) => [minute(`s${i}b`, [i === '2' ? 6_000_000 : 2_000_000]), minute(`s${i}r`, [1000])]);
    const r = rankShards(results, map, 60, 1.5);
    expect(r.measure).toBe('bytes');
    expect(r.shards[0]).toMatchObject({ shardId: 'shardId-000000000002', hot: true, reasons: ['share'] });
  });

  it('does not call a shard hot on its share from a handful of records (the keys analyze rule)', () => {
    // 5 records of 10 on one shard of 4: twice its fair share, but the 95% interval on 5 of 10
    // reaches down to about 24%, under the line of 1.5 x 25%.
    const counts = [5, 2, 2, 1];
    const few = rankShards(counts.flatMap((n, i) => [minute(`s${i}r`, [n]), minute(`s${i}b`, [n * 100])]), map, 60, 1.5);
    expect(few.small).toBe(true);
    expect(few.shards[0]).toMatchObject({ shardId: 'shardId-000000000000', hotness: 2, hot: false, reasons: [] });
    // 300 on one shard and 10 on each other: hot even at the low end of its interval.
    const clear = rankShards(['0', '1', '2', '3'].flatMap((i) => [minute(`s${i}r`, [i === '0' ? 300 : 10]), minute(`s${i}b`, [1000])]), map, 60, 1.5);
    expect(clear.small).toBe(false);
    expect(clear.shards[0]).toMatchObject({ hot: true, reasons: ['share'] });
  });

  it('counts the shards without any data point', () => {
    expect(rankShards([minute('s0r', [5])], map, 60, 1.5).withoutData).toBe(3);
  });
});

describe('enhancedMetricsOn', () => {
  it('needs IncomingBytes and IncomingRecords, or ALL', () => {
    expect(enhancedMetricsOn(['ALL'])).toBe(true);
    expect(enhancedMetricsOn(['IncomingBytes', 'IncomingRecords'])).toBe(true);
    expect(enhancedMetricsOn(['IncomingBytes'])).toBe(false);
    expect(enhancedMetricsOn([])).toBe(false);
  });
});
