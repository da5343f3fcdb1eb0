/** What the advisor can recommend: single services and the two usual combinations. */

export const CANDIDATE_IDS = [
  'kds',
  'sqs-standard',
  'sqs-fifo',
  'firehose',
  'msk',
  'sns+sqs',
  'kds+firehose',
  'eventbridge',
] as const;
export type CandidateId = (typeof CANDIDATE_IDS)[number];

export const CANDIDATE_NAMES: Readonly<Record<CandidateId, string>> = {
  kds: 'Kinesis Data Streams',
  'sqs-standard': 'SQS standard queue',
  'sqs-fifo': 'SQS FIFO queue',
  firehose: 'Amazon Data Firehose',
  msk: 'Amazon MSK',
  'sns+sqs': 'SNS topic fanning out to SQS queues',
  'kds+firehose': 'Kinesis Data Streams with Firehose reading it',
  eventbridge: 'Amazon EventBridge',
};

/**
 * Fewest moving parts first: the order alternatives are listed in, and the last resort when no
 * preference rule applies.
 */
export const SIMPLICITY_ORDER: readonly CandidateId[] = [
  'sqs-standard',
  'sqs-fifo',
  'firehose',
  'sns+sqs',
  'eventbridge',
  'kds',
  'kds+firehose',
  'msk',
];

/** What a candidate costs you compared with the recommendation, said when it is an alternative. */
export const TRADE_OFFS: Readonly<Record<CandidateId, string>> = {
  kds: 'more to run: a capacity mode, partition keys and consumer checkpoints, billed by the hour or GB rather than per request',
  'sqs-standard': 'the least to run, but no order, no replay, and each message reaches one consumer',
  'sqs-fifo': 'order and deduplication per message group, but one consumer per message and 300 messages/s per group',
  firehose: 'loads a destination with no code, but keeps nothing to replay and feeds one destination',
  msk: 'the most to run (clusters, partitions, Kafka clients) unless you need Kafka itself',
  'sns+sqs': 'push fan-out with a queue per application and its own retries; no replay unless the topic is FIFO',
  'kds+firehose': 'a stream for the readers plus Firehose for the sink: two services to set up and pay for',
  eventbridge: 'routes by content to many targets, but per-event pricing grows with volume',
};
