import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_IDS, type CandidateId } from '../../../src/core/compare/candidates.js';
import { NOTHING_FITS, recommend, type RuleId } from '../../../src/core/compare/recommend.js';
import { assess } from '../../../src/core/compare/requirements.js';
import { DESTINATIONS, EMPTY_WORKLOAD, ORDERINGS, type Workload } from '../../../src/core/compare/workload.js';
import { sizeStream } from '../../../src/core/size/size.js';
import { MIB } from '../../../src/core/units.js';

const HEADROOM = { headroom: 0.25 };
const advise = (partial: Partial<Workload>) => recommend({ ...EMPTY_WORKLOAD, ...partial }, HEADROOM);

describe('the preference rules, first match wins', () => {
  it.each<[string, Partial<Workload>, CandidateId, RuleId]>([
    ['Kafka clients mean MSK', { kafkaApi: true }, 'msk', 'kafka-api'],
    ['replay beyond 365 days means MSK', { replayDays: 400 }, 'msk', 'long-replay'],
    ['loading S3 with no code means Firehose', { destination: 's3', noCode: true }, 'firehose', 'firehose-direct'],
    ['Parquet on S3, partitioned by field, means Firehose', { destination: 's3', noCode: true, formatConversion: true, partitionByField: true }, 'firehose', 'firehose-direct'],
    ['loading Redshift with code still prefers Firehose', { destination: 'redshift' }, 'firehose', 'firehose-direct'],
    ['S3 plus replay means a stream with Firehose', { destination: 's3', noCode: true, replay: true }, 'kds+firehose', 'stream-to-sink'],
    ['S3 plus a second reader means a stream with Firehose', { destination: 's3', noCode: true, consumers: 2 }, 'kds+firehose', 'stream-to-sink'],
    ['routing by content means EventBridge', { contentRouting: true, consumers: 3 }, 'eventbridge', 'content-routing'],
    ['replay means Kinesis', { replay: true }, 'kds', 'stream'],
    ['messages over 1 MiB mean Kinesis', { maxMessageKiB: 2048 }, 'kds', 'stream'],
    ['several readers in order per key mean Kinesis', { consumers: 3, ordering: 'per-key' }, 'kds', 'stream'],
    ['several readers at 1 MiB/s mean Kinesis', { consumers: 2, mbps: 1 }, 'kds', 'stream'],
    ['several readers at 1,000 messages/s mean Kinesis', { consumers: 2, messagesPerSec: 1000 }, 'kds', 'stream'],
    ['several readers within 150 ms mean Kinesis', { consumers: 2, latencyMs: 150 }, 'kds', 'stream'],
    ['several readers acknowledging each message mean SNS fan-out, even at volume', { consumers: 4, perMessageAck: true, mbps: 5, latencyMs: 50 }, 'sns+sqs', 'fan-out'],
    ['replay with acknowledgement per message still means Kinesis (queues)', { replay: true, perMessageAck: true }, 'kds', 'stream'],
    ['order per key for one application means SQS FIFO', { ordering: 'per-key' }, 'sqs-fifo', 'ordered-queue'],
    ['no duplicates for one application means SQS FIFO', { exactlyOnce: true }, 'sqs-fifo', 'ordered-queue'],
    ['several readers at low volume mean SNS fan-out', { consumers: 3 }, 'sns+sqs', 'fan-out'],
    ['several readers at 0.5 MiB/s mean SNS fan-out', { consumers: 2, mbps: 0.5 }, 'sns+sqs', 'fan-out'],
    ['several readers needing dedup but no volume mean SNS FIFO fan-out', { consumers: 2, exactlyOnce: true }, 'sns+sqs', 'fan-out'],
    ['nothing special means a standard queue', {}, 'sqs-standard', 'work-queue'],
    ['delaying single messages means a standard queue', { perMessageDelay: true }, 'sqs-standard', 'work-queue'],
    ['acknowledging each message means a standard queue', { perMessageAck: true }, 'sqs-standard', 'work-queue'],
    ['a rule whose pick was ruled out falls through: 1,001 KiB to S3 with no code', { destination: 's3', noCode: true, maxMessageKiB: 1001 }, 'kds', 'last-standing'],
  ])('%s', (_name, partial, pick, rule) => {
    const r = advise(partial);
    expect(r.recommendation).toBe(pick);
    expect(r.rule).toBe(rule);
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(r.conflicts).toEqual([]);
  });

  it('explains a fan-out with order as SNS FIFO to SQS FIFO', () => {
    expect(advise({ consumers: 2, exactlyOnce: true }).reasons.join(' ')).toMatch(/SNS FIFO topic and FIFO queues/);
  });

  it('lists the other survivors as alternatives, simplest first, each with its trade-off', () => {
    const r = advise({ replay: true, consumers: 3, ordering: 'per-key', mbps: 6 });
    expect(r.recommendation).toBe('kds');
    expect(r.alternatives.map((a) => a.id)).toEqual(['sns+sqs', 'eventbridge', 'msk']);
    for (const a of r.alternatives) expect(a.reason).toMatch(/^Also fits: .+\.$/);
  });

  it('rules out every other candidate with the requirement that ruled it out', () => {
    const r = advise({ replay: true, consumers: 3, ordering: 'per-key', mbps: 6 });
    expect(r.eliminated.map((e) => [e.id, e.requirement])).toEqual([
      ['sqs-standard', 'replay'],
      ['sqs-fifo', 'replay'],
      ['firehose', 'replay'],
      ['kds+firehose', 'destination'],
    ]);
  });
});

describe('contradictory and impossible requirements', () => {
  it('explains that a 20 MiB message fits nowhere and suggests a claim-check', () => {
    const r = advise({ maxMessageKiB: 20 * 1024 });
    expect(r.recommendation).toBeUndefined();
    expect(r.conflicts.map((c) => c.id)).toEqual(['message-too-large']);
    expect(r.conflicts[0]?.explanation).toMatch(/20 MiB.*Kinesis at 10 MiB/);
    expect(r.conflicts[0]?.suggestion).toMatch(/claim-check/);
    expect(r.reasons).toEqual([r.conflicts[0]?.explanation]);
    expect(r.eliminated).toHaveLength(CANDIDATE_IDS.length);
    expect(r.relaxations.map((x) => x.requirement)).toEqual(['max-message-size']);
  });

  it('accepts a 10 MiB message without a conflict', () => {
    expect(advise({ maxMessageKiB: 10 * 1024 }).conflicts).toEqual([]);
  });

  it('explains that a global order cannot carry 50 MiB/s and suggests per-key order', () => {
    const r = advise({ ordering: 'global', mbps: 50 });
    expect(r.recommendation).toBeUndefined();
    expect(r.conflicts.map((c) => c.id)).toEqual(['global-order-throughput']);
    expect(r.conflicts[0]?.suggestion).toMatch(/--ordering per-key/);
    expect(r.relaxations.map((x) => x.requirement)).toEqual(['ordering', 'throughput']);
  });

  it('lets a global order through one shard at 1 MiB/s', () => {
    const r = advise({ ordering: 'global', mbps: 1, replay: true });
    expect(r.recommendation).toBe('kds');
    expect(r.notes.join(' ')).toMatch(/never scales out/);
  });

  it('calls --no-code with your own consumer code a contradiction', () => {
    expect(advise({ noCode: true, destination: 'custom' }).conflicts.map((c) => c.id)).toEqual(['no-code-custom']);
  });

  it('calls Parquet conversion into Redshift a contradiction', () => {
    const r = advise({ destination: 'redshift', formatConversion: true });
    expect(r.conflicts.map((c) => c.id)).toEqual(['firehose-feature-destination']);
    expect(r.conflicts[0]?.suggestion).toMatch(/--destination s3/);
  });

  it('does not call Parquet into Iceberg tables a contradiction', () => {
    expect(advise({ destination: 'iceberg', formatConversion: true }).conflicts).toEqual([]);
  });

  it('says nothing fits when each service fails one requirement, and which requirement to drop', () => {
    const r = advise({ perMessageDelay: true, ordering: 'per-key' });
    expect(r.recommendation).toBeUndefined();
    expect(r.conflicts).toEqual([]);
    expect(r.reasons).toEqual([NOTHING_FITS]);
    expect(r.relaxations).toEqual([
      expect.objectContaining({ requirement: 'ordering', wouldAllow: ['sqs-standard'] }),
      expect.objectContaining({ requirement: 'per-message-delay' }),
    ]);
  });

  it('says nothing fits a sub-second delivery to S3 without code', () => {
    const r = advise({ destination: 's3', noCode: true, latencyMs: 500 });
    expect(r.recommendation).toBeUndefined();
    expect(r.relaxations.map((x) => x.requirement)).toEqual(['destination', 'latency']);
  });
});

describe('the Kinesis part of a Kinesis recommendation', () => {
  it('sizes the stream with the kds size calculator for the same throughput', () => {
    const r = advise({ replay: true, consumers: 3, ordering: 'per-key', mbps: 6 });
    const sizing = r.kinesis?.sizing;
    expect(sizing?.command).toBe('kds size --mbps 6 --consumers 3');
    const direct = sizeStream({
      dataBytesPerSec: 6 * MIB, keyBytes: 0, sharedConsumers: 3, efoConsumers: 0, headroom: 0.25, retentionHours: 24, kpl: false,
    });
    expect(sizing?.result.minimumShards).toBe(direct.minimumShards);
    expect(sizing?.result.recommendedShards).toBe(direct.recommendedShards);
    expect(sizing?.result.minimumShards).toBe(9);
    expect(sizing?.result.binding).toBe('read-bytes');
  });

  it('keeps the replay window as the retention to size and price', () => {
    expect(advise({ replayDays: 30, mbps: 2 }).kinesis?.sizing?.command).toBe('kds size --mbps 2 --consumers 1 --retention-hours 720');
  });

  it('passes the message rate on as --records', () => {
    expect(advise({ replay: true, mbps: 2, messagesPerSec: 5000 }).kinesis?.sizing?.command).toBe('kds size --mbps 2 --records 5000 --consumers 1');
  });

  it('asks for --mbps when it cannot size', () => {
    const r = advise({ replay: true });
    expect(r.kinesis?.sizing).toBeUndefined();
    expect(r.kinesis?.efo.needed).toBe(false);
  });

  it.each<[string, Partial<Workload>, boolean, RegExp]>([
    ['one reader with no budget does not need EFO', { replay: true }, false, /One reader/],
    ['a 150 ms budget needs EFO', { replay: true, latencyMs: 150 }, true, /70 ms/],
    ['a 200 ms budget with one reader does not', { replay: true, latencyMs: 200 }, false, /One reader/],
    ['five readers can share reads', { replay: true, consumers: 5 }, false, /AWS recommends it/],
    ['six readers would split 5 calls/s: EFO needed', { replay: true, consumers: 6 }, true, /5 GetRecords calls/],
    ['two readers within 800 ms need EFO', { replay: true, consumers: 2, latencyMs: 800 }, true, /about 1 s with five/],
    ['queue readers are not EFO readers', { replay: true, perMessageAck: true, latencyMs: 100 }, false, /Kinesis queues/],
  ])('%s', (_name, partial, needed, reason) => {
    const efo = advise(partial).kinesis?.efo;
    expect(efo?.needed).toBe(needed);
    expect(efo?.reason).toMatch(reason);
  });

  it('puts EFO readers, not shared readers, into the sizing when EFO is needed', () => {
    const input = advise({ replay: true, consumers: 6, mbps: 4 }).kinesis?.sizing?.input;
    expect([input?.sharedConsumers, input?.efoConsumers]).toEqual([0, 6]);
  });

  it('gives no Kinesis part when Kinesis is not the pick', () => {
    expect(advise({ consumers: 3 }).kinesis).toBeUndefined();
  });
});

const workloads: fc.Arbitrary<Workload> = fc.record({
  replay: fc.boolean(),
  replayDays: fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
  consumers: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  ordering: fc.constantFrom(...ORDERINGS),
  exactlyOnce: fc.boolean(),
  perMessageAck: fc.boolean(),
  perMessageDelay: fc.boolean(),
  destination: fc.option(fc.constantFrom(...DESTINATIONS), { nil: undefined }),
  noCode: fc.boolean(),
  formatConversion: fc.boolean(),
  partitionByField: fc.boolean(),
  latencyMs: fc.option(fc.integer({ min: 1, max: 600_000 }), { nil: undefined }),
  maxMessageKiB: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined }),
  mbps: fc.option(fc.double({ min: 0.01, max: 20_000, noNaN: true }), { nil: undefined }),
  messagesPerSec: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: undefined }),
  kafkaApi: fc.boolean(),
  contentRouting: fc.boolean(),
});

describe('for any workload', () => {
  it('accounts for every candidate exactly once: picked, alternative or ruled out', () => {
    fc.assert(
      fc.property(workloads, (w) => {
        const r = recommend(w, HEADROOM);
        const seen = [...(r.recommendation ? [r.recommendation] : []), ...r.alternatives.map((a) => a.id), ...r.eliminated.map((e) => e.id)];
        const survivorsHidden = r.recommendation === undefined && r.conflicts.length > 0;
        if (!survivorsHidden) expect([...seen].sort()).toEqual([...CANDIDATE_IDS].sort());
        expect(new Set(seen).size).toBe(seen.length);
      }),
    );
  });

  it('never recommends a candidate that a requirement rules out, and always says why', () => {
    fc.assert(
      fc.property(workloads, (w) => {
        const r = recommend(w, HEADROOM);
        if (r.recommendation !== undefined) expect(assess(w, r.recommendation).failures).toEqual([]);
        expect(r.reasons.length).toBeGreaterThan(0);
        for (const e of r.eliminated) expect(e.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('gives no pick exactly when requirements conflict or nothing survives', () => {
    fc.assert(
      fc.property(workloads, (w) => {
        const r = recommend(w, HEADROOM);
        const nothingSurvives = CANDIDATE_IDS.every((c) => assess(w, c).failures.length > 0);
        expect(r.recommendation === undefined).toBe(r.conflicts.length > 0 || nothingSurvives);
      }),
    );
  });
});
