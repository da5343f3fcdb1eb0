import { describe, expect, it } from 'vitest';
import type { CandidateId } from '../../../src/core/compare/candidates.js';
import { assess } from '../../../src/core/compare/requirements.js';
import { EMPTY_WORKLOAD, type Workload } from '../../../src/core/compare/workload.js';

type Case = [string, Partial<Workload>, CandidateId, 'fits' | 'ruled out', RegExp?];

/** Runs one table: each row says whether a candidate fits a workload, and what it says about it. */
function table(cases: Case[]): void {
  it.each<Case>(cases)('%s', (_name, partial, candidate, expected, said) => {
    const a = assess({ ...EMPTY_WORKLOAD, ...partial }, candidate);
    expect(a.failures.length === 0 ? 'fits' : 'ruled out').toBe(expected);
    if (said) expect([...a.failures.map((f) => f.reason), ...a.hows, ...a.notes].join(' | ')).toMatch(said);
  });
}

const custom = { destination: 'custom' } as const;

describe('kafka-api', () => {
  table([
    ['only MSK speaks Kafka', { kafkaApi: true }, 'msk', 'fits'],
    ['Kinesis does not speak Kafka', { kafkaApi: true }, 'kds', 'ruled out', /Kafka protocol/],
    ['SQS does not speak Kafka', { kafkaApi: true }, 'sqs-standard', 'ruled out'],
    ['EventBridge does not speak Kafka', { kafkaApi: true }, 'eventbridge', 'ruled out'],
  ]);
});

describe('max-message-size: the edges between 1,000 KiB, 1 MiB, 1 MB, 8 MiB and 10 MiB', () => {
  table([
    ['Firehose takes a 1,000 KiB record', { destination: 's3', maxMessageKiB: 1000 }, 'firehose', 'fits'],
    ['Firehose refuses 1,001 KiB: 1,000 KiB is not 1 MiB', { destination: 's3', maxMessageKiB: 1001 }, 'firehose', 'ruled out', /1,000 KiB \(less than 1 MiB\)/],
    ['Firehose refuses a 1 MiB record', { destination: 's3', maxMessageKiB: 1024 }, 'firehose', 'ruled out'],
    ['Kinesis with Firehose is held to Firehose size', { destination: 's3', maxMessageKiB: 1001 }, 'kds+firehose', 'ruled out', /Firehose takes records/],
    ['SQS takes exactly 1 MiB (since Aug 2025)', { maxMessageKiB: 1024 }, 'sqs-standard', 'fits'],
    ['SQS refuses 1,025 KiB', { maxMessageKiB: 1025 }, 'sqs-standard', 'ruled out', /1 MiB \(since Aug 2025\)/],
    ['SQS FIFO refuses 1,025 KiB', { maxMessageKiB: 1025 }, 'sqs-fifo', 'ruled out'],
    ['SQS takes 257 KiB, above the old 256 KiB', { maxMessageKiB: 257 }, 'sqs-standard', 'fits'],
    ['Kinesis takes 1 MiB as it comes', { maxMessageKiB: 1024 }, 'kds', 'fits', /1 MiB by default/],
    ['Kinesis takes 1,025 KiB once the stream is raised', { maxMessageKiB: 1025 }, 'kds', 'fits', /update-max-record-size.*2%/],
    ['Kinesis takes 10 MiB', { maxMessageKiB: 10240 }, 'kds', 'fits'],
    ['Kinesis refuses 10,241 KiB', { maxMessageKiB: 10241 }, 'kds', 'ruled out', /at most 10 MiB/],
    ['EventBridge takes 976 KiB (under 1,000,000 bytes)', { maxMessageKiB: 976 }, 'eventbridge', 'fits'],
    ['EventBridge refuses 977 KiB (over 1,000,000 bytes)', { maxMessageKiB: 977 }, 'eventbridge', 'ruled out', /1 MB/],
    ['MSK Serverless takes 8 MiB', { maxMessageKiB: 8192 }, 'msk', 'fits'],
    ['MSK Serverless refuses 8,193 KiB', { maxMessageKiB: 8193 }, 'msk', 'ruled out', /8 MiB/],
    ['SNS fan-out takes 256 KiB on a default topic', { maxMessageKiB: 256 }, 'sns+sqs', 'fits'],
    ['SNS fan-out takes 257 KiB on a raised topic', { maxMessageKiB: 257 }, 'sns+sqs', 'fits', /MaximumMessageSize.*at most 100/],
    ['a raised SNS topic feeds 100 queues', { maxMessageKiB: 512, consumers: 100 }, 'sns+sqs', 'fits'],
    ['a raised SNS topic cannot feed 101 queues', { maxMessageKiB: 512, consumers: 101 }, 'sns+sqs', 'ruled out', /at most 100 subscriptions/],
    ['SNS refuses 1,025 KiB', { maxMessageKiB: 1025 }, 'sns+sqs', 'ruled out'],
  ]);
});

describe('replay', () => {
  table([
    ['a standard queue cannot replay', { replay: true }, 'sqs-standard', 'ruled out', /nothing is left to read again/],
    ['a FIFO queue cannot replay', { replay: true }, 'sqs-fifo', 'ruled out'],
    ['Firehose cannot replay', { replay: true, destination: 's3' }, 'firehose', 'ruled out', /no copy/],
    ['Kinesis replays within retention', { replay: true }, 'kds', 'fits', /re-read/],
    ['--replay-days alone means replay', { replayDays: 3 }, 'sqs-standard', 'ruled out'],
    ['Kinesis reaches back 365 days', { replayDays: 365 }, 'kds', 'fits', /long-term retention/],
    ['Kinesis does not reach back 366 days', { replayDays: 366 }, 'kds', 'ruled out', /365 days \(8,760 hours\)/],
    ['Kinesis bills beyond 7 days as long-term retention', { replayDays: 8 }, 'kds', 'fits', /long-term/],
    ['an SNS FIFO archive reaches 365 days', { replayDays: 365 }, 'sns+sqs', 'fits', /FIFO/],
    ['an SNS FIFO archive does not reach 366 days', { replayDays: 366 }, 'sns+sqs', 'ruled out'],
    ['EventBridge keeps 365 days at most', { replayDays: 366 }, 'eventbridge', 'ruled out'],
    ['Kafka keeps data without a limit', { replayDays: 3650 }, 'msk', 'fits'],
  ]);
});

describe('ordering', () => {
  table([
    ['a standard queue keeps no order', { ordering: 'per-key' }, 'sqs-standard', 'ruled out', /best-effort/],
    ['Firehose keeps no order', { ordering: 'per-key', destination: 's3' }, 'firehose', 'ruled out'],
    ['Kinesis orders per partition key', { ordering: 'per-key' }, 'kds', 'fits', /partition key/],
    ['SQS FIFO orders per message group', { ordering: 'per-key' }, 'sqs-fifo', 'fits', /message group id/],
    ['MSK orders per partition', { ordering: 'per-key' }, 'msk', 'fits'],
    ['SNS FIFO to SQS FIFO orders per group', { ordering: 'per-key' }, 'sns+sqs', 'fits', /SNS FIFO/],
    ['a Custom Event Bus orders per event group', { ordering: 'per-key' }, 'eventbridge', 'fits', /Classic buses .* do not keep order/],
    ['one shard carries a global order at 1 MiB/s', { ordering: 'global', mbps: 1 }, 'kds', 'fits', /one shard/],
    ['one shard cannot carry 1.01 MiB/s', { ordering: 'global', mbps: 1.01 }, 'kds', 'ruled out', /single shard/],
    ['one shard carries 1,000 records/s', { ordering: 'global', messagesPerSec: 1000 }, 'kds', 'fits'],
    ['one shard cannot carry 1,001 records/s', { ordering: 'global', messagesPerSec: 1001 }, 'kds', 'ruled out'],
    ['one FIFO group carries 300 messages/s', { ordering: 'global', messagesPerSec: 300 }, 'sqs-fifo', 'fits'],
    ['one FIFO group cannot carry 301 messages/s', { ordering: 'global', messagesPerSec: 301 }, 'sqs-fifo', 'ruled out', /300 messages\/s/],
    ['one FIFO group is not trusted with 5 MiB/s', { ordering: 'global', mbps: 5 }, 'sqs-fifo', 'ruled out', /no byte rate/],
    ['one MSK Serverless partition carries 4.7 MiB/s', { ordering: 'global', mbps: 4.7 }, 'msk', 'fits'],
    ['one MSK Serverless partition cannot carry 4.8 MiB/s (over 5 MB/s)', { ordering: 'global', mbps: 4.8 }, 'msk', 'ruled out', /5 MB\/s/],
  ]);
});

describe('consumers: 20 vs 50 enhanced fan-out consumers', () => {
  table([
    ['one application may use a queue', { consumers: 1 }, 'sqs-standard', 'fits'],
    ['two applications cannot share one queue', { consumers: 2 }, 'sqs-standard', 'ruled out', /a queue each/],
    ['two applications cannot share one FIFO queue', { consumers: 2 }, 'sqs-fifo', 'ruled out'],
    ['Firehose feeds one destination', { consumers: 2, destination: 's3' }, 'firehose', 'ruled out', /one destination/],
    ['Kinesis takes 20 consumers in any mode', { consumers: 20 }, 'kds', 'fits'],
    ['Kinesis takes 21 with On-demand Advantage', { consumers: 21 }, 'kds', 'fits', /On-demand Advantage \(up to 50/],
    ['Kinesis takes 50 with On-demand Advantage', { consumers: 50 }, 'kds', 'fits', /On-demand Advantage/],
    ['Kinesis cannot take 51', { consumers: 51 }, 'kds', 'ruled out', /at most 50 enhanced fan-out consumers/],
    ['SNS fan-out gives each application a queue', { consumers: 51 }, 'sns+sqs', 'fits', /51 queues/],
    ['MSK gives each application a consumer group', { consumers: 51 }, 'msk', 'fits'],
  ]);
  it('does not warn about Advantage at exactly 20 consumers', () => {
    expect(assess({ ...EMPTY_WORKLOAD, consumers: 20 }, 'kds').notes.join(' ')).not.toMatch(/Advantage/);
  });
});

describe('exactly-once', () => {
  table([
    ['Kinesis is at least once', { exactlyOnce: true }, 'kds', 'ruled out', /at least once/],
    ['a standard queue is at least once', { exactlyOnce: true }, 'sqs-standard', 'ruled out'],
    ['Firehose does not drop producer duplicates', { exactlyOnce: true, destination: 's3' }, 'firehose', 'ruled out', /S3, Iceberg and Snowflake/],
    ['a FIFO queue deduplicates within 5 minutes', { exactlyOnce: true }, 'sqs-fifo', 'fits', /5 minutes/],
    ['SNS FIFO deduplicates', { exactlyOnce: true }, 'sns+sqs', 'fits'],
    ['a Custom Event Bus deduplicates at publish', { exactlyOnce: true }, 'eventbridge', 'fits'],
    ['Kafka transactions give exactly-once', { exactlyOnce: true }, 'msk', 'fits', /transactions/],
  ]);
});

describe('per-message-ack', () => {
  table([
    ['SQS acknowledges each message', { perMessageAck: true }, 'sqs-standard', 'fits', /visibility timeout/],
    ['Kinesis queues acknowledge records when order does not matter', { perMessageAck: true }, 'kds', 'fits', /Kinesis queue.*on-demand/],
    ['Kinesis cannot acknowledge single records in order', { perMessageAck: true, ordering: 'per-key' }, 'kds', 'ruled out', /no order/],
    ['Firehose has nothing to acknowledge', { perMessageAck: true, destination: 's3' }, 'firehose', 'ruled out'],
    ['Kafka commits offsets, not messages', { perMessageAck: true }, 'msk', 'ruled out', /offset/],
    ['EventBridge pushes', { perMessageAck: true }, 'eventbridge', 'ruled out'],
  ]);
});

describe('per-message-delay', () => {
  table([
    ['standard queues delay single messages', { perMessageDelay: true }, 'sqs-standard', 'fits', /15 minutes/],
    ['FIFO queues delay only the whole queue', { perMessageDelay: true }, 'sqs-fifo', 'ruled out', /whole queue/],
    ['SNS cannot delay a single message', { perMessageDelay: true }, 'sns+sqs', 'ruled out'],
    ['Kinesis has no delayed delivery', { perMessageDelay: true }, 'kds', 'ruled out'],
  ]);
});

describe('destination and --no-code', () => {
  table([
    ['without --destination, Firehose has no consumer API for your code', {}, 'firehose', 'ruled out', /assumes your own consumers/],
    ['with your own consumers, Firehose has nothing to load', custom, 'kds+firehose', 'ruled out'],
    ['Firehose loads S3 with no code', { destination: 's3', noCode: true }, 'firehose', 'fits'],
    ['a queue needs code to reach S3', { destination: 's3', noCode: true }, 'sqs-standard', 'ruled out', /consumer code/],
    ['SNS fan-out needs code to reach S3', { destination: 's3', noCode: true }, 'sns+sqs', 'ruled out'],
    ['a Kinesis channel reaches S3 with no code', { destination: 's3', noCode: true }, 'kds', 'fits', /channel.*5 to 15 minutes/],
    ['a Kinesis channel reaches S3 Tables with no code', { destination: 'iceberg', noCode: true }, 'kds', 'fits'],
    ['Kinesis needs code to reach Redshift', { destination: 'redshift', noCode: true }, 'kds', 'ruled out'],
    ['EventBridge calls an HTTP endpoint with no code', { destination: 'http', noCode: true }, 'eventbridge', 'fits'],
    ['EventBridge reaches S3 only through Firehose', { destination: 's3', noCode: true }, 'eventbridge', 'ruled out', /Firehose target/],
    ['with code, a queue can feed S3', { destination: 's3' }, 'sqs-standard', 'fits'],
  ]);
});

describe('format conversion and partitioning by field', () => {
  table([
    ['Firehose converts to Parquet', { destination: 's3', noCode: true, formatConversion: true }, 'firehose', 'fits', /Parquet or ORC/],
    ['a Kinesis channel does not convert', { destination: 's3', noCode: true, formatConversion: true }, 'kds', 'ruled out', /Firehose feature/],
    ['Firehose partitions by field', { destination: 's3', noCode: true, partitionByField: true }, 'firehose', 'fits', /dynamic partitioning/],
    ['with code, Kinesis can, with more work', { destination: 's3', partitionByField: true }, 'kds', 'fits', /own consumer code/],
  ]);
});

describe('latency: zero buffering and dynamic partitioning', () => {
  const s3 = { destination: 's3', noCode: true } as const;
  table([
    ['Firehose cannot deliver within 999 ms', { ...s3, latencyMs: 999 }, 'firehose', 'ruled out', /within seconds at best/],
    ['Firehose fits 1 s with zero buffering, tightly', { ...s3, latencyMs: 1000 }, 'firehose', 'fits', /zero buffering.*about 5 s/],
    ['dynamic partitioning cannot use zero buffering: 4,999 ms is out', { ...s3, latencyMs: 4999, partitionByField: true }, 'firehose', 'ruled out', /1.5x/],
    ['dynamic partitioning fits 5 s', { ...s3, latencyMs: 5000, partitionByField: true }, 'firehose', 'fits'],
    ['Firehose fits minutes', { ...s3, latencyMs: 300_000 }, 'firehose', 'fits', /0 to 900 s/],
    ['a Kinesis channel cannot deliver within 299,999 ms', { ...s3, latencyMs: 299_999 }, 'kds', 'ruled out', /5 to 15 minutes/],
    ['a Kinesis channel fits 5 minutes', { ...s3, latencyMs: 300_000 }, 'kds', 'fits'],
    ['MSK reaches S3 with no code only through Firehose', { ...s3, latencyMs: 500 }, 'msk', 'ruled out'],
    ['Kinesis meets 150 ms with enhanced fan-out', { latencyMs: 150 }, 'kds', 'fits', /Enhanced fan-out.*70 ms/],
    ['under 70 ms is below what AWS quotes', { latencyMs: 50 }, 'kds', 'fits', /below the ~70 ms/],
    ['SQS publishes no latency: measure it', { latencyMs: 100 }, 'sqs-standard', 'fits', /measure it/],
  ]);
});

describe('throughput', () => {
  table([
    ['FIFO in batches reaches 700,000 messages/s', { messagesPerSec: 700_000 }, 'sqs-fifo', 'fits', /high-throughput mode/],
    ['FIFO stops above 700,000 messages/s', { messagesPerSec: 700_001 }, 'sqs-fifo', 'ruled out', /700,000/],
    ['FIFO above 300 messages/s wants batches', { messagesPerSec: 301 }, 'sqs-fifo', 'fits', /batches of 10/],
    ['Firehose above 5 MiB/s needs a quota increase', { destination: 's3', mbps: 6 }, 'firehose', 'fits', /Direct PUT quota/],
    ['one on-demand stream stops at 10 GB/s', { mbps: 10_000 }, 'kds', 'fits', /10 GB\/s/],
  ]);
});
