/**
 * Requirements that cannot hold together whatever the service: said plainly, with what to change,
 * instead of a silent pick.
 */
import { EVENTBRIDGE, FIREHOSE, MSK, SHARD, SNS, SQS, STREAM } from '../facts.js';
import { KIB, MIB } from '../units.js';
import { FASTEST_ORDERED_LANE_BYTES } from './requirements.js';
import { DESTINATION_NAMES, type Workload } from './workload.js';
import { bytes, list, num, rate } from './words.js';

export type ConflictId = 'message-too-large' | 'global-order-throughput' | 'no-code-custom' | 'firehose-feature-destination';

export interface Conflict {
  readonly id: ConflictId;
  /** The flags involved. */
  readonly flags: readonly string[];
  readonly explanation: string;
  /** What to change to get a recommendation. */
  readonly suggestion: string;
}

export function findConflicts(w: Workload): Conflict[] {
  const conflicts: Conflict[] = [];
  const size = w.maxMessageKiB === undefined ? undefined : w.maxMessageKiB * KIB;
  const largest = STREAM.maxRecordBytesLimit.value;
  if (size !== undefined && size > largest) {
    conflicts.push({
      id: 'message-too-large',
      flags: ['--max-message-kb'],
      explanation:
        `No AWS messaging or streaming service carries a ${bytes(size)} message. The largest are Kinesis at ` +
        `${bytes(largest)} per record and MSK Serverless at ${bytes(MSK.serverlessMaxMessageBytes.value)}; ` +
        `SQS and SNS stop at ${bytes(SQS.maxMessageBytes.value)}, EventBridge at 1 MB and Firehose at ${bytes(FIREHOSE.maxRecordBytes.value)}.`,
      suggestion:
        'Store the payload in S3 and send a pointer to it (the claim-check pattern; the SQS and SNS Extended Client ' +
        'Libraries do this for payloads up to 2 GB), then run again with --max-message-kb set to the size of the pointer message.',
    });
  }
  const writeBytes = w.mbps === undefined ? undefined : w.mbps * MIB;
  if (w.ordering === 'global' && writeBytes !== undefined && writeBytes > FASTEST_ORDERED_LANE_BYTES) {
    conflicts.push({
      id: 'global-order-throughput',
      flags: ['--ordering global', '--mbps'],
      explanation:
        `A global order puts every message through one ordered lane, read by one consumer in sequence: one Kinesis shard ` +
        `(${rate(SHARD.writeBytesPerSec.value)}), one MSK Serverless partition (${num(MSK.serverlessPartitionIngressBytesPerSec.value / 1e6)} MB/s) ` +
        `or one SQS FIFO message group (one batch at a time). ${rate(writeBytes)} is more than any single ordered lane AWS documents.`,
      suggestion:
        'Order per entity instead (--ordering per-key): each key keeps its order and the keys spread over shards, ' +
        'partitions or message groups. If the order really is global, lower the rate that needs it.',
    });
  }
  if (w.noCode && w.destination === 'custom') {
    conflicts.push({
      id: 'no-code-custom',
      flags: ['--no-code', '--destination custom'],
      explanation: '--destination custom means your own consumer code reads the data, and --no-code says there is none.',
      suggestion: `Name the store the data must reach (--destination ${['s3', 'redshift', 'opensearch', 'splunk', 'snowflake', 'iceberg', 'http'].join('|')}), or drop --no-code.`,
    });
  }
  const dest = w.destination;
  const features = [
    ...(w.formatConversion && dest !== undefined && dest !== 's3' && dest !== 'iceberg' ? ['--format-conversion'] : []),
    ...(w.partitionByField && dest !== undefined && dest !== 's3' ? ['--partition-by-field'] : []),
  ];
  if (features.length > 0 && dest !== undefined) {
    conflicts.push({
      id: 'firehose-feature-destination',
      flags: [...features, `--destination ${dest}`],
      explanation:
        `${list(features)} ${features.length === 1 ? 'is a Firehose feature' : 'are Firehose features'} for Amazon S3 ` +
        `(Parquet/ORC conversion and prefixes from record fields), and the data goes to ${DESTINATION_NAMES[dest]}.`,
      suggestion: `Use --destination s3, or drop ${list(features)}.`,
    });
  }
  return conflicts;
}

/** The message-size ceilings named in the large-message explanation, for tests. */
export const NAMED_CEILINGS = {
  kinesis: STREAM.maxRecordBytesLimit.value,
  msk: MSK.serverlessMaxMessageBytes.value,
  sqs: SQS.maxMessageBytes.value,
  sns: SNS.maxMessageBytesRaised.value,
  eventbridge: EVENTBRIDGE.maxEventBytes.value,
  firehose: FIREHOSE.maxRecordBytes.value,
} as const;
