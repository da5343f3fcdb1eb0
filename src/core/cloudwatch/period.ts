/**
 * Which CloudWatch period a look back of --days can use, and which GetMetricData queries read a
 * stream's demand. CloudWatch keeps 1-minute data 15 days, 5-minute data 63 days and hourly data
 * 455 days: kds uses the finest period that still covers the whole look back.
 */
import { CLOUDWATCH, SHARD } from '../facts.js';

export interface PeriodChoice {
  readonly periodSeconds: number;
  /** Why this period: the finest one CloudWatch keeps for the whole look back. */
  readonly keptDays: number;
}

export const DAY_SECONDS = 86_400;

/** The finest period kept for `days` days, or undefined past the longest retention. */
export function choosePeriod(days: number): PeriodChoice | undefined {
  const tiers: readonly [number, number][] = [
    [CLOUDWATCH.kinesisPeriodSeconds.value, CLOUDWATCH.oneMinuteRetentionDays.value],
    [300, CLOUDWATCH.fiveMinuteRetentionDays.value],
    [3600, CLOUDWATCH.oneHourRetentionDays.value],
  ];
  for (const [periodSeconds, keptDays] of tiers) if (days <= keptDays) return { periodSeconds, keptDays };
  return undefined;
}

/** Stream-level metrics read for sizing, by query id. */
export const STREAM_METRICS = {
  inBytes: 'IncomingBytes',
  inRecords: 'IncomingRecords',
  writeThrottled: 'WriteProvisionedThroughputExceeded',
  readBytes: 'GetRecords.Bytes',
  readThrottled: 'ReadProvisionedThroughputExceeded',
} as const;
export type StreamMetricId = keyof typeof STREAM_METRICS;

/** One query in the shape GetMetricData takes. */
export interface MetricQuery {
  readonly Id: string;
  readonly MetricStat: {
    readonly Metric: {
      readonly Namespace: 'AWS/Kinesis';
      readonly MetricName: string;
      readonly Dimensions: readonly { readonly Name: string; readonly Value: string }[];
    };
    readonly Period: number;
    readonly Stat: 'Sum';
  };
  readonly ReturnData: true;
}

function query(id: string, metric: string, dims: readonly { Name: string; Value: string }[], period: number): MetricQuery {
  return { Id: id, MetricStat: { Metric: { Namespace: 'AWS/Kinesis', MetricName: metric, Dimensions: dims }, Period: period, Stat: 'Sum' }, ReturnData: true };
}

export function streamQueries(stream: string, periodSeconds: number): MetricQuery[] {
  return (Object.keys(STREAM_METRICS) as StreamMetricId[]).map((id) => query(id, STREAM_METRICS[id], [{ Name: 'StreamName', Value: stream }], periodSeconds));
}

/** Query ids of a shard's metrics: bytes and records of the shard at `index` in the open map. */
export function shardQueryIds(index: number): { bytes: string; records: string } {
  return { bytes: `s${index}b`, records: `s${index}r` };
}

export function shardQueries(stream: string, shardIds: readonly string[], periodSeconds: number): MetricQuery[] {
  return shardIds.flatMap((shardId, i) => {
    const dims = [
      { Name: 'StreamName', Value: stream },
      { Name: 'ShardId', Value: shardId },
    ];
    const ids = shardQueryIds(i);
    return [query(ids.bytes, 'IncomingBytes', dims, periodSeconds), query(ids.records, 'IncomingRecords', dims, periodSeconds)];
  });
}

/** Periods (seconds) the per-shard queries may fall back to on large streams, finest first. */
const SHARD_PERIODS = [60, 300, 900, 3600, 21_600, DAY_SECONDS];

/**
 * The period of the per-shard queries: the stream-level one when the data points fit in the
 * budget, else the finest coarser period that fits (so a 10,000-shard stream costs a bounded
 * number of calls).
 */
export function shardPeriod(shards: number, lookBackSeconds: number, streamPeriod: number, budget: number): number {
  for (const p of SHARD_PERIODS) {
    if (p < streamPeriod) continue;
    if (shards * 2 * Math.ceil(lookBackSeconds / p) <= budget) return p;
  }
  return SHARD_PERIODS[SHARD_PERIODS.length - 1]!;
}

/** Queries per GetMetricData call so that each call's data points fit in one answer: at most 500 metrics and 100,800 data points. */
export function batchSize(pointsPerQuery: number): number {
  const byPoints = Math.floor(CLOUDWATCH.getMetricDataMaxDatapoints.value / Math.max(1, pointsPerQuery));
  return Math.max(1, Math.min(CLOUDWATCH.getMetricDataMaxMetrics.value, byPoints));
}

/** The per-second write limits a shard's observed peak is compared with. */
export const SHARD_LIMITS = { bytesPerSec: SHARD.writeBytesPerSec.value, recordsPerSec: SHARD.writeRecordsPerSec.value };
