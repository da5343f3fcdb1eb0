/** The three limits that shards can fix, and how many shards each one needs. */
import { SHARD } from '../facts.js';
import { aggregate, type Aggregation } from './aggregation.js';
import { averageRecordBytes, writeBytesPerSec, type SizeInput } from './input.js';

export type ConstraintId = 'write-bytes' | 'write-records' | 'read-bytes';

/** The order constraints are listed in, and the precedence on an exact tie. */
export const CONSTRAINT_ORDER: readonly ConstraintId[] = ['write-bytes', 'write-records', 'read-bytes'];

export interface Constraint {
  readonly id: ConstraintId;
  /** Demand per second, in the limit's unit (bytes or records). */
  readonly demand: number;
  readonly unit: 'bytes/s' | 'records/s';
  /** What one shard allows for this constraint. */
  readonly perShard: number;
  /** Shards this constraint needs on its own (0 when there is no demand). */
  readonly shards: number;
  /** Shards it needs with headroom on top of the demand. */
  readonly shardsWithHeadroom: number;
}

export interface ConstraintSet {
  readonly constraints: readonly Constraint[];
  /** Constraints that could not be checked because an input is missing. */
  readonly unchecked: readonly ConstraintId[];
  /** Set when --kpl changed the records constraint. */
  readonly aggregation?: Aggregation | undefined;
}

/** Shards needed for a demand: the ceiling of demand / limit, immune to floating-point dust. */
export function shardsFor(demand: number, perShard: number): number {
  if (demand <= 0) return 0;
  return Math.ceil(Number((demand / perShard).toPrecision(12)));
}

function constraint(id: ConstraintId, demand: number, unit: Constraint['unit'], perShard: number, headroom: number): Constraint {
  return {
    id,
    demand,
    unit,
    perShard,
    shards: shardsFor(demand, perShard),
    shardsWithHeadroom: shardsFor(demand * (1 + headroom), perShard),
  };
}

export function computeConstraints(input: SizeInput): ConstraintSet {
  const bytes = writeBytesPerSec(input);
  const constraints: Constraint[] = [constraint('write-bytes', bytes, 'bytes/s', SHARD.writeBytesPerSec.value, input.headroom)];
  const unchecked: ConstraintId[] = [];
  let aggregation: Aggregation | undefined;

  const recordBytes = averageRecordBytes(input);
  if (input.recordsPerSec === undefined || recordBytes === undefined) {
    unchecked.push('write-records');
  } else {
    let records = input.recordsPerSec;
    if (input.kpl) {
      aggregation = aggregate(input.recordsPerSec, recordBytes);
      records = aggregation.kinesisRecordsPerSec;
    }
    constraints.push(constraint('write-records', records, 'records/s', SHARD.writeRecordsPerSec.value, input.headroom));
  }

  constraints.push(
    constraint('read-bytes', bytes * input.sharedConsumers, 'bytes/s', SHARD.sharedReadBytesPerSec.value, input.headroom),
  );
  return { constraints, unchecked, aggregation };
}

/**
 * The constraint that needs the most shards. On a tie, the one that uses more of its shards (the
 * larger demand / limit) binds; on an exact tie, the earliest in CONSTRAINT_ORDER.
 */
export function bindingConstraint(constraints: readonly Constraint[]): Constraint {
  let best: Constraint | undefined;
  const load = (c: Constraint) => c.demand / c.perShard;
  for (const id of CONSTRAINT_ORDER) {
    const c = constraints.find((x) => x.id === id);
    if (c === undefined) continue;
    if (best === undefined || c.shards > best.shards || (c.shards === best.shards && load(c) > load(best))) best = c;
  }
  if (best === undefined) throw new Error('no constraint to bind');
  return best;
}
