/** kds size flags, described once, and how they combine into a SizeInput. */
import { SHARD, STREAM } from '../../core/facts.js';
import type { SizeInput } from '../../core/size/input.js';
import { MIB } from '../../core/units.js';
import { UsageError } from '../../errors.js';
import type { OptionSpec } from '../../options/define.js';
import { formatInt, formatMibPerSec } from '../../render/format.js';
import { JSON_OPTION } from '../shared.js';

const WORKLOAD = 'Workload:';
const READERS = 'Readers:';
const PLAN = 'Plan:';

export const DEFAULT_HEADROOM_PERCENT = 25;

export const SIZE_OPTIONS: readonly OptionSpec[] = [
  {
    type: 'number', name: 'mbps', value: 'N', group: WORKLOAD,
    description: `write throughput in MiB/s (data bytes; the unit of the ${formatMibPerSec(SHARD.writeBytesPerSec.value)} shard limit)`,
    rule: { min: 0, minExclusive: true, max: 1_048_576, unit: 'MiB/s' },
  },
  {
    type: 'number', name: 'records', value: 'N', group: WORKLOAD,
    description: 'records written per second',
    rule: { min: 0, minExclusive: true, max: 1_000_000_000, unit: 'records per second' },
  },
  {
    type: 'number', name: 'record-size', value: 'BYTES', group: WORKLOAD,
    description: 'average data size of a record, in bytes (with --records)',
    rule: { integer: true, min: 1, max: 1024 * MIB, unit: 'bytes' },
  },
  {
    type: 'number', name: 'key-size', value: 'BYTES', group: WORKLOAD,
    description: 'average partition key size in UTF-8 bytes; Kinesis counts it toward the byte limit (default 0)',
    rule: {
      integer: true, min: 1, max: STREAM.partitionKeyMaxBytes.value, unit: 'bytes',
      why: `A partition key is 1 to ${STREAM.partitionKeyMaxChars.value} characters.`,
    },
  },
  {
    type: 'boolean', name: 'kpl', group: WORKLOAD,
    description: 'producers use KPL aggregation (changes the records limit)',
  },
  {
    type: 'number', name: 'consumers', value: 'N', group: READERS, default: 1,
    description: 'applications reading with shared throughput (GetRecords: KCL polling, Lambda without EFO)',
    rule: { integer: true, min: 0, max: 10_000, unit: 'consumers' },
  },
  {
    type: 'number', name: 'efo-consumers', value: 'N', group: READERS, default: 0,
    description: 'enhanced fan-out consumers (each gets its own read throughput)',
    rule: { integer: true, min: 0, max: 10_000, unit: 'consumers' },
  },
  {
    type: 'number', name: 'headroom', value: 'PCT', group: PLAN, default: DEFAULT_HEADROOM_PERCENT,
    description: 'spare capacity for spikes and uneven keys, in percent',
    rule: { min: 0, max: 1000, unit: 'percent' },
  },
  {
    type: 'number', name: 'retention-hours', value: 'H', group: PLAN, default: STREAM.retentionDefaultHours.value,
    description: `how long the stream keeps data (adds retention cost above ${STREAM.retentionDefaultHours.value})`,
    rule: {
      integer: true, min: STREAM.retentionDefaultHours.value, max: STREAM.retentionMaxHours.value, unit: 'hours',
      why: `Kinesis keeps data ${STREAM.retentionDefaultHours.value} to ${formatInt(STREAM.retentionMaxHours.value)} hours.`,
    },
  },
  {
    type: 'number', name: 'current-shards', value: 'N', group: PLAN,
    description: "the stream's shard count today, to plan the update-shard-count calls",
    rule: { integer: true, min: 1, max: 1_000_000, unit: 'shards' },
  },
  {
    type: 'string', name: 'stream-name', value: 'NAME', group: PLAN, default: 'my-stream',
    description: 'stream name to put in the printed aws commands',
  },
  JSON_OPTION,
];

/** The raw flag values, as commander parsed them. */
export interface SizeFlags {
  readonly mbps?: number;
  readonly records?: number;
  readonly recordSize?: number;
  readonly keySize?: number;
  readonly kpl?: boolean;
  readonly consumers: number;
  readonly efoConsumers: number;
  readonly headroom: number;
  readonly retentionHours: number;
  readonly currentShards?: number;
  readonly streamName: string;
  readonly json?: boolean;
}

export const THROUGHPUT_HELP = 'pass --mbps N, or --records N with --record-size BYTES';

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

/** True when no flag says how much is written: the command then asks, or fails without a terminal. */
export function lacksThroughput(flags: SizeFlags): boolean {
  return flags.mbps === undefined && flags.records === undefined && flags.recordSize === undefined;
}

/**
 * Combines the flags into the calculator's input. Bytes come from --mbps, or from --records times
 * --record-size; --key-size adds key bytes once per record. Anything else is a usage error.
 */
export function toSizeInput(flags: SizeFlags): SizeInput {
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
  if (!STREAM_NAME.test(flags.streamName)) {
    throw new UsageError(
      `--stream-name expects 1 to 128 letters, digits, '_', '.' or '-', got '${flags.streamName}'.`,
    );
  }
  const dataBytesPerSec = mbps !== undefined ? mbps * MIB : (records ?? 0) * (recordSize ?? 0);
  if (dataBytesPerSec <= 0) throw new UsageError(`the write throughput is missing: ${THROUGHPUT_HELP}.`);
  return {
    dataBytesPerSec,
    recordsPerSec: records,
    keyBytes: keySize ?? 0,
    sharedConsumers: flags.consumers,
    efoConsumers: flags.efoConsumers,
    headroom: flags.headroom / 100,
    retentionHours: flags.retentionHours,
    currentShards: flags.currentShards,
    kpl: flags.kpl === true,
  };
}
