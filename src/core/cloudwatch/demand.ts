/**
 * A stream's demand from its CloudWatch history (GetMetricData results of the queries in
 * ./period.ts).
 *
 * Kinesis limits are per second but its metrics are sums per period (a minute at best), so a
 * period's rate is its sum over its length: a floor for the busiest second inside it, which may be
 * far higher. Records refused by throttling (WriteProvisionedThroughputExceeded) were demand too:
 * they are added back, with the period's average record size for their bytes.
 *
 * Periods without a data point inside the look back (after the first one) count as idle, so the
 * average is the volume over the whole time and the percentiles see the quiet minutes too.
 */
import { bindingRecordBytes } from '../keys/analyze.js';
import { hotByShare, smallSample } from '../keys/hot-rule.js';
import type { ShardMap } from '../keys/shard-map.js';
import { SHARD_LIMITS, shardQueryIds, type StreamMetricId } from './period.js';

/** One result in the shape GetMetricData returns (the SDK's MetricDataResult). */
export interface MetricResult {
  readonly Id?: string | undefined;
  readonly Label?: string | undefined;
  readonly Timestamps?: readonly Date[] | undefined;
  readonly Values?: readonly number[] | undefined;
  readonly StatusCode?: string | undefined;
}

/** Values by period start (epoch ms), merged over pages. */
export type Series = Map<number, number>;

export function seriesOf(results: readonly MetricResult[], id: string): Series {
  const out: Series = new Map();
  for (const r of results) {
    if (r.Id !== id) continue;
    const ts = r.Timestamps ?? [];
    const vs = r.Values ?? [];
    for (let i = 0; i < Math.min(ts.length, vs.length); i++) {
      const t = ts[i]!.getTime();
      out.set(t, (out.get(t) ?? 0) + vs[i]!);
    }
  }
  return out;
}

/** Nearest-rank percentile (p in (0, 100]) of values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface RateFigures {
  /** Per-second rate of the busiest period. */
  readonly peak: number;
  /** When the busiest period started (epoch ms); NaN when there was none. */
  readonly peakAt: number;
  readonly p99: number;
  readonly average: number;
  /** The rate at the percentile asked for (--percentile; 100 is the peak). */
  readonly sized: number;
}

export interface Demand {
  readonly periodSeconds: number;
  /** Periods in the look back from the first data point, idle ones included. */
  readonly periods: number;
  /** First period with data (epoch ms), NaN without data. */
  readonly firstMs: number;
  /** Data bytes written per second, refused writes added back. */
  readonly writeBytes: RateFigures;
  /** Records written per second, refused writes added back. */
  readonly writeRecords: RateFigures;
  /** GetRecords bytes per second, all consumers together. */
  readonly readBytes: RateFigures;
  readonly totals: {
    readonly incomingBytes: number;
    readonly incomingRecords: number;
    readonly writeThrottledRecords: number;
    readonly readThrottledCalls: number;
    readonly readBytes: number;
  };
  /** Periods in which some writes were refused. */
  readonly throttledPeriods: number;
  /** True when nothing was written (or refused) in the look back. */
  readonly idle: boolean;
}

function figures(rates: readonly number[], starts: readonly number[], periods: number, p: number): RateFigures {
  let peak = 0;
  let peakAt = NaN;
  rates.forEach((r, i) => {
    if (r > peak) {
      peak = r;
      peakAt = starts[i]!;
    }
  });
  const all = [...rates, ...new Array<number>(Math.max(0, periods - rates.length)).fill(0)];
  const sum = rates.reduce((a, b) => a + b, 0);
  return { peak, peakAt, p99: percentile(all, 99), average: periods > 0 ? sum / periods : 0, sized: p >= 100 ? peak : percentile(all, p) };
}

/**
 * The demand over [startMs, endMs) from stream-level results. `sizeAt` is the percentile to size
 * on (100 for the peak).
 */
export function demandFrom(results: readonly MetricResult[], periodSeconds: number, startMs: number, endMs: number, sizeAt = 100): Demand {
  const get = (id: StreamMetricId) => seriesOf(results, id);
  const inBytes = get('inBytes');
  const inRecords = get('inRecords');
  const writeThrottled = get('writeThrottled');
  const readBytes = get('readBytes');
  const readThrottled = get('readThrottled');

  const inWindow = (t: number) => t >= startMs && t < endMs;
  const starts = [...new Set([...inBytes.keys(), ...inRecords.keys(), ...writeThrottled.keys(), ...readBytes.keys()])].filter(inWindow).sort((a, b) => a - b);
  const sumOf = (s: Series) => [...s.entries()].filter(([t]) => inWindow(t)).reduce((a, [, v]) => a + v, 0);
  const totals = {
    incomingBytes: sumOf(inBytes),
    incomingRecords: sumOf(inRecords),
    writeThrottledRecords: sumOf(writeThrottled),
    readThrottledCalls: sumOf(readThrottled),
    readBytes: sumOf(readBytes),
  };
  const overallRecordBytes = totals.incomingRecords > 0 ? totals.incomingBytes / totals.incomingRecords : 0;
  const firstMs = starts.length > 0 ? starts[0]! : NaN;
  const periodMs = periodSeconds * 1000;
  const periods = starts.length > 0 ? Math.max(starts.length, Math.ceil((endMs - firstMs) / periodMs)) : 0;

  const bytesRates: number[] = [];
  const recordRates: number[] = [];
  const readRates: number[] = [];
  let throttledPeriods = 0;
  for (const t of starts) {
    const records = inRecords.get(t) ?? 0;
    const bytes = inBytes.get(t) ?? 0;
    const refused = writeThrottled.get(t) ?? 0;
    if (refused > 0) throttledPeriods++;
    const recordBytes = records > 0 ? bytes / records : overallRecordBytes;
    recordRates.push((records + refused) / periodSeconds);
    bytesRates.push((bytes + refused * recordBytes) / periodSeconds);
    readRates.push((readBytes.get(t) ?? 0) / periodSeconds);
  }
  return {
    periodSeconds,
    periods,
    firstMs,
    writeBytes: figures(bytesRates, starts, periods, sizeAt),
    writeRecords: figures(recordRates, starts, periods, sizeAt),
    readBytes: figures(readRates, starts, periods, sizeAt),
    totals,
    throttledPeriods,
    idle: totals.incomingRecords + totals.writeThrottledRecords === 0,
  };
}

export type HotReason = 'share' | 'records-limit' | 'bytes-limit';

export interface ShardLoad {
  readonly shardId: string;
  readonly hashShare: number;
  readonly bytes: number;
  readonly records: number;
  /** Share of the stream's load by the measure. */
  readonly share: number;
  /** Share over hash share: 1 is a fair share. */
  readonly hotness: number;
  /** Busiest period's per-second rates. */
  readonly peakBytesPerSec: number;
  readonly peakRecordsPerSec: number;
  readonly hot: boolean;
  readonly reasons: readonly HotReason[];
}

export interface ShardRanking {
  readonly periodSeconds: number;
  readonly measure: 'records' | 'bytes';
  /** Open shards, busiest (by hotness) first. */
  readonly shards: readonly ShardLoad[];
  /** Open shards for which CloudWatch returned no data point at all. */
  readonly withoutData: number;
  /** Fewer records per shard than shares can be trusted on: a shard is hot by its share only when its interval says so. */
  readonly small: boolean;
}

/**
 * Ranks the open shards by their shard-level metrics and flags hot ones with the rule of
 * `kds keys analyze`: a share at least hotRatio times the shard's share of the hash space (by
 * records, or by bytes when the average record is larger than the size at which the bytes limit
 * binds first), or a busiest period over a per-shard write limit. With fewer than
 * MIN_RECORDS_PER_SHARD records per shard, a share must clear the line at the low end of its 95%
 * interval, as there.
 */
export function rankShards(results: readonly MetricResult[], map: ShardMap, periodSeconds: number, hotRatio: number): ShardRanking {
  let withoutData = 0;
  const raw = map.shards.map((shard, i) => {
    const ids = shardQueryIds(i);
    const b = seriesOf(results, ids.bytes);
    const r = seriesOf(results, ids.records);
    if (b.size === 0 && r.size === 0) withoutData++;
    let bytes = 0;
    let records = 0;
    let peakBytes = 0;
    let peakRecords = 0;
    for (const v of b.values()) {
      bytes += v;
      peakBytes = Math.max(peakBytes, v / periodSeconds);
    }
    for (const v of r.values()) {
      records += v;
      peakRecords = Math.max(peakRecords, v / periodSeconds);
    }
    return { shard, bytes, records, peakBytes, peakRecords };
  });
  const totalBytes = raw.reduce((a, x) => a + x.bytes, 0);
  const totalRecords = raw.reduce((a, x) => a + x.records, 0);
  const measure = totalRecords > 0 && totalBytes / totalRecords > bindingRecordBytes() ? 'bytes' : 'records';
  const total = measure === 'records' ? totalRecords : totalBytes;
  const sample = { totalRecords, shards: Math.max(1, raw.length) };
  const shards = raw.map((x): ShardLoad => {
    const share = total > 0 ? (measure === 'records' ? x.records : x.bytes) / total : 0;
    const hotness = share / x.shard.hashShare;
    const reasons: HotReason[] = [];
    if (total > 0 && hotByShare(share, x.shard.hashShare, hotRatio, sample)) reasons.push('share');
    if (x.peakRecords > SHARD_LIMITS.recordsPerSec) reasons.push('records-limit');
    if (x.peakBytes > SHARD_LIMITS.bytesPerSec) reasons.push('bytes-limit');
    return {
      shardId: x.shard.shardId,
      hashShare: x.shard.hashShare,
      bytes: x.bytes,
      records: x.records,
      share,
      hotness,
      peakBytesPerSec: x.peakBytes,
      peakRecordsPerSec: x.peakRecords,
      hot: reasons.length > 0,
      reasons,
    };
  });
  shards.sort((a, b) => b.hotness - a.hotness || b.records - a.records || (a.shardId < b.shardId ? -1 : 1));
  return { periodSeconds, measure, shards, withoutData, small: smallSample(totalRecords, sample.shards) };
}

/** Shard-level metrics that rankShards needs; "ALL" turns on every one. */
export function enhancedMetricsOn(shardLevelMetrics: readonly string[]): boolean {
  const on = new Set(shardLevelMetrics);
  return on.has('ALL') || (on.has('IncomingBytes') && on.has('IncomingRecords'));
}
