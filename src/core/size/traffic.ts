/**
 * The limits real traffic adds to the steady peak: a surge the stream must accept, consumers that
 * must keep up, and a lag budget within which they must catch up after a surge.
 */
import { SHARD } from '../facts.js';
import { aggregate } from './aggregation.js';
import { consumerSpeedPerShard, effectiveSurge, rateBytesPerSec, readerCount, recordDataBytes, writeBytesPerSec, type SizeInput } from './input.js';
import { constraint, type Constraint, type ConstraintId } from './term.js';

/**
 * The rate a consumer must sustain over a surge of S seconds followed by a budget of L seconds:
 * everything that arrives in S + L seconds, (surge x S + peak x L), spread over S + L.
 */
export function lagDemand(surge: number, peak: number, surgeSeconds: number, lagSeconds: number): number {
  return (surge * surgeSeconds + peak * lagSeconds) / (surgeSeconds + lagSeconds);
}

/**
 * How many times one shard's shared read throughput each reader needs: shared consumers split
 * 2 MiB/s between them; an enhanced fan-out consumer has its own.
 */
export function readShareFactor(input: SizeInput): number {
  if (input.sharedConsumers > 0) return input.sharedConsumers;
  return input.efoConsumers > 0 ? 1 : 0;
}

/** The per-shard read throughput that readShareFactor divides: the shared limit, or an enhanced fan-out consumer's own. */
export function readLimitPerShard(input: SizeInput): number {
  return input.sharedConsumers > 0 ? SHARD.sharedReadBytesPerSec.value : SHARD.efoReadBytesPerSec.value;
}

export function trafficConstraints(input: SizeInput): { constraints: Constraint[]; unchecked: ConstraintId[] } {
  const constraints: Constraint[] = [];
  const unchecked: ConstraintId[] = [];
  const headroom = input.headroom;
  const surge = effectiveSurge(input);
  const speed = consumerSpeedPerShard(input);
  const readers = readerCount(input);

  if (surge !== undefined) {
    const surgeBytes = rateBytesPerSec(surge, input.keyBytes);
    constraints.push(constraint('surge-bytes', surgeBytes, 'bytes/s', SHARD.writeBytesPerSec.value, headroom));
    const data = recordDataBytes(surge);
    if (surge.recordsPerSec === undefined || data === undefined) {
      unchecked.push('surge-records');
    } else {
      const records = input.kpl ? aggregate(surge.recordsPerSec, data + input.keyBytes).kinesisRecordsPerSec : surge.recordsPerSec;
      constraints.push(constraint('surge-records', records, 'records/s', SHARD.writeRecordsPerSec.value, headroom));
    }
  }

  if (speed !== undefined && readers > 0) {
    if (input.recordsPerSec === undefined) unchecked.push('consumer-speed');
    else constraints.push(constraint('consumer-speed', input.recordsPerSec, 'records/s', speed, headroom));
  }

  const lag = input.maxLagSeconds;
  if (surge !== undefined && lag !== undefined && readers > 0) {
    if (speed !== undefined) {
      if (surge.recordsPerSec === undefined || input.recordsPerSec === undefined) unchecked.push('lag-records');
      else {
        const demand = lagDemand(surge.recordsPerSec, input.recordsPerSec, surge.seconds, lag);
        constraints.push(constraint('lag-records', demand, 'records/s', speed, headroom));
      }
    }
    const bytes = lagDemand(rateBytesPerSec(surge, input.keyBytes), writeBytesPerSec(input), surge.seconds, lag);
    constraints.push(constraint('lag-bytes', bytes * readShareFactor(input), 'bytes/s', readLimitPerShard(input), headroom));
  }
  return { constraints, unchecked };
}
