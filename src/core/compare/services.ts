/** The services kds compare knows, by the ids that flags and JSON use. */

export const SERVICE_IDS = ['kds', 'sqs-standard', 'sqs-fifo', 'firehose', 'msk', 'sns', 'eventbridge'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/** The matrix columns when neither --services nor --all is given. */
export const DEFAULT_SERVICES: readonly ServiceId[] = ['kds', 'sqs-standard', 'sqs-fifo', 'firehose'];

export interface ServiceName {
  /** The full product name. */
  readonly name: string;
  /** A column heading that fits a narrow table. */
  readonly short: string;
}

export const SERVICE_NAMES: Readonly<Record<ServiceId, ServiceName>> = {
  kds: { name: 'Amazon Kinesis Data Streams', short: 'Kinesis' },
  'sqs-standard': { name: 'Amazon SQS standard queue', short: 'SQS Standard' },
  'sqs-fifo': { name: 'Amazon SQS FIFO queue', short: 'SQS FIFO' },
  firehose: { name: 'Amazon Data Firehose', short: 'Firehose' },
  msk: { name: 'Amazon MSK (managed Apache Kafka)', short: 'MSK' },
  sns: { name: 'Amazon SNS', short: 'SNS' },
  eventbridge: { name: 'Amazon EventBridge', short: 'EventBridge' },
};

export function isServiceId(value: string): value is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}
