/**
 * Where to look after a session: per topic, the kds commands that show the idea at work, and the
 * `kds learn` lesson once lessons exist. The end-of-session summary suggests these for the topics
 * the learner missed, after the `try` commands of the missed questions themselves.
 */
import type { SessionSummary } from './session.js';
import type { Topic } from './topics.js';

export interface Suggestion {
  readonly command: string;
  readonly what: string;
}

export interface TopicGuide {
  readonly commands: readonly Suggestion[];
  /** The `kds learn` lesson that teaches this topic. */
  readonly lesson?: string;
}

export const TOPIC_GUIDE: Readonly<Record<Topic, TopicGuide>> = {
  capacity: {
    lesson: 'shards',
    commands: [
      { command: 'kds size --mbps 6', what: 'how many shards 6 MiB/s of writes needs, and which limit binds' },
      { command: 'kds size --records 5000 --record-size 100', what: 'many small records: the records limit binds first' },
    ],
  },
  'partition-keys': {
    lesson: 'partition-keys',
    commands: [{ command: 'kds keys analyze keys.csv --shards 10', what: 'which shard each of your keys lands on, and the hot ones' }],
  },
  producers: {
    lesson: 'producers',
    commands: [{ command: 'kds size --records 5000 --record-size 100 --kpl', what: 'what KPL aggregation changes' }],
  },
  consumers: {
    lesson: 'consumers',
    commands: [
      { command: 'kds size --mbps 6 --consumers 3', what: 'three shared readers split 2 MiB/s per shard' },
      { command: 'kds size --mbps 6 --efo-consumers 3', what: 'the same readers with enhanced fan-out' },
    ],
  },
  retention: {
    lesson: 'records',
    commands: [{ command: 'kds size --mbps 6 --retention-hours 168', what: 'what a week of retention adds to the bill' }],
  },
  resharding: {
    lesson: 'resharding',
    commands: [{ command: 'kds size --mbps 6 --current-shards 4', what: 'the update-shard-count calls from 4 shards' }],
  },
  firehose: {
    lesson: 'services',
    commands: [{ command: 'kds compare', what: 'Kinesis Data Streams, SQS and Firehose side by side' }],
  },
  integrations: {
    lesson: 'services',
    commands: [
      { command: 'kds compare --recommend --replay --consumers 2 --destination s3 --no-code', what: 'a stream that Firehose loads into S3 while another application reads it' },
    ],
  },
  'kds-vs-sqs': {
    lesson: 'compare',
    commands: [
      { command: 'kds compare', what: 'Kinesis Data Streams, SQS and Firehose side by side' },
      { command: 'kds compare --recommend --replay --consumers 3', what: 'which service fits replay with three readers' },
    ],
  },
  // No kds command shows retries and failure handling at work: the lesson is the place to look.
  errors: { lesson: 'lambda', commands: [] },
  monitoring: {
    lesson: 'monitoring',
    commands: [{ command: 'kds size --mbps 6 --consumers 2', what: 'the per-shard limits that the stream metrics are measured against' }],
  },
  security: { lesson: 'security', commands: [] },
  cost: {
    lesson: 'cost',
    commands: [{ command: 'kds size --mbps 20 --efo-consumers 4 --retention-hours 168', what: 'the monthly cost of a busy stream' }],
  },
};

export const MAX_SUGGESTIONS = 6;

/**
 * What to look at after a session: the `try` commands of the missed questions first (each shows
 * that very question at work), then the lesson of each topic missed, then the topic's own
 * commands, but only for topics whose missed questions had no `try` of their own (a question's
 * try is the closer match; a topic command shows the topic, not necessarily that question).
 * No repeats.
 */
export function suggestionsFor(summary: SessionSummary, guide: Readonly<Record<Topic, TopicGuide>> = TOPIC_GUIDE): Suggestion[] {
  const out: Suggestion[] = [];
  const add = (s: Suggestion): void => {
    if (!out.some((o) => o.command === s.command)) out.push(s);
  };
  for (const missed of summary.missed) {
    const { question } = missed.presented;
    if (question.try) add({ command: question.try, what: `see ${question.id} at work` });
  }
  const topics = [...new Set(summary.missed.map((m) => m.presented.question.topic))];
  for (const topic of topics) {
    const entry = guide[topic];
    if (entry.lesson) add({ command: `kds learn ${entry.lesson}`, what: `the lesson on ${topic}` });
    const tried = summary.missed.some((m) => m.presented.question.topic === topic && m.presented.question.try !== undefined);
    if (!tried) for (const s of entry.commands) add(s);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
