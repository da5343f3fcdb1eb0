/** The sentences for real traffic: surges, consumer speed, the lag budget and the backlog. */
import { SHARD } from '../core/facts.js';
import type { Backlog } from '../core/size/backlog.js';
import { consumerSpeedPerShard, effectiveSurge, rateBytesPerSec, writeBytesPerSec } from '../core/size/input.js';
import type { SizeResult } from '../core/size/size.js';
import { lagDemand } from '../core/size/traffic.js';
import { formatSeconds } from './duration.js';
import { formatBytes, formatInt, formatMibPerSec, formatNumber, plural } from './format.js';

function records(n: number | undefined): string {
  return `${formatNumber(n ?? 0)} records/s`;
}

function shardsOf(result: SizeResult, id: string): number {
  return result.constraints.find((c) => c.id === id)?.shards ?? 0;
}

/** "500 records/s" or "1,500 records/s (500 x ParallelizationFactor 3)". */
export function speedText(result: SizeResult): string {
  const base = result.input.consumerRecordsPerSec ?? 0;
  const factor = result.input.lambdaParallelization ?? 1;
  const speed = consumerSpeedPerShard(result.input) ?? base;
  return factor > 1 ? `${records(speed)} (${formatNumber(base)} x ParallelizationFactor ${factor})` : records(speed);
}

/** Why a surge, consumer-speed or lag-budget limit decides the count. */
export function explainTrafficBinding(result: SizeResult, n: string, tie: string): string {
  const input = result.input;
  const surge = effectiveSurge(input);
  const seconds = formatSeconds(surge?.seconds ?? 0);
  const perShard = formatMibPerSec(SHARD.writeBytesPerSec.value);
  switch (result.binding) {
    case 'surge-bytes':
      return (
        `The surge decides the count: ${formatMibPerSec(rateBytesPerSec(surge ?? input, input.keyBytes))} of writes for ${seconds}, ` +
        `at ${perShard} per shard, need ${n}${tie}. A shard throttles writes above its limit even for a second, so the ` +
        `stream must take the surge itself; the peak of ${formatMibPerSec(result.writeBytesPerSec)} alone would need ` +
        `${plural(Math.max(1, shardsOf(result, 'write-bytes')), 'shard')}.`
      );
    case 'surge-records': {
      const kplHint = input.kpl ? '' : ' KPL aggregation (--kpl) packs small records together to lift this limit.';
      const demand = result.constraints.find((c) => c.id === 'surge-records')?.demand ?? 0;
      return (
        `The surge decides the count: ${records(demand)} for ${seconds}, at ` +
        `${formatInt(SHARD.writeRecordsPerSec.value)} records/s per shard, need ${n}${tie}. A shard throttles writes above ` +
        `its limit even for a second, so the stream must take the surge itself.${kplHint}`
      );
    }
    case 'consumer-speed':
      return (
        `Consumer speed decides the count: one consumer processes ${speedText(result)} from a shard, so keeping up ` +
        `with the peak of ${records(input.recordsPerSec)} needs ${n}${tie}. Each shard is processed by its own copy of the ` +
        `consumer (a KCL worker's record processor, a Lambda invocation), so more shards process more in parallel.`
      );
    case 'lag-records': {
      const lag = input.maxLagSeconds ?? 0;
      const c = result.constraints.find((x) => x.id === 'lag-records');
      const s = surge?.seconds ?? 0;
      return (
        `The lag budget decides the count: what arrives during the ${formatSeconds(s)} surge and the ` +
        `${formatSeconds(lag)} after it must be processed by the end of the budget, at ${speedText(result)} per shard: ` +
        `(${formatNumber(surge?.recordsPerSec ?? 0)} x ${formatNumber(s)} + ${formatNumber(input.recordsPerSec ?? 0)} x ${formatNumber(lag)}) / ` +
        `(${formatNumber(c?.perShard ?? 0)} x ${formatNumber(s + lag)}) = ${formatNumber((c?.demand ?? 0) / (c?.perShard ?? 1))}, so ${n}${tie}.`
      );
    }
    case 'lag-bytes': {
      const lag = input.maxLagSeconds ?? 0;
      const s = surge?.seconds ?? 0;
      const share =
        input.sharedConsumers > 1
          ? `${plural(input.sharedConsumers, 'shared consumer')} split ${formatMibPerSec(SHARD.sharedReadBytesPerSec.value)} per shard`
          : `a consumer reads at most ${formatMibPerSec(SHARD.sharedReadBytesPerSec.value)} per shard`;
      const surgeBytes = rateBytesPerSec(surge ?? input, input.keyBytes);
      return (
        `The lag budget decides the count on the read side: the surge of ${formatMibPerSec(surgeBytes)} for ${formatSeconds(s)} ` +
        `and then the peak of ${formatMibPerSec(writeBytesPerSec(input))} must all be read within ${formatSeconds(s + lag)}, ` +
        `${formatMibPerSec(lagDemand(surgeBytes, writeBytesPerSec(input), s, lag))} on average, and ${share}, so ${n}${tie}.`
      );
    }
    default:
      return `${n} are needed.`;
  }
}

/** "a Lambda consumer ... ParallelizationFactor" paragraph, when the factor is above 1. */
export function lambdaText(result: SizeResult): string | undefined {
  const factor = result.input.lambdaParallelization ?? 1;
  if (factor <= 1 || result.input.consumerRecordsPerSec === undefined) return undefined;
  return (
    `Lambda processes up to ${factor} batches from each shard at once (ParallelizationFactor ${factor}), so a consumer ` +
    `speed of ${records(result.input.consumerRecordsPerSec)} per shard counts as ` +
    `${records(consumerSpeedPerShard(result.input))}. Records with the same partition key stay in order; the shard as a whole does not.`
  );
}

function amount(b: Backlog, value: number): string {
  return b.unit === 'records' ? `${formatNumber(value)} records` : formatBytes(value);
}

function rate(b: Backlog, value: number): string {
  return b.unit === 'records' ? records(value) : formatMibPerSec(value);
}

/** What the surge leaves behind with the recommended count, and how long it takes to clear. */
export function backlogText(result: SizeResult): string | undefined {
  const backlog = result.backlog;
  if (backlog === undefined) return undefined;
  const b = backlog.worst;
  const input = result.input;
  const shards = plural(backlog.shards, 'shard');
  let who: string;
  if (b.limitedBy === 'consumer-speed') {
    who = `a consumer gets through ${rate(b, b.capacityPerSec)} (${formatInt(backlog.shards)} x ${records(consumerSpeedPerShard(input))})`;
  }
  else if (input.sharedConsumers > 1) {
    who = `each of ${input.sharedConsumers} shared consumers reads ${rate(b, b.capacityPerSec)}`;
  } else who = `a consumer reads up to ${rate(b, b.capacityPerSec)}`;
  const surge = `the surge of ${rate(b, b.surgePerSec)} for ${formatSeconds(b.surgeSeconds)}`;
  if (b.atSurgeEnd <= 0) return `With ${shards}, ${who}: it keeps up even during ${surge}, and no backlog builds.`;
  const left = `${surge} leaves ${amount(b, b.atSurgeEnd)} behind`;
  if (b.clearSeconds === null) {
    return (
      `With ${shards}, ${who}: ${left}, and it never clears, because the consumer is no faster than the peak of ` +
      `${rate(b, b.peakPerSec)}. Set a lag budget (--max-lag-seconds) to size for it.`
    );
  }
  const budget = input.maxLagSeconds === undefined ? '' : `, within the ${formatSeconds(input.maxLagSeconds)} lag budget`;
  return (
    `With ${shards}, ${who}: ${left}, cleared ${formatSeconds(b.clearSeconds)} after the surge ends at the peak of ` +
    `${rate(b, b.peakPerSec)}${budget}.`
  );
}
