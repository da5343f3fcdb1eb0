/**
 * kds size kinesis://NAME: what a stream's CloudWatch history and its description answer of the
 * size input, and what kds concludes from them. The command reads the stream and CloudWatch; this
 * decides what the figures mean.
 *
 * - The peak (or --percentile) of writes, in bytes and records, is the rate sized for.
 * - Cost follows the average, which may not exceed the rate sized for (below the peak, with
 *   --percentile, the average can be above it).
 * - Shared readers: GetRecords.Bytes over IncomingBytes, rounded (each reader reads every byte
 *   once), unless --consumers says.
 * - An on-demand stream has no shard count to plan from: AWS sets it.
 * - Retention is what the stream keeps, within what a stream may keep.
 * - Prices are the stream's Region's, when kds has them.
 */
import type { Demand } from '../cloudwatch/demand.js';
import { isRegionCode, STREAM, type RegionCode } from '../facts.js';
import { MIB } from '../units.js';

/** The size flags a stream's history answers: with kinesis://NAME none of them may be given. */
export const HISTORY_ANSWERS = ['mbps', 'records', 'recordSize', 'keySize', 'currentShards', 'averageMbps', 'averageRecords'] as const;

/** What DescribeStreamSummary, ListShards and ListStreamConsumers said. */
export interface StreamSeen {
  /** PROVISIONED or ON_DEMAND; undefined when the endpoint does not say (taken as provisioned). */
  readonly mode: string | undefined;
  readonly openShards: number;
  readonly retentionHours: number;
  /** The Region the stream was called in. */
  readonly region: string;
}

/** The readers the command line gives. */
export interface ReadersGiven {
  readonly consumers: number;
  /** --consumers was on the command line (not its default). */
  readonly consumersGiven: boolean;
  readonly efoConsumers: number;
}

/** Size flags as the history answers them. */
export interface HistoryWorkload {
  readonly mbps: number;
  readonly records: number | undefined;
  readonly averageMbps: number;
  readonly averageRecords: number | undefined;
  readonly currentShards: number | undefined;
  readonly consumers: number;
  readonly efoConsumers: number;
  readonly retentionHours: number;
  /** Undefined when kds has no prices for the stream's Region. */
  readonly region: RegionCode | undefined;
}

export interface FromHistory {
  readonly workload: HistoryWorkload;
  readonly onDemand: boolean;
  /** GetRecords.Bytes over IncomingBytes; undefined without writes. */
  readonly readRatio: number | undefined;
  /** Shared readers counted from the reads; undefined when --consumers was given or nothing was written. */
  readonly observedSharedReaders: number | undefined;
}

/** What the history says, as size flags. `efoConsumers` is the stream's count, undefined when it could not be listed. */
export function fromHistory(demand: Demand, stream: StreamSeen, efoConsumers: number | undefined, given: ReadersGiven): FromHistory {
  const t = demand.totals;
  const readRatio = t.incomingBytes > 0 ? t.readBytes / t.incomingBytes : undefined;
  const counted = readRatio === undefined ? undefined : Math.round(readRatio);
  const observedSharedReaders = given.consumersGiven ? undefined : counted;
  const records = demand.writeRecords.sized > 0 ? demand.writeRecords.sized : undefined;
  const onDemand = stream.mode === 'ON_DEMAND';
  return {
    workload: {
      mbps: demand.writeBytes.sized / MIB,
      records,
      averageMbps: Math.min(demand.writeBytes.average, demand.writeBytes.sized) / MIB,
      averageRecords: records === undefined ? undefined : Math.min(demand.writeRecords.average, records),
      currentShards: onDemand ? undefined : stream.openShards,
      consumers: observedSharedReaders ?? given.consumers,
      efoConsumers: efoConsumers ?? given.efoConsumers,
      retentionHours: Math.min(STREAM.retentionMaxHours.value, Math.max(STREAM.retentionDefaultHours.value, stream.retentionHours)),
      region: isRegionCode(stream.region) ? stream.region : undefined,
    },
    onDemand,
    readRatio,
    observedSharedReaders,
  };
}
