/** The shard calculator: numbers in, numbers out. */
import { bindingConstraint, computeConstraints, type Constraint, type ConstraintId } from './constraints.js';
import { estimateCost, type CostEstimate } from './cost.js';
import { averageRecordBytes, writeBytesPerSec, type SizeInput } from './input.js';
import { planReshard, type ReshardPlan } from './reshard.js';
import { findWarnings, type Finding } from './warnings.js';
import type { Aggregation } from './aggregation.js';

export interface SizeResult {
  readonly input: SizeInput;
  readonly writeBytesPerSec: number;
  readonly constraints: readonly Constraint[];
  readonly unchecked: readonly ConstraintId[];
  readonly binding: ConstraintId;
  /** The largest constraint, at least 1. */
  readonly minimumShards: number;
  /** With headroom on top of the demand; never below the minimum. */
  readonly recommendedShards: number;
  /** Shards the write limits alone need: what enhanced fan-out for every reader would leave. */
  readonly shardsWithoutSharedReads: number;
  readonly aggregation?: Aggregation | undefined;
  readonly findings: readonly Finding[];
  readonly cost: CostEstimate;
  readonly reshard?: ReshardPlan | undefined;
}

export function sizeStream(input: SizeInput): SizeResult {
  const { constraints, unchecked, aggregation } = computeConstraints(input);
  const binding = bindingConstraint(constraints);
  const minimumShards = Math.max(1, binding.shards);
  const recommendedShards = Math.max(minimumShards, ...constraints.map((c) => c.shardsWithHeadroom));
  const writeOnly = constraints.filter((c) => c.id !== 'read-bytes');
  const shardsWithoutSharedReads = Math.max(1, ...writeOnly.map((c) => c.shards));

  const records = aggregation ? aggregation.kinesisRecordsPerSec : input.recordsPerSec;
  const recordBytes = aggregation ? aggregation.kinesisRecordBytes : averageRecordBytes(input);
  const cost = estimateCost({
    shards: recommendedShards,
    writeBytesPerSec: writeBytesPerSec(input),
    kinesisRecordsPerSec: records,
    kinesisRecordBytes: recordBytes,
    sharedConsumers: input.sharedConsumers,
    efoConsumers: input.efoConsumers,
    retentionHours: input.retentionHours,
  });

  return {
    input,
    writeBytesPerSec: writeBytesPerSec(input),
    constraints,
    unchecked,
    binding: binding.id,
    minimumShards,
    recommendedShards,
    shardsWithoutSharedReads,
    aggregation,
    findings: findWarnings(input, recommendedShards),
    cost,
    reshard: input.currentShards === undefined ? undefined : planReshard(input.currentShards, recommendedShards),
  };
}

