/**
 * Where one capacity mode starts to cost less than another. With the record size and the read
 * pattern fixed, every mode's monthly cost is a straight line in the average write rate, so two
 * points of each line give the crossing exactly.
 */
import type { CostEstimate, ModeCost } from './cost.js';

/** The cost estimate for an average of this many write bytes per second (data plus keys). */
export type CostAt = (averageWriteBytesPerSec: number) => CostEstimate;

export interface BreakEven {
  /**
   * On-demand Standard costs less than provisioned (at the recommended shard count) while the
   * average stays below this many bytes/s. 0 when it never does; Infinity when it always does.
   */
  readonly onDemandCheaperBelowBytesPerSec: number;
  /**
   * On-demand Advantage costs less than Standard once the Region's on-demand streams together
   * average this many bytes/s of writes read like this stream: below it the Advantage minimum
   * costs more than Standard would.
   */
  readonly advantagePaysAboveBytesPerSec: number;
}

interface Line {
  readonly fixed: number;
  readonly perByte: number;
}

const PROBE = 1024 * 1024;

function total(estimate: CostEstimate, mode: ModeCost['mode']): number {
  return estimate.modes.find((m) => m.mode === mode)?.totalUsd ?? 0;
}

function lineOf(at: CostAt, mode: ModeCost['mode']): Line {
  const low = total(at(PROBE), mode);
  const high = total(at(2 * PROBE), mode);
  const perByte = (high - low) / PROBE;
  return { fixed: low - perByte * PROBE, perByte };
}

/** Where line a stops being cheaper than line b as the rate grows (a cheaper below it). */
function crossing(a: Line, b: Line): number {
  const gap = b.fixed - a.fixed;
  const slope = a.perByte - b.perByte;
  if (slope <= 0) return gap > 0 || (gap === 0 && slope < 0) ? Infinity : 0;
  return Math.max(0, gap / slope);
}

export function breakEven(at: CostAt): BreakEven {
  const provisioned = lineOf(at, 'provisioned');
  const standard = lineOf(at, 'on-demand-standard');
  const minimum = at(PROBE).advantageMinimumUsd;
  const advantagePaysAbove = standard.perByte > 0 ? Math.max(0, (minimum - standard.fixed) / standard.perByte) : Infinity;
  return {
    onDemandCheaperBelowBytesPerSec: crossing(standard, provisioned),
    advantagePaysAboveBytesPerSec: advantagePaysAbove,
  };
}
