/** What can still throttle a stream in on-demand mode. Data, not text. */
import { ON_DEMAND, SHARD } from '../facts.js';
import { effectiveSurge, rateBytesPerSec, writeBytesPerSec, type SizeInput } from './input.js';

export type OnDemandRisk =
  /** A new on-demand stream starts with this much write capacity; `exceeded` when the peak is above it. */
  | {
      readonly id: 'on-demand-start';
      readonly initialBytesPerSec: number;
      readonly initialRecordsPerSec: number;
      readonly peakBytesPerSec: number;
      readonly peakRecordsPerSec?: number | undefined;
      readonly exceeded: boolean;
    }
  /**
   * On demand absorbs at once up to `multiplier` x the peak of the last `lookbackDays`; `throttles`
   * when the surge is above that, in bytes or in records (`throttledBy` says which; bytes when both).
   */
  | {
      readonly id: 'on-demand-surge';
      readonly multiplier: number;
      readonly windowMinutes: number;
      readonly lookbackDays: number;
      readonly peakBytesPerSec: number;
      readonly peakRecordsPerSec?: number | undefined;
      readonly surgeBytesPerSec?: number | undefined;
      readonly surgeRecordsPerSec?: number | undefined;
      readonly throttles: boolean;
      readonly throttledBy?: 'bytes' | 'records' | undefined;
    }
  /** On demand splits shards evenly and never isolates a hot key. */
  | { readonly id: 'on-demand-hot-key'; readonly maxBytesPerSec: number; readonly maxRecordsPerSec: number };

export function onDemandRisks(input: SizeInput): OnDemandRisk[] {
  const peakBytes = writeBytesPerSec(input);
  const initialBytes = ON_DEMAND.initialWriteBytesPerSec.value;
  const initialRecords = ON_DEMAND.initialWriteRecordsPerSec.value;
  const multiplier = ON_DEMAND.peakMultiplier.value;
  const surge = effectiveSurge(input);
  const surgeBytes = surge === undefined ? undefined : rateBytesPerSec(surge, input.keyBytes);
  const bytesThrottle = surgeBytes !== undefined && surgeBytes > multiplier * peakBytes;
  const recordsThrottle =
    surge?.recordsPerSec !== undefined && input.recordsPerSec !== undefined && surge.recordsPerSec > multiplier * input.recordsPerSec;
  return [
    {
      id: 'on-demand-start',
      initialBytesPerSec: initialBytes,
      initialRecordsPerSec: initialRecords,
      peakBytesPerSec: peakBytes,
      peakRecordsPerSec: input.recordsPerSec,
      exceeded: peakBytes > initialBytes || (input.recordsPerSec ?? 0) > initialRecords,
    },
    {
      id: 'on-demand-surge',
      multiplier,
      windowMinutes: ON_DEMAND.surgeWindowMinutes.value,
      lookbackDays: ON_DEMAND.peakLookbackDays.value,
      peakBytesPerSec: peakBytes,
      peakRecordsPerSec: input.recordsPerSec,
      surgeBytesPerSec: surgeBytes,
      surgeRecordsPerSec: surge?.recordsPerSec,
      throttles: bytesThrottle || recordsThrottle,
      throttledBy: bytesThrottle ? 'bytes' : recordsThrottle ? 'records' : undefined,
    },
    { id: 'on-demand-hot-key', maxBytesPerSec: SHARD.writeBytesPerSec.value, maxRecordsPerSec: SHARD.writeRecordsPerSec.value },
  ];
}
