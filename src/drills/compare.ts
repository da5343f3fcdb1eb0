/**
 * Compare drills: "which service fits this workload?" The answer is the advisor's pick; the
 * distractors are services the advisor rules out, and the feedback is the requirement that does.
 */
import { CANDIDATE_NAMES } from '../core/compare/candidates.js';
import { recommend } from '../core/compare/recommend.js';
import { DESTINATION_NAMES, EMPTY_WORKLOAD, type Destination, type Ordering, type Workload } from '../core/compare/workload.js';
import { DEFAULT_HEADROOM_PERCENT } from '../commands/size/options.js';
import { equivalentCommand } from '../commands/compare/options.js';
import { formatNumber } from '../render/format.js';
import { pick, randomInt, type Drill, type DrillOption, type Random } from './types.js';

const HEADROOM = DEFAULT_HEADROOM_PERCENT / 100;
const SINKS: readonly Destination[] = ['s3', 's3', 's3', 'redshift', 'opensearch', 'splunk', 'snowflake', 'http'];

function randomWorkload(random: Random): Workload {
  const chance = (p: number) => random() < p;
  const destination = chance(0.3) ? pick(random, SINKS) : undefined;
  const ordering: Ordering = pick(random, ['none', 'none', 'per-key', 'per-key', 'global']);
  return {
    ...EMPTY_WORKLOAD,
    consumers: randomInt(random, 1, 5),
    replay: chance(0.3),
    ...(chance(0.15) ? { replayDays: pick(random, [3, 7, 30, 400]) } : {}),
    ordering,
    exactlyOnce: chance(0.15),
    perMessageAck: chance(0.2),
    perMessageDelay: chance(0.1),
    ...(destination === undefined ? {} : { destination }),
    noCode: destination !== undefined && chance(0.7),
    formatConversion: destination === 's3' && chance(0.4),
    partitionByField: destination === 's3' && chance(0.3),
    ...(chance(0.3) ? { mbps: pick(random, [0.5, 2, 8, 40]) } : {}),
    ...(chance(0.2) ? { maxMessageKiB: pick(random, [16, 256, 900, 2048, 6000]) } : {}),
    ...(chance(0.15) ? { latencyMs: pick(random, [200, 2000, 120_000]) } : {}),
    kafkaApi: chance(0.06),
    contentRouting: chance(0.1),
  };
}

/** The workload in words, one requirement per clause. */
export function describeWorkload(w: Workload): string {
  const parts: string[] = [];
  const n = w.consumers ?? 1;
  parts.push(n === 1 ? 'one application reads the data' : `${n} independent applications each need every message`);
  if (w.replayDays !== undefined) parts.push(`they must be able to re-read the last ${w.replayDays} days`);
  else if (w.replay) parts.push('they must be able to re-read data after processing it');
  if (w.ordering === 'per-key') parts.push('messages with the same key must stay in order');
  if (w.ordering === 'global') parts.push('every message must stay in one global order');
  if (w.exactlyOnce) parts.push('the service itself must drop duplicates');
  if (w.perMessageAck) parts.push('each message is acknowledged and retried on its own');
  if (w.perMessageDelay) parts.push('single messages must be delayed before delivery');
  if (w.destination !== undefined) {
    parts.push(`the data must end up in ${DESTINATION_NAMES[w.destination]}${w.noCode ? ' without any consumer code' : ''}`);
  }
  if (w.formatConversion) parts.push('stored as Parquet');
  if (w.partitionByField) parts.push('partitioned by a field of each record');
  if (w.mbps !== undefined) parts.push(`about ${formatNumber(w.mbps)} MiB/s is written`);
  if (w.maxMessageKiB !== undefined) parts.push(`messages are up to ${formatNumber(w.maxMessageKiB)} KiB`);
  if (w.latencyMs !== undefined) parts.push(`end-to-end latency must stay under ${formatNumber(w.latencyMs)} ms`);
  if (w.kafkaApi) parts.push('producers and consumers use Kafka clients');
  if (w.contentRouting) parts.push('messages are routed to different targets by their content');
  const [first = '', ...rest] = parts;
  const sentence = `${first.charAt(0).toUpperCase()}${first.slice(1)}${rest.length > 0 ? `; ${rest.join('; ')}` : ''}.`;
  return `${sentence} Which service fits best?`;
}

/** The compare flags of a workload, as JSON-friendly inputs. */
function inputsOf(w: Workload): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(w)) {
    if (value !== undefined && value !== false && !(key === 'ordering' && value === 'none')) inputs[key] = value;
  }
  return inputs;
}

export function compareDrill(random: Random, seed: number): Drill {
  let workload = randomWorkload(random);
  let result = recommend(workload, { headroom: HEADROOM });
  for (let tries = 0; tries < 200; tries++) {
    if (result.recommendation !== undefined && result.conflicts.length === 0 && result.eliminated.length >= 3) break;
    workload = randomWorkload(random);
    result = recommend(workload, { headroom: HEADROOM });
  }
  const answer = result.recommendation;
  if (answer === undefined) throw new Error('no drillable workload found');
  // Distractors: ruled-out services, picked at random so that drills vary.
  const pool = [...result.eliminated];
  const wrong: DrillOption[] = [];
  while (wrong.length < 3 && pool.length > 0) {
    const [e] = pool.splice(Math.floor(random() * pool.length), 1);
    if (e) wrong.push({ text: `${CANDIDATE_NAMES[e.id]} (${e.id})`, correct: false, why: `Ruled out: ${e.reason}` });
  }
  const options: DrillOption[] = [{ text: `${CANDIDATE_NAMES[answer]} (${answer})`, correct: true }, ...wrong].sort((a, b) =>
    a.text.localeCompare(b.text),
  );
  return {
    kind: 'compare',
    id: `drill-compare-${seed}`,
    topic: 'kds-vs-sqs',
    prompt: describeWorkload(workload),
    inputs: inputsOf(workload),
    options,
    explanation: result.reasons.join(' '),
    try: equivalentCommand(workload),
  };
}
