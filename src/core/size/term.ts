/** One limit that shards can fix: its demand, what a shard allows, and the shards it needs. */
export type ConstraintId =
  | 'write-bytes'
  | 'write-records'
  | 'read-bytes'
  | 'surge-bytes'
  | 'surge-records'
  | 'consumer-speed'
  | 'lag-records'
  | 'lag-bytes';

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

/** Shards needed for a demand: the ceiling of demand / limit, immune to floating-point dust. */
export function shardsFor(demand: number, perShard: number): number {
  if (demand <= 0) return 0;
  return Math.ceil(Number((demand / perShard).toPrecision(12)));
}

export function constraint(id: ConstraintId, demand: number, unit: Constraint['unit'], perShard: number, headroom: number): Constraint {
  return {
    id,
    demand,
    unit,
    perShard,
    shards: shardsFor(demand, perShard),
    shardsWithHeadroom: shardsFor(demand * (1 + headroom), perShard),
  };
}
