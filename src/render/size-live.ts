/**
 * What kds size kinesis://NAME observed: the stream as it is, its demand from CloudWatch (peak,
 * p99, average) and, with shard-level metrics on, its busiest shards. Printed above the usual size
 * report, and as the `observed` JSON object.
 */
import type { ChalkInstance } from 'chalk';
import type { Demand, RateFigures, ShardRanking } from '../core/cloudwatch/demand.js';
import { SHARD } from '../core/facts.js';
import { MIN_RECORDS_PER_SHARD } from '../core/keys/hot-rule.js';
import type { CostToday, PricedMode } from '../core/size/today.js';
import { echoValue, safeText } from './escape.js';
import { formatBytes, formatFixed, formatInt, formatMibPerSec, formatPercent, formatUsd, plural } from './format.js';
import { shortShardIds } from './shard-ids.js';
import { renderTable, tableWidth, type Align } from './table.js';
import { bullet, shellLines, wrap } from './text.js';

export interface ObservedView {
  readonly stream: string;
  readonly streamName: string;
  readonly region: string;
  readonly endpoint: string | undefined;
  /** The capacity mode DescribeStreamSummary gave (undefined when the endpoint said none). */
  readonly mode: string | undefined;
  readonly openShards: number;
  readonly retentionHours: number;
  /** The stream's largest record (DescribeStreamSummary MaxRecordSizeInKiB), when the endpoint says. */
  readonly maxRecordSizeKiB: number | undefined;
  /**
   * Shared (GetRecords) readers sized for: counted from the reads (observed) unless --consumers
   * was given; readRatio is GetRecords.Bytes over IncomingBytes.
   */
  readonly sharedConsumers: { readonly count: number; readonly observed: number | undefined; readonly readRatio: number | undefined };
  /** Registered enhanced fan-out consumers; undefined when the endpoint could not say. */
  readonly efoConsumers: number | undefined;
  readonly days: number;
  readonly startMs: number;
  readonly endMs: number;
  /** 100 for the peak. */
  readonly percentile: number;
  readonly demand: Demand;
  /** Set when shard-level metrics are on. */
  readonly ranking: ShardRanking | undefined;
  readonly getMetricDataCalls: number;
  /** What the stream costs today in its mode, and in the other, at the observed average. */
  readonly cost: CostToday;
  /** "us-east-1 list prices as of 2026-11-25": whose prices the costs are. */
  readonly prices: string;
}

/** Busiest shards listed in the text report. */
const SHARDS_SHOWN = 10;

function periodWords(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hourly' : `${seconds / 3600}-hour`;
  return `${seconds / 60}-minute`;
}

/** "minute", "5-minute period", "hour": one period, as a noun. */
function periodNoun(seconds: number): string {
  if (seconds === 60) return 'minute';
  if (seconds === 3600) return 'hour';
  return `${periodWords(seconds)} period`;
}

function isoMinute(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16).concat('Z') : '-';
}

export function sizedOn(percentile: number): string {
  return percentile >= 100 ? 'peak' : `p${formatFixed(percentile, 2)}`;
}

/** The command that turns on the shard-level metrics kds ranks shards by. */
export function enableCommand(streamName: string): string {
  return `aws kinesis enable-enhanced-monitoring --stream-name ${streamName} --shard-level-metrics IncomingBytes IncomingRecords`;
}

function pricedText(m: PricedMode): string {
  return m.mode === 'on-demand' ? 'on-demand' : `provisioned with ${plural(m.shards ?? 0, 'shard')}`;
}

/** "Cost today: ..." for the text report: today's mode and shards, then the alternatives, then which is cheapest. */
export function costTodayText(view: ObservedView): string {
  const c = view.cost;
  const parts = [`${pricedText(c.today)}, ${formatUsd(c.today.monthlyUsd)} a month at the observed average`];
  if (c.resharded) parts.push(`resharded to ${plural(c.resharded.shards ?? 0, 'shard')}, ${formatUsd(c.resharded.monthlyUsd)}`);
  parts.push(`${c.otherMode.mode === 'on-demand' ? 'on-demand' : `provisioned with ${plural(c.otherMode.shards ?? 0, 'shard')} (the recommended count)`}, ${formatUsd(c.otherMode.monthlyUsd)}`);
  const verdict =
    c.cheapest === c.today
      ? 'Today\'s setup is the cheapest of these.'
      : `${c.cheapest === c.resharded ? 'Resharding' : c.cheapest.mode === 'on-demand' ? 'Switching to on-demand' : 'Switching to provisioned'} would save about ${formatUsd(c.today.monthlyUsd - c.cheapest.monthlyUsd)} a month.`;
  return `Cost today (${view.prices}): ${parts.join('; ')}. ${verdict}`;
}

export function observedNotes(view: ObservedView): { id: string; message: string }[] {
  const d = view.demand;
  const period = periodWords(d.periodSeconds);
  const out: { id: string; message: string }[] = [
    {
      id: 'period-sums',
      message: `${period === 'hourly' ? 'Hourly' : period} sums are the finest CloudWatch keeps for ${plural(view.days, 'day')}, but Kinesis limits are per second: a rate here is a period's sum over its length, and the busiest second inside a period can be well above it. Keep headroom for that.`,
    },
  ];
  if (d.totals.writeThrottledRecords > 0) {
    out.push({
      id: 'write-throttled',
      message: `${plural(d.totals.writeThrottledRecords, 'write')} ${d.totals.writeThrottledRecords === 1 ? 'was' : 'were'} refused (WriteProvisionedThroughputExceeded) in ${plural(d.throttledPeriods, periodNoun(d.periodSeconds))}: they are added back to the demand.`,
    });
  }
  if (d.totals.readThrottledCalls > 0) {
    out.push({
      id: 'read-throttled',
      message: `${plural(d.totals.readThrottledCalls, 'GetRecords call')} ${d.totals.readThrottledCalls === 1 ? 'was' : 'were'} throttled (ReadProvisionedThroughputExceeded): readers share ${formatMibPerSec(SHARD.sharedReadBytesPerSec.value)} and ${SHARD.getRecordsCallsPerSec.value} calls/s per shard.`,
    });
  }
  if (view.cost.today.mode === 'on-demand') {
    out.push({ id: 'on-demand', message: 'In on-demand mode AWS sets the shard count, so there is no resharding plan below: the shards are for provisioned mode.' });
  }
  const shared = view.sharedConsumers;
  if (shared.observed !== undefined && shared.readRatio !== undefined) {
    out.push({
      id: 'shared-consumers',
      message: `GetRecords read ${formatFixed(shared.readRatio, 2)} times the bytes written: sized for ${plural(shared.count, 'shared consumer')} (--consumers N says otherwise).`,
    });
  }
  if (view.efoConsumers === undefined) {
    out.push({ id: 'consumers-unknown', message: 'The endpoint does not list enhanced fan-out consumers (ListStreamConsumers): --efo-consumers is used as given.' });
  }
  if (view.ranking === undefined) {
    out.push({
      id: 'enhanced-metrics-off',
      message: 'Shard-level metrics are off, so hot shards cannot be seen from CloudWatch. Turn them on (billed as custom metrics), or sample the keys with kds keys analyze kinesis://NAME:',
    });
  } else if (view.ranking.periodSeconds > d.periodSeconds) {
    out.push({
      id: 'shard-period',
      message: `Per-shard figures use ${periodWords(view.ranking.periodSeconds)} sums to keep the number of GetMetricData calls down on ${plural(view.openShards, 'shard')}.`,
    });
  }
  return out;
}

function rateRow(label: string, f: RateFigures, unit: (x: number) => string): string[] {
  return [label, unit(f.peak), unit(f.p99), unit(f.average), isoMinute(f.peakAt)];
}

export function renderObserved(view: ObservedView, color: ChalkInstance, width: number): string {
  const d = view.demand;
  const consumers = view.efoConsumers === undefined ? '' : `, ${plural(view.efoConsumers, 'enhanced fan-out consumer')}`;
  const lines: string[] = [
    color.bold(wrap(`Observed: ${safeText(view.stream)} (${safeText(view.region)}${view.endpoint ? ` at ${echoValue(view.endpoint)}` : ''})`, width)),
    wrap(`${view.mode ? `${safeText(view.mode)} mode` : 'capacity mode not given (taken as provisioned)'}, ${plural(view.openShards, 'open shard')}, ${view.retentionHours}-hour retention${view.maxRecordSizeKiB === undefined ? '' : `, records up to ${formatBytes(view.maxRecordSizeKiB * 1024)}`}${consumers}`, width),
    wrap(`CloudWatch: ${plural(view.days, 'day')} to ${isoMinute(view.endMs)} in ${periodWords(d.periodSeconds)} sums, ${plural(view.getMetricDataCalls, 'GetMetricData call')}`, width),
    '',
    renderTable(
      {
        head: ['Writes and reads', 'Peak', 'p99', 'Average', 'Peak at'],
        rows: [
          rateRow('Writes, bytes/s', d.writeBytes, formatMibPerSec),
          rateRow('Writes, records/s', d.writeRecords, (x) => formatInt(x)),
          rateRow('Reads, bytes/s', d.readBytes, formatMibPerSec),
        ],
        align: ['left', 'right', 'right', 'right', 'left'],
      },
      color,
    ),
    '',
    wrap(
      `Sized on the ${sizedOn(view.percentile)}: ${formatMibPerSec(d.writeBytes.sized)} and ${formatInt(d.writeRecords.sized)} records/s of writes, from ${plural(view.openShards, 'shard')} today.`,
      width,
    ),
    wrap(costTodayText(view), width),
  ];
  for (const note of observedNotes(view)) {
    lines.push(bullet(note.message, width, note.id === 'write-throttled' || note.id === 'enhanced-metrics-off' ? color.yellow('!') : '-'));
    if (note.id === 'enhanced-metrics-off') lines.push(shellLines(enableCommand(view.streamName), width, '    '));
  }
  if (view.ranking !== undefined) lines.push('', ...shardLines(view.ranking, color, width));
  return `${lines.join('\n')}\n`;
}

/**
 * The busiest shards as a table that fits the width: whole shard ids, else their short tails, else
 * without the hash-space column when every shard has the same share of it, else without bytes.
 */
function shardLines(r: ShardRanking, color: ChalkInstance, width: number): string[] {
  const hot = r.shards.filter((s) => s.hot);
  const shown = r.shards.slice(0, SHARDS_SHOWN);
  const short = shortShardIds(r.shards.map((s) => s.shardId));
  const equalRanges = shown.every((s) => s.hashShare === shown[0]!.hashShare);
  const layouts = [
    { short: false, hash: true, bytes: true },
    { short: true, hash: true, bytes: true },
    { short: true, hash: !equalRanges, bytes: true },
    { short: true, hash: !equalRanges, bytes: false },
  ];
  const build = (l: (typeof layouts)[number]) => ({
    head: ['Shard', 'Records', ...(l.bytes ? ['Bytes'] : []), 'Share', ...(l.hash ? ['Hash %'] : []), 'x fair', 'Peak rec/s', ''],
    rows: shown.map((s, i) => [
      l.short ? short[i]! : safeText(s.shardId),
      formatInt(s.records),
      ...(l.bytes ? [formatBytes(s.bytes)] : []),
      formatPercent(s.share),
      ...(l.hash ? [formatPercent(s.hashShare)] : []),
      s.hotness.toFixed(2),
      formatInt(s.peakRecordsPerSec),
      s.hot ? 'hot' : '',
    ]),
  });
  let chosen = build(layouts[0]!);
  for (const layout of layouts) {
    chosen = build(layout);
    if (tableWidth([chosen.head, ...chosen.rows]) <= width) break;
  }
  const align: Align[] = ['left', ...chosen.head.slice(1, -1).map((): Align => 'right'), 'left'];
  const table = renderTable({ head: chosen.head, rows: chosen.rows, align }, color);
  const title = `Busiest shards by ${r.measure} (shard-level metrics, ${periodWords(r.periodSeconds)} sums)${r.shards.length > SHARDS_SHOWN ? `, ${SHARDS_SHOWN} of ${r.shards.length}` : ''}`;
  const verdict =
    hot.length === 0
      ? r.small
        ? `No shard is hot as far as ${plural(Math.round(r.shards.reduce((a, s) => a + s.records, 0)), 'record')} can tell: with fewer than ${MIN_RECORDS_PER_SHARD} records per shard, shares are too uncertain to call a shard hot.`
        : 'No shard is hot.'
      : `${plural(hot.length, 'hot shard')}: ${hot
          .slice(0, 5)
          .map((s) => safeText(s.shardId))
          .join(', ')}${hot.length > 5 ? ', ...' : ''}. kds keys analyze kinesis://NAME shows which keys make them hot.`;
  return [color.bold(wrap(title, width)), table, wrap(verdict, width)];
}

function figuresJson(f: RateFigures): object {
  return {
    peak: round(f.peak),
    p99: round(f.p99),
    average: round(f.average),
    sized: round(f.sized),
    peakAt: Number.isFinite(f.peakAt) ? new Date(f.peakAt).toISOString() : null,
  };
}

function pricedJson(m: PricedMode): object {
  return { mode: m.mode, shards: m.shards ?? null, monthlyUsd: Math.round(m.monthlyUsd * 100) / 100 };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function observedJson(view: ObservedView): object {
  const d = view.demand;
  return {
    stream: view.stream,
    region: view.region,
    endpoint: view.endpoint ?? null,
    mode: view.mode ?? null,
    openShards: view.openShards,
    retentionHours: view.retentionHours,
    maxRecordSizeKiB: view.maxRecordSizeKiB ?? null,
    sharedConsumers: {
      count: view.sharedConsumers.count,
      fromReads: view.sharedConsumers.observed !== undefined,
      readRatio: view.sharedConsumers.readRatio === undefined ? null : round(view.sharedConsumers.readRatio),
    },
    efoConsumers: view.efoConsumers ?? null,
    lookBack: { days: view.days, start: new Date(view.startMs).toISOString(), end: new Date(view.endMs).toISOString(), periodSeconds: d.periodSeconds, periods: d.periods },
    sizedOn: sizedOn(view.percentile),
    writeBytesPerSec: figuresJson(d.writeBytes),
    writeRecordsPerSec: figuresJson(d.writeRecords),
    readBytesPerSec: figuresJson(d.readBytes),
    totals: d.totals,
    throttledPeriods: d.throttledPeriods,
    enhancedMetrics: view.ranking !== undefined,
    enableEnhancedMonitoring: view.ranking === undefined ? enableCommand(view.streamName) : null,
    shards:
      view.ranking === undefined
        ? null
        : {
            periodSeconds: view.ranking.periodSeconds,
            measure: view.ranking.measure,
            withoutData: view.ranking.withoutData,
            small: view.ranking.small,
            hotShards: view.ranking.shards.filter((s) => s.hot).map((s) => s.shardId),
            ranked: view.ranking.shards.map((s) => ({
              shardId: s.shardId,
              records: s.records,
              bytes: s.bytes,
              share: round(s.share),
              hashSpaceShare: round(s.hashShare),
              hotness: round(s.hotness),
              peakRecordsPerSec: round(s.peakRecordsPerSec),
              peakBytesPerSec: round(s.peakBytesPerSec),
              hot: s.hot,
              hotReasons: s.reasons,
            })),
          },
    costToday: {
      prices: view.prices,
      today: pricedJson(view.cost.today),
      resharded: view.cost.resharded ? pricedJson(view.cost.resharded) : null,
      otherMode: pricedJson(view.cost.otherMode),
      cheapest: pricedJson(view.cost.cheapest),
    },
    calls: { getMetricData: view.getMetricDataCalls },
    notes: observedNotes(view),
  };
}
