/** Skew statistics over per-shard loads. */

export interface Skew {
  /** Largest load over the mean load (1 when equal). */
  readonly maxOverMean: number;
  /** Population standard deviation over the mean (0 when equal). */
  readonly coefficientOfVariation: number;
  /** Gini coefficient: 0 when equal, (n-1)/n when one shard has everything. */
  readonly gini: number;
}

export function skewOf(loads: ArrayLike<number>): Skew {
  const n = loads.length;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    sum += loads[i]!;
    max = Math.max(max, loads[i]!);
  }
  if (n === 0 || sum === 0) return { maxOverMean: 0, coefficientOfVariation: 0, gini: 0 };
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (loads[i]! - mean) ** 2;
  const sorted = Array.from({ length: n }, (_, i) => loads[i]!).sort((a, b) => a - b);
  // Gini = sum_i (2i - n - 1) x_i / (n * sum), i = 1..n over ascending x.
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (2 * (i + 1) - n - 1) * x;
  });
  return {
    maxOverMean: max / mean,
    coefficientOfVariation: Math.sqrt(squares / n) / mean,
    gini: weighted / (n * sum),
  };
}
