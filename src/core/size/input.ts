/**
 * What the shard calculator needs to know about a workload, in base units. A plain object, so that
 * any source of numbers (flags, a questionnaire, CloudWatch history) can call the calculator.
 */
import type { RegionCode } from '../facts.js';

/** A write rate: data bytes per second and, when known, user records per second. */
export interface Rate {
  /** Data blob bytes written per second, without partition keys. */
  readonly dataBytesPerSec: number;
  /** User records written per second, when known. */
  readonly recordsPerSec?: number | undefined;
}

/** A short burst above the peak: the rate during the burst, and how long it lasts. */
export interface Surge extends Rate {
  readonly seconds: number;
}

export interface SizeInput extends Rate {
  // dataBytesPerSec and recordsPerSec (from Rate) are the PEAK: the rate the stream must accept.
  /** Average partition key size in UTF-8 bytes (0 when not given). */
  readonly keyBytes: number;
  /** Applications reading with shared throughput (GetRecords). */
  readonly sharedConsumers: number;
  /** Registered enhanced fan-out consumers. */
  readonly efoConsumers: number;
  /** Spare capacity as a fraction: 0.25 for 25%. */
  readonly headroom: number;
  readonly retentionHours: number;
  /** The stream's shard count today, to plan the resharding. */
  readonly currentShards?: number | undefined;
  /** Producers use KPL aggregation. */
  readonly kpl: boolean;
  /** The long-run average, for cost; the peak is used when it is missing. */
  readonly average?: Rate | undefined;
  /** A burst above the peak that the stream must accept, and that consumers must catch up on. */
  readonly surge?: Surge | undefined;
  /** User records per second one consumer processes from one shard (its own work, not a Kinesis limit). */
  readonly consumerRecordsPerSec?: number | undefined;
  /** Lambda ParallelizationFactor: batches a Lambda consumer processes from one shard at once (1 when absent). */
  readonly lambdaParallelization?: number | undefined;
  /** The lag budget: seconds after a surge ends by which consumers must have caught up. */
  readonly maxLagSeconds?: number | undefined;
  /** Region whose prices to use (us-east-1 when absent). */
  readonly region?: RegionCode | undefined;
  /** Negotiated discount off list prices, as a fraction (0.15 for 15%). */
  readonly discount?: number | undefined;
}

/** Average size of one user record's data (without key), when the record rate is known. */
export function recordDataBytes(rate: Rate): number | undefined {
  if (rate.recordsPerSec === undefined || rate.recordsPerSec <= 0) return undefined;
  return rate.dataBytesPerSec / rate.recordsPerSec;
}

/** The average user record: data plus key bytes, when the record count is known. */
export function averageRecordBytes(input: SizeInput): number | undefined {
  const data = recordDataBytes(input);
  return data === undefined ? undefined : data + input.keyBytes;
}

/** Everything Kinesis counts toward the write byte limit at a rate: data blobs plus partition keys. */
export function rateBytesPerSec(rate: Rate, keyBytes: number): number {
  return rate.dataBytesPerSec + (rate.recordsPerSec ?? 0) * keyBytes;
}

/** Everything Kinesis counts toward the write byte limit at the peak. */
export function writeBytesPerSec(input: SizeInput): number {
  return rateBytesPerSec(input, input.keyBytes);
}

/**
 * The surge as the calculator uses it: never below the peak (a "surge" under the peak changes
 * nothing), with the record rate filled in from the peak's record size when only bytes were given.
 */
export function effectiveSurge(input: SizeInput): Surge | undefined {
  const s = input.surge;
  if (s === undefined || s.seconds <= 0) return undefined;
  let records = s.recordsPerSec;
  const peakRecordData = recordDataBytes(input);
  if (records === undefined && peakRecordData !== undefined && peakRecordData > 0) records = s.dataBytesPerSec / peakRecordData;
  const peakRecords = input.recordsPerSec;
  return {
    dataBytesPerSec: Math.max(s.dataBytesPerSec, input.dataBytesPerSec),
    recordsPerSec: records === undefined || peakRecords === undefined ? records : Math.max(records, peakRecords),
    seconds: s.seconds,
  };
}

/** The records/s one consumer gets through on one shard, Lambda parallelization included. */
export function consumerSpeedPerShard(input: SizeInput): number | undefined {
  if (input.consumerRecordsPerSec === undefined) return undefined;
  return input.consumerRecordsPerSec * Math.max(1, input.lambdaParallelization ?? 1);
}

/** Every application that reads the stream, shared or enhanced fan-out. */
export function readerCount(input: SizeInput): number {
  return input.sharedConsumers + input.efoConsumers;
}
