/**
 * Remedies for a hot shard, each offered only when it makes the busiest shard less busy; when one
 * cannot help, the reason instead.
 *
 * - Split the hottest shard at a traffic-balanced point (./split.ts). Not a remedy when all of the
 *   shard's known load sits on one hash key (one key: the children would get 0% and 100%).
 * - Salt the heaviest key: spread it over K suffixed keys (key#0 ... key#K-1). Not a remedy when the
 *   busiest shard's share would not go down; then the smallest K that helps, if any does.
 */
import type { Accumulator } from './accumulate.js';
import { compareWords, partitionKeyHash } from './hash-key.js';
import { routeHashKey, type ShardMap } from './shard-map.js';
import { planSplitSorted, type SplitPlan } from './split.js';
import type { Measure } from './what-if.js';

export interface SplitAdvice extends SplitPlan {
  readonly shard: number;
  readonly total: number;
}

/** Why no split is offered for the hottest shard. */
export type SplitRefusal =
  | { readonly kind: 'one-key'; readonly shard: number }
  | { readonly kind: 'too-narrow'; readonly shard: number };

export interface SaltAdvice {
  readonly key: string;
  readonly suffixes: number;
  /** kds chose the number of suffixes (no --salt). */
  readonly suggested: boolean;
  /** Share of the measure on the busiest shard, before and after. */
  readonly hottestShareBefore: number;
  readonly hottestShareAfter: number;
  /** Distinct shards the salted keys land on. */
  readonly shardsUsed: number;
  readonly saltedKeys: readonly string[];
}

/** Salting that was considered and does not help. */
export interface SaltRefusal {
  readonly key: string;
  readonly suffixes: number;
  readonly hottestShareBefore: number;
  readonly hottestShareAfter: number;
  /** The smallest number of suffixes that would help, when one up to SALT_SEARCH_MAX does. */
  readonly better: number | undefined;
  /** A shard other than the key's that is already as busy, when that is why nothing helps. */
  readonly blockingShard: number | undefined;
}

/** Numbers of suffixes tried when the first choice does not help. */
export const SALT_SEARCH_MAX = 256;
/** The most suffixes kds suggests on its own. */
export const SALT_SUGGEST_MAX = 100;

/** A share counts as lower only when it drops by more than rounding noise. */
const EPSILON = 1e-9;

/** The balanced split of a shard, or why there is none that helps. */
export function splitRemedy(
  acc: Accumulator,
  shardIndex: number,
  measure: Measure,
  load: number,
): { readonly split?: SplitAdvice; readonly refusal?: SplitRefusal } {
  const routes = acc.routes;
  const shard = acc.map.shards[shardIndex]!;
  // The shard's keys with load, sorted by hash key; keys that share one are merged.
  let n = 0;
  let tracked = 0;
  const order = new Int32Array(routes.size);
  for (let e = 0; e < routes.size; e++) {
    if (routes.shardOf(e) !== shardIndex) continue;
    const w = measure === 'records' ? routes.observedOf(e) : routes.bytesOf(e);
    if (w <= 0) continue;
    order[n++] = e;
    tracked += w;
  }
  const all = routes.words;
  const keys = order.subarray(0, n).sort((a, b) => compareWords(all, routes.hashAt(a), all, routes.hashAt(b)) || a - b);
  const words = new Uint32Array(n * 4);
  const weights = new Float64Array(n);
  let points = 0;
  for (let i = 0; i < n; i++) {
    const e = keys[i]!;
    const w = measure === 'records' ? routes.observedOf(e) : routes.bytesOf(e);
    if (points > 0 && compareWords(words, (points - 1) * 4, all, routes.hashAt(e)) === 0) {
      weights[points - 1] = weights[points - 1]! + w;
      continue;
    }
    words.set(all.subarray(routes.hashAt(e), routes.hashAt(e) + 4), points * 4);
    weights[points++] = w;
  }
  const plan = planSplitSorted(shard.start, shard.end, words, weights, points, Math.max(0, load - tracked));
  if (plan === undefined) return { refusal: { kind: 'too-narrow', shard: shardIndex } };
  const smaller = Math.min(plan.balanced.lower, plan.balanced.upper);
  if (!(smaller > EPSILON * Math.max(load, 1))) return { refusal: { kind: 'one-key', shard: shardIndex } };
  return { split: { ...plan, shard: shardIndex, total: load } };
}

function maxOf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}

/** What salting a key with k suffixes does to the busiest shard. */
export function saltWith(map: ShardMap, loads: Float64Array, key: string, shard: number, keyLoad: number, k: number, suggested: boolean): SaltAdvice {
  let total = 0;
  for (let i = 0; i < loads.length; i++) total += loads[i]!;
  const after = Float64Array.from(loads);
  after[shard] = after[shard]! - keyLoad;
  const saltedKeys: string[] = [];
  const used = new Set<number>();
  for (let i = 0; i < k; i++) {
    const salted = `${key}#${i}`;
    saltedKeys.push(salted);
    const s = routeHashKey(map, partitionKeyHash(salted));
    used.add(s);
    after[s] = after[s]! + keyLoad / k;
  }
  return {
    key,
    suffixes: k,
    suggested,
    hottestShareBefore: total > 0 ? maxOf(loads) / total : 0,
    hottestShareAfter: total > 0 ? maxOf(after) / total : 0,
    shardsUsed: used.size,
    saltedKeys,
  };
}

const helps = (s: SaltAdvice) => s.hottestShareAfter < s.hottestShareBefore - EPSILON;

/**
 * Salting `key` (all of whose load `keyLoad` is on `shard`): with the user's k, or with a suggested
 * number (enough suffixes that each carries at most half a fair share), raised until it helps.
 */
export function saltRemedy(
  map: ShardMap,
  loads: Float64Array,
  key: string,
  shard: number,
  keyLoad: number,
  requested: number | undefined,
): { readonly salt?: SaltAdvice; readonly refusal?: SaltRefusal } {
  const n = map.shards.length;
  let total = 0;
  for (let i = 0; i < loads.length; i++) total += loads[i]!;
  const first = requested ?? Math.min(SALT_SUGGEST_MAX, Math.max(2, Math.ceil(2 * (keyLoad / Math.max(total, 1)) * n)));
  const tried = saltWith(map, loads, key, shard, keyLoad, first, requested === undefined);
  if (helps(tried)) return { salt: tried };

  // Another shard as busy as the hottest, without this key: no salting of this key lowers the peak.
  let blockingShard: number | undefined;
  const peak = maxOf(loads);
  for (let i = 0; i < loads.length; i++) {
    if (i !== shard && loads[i]! >= peak - EPSILON * Math.max(peak, 1)) {
      blockingShard = i;
      break;
    }
  }
  let better: number | undefined;
  if (blockingShard === undefined) {
    for (let k = first + 1; k <= SALT_SEARCH_MAX; k++) {
      const s = saltWith(map, loads, key, shard, keyLoad, k, requested === undefined);
      if (helps(s)) {
        if (requested === undefined) return { salt: s };
        better = k;
        break;
      }
    }
  }
  return {
    refusal: {
      key,
      suffixes: first,
      hottestShareBefore: tried.hottestShareBefore,
      hottestShareAfter: tried.hottestShareAfter,
      better,
      blockingShard,
    },
  };
}
