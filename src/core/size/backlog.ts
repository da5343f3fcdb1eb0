/**
 * What a surge leaves behind for a consumer: the backlog when it ends, and how long the consumer
 * takes to clear it at the peak, with a given shard count.
 */
import { consumerSpeedPerShard, effectiveSurge, rateBytesPerSec, readerCount, writeBytesPerSec, type SizeInput } from './input.js';
import { readLimitPerShard, readShareFactor } from './traffic.js';

export interface Backlog {
  /** What limits the consumer: its own processing speed, or its share of the shard read limit. */
  readonly limitedBy: 'consumer-speed' | 'read-bytes';
  readonly unit: 'records' | 'bytes';
  /** What one consumer gets through per second across all shards. */
  readonly capacityPerSec: number;
  readonly surgePerSec: number;
  readonly peakPerSec: number;
  readonly surgeSeconds: number;
  /** Records or bytes waiting when the surge ends (0 when the consumer keeps up). */
  readonly atSurgeEnd: number;
  /** Seconds after the surge to clear it at the peak; null when it never clears (capacity at or below the peak). */
  readonly clearSeconds: number | null;
}

export interface SurgeBacklog {
  readonly shards: number;
  /** The limit that leaves the larger backlog, or the longer time to clear it. */
  readonly worst: Backlog;
  readonly processing?: Backlog | undefined;
  readonly reading?: Backlog | undefined;
}

function backlog(
  limitedBy: Backlog['limitedBy'],
  unit: Backlog['unit'],
  capacity: number,
  surge: number,
  peak: number,
  seconds: number,
): Backlog {
  // A surge that exceeds the capacity by floating-point dust only (as shardsFor ignores) leaves nothing.
  const excess = surge - capacity;
  const atSurgeEnd = excess > capacity * 1e-9 ? excess * seconds : 0;
  let clearSeconds: number | null = 0;
  if (atSurgeEnd > 0) clearSeconds = capacity > peak ? atSurgeEnd / (capacity - peak) : null;
  return { limitedBy, unit, capacityPerSec: capacity, surgePerSec: surge, peakPerSec: peak, surgeSeconds: seconds, atSurgeEnd, clearSeconds };
}

/** True when a leaves the consumer worse off than b. */
function worse(a: Backlog, b: Backlog): boolean {
  if (a.clearSeconds === null || b.clearSeconds === null) return a.clearSeconds === null && b.clearSeconds !== null;
  if (a.clearSeconds !== b.clearSeconds) return a.clearSeconds > b.clearSeconds;
  return a.surgePerSec / a.capacityPerSec > b.surgePerSec / b.capacityPerSec;
}

export function surgeBacklog(input: SizeInput, shards: number): SurgeBacklog | undefined {
  const surge = effectiveSurge(input);
  if (surge === undefined || readerCount(input) === 0 || shards < 1) return undefined;

  let processing: Backlog | undefined;
  const speed = consumerSpeedPerShard(input);
  if (speed !== undefined && surge.recordsPerSec !== undefined && input.recordsPerSec !== undefined) {
    processing = backlog('consumer-speed', 'records', shards * speed, surge.recordsPerSec, input.recordsPerSec, surge.seconds);
  }
  const readCapacity = (shards * readLimitPerShard(input)) / readShareFactor(input);
  const reading = backlog(
    'read-bytes',
    'bytes',
    readCapacity,
    rateBytesPerSec(surge, input.keyBytes),
    writeBytesPerSec(input),
    surge.seconds,
  );
  const worst = processing !== undefined && worse(processing, reading) ? processing : reading;
  return { shards, worst, processing, reading };
}
