/**
 * How sure a share measured on a sample can be: the Wilson score interval, which stays inside
 * [0, 1] and behaves at 0 and n successes, unlike the textbook p ± z·sqrt(p(1-p)/n).
 */

/** The confidence of the intervals kds gives: 95%. */
export const INTERVAL_LEVEL = 0.95;

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** The Wilson score interval for `successes` out of `trials` (95% by default). */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, successes / trials));
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 and n successes the interval touches 0 or 1 exactly; keep rounding from moving it.
  return { low: successes <= 0 ? 0 : Math.max(0, centre - half), high: successes >= trials ? 1 : Math.min(1, centre + half) };
}

