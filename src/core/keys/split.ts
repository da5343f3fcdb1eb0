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
import { bigIntToWords, compareWords, wordsToBigInt } from './hash-key.js';

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

/**
 * The balanced split of shard [start, end] given observed points in it and `spread`, load whose
 * position is unknown. Undefined when the shard is too narrow to split.
 */
export function planSplit(start: bigint, end: bigint, observed: readonly WeightedHash[], spread: number): SplitPlan | undefined {
  // Merge points that share a hash key and sort by it.
  const byHash = new Map<bigint, number>();
  for (const p of observed) byHash.set(p.hash, (byHash.get(p.hash) ?? 0) + p.weight);
  const points = [...byHash].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const words = new Uint32Array(points.length * 4);
  const weights = new Float64Array(points.length);
  points.forEach(([hash, weight], j) => {
    bigIntToWords(hash, words, j * 4);
    weights[j] = weight;
  });
  return planSplitSorted(start, end, words, weights, points.length, spread);
}

/**
 * planSplit for `count` points already sorted by hash key, without repeats: point j's hash key is
 * words[4j .. 4j+3] and its weight weights[j]. With every position known (spread 0, the common
 * case) only the chosen split point is computed as a bigint.
 */
export function planSplitSorted(
  start: bigint,
  end: bigint,
  words: Uint32Array,
  weights: Float64Array,
  count: number,
  spread: number,
): SplitPlan | undefined {
  const lowest = start + BigInt(KEYS.splitMinAboveStart.value);
  const highest = end - BigInt(KEYS.splitMinBelowEnd.value);
  if (lowest > highest) return undefined;
  const width = end - start + 1n;
  const hashOf = (j: number) => wordsToBigInt(words, j * 4);
  let total = 0;
  for (let j = 0; j < count; j++) total += weights[j]!;
  total += spread;
  const half = total / 2;

  // Gap j holds the h with points[j-1] < h <= points[j]: the lower child gets points 0..j-1. Its
  // usable part is [max(points[j-1] + 1, lowest), min(points[j], highest)].
  const gapLow = (j: number) => {
    const lo = j === 0 ? start : hashOf(j - 1) + 1n;
    return lo < lowest ? lowest : lo;
  };
  const gapHigh = (j: number) => {
    const hi = j === count ? end : hashOf(j);
    return hi > highest ? highest : hi;
  };
  let best: SplitLoads | undefined;
  let bestGap = Infinity;
  let prefix = 0;
  if (spread > 0) {
    for (let j = 0; j <= count; j++) {
      const lo = gapLow(j);
      const hi = gapHigh(j);
      if (lo <= hi) {
        const target = (half - prefix) / spread;
        const ideal = start + BigInt(Math.round(Math.min(Math.max(target, 0), 1) * Number(width)));
        const h = ideal < lo ? lo : ideal > hi ? hi : ideal;
        const lower = prefix + spread * fractionBelow(h, start, width);
        const gap = Math.abs(lower - half);
        if (gap < bestGap) {
          bestGap = gap;
          best = { newStartingHashKey: h, lower, upper: total - lower };
        }
      }
      if (j < count) prefix += weights[j]!;
    }
  } else {
    // The lower child's load is the prefix whatever h in the gap: find the best gap first.
    const lowestWords = new Uint32Array(4);
    const highestWords = new Uint32Array(4);
    bigIntToWords(lowest, lowestWords);
    bigIntToWords(highest, highestWords);
    let bestJ = -1;
    let bestLower = 0;
    for (let j = 0; j <= count; j++) {
      // The gap is usable when points[j-1] < highest and points[j] >= lowest.
      const usable =
        (j === 0 || compareWords(words, (j - 1) * 4, highestWords, 0) < 0) && (j === count || compareWords(words, j * 4, lowestWords, 0) >= 0);
      if (usable) {
        const gap = Math.abs(prefix - half);
        if (gap < bestGap) {
          bestGap = gap;
          bestJ = j;
          bestLower = prefix;
        }
      }
      if (j < count) prefix += weights[j]!;
    }
    if (bestJ >= 0) {
      const lo = gapLow(bestJ);
      const hi = gapHigh(bestJ);
      best = { newStartingHashKey: lo + (hi - lo) / 2n, lower: bestLower, upper: total - bestLower };
    }
  }
  if (best === undefined) return undefined;
  const mid = (start + end) / 2n;
  let midpoint: SplitLoads | undefined;
  if (mid >= lowest && mid <= highest) {
    let below = 0;
    for (let j = 0; j < count && hashOf(j) < mid; j++) below += weights[j]!;
    const lower = below + spread * fractionBelow(mid, start, width);
    midpoint = { newStartingHashKey: mid, lower, upper: total - lower };
  }
  return { balanced: best, midpoint };
}
