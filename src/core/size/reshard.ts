/** A plan of UpdateShardCount calls that respects the API's default limits. */
import { RESHARD, STREAM } from '../facts.js';

export interface ReshardStep {
  readonly from: number;
  readonly to: number;
  /** 1-based day of the plan: at most RESHARD.callsPer24h calls per rolling 24 hours. */
  readonly day: number;
  /** AWS recommends targets that are a multiple of 25% of the current count; others may be slower. */
  readonly quarterMultiple: boolean;
}

export interface ReshardPlan {
  readonly current: number;
  readonly target: number;
  readonly direction: 'up' | 'down' | 'none';
  readonly steps: readonly ReshardStep[];
  /** Days the plan spans because of the daily call limit. */
  readonly days: number;
}

/**
 * Each call may at most double the count and at least halve it, so the plan doubles (or halves)
 * until one more call reaches the target.
 */
export function planReshard(current: number, target: number): ReshardPlan {
  if (!Number.isInteger(current) || current < 1 || !Number.isInteger(target) || target < 1) {
    throw new RangeError(`shard counts must be positive integers, got ${current} -> ${target}`);
  }
  const perDay = RESHARD.callsPer24h.value;
  const steps: ReshardStep[] = [];
  let from = current;
  while (from !== target) {
    const to =
      target > from
        ? Math.min(target, Math.floor(from * RESHARD.maxScaleUpFactor.value))
        : Math.max(target, Math.ceil(from * RESHARD.maxScaleDownFactor.value));
    steps.push({ from, to, day: Math.floor(steps.length / perDay) + 1, quarterMultiple: isQuarterMultiple(from, to) });
    from = to;
  }
  return {
    current,
    target,
    direction: target > current ? 'up' : target < current ? 'down' : 'none',
    steps,
    days: steps.length === 0 ? 0 : Math.ceil(steps.length / perDay),
  };
}

/** Whether the target is a whole multiple of 25% of the current count, as AWS recommends. */
export function isQuarterMultiple(from: number, to: number): boolean {
  const steps = to / (from * RESHARD.recommendedTargetStep.value);
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** Whether one UpdateShardCount call may go straight from current to target. */
export function isOneCall(current: number, target: number): boolean {
  return target <= current * RESHARD.maxScaleUpFactor.value && target >= current * RESHARD.maxScaleDownFactor.value;
}

export function exceedsStreamShardLimit(shards: number): boolean {
  return shards > STREAM.maxShardsPerStream.value;
}
