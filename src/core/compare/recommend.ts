/**
 * The advisor: a workload in, a recommendation out. Pure.
 *
 * 1. Conflicts: requirements that contradict each other or exceed every service (no pick then).
 * 2. Eliminations: each candidate is checked against each stated requirement (requirements.ts).
 * 3. Preference: the first rule below whose pick survived wins; the other survivors are alternatives.
 */
import { SHARD, STREAM } from '../facts.js';
import { MIB } from '../units.js';
import { CANDIDATE_IDS, SIMPLICITY_ORDER, TRADE_OFFS, type CandidateId } from './candidates.js';
import { findConflicts, type Conflict } from './conflicts.js';
import { kinesisAdvice, type KinesisAdvice } from './kinesis.js';
import { assess, isActive, relax, REQUIREMENT_FLAGS, REQUIREMENT_IDS, type Assessment, type RequirementId } from './requirements.js';
import { consumerCount, DESTINATION_NAMES, isFirehoseSink, wantsReplay, type Workload } from './workload.js';
import { bytes, count, list, num } from './words.js';

export interface Eliminated {
  readonly id: CandidateId;
  /** The first requirement that rules it out, in plain words. */
  readonly reason: string;
  readonly requirement: RequirementId;
  /** Every requirement that rules it out. */
  readonly reasons: readonly string[];
}

export interface Alternative {
  readonly id: CandidateId;
  readonly reason: string;
  readonly notes: readonly string[];
}

export interface Relaxation {
  readonly requirement: RequirementId;
  readonly flags: string;
  /** What would fit without that requirement. */
  readonly wouldAllow: readonly CandidateId[];
}

export type RuleId =
  | 'kafka-api'
  | 'long-replay'
  | 'firehose-direct'
  | 'stream-to-sink'
  | 'content-routing'
  | 'stream'
  | 'ordered-queue'
  | 'fan-out'
  | 'work-queue'
  | 'last-standing';

export interface Recommendation {
  /** Undefined when nothing fits or the requirements conflict. */
  readonly recommendation: CandidateId | undefined;
  /** The preference rule that chose it. */
  readonly rule: RuleId | undefined;
  readonly reasons: readonly string[];
  readonly notes: readonly string[];
  readonly alternatives: readonly Alternative[];
  readonly eliminated: readonly Eliminated[];
  readonly conflicts: readonly Conflict[];
  /** When nothing fits: requirements that, dropped one at a time, would let something fit. */
  readonly relaxations: readonly Relaxation[];
  /** When the recommendation includes a Kinesis data stream. */
  readonly kinesis: KinesisAdvice | undefined;
}

interface PreferenceRule {
  readonly id: RuleId;
  readonly pick: CandidateId;
  readonly applies: (w: Workload) => boolean;
  readonly why: (w: Workload) => string;
}

const LOW_LATENCY_MS = 200;

function streamTriggers(w: Workload): string[] {
  const n = consumerCount(w);
  const triggers: string[] = [];
  if (wantsReplay(w)) triggers.push('consumers must be able to read data again, which a stream keeps for each reader');
  if (w.maxMessageKiB !== undefined && w.maxMessageKiB * 1024 > STREAM.maxRecordBytesDefault.value) {
    triggers.push(`messages of ${bytes(w.maxMessageKiB * 1024)} are more than queues take, and a stream takes records up to ${bytes(STREAM.maxRecordBytesLimit.value)}`);
  }
  // Acknowledging each message on Kinesis means Kinesis queues: no order, no enhanced fan-out. Only
  // replay or size make that worth it over queues.
  if (n >= 2 && !w.perMessageAck) {
    const why: string[] = [];
    if (w.ordering === 'per-key') why.push('in order per key');
    if ((w.mbps ?? 0) >= SHARD.writeBytesPerSec.value / MIB || (w.messagesPerSec ?? 0) >= SHARD.writeRecordsPerSec.value) why.push('at streaming volume');
    if (w.latencyMs !== undefined && w.latencyMs < LOW_LATENCY_MS) why.push('within milliseconds');
    if (why.length > 0) triggers.push(`${num(n)} independent applications each need every message ${list(why)}, and each reads the stream at its own position`);
  }
  return triggers;
}

const RULES: readonly PreferenceRule[] = [
  {
    id: 'kafka-api',
    pick: 'msk',
    applies: (w) => w.kafkaApi,
    why: () => 'Producers and consumers must speak the Kafka protocol: MSK is managed Apache Kafka, and MSK Serverless is the least of it to operate.',
  },
  {
    id: 'long-replay',
    pick: 'msk',
    applies: (w) => w.replayDays !== undefined && w.replayDays > STREAM.retentionMaxHours.value / 24,
    why: (w) =>
      `Replay must reach back ${count(w.replayDays ?? 0, 'day')}; Kinesis, SNS and EventBridge keep at most 365 days, while Kafka topics can keep data without a time limit.`,
  },
  {
    id: 'firehose-direct',
    pick: 'firehose',
    applies: (w) => isFirehoseSink(w.destination) && consumerCount(w) <= 1 && !wantsReplay(w),
    why: (w) =>
      `The data only has to land in ${DESTINATION_NAMES[w.destination ?? 's3']}: Firehose loads it for you, scales by itself and bills per GB.`,
  },
  {
    id: 'stream-to-sink',
    pick: 'kds+firehose',
    applies: (w) => isFirehoseSink(w.destination),
    why: (w) => {
      const needs = [
        ...(wantsReplay(w) ? ['be read again'] : []),
        ...(consumerCount(w) >= 2 ? [`reach ${count(consumerCount(w), 'reader')}`] : []),
      ];
      return (
        `The data must land in ${DESTINATION_NAMES[w.destination ?? 's3']} and also ${list(needs)}: a Kinesis stream keeps it for every reader, ` +
        'and Firehose reads the stream as one of them to load the destination with no code.'
      );
    },
  },
  {
    id: 'content-routing',
    pick: 'eventbridge',
    applies: (w) => w.contentRouting,
    why: () =>
      'Messages must go to different targets depending on their content: EventBridge rules (or Custom Event Bus subscribers) match on any field and deliver to AWS services, other accounts and HTTP APIs.',
  },
  {
    id: 'stream',
    pick: 'kds',
    applies: (w) => streamTriggers(w).length > 0,
    why: (w) => {
      const [first, ...rest] = streamTriggers(w);
      const text = [first ?? '', ...rest].join('; ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}: that is what a Kinesis data stream is for.`;
    },
  },
  {
    id: 'ordered-queue',
    pick: 'sqs-fifo',
    applies: (w) => w.ordering !== 'none' || w.exactlyOnce,
    why: (w) => {
      const needs = [...(w.ordering !== 'none' ? ['order'] : []), ...(w.exactlyOnce ? ['no duplicates'] : [])];
      return `One application needs ${list(needs)}: an SQS FIFO queue gives both within a message group, with acknowledgement per message and nothing to size.`;
    },
  },
  {
    id: 'fan-out',
    pick: 'sns+sqs',
    applies: (w) => consumerCount(w) >= 2,
    why: (w) =>
      `${num(consumerCount(w))} applications each need every message${w.perMessageAck ? ' and acknowledge each one' : ''}: ` +
      'an SNS topic copies each message to one SQS queue per application, and each queue keeps its own retries and dead-letter queue.' +
      (w.ordering !== 'none' || w.exactlyOnce ? ' Use an SNS FIFO topic and FIFO queues for order and deduplication.' : ''),
  },
  {
    id: 'work-queue',
    pick: 'sqs-standard',
    applies: () => true,
    why: (w) =>
      'A work queue fits: consumers take messages, acknowledge each one, and failures retry through a dead-letter queue; it scales without capacity planning and bills per request.' +
      (w.perMessageDelay ? ' Message timers delay single messages.' : ''),
  },
];

function eliminatedFrom(a: Assessment): Eliminated {
  const first = a.failures[0];
  if (first === undefined) throw new Error(`${a.candidate} was not eliminated`);
  return { id: a.candidate, reason: first.reason, requirement: first.requirement, reasons: a.failures.map((f) => f.reason) };
}

function survivors(w: Workload): CandidateId[] {
  return CANDIDATE_IDS.filter((c) => assess(w, c).failures.length === 0);
}

/** Was the requirement stated by the user (rather than assumed)? */
function stated(w: Workload, id: RequirementId): boolean {
  if (id === 'destination') return w.destination !== undefined || w.noCode;
  return isActive(id, w);
}

function relaxations(w: Workload): Relaxation[] {
  const out: Relaxation[] = [];
  for (const id of REQUIREMENT_IDS) {
    if (!stated(w, id)) continue;
    const relaxed = relax(w, id);
    if (findConflicts(relaxed).length > 0) continue;
    const allowed = survivors(relaxed);
    if (allowed.length > 0) out.push({ requirement: id, flags: REQUIREMENT_FLAGS[id], wouldAllow: allowed });
  }
  return out;
}

/** Is a Kinesis data stream part of the pick? */
function involvesKinesis(id: CandidateId): boolean {
  return id === 'kds' || id === 'kds+firehose';
}

export const NOTHING_FITS = 'No service meets every requirement: each one is ruled out by at least one of them (see eliminated).';

export interface RecommendOptions {
  /** Spare shard capacity as a fraction, for the Kinesis sizing (kds size's default is 0.25). */
  readonly headroom: number;
}

export function recommend(w: Workload, options: RecommendOptions): Recommendation {
  const assessments = CANDIDATE_IDS.map((c) => assess(w, c));
  const eliminated = assessments.filter((a) => a.failures.length > 0).map(eliminatedFrom);
  const fits = new Map(assessments.filter((a) => a.failures.length === 0).map((a) => [a.candidate, a]));
  const conflicts = findConflicts(w);

  if (conflicts.length > 0 || fits.size === 0) {
    const explained = conflicts.length > 0 ? conflicts.map((c) => c.explanation) : [NOTHING_FITS];
    return {
      recommendation: undefined,
      rule: undefined,
      reasons: explained,
      notes: [],
      alternatives: [],
      eliminated,
      conflicts,
      relaxations: relaxations(w),
      kinesis: undefined,
    };
  }

  let pick: CandidateId | undefined;
  let rule: RuleId = 'last-standing';
  let why = '';
  for (const r of RULES) {
    if (r.applies(w) && fits.has(r.pick)) {
      pick = r.pick;
      rule = r.id;
      why = r.why(w);
      break;
    }
  }
  if (pick === undefined) {
    pick = SIMPLICITY_ORDER.find((c) => fits.has(c));
    if (pick === undefined) throw new Error('a survivor vanished');
    why = fits.size === 1 ? 'It is the only service that meets every requirement.' : 'It is the simplest service that meets every requirement.';
  }
  const chosen = fits.get(pick);
  if (chosen === undefined) throw new Error(`no assessment for ${pick}`);

  const alternatives = SIMPLICITY_ORDER.filter((c) => c !== pick && fits.has(c)).map((c) => ({
    id: c,
    reason: `Also fits: ${TRADE_OFFS[c]}.`,
    notes: fits.get(c)?.notes ?? [],
  }));
  const kinesis = involvesKinesis(pick) ? kinesisAdvice(w, options.headroom) : undefined;

  return {
    recommendation: pick,
    rule,
    reasons: [why, ...chosen.hows],
    notes: chosen.notes,
    alternatives,
    eliminated,
    conflicts: [],
    relaxations: [],
    kinesis,
  };
}
