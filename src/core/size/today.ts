/**
 * What a real stream costs today in its own capacity mode, and what the same average would cost in
 * the other mode (kds size kinesis://NAME): provisioned with today's shards against on-demand
 * Standard, or on-demand Standard against provisioned at the recommended count.
 */
import type { ModeCost } from './cost.js';
import type { SizeResult } from './size.js';

export type CapacityMode = 'provisioned' | 'on-demand';

export interface PricedMode {
  readonly mode: CapacityMode;
  /** Provisioned shards priced; undefined for on-demand. */
  readonly shards: number | undefined;
  readonly monthlyUsd: number;
}

export interface CostToday {
  /** The stream as it is: its mode and, provisioned, its open shards. */
  readonly today: PricedMode;
  /** Provisioned today: the recommended count, when resharding changes it. */
  readonly resharded: PricedMode | undefined;
  /** The other mode for the same average: on-demand Standard, or provisioned at the recommended count. */
  readonly otherMode: PricedMode;
  /** The cheapest of today, resharded and the other mode (today when it ties). */
  readonly cheapest: PricedMode;
}

function total(modes: readonly ModeCost[], mode: ModeCost['mode']): number {
  return modes.find((m) => m.mode === mode)?.totalUsd ?? 0;
}

/** Needs a result sized with currentShards (the stream's open shards). */
export function costToday(result: SizeResult, mode: CapacityMode): CostToday {
  const current = result.currentCost ?? result.cost;
  const shards = result.input.currentShards ?? result.recommendedShards;
  const onDemand: PricedMode = { mode: 'on-demand', shards: undefined, monthlyUsd: total(result.cost.modes, 'on-demand-standard') };
  const recommended: PricedMode = { mode: 'provisioned', shards: result.recommendedShards, monthlyUsd: total(result.cost.modes, 'provisioned') };
  const cheapestOf = (options: readonly (PricedMode | undefined)[]): PricedMode =>
    options.reduce<PricedMode | undefined>((best, m) => (m !== undefined && (best === undefined || m.monthlyUsd < best.monthlyUsd) ? m : best), undefined)!;
  if (mode === 'on-demand') {
    return { today: onDemand, resharded: undefined, otherMode: recommended, cheapest: cheapestOf([onDemand, recommended]) };
  }
  const today: PricedMode = { mode: 'provisioned', shards, monthlyUsd: total(current.modes, 'provisioned') };
  const resharded = shards === result.recommendedShards ? undefined : recommended;
  return { today, resharded, otherMode: onDemand, cheapest: cheapestOf([today, resharded, onDemand]) };
}
