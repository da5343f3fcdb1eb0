import { describe, expect, it } from 'vitest';
import { ctrlC, runKds, scriptedPrompter } from '../helpers/io.js';

const json = async (args: string[]) => {
  const r = await runKds(['size', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe('kds size (in-process)', () => {
  it('gives the JSON contract for --mbps 6', async () => {
    const out = await json(['--mbps', '6']);
    expect(out).toMatchObject({ minimumShards: 6, recommendedShards: 8, binding: 'write-bytes' });
    expect(out.constraints).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'write-bytes', shards: 6 }), expect.objectContaining({ id: 'read-bytes', shards: 3 })]),
    );
  });

  it('binds on shared reads for --mbps 6 --consumers 3', async () => {
    expect(await json(['--mbps', '6', '--consumers', '3'])).toMatchObject({ minimumShards: 9, binding: 'read-bytes' });
  });

  it('binds on write records for --records 5000 --record-size 100', async () => {
    expect(await json(['--records', '5000', '--record-size', '100'])).toMatchObject({ minimumShards: 5, binding: 'write-records' });
  });

  it('shows how KPL aggregation lifts the records limit', async () => {
    const out = await json(['--records', '5000', '--record-size', '100', '--kpl']);
    expect(out).toMatchObject({ minimumShards: 1, binding: 'write-bytes', kpl: { userRecordsPerKinesisRecord: 512 } });
  });

  it('plans the update-shard-count calls from the current count', async () => {
    const out = await json(['--mbps', '6', '--current-shards', '4']);
    expect(out.reshard).toMatchObject({ current: 4, target: 8, steps: [{ from: 4, to: 8 }] });
    expect(out.commands).toEqual([
      expect.objectContaining({
        command: 'aws kinesis update-shard-count --stream-name my-stream --target-shard-count 8 --scaling-type UNIFORM_SCALING',
      }),
    ]);
  });

  it('warns about GetRecords calls past five shared consumers and EFO limits past 20', async () => {
    const out = await json(['--mbps', '1', '--consumers', '6', '--efo-consumers', '21']);
    const ids = (out.warnings as { id: string; level: string }[]).filter((w) => w.level === 'warning').map((w) => w.id);
    expect(ids).toEqual(['getrecords-calls', 'efo-consumer-limit']);
  });

  it('warns when an average record is larger than the maximum record size', async () => {
    const out = await json(['--records', '1', '--record-size', String(2 * 1024 * 1024)]);
    expect(out.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'record-too-large' })]));
    expect((out.commands as { command: string }[]).map((c) => c.command)).toContain(
      'aws kinesis update-max-record-size --stream-arn <stream-arn> --max-record-size-in-ki-b 2048',
    );
  });

  it('prints a report for people with the binding limit, the counts, the cost and the command', async () => {
    const r = await runKds(['size', '--mbps', '6']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('> write bytes');
    expect(r.stdout).toContain('Minimum shards      6');
    expect(r.stdout).toContain('Recommended shards  8  (with 25% headroom; change it with --headroom)');
    expect(r.stdout).toContain('Monthly cost, us-east-1 list prices as of 2026-11-25, 730 hours');
    expect(r.stdout).toContain('aws kinesis create-stream --stream-name my-stream --shard-count 8');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('keeps colour out of pipes and JSON, and uses it in a terminal', async () => {
    const { fakeIo } = await import('../helpers/io.js');
    const { run } = await import('../../src/cli.js');
    const tty = fakeIo({ stdoutIsTTY: true });
    await run(['size', '--mbps', '6'], tty.io);
    expect(tty.stdout()).toContain('\u001b[');
    const noColor = fakeIo({ stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    await run(['size', '--mbps', '6'], noColor.io);
    expect(noColor.stdout()).not.toContain('\u001b[');
    const flag = fakeIo({ stdoutIsTTY: true });
    await run(['size', '--mbps', '6', '--no-color'], flag.io);
    expect(flag.stdout()).not.toContain('\u001b[');
    const jsonTty = fakeIo({ stdoutIsTTY: true, env: { FORCE_COLOR: '3' } });
    await run(['size', '--mbps', '6', '--json'], jsonTty.io);
    expect(jsonTty.stdout()).not.toContain('\u001b[');
  });
});

describe('kds size: asking in a terminal', () => {
  it('asks for the throughput when no flag gives it, then sizes', async () => {
    // The peak, the readers; Enter for the average, no surge, and the default Region.
    const prompter = scriptedPrompter(['mbps', '6', '3', '0', '', false, 'us-east-1']);
    const r = await runKds(['size', '--json'], { stdinIsTTY: true, stdoutIsTTY: true, prompter });
    // --json is for scripts: it never asks.
    expect(r.code).toBe(2);
    expect(prompter.asked).toEqual([]);

    const asked = await runKds(['size'], { stdinIsTTY: true, stdoutIsTTY: true, prompter });
    expect(asked.code).toBe(0);
    expect(prompter.asked).toHaveLength(7);
    expect(asked.stdout).toContain('> shared read bytes');
    expect(asked.stderr).toContain('Next time: kds size --mbps 6 --consumers 3');
  });

  it('asks for records and record size when the user knows those', async () => {
    const prompter = scriptedPrompter(['records', '5000', '100', '1', '0', '', false, '', 'us-east-1']);
    const r = await runKds(['size'], { stdinIsTTY: true, stdoutIsTTY: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('> write records');
  });

  it('asks for the average, a surge, the consumer speed, the lag budget and the Region, and prints the flags', async () => {
    const prompter = scriptedPrompter(['records', '5000', '1000', '2', '0', '2000', true, '12000', '60', '400', '300', 'eu-west-1']);
    const r = await runKds(['size'], { stdinIsTTY: true, stdoutIsTTY: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toEqual([
      'What do you know about the writes at the peak?',
      'Peak records per second:',
      'Average record size, bytes:',
      'Applications reading with shared throughput (GetRecords):',
      'Enhanced fan-out consumers:',
      'Long-run average, records per second (Enter: the peak):',
      'Does the traffic surge above the peak for short bursts?',
      'Surge, records per second:',
      'How long a surge lasts, seconds:',
      'Records per second the slowest consumer processes from one shard (Enter: skip):',
      'Lag budget: seconds to catch up after a surge (Enter: none):',
      'Region for prices:',
    ]);
    // Fitted to the 80-column terminal, as a command that can still be pasted.
    expect(r.stderr).toBe(
      'Next time: kds size --records 5000 --record-size 1000 --average-records 2000 \\\n' +
        '               --surge-records 12000 --surge-seconds 60 --consumers 2 \\\n' +
        '               --consumer-speed 400 --max-lag-seconds 300 --region eu-west-1\n\n',
    );
    expect(r.stdout).toContain('> lag budget, records');
    expect(r.stdout).toContain('Recommended shards  20');
    const surge = prompter.calls.find((c) => c.message === 'Surge, records per second:');
    const validate = surge?.options.validate as (raw: string) => true | string;
    expect(validate('3000')).toBe('A surge is above the peak of 5000.');
    expect(validate('12000')).toBe(true);
  });

  it('rejects a typed answer the flag would reject, and skips optional questions on Enter', async () => {
    const prompter = scriptedPrompter(['mbps', '6', '1', '0', '', false, 'us-east-1']);
    await runKds(['size'], { stdinIsTTY: true, stdoutIsTTY: true, prompter });
    const average = prompter.calls.find((c) => c.message.startsWith('Long-run average'));
    const validate = average?.options.validate as (raw: string) => true | string;
    expect(validate('')).toBe(true);
    expect(validate('abc')).toBe("--average-mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got 'abc'.");
    expect(validate('7')).toBe('The average cannot be above the peak of 6.');
    expect(validate('5.5')).toBe(true);
  });

  it('exits 130 when Ctrl+C cancels a question', async () => {
    const r = await runKds(['size'], { stdinIsTTY: true, stdoutIsTTY: true, prompter: scriptedPrompter([ctrlC()]) });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
  });

  it('exits 2 without a terminal, naming the flags', async () => {
    const r = await runKds(['size']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kds: the write throughput is missing: pass --mbps N, or --records N with --record-size BYTES (see kds size --help).\n',
    });
  });
});

describe('kds size: bad input', () => {
  it.each([
    [['--mbps', 'abc'], "kds: --mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got 'abc'."],
    [['--mbps', '-5'], "kds: --mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got '-5' (negative)."],
    [['--mbps', '0'], "kds: --mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got '0' (too small)."],
    [['--mbps', 'NaN'], "kds: --mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got 'NaN'."],
    [['--mbps', 'Infinity'], "kds: --mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got 'Infinity'."],
    [['--mbps', '1e12'], "kds: --mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got '1e12' (too large)."],
    [['--mbps', '6', '--consumers', '2.5'], "kds: --consumers expects a whole number of consumers from 0 to 10,000, got '2.5' (not a whole number)."],
    [['--mbps', '6', '--current-shards', '0'], "kds: --current-shards expects a whole number of shards from 1 to 1,000,000, got '0' (too small)."],
    [
      ['--mbps', '6', '--retention-hours', '12'],
      "kds: --retention-hours expects a whole number of hours from 24 to 8,760, got '12' (too small). Kinesis keeps data 24 to 8,760 hours.",
    ],
    [['--mbps', '6', '--record-size', '100'], 'kds: --mbps 6 and --record-size 100 both set the data rate: pass --mbps N, or --records N with --record-size BYTES, not both.'],
    [['--records', '100'], 'kds: --records 100 needs --record-size BYTES (average data per record) or --mbps N.'],
    [['--record-size', '100'], 'kds: --record-size 100 needs --records N (records per second) to give a data rate.'],
    [['--mbps', '6', '--key-size', '10'], 'kds: --key-size 10 needs --records N: key bytes count once per record.'],
    [['--mbps', '6', '--bogus'], "kds: unknown option '--bogus' (kds size --help lists its flags)"],
    [['--mbs', '6'], "kds: unknown option '--mbs' (Did you mean --mbps?)"],
    [['--mbps'], "kds: option '--mbps <N>' needs a value (kds size --help says what it takes)"],
  ])('kds size %j exits 2 with one line', async (args, message) => {
    const r = await runKds(['size', ...args]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});

describe('kds size: explanations', () => {
  it('says plainly when one shard is enough', async () => {
    const r = await runKds(['size', '--mbps', '0.5']);
    expect(r.stdout).toContain("One shard is enough: every limit fits within a single shard's capacity");
  });

  it('explains a records-bound stream and points to KPL aggregation', async () => {
    const out = JSON.parse((await runKds(['size', '--records', '5000', '--record-size', '100', '--json'])).stdout) as { explanation: string };
    expect(out.explanation).toBe(
      'Write records decide the count: 5,000 records/s, at 1,000 records/s per shard, need 5 shards. ' +
        'The bytes alone would fit in 1 shard: many small records reach the record limit first. ' +
        'KPL aggregation (--kpl) packs small records together to lift this limit.',
    );
  });

  it('explains a read-bound stream and what enhanced fan-out would change', async () => {
    const out = JSON.parse((await runKds(['size', '--mbps', '6', '--consumers', '3', '--json'])).stdout) as { explanation: string };
    expect(out.explanation).toBe(
      'Shared reads decide the count: 3 consumers each read all 6 MiB/s, 18 MiB/s in total, and a shard serves ' +
        '2 MiB/s to all of its shared readers together, so 9 shards. With enhanced fan-out each consumer gets its ' +
        'own 2 MiB/s per shard, and 6 shards would do.',
    );
  });
});
