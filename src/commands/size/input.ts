/**
 * How kds size flags combine into the calculator's input, and which combinations are usage errors.
 *
 * The peak comes from --mbps, or --records times --record-size (both --mbps and --records give the
 * record size too). The average and the surge follow the peak's record size unless both of their
 * own flags are given: --average-records alone means records of the peak's size, --surge-mbps with
 * --surge-records gives the surge its own record size.
 */
import { isRegionCode, PRICE_REGION, REGION_CODES } from '../../core/facts.js';
import { isStreamName, STREAM_NAME_RULE } from '../../core/live/source.js';
import { recordDataBytes, type Rate, type SizeInput, type Surge } from '../../core/size/input.js';
import { MIB } from '../../core/units.js';
import { UsageError } from '../../errors.js';
import { formatMibPerSec, formatNumber } from '../../render/format.js';
import { echoValue } from '../../render/escape.js';
import type { SizeFlags } from './options.js';

export const THROUGHPUT_HELP = 'pass --mbps N, or --records N with --record-size BYTES';

/** True when no flag says how much is written: the command then asks, or fails without a terminal. */
export function lacksThroughput(flags: SizeFlags): boolean {
  return flags.mbps === undefined && flags.records === undefined && flags.recordSize === undefined;
}

/** "--surge-records 12000" or "--surge-records 12000 --surge-mbps 10": the flags as the user wrote them. */
function echo(pairs: readonly (readonly [string, number | undefined])[]): string {
  return pairs
    .filter(([, v]) => v !== undefined)
    .map(([flag, v]) => `--${flag} ${String(v)}`)
    .join(' ');
}

/** A tolerance for comparing rates worked out along different paths (records x size vs MiB/s). */
function above(a: number, b: number): boolean {
  return a > b * (1 + 1e-9);
}

/**
 * A rate given in MiB/s, in records/s, or both. Records alone need the peak's record size; MiB/s
 * alone borrows the peak's record size to count records, when the peak has one.
 */
function rateOf(mbpsFlag: string, mbps: number | undefined, recordsFlag: string, records: number | undefined, peakRecordData: number | undefined): Rate | undefined {
  if (mbps === undefined && records === undefined) return undefined;
  if (mbps !== undefined) {
    const dataBytesPerSec = mbps * MIB;
    if (records !== undefined) return { dataBytesPerSec, recordsPerSec: records };
    return { dataBytesPerSec, recordsPerSec: peakRecordData === undefined ? undefined : dataBytesPerSec / peakRecordData };
  }
  if (peakRecordData === undefined) {
    throw new UsageError(
      `--${recordsFlag} ${String(records)} needs a record size to count bytes: give the peak as --records N with ` +
        `--record-size BYTES (or --mbps), or add --${mbpsFlag} N.`,
    );
  }
  return { dataBytesPerSec: (records ?? 0) * peakRecordData, recordsPerSec: records };
}

function peakOf(flags: SizeFlags): Rate {
  const { mbps, records, recordSize, keySize } = flags;
  if (mbps !== undefined && recordSize !== undefined) {
    throw new UsageError(
      `--mbps ${mbps} and --record-size ${recordSize} both set the data rate: ${THROUGHPUT_HELP}, not both.`,
    );
  }
  if (recordSize !== undefined && records === undefined) {
    throw new UsageError(`--record-size ${recordSize} needs --records N (records per second) to give a data rate.`);
  }
  if (records !== undefined && mbps === undefined && recordSize === undefined) {
    throw new UsageError(`--records ${records} needs --record-size BYTES (average data per record) or --mbps N.`);
  }
  if (keySize !== undefined && records === undefined) {
    throw new UsageError(`--key-size ${keySize} needs --records N: key bytes count once per record.`);
  }
  const dataBytesPerSec = mbps !== undefined ? mbps * MIB : (records ?? 0) * (recordSize ?? 0);
  if (dataBytesPerSec <= 0) throw new UsageError(`the write throughput is missing: ${THROUGHPUT_HELP}.`);
  return { dataBytesPerSec, recordsPerSec: records };
}

function averageOf(flags: SizeFlags, peak: Rate): Rate | undefined {
  const average = rateOf('average-mbps', flags.averageMbps, 'average-records', flags.averageRecords, recordDataBytes(peak));
  if (average === undefined) return undefined;
  const given = echo([['average-mbps', flags.averageMbps], ['average-records', flags.averageRecords]]);
  if (average.recordsPerSec !== undefined && peak.recordsPerSec !== undefined && above(average.recordsPerSec, peak.recordsPerSec)) {
    throw new UsageError(`${given} is above the peak of ${formatNumber(peak.recordsPerSec)} records/s: the average cannot exceed the peak.`);
  }
  if (above(average.dataBytesPerSec, peak.dataBytesPerSec)) {
    throw new UsageError(`${given} is above the peak of ${formatMibPerSec(peak.dataBytesPerSec)}: the average cannot exceed the peak.`);
  }
  return average;
}

function surgeGiven(flags: SizeFlags): string {
  return echo([['surge-records', flags.surgeRecords], ['surge-mbps', flags.surgeMbps]]);
}

function surgeOf(flags: SizeFlags, peak: Rate): Surge | undefined {
  const rate = rateOf('surge-mbps', flags.surgeMbps, 'surge-records', flags.surgeRecords, recordDataBytes(peak));
  if (rate === undefined || flags.surgeSeconds === undefined) return undefined;
  const given = surgeGiven(flags);
  if (rate.recordsPerSec !== undefined && peak.recordsPerSec !== undefined && above(peak.recordsPerSec, rate.recordsPerSec)) {
    throw new UsageError(`${given} is below the peak of ${formatNumber(peak.recordsPerSec)} records/s: a surge is a burst above the peak.`);
  }
  if (above(peak.dataBytesPerSec, rate.dataBytesPerSec)) {
    throw new UsageError(`${given} is below the peak of ${formatMibPerSec(peak.dataBytesPerSec)}: a surge is a burst above the peak.`);
  }
  return { ...rate, seconds: flags.surgeSeconds };
}

function checkReaders(flags: SizeFlags, peak: Rate): void {
  const readers = flags.consumers + flags.efoConsumers;
  const noReader = '--consumers is 0 and there is no --efo-consumers';
  if (flags.consumerSpeed !== undefined) {
    if (readers === 0) throw new UsageError(`--consumer-speed ${String(flags.consumerSpeed)} describes a consumer, but ${noReader}.`);
    if (peak.recordsPerSec === undefined) {
      throw new UsageError(`--consumer-speed is in records per second: give the peak in records too (--records N).`);
    }
  }
  if (flags.maxLagSeconds !== undefined && readers === 0) {
    throw new UsageError(`--max-lag-seconds ${String(flags.maxLagSeconds)} needs a consumer, but ${noReader}.`);
  }
}

/**
 * The usage errors that need no peak: flags that need a partner, and the stream name. kds size
 * kinesis://NAME runs these before it calls AWS, so that a slip fails before any call is made.
 */
export function checkFlagPairs(flags: SizeFlags): void {
  if (!isStreamName(flags.streamName)) {
    throw new UsageError(`--stream-name expects ${STREAM_NAME_RULE}, got '${echoValue(flags.streamName)}'.`);
  }
  const surgeRate = flags.surgeMbps !== undefined || flags.surgeRecords !== undefined;
  if (!surgeRate && flags.surgeSeconds !== undefined) {
    throw new UsageError(`--surge-seconds ${String(flags.surgeSeconds)} needs the surge's rate: --surge-records N or --surge-mbps N.`);
  }
  if (surgeRate && flags.surgeSeconds === undefined) throw new UsageError(`${surgeGiven(flags)} needs --surge-seconds S: how long the surge lasts.`);
  if (flags.lambdaConcurrencyPerShard !== undefined && flags.consumerSpeed === undefined) {
    throw new UsageError(
      `--lambda-concurrency-per-shard ${flags.lambdaConcurrencyPerShard} multiplies the consumer speed: pass --consumer-speed N ` +
        `(records per second one invocation processes from a shard) too.`,
    );
  }
  if (flags.maxLagSeconds !== undefined && !surgeRate) {
    throw new UsageError(
      `--max-lag-seconds ${String(flags.maxLagSeconds)} bounds the catch-up after a surge: pass --surge-records N ` +
        `(or --surge-mbps N) with --surge-seconds S.`,
    );
  }
}

function regionOf(flags: SizeFlags): SizeInput['region'] {
  const code = (flags.region ?? PRICE_REGION).trim().toLowerCase();
  if (!isRegionCode(code)) {
    throw new UsageError(`--region expects one of ${REGION_CODES.join(', ')}; got '${echoValue(flags.region ?? '')}'.`);
  }
  return code;
}

/** Combines the flags into the calculator's input; anything contradictory is a usage error. */
export function toSizeInput(flags: SizeFlags): SizeInput {
  const peak = peakOf(flags);
  checkFlagPairs(flags);
  const average = averageOf(flags, peak);
  const surge = surgeOf(flags, peak);
  checkReaders(flags, peak);
  return {
    ...peak,
    keyBytes: flags.keySize ?? 0,
    sharedConsumers: flags.consumers,
    efoConsumers: flags.efoConsumers,
    headroom: flags.headroom / 100,
    retentionHours: flags.retentionHours,
    currentShards: flags.currentShards,
    kpl: flags.kpl === true,
    average,
    surge,
    consumerRecordsPerSec: flags.consumerSpeed,
    lambdaParallelization: flags.lambdaConcurrencyPerShard,
    maxLagSeconds: flags.maxLagSeconds,
    region: regionOf(flags),
    discount: (flags.discount ?? 0) / 100,
  };
}
