/** kds compare as a user runs it: the built binary, piped (so not a terminal: 80 columns, no colour). */
import { describe, expect, it } from 'vitest';
import { spawnKds } from '../helpers/spawn.js';

const MATRIX_TWO_COLUMNS = `Kinesis and SQS Standard, checked 2026-11-25

Kinesis                                  SQS Standard
---------------------------------------  ---------------------------------------

Replay
Yes: read again from the oldest record,  No: a deleted message is gone.
a timestamp or a sequence number,        Dead-letter redrive only moves failed
within retention.                        messages back.

Columns: kds = Amazon Kinesis Data Streams; sqs-standard = Amazon SQS standard
queue.
More: add sqs-fifo, firehose, msk, sns, eventbridge with --services or --all;
--rows to narrow; --sources for the page behind each cell; --recommend to choose
for a workload.
`;

const KAFKA = `Recommendation: Amazon MSK (msk)

Why
- Producers and consumers must speak the Kafka protocol: MSK is managed Apache
  Kafka, and MSK Serverless is the least of it to operate.
- Existing Kafka clients, connectors and tools work unchanged.

Ruled out
- Kinesis Data Streams (kds): it does not speak the Kafka protocol; only MSK
  does.
- SQS standard queue (sqs-standard): it does not speak the Kafka protocol; only
  MSK does.
- SQS FIFO queue (sqs-fifo): it does not speak the Kafka protocol; only MSK
  does.
- Amazon Data Firehose (firehose): it does not speak the Kafka protocol; only
  MSK does.
- SNS topic fanning out to SQS queues (sns+sqs): it does not speak the Kafka
  protocol; only MSK does.
- Kinesis Data Streams with Firehose reading it (kds+firehose): it does not
  speak the Kafka protocol; only MSK does.
- Amazon EventBridge (eventbridge): it does not speak the Kafka protocol; only
  MSK does.
`;

const overWide = (text: string) => text.split('\n').filter((line) => line.length > 80);

describe('kds compare, the binary', () => {
  it('prints a two-column matrix exactly', async () => {
    expect(await spawnKds(['compare', '--services', 'kds,sqs-standard', '--rows', 'replay'])).toEqual({
      code: 0,
      stdout: MATRIX_TWO_COLUMNS,
      stderr: '',
    });
  });

  it.each([[['compare']], [['compare', '--all']], [['compare', '--services', 'kds,msk,sns']]])(
    'fits every line of %j into 80 columns',
    async (args) => {
      const r = await spawnKds(args);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').length).toBeGreaterThan(100);
      expect(overWide(r.stdout)).toEqual([]);
    },
  );

  it('prints a recommendation exactly', async () => {
    expect(await spawnKds(['compare', '--recommend', '--kafka-api'])).toEqual({ code: 0, stdout: KAFKA, stderr: '' });
  });

  it('fits a full recommendation into 80 columns', async () => {
    const r = await spawnKds(['compare', '--recommend', '--replay-days', '30', '--consumers', '6', '--ordering', 'per-key', '--mbps', '12', '--latency-ms', '150']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Enhanced fan-out: needed.');
    expect(r.stdout).toContain('    kds size --mbps 12 --consumers 0 --efo-consumers 6 --retention-hours 720\n');
    expect(overWide(r.stdout)).toEqual([]);
  });

  it('answers an impossible message size with null and exit 1', async () => {
    const r = await spawnKds(['compare', '--recommend', '--max-message-kb', '20480', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as { recommendation: unknown; eliminated: unknown[]; conflicts: { id: string }[] };
    expect(json.recommendation).toBeNull();
    expect(json.eliminated).toHaveLength(8);
    expect(json.conflicts.map((c) => c.id)).toEqual(['message-too-large']);
  });

  it('rejects an unknown service with one line and exit 2', async () => {
    expect(await spawnKds(['compare', '--services', 'kds,kafka'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "kds: --services: unknown id 'kafka'; choose from kds, sqs-standard, sqs-fifo, firehose, msk, sns, eventbridge.\n",
    });
  });

  it('rejects a bad choice with one line and exit 2', async () => {
    expect(await spawnKds(['compare', '--recommend', '--destination', 'ftp'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "kds: option '--destination <WHERE>' argument 'ftp' is invalid. Allowed choices are s3, redshift, opensearch, splunk, snowflake, iceberg, http, custom.\n",
    });
  });

  it('without a terminal, --recommend alone exits 2 naming the workload flags', async () => {
    expect(await spawnKds(['compare', '--recommend'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kds: --recommend needs workload flags when it cannot ask (no terminal): --replay, --replay-days N, --consumers N, ' +
        '--ordering none|per-key|global, --exactly-once, --per-message-ack, --per-message-delay, ' +
        '--destination s3|redshift|opensearch|splunk|snowflake|iceberg|http|custom, --no-code, --format-conversion, ' +
        '--partition-by-field, --latency-ms N, --max-message-kb N, --mbps N, --messages-per-sec N, --kafka-api, ' +
        '--content-routing. See kds compare --help.\n',
    });
  });
});
