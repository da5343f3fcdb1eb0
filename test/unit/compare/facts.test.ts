import { describe, expect, it } from 'vitest';
import { EVENTBRIDGE, FIREHOSE, KDS_COMPARED, MSK, NEIGHBOUR_SOURCES, SNS, SQS, SQS_FIFO, type Fact } from '../../../src/core/facts.js';

const groups = { SQS, SQS_FIFO, FIREHOSE, SNS, EVENTBRIDGE, MSK, KDS_COMPARED } as const;

describe('neighbouring-service facts', () => {
  const all: [string, Fact][] = Object.entries(groups).flatMap(([group, facts]) =>
    Object.entries(facts as Record<string, Fact>).map(([name, fact]): [string, Fact] => [`${group}.${name}`, fact]),
  );

  it.each(all)('%s has an https source, a unit and a check date', (_name, fact) => {
    expect(fact.source).toMatch(/^https:\/\//);
    expect(fact.unit.length).toBeGreaterThan(0);
    expect(fact.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists only https sources', () => {
    for (const url of Object.values(NEIGHBOUR_SOURCES)) expect(url).toMatch(/^https:\/\/[^ ]+$/);
  });

  it.each([
    ['an SQS message is 1 MiB since Aug 2025', SQS.maxMessageBytes.value, 1_048_576],
    ['an SQS message was 256 KiB before', SQS.maxMessageBytesBefore2025.value, 262_144],
    ['SQS keeps messages at most 14 days', SQS.retentionMaxSeconds.value, 1_209_600],
    ['SQS delays by at most 15 minutes', SQS.deliveryDelayMaxSeconds.value, 900],
    ['a FIFO queue takes 300 calls/s per action', SQS_FIFO.transactionsPerSecond.value, 300],
    ['high-throughput FIFO takes 70,000 calls/s', SQS_FIFO.highThroughputTransactionsPerSecond.value, 70_000],
    ['a Firehose record is 1,000 KiB (1,024,000 bytes)', FIREHOSE.maxRecordBytes.value, 1_024_000],
    ['the Firehose buffer interval starts at 0 s (zero buffering)', FIREHOSE.bufferIntervalMinSeconds.value, 0],
    ['the Firehose buffer interval ends at 900 s', FIREHOSE.bufferIntervalMaxSeconds.value, 900],
    ['an SNS topic takes 256 KiB by default', SNS.maxMessageBytesDefault.value, 262_144],
    ['an SNS topic takes 1 MiB when raised', SNS.maxMessageBytesRaised.value, 1_048_576],
    ['an MSK Serverless message is at most 8 MiB', MSK.serverlessMaxMessageBytes.value, 8_388_608],
    ['an MSK Serverless partition takes 5 MBps', MSK.serverlessPartitionIngressBytesPerSec.value, 5_000_000],
    ['enhanced fan-out delivers in about 70 ms', KDS_COMPARED.efoLatencyMs.value, 70],
    ['channels deliver every 300 s at best', KDS_COMPARED.channelFreshnessMinSeconds.value, 300],
  ])('%s', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('keeps a Firehose record smaller than an SQS message (1,000 KiB is not 1 MiB)', () => {
    expect(FIREHOSE.maxRecordBytes.value).toBeLessThan(SQS.maxMessageBytes.value);
  });

  it('counts an EventBridge event as 1,000,000 bytes, below 1 MiB, to be safe', () => {
    expect(EVENTBRIDGE.maxEventBytes.value).toBe(1_000_000);
  });

  it('says when the changed limits changed', () => {
    expect(SQS.maxMessageBytes.note).toMatch(/4 Aug 2025/);
    expect(FIREHOSE.bufferIntervalMinSeconds.note).toMatch(/60 seconds.*Dec 2023/);
    expect(SQS_FIFO.highThroughputTransactionsPerSecond.note).toMatch(/Nov 2023/);
  });
});
