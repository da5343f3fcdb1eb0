/** The course's topics and difficulty levels: the only values a question's topic and difficulty take. */

/** In course order: the order of tables and listings. */
export const TOPICS = [
  'capacity',
  'partition-keys',
  'producers',
  'consumers',
  'retention',
  'resharding',
  'firehose',
  'integrations',
  'kds-vs-sqs',
  'errors',
  'monitoring',
  'security',
  'cost',
] as const;

export type Topic = (typeof TOPICS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

export type Difficulty = (typeof DIFFICULTIES)[number];

/** What each topic covers, in a few words, for tables and help. */
export const TOPIC_TITLES: Readonly<Record<Topic, string>> = {
  capacity: 'shards and capacity modes',
  'partition-keys': 'partition keys and hot shards',
  producers: 'producers: SDK and KPL',
  consumers: 'consumers: shared, EFO, Lambda, KCL',
  retention: 'retention and replay',
  resharding: 'resharding',
  firehose: 'Amazon Data Firehose',
  integrations: 'other services: ingestion paths, Flink, Glue, Redshift, DynamoDB, Pipes',
  'kds-vs-sqs': 'Kinesis vs SQS',
  errors: 'errors and retries',
  monitoring: 'monitoring',
  security: 'security',
  cost: 'cost',
};

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
}

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === 'string' && (DIFFICULTIES as readonly string[]).includes(value);
}

/** Sorts topics in course order. */
export function topicOrder(a: Topic, b: Topic): number {
  return TOPICS.indexOf(a) - TOPICS.indexOf(b);
}
