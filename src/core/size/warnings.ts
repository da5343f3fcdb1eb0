/** Limits that adding shards cannot fix, and facts a learner should not miss. Data, not text. */
import { SHARD, STREAM } from '../facts.js';
import { averageRecordBytes, effectiveSurge, readerCount, type SizeInput } from './input.js';
import { exceedsStreamShardLimit } from './reshard.js';

export type Finding =
  /** More shared consumers than GetRecords calls a shard allows per second. */
  | { readonly id: 'getrecords-calls'; readonly level: 'warning'; readonly consumers: number; readonly callsPerShard: number }
  /** More enhanced fan-out consumers than a stream may register. */
  | {
      readonly id: 'efo-consumer-limit';
      readonly level: 'warning';
      readonly consumers: number;
      readonly limit: number;
      readonly advantageLimit: number;
    }
  /** The average record is above the default maximum record size, or above the largest possible. */
  | { readonly id: 'record-too-large'; readonly level: 'warning'; readonly recordBytes: number; readonly limit: number; readonly fixable: boolean }
  /** The stream would need more shards than one stream may have without a quota increase. */
  | { readonly id: 'stream-shard-limit'; readonly level: 'warning'; readonly shards: number; readonly limit: number }
  /** The surge plus the lag budget last longer than the stream keeps records: some expire unread. */
  | { readonly id: 'lag-beyond-retention'; readonly level: 'warning'; readonly seconds: number; readonly retentionHours: number }
  /** One partition key is pinned to one shard. */
  | { readonly id: 'hot-key'; readonly level: 'note'; readonly maxBytesPerSec: number; readonly maxRecordsPerSec: number }
  /** --kpl was given but the record count is unknown, so aggregation changes nothing here. */
  | { readonly id: 'kpl-needs-records'; readonly level: 'note' }
  /** Aggregated records must be de-aggregated by consumers. */
  | { readonly id: 'kpl-deaggregation'; readonly level: 'note' };

export function findWarnings(input: SizeInput, recommendedShards: number): Finding[] {
  const findings: Finding[] = [];
  const calls = SHARD.getRecordsCallsPerSec.value;
  if (input.sharedConsumers > calls) {
    findings.push({ id: 'getrecords-calls', level: 'warning', consumers: input.sharedConsumers, callsPerShard: calls });
  }
  const efoLimit = STREAM.efoConsumersPerStream.value;
  if (input.efoConsumers > efoLimit) {
    findings.push({
      id: 'efo-consumer-limit',
      level: 'warning',
      consumers: input.efoConsumers,
      limit: efoLimit,
      advantageLimit: STREAM.efoConsumersPerStreamAdvantage.value,
    });
  }
  const recordBytes = averageRecordBytes(input);
  if (recordBytes !== undefined && recordBytes > STREAM.maxRecordBytesDefault.value) {
    const fixable = recordBytes <= STREAM.maxRecordBytesLimit.value;
    findings.push({
      id: 'record-too-large',
      level: 'warning',
      recordBytes,
      limit: fixable ? STREAM.maxRecordBytesDefault.value : STREAM.maxRecordBytesLimit.value,
      fixable,
    });
  }
  if (exceedsStreamShardLimit(recommendedShards)) {
    findings.push({ id: 'stream-shard-limit', level: 'warning', shards: recommendedShards, limit: STREAM.maxShardsPerStream.value });
  }
  const surge = effectiveSurge(input);
  if (surge !== undefined && input.maxLagSeconds !== undefined && readerCount(input) > 0) {
    const seconds = surge.seconds + input.maxLagSeconds;
    if (seconds > input.retentionHours * 3600) {
      findings.push({ id: 'lag-beyond-retention', level: 'warning', seconds, retentionHours: input.retentionHours });
    }
  }
  if (input.kpl && input.recordsPerSec === undefined) findings.push({ id: 'kpl-needs-records', level: 'note' });
  if (input.kpl) findings.push({ id: 'kpl-deaggregation', level: 'note' });
  findings.push({
    id: 'hot-key',
    level: 'note',
    maxBytesPerSec: SHARD.writeBytesPerSec.value,
    maxRecordsPerSec: SHARD.writeRecordsPerSec.value,
  });
  return findings;
}
