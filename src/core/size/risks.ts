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
  /** On demand absorbs at once up to `multiplier` x the previous 30-day peak; `throttles` when the surge is above that. */
  | {
      readonly id: 'on-demand-surge';
      readonly multiplier: number;
      readonly windowMinutes: number;
      readonly peakBytesPerSec: number;
      readonly surgeBytesPerSec?: number | undefined;
      readonly throttles: boolean;
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
      peakBytesPerSec: peakBytes,
      surgeBytesPerSec: surgeBytes,
      throttles: (surgeBytes !== undefined && surgeBytes > multiplier * peakBytes) || recordsThrottle,
    },
    { id: 'on-demand-hot-key', maxBytesPerSec: SHARD.writeBytesPerSec.value, maxRecordsPerSec: SHARD.writeRecordsPerSec.value },
  ];
}
