/**
 * "If the stream had N equal shards": the busiest shard's share for other shard counts, from the
 * keys' hash keys. Memory grows with the keys, never with N (see ./uniform.ts).
 */
import type { Accumulator } from './accumulate.js';
import { uniformShardIndex } from './uniform.js';

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
  const rows: WhatIfRow[] = [];
  for (const n of counts) {
    const loads = new Map<number, number>();
    let tracked = 0;
    for (let e = 0; e < routes.size; e++) {
      const w = measure === 'records' ? routes.observedOf(e) : routes.bytesOf(e);
      if (w <= 0) continue;
      const i = uniformShardIndex(routes.hash, e * 4, n);
      loads.set(i, (loads.get(i) ?? 0) + w);
      tracked += w;
    }
    const rest = Math.max(0, total - tracked) / n;
    let max = loads.size < n ? rest : 0;
    for (const load of loads.values()) max = Math.max(max, load + rest);
    rows.push({
      shards: n,
      hottestShare: total > 0 ? max / total : 0,
      maxOverMean: total > 0 ? max / (total / n) : 0,
      current: n === acc.map.shards.length,
    });
  }
  return rows;
}
