/**
 * The questionnaire kds compare --recommend runs in a terminal when no workload flag is given.
 * Each question has a flag; questions that earlier answers settle are skipped.
 */
import {
  DESTINATION_NAMES,
  EMPTY_WORKLOAD,
  isFirehoseSink,
  type Destination,
  type Ordering,
  type Workload,
} from '../../core/compare/workload.js';
import type { Prompter } from '../../io/prompter.js';
import type { NumberOptionSpec } from '../../options/define.js';
import { parseNumberAnswer } from '../../options/number.js';
import { WORKLOAD_OPTIONS } from './options.js';

function spec(name: string): NumberOptionSpec {
  const found = WORKLOAD_OPTIONS.find((o) => o.name === name);
  if (found?.type !== 'number') throw new Error(`no numeric option ${name}`);
  return found;
}

/** Asks for a number with the same rule as its flag; blank means "not known" when optional. */
async function askNumber(p: Prompter, name: string, message: string, fallback?: string): Promise<number | undefined> {
  const { rule } = spec(name);
  const optional = fallback === undefined;
  const validate = (raw: string): true | string => {
    if (optional && raw.trim() === '') return true;
    try {
      parseNumberAnswer(`--${name}`, raw, rule);
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const answer = await p.input(message, { ...(fallback === undefined ? {} : { default: fallback }), validate });
  if (optional && answer.trim() === '') return undefined;
  return parseNumberAnswer(`--${name}`, answer, rule);
}

const DESTINATION_CHOICES = (['custom', 's3', 'redshift', 'opensearch', 'splunk', 'snowflake', 'iceberg', 'http'] as const).map(
  (value: Destination) => ({
    value,
    name:
      value === 'custom'
        ? 'My own consumer code (applications, Lambda functions)'
        : `${value === 'http' ? 'An HTTP endpoint' : DESTINATION_NAMES[value]} (${value})`,
  }),
);

const ORDERING_CHOICES: readonly { value: Ordering; name: string; description: string }[] = [
  { value: 'none', name: 'No order needed', description: 'messages can be processed in any order' },
  { value: 'per-key', name: 'In order per key', description: 'per customer, device or order; keys are independent' },
  { value: 'global', name: 'One order for everything', description: 'every message in the sequence it was sent' },
];

const LATENCY_CHOICES: readonly { value: number | undefined; name: string }[] = [
  { value: undefined, name: 'No particular budget' },
  { value: 100, name: 'About 100 ms (real time)' },
  { value: 500, name: 'Under a second' },
  { value: 10_000, name: 'About ten seconds' },
  { value: 300_000, name: 'Minutes are fine' },
];

export async function askWorkload(p: Prompter): Promise<Workload> {
  const kafkaApi = await p.confirm('Must producers or consumers speak the Kafka protocol (existing Kafka clients, Kafka Connect)?', {
    default: false,
  });
  if (kafkaApi) {
    // Only MSK speaks Kafka: the other questions cannot change the answer, but size and volume can rule it out.
    const maxMessageKiB = await askNumber(p, 'max-message-kb', 'Largest message, in KiB:', '256');
    const mbps = await askNumber(p, 'mbps', 'Sustained writes in MiB/s (blank if unknown):');
    return { ...EMPTY_WORKLOAD, kafkaApi, maxMessageKiB, mbps };
  }

  const destination = await p.select<Destination>('Where must the data end up?', DESTINATION_CHOICES, { default: 'custom' });
  let noCode = false;
  let formatConversion = false;
  let partitionByField = false;
  if (isFirehoseSink(destination)) {
    noCode = await p.confirm(`Should it reach ${DESTINATION_NAMES[destination]} without you writing consumer code?`, { default: true });
    if (destination === 's3') {
      formatConversion = await p.confirm('Convert JSON records to Parquet or ORC on the way?', { default: false });
      partitionByField = await p.confirm('Build S3 prefixes from a field in each record (customer, date, ...)?', { default: false });
    }
  }
  const consumers =
    (await askNumber(
      p,
      'consumers',
      'How many independent applications need every message? (Workers of one app count once; count a destination as one.)',
      '1',
    )) ?? 1;
  const replay = await p.confirm('Must consumers be able to read data again after processing it (replay)?', { default: false });
  const replayDays = replay ? await askNumber(p, 'replay-days', 'How many days back must replay reach?', '7') : undefined;
  const ordering = await p.select<Ordering>('What order must consumers see?', ORDERING_CHOICES, { default: 'none' });
  const exactlyOnce = await p.confirm('Must the service itself drop duplicate messages? (No if consumers can ignore repeats.)', {
    default: false,
  });

  // With no consumer code there is nothing to acknowledge, delay or route.
  const hasConsumers = !(noCode && isFirehoseSink(destination));
  let perMessageAck = false;
  let perMessageDelay = false;
  let contentRouting = false;
  if (hasConsumers) {
    perMessageAck = await p.confirm('Must each message be acknowledged on its own (visibility timeout, retries, dead-letter queue)?', {
      default: false,
    });
    perMessageDelay = await p.confirm('Must single messages be delayed before delivery (up to 15 minutes)?', { default: false });
    if (consumers >= 2) {
      contentRouting = await p.confirm('Should messages go to different targets depending on their content?', { default: false });
    }
  }

  const latencyMs = await p.select<number | undefined>('How quickly must a message reach its consumer or destination?', LATENCY_CHOICES, {
    default: undefined,
  });
  const maxMessageKiB = await askNumber(p, 'max-message-kb', 'Largest message, in KiB:', '256');
  const mbps = await askNumber(p, 'mbps', 'Sustained writes in MiB/s (blank if unknown):');
  const messagesPerSec = await askNumber(p, 'messages-per-sec', 'Messages per second (blank if unknown):');

  return {
    ...EMPTY_WORKLOAD,
    replay,
    replayDays,
    consumers,
    ordering,
    exactlyOnce,
    perMessageAck,
    perMessageDelay,
    destination,
    noCode,
    formatConversion,
    partitionByField,
    latencyMs,
    maxMessageKiB,
    mbps,
    messagesPerSec,
    contentRouting,
  };
}
