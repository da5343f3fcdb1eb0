import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { ROW_IDS } from '../../src/core/compare/matrix.js';
import { ctrlC, fakeIo, runKds, scriptedPrompter } from '../helpers/io.js';

const TTY = { stdoutIsTTY: true, stdinIsTTY: true } as const;
const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

describe('kds compare (the matrix)', () => {
  it('shows Kinesis, SQS Standard, SQS FIFO and Firehose side by side in 80 columns when piped', async () => {
    const r = await runKds(['compare']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Kinesis\s+SQS Standard\s+SQS FIFO\s+Firehose$/m);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    for (const label of ['Data model', 'Ordering', 'Delivery semantics', 'Retention', 'Replay', 'Independent consumers', 'Typical use']) {
      expect(r.stdout).toMatch(new RegExp(`^${label}$`, 'm'));
    }
  });

  it('stacks all seven services under each row when they cannot fit side by side in 80 columns', async () => {
    const r = await runKds(['compare', '--all']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}EventBridge {3}Event bus/m);
    expect(r.stdout).toMatch(/^ {2}MSK {11}Apache Kafka/m);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('puts all seven side by side in a 160-column terminal', async () => {
    const r = await runKds(['compare', '--all', '--rows', 'ordering'], { ...TTY, columns: 160 });
    expect(r.stdout).toMatch(/^Kinesis\s+SQS Standard\s+SQS FIFO\s+Firehose\s+MSK\s+SNS\s+EventBridge$/m);
    expect(widest(r.stdout)).toBeLessThanOrEqual(160);
  });

  it('fits a 50-column terminal by stacking', async () => {
    const r = await runKds(['compare'], { ...TTY, columns: 50 });
    expect(r.stdout).toMatch(/^ {2}Kinesis {7}Append-only/m);
    expect(widest(r.stdout)).toBeLessThanOrEqual(50);
  });

  it('fits even a 30-column terminal, text under each name', async () => {
    const r = await runKds(['compare', '--rows', 'replay'], { ...TTY, columns: 30 });
    expect(r.stdout).toMatch(/^ {2}SQS Standard\n {4}No: a deleted/m);
    expect(widest(r.stdout)).toBeLessThanOrEqual(30);
  });

  it('narrows to the rows and services asked for, in that order', async () => {
    const r = await runKds(['compare', '--services', 'sqs-fifo,kds', '--rows', 'replay,retention']);
    expect(r.stdout).toMatch(/^SQS FIFO\s+Kinesis$/m);
    expect(r.stdout.indexOf('\nReplay\n')).toBeLessThan(r.stdout.indexOf('\nRetention\n'));
    expect(r.stdout).not.toMatch(/^Ordering$/m);
  });

  it('prints the source of every cell with --sources', async () => {
    const r = await runKds(['compare', '--rows', 'max-message-size', '--sources']);
    const sources = r.stdout.split('\n').filter((l) => l.trim().startsWith('source: https://'));
    expect(sources).toHaveLength(4);
    expect(r.stdout).toContain('source: https://docs.aws.amazon.com/firehose/latest/APIReference/API_Record.html');
  });

  it('gives { services, rows: [{ id, label, values }] } as JSON, with no colour even when forced', async () => {
    const fake = fakeIo({ ...TTY, env: { FORCE_COLOR: '3' } });
    const code = await run(['compare', '--services', 'kds,sqs-fifo,msk', '--rows', 'replay,ordering', '--json'], fake.io);
    expect(code).toBe(0);
    expect(fake.stdout()).not.toContain('\u001b');
    const json = JSON.parse(fake.stdout()) as { services: string[]; rows: { id: string; label: string; values: Record<string, string> }[] };
    expect(json.services).toEqual(['kds', 'sqs-fifo', 'msk']);
    expect(json.rows.map((r) => r.id)).toEqual(['replay', 'ordering']);
    expect(json.rows[0]?.label).toBe('Replay');
    expect(Object.keys(json.rows[0]?.values ?? {})).toEqual(['kds', 'sqs-fifo', 'msk']);
  });

  it('gives every row in JSON by default', async () => {
    const json = JSON.parse((await runKds(['compare', '--json'])).stdout) as { rows: { id: string }[] };
    expect(json.rows.map((r) => r.id)).toEqual([...ROW_IDS]);
  });

  it.each([
    [['--services', 'kafka'], "kds: --services: unknown id 'kafka'; choose from kds, sqs-standard, sqs-fifo, firehose, msk, sns, eventbridge.\n"],
    [['--services', 'kds,'], "kds: --services expects ids separated by commas, got 'kds,'; choose from kds, sqs-standard, sqs-fifo, firehose, msk, sns, eventbridge.\n"],
    [['--rows', 'speed'], `kds: --rows: unknown id 'speed'; choose from ${ROW_IDS.join(', ')}.\n`],
    [['--all', '--services', 'kds'], "kds: --all and --services 'kds' both choose the columns: use one of them.\n"],
    [['--replay', '--mbps', '3'], 'kds: --replay, --mbps describe a workload for the advisor: add --recommend, as in kds compare --recommend --replay --mbps.\n'],
  ])('rejects compare %j with one line naming the value and what is allowed', async (args, stderr) => {
    const r = await runKds(['compare', ...args]);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('kds compare --recommend (flags)', () => {
  it('recommends with reasons, Kinesis sizing, alternatives and what it ruled out', async () => {
    const r = await runKds(['compare', '--recommend', '--replay', '--consumers', '3', '--ordering', 'per-key', '--mbps', '6']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recommendation: Kinesis Data Streams \(kds\)$/m);
    expect(r.stdout).toMatch(/^Why$/m);
    expect(r.stdout).toMatch(/Enhanced fan-out: not needed/);
    expect(r.stdout).toMatch(/^ {4}kds size --mbps 6 --consumers 3$/m);
    expect(r.stdout).toMatch(/^Also fits\n- SNS topic fanning out to SQS queues \(sns\+sqs\)/m);
    expect(r.stdout).toMatch(/^- SQS standard queue \(sqs-standard\): a queue deletes/m);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('prints the issue JSON shape', async () => {
    const r = await runKds(['compare', '--recommend', '--ordering', 'per-key', '--exactly-once', '--json']);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json.recommendation).toBe('sqs-fifo');
    expect(json.reasons).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(json.alternatives).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'sns+sqs', reason: expect.any(String) })]));
    expect(json.eliminated).toEqual(expect.arrayContaining([{ id: 'kds', reason: expect.any(String), requirement: 'exactly-once', reasons: expect.any(Array) }]));
  });

  it('explains an impossible message size, exits 1, and gives null in JSON', async () => {
    const text = await runKds(['compare', '--recommend', '--max-message-kb', '20480']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^No recommendation: these requirements cannot all be met\.$/m);
    expect(text.stdout).toMatch(/claim-check/);
    const json = await runKds(['compare', '--recommend', '--max-message-kb', '20480', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ recommendation: null, conflicts: [{ id: 'message-too-large' }] });
  });

  it('says what to drop when nothing fits', async () => {
    const r = await runKds(['compare', '--recommend', '--per-message-delay', '--ordering', 'per-key']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^- Without --ordering: sqs-standard would fit\.$/m);
  });

  it.each([
    [['--no-code'], 'kds: --no-code needs --destination: name where the data must arrive without code (s3, redshift, ...).\n'],
    [['--partition-by-field'], 'kds: --partition-by-field is about delivery to S3: add --destination s3.\n'],
    [['--rows', 'replay', '--replay'], 'kds: --rows shapes the matrix, not --recommend: drop it.\n'],
    [['--ordering', 'random'], "kds: option '--ordering <MODE>' argument 'random' is invalid. Allowed choices are none, per-key, global.\n"],
    [['--latency-ms', '0'], "kds: --latency-ms expects a number of milliseconds greater than 0 and at most 86,400,000, got '0' (too small).\n"],
  ])('rejects --recommend %j with one line', async (args, stderr) => {
    expect(await runKds(['compare', '--recommend', ...args])).toEqual({ code: 2, stdout: '', stderr });
  });

  it('without a terminal and without workload flags, exits 2 naming every workload flag', async () => {
    const r = await runKds(['compare', '--recommend']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    for (const flag of [
      '--replay', '--replay-days N', '--consumers N', '--ordering none|per-key|global', '--exactly-once', '--per-message-ack',
      '--per-message-delay', '--destination s3|redshift|opensearch|splunk|snowflake|iceberg|http|custom', '--no-code',
      '--format-conversion', '--partition-by-field', '--latency-ms N', '--max-message-kb N', '--mbps N', '--messages-per-sec N',
      '--kafka-api', '--content-routing',
    ]) {
      expect(r.stderr).toContain(flag);
    }
  });

  it('does not ask when --json is given, even in a terminal', async () => {
    const prompter = scriptedPrompter([]);
    const r = await runKds(['compare', '--recommend', '--json'], { ...TTY, prompter });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json never asks/);
    expect(prompter.asked).toEqual([]);
  });
});

describe('kds compare --recommend (questionnaire in a terminal)', () => {
  it('asks, recommends, and prints the equivalent command on stderr', async () => {
    const prompter = scriptedPrompter([
      false, // Kafka?
      'custom', // destination
      '3', // consumers
      true, // replay?
      '7', // days
      'per-key', // ordering
      false, // exactly-once?
      false, // per-message ack?
      false, // per-message delay?
      false, // content routing? (asked because 3 consumers)
      100, // latency
      '256', // largest message
      '6', // MiB/s
      '', // messages/s unknown
    ]);
    const r = await runKds(['compare', '--recommend'], { ...TTY, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(14);
    expect(r.stderr).toBe(
      // Fitted to the 80-column terminal, as a command that can still be pasted.
      'Next time: kds compare --recommend --destination custom --consumers 3 \\\n' +
        '               --replay-days 7 --ordering per-key --latency-ms 100 \\\n' +
        '               --max-message-kb 256 --mbps 6\n\n',
    );
    expect(r.stdout).toMatch(/^Recommendation: Kinesis Data Streams \(kds\)$/m);
    expect(r.stdout).toMatch(/Enhanced fan-out: needed\. A 100 ms budget/);
  });

  it('skips the consumer questions once the data goes to S3 with no code', async () => {
    const prompter = scriptedPrompter([false, 's3', true, false, false, '1', false, 'none', false, undefined, '256', '', '']);
    const r = await runKds(['compare', '--recommend'], { ...TTY, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked.join('\n')).not.toMatch(/acknowledged|delayed|different targets/);
    expect(r.stdout).toMatch(/^Recommendation: Amazon Data Firehose \(firehose\)$/m);
  });

  it('asks only size and volume once Kafka settles it', async () => {
    const prompter = scriptedPrompter([true, '512', '']);
    const r = await runKds(['compare', '--recommend'], { ...TTY, prompter });
    expect(prompter.asked).toHaveLength(3);
    expect(r.stdout).toMatch(/^Recommendation: Amazon MSK \(msk\)$/m);
  });

  it('does not ask about routing for a single consumer', async () => {
    const prompter = scriptedPrompter([false, 'custom', '1', false, 'none', false, false, false, undefined, '256', '', '']);
    const r = await runKds(['compare', '--recommend'], { ...TTY, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked.join('\n')).not.toMatch(/different targets/);
    expect(r.stdout).toMatch(/\(sqs-standard\)/);
  });

  it('exits 130 on Ctrl+C', async () => {
    const r = await runKds(['compare', '--recommend'], { ...TTY, prompter: scriptedPrompter([ctrlC()]) });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('\nkds: cancelled.\n');
  });
});

describe('kds compare --recommend says all it knows', () => {
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  it('prints the EventBridge ordering caveat that the JSON carries', async () => {
    const args = ['compare', '--recommend', '--ordering', 'per-key', '--replay', '--consumers', '2'];
    const json = JSON.parse((await runKds([...args, '--json'])).stdout) as { alternatives: { id: string; notes: string[] }[] };
    expect(json.alternatives.find((a) => a.id === 'eventbridge')?.notes).toContain('Classic buses (rules and targets) do not keep order.');
    const text = flat((await runKds(args)).stdout);
    expect(text).toContain('Amazon EventBridge (eventbridge): routes by content to many targets, but per-event pricing grows with volume. Watch out: Classic buses (rules and targets) do not keep order.');
  });

  it.each([
    ['--ordering', 'per-key', '--replay', '--consumers', '2'],
    ['--destination', 's3', '--latency-ms', '100'],
    ['--destination', 'redshift', '--consumers', '3', '--mbps', '4'],
    ['--per-message-ack', '--consumers', '2', '--max-message-kb', '900'],
    ['--kafka-api', '--destination', 'opensearch'],
    ['--exactly-once', '--latency-ms', '50'],
  ])('prints every note and reason of the JSON in the text too: %s', async (...flags) => {
    const json = JSON.parse((await runKds(['compare', '--recommend', ...flags, '--json'])).stdout) as {
      reasons: string[];
      notes: string[];
      alternatives: { notes: string[] }[];
    };
    const text = flat((await runKds(['compare', '--recommend', ...flags], { ...TTY, columns: 200 })).stdout);
    for (const said of [...json.reasons, ...json.notes, ...json.alternatives.flatMap((a) => a.notes)]) expect(text).toContain(flat(said));
  });

  it('says that S3 within 100 ms needs a consumer that writes to S3', async () => {
    const r = await runKds(['compare', '--recommend', '--destination', 's3', '--latency-ms', '100']);
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain(
      'Recommendation: SQS standard queue (sqs-standard) Why - A work queue fits',
    );
    expect(flat(r.stdout)).toContain(
      'Watch out - Messages wait in the queue until something takes them: add a consumer that writes the data to Amazon S3 (a Lambda function or your own code); the latency budget must cover that writer too.',
    );
  });
});
