/**
 * The comparison matrix: one sentence per service per row, each with the page that supports it.
 * Numbers come from facts.ts; where a popular cheat-sheet figure is outdated, the cell says what
 * changed and when.
 */
import {
  ADVANTAGE_EFO_CONDITION,
  EVENTBRIDGE,
  FIREHOSE,
  KDS_COMPARED,
  MSK,
  NEIGHBOUR_SOURCES as N,
  SHARD,
  SNS,
  SOURCES,
  SQS,
  SQS_FIFO,
  STREAM,
} from '../facts.js';
import { ROW_IDS, type RowId } from './rows.js';
import { SERVICE_IDS, type ServiceId } from './services.js';

export { ROW_IDS, isRowId, type RowId } from './rows.js';
import { bytes, duration, num, rate } from './words.js';

export interface Cell {
  readonly text: string;
  /** The page that supports the text. */
  readonly source: string;
}

export interface MatrixRow {
  readonly id: RowId;
  readonly label: string;
  readonly cells: Readonly<Record<ServiceId, Cell>>;
}

/** The date the cells were last checked against their sources. */
export const MATRIX_AS_OF = SQS.maxMessageBytes.asOf;

const KAFKA_INTRO = 'https://kafka.apache.org/documentation/#intro_concepts_and_terms';
const KAFKA_SEMANTICS = 'https://kafka.apache.org/documentation/#semantics';
const KAFKA_CONSUMER = 'https://kafka.apache.org/documentation/#consumerconfigs';
const MSK_WHAT_IS = 'https://docs.aws.amazon.com/msk/latest/developerguide/what-is-msk.html';
const SNS_WHAT_IS = 'https://docs.aws.amazon.com/sns/latest/dg/welcome.html';
const SNS_FIFO = 'https://docs.aws.amazon.com/sns/latest/dg/sns-fifo-topics.html';
const SNS_TARGETS = 'https://docs.aws.amazon.com/sns/latest/dg/sns-event-destinations.html';
const SNS_FILTERING = 'https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html';
const SNS_QUOTAS = 'https://docs.aws.amazon.com/general/latest/gr/sns.html';
const SQS_LONG_POLLING =
  'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html';
const EB_PIPES = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes.html';
const EB_TRANSFORM = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html';
const EB_SCHEDULER = 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/what-is-scheduler.html';
const LAMBDA_KINESIS = 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html';

const c = (text: string, source: string): Cell => ({ text, source });

const sqsRetention = c(
  `Up to ${duration(SQS.retentionMaxSeconds.value)} while a message waits (default ${duration(SQS.retentionDefaultSeconds.value)}, ` +
    `minimum ${duration(SQS.retentionMinSeconds.value)}); gone once deleted.`,
  N.sqsMessageQuotas,
);
const sqsConsumerModel = c(
  'Pull: ReceiveMessage with long polling of up to 20 s, or a Lambda event source mapping.',
  SQS_LONG_POLLING,
);
const sqsAck = c(
  `Yes: a received message stays hidden for the visibility timeout (default ${duration(SQS.visibilityTimeoutDefaultSeconds.value)}, ` +
    `up to ${duration(SQS.visibilityTimeoutMaxSeconds.value)}) until the consumer deletes it.`,
  N.sqsVisibility,
);
const sqsDestinations = c('Your consumers, Lambda, or EventBridge Pipes to other AWS services.', EB_PIPES);
const none = (source: string): Cell => c('No.', source);

const fifoSendRate = SQS_FIFO.transactionsPerSecond.value;
const fifoBatchRate = fifoSendRate * SQS_FIFO.batchMessages.value;

export const ROWS: readonly MatrixRow[] = [
  {
    id: 'data-model',
    label: 'Data model',
    cells: {
      kds: c(
        'Append-only log split into shards; records keep their sequence numbers and each consumer keeps its own position.',
        SOURCES.keyConcepts,
      ),
      'sqs-standard': c('Queue: a consumer receives a message, processes it, then deletes it.', N.sqsStandard),
      'sqs-fifo': c('Queue with message groups: order and deduplication hold within a group.', N.sqsFifoTerms),
      firehose: c(
        'Delivery pipe: buffers records, optionally transforms them, and writes them to one destination. No consumer API.',
        N.firehoseFaq,
      ),
      msk: c('Apache Kafka: topics split into partitions, read by consumer groups.', MSK_WHAT_IS),
      sns: c('Publish/subscribe topics (standard or FIFO) that push every message to every subscription.', SNS_WHAT_IS),
      eventbridge: c(
        'Event bus that routes events by their content. Classic buses use rules and targets; the Custom Event Bus has subscribers and keeps events.',
        N.eventbridgeCustomBus,
      ),
    },
  },
  {
    id: 'ordering',
    label: 'Ordering',
    cells: {
      kds: c(
        'Strict within a shard: records with the same partition key keep their order. No order across shards.',
        SOURCES.keyConcepts,
      ),
      'sqs-standard': c('Best effort: messages can arrive out of order.', N.sqsStandard),
      'sqs-fifo': c('Strict within a message group; different groups are processed in parallel.', N.sqsFifoTerms),
      firehose: c('No ordering guarantee is documented: treat delivery as unordered.', N.firehoseDelivery),
      msk: c('Strict within a partition; messages with the same key go to the same partition.', KAFKA_INTRO),
      sns: c('Standard topics: none. FIFO topics: strict within a message group, delivered to SQS FIFO queues.', N.snsFifoGrouping),
      eventbridge: c(
        'Classic buses: none. Custom Event Bus: in order within an event group, for each subscriber.',
        N.eventbridgeCustomBus,
      ),
    },
  },
  {
    id: 'delivery-semantics',
    label: 'Delivery semantics',
    cells: {
      kds: c(
        'At least once: producer retries and consumer restarts both repeat records, so process idempotently.',
        N.kdsDuplicates,
      ),
      'sqs-standard': c('At least once: a message can occasionally arrive twice.', N.sqsStandard),
      'sqs-fifo': c(
        `Exactly-once processing: a repeated deduplication id within ${duration(SQS_FIFO.deduplicationWindowSeconds.value)} is dropped.`,
        N.sqsFifoTerms,
      ),
      firehose: c(
        'At least once: retries can repeat records, except on the S3, Iceberg and Snowflake destinations.',
        N.firehoseDelivery,
      ),
      msk: c(
        "At least once by default; Kafka's idempotent producer and transactions give exactly-once within Kafka.",
        KAFKA_SEMANTICS,
      ),
      sns: c('Standard: at least once. FIFO: a repeated deduplication id within 5 minutes is dropped.', SNS_FIFO),
      eventbridge: c(
        `At least once. The Custom Event Bus drops duplicates at publish time within ${duration(EVENTBRIDGE.customBusDeduplicationSeconds.value)}.`,
        N.eventbridgeCustomBus,
      ),
    },
  },
  {
    id: 'retention',
    label: 'Retention',
    cells: {
      kds: c(
        `${num(STREAM.retentionDefaultHours.value)} hours by default, up to ${num(STREAM.retentionMaxHours.value / 24)} days ` +
          `(${num(STREAM.retentionMaxHours.value)} hours); more than 7 days is billed as long-term retention. ` +
          'The maximum was 7 days until Nov 2020.',
        SOURCES.retention,
      ),
      'sqs-standard': sqsRetention,
      'sqs-fifo': sqsRetention,
      firehose: c(
        `Not a store. Records it cannot deliver are kept up to ${num(FIREHOSE.undeliveredRetentionHours.value)} hours; ` +
          `destinations other than S3 are retried up to ${duration(FIREHOSE.retryMaxSeconds.value)}, then the data goes to an S3 backup.`,
        N.firehoseQuotas,
      ),
      msk: c(
        `Per topic; MSK Serverless keeps ${duration(MSK.serverlessDefaultRetentionDays.value * 86_400)} by default and allows unlimited.`,
        N.mskServerlessConfig,
      ),
      sns: c(
        `None on standard topics. FIFO topics can archive up to ${num(SNS.fifoArchiveMaxDays.value)} days (since Oct 2023).`,
        N.snsArchive,
      ),
      eventbridge: c(
        `Classic buses keep archives you create. The Custom Event Bus keeps every event 1 to ${num(EVENTBRIDGE.customBusRetentionMaxDays.value)} days.`,
        N.eventbridgeCustomBus,
      ),
    },
  },
  {
    id: 'replay',
    label: 'Replay',
    cells: {
      kds: c(
        'Yes: read again from the oldest record, a timestamp or a sequence number, within retention.',
        SOURCES.faq,
      ),
      'sqs-standard': c(
        'No: a deleted message is gone. Dead-letter redrive only moves failed messages back.',
        N.sqsDeadLetter,
      ),
      'sqs-fifo': c('No. Dead-letter redrive (for FIFO since Nov 2023) only moves failed messages back.', N.sqsFifoThroughputBlog),
      firehose: c('No: keep the S3 copy and reprocess it yourself.', N.firehoseFaq),
      msk: c("Yes: reset a consumer group's offsets to any point within retention.", KAFKA_CONSUMER),
      sns: c('Standard: no. FIFO: replay archived messages to a subscription from a chosen time.', N.snsArchive),
      eventbridge: c(
        'Yes: Classic buses replay from an archive; a Custom Event Bus subscriber can start from a past time.',
        N.eventbridgeCustomBus,
      ),
    },
  },
  {
    id: 'independent-consumers',
    label: 'Independent consumers',
    cells: {
      kds: c(
        `Yes. Shared readers split ${rate(SHARD.sharedReadBytesPerSec.value)} per shard; each enhanced fan-out consumer gets its own ` +
          `${rate(SHARD.efoReadBytesPerSec.value)}, up to ${num(STREAM.efoConsumersPerStream.value)} per stream ` +
          `(${num(STREAM.efoConsumersPerStreamAdvantage.value)} ${ADVANTAGE_EFO_CONDITION}, since Nov 2025).`,
        SOURCES.efo,
      ),
      'sqs-standard': c(
        'No: each message goes to one of the competing consumers. Give each application its own queue (SNS fan-out).',
        N.sqsVisibility,
      ),
      'sqs-fifo': c(
        'No, as with standard queues; and a message group has one batch in flight at a time.',
        N.sqsFifoTerms,
      ),
      firehose: c('No: one destination per Firehose stream, plus an optional S3 backup.', N.firehoseDelivery),
      msk: c('Yes: any number of consumer groups, each with its own offsets.', KAFKA_INTRO),
      sns: c('Yes: every subscription gets every message; filter policies can narrow that.', SNS_FILTERING),
      eventbridge: c('Yes: every matching rule or subscriber gets the event.', N.eventbridgeCustomBus),
    },
  },
  {
    id: 'consumer-model',
    label: 'Consumer model',
    cells: {
      kds: c(
        `Pull (GetRecords, ${num(SHARD.getRecordsCallsPerSec.value)} calls/s per shard, shared) or push over HTTP/2 ` +
          '(enhanced fan-out); KCL, Lambda, Firehose, Flink. On-demand streams add queues and S3 channels.',
        SOURCES.efo,
      ),
      'sqs-standard': sqsConsumerModel,
      'sqs-fifo': sqsConsumerModel,
      firehose: c('Push to the destination; there is no consumer to write.', N.firehoseFaq),
      msk: c('Pull: Kafka consumers poll partitions; Lambda, Flink, Firehose and MSK Connect can read too.', MSK_WHAT_IS),
      sns: c('Push to SQS, Lambda, Firehose, HTTP/S, email, SMS and mobile endpoints.', SNS_TARGETS),
      eventbridge: c(
        'Push to targets: Lambda, SQS, SNS, Kinesis, Step Functions, HTTP API destinations and more.',
        N.eventbridgeCustomBus,
      ),
    },
  },
  {
    id: 'per-message-ack',
    label: 'Per-message ack',
    cells: {
      kds: c(
        'Classic consumers checkpoint a position per shard. Kinesis queues (on-demand streams, 2026) acknowledge each record, ' +
          'with a visibility timeout and dead-letter records, but without order.',
        N.kdsQueues,
      ),
      'sqs-standard': sqsAck,
      'sqs-fifo': sqsAck,
      firehose: c('Not applicable: there is no consumer.', N.firehoseFaq),
      msk: c('No: a consumer group commits an offset per partition.', KAFKA_CONSUMER),
      sns: c('No: SNS pushes; retries and a dead-letter queue are set per subscription.', N.snsDelivery),
      eventbridge: c('No: it pushes to targets with a retry policy and a dead-letter queue per target.', N.eventbridgeRetry),
    },
  },
  {
    id: 'per-message-delay',
    label: 'Per-message delay',
    cells: {
      kds: none(SOURCES.faq),
      'sqs-standard': c(
        `Yes: message timers up to ${duration(SQS.deliveryDelayMaxSeconds.value)}, or one delay for the whole queue.`,
        N.sqsDelay,
      ),
      'sqs-fifo': c('Queue-wide delay only: a FIFO queue takes no delay on a single message.', N.sqsSendMessage),
      firehose: none(N.firehoseFaq),
      msk: none(KAFKA_INTRO),
      sns: none(SNS_WHAT_IS),
      eventbridge: c('No; EventBridge Scheduler is the tool for single timed events.', EB_SCHEDULER),
    },
  },
  {
    id: 'max-message-size',
    label: 'Max message size',
    cells: {
      kds: c(
        `${bytes(STREAM.maxRecordBytesDefault.value)} by default; up to ${bytes(STREAM.maxRecordBytesLimit.value)} per stream since ` +
          '27 Oct 2025, for occasional large records. "1 MB records" is outdated.',
        SOURCES.largeRecords,
      ),
      'sqs-standard': c(
        `${bytes(SQS.maxMessageBytes.value)} since 4 Aug 2025 (was ${bytes(SQS.maxMessageBytesBefore2025.value)}); ` +
          'up to 2 GB through S3 with the Extended Client Library.',
        N.sqsSendMessage,
      ),
      'sqs-fifo': c(
        `${bytes(SQS.maxMessageBytes.value)} since 4 Aug 2025 (was ${bytes(SQS.maxMessageBytesBefore2025.value)}).`,
        N.sqsSendMessage,
      ),
      firehose: c(
        `${bytes(FIREHOSE.maxRecordBytes.value)} per record before base64: a little less than 1 MiB.`,
        N.firehoseRecord,
      ),
      msk: c(
        `MSK Serverless: about 1 MiB by default, up to ${bytes(MSK.serverlessMaxMessageBytes.value)} per topic; ` +
          'provisioned clusters are configurable.',
        N.mskServerlessConfig,
      ),
      sns: c(
        `${bytes(SNS.maxMessageBytesDefault.value)} by default; up to ${bytes(SNS.maxMessageBytesRaised.value)} if the topic raises ` +
          `MaximumMessageSize (then only SQS, Lambda and Firehose subscriptions, at most ${num(SNS.largeMessageMaxSubscriptions.value)}).`,
        N.snsLargeMessages,
      ),
      eventbridge: c('1 MB per event (was 256 KB; raised by Jan 2026).', N.serverlessOneMb),
    },
  },
  {
    id: 'throughput-scaling',
    label: 'Throughput scaling',
    cells: {
      kds: c(
        `Provisioned: you set the shards, each ${rate(SHARD.writeBytesPerSec.value)} or ${num(SHARD.writeRecordsPerSec.value)} records/s in. ` +
          `On demand: automatic, up to ${num(KDS_COMPARED.onDemandMaxWriteBytesPerSec.value / 1000 ** 3)} GB/s in the largest Regions.`,
        SOURCES.quotas,
      ),
      'sqs-standard': c('Automatic; nearly unlimited API calls per second.', N.sqsMessageQuotas),
      'sqs-fifo': c(
        `${num(fifoSendRate)} calls/s per action (${num(fifoBatchRate)} messages/s in batches of ${num(SQS_FIFO.batchMessages.value)}); ` +
          `high-throughput mode up to ${num(SQS_FIFO.highThroughputTransactionsPerSecond.value)} calls/s in the largest Regions ` +
          '(since Nov 2023); without it the 3,000 messages/s in batches still holds.',
        N.sqsMessageQuotas,
      ),
      firehose: c(
        `Automatic. Direct PUT quota per stream: ${rate(FIREHOSE.directPutBytesPerSec.value)} and ` +
          `${num(FIREHOSE.directPutRecordsPerSec.value)} records/s in the largest Regions, less elsewhere; a soft limit.`,
        N.firehoseQuotas,
      ),
      msk: c(
        `Provisioned: you size brokers and partitions. Serverless: automatic, at most ${num(MSK.serverlessPartitionIngressBytesPerSec.value / 1e6)} MB/s in per partition.`,
        N.mskQuotas,
      ),
      sns: c('Automatic for standard topics; FIFO topics have per-topic and per-group limits.', SNS_QUOTAS),
      eventbridge: c('Automatic, within per-Region PutEvents quotas that can be raised.', N.eventbridgeQuotas),
    },
  },
  {
    id: 'latency',
    label: 'Latency',
    cells: {
      kds: c(
        `Enhanced fan-out about ${num(KDS_COMPARED.efoLatencyMs.value)} ms; shared reads about ` +
          `${num(KDS_COMPARED.sharedLatencyOneConsumerMs.value)} ms with one consumer, ` +
          `${num(KDS_COMPARED.sharedLatencyFiveConsumersMs.value / 1000)} s with five.`,
        SOURCES.efo,
      ),
      'sqs-standard': c('AWS publishes no figure; a long poll returns as soon as a message arrives.', SQS_LONG_POLLING),
      'sqs-fifo': c('AWS publishes no figure; a long poll returns as soon as a message arrives.', SQS_LONG_POLLING),
      firehose: c(
        `Seconds: buffering interval ${num(FIREHOSE.bufferIntervalMinSeconds.value)} to ${num(FIREHOSE.bufferIntervalMaxSeconds.value)} s ` +
          '(0 since Dec 2023: the "60 s minimum" is outdated). Dynamic partitioning cannot use 0 and can take ' +
          `${num(FIREHOSE.dynamicPartitioningDelayFactor.value)}x the interval.`,
        N.firehoseBuffering,
      ),
      msk: c('AWS publishes no figure; it depends on brokers and client settings.', MSK_WHAT_IS),
      sns: c('AWS publishes no figure; delivery is pushed.', SNS_WHAT_IS),
      eventbridge: c('AWS publishes no service-wide figure.', N.eventbridgeQuotas),
    },
  },
  {
    id: 'destinations',
    label: 'Destinations',
    cells: {
      kds: c(
        'Your consumers; Lambda, Firehose, Managed Flink; channels to S3 or S3 Tables (Iceberg) from on-demand streams (2026).',
        N.kdsChannels,
      ),
      'sqs-standard': sqsDestinations,
      'sqs-fifo': sqsDestinations,
      firehose: c(
        'S3, Redshift, OpenSearch, Splunk, Snowflake (2024), Apache Iceberg tables including S3 Tables (2024), HTTP endpoints and partner services.',
        N.firehoseHistory,
      ),
      msk: c('Your consumers; MSK Connect connectors; Firehose with the cluster as its source; Lambda; Flink.', MSK_WHAT_IS),
      sns: c('SQS, Lambda, Firehose, HTTP/S, email, SMS and mobile push.', SNS_TARGETS),
      eventbridge: c('AWS service targets, HTTP API destinations, other buses and accounts.', N.eventbridgeCustomBus),
    },
  },
  {
    id: 'transformation',
    label: 'Transformation',
    cells: {
      kds: c('Your code, Lambda or Managed Service for Apache Flink.', SOURCES.faq),
      'sqs-standard': c('Your code.', N.sqsStandard),
      'sqs-fifo': c('Your code.', N.sqsFifoTerms),
      firehose: c(
        'Lambda transform; JSON to Parquet or ORC; dynamic partitioning into S3 prefixes ' +
          `(${num(FIREHOSE.dynamicPartitioningActivePartitions.value)} active partitions by default).`,
        N.firehoseFormatConversion,
      ),
      msk: c('Your code, Kafka Streams, Flink or MSK Connect.', MSK_WHAT_IS),
      sns: c('None; filter policies on attributes or the payload choose what each subscription gets.', SNS_FILTERING),
      eventbridge: c('Rules match on content; input transformers reshape the event for each target.', EB_TRANSFORM),
    },
  },
  {
    id: 'failure-handling',
    label: 'Failure handling',
    cells: {
      kds: c(
        'No dead-letter queue on classic reads; Lambda can split failing batches and send them to SQS, SNS or S3. ' +
          'Kinesis queues keep dead-letter records.',
        LAMBDA_KINESIS,
      ),
      'sqs-standard': c(
        'Redrive policy: after maxReceiveCount receives, a message moves to a dead-letter queue; redrive it back later.',
        N.sqsDeadLetter,
      ),
      'sqs-fifo': c('As standard queues; redrive from a FIFO dead-letter queue since Nov 2023.', N.sqsFifoThroughputBlog),
      firehose: c('Retries, then failed records go to an error prefix in S3.', N.firehoseDelivery),
      msk: c('Your consumer decides: retry, skip, or write to a dead-letter topic.', KAFKA_CONSUMER),
      sns: c('Retry policy per delivery protocol, then an SQS dead-letter queue per subscription.', N.snsDelivery),
      eventbridge: c(
        `Classic buses retry a target for up to ${num(EVENTBRIDGE.classicRetryHours.value)} hours (185 attempts), then use its dead-letter queue.`,
        N.eventbridgeRetry,
      ),
    },
  },
  {
    id: 'pricing-model',
    label: 'Pricing model',
    cells: {
      kds: c(
        'Provisioned: per shard-hour and per 25 KB PUT unit. On demand: per stream-hour and per GB in and out. ' +
          'Advantage (Nov 2025): per GB, no stream-hour charge.',
        SOURCES.pricing,
      ),
      'sqs-standard': c(
        `Per request; each ${bytes(SQS.billingChunkBytes.value)} of payload counts as one request.`,
        N.sqsPricing,
      ),
      'sqs-fifo': c('Per request, at a higher rate than standard queues.', N.sqsPricing),
      firehose: c(
        'Per GB ingested, each record rounded up to 5 KB; format conversion and dynamic partitioning cost extra.',
        N.firehosePricing,
      ),
      msk: c('Provisioned: broker-hours and storage. Serverless: cluster-hours, partition-hours and GB in and out.', N.mskPricing),
      sns: c('Per publish (each 64 KB counts once) and per delivery.', N.snsPricing),
      eventbridge: c('Per event published (each 64 KB counts once); replay, API destinations and Pipes cost extra.', N.eventbridgePricing),
    },
  },
  {
    id: 'typical-use',
    label: 'Typical use',
    cells: {
      kds: c(
        'Clickstream, IoT and log streams read by several applications; real-time analytics; replay.',
        SOURCES.faq,
      ),
      'sqs-standard': c('Work queues, decoupling services, absorbing bursts, retrying single messages.', N.sqsStandard),
      'sqs-fifo': c('Ordered commands per entity (an order, an account); de-duplicated submissions.', N.sqsFifoTerms),
      firehose: c(
        'Loading logs and events into S3, Redshift, OpenSearch, Splunk, Snowflake or Iceberg without code.',
        N.firehoseFaq,
      ),
      msk: c('Existing Kafka applications and connectors; retention beyond a year.', MSK_WHAT_IS),
      sns: c('Fan-out to many subscribers; notifications by email, SMS and mobile push.', SNS_WHAT_IS),
      eventbridge: c('Routing events by content across services, accounts and SaaS applications.', N.eventbridgeCustomBus),
    },
  },
];

/** The matrix as data: what --json prints and what the renderer lays out. */
export interface Matrix {
  readonly asOf: string;
  readonly services: readonly ServiceId[];
  readonly rows: readonly {
    readonly id: RowId;
    readonly label: string;
    readonly values: Readonly<Partial<Record<ServiceId, string>>>;
    readonly sources: Readonly<Partial<Record<ServiceId, string>>>;
  }[];
}

/** The chosen columns and rows, in the order given (rows default to all of them). */
export function buildMatrix(services: readonly ServiceId[], rowIds: readonly RowId[] = ROW_IDS): Matrix {
  const rows = rowIds.map((id) => {
    const row = ROWS.find((r) => r.id === id);
    if (row === undefined) throw new Error(`no matrix row ${id}`);
    const values: Partial<Record<ServiceId, string>> = {};
    const sources: Partial<Record<ServiceId, string>> = {};
    for (const s of services) {
      values[s] = row.cells[s].text;
      sources[s] = row.cells[s].source;
    }
    return { id, label: row.label, values, sources };
  });
  return { asOf: MATRIX_AS_OF, services: [...services], rows };
}

/** Every service has a cell in every row (checked by a test, so that a new row cannot forget one). */
export function missingCells(): string[] {
  const missing: string[] = [];
  for (const row of ROWS) for (const s of SERVICE_IDS) if (!row.cells[s]?.text) missing.push(`${row.id}/${s}`);
  return missing;
}
