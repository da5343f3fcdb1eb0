/** kds compare flags, described once, and how they become a matrix choice or a Workload. */
import { ROW_IDS, isRowId, type RowId } from '../../core/compare/rows.js';
import { DEFAULT_SERVICES, SERVICE_IDS, isServiceId, type ServiceId } from '../../core/compare/services.js';
import { DESTINATIONS, EMPTY_WORKLOAD, ORDERINGS, type Destination, type Ordering, type Workload } from '../../core/compare/workload.js';
import { UsageError } from '../../errors.js';
import type { OptionSpec } from '../../options/define.js';
import { JSON_OPTION } from '../shared.js';

const MATRIX = 'Matrix:';
const ADVISOR = 'Advisor:';
const WORKLOAD = 'Workload (with --recommend):';

export const MATRIX_OPTIONS: readonly OptionSpec[] = [
  {
    type: 'string', name: 'services', value: 'IDS', group: MATRIX,
    description: `columns, comma-separated: ${SERVICE_IDS.join(', ')} (default: ${DEFAULT_SERVICES.join(', ')})`,
  },
  { type: 'boolean', name: 'all', group: MATRIX, description: 'every service as a column, msk, sns and eventbridge included' },
  { type: 'string', name: 'rows', value: 'IDS', group: MATRIX, description: 'rows to show, comma-separated (default: all; listed below)' },
  { type: 'boolean', name: 'sources', group: MATRIX, description: 'print the page behind every cell' },
];

export const RECOMMEND_OPTION: OptionSpec = {
  type: 'boolean', name: 'recommend', group: ADVISOR,
  description: 'recommend a service for a workload; asks in a terminal when no workload flag is given',
};

export const WORKLOAD_OPTIONS: readonly OptionSpec[] = [
  { type: 'boolean', name: 'replay', group: WORKLOAD, description: 'consumers must be able to read data again after processing it' },
  {
    type: 'number', name: 'replay-days', value: 'N', group: WORKLOAD,
    description: 'how many days back replay must reach (implies --replay)',
    rule: { integer: true, min: 1, max: 36_500, unit: 'days' },
  },
  {
    type: 'number', name: 'consumers', value: 'N', group: WORKLOAD,
    description: 'independent applications (or destinations) that each need every message; workers of one app count once',
    rule: { integer: true, min: 1, max: 100_000, unit: 'applications' },
  },
  {
    type: 'string', name: 'ordering', value: 'MODE', group: WORKLOAD, choices: ORDERINGS,
    description: 'the order consumers must see (default: none)',
  },
  { type: 'boolean', name: 'exactly-once', group: WORKLOAD, description: 'the service itself must drop duplicates (not just idempotent consumers)' },
  { type: 'boolean', name: 'per-message-ack', group: WORKLOAD, description: 'each message is acknowledged on its own: visibility timeout, retry, dead-letter queue' },
  { type: 'boolean', name: 'per-message-delay', group: WORKLOAD, description: 'single messages must be delayed before delivery' },
  {
    type: 'string', name: 'destination', value: 'WHERE', group: WORKLOAD, choices: DESTINATIONS,
    description: 'where the data must end up; custom = your own consumer code (the default)',
  },
  { type: 'boolean', name: 'no-code', group: WORKLOAD, description: 'reach the --destination without writing consumer code' },
  { type: 'boolean', name: 'format-conversion', group: WORKLOAD, description: 'convert JSON to Parquet or ORC on the way to S3' },
  { type: 'boolean', name: 'partition-by-field', group: WORKLOAD, description: 'S3 prefixes taken from a field in each record' },
  {
    type: 'number', name: 'latency-ms', value: 'N', group: WORKLOAD,
    description: 'end-to-end budget from producer to consumer or destination, in milliseconds',
    rule: { min: 0, minExclusive: true, max: 86_400_000, unit: 'milliseconds' },
  },
  {
    type: 'number', name: 'max-message-kb', value: 'N', group: WORKLOAD,
    description: 'the largest single message, in KiB (1 KiB = 1,024 bytes)',
    rule: { min: 0, minExclusive: true, max: 1_073_741_824, unit: 'KiB' },
  },
  {
    type: 'number', name: 'mbps', value: 'N', group: WORKLOAD,
    description: 'sustained writes in MiB/s',
    rule: { min: 0, minExclusive: true, max: 1_048_576, unit: 'MiB/s' },
  },
  {
    type: 'number', name: 'messages-per-sec', value: 'N', group: WORKLOAD,
    description: 'sustained messages written per second',
    rule: { min: 0, minExclusive: true, max: 1_000_000_000, unit: 'messages per second' },
  },
  { type: 'boolean', name: 'kafka-api', group: WORKLOAD, description: 'producers and consumers must speak the Kafka protocol' },
  { type: 'boolean', name: 'content-routing', group: WORKLOAD, description: 'messages go to different targets depending on their content' },
];

export const COMPARE_OPTIONS: readonly OptionSpec[] = [...MATRIX_OPTIONS, RECOMMEND_OPTION, ...WORKLOAD_OPTIONS, JSON_OPTION];

/** The raw flag values, as commander parsed them. */
export interface CompareFlags {
  readonly services?: string;
  readonly all?: boolean;
  readonly rows?: string;
  readonly sources?: boolean;
  readonly recommend?: boolean;
  readonly replay?: boolean;
  readonly replayDays?: number;
  readonly consumers?: number;
  readonly ordering?: Ordering;
  readonly exactlyOnce?: boolean;
  readonly perMessageAck?: boolean;
  readonly perMessageDelay?: boolean;
  readonly destination?: Destination;
  /** commander's value for --no-code: false when it was given, true otherwise. */
  readonly code?: boolean;
  readonly formatConversion?: boolean;
  readonly partitionByField?: boolean;
  readonly latencyMs?: number;
  readonly maxMessageKb?: number;
  readonly mbps?: number;
  readonly messagesPerSec?: number;
  readonly kafkaApi?: boolean;
  readonly contentRouting?: boolean;
  readonly json?: boolean;
}

/** Every workload flag, in the order of the help, as the user types it. */
export const WORKLOAD_FLAG_NAMES: readonly string[] = WORKLOAD_OPTIONS.map((o) =>
  o.type === 'boolean' ? `--${o.name}` : `--${o.name} ${o.type === 'string' && o.choices ? o.choices.join('|') : o.value}`,
);

/** The workload flags given on this command line ("--replay", "--mbps"), in help order. */
export function givenWorkloadFlags(flags: CompareFlags): string[] {
  const given: [boolean, string][] = [
    [flags.replay === true, '--replay'],
    [flags.replayDays !== undefined, '--replay-days'],
    [flags.consumers !== undefined, '--consumers'],
    [flags.ordering !== undefined, '--ordering'],
    [flags.exactlyOnce === true, '--exactly-once'],
    [flags.perMessageAck === true, '--per-message-ack'],
    [flags.perMessageDelay === true, '--per-message-delay'],
    [flags.destination !== undefined, '--destination'],
    [flags.code === false, '--no-code'],
    [flags.formatConversion === true, '--format-conversion'],
    [flags.partitionByField === true, '--partition-by-field'],
    [flags.latencyMs !== undefined, '--latency-ms'],
    [flags.maxMessageKb !== undefined, '--max-message-kb'],
    [flags.mbps !== undefined, '--mbps'],
    [flags.messagesPerSec !== undefined, '--messages-per-sec'],
    [flags.kafkaApi === true, '--kafka-api'],
    [flags.contentRouting === true, '--content-routing'],
  ];
  return given.filter(([on]) => on).map(([, name]) => name);
}

/** The matrix flags given on this command line. */
export function givenMatrixFlags(flags: CompareFlags): string[] {
  const given: [boolean, string][] = [
    [flags.services !== undefined, '--services'],
    [flags.all === true, '--all'],
    [flags.rows !== undefined, '--rows'],
    [flags.sources === true, '--sources'],
  ];
  return given.filter(([on]) => on).map(([, name]) => name);
}

function splitList(flag: string, raw: string, allowed: readonly string[]): string[] {
  const items = raw.split(',').map((s) => s.trim());
  const allowedText = allowed.join(', ');
  if (items.some((s) => s.length === 0)) {
    throw new UsageError(`${flag} expects ids separated by commas, got '${raw}'; choose from ${allowedText}.`);
  }
  const unknown = items.filter((s) => !allowed.includes(s));
  if (unknown.length > 0) {
    const which = unknown.map((u) => `'${u}'`).join(', ');
    throw new UsageError(`${flag}: unknown ${unknown.length === 1 ? 'id' : 'ids'} ${which}; choose from ${allowedText}.`);
  }
  return [...new Set(items)];
}

/** The matrix columns: --services in the order given, every service with --all, else the default four. */
export function chooseServices(flags: CompareFlags): ServiceId[] {
  if (flags.all === true && flags.services !== undefined) {
    throw new UsageError(`--all and --services '${flags.services}' both choose the columns: use one of them.`);
  }
  if (flags.all === true) return [...SERVICE_IDS];
  if (flags.services === undefined) return [...DEFAULT_SERVICES];
  return splitList('--services', flags.services, SERVICE_IDS).filter(isServiceId);
}

export function chooseRows(flags: CompareFlags): RowId[] {
  if (flags.rows === undefined) return [...ROW_IDS];
  return splitList('--rows', flags.rows, ROW_IDS).filter(isRowId);
}

/** Combines the workload flags into the advisor's input; flags that need another flag are usage errors. */
export function toWorkload(flags: CompareFlags): Workload {
  const noCode = flags.code === false;
  if (noCode && flags.destination === undefined) {
    throw new UsageError('--no-code needs --destination: name where the data must arrive without code (s3, redshift, ...).');
  }
  if ((flags.formatConversion === true || flags.partitionByField === true) && flags.destination === undefined) {
    const flag = flags.formatConversion === true ? '--format-conversion' : '--partition-by-field';
    throw new UsageError(`${flag} is about delivery to S3: add --destination s3.`);
  }
  return {
    ...EMPTY_WORKLOAD,
    replay: flags.replay === true || flags.replayDays !== undefined,
    replayDays: flags.replayDays,
    consumers: flags.consumers,
    ordering: flags.ordering ?? 'none',
    exactlyOnce: flags.exactlyOnce === true,
    perMessageAck: flags.perMessageAck === true,
    perMessageDelay: flags.perMessageDelay === true,
    destination: flags.destination,
    noCode,
    formatConversion: flags.formatConversion === true,
    partitionByField: flags.partitionByField === true,
    latencyMs: flags.latencyMs,
    maxMessageKiB: flags.maxMessageKb,
    mbps: flags.mbps,
    messagesPerSec: flags.messagesPerSec,
    kafkaApi: flags.kafkaApi === true,
    contentRouting: flags.contentRouting === true,
  };
}

/** The flags that reproduce a workload, so that an interactive run can be scripted next time. */
export function equivalentCommand(w: Workload): string {
  const parts = ['kds compare --recommend'];
  if (w.kafkaApi) parts.push('--kafka-api');
  if (w.destination !== undefined) parts.push(`--destination ${w.destination}`);
  if (w.noCode) parts.push('--no-code');
  if (w.formatConversion) parts.push('--format-conversion');
  if (w.partitionByField) parts.push('--partition-by-field');
  if (w.consumers !== undefined) parts.push(`--consumers ${w.consumers}`);
  if (w.replayDays !== undefined) parts.push(`--replay-days ${w.replayDays}`);
  else if (w.replay) parts.push('--replay');
  if (w.ordering !== 'none') parts.push(`--ordering ${w.ordering}`);
  if (w.exactlyOnce) parts.push('--exactly-once');
  if (w.perMessageAck) parts.push('--per-message-ack');
  if (w.perMessageDelay) parts.push('--per-message-delay');
  if (w.contentRouting) parts.push('--content-routing');
  if (w.latencyMs !== undefined) parts.push(`--latency-ms ${w.latencyMs}`);
  if (w.maxMessageKiB !== undefined) parts.push(`--max-message-kb ${w.maxMessageKiB}`);
  if (w.mbps !== undefined) parts.push(`--mbps ${w.mbps}`);
  if (w.messagesPerSec !== undefined) parts.push(`--messages-per-sec ${w.messagesPerSec}`);
  return parts.join(' ');
}
