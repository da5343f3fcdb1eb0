/** Monthly cost of a sized stream in each capacity mode, from the dated price table. */
import { BILLING, ON_DEMAND, PRICES, STREAM, type PriceTable } from '../facts.js';
import { GIB, SECONDS_PER_HOUR } from '../units.js';

export interface CostLine {
  readonly id: string;
  /** Usage in the unit the price is quoted in. */
  readonly quantity: number;
  readonly unit: string;
  readonly unitPrice: number;
  readonly usd: number;
}

export interface ModeCost {
  readonly mode: 'provisioned' | 'on-demand-standard' | 'on-demand-advantage';
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
}

export interface CostInput {
  readonly shards: number;
  /** Bytes/s counted for throughput (data plus keys). */
  readonly writeBytesPerSec: number;
  /** Kinesis records/s (after KPL aggregation) and their average size, when known. */
  readonly kinesisRecordsPerSec?: number | undefined;
  readonly kinesisRecordBytes?: number | undefined;
  readonly sharedConsumers: number;
  readonly efoConsumers: number;
  readonly retentionHours: number;
  /** The Region's list prices (us-east-1 when absent). */
  readonly prices?: PriceTable | undefined;
  /** Negotiated discount off every list price, as a fraction. */
  readonly discount?: number | undefined;
}

export interface CostEstimate {
  readonly hoursPerMonth: number;
  readonly modes: readonly ModeCost[];
  /** True when records/s is unknown and record rounding could not be applied. */
  readonly approximate: boolean;
  /** On-demand Advantage bills at least this much ingest and retrieval per Region, in USD a month. */
  readonly advantageMinimumUsd: number;
}


function mode(name: ModeCost['mode'], lines: CostLine[]): ModeCost {
  const kept = lines.filter((l) => l.quantity > 0);
  return { mode: name, lines: kept, totalUsd: kept.reduce((sum, l) => sum + l.usd, 0) };
}

export function estimateCost(input: CostInput): CostEstimate {
  const prices = input.prices ?? PRICES;
  const keep = 1 - (input.discount ?? 0);
  /** A bill line at the discounted unit price. */
  const line = (id: string, quantity: number, unit: string, listPrice: number): CostLine => {
    const unitPrice = listPrice * keep;
    return { id, quantity, unit, unitPrice, usd: quantity * unitPrice };
  };
  const hours = BILLING.hoursPerMonth.value;
  const seconds = hours * SECONDS_PER_HOUR;
  const gbPerMonth = (bytesPerSec: number) => (bytesPerSec * seconds) / GIB;
  /** GB held on average by a retention window between two ages (hours). */
  const gbStored = (fromHours: number, toHours: number) =>
    toHours > fromHours ? (input.writeBytesPerSec * (toHours - fromHours) * SECONDS_PER_HOUR) / GIB : 0;

  const known = input.kinesisRecordsPerSec !== undefined && input.kinesisRecordBytes !== undefined;
  const recordsPerMonth = (input.kinesisRecordsPerSec ?? 0) * seconds;
  const roundUp = (unit: number) => Math.max(1, Math.ceil((input.kinesisRecordBytes ?? 0) / unit));

  const unitBytes = BILLING.putPayloadUnitBytes.value;
  const payloadUnits = known ? recordsPerMonth * roundUp(unitBytes) : (input.writeBytesPerSec * seconds) / unitBytes;
  const kib = BILLING.onDemandRecordRoundingBytes.value;
  const billedIngestGb = known ? (recordsPerMonth * roundUp(kib) * kib) / GIB : gbPerMonth(input.writeBytesPerSec);

  const retention = input.retentionHours;
  const base = STREAM.retentionDefaultHours.value;
  const week = STREAM.retentionExtendedMaxHours.value;
  const readGb = gbPerMonth(input.writeBytesPerSec * input.sharedConsumers);
  const efoGb = gbPerMonth(input.writeBytesPerSec * input.efoConsumers);

  const p = prices.provisioned;
  const provisioned = mode('provisioned', [
    line('shard-hours', input.shards * hours, 'shard-hours', p.shardHour.value),
    line('put-payload-units', payloadUnits / 1e6, 'million PUT payload units', p.putPayloadUnitsPerMillion.value),
    line('extended-retention', retention > base ? input.shards * hours : 0, 'shard-hours', p.extendedRetentionShardHour.value),
    line('long-term-retention', gbStored(week, retention), 'GB-months', p.longTermRetentionGbMonth.value),
    line('efo-consumer-shard-hours', input.efoConsumers * input.shards * hours, 'consumer-shard-hours', p.efoConsumerShardHour.value),
    line('efo-retrieval', efoGb, 'GB', p.efoRetrievalGb.value),
  ]);

  const s = prices.onDemandStandard;
  const standard = mode('on-demand-standard', [
    line('stream-hours', hours, 'stream-hours', s.streamHour.value),
    line('ingest', billedIngestGb, 'GB', s.ingestGb.value),
    line('retrieval', readGb, 'GB', s.retrievalGb.value),
    line('efo-retrieval', efoGb, 'GB', s.efoRetrievalGb.value),
    line('extended-retention', gbStored(base, Math.min(retention, week)), 'GB-months', s.extendedRetentionGbMonth.value),
    line('long-term-retention', gbStored(week, retention), 'GB-months', s.longTermRetentionGbMonth.value),
  ]);

  const a = prices.onDemandAdvantage;
  const advantage = mode('on-demand-advantage', [
    line('ingest', billedIngestGb, 'GB', a.ingestGb.value),
    line('retrieval', readGb, 'GB', a.retrievalGb.value),
    line('efo-retrieval', efoGb, 'GB', a.retrievalGb.value),
    line('retention', gbStored(base, retention), 'GB-months', a.retentionGbMonth.value),
  ]);

  const minimumGb = gbPerMonth(ON_DEMAND.advantageMinimumBytesPerSec.value);
  return {
    hoursPerMonth: hours,
    modes: [provisioned, standard, advantage],
    approximate: !known,
    advantageMinimumUsd: minimumGb * (a.ingestGb.value + a.retrievalGb.value) * keep,
  };
}
