/**
 * The hard requirements a workload can state, and what each means for each candidate: it rules the
 * candidate out (with the reason), or the candidate meets it (how), possibly with a caveat.
 */
import {
  ADVANTAGE_EFO_CONDITION,
  EVENTBRIDGE,
  FIREHOSE,
  KDS_COMPARED,
  MSK,
  SHARD,
  SNS,
  SQS,
  SQS_FIFO,
  STREAM,
} from '../facts.js';
import { KIB, MIB } from '../units.js';
import { CANDIDATE_NAMES, type CandidateId } from './candidates.js';
import {
  consumerCount,
  DESTINATION_NAMES,
  isFirehoseSink,
  wantsReplay,
  type Destination,
  type Workload,
} from './workload.js';
import { bytes, count, duration, millis, num, rate } from './words.js';

export const REQUIREMENT_IDS = [
  'kafka-api',
  'max-message-size',
  'replay',
  'ordering',
  'consumers',
  'exactly-once',
  'per-message-ack',
  'per-message-delay',
  'destination',
  'format-conversion',
  'partition-by-field',
  'latency',
  'throughput',
] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/** The flags that state each requirement, for explanations that tell the user what to change. */
export const REQUIREMENT_FLAGS: Readonly<Record<RequirementId, string>> = {
  'kafka-api': '--kafka-api',
  'max-message-size': '--max-message-kb',
  replay: '--replay / --replay-days',
  ordering: '--ordering',
  consumers: '--consumers',
  'exactly-once': '--exactly-once',
  'per-message-ack': '--per-message-ack',
  'per-message-delay': '--per-message-delay',
  destination: '--destination / --no-code',
  'format-conversion': '--format-conversion',
  'partition-by-field': '--partition-by-field',
  latency: '--latency-ms',
  throughput: '--mbps / --messages-per-sec',
};

export interface Verdict {
  /** Set when the requirement rules the candidate out: why, in plain words. */
  readonly fails?: string;
  /** How the candidate meets the requirement (said when it is recommended). */
  readonly how?: string;
  /** A caveat that holds even though it fits. */
  readonly note?: string;
}

const OK: Verdict = {};
const fail = (fails: string): Verdict => ({ fails });
const how = (text: string, note?: string): Verdict => (note === undefined ? { how: text } : { how: text, note });

/** The fastest single ordered lane AWS publishes a byte rate for: one MSK Serverless partition. */
export const FASTEST_ORDERED_LANE_BYTES = Math.max(SHARD.writeBytesPerSec.value, MSK.serverlessPartitionIngressBytesPerSec.value);

/** The destination the advisor assumes: your own consumer code when none is given. */
export function effectiveDestination(w: Workload): Destination {
  return w.destination ?? 'custom';
}

function messageBytes(w: Workload): number | undefined {
  return w.maxMessageKiB === undefined ? undefined : w.maxMessageKiB * KIB;
}

function writeBytes(w: Workload): number | undefined {
  return w.mbps === undefined ? undefined : w.mbps * MIB;
}

function over(value: number | undefined, limit: number): boolean {
  return value !== undefined && value > limit;
}

/** Is the requirement stated by this workload? */
export function isActive(id: RequirementId, w: Workload): boolean {
  switch (id) {
    case 'kafka-api':
      return w.kafkaApi;
    case 'max-message-size':
      return w.maxMessageKiB !== undefined;
    case 'replay':
      return wantsReplay(w);
    case 'ordering':
      return w.ordering !== 'none';
    case 'consumers':
      return consumerCount(w) >= 2;
    case 'exactly-once':
      return w.exactlyOnce;
    case 'per-message-ack':
      return w.perMessageAck;
    case 'per-message-delay':
      return w.perMessageDelay;
    case 'destination':
      return true;
    case 'format-conversion':
      return w.formatConversion;
    case 'partition-by-field':
      return w.partitionByField;
    case 'latency':
      return w.latencyMs !== undefined;
    case 'throughput':
      return w.mbps !== undefined || w.messagesPerSec !== undefined;
  }
}

/** The workload without one requirement: used to say which requirement, if dropped, lets something fit. */
export function relax(w: Workload, id: RequirementId): Workload {
  switch (id) {
    case 'kafka-api':
      return { ...w, kafkaApi: false };
    case 'max-message-size':
      return { ...w, maxMessageKiB: undefined };
    case 'replay':
      return { ...w, replay: false, replayDays: undefined };
    case 'ordering':
      return { ...w, ordering: 'none' };
    case 'consumers':
      return { ...w, consumers: undefined };
    case 'exactly-once':
      return { ...w, exactlyOnce: false };
    case 'per-message-ack':
      return { ...w, perMessageAck: false };
    case 'per-message-delay':
      return { ...w, perMessageDelay: false };
    case 'destination':
      return { ...w, destination: undefined, noCode: false };
    case 'format-conversion':
      return { ...w, formatConversion: false };
    case 'partition-by-field':
      return { ...w, partitionByField: false };
    case 'latency':
      return { ...w, latencyMs: undefined };
    case 'throughput':
      return { ...w, mbps: undefined, messagesPerSec: undefined };
  }
}

function kafka(_w: Workload, c: CandidateId): Verdict {
  return c === 'msk' ? how('Existing Kafka clients, connectors and tools work unchanged.') : fail('it does not speak the Kafka protocol; only MSK does.');
}

function messageSize(w: Workload, c: CandidateId): Verdict {
  const size = messageBytes(w);
  if (size === undefined) return OK;
  const shown = bytes(size);
  switch (c) {
    case 'kds':
      if (size > STREAM.maxRecordBytesLimit.value) {
        return fail(`a Kinesis record is at most ${bytes(STREAM.maxRecordBytesLimit.value)}, and ${shown} is larger.`);
      }
      if (size > STREAM.maxRecordBytesDefault.value) {
        return how(
          `${shown} records fit once the stream's maximum record size is raised (update-max-record-size, up to ${bytes(STREAM.maxRecordBytesLimit.value)} since Oct 2025).`,
          `AWS meant records above ${bytes(STREAM.maxRecordBytesDefault.value)} for occasional use: keep them under ${num(STREAM.largeRecordShareAdvice.value * 100)}% of the traffic.`,
        );
      }
      return how(`${shown} messages fit in Kinesis records (${bytes(STREAM.maxRecordBytesDefault.value)} by default).`);
    case 'kds+firehose':
      if (size > FIREHOSE.maxRecordBytes.value) {
        return fail(`Firehose takes records of at most ${bytes(FIREHOSE.maxRecordBytes.value)} (less than 1 MiB), and ${shown} is larger.`);
      }
      return OK;
    case 'firehose':
      if (size > FIREHOSE.maxRecordBytes.value) {
        return fail(`a Firehose record is at most ${bytes(FIREHOSE.maxRecordBytes.value)} (less than 1 MiB), and ${shown} is larger.`);
      }
      return OK;
    case 'sqs-standard':
    case 'sqs-fifo':
      if (size > SQS.maxMessageBytes.value) {
        return fail(
          `an SQS message is at most ${bytes(SQS.maxMessageBytes.value)} (since Aug 2025), and ${shown} is larger; bigger payloads need S3 and the Extended Client Library.`,
        );
      }
      return OK;
    case 'sns+sqs':
      if (size > SNS.maxMessageBytesRaised.value) {
        return fail(`an SNS message is at most ${bytes(SNS.maxMessageBytesRaised.value)}, and ${shown} is larger.`);
      }
      if (size > SNS.maxMessageBytesDefault.value) {
        if (consumerCount(w) > SNS.largeMessageMaxSubscriptions.value) {
          return fail(
            `a topic takes messages above ${bytes(SNS.maxMessageBytesDefault.value)} only with at most ${num(SNS.largeMessageMaxSubscriptions.value)} subscriptions, and ${num(consumerCount(w))} are needed.`,
          );
        }
        return how(
          `${shown} messages fit once the topic's MaximumMessageSize is raised (up to ${bytes(SNS.maxMessageBytesRaised.value)}).`,
          `Such a topic allows only SQS, Lambda and Firehose subscriptions, at most ${num(SNS.largeMessageMaxSubscriptions.value)}.`,
        );
      }
      return OK;
    case 'eventbridge':
      if (size > EVENTBRIDGE.maxEventBytes.value) {
        return fail(`an EventBridge event is at most 1 MB (kds counts ${num(EVENTBRIDGE.maxEventBytes.value)} bytes), and ${shown} is larger.`);
      }
      return OK;
    case 'msk':
      if (size > MSK.serverlessMaxMessageBytes.value) {
        return fail(
          `an MSK Serverless topic takes messages of at most ${bytes(MSK.serverlessMaxMessageBytes.value)}, and ${shown} is larger (a provisioned cluster can be configured higher; kds does not check that).`,
        );
      }
      return OK;
  }
}

function replay(w: Workload, c: CandidateId): Verdict {
  const days = w.replayDays;
  const tooFar = days !== undefined && days > STREAM.retentionMaxHours.value / 24;
  switch (c) {
    case 'sqs-standard':
    case 'sqs-fifo':
      return fail('a queue deletes a message once it is processed; nothing is left to read again.');
    case 'firehose':
      return fail('Firehose keeps no copy to read again; it only delivers.');
    case 'kds':
    case 'kds+firehose': {
      if (tooFar) {
        return fail(`Kinesis keeps data at most ${num(STREAM.retentionMaxHours.value / 24)} days (${num(STREAM.retentionMaxHours.value)} hours).`);
      }
      const window = days === undefined ? 'within the retention period' : `for ${count(days, 'day')}`;
      const longTerm = days !== undefined && days * 24 > STREAM.retentionExtendedMaxHours.value;
      return how(
        `Each consumer can re-read the stream from any point ${window}: set the retention to cover it (up to ${num(STREAM.retentionMaxHours.value / 24)} days).`,
        longTerm ? 'Data kept longer than 7 days is billed as long-term retention, per GB-month.' : undefined,
      );
    }
    case 'sns+sqs':
      if (days !== undefined && days > SNS.fifoArchiveMaxDays.value) {
        return fail(`an SNS FIFO topic archives at most ${num(SNS.fifoArchiveMaxDays.value)} days.`);
      }
      return how('An SNS FIFO topic with an archive policy replays messages to a subscription from a chosen time.', 'Replay needs FIFO topics and FIFO queues, with their lower throughput.');
    case 'eventbridge':
      if (days !== undefined && days > EVENTBRIDGE.customBusRetentionMaxDays.value) {
        return fail(`EventBridge keeps events at most ${num(EVENTBRIDGE.customBusRetentionMaxDays.value)} days.`);
      }
      return how('A Custom Event Bus keeps every event (1 to 365 days) and a subscriber can start from a past time; Classic buses replay from archives.');
    case 'msk':
      return how('Kafka topics can keep data without a time limit; a consumer group can reset its offsets to any point.');
  }
}

function ordering(w: Workload, c: CandidateId): Verdict {
  if (w.ordering === 'none') return OK;
  const global = w.ordering === 'global';
  const b = writeBytes(w);
  const m = w.messagesPerSec;
  switch (c) {
    case 'sqs-standard':
      return fail('a standard queue keeps only best-effort order.');
    case 'firehose':
      return fail('Firehose documents no ordering guarantee.');
    case 'kds':
    case 'kds+firehose':
      if (global) {
        if (over(b, SHARD.writeBytesPerSec.value) || over(m, SHARD.writeRecordsPerSec.value)) {
          return fail(
            `a global order needs a single shard, which takes at most ${rate(SHARD.writeBytesPerSec.value)} and ${num(SHARD.writeRecordsPerSec.value)} records/s.`,
          );
        }
        return how(
          'A global order means one shard: write every record with the same partition key.',
          `One shard never scales out: ${rate(SHARD.writeBytesPerSec.value)} and ${num(SHARD.writeRecordsPerSec.value)} records/s is the ceiling.`,
        );
      }
      return how(
        'Use the ordering key as the partition key: records with the same key land on the same shard and stay in order.',
        c === 'kds+firehose' ? 'The Firehose copy is not ordered; stream consumers are.' : undefined,
      );
    case 'msk':
      if (global) {
        if (over(b, MSK.serverlessPartitionIngressBytesPerSec.value)) {
          return fail(
            `a global order needs a single partition; an MSK Serverless partition takes at most ${num(MSK.serverlessPartitionIngressBytesPerSec.value / 1e6)} MB/s (AWS publishes no figure for a provisioned broker).`,
          );
        }
        return how('A global order means one partition.', `One MSK Serverless partition takes at most ${num(MSK.serverlessPartitionIngressBytesPerSec.value / 1e6)} MB/s.`);
      }
      return how('Use the ordering key as the message key: it picks the partition, and order holds within a partition.');
    case 'sqs-fifo':
    case 'sns+sqs': {
      const prefix = c === 'sns+sqs' ? 'An SNS FIFO topic feeding SQS FIFO queues keeps order within a message group' : 'Order holds within a message group';
      if (global) {
        if (over(m, SQS_FIFO.transactionsPerSecond.value)) {
          return fail(
            `a global order needs a single message group, which moves at most ${num(SQS_FIFO.transactionsPerSecond.value)} messages/s, one batch at a time.`,
          );
        }
        if (over(b, FASTEST_ORDERED_LANE_BYTES)) {
          return fail(
            `a global order needs a single message group, processed one batch at a time, and AWS publishes no byte rate for it; kds will not rest ${rate(b ?? 0)} on it (the fastest single ordered lane AWS documents is ${num(FASTEST_ORDERED_LANE_BYTES / 1e6)} MB/s).`,
          );
        }
        return how(`${prefix}: a global order means one group for everything.`, `One group is consumed one batch at a time, at most ${num(SQS_FIFO.transactionsPerSecond.value)} messages/s.`);
      }
      return how(`${prefix}: use the ordering key as the message group id.`);
    }
    case 'eventbridge':
      if (global && over(b, FASTEST_ORDERED_LANE_BYTES)) {
        return fail(
          `a global order needs a single event group, and AWS publishes no throughput for one; kds will not rest ${rate(b ?? 0)} on it.`,
        );
      }
      return how(
        'A Custom Event Bus delivers in order within an event group, to each subscriber; use the key as the event group.',
        'Classic buses (rules and targets) do not keep order.',
      );
  }
}

function consumers(w: Workload, c: CandidateId): Verdict {
  const n = consumerCount(w);
  if (n < 2) return OK;
  const efo = STREAM.efoConsumersPerStream.value;
  const advantage = STREAM.efoConsumersPerStreamAdvantage.value;
  switch (c) {
    case 'sqs-standard':
    case 'sqs-fifo':
      return fail(`each message goes to one consumer; ${num(n)} independent applications would need a queue each (SNS fan-out).`);
    case 'firehose':
      return fail('a Firehose stream delivers to one destination, so it cannot feed several applications.');
    case 'kds':
    case 'kds+firehose': {
      const who = c === 'kds+firehose' ? `${num(n)} readers (Firehose is one of them)` : `${num(n)} applications`;
      if (n > advantage) {
        return fail(
          `a stream registers at most ${num(advantage)} enhanced fan-out consumers (${ADVANTAGE_EFO_CONDITION}; ${num(efo)} otherwise), and ${num(n)} shared readers would split ${num(SHARD.getRecordsCallsPerSec.value)} reads per second per shard.`,
        );
      }
      if (n > efo) {
        return how(
          `${who} each read the whole stream at their own pace.`,
          `More than ${num(efo)} enhanced fan-out consumers need On-demand Advantage (up to ${num(advantage)} since Nov 2025, in the Regions AWS lists for it).`,
        );
      }
      return how(`${who} each read the whole stream at their own pace, from their own position.`);
    }
    case 'sns+sqs':
      return how(`The topic copies every message to one queue per application (${num(n)} queues), each with its own retries and dead-letter queue.`);
    case 'eventbridge':
      return how(`Each of the ${num(n)} applications gets its own rule or subscriber.`);
    case 'msk':
      return how(`Each of the ${num(n)} applications reads as its own consumer group.`);
  }
}

function exactlyOnce(_w: Workload, c: CandidateId): Verdict {
  switch (c) {
    case 'kds':
    case 'kds+firehose':
      return fail('Kinesis delivers at least once; consumers must drop duplicates themselves (put an id in each record).');
    case 'sqs-standard':
      return fail('a standard queue delivers at least once and can repeat a message.');
    case 'firehose':
      return fail('Firehose does not drop what producers send twice; only its own retries into S3, Iceberg and Snowflake add no duplicates.');
    case 'sqs-fifo':
      return how(`The queue drops a repeated deduplication id within ${duration(SQS_FIFO.deduplicationWindowSeconds.value)}.`);
    case 'sns+sqs':
      return how('An SNS FIFO topic and SQS FIFO queues drop a repeated deduplication id within 5 minutes.');
    case 'eventbridge':
      return how(`A Custom Event Bus drops duplicates at publish time within ${duration(EVENTBRIDGE.customBusDeduplicationSeconds.value)}.`);
    case 'msk':
      return how('Kafka gives exactly-once with an idempotent producer and transactions, read with read_committed.');
  }
}

function perMessageAck(w: Workload, c: CandidateId): Verdict {
  switch (c) {
    case 'kds':
    case 'kds+firehose':
      if (w.ordering !== 'none') {
        return fail('Kinesis queues acknowledge single records but give no order, and ordered stream readers checkpoint per shard.');
      }
      return how(
        'A Kinesis queue on the stream acknowledges each record, with a visibility timeout and dead-letter records.',
        `Queues need an on-demand stream and count as one of its ${num(STREAM.efoConsumersPerStream.value)} registered consumers (${num(STREAM.efoConsumersPerStreamAdvantage.value)} ${ADVANTAGE_EFO_CONDITION}).`,
      );
    case 'firehose':
      return fail('Firehose has no consumer to acknowledge anything.');
    case 'msk':
      return fail('Kafka consumers commit an offset per partition, not an acknowledgement per message.');
    case 'eventbridge':
      return fail('EventBridge pushes to targets; there is no receive-and-acknowledge.');
    case 'sqs-standard':
    case 'sqs-fifo':
    case 'sns+sqs':
      return how(
        `Each message is acknowledged by deleting it; until then it is hidden for the visibility timeout (up to ${duration(SQS.visibilityTimeoutMaxSeconds.value)}), then retried or sent to a dead-letter queue.`,
      );
  }
}

function perMessageDelay(_w: Workload, c: CandidateId): Verdict {
  switch (c) {
    case 'sqs-standard':
      return how(`Message timers delay single messages by up to ${duration(SQS.deliveryDelayMaxSeconds.value)}.`);
    case 'sqs-fifo':
      return fail('a FIFO queue delays the whole queue, not single messages.');
    case 'sns+sqs':
      return fail('SNS cannot set a delay on a single message it delivers to a queue.');
    default:
      return fail('it has no delayed delivery for single messages.');
  }
}

function destination(w: Workload, c: CandidateId): Verdict {
  const dest = effectiveDestination(w);
  const where = DESTINATION_NAMES[dest];
  if (dest === 'custom') {
    const assumed = w.destination === undefined ? ' (no --destination given, so kds assumes your own consumers read the data)' : '';
    if (c === 'firehose') return fail(`Firehose only delivers to its destinations (S3, Redshift, OpenSearch, ...); it has no consumer API${assumed}.`);
    if (c === 'kds+firehose') return fail(`Firehose would have no destination to load${assumed}.`);
    return OK;
  }
  if (!isFirehoseSink(dest)) return OK;
  if (!w.noCode) {
    if (c === 'firehose' || c === 'kds+firehose') return how(`${where} is a built-in Firehose destination.`);
    return { note: writerNeeded(c, dest) };
  }
  switch (c) {
    case 'firehose':
    case 'kds+firehose':
      return how(`${where} is a built-in Firehose destination: no consumer code, and failed deliveries are retried.`);
    case 'sqs-standard':
    case 'sqs-fifo':
    case 'sns+sqs':
      return fail(`messages in a queue need consumer code to reach ${where}.`);
    case 'kds':
      if (dest === 's3' || dest === 'iceberg') {
        return how(
          `A channel delivers an on-demand stream to ${dest === 's3' ? 'an S3 bucket' : 'S3 Tables (Iceberg)'} with no code.`,
          `Channels need an on-demand stream and deliver every ${num(KDS_COMPARED.channelFreshnessMinSeconds.value / 60)} to 15 minutes.`,
        );
      }
      return fail(`a stream needs consumer code (or Firehose) to reach ${where}.`);
    case 'msk':
      return how(`Firehose can take the cluster as its source and load ${where}.`, 'That adds Firehose as a second service.');
    case 'eventbridge':
      if (dest === 'http') return how('API destinations call an HTTP endpoint with no code.');
      return fail(`EventBridge reaches ${where} only through a Firehose target; use Firehose itself.`);
  }
}

/**
 * What a candidate that does not deliver to a Firehose sink by itself leaves to the user: a consumer
 * that writes the data there, whose own time comes on top of the latency budget.
 */
function writerNeeded(c: CandidateId, dest: Destination): string {
  const where = DESTINATION_NAMES[dest];
  const writer = `add a consumer that writes the data to ${where} (a Lambda function or your own code)`;
  switch (c) {
    case 'kds':
      return dest === 's3' || dest === 'iceberg'
        ? `A stream does not write to ${where} by itself: ${writer}, or let Firehose or a channel read the stream, which take seconds to minutes; the latency budget must cover that writer too.`
        : `A stream does not write to ${where} by itself: ${writer}, or let Firehose read the stream; the latency budget must cover that writer too.`;
    case 'msk':
      return `Kafka does not write to ${where} by itself: ${writer}, a Kafka Connect sink connector, or Firehose with the cluster as its source.`;
    case 'eventbridge':
      return dest === 'http'
        ? 'API destinations call an HTTP endpoint; no other writer is needed.'
        : `EventBridge reaches ${where} only through a target that writes it: ${writer}, or a Firehose target.`;
    default:
      return `Messages wait in the queue until something takes them: ${writer}; the latency budget must cover that writer too.`;
  }
}

function firehoseFeature(feature: 'format-conversion' | 'partition-by-field') {
  const what = feature === 'format-conversion' ? 'converting JSON to Parquet or ORC' : 'S3 prefixes from a field in each record';
  return (w: Workload, c: CandidateId): Verdict => {
    // MSK reaches a sink without code only as Firehose's source, and then Firehose does the work.
    if (c === 'firehose' || c === 'kds+firehose' || (c === 'msk' && w.noCode && isFirehoseSink(effectiveDestination(w)))) {
      return how(
        feature === 'format-conversion'
          ? 'Firehose converts JSON to Parquet or ORC on the way (schema from the Glue Data Catalog).'
          : 'Firehose dynamic partitioning builds S3 prefixes from fields in each record.',
      );
    }
    if (w.noCode) return fail(`${what} without code is a Firehose feature.`);
    return { note: `You would do the ${what} in your own consumer code; Firehose does it with none.` };
  };
}

function latency(w: Workload, c: CandidateId): Verdict {
  const budget = w.latencyMs;
  if (budget === undefined) return OK;
  const dest = effectiveDestination(w);
  const firehoseFloor = FIREHOSE.zeroBufferingTypicalSeconds.value * 1000;
  // MSK reaches a sink without code only by being Firehose's source, so Firehose's timing applies.
  const firehosePath =
    c === 'firehose' || (isFirehoseSink(dest) && (c === 'kds+firehose' || (c === 'msk' && w.noCode)));
  if (firehosePath) {
    if (budget < 1000) {
      return fail(`Firehose delivers within seconds at best (zero buffering since Dec 2023), not within ${millis(budget)}.`);
    }
    if (w.partitionByField && budget < firehoseFloor) {
      return fail(
        `dynamic partitioning cannot use zero buffering and a batch can take ${num(FIREHOSE.dynamicPartitioningDelayFactor.value)}x the buffering interval, so ${millis(budget)} is out of reach.`,
      );
    }
    if (budget < firehoseFloor) {
      return how(
        'Set the buffering interval to 0 (zero buffering, since Dec 2023; the old minimum was 60 s).',
        `AWS says most streams with zero buffering deliver within about ${num(FIREHOSE.zeroBufferingTypicalSeconds.value)} s, so a ${millis(budget)} budget is tight.`,
      );
    }
    return how('Firehose buffers for seconds to minutes; set the buffering interval within the budget (0 to 900 s).');
  }
  if (c === 'kds' || c === 'kds+firehose') {
    if (w.noCode && (dest === 's3' || dest === 'iceberg') && c === 'kds' && budget < KDS_COMPARED.channelFreshnessMinSeconds.value * 1000) {
      return fail(`a channel delivers to S3 every ${num(KDS_COMPARED.channelFreshnessMinSeconds.value / 60)} to 15 minutes, far beyond ${millis(budget)}.`);
    }
    if (budget < KDS_COMPARED.sharedLatencyOneConsumerMs.value) {
      return how(
        `Enhanced fan-out pushes records in about ${num(KDS_COMPARED.efoLatencyMs.value)} ms; shared reads average about ${num(KDS_COMPARED.sharedLatencyOneConsumerMs.value)} ms or more.`,
        budget < KDS_COMPARED.efoLatencyMs.value ? `${millis(budget)} is below the ~${num(KDS_COMPARED.efoLatencyMs.value)} ms AWS quotes for enhanced fan-out: measure it.` : undefined,
      );
    }
    return how(`Kinesis reads arrive in about ${num(KDS_COMPARED.efoLatencyMs.value)} ms (enhanced fan-out) to ${num(KDS_COMPARED.sharedLatencyFiveConsumersMs.value / 1000)} s (five shared readers).`);
  }
  if (budget < KDS_COMPARED.sharedLatencyOneConsumerMs.value) {
    return { note: `AWS publishes no latency figure for ${CANDIDATE_NAMES[c]}; measure it against ${millis(budget)}.` };
  }
  return OK;
}

function throughput(w: Workload, c: CandidateId): Verdict {
  const b = writeBytes(w);
  const m = w.messagesPerSec;
  switch (c) {
    case 'sqs-fifo': {
      const ceiling = SQS_FIFO.highThroughputTransactionsPerSecond.value * SQS_FIFO.batchMessages.value;
      if (over(m, ceiling)) {
        return fail(`a FIFO queue moves at most ${num(ceiling)} messages/s (high-throughput mode, batches of 10, largest Regions).`);
      }
      if (over(m, SQS_FIFO.transactionsPerSecond.value * SQS_FIFO.batchMessages.value)) {
        return { note: `Above ${num(SQS_FIFO.transactionsPerSecond.value * SQS_FIFO.batchMessages.value)} messages/s, turn on high-throughput mode and spread messages over many group ids.` };
      }
      if (over(m, SQS_FIFO.transactionsPerSecond.value)) {
        return { note: `Above ${num(SQS_FIFO.transactionsPerSecond.value)} messages/s, send in batches of 10 or turn on high-throughput mode.` };
      }
      return OK;
    }
    case 'firehose':
      if (over(b, FIREHOSE.directPutBytesPerSec.value) || over(m, FIREHOSE.directPutRecordsPerSec.value)) {
        return {
          note: `That is above the default Direct PUT quota of ${rate(FIREHOSE.directPutBytesPerSec.value)} and ${num(FIREHOSE.directPutRecordsPerSec.value)} records/s per Firehose stream (largest Regions): ask for more, or write to Kinesis and let Firehose read it.`,
        };
      }
      return OK;
    case 'kds':
    case 'kds+firehose':
      if (over(b, KDS_COMPARED.onDemandMaxWriteBytesPerSec.value)) {
        return {
          note: `That is above the ${num(KDS_COMPARED.onDemandMaxWriteBytesPerSec.value / 1000 ** 3)} GB/s one on-demand stream reaches: use provisioned shards (with a quota increase) or several streams.`,
        };
      }
      return OK;
    default:
      return OK;
  }
}

const RULES: Readonly<Record<RequirementId, (w: Workload, c: CandidateId) => Verdict>> = {
  'kafka-api': kafka,
  'max-message-size': messageSize,
  replay,
  ordering,
  consumers,
  'exactly-once': exactlyOnce,
  'per-message-ack': perMessageAck,
  'per-message-delay': perMessageDelay,
  destination,
  'format-conversion': firehoseFeature('format-conversion'),
  'partition-by-field': firehoseFeature('partition-by-field'),
  latency,
  throughput,
};

export interface Assessment {
  readonly candidate: CandidateId;
  /** Requirements that rule it out, in REQUIREMENT_IDS order. */
  readonly failures: readonly { readonly requirement: RequirementId; readonly reason: string }[];
  readonly hows: readonly string[];
  readonly notes: readonly string[];
}

/** Checks one candidate against every stated requirement. */
export function assess(w: Workload, candidate: CandidateId): Assessment {
  const failures: { requirement: RequirementId; reason: string }[] = [];
  const hows: string[] = [];
  const notes: string[] = [];
  for (const id of REQUIREMENT_IDS) {
    if (!isActive(id, w)) continue;
    const verdict = RULES[id](w, candidate);
    if (verdict.fails !== undefined) failures.push({ requirement: id, reason: verdict.fails });
    if (verdict.how !== undefined) hows.push(verdict.how);
    if (verdict.note !== undefined) notes.push(verdict.note);
  }
  return { candidate, failures, hows, notes };
}
