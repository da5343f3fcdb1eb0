/**
 * "If the stream had N equal shards": the busiest shard's share for other shard counts, from the
 * keys' hash keys. Memory grows with the keys, never with N (see ./uniform.ts).
 */
import type { Accumulator } from './accumulate.js';
import { uniformShardIndex } from './uniform.js';

/** Shard counts up to this get a plain array of loads. */
const DENSE_MAX = 1 << 16;

export type Measure = 'records' | 'bytes';

export interface WhatIfRow {
  readonly shards: number;
  readonly hottestShare: number;
  readonly maxOverMean: number;
  readonly current: boolean;
}

/** Some shard counts around n: half, n, n + 1, and 2, 4 and 8 times. */
export function defaultWhatIfCounts(n: number): number[] {
  const counts = new Set<number>([Math.max(1, Math.ceil(n / 2)), n, n + 1, 2 * n, 4 * n, 8 * n]);
  return [...counts].sort((a, b) => a - b);
}

/**
 * Load whose hash key is unknown (keys a sketch no longer tracks, records read from a shard their
 * key does not route to) is spread evenly over the shards.
 */
export function whatIf(acc: Accumulator, measure: Measure, counts: readonly number[], total: number): WhatIfRow[] {
  const routes = acc.routes;
  return counts.map((n) => {
    // A load per shard in an array while that is small; in a map (only the shards with keys) beyond.
    const dense = n <= DENSE_MAX ? new Float64Array(n) : undefined;
    const sparse = dense === undefined ? new Map<number, number>() : undefined;
    let tracked = 0;
    for (let e = 0; e < routes.size; e++) {
      const w = measure === 'records' ? routes.observedOf(e) : routes.bytesOf(e);
      if (w <= 0) continue;
      const i = uniformShardIndex(routes.words, routes.hashAt(e), n);
      if (dense !== undefined) dense[i] = dense[i]! + w;
      else sparse!.set(i, (sparse!.get(i) ?? 0) + w);
      tracked += w;
    }
    const rest = Math.max(0, total - tracked) / n;
    let max = 0;
    if (dense !== undefined) {
      for (let i = 0; i < n; i++) max = Math.max(max, dense[i]! + rest);
    } else {
      max = sparse!.size < n ? rest : 0;
      for (const load of sparse!.values()) max = Math.max(max, load + rest);
    }
    return {
      shards: n,
      hottestShare: total > 0 ? max / total : 0,
      maxOverMean: total > 0 ? max / (total / n) : 0,
      current: n === acc.map.shards.length,
    };
  });
}
