/** The limits that shards can fix, and how many shards each one needs. */
import { SHARD } from '../facts.js';
import { aggregate, type Aggregation } from './aggregation.js';
import { averageRecordBytes, writeBytesPerSec, type SizeInput } from './input.js';
import { constraint, type Constraint, type ConstraintId } from './term.js';
import { trafficConstraints } from './traffic.js';

export { constraint, shardsFor, type Constraint, type ConstraintId } from './term.js';

/** The order constraints are listed in, and the precedence on an exact tie. */
export const CONSTRAINT_ORDER: readonly ConstraintId[] = [
  'write-bytes',
  'write-records',
  'read-bytes',
  'surge-bytes',
  'surge-records',
  'consumer-speed',
  'lag-records',
  'lag-bytes',
];

/** Constraints on the read side: what moving every shared reader to enhanced fan-out changes. */
export const READ_CONSTRAINTS: readonly ConstraintId[] = ['read-bytes', 'lag-bytes'];

export interface ConstraintSet {
  readonly constraints: readonly Constraint[];
  /** Constraints that could not be checked because an input is missing. */
  readonly unchecked: readonly ConstraintId[];
  /** Set when --kpl changed the records constraint. */
  readonly aggregation?: Aggregation | undefined;
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
  const traffic = trafficConstraints(input);
  constraints.push(...traffic.constraints);
  unchecked.push(...traffic.unchecked);
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
