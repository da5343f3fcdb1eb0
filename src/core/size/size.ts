/** The shard calculator: numbers in, numbers out. */
import { PRICE_REGION, REGION_PRICES, type PriceTable, type RegionCode } from '../facts.js';
import { aggregate, type Aggregation } from './aggregation.js';
import { surgeBacklog, type SurgeBacklog } from './backlog.js';
import { breakEven, type BreakEven } from './breakeven.js';
import { bindingConstraint, computeConstraints, constraint, READ_CONSTRAINTS, type Constraint, type ConstraintId } from './constraints.js';
import { estimateCost, type CostEstimate } from './cost.js';
import { rateBytesPerSec, recordDataBytes, writeBytesPerSec, type Rate, type SizeInput } from './input.js';
import { planReshard, type ReshardPlan } from './reshard.js';
import { onDemandRisks, type OnDemandRisk } from './risks.js';
import { findWarnings, type Finding } from './warnings.js';

/** Which prices a cost was worked out with, and from which rate. */
export interface CostBasis {
  readonly region: RegionCode;
  /** The Region whose prices were used: the same unless kds has no verified prices for `region`. */
  readonly pricesRegion: RegionCode;
  readonly pricesVerified: boolean;
  readonly pricesAsOf: string;
  /** 'average' when an average was given, else 'peak'. */
  readonly from: 'average' | 'peak';
  /** Write bytes per second the cost is for (data plus keys). */
  readonly writeBytesPerSec: number;
  readonly recordsPerSec?: number | undefined;
  readonly discount: number;
}

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
  /** Shards if every shared reader moved to enhanced fan-out (each with its own read throughput). */
  readonly shardsWithoutSharedReads: number;
  readonly aggregation?: Aggregation | undefined;
  readonly findings: readonly Finding[];
  readonly onDemandRisks: readonly OnDemandRisk[];
  /** The backlog a surge leaves with the recommended count, when there is a surge and a reader. */
  readonly backlog?: SurgeBacklog | undefined;
  readonly costBasis: CostBasis;
  readonly cost: CostEstimate;
  /** With --current-shards: the same average priced with today's shard count (provisioned). */
  readonly currentCost?: CostEstimate | undefined;
  readonly breakEven: BreakEven;
  readonly reshard?: ReshardPlan | undefined;
}

function pricesFor(region: RegionCode): { table: PriceTable; from: RegionCode; verified: boolean; asOf: string } {
  const fact = REGION_PRICES[region];
  if (fact.value !== null) return { table: fact.value, from: region, verified: true, asOf: fact.asOf };
  const fallback = REGION_PRICES[PRICE_REGION];
  if (fallback.value === null) throw new Error(`no prices for ${PRICE_REGION}`);
  return { table: fallback.value, from: PRICE_REGION, verified: false, asOf: fallback.asOf };
}

/** Shards if every shared reader were an enhanced fan-out consumer: the read terms at one reader each. */
function withoutSharedReads(input: SizeInput, constraints: readonly Constraint[]): number {
  const others = constraints.filter((c) => !READ_CONSTRAINTS.includes(c.id)).map((c) => c.shards);
  const lag = constraints.find((c) => c.id === 'lag-bytes');
  if (lag !== undefined && input.sharedConsumers > 1) {
    others.push(constraint('lag-bytes', lag.demand / input.sharedConsumers, lag.unit, lag.perShard, input.headroom).shards);
  } else if (lag !== undefined) others.push(lag.shards);
  return Math.max(1, ...others);
}

export function sizeStream(input: SizeInput): SizeResult {
  const { constraints, unchecked, aggregation } = computeConstraints(input);
  const binding = bindingConstraint(constraints);
  const minimumShards = Math.max(1, binding.shards);
  const recommendedShards = Math.max(minimumShards, ...constraints.map((c) => c.shardsWithHeadroom));

  const region = input.region ?? PRICE_REGION;
  const prices = pricesFor(region);
  const discount = input.discount ?? 0;
  const basis: Rate = input.average ?? input;
  const recordData = recordDataBytes(basis) ?? recordDataBytes(input);
  /** Costs for an average of `bytes` write bytes/s, records of this workload's size, `shards` provisioned. */
  const costAt = (bytes: number, shards = recommendedShards) => {
    const recordBytes = recordData === undefined ? undefined : recordData + input.keyBytes;
    const records = recordBytes === undefined ? undefined : bytes / recordBytes;
    const kinesis = input.kpl && records !== undefined && recordBytes !== undefined ? aggregate(records, recordBytes) : undefined;
    return estimateCost({
      shards,
      writeBytesPerSec: bytes,
      kinesisRecordsPerSec: kinesis ? kinesis.kinesisRecordsPerSec : records,
      kinesisRecordBytes: kinesis ? kinesis.kinesisRecordBytes : recordBytes,
      sharedConsumers: input.sharedConsumers,
      efoConsumers: input.efoConsumers,
      retentionHours: input.retentionHours,
      prices: prices.table,
      discount,
    });
  };
  const averageBytes = rateBytesPerSec(
    { dataBytesPerSec: basis.dataBytesPerSec, recordsPerSec: basis.recordsPerSec ?? (recordData ? basis.dataBytesPerSec / recordData : undefined) },
    input.keyBytes,
  );

  return {
    input,
    writeBytesPerSec: writeBytesPerSec(input),
    constraints,
    unchecked,
    binding: binding.id,
    minimumShards,
    recommendedShards,
    shardsWithoutSharedReads: withoutSharedReads(input, constraints),
    aggregation,
    findings: findWarnings(input, recommendedShards),
    onDemandRisks: onDemandRisks(input),
    backlog: surgeBacklog(input, recommendedShards),
    costBasis: {
      region,
      pricesRegion: prices.from,
      pricesVerified: prices.verified,
      pricesAsOf: prices.asOf,
      from: input.average === undefined ? 'peak' : 'average',
      writeBytesPerSec: averageBytes,
      recordsPerSec: recordData === undefined ? undefined : basis.dataBytesPerSec / recordData,
      discount,
    },
    cost: costAt(averageBytes),
    currentCost: input.currentShards === undefined ? undefined : costAt(averageBytes, input.currentShards),
    breakEven: breakEven((bytes) => costAt(bytes)),
    reshard: input.currentShards === undefined ? undefined : planReshard(input.currentShards, recommendedShards),
  };
}
