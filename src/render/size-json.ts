/** kds size --json: one object for scripts. */
import { REGION_NAMES } from '../core/facts.js';
import type { Backlog } from '../core/size/backlog.js';
import { awsCommands } from '../core/size/commands.js';
import { consumerSpeedPerShard, effectiveSurge } from '../core/size/input.js';
import type { SizeResult } from '../core/size/size.js';
import { costHeading, costNotes, riskText } from './size-cost.js';
import { CONSTRAINT_LABELS, explainBinding, findingText } from './size-text.js';
import { backlogText } from './size-traffic-text.js';

export interface SizeJsonView {
  readonly result: SizeResult;
  readonly streamName: string;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Infinity does not survive JSON: an unbounded figure is null. */
function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function backlogJson(b: Backlog | undefined): object | null {
  if (b === undefined) return null;
  return {
    limitedBy: b.limitedBy,
    unit: b.unit,
    capacityPerSec: b.capacityPerSec,
    surgePerSec: b.surgePerSec,
    peakPerSec: b.peakPerSec,
    atSurgeEnd: b.atSurgeEnd,
    clearSeconds: b.clearSeconds,
  };
}

function trafficJson(result: SizeResult): object {
  const input = result.input;
  const surge = effectiveSurge(input);
  const speed = consumerSpeedPerShard(input);
  return {
    average: input.average ?? null,
    surge: surge ?? null,
    consumer:
      speed === undefined
        ? null
        : { recordsPerSec: input.consumerRecordsPerSec, lambdaParallelization: input.lambdaParallelization ?? 1, perShardRecordsPerSec: speed },
    maxLagSeconds: input.maxLagSeconds ?? null,
    backlog:
      result.backlog === undefined
        ? null
        : {
            shards: result.backlog.shards,
            limitedBy: result.backlog.worst.limitedBy,
            text: backlogText(result),
            processing: backlogJson(result.backlog.processing),
            reading: backlogJson(result.backlog.reading),
          },
  };
}

function costJson(result: SizeResult): object {
  const b = result.costBasis;
  return {
    region: b.region,
    regionName: REGION_NAMES[b.region],
    pricesRegion: b.pricesRegion,
    pricesVerified: b.pricesVerified,
    pricesAsOf: b.pricesAsOf,
    heading: costHeading(result),
    basis: b.from,
    writeBytesPerSec: b.writeBytesPerSec,
    recordsPerSec: b.recordsPerSec ?? null,
    discountPercent: round2(b.discount * 100),
    hoursPerMonth: result.cost.hoursPerMonth,
    approximate: result.cost.approximate,
    advantageMinimumUsd: round2(result.cost.advantageMinimumUsd),
    breakEven: {
      onDemandCheaperBelowBytesPerSec: finite(result.breakEven.onDemandCheaperBelowBytesPerSec),
      advantagePaysAboveBytesPerSec: finite(result.breakEven.advantagePaysAboveBytesPerSec),
    },
    notes: costNotes(result),
    modes: result.cost.modes.map((m) => ({
      mode: m.mode,
      totalUsd: round2(m.totalUsd),
      lines: m.lines.map((l) => ({ ...l, usd: round2(l.usd) })),
    })),
  };
}

/** The JSON contract: minimumShards, recommendedShards, binding, constraints[{ id, shards }], and more. */
export function sizeJson({ result, streamName }: SizeJsonView): object {
  const input = result.input;
  return {
    minimumShards: result.minimumShards,
    recommendedShards: result.recommendedShards,
    binding: result.binding,
    explanation: explainBinding(result),
    headroomPercent: input.headroom * 100,
    writeBytesPerSec: result.writeBytesPerSec,
    constraints: result.constraints.map((c) => ({
      id: c.id,
      label: CONSTRAINT_LABELS[c.id],
      demand: c.demand,
      unit: c.unit,
      perShard: c.perShard,
      shards: c.shards,
      shardsWithHeadroom: c.shardsWithHeadroom,
      binding: c.id === result.binding,
    })),
    unchecked: result.unchecked,
    shardsWithoutSharedReads: result.shardsWithoutSharedReads,
    kpl: result.aggregation ?? null,
    traffic: trafficJson(result),
    warnings: result.findings.map((f) => ({ id: f.id, level: f.level, message: findingText(f) })),
    onDemandRisks: result.onDemandRisks.map((r) => ({ ...r, message: riskText(r) })),
    reshard: result.reshard ?? null,
    cost: costJson(result),
    commands: awsCommands(result, streamName),
    input: {
      dataBytesPerSec: input.dataBytesPerSec,
      recordsPerSec: input.recordsPerSec ?? null,
      keyBytes: input.keyBytes,
      consumers: input.sharedConsumers,
      efoConsumers: input.efoConsumers,
      retentionHours: input.retentionHours,
      currentShards: input.currentShards ?? null,
      kpl: input.kpl,
      average: input.average ?? null,
      surge: input.surge ?? null,
      consumerRecordsPerSec: input.consumerRecordsPerSec ?? null,
      lambdaParallelization: input.lambdaParallelization ?? null,
      maxLagSeconds: input.maxLagSeconds ?? null,
      region: input.region ?? null,
      discount: input.discount ?? 0,
    },
  };
}
