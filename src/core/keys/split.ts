/**
 * Where to split a hot shard so that its two children share the observed traffic evenly.
 *
 * SplitShard(h) makes children [S, h-1] and [h, E]; Kinesis accepts S + 2 <= h <= E - 1. The load
 * below h is the weight of the observed hash keys below h, plus any load whose position is unknown
 * (keys a sketch no longer tracks) spread evenly over the range. We pick the h that brings the
 * lower child closest to half. With positions known exactly, any h in the gap between two
 * neighbouring keys gives the same loads; we take the gap's middle, which leaves the most room
 * either side for keys the sample did not see.
 */
import { KEYS } from '../facts.js';

export interface WeightedHash {
  readonly hash: bigint;
  readonly weight: number;
}

export interface SplitLoads {
  readonly newStartingHashKey: bigint;
  /** Predicted load of [S, h-1] and of [h, E]. */
  readonly lower: number;
  readonly upper: number;
}

export interface SplitPlan {
  readonly balanced: SplitLoads;
  /** floor((S + E) / 2), the split AWS's examples use, for comparison. */
  readonly midpoint: SplitLoads | undefined;
}

function fractionBelow(h: bigint, start: bigint, width: bigint): number {
  return Number(h - start) / Number(width);
}

function loadsAt(h: bigint, points: readonly WeightedHash[], start: bigint, width: bigint, spread: number, total: number): SplitLoads {
  let below = 0;
  for (const p of points) if (p.hash < h) below += p.weight;
  const lower = below + spread * fractionBelow(h, start, width);
  return { newStartingHashKey: h, lower, upper: total - lower };
}

/**
 * The balanced split of shard [start, end] given observed points in it and `spread`, load whose
 * position is unknown. Undefined when the shard is too narrow to split.
 */
export function planSplit(start: bigint, end: bigint, observed: readonly WeightedHash[], spread: number): SplitPlan | undefined {
  const lowest = start + BigInt(KEYS.splitMinAboveStart.value);
  const highest = end - BigInt(KEYS.splitMinBelowEnd.value);
  if (lowest > highest) return undefined;
  const width = end - start + 1n;
  // Merge points that share a hash key and sort by it.
  const byHash = new Map<bigint, number>();
  for (const p of observed) byHash.set(p.hash, (byHash.get(p.hash) ?? 0) + p.weight);
  const points = [...byHash].map(([hash, weight]) => ({ hash, weight })).sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const total = points.reduce((sum, p) => sum + p.weight, 0) + spread;
  const half = total / 2;

  let best: SplitLoads | undefined;
  let bestGap = Infinity;
  let prefix = 0;
  for (let j = 0; j <= points.length; j++) {
    // Gap j holds the h with points[j-1].hash < h <= points[j].hash: the lower child gets points 0..j-1.
    let lo = j === 0 ? start : points[j - 1]!.hash + 1n;
    let hi = j === points.length ? end : points[j]!.hash;
    if (lo < lowest) lo = lowest;
    if (hi > highest) hi = highest;
    if (lo <= hi) {
      let h: bigint;
      if (spread > 0) {
        const target = (half - prefix) / spread;
        const ideal = start + BigInt(Math.round(Math.min(Math.max(target, 0), 1) * Number(width)));
        h = ideal < lo ? lo : ideal > hi ? hi : ideal;
      } else {
        h = lo + (hi - lo) / 2n;
      }
      const lower = prefix + spread * fractionBelow(h, start, width);
      const gap = Math.abs(lower - half);
      if (gap < bestGap) {
        bestGap = gap;
        best = { newStartingHashKey: h, lower, upper: total - lower };
      }
    }
    if (j < points.length) prefix += points[j]!.weight;
  }
  if (best === undefined) return undefined;
  const mid = (start + end) / 2n;
  const midpoint = mid >= lowest && mid <= highest ? loadsAt(mid, points, start, width, spread, total) : undefined;
  return { balanced: best, midpoint };
}
