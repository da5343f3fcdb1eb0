/** The sentences kds size says: which limit binds and why, and what each finding means. */
import { ADVANTAGE_EFO_CONDITION, BILLING, SHARD, STREAM } from '../core/facts.js';
import type { ConstraintId } from '../core/size/constraints.js';
import type { SizeResult } from '../core/size/size.js';
import type { Finding } from '../core/size/warnings.js';
import { formatBytes, formatInt, formatMibPerSec, formatNumber, formatPercent, plural } from './format.js';
import { formatSeconds } from './duration.js';
import { explainTrafficBinding } from './size-traffic-text.js';

export const CONSTRAINT_LABELS: Record<ConstraintId, string> = {
  'write-bytes': 'write bytes',
  'write-records': 'write records',
  'read-bytes': 'shared read bytes',
  'surge-bytes': 'surge write bytes',
  'surge-records': 'surge write records',
  'consumer-speed': 'consumer speed',
  'lag-records': 'lag budget, records',
  'lag-bytes': 'lag budget, reads',
};

/** The label as the subject of a sentence, with its verb: "write bytes come", "consumer speed comes". */
const SINGULAR: readonly ConstraintId[] = ['consumer-speed', 'lag-records', 'lag-bytes'];
function closest(id: ConstraintId): string {
  return `${CONSTRAINT_LABELS[id]} ${SINGULAR.includes(id) ? 'comes' : 'come'} closest to it`;
}

function demandOf(result: SizeResult, id: ConstraintId): number {
  return result.constraints.find((c) => c.id === id)?.demand ?? 0;
}

/** One or two sentences a learner understands: which limit decides the shard count, and why. */
export function explainBinding(result: SizeResult): string {
  const n = plural(result.minimumShards, 'shard');
  const ties = result.constraints
    .filter((c) => c.id !== result.binding && c.shards === result.minimumShards && c.shards > 0)
    .map((c) => CONSTRAINT_LABELS[c.id]);
  const tie = ties.length > 0 ? ` (${ties.join(' and ')} need as many)` : '';
  if (result.minimumShards === 1) {
    return (
      `One shard is enough: every limit fits within a single shard's capacity, and ` +
      `${closest(result.binding)}.`
    );
  }
  switch (result.binding) {
    case 'write-bytes': {
      const limit = formatMibPerSec(SHARD.writeBytesPerSec.value);
      return (
        `Write bytes decide the count: ${formatMibPerSec(result.writeBytesPerSec)} of writes, at ${limit} per shard, ` +
        `need ${n}${tie}. Each shard accepts at most ${limit} (data plus partition keys), so the bytes must be spread over that many shards.`
      );
    }
    case 'write-records': {
      const records = formatNumber(demandOf(result, 'write-records'));
      const perShard = formatInt(SHARD.writeRecordsPerSec.value);
      const bytesShards = result.constraints.find((c) => c.id === 'write-bytes')?.shards ?? 1;
      const kplHint = result.input.kpl ? '' : ' KPL aggregation (--kpl) packs small records together to lift this limit.';
      const fewer =
        bytesShards < result.minimumShards
          ? ` The bytes alone would fit in ${plural(Math.max(1, bytesShards), 'shard')}: many small records reach the record limit first.`
          : '';
      return `Write records decide the count: ${records} records/s, at ${perShard} records/s per shard, need ${n}${tie}.${fewer}${kplHint}`;
    }
    case 'read-bytes': {
      const consumers = result.input.sharedConsumers;
      const perShard = formatMibPerSec(SHARD.sharedReadBytesPerSec.value);
      return (
        `Shared reads decide the count: ${plural(consumers, 'consumer')} each read all ${formatMibPerSec(result.writeBytesPerSec)}, ` +
        `${formatMibPerSec(demandOf(result, 'read-bytes'))} in total, and a shard serves ${perShard} to all of its shared readers together, ` +
        `so ${n}${tie}. With enhanced fan-out each consumer gets its own ${formatMibPerSec(SHARD.efoReadBytesPerSec.value)} per shard, ` +
        `and ${plural(result.shardsWithoutSharedReads, 'shard')} would do.`
      );
    }
    default:
      return explainTrafficBinding(result, n, tie);
  }
}

/** A finding in plain words, with what to do about it. */
export function findingText(finding: Finding): string {
  switch (finding.id) {
    case 'getrecords-calls':
      return (
        `${finding.consumers} shared consumers each poll every shard, but a shard answers only ${finding.callsPerShard} ` +
        `GetRecords calls per second in all, so they throttle each other whatever the shard count. ` +
        `Move readers to enhanced fan-out (--efo-consumers).`
      );
    case 'efo-consumer-limit':
      return finding.consumers > finding.advantageLimit
        ? `${finding.consumers} enhanced fan-out consumers: no capacity mode allows more than ${finding.advantageLimit} per stream ` +
            `(${ADVANTAGE_EFO_CONDITION}). ` +
            `Copy the data to a second stream for the rest.`
        : `${finding.consumers} enhanced fan-out consumers: a provisioned or On-demand Standard stream registers at most ${finding.limit}; ` +
            `On-demand Advantage allows ${finding.advantageLimit}, in the Regions AWS lists for it.`;
    case 'record-too-large':
      return finding.fixable
        ? `An average record of ${formatBytes(finding.recordBytes)} is over the default ${formatBytes(finding.limit)} maximum ` +
            `(data plus key). Raise the stream's maximum, up to ${formatBytes(STREAM.maxRecordBytesLimit.value)}, with ` +
            `update-max-record-size; AWS advises keeping such records under ` +
            `${formatPercent(STREAM.largeRecordShareAdvice.value, 0)} of traffic.`
        : `An average record of ${formatBytes(finding.recordBytes)} is over ${formatBytes(finding.limit)}, the largest record ` +
            `Kinesis accepts. Store the payload in S3 and put a pointer to it in the stream.`;
    case 'stream-shard-limit':
      return (
        `${formatInt(finding.shards)} shards is more than the ${formatInt(finding.limit)} a stream reaches by default. ` +
        `Request a quota increase, or split the traffic across streams.`
      );
    case 'lag-beyond-retention':
      return (
        `The surge and the lag budget together last ${formatSeconds(finding.seconds)}, longer than the ` +
        `${plural(finding.retentionHours, 'hour')} the stream keeps records: the oldest would expire before they are read. ` +
        `Raise --retention-hours or tighten the lag budget.`
      );
    case 'hot-key':
      return (
        `One partition key always lands on one shard, so no single key can carry more than ` +
        `${formatMibPerSec(finding.maxBytesPerSec)} or ${formatInt(finding.maxRecordsPerSec)} records/s, whatever the shard ` +
        `count. Check how your keys spread with kds keys analyze.`
      );
    case 'kpl-needs-records':
      return 'KPL aggregation changes the records limit only; pass --records to see its effect.';
    case 'kpl-deaggregation':
      return (
        'Aggregated records must be de-aggregated by their readers: KCL and Firehose do it; a Lambda consumer needs the ' +
        'kinesis-aggregation library.'
      );
  }
}

/** "the first 25 KiB" style note for the cost table when record sizes are unknown. */
export function approximateCostNote(): string {
  return (
    `Records/s unknown: PUT payload units assume full ${formatBytes(BILLING.putPayloadUnitBytes.value)} units and ` +
    `on-demand ingest assumes no per-record rounding (pass --records for exact figures).`
  );
}
