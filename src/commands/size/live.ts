/**
 * kds size kinesis://NAME: the stream's demand from CloudWatch (src/core/cloudwatch/), turned into
 * the usual size input (--mbps and --records at the peak or --percentile, --current-shards,
 * --efo-consumers and --retention-hours from the stream), then the usual report under what was
 * observed.
 */
import { notice, print, printJson, type Context } from '../../context.js';
import { demandFrom, enhancedMetricsOn, rankShards, type ShardRanking } from '../../core/cloudwatch/demand.js';
import { choosePeriod, shardPeriod, shardQueries, streamQueries } from '../../core/cloudwatch/period.js';
import { retryThrottled } from '../../core/live/retry.js';
import { streamShards } from '../../core/live/shards.js';
import { sizeStream } from '../../core/size/size.js';
import { costToday } from '../../core/size/today.js';
import { PRICE_REGION } from '../../core/facts.js';
import { InputError, UsageError } from '../../errors.js';
import { openCloudWatch } from '../../io/aws/cloudwatch.js';
import { echoValue } from '../../render/escape.js';
import { observedJson, renderObserved, sizedOn, type ObservedView } from '../../render/size-live.js';
import { renderSize, sizeJson } from '../../render/size.js';
import { pricesText } from '../../render/size-cost.js';
import { DEFAULT_HOT_RATIO } from '../../core/keys/hot-rule.js';
import { fromHistory, HISTORY_ANSWERS } from '../../core/size/from-history.js';
import { DEFAULT_DAYS, type LiveSizeFlags } from '../live-options.js';
import { listLiveShards, liveError, openLive, refOf, type Opened } from '../../io/aws/open-stream.js';
import { checkFlagPairs } from './input.js';
import { toSizeInput, type SizeFlags } from './options.js';

/** Data points the per-shard queries may ask for before their period grows (about ten calls). */
export const SHARD_POINTS_BUDGET = 1_000_000;
const DAY_MS = 86_400_000;

/** --mbps for mbps: the flag a SizeFlags key is given with. */
function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export async function runLiveSize(text: string, flags: SizeFlags & LiveSizeFlags, ctx: Context): Promise<void> {
  const ref = refOf(text, 'kds size');
  for (const key of HISTORY_ANSWERS) {
    if (flags[key] !== undefined) throw new UsageError(`${flagOf(key)} comes from ${echoValue(ref.text)}'s CloudWatch history: drop it, or size a workload without kinesis://NAME.`);
  }
  const days = flags.days ?? DEFAULT_DAYS;
  const period = choosePeriod(days);
  if (period === undefined) throw new UsageError(`--days ${days} is longer than CloudWatch keeps data.`);
  const percentile = flags.percentile ?? 100;
  // Slips that need no stream fail before any AWS call.
  checkFlagPairs(flags);

  let opened: Opened | undefined;
  let closeCw: (() => void) | undefined;
  try {
    opened = await openLive(ref, flags, ctx.io);
    const { stream, summary } = opened;
    const shards = streamShards(await listLiveShards(opened), ref.text);
    const open = shards.map.shards.length;
    const consumers = await retryThrottled('ListStreamConsumers', () => stream.listConsumers(summary.arn), opened.clock, () => opened!.throttled++);
    const efo = consumers?.filter((c) => c.status !== 'DELETING').length;

    const periodMs = period.periodSeconds * 1000;
    const endMs = Math.floor(ctx.io.now() / periodMs) * periodMs;
    const startMs = endMs - days * DAY_MS;
    const cw = await openCloudWatch(opened.settings, stream.region, ref.name, opened.clock, () => opened!.throttled++);
    closeCw = () => cw.close();
    const demand = demandFrom(await cw.getMetricData(streamQueries(ref.name, period.periodSeconds), startMs, endMs), period.periodSeconds, startMs, endMs, percentile);
    if (demand.idle) {
      throw new InputError(
        `${echoValue(ref.text)} had no writes in the last ${days} days (CloudWatch IncomingRecords is empty): there is no demand to size. Check the stream name and Region, or size a workload with --mbps.`,
      );
    }
    let ranking: ShardRanking | undefined;
    if (enhancedMetricsOn(summary.shardLevelMetrics)) {
      const p = shardPeriod(open, days * 86_400, period.periodSeconds, SHARD_POINTS_BUDGET);
      const ids = shards.map.shards.map((s) => s.shardId);
      ranking = rankShards(await cw.getMetricData(shardQueries(ref.name, ids, p), startMs, endMs), shards.map, p, DEFAULT_HOT_RATIO);
    }
    if (demand.writeBytes.sized <= 0) {
      throw new InputError(`at the ${sizedOn(percentile)} the stream wrote nothing (most periods are idle): size on a higher --percentile, or the peak.`);
    }
    const streamName = flags.streamNameGiven === true ? flags.streamName : ref.name;
    const seen = { mode: summary.mode, openShards: open, retentionHours: summary.retentionHours, region: stream.region };
    const history = fromHistory(demand, seen, efo, { consumers: flags.consumers, consumersGiven: flags.consumersGiven === true, efoConsumers: flags.efoConsumers });
    if (history.workload.region === undefined) {
      notice(ctx, `kds has no prices for ${echoValue(stream.region)}: the costs below are ${PRICE_REGION} list prices.`);
    }
    const input = toSizeInput({ ...flags, ...history.workload, streamName });
    const result = sizeStream(input);
    const view = { result, streamName };
    const observed: ObservedView = {
      stream: ref.text,
      streamName,
      region: stream.region,
      endpoint: stream.endpoint,
      mode: summary.mode,
      openShards: open,
      retentionHours: summary.retentionHours,
      maxRecordSizeKiB: summary.maxRecordSizeKiB,
      sharedConsumers: { count: history.workload.consumers, observed: history.observedSharedReaders, readRatio: history.readRatio },
      efoConsumers: efo,
      days,
      startMs,
      endMs,
      percentile,
      demand,
      ranking,
      getMetricDataCalls: cw.calls,
      // A stream that does not say its mode (an emulator) is taken as provisioned, as every stream was before on-demand.
      cost: costToday(result, history.onDemand ? 'on-demand' : 'provisioned'),
      prices: pricesText(result),
    };
    if (flags.json) printJson(ctx, { ...sizeJson(view), observed: observedJson(observed) });
    else print(ctx, `${renderObserved(observed, ctx.color, ctx.width)}\n${renderSize(view, ctx.color, ctx.width)}`);
  } catch (error) {
    throw liveError(error);
  } finally {
    closeCw?.();
    opened?.stream.close();
  }
}
