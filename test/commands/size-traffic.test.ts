import { describe, expect, it } from 'vitest';
import { runKds } from '../helpers/io.js';

const ORDERS = [
  '--records', '5000', '--record-size', '1000', '--average-records', '2000',
  '--surge-records', '12000', '--surge-seconds', '60',
  '--consumers', '2', '--consumer-speed', '400', '--max-lag-seconds', '300',
];

interface Term {
  id: string;
  shards: number;
  demand: number;
  perShard: number;
}

const json = async (args: string[]) => {
  const r = await runKds(['size', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & { constraints: Term[] };
};

describe('kds size for real traffic (in-process)', () => {
  it('gives every term an id and shards in JSON, and names the binding one', async () => {
    const out = await json(ORDERS);
    expect(out).toMatchObject({ minimumShards: 16, recommendedShards: 20, binding: 'lag-records' });
    expect(out.constraints.map((c) => [c.id, c.shards])).toEqual([
      ['write-bytes', 5],
      ['write-records', 5],
      ['read-bytes', 5],
      ['surge-bytes', 12],
      ['surge-records', 12],
      ['consumer-speed', 13],
      ['lag-records', 16],
      ['lag-bytes', 6],
    ]);
    expect(out.traffic).toMatchObject({
      surge: { recordsPerSec: 12000, seconds: 60 },
      maxLagSeconds: 300,
      backlog: { shards: 20, limitedBy: 'consumer-speed', processing: { atSurgeEnd: 240000, clearSeconds: 80 } },
    });
    expect(out.cost).toMatchObject({ basis: 'average', region: 'us-east-1', pricesVerified: true, writeBytesPerSec: 2_000_000 });
  });

  it('prints each term with its demand, limit and shards, the backlog and the time to clear it', async () => {
    const r = await runKds(['size', ...ORDERS]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const prose = r.stdout.replace(/\s+/g, ' ');
    expect(lines).toContain(' > lag budget, records   6,166.67 rec/s     400 rec/s       16');
    expect(lines).toContain('   surge write records     12,000 rec/s   1,000 rec/s       12');
    expect(prose).toContain('The lag budget decides the count');
    expect(prose).toContain('leaves 240,000 records behind, cleared 80 s after the surge');
    expect(prose).toContain('Priced for the average of 1.91 MiB/s written, not the peak.');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says when the Lambda parallelization multiplies the consumer speed', async () => {
    const args = ['--records', '3000', '--record-size', '400', '--consumer-speed', '100', '--lambda-concurrency-per-shard', '4'];
    const out = await json(args);
    expect(out.constraints.find((c) => c.id === 'consumer-speed')).toMatchObject({ perShard: 400, shards: 8 });
    const prose = (await runKds(['size', ...args])).stdout.replace(/\s+/g, ' ');
    expect(prose).toContain('(ParallelizationFactor 4), so a consumer speed of 100 records/s per shard counts as 400 records/s');
  });

  it('prices another Region, says when its prices are unverified, and takes a discount', async () => {
    const east2 = await json(['--mbps', '6', '--region', 'us-east-2']);
    expect(east2.cost).toMatchObject({ region: 'us-east-2', pricesRegion: 'us-east-2', pricesVerified: true });
    const tokyo = await runKds(['size', '--mbps', '6', '--region', 'AP-NORTHEAST-1']);
    expect(tokyo.stdout).toContain('- kds has no verified ap-northeast-1 prices: these are us-east-1 list prices;');
    const discounted = await runKds(['size', '--mbps', '6', '--discount', '15']);
    expect(discounted.stdout).toContain('Monthly cost, us-east-1 list prices as of 2026-11-25, less 15%, 730 hours');
  });

  it('says the on-demand risks plainly, with this workload in them', async () => {
    const r = await runKds(['size', '--mbps', '3', '--surge-mbps', '8', '--surge-seconds', '30']);
    const prose = r.stdout.replace(/\s+/g, ' ');
    expect(prose).toContain('On-demand risks - A new on-demand stream starts at 4 MiB/s and 4,000 records/s of writes, enough for this peak.');
    expect(prose).toContain('The surge to 8 MiB/s is more than 2x the peak of 3 MiB/s');
    expect(prose).toContain('- Hot keys still throttle');
  });

  it('names the records when they, not the bytes, outrun a new on-demand stream', async () => {
    const prose = (await runKds(['size', '--records', '5000', '--record-size', '100'])).stdout.replace(/\s+/g, ' ');
    expect(prose).toContain('of writes: a peak of 5,000 records/s throttles until the stream has grown into it.');
  });

  it('writes every number the same way: shard counts grouped by thousands', async () => {
    const r = await runKds(['size', '--mbps', '2000']);
    expect(r.stdout).toContain('Minimum shards      2,000');
    expect(r.stdout).toContain('Recommended shards  2,500');
    expect(r.stdout).toMatch(/^ > write bytes +2,000 MiB\/s +1 MiB\/s +2,000$/m);
  });
});

describe('kds size for real traffic: contradictions are usage errors', () => {
  it.each([
    [['--mbps', '6', '--surge-records', '9000', '--surge-seconds', '10'], 'kds: --surge-records 9000 needs a record size to count bytes: give the peak as --records N with --record-size BYTES (or --mbps), or add --surge-mbps N.'],
    [['--mbps', '6', '--surge-mbps', '8'], 'kds: --surge-mbps 8 needs --surge-seconds S: how long the surge lasts.'],
    [['--mbps', '6', '--surge-seconds', '8'], "kds: --surge-seconds 8 needs the surge's rate: --surge-records N or --surge-mbps N."],
    [['--mbps', '6', '--surge-mbps', '5', '--surge-seconds', '8'], 'kds: --surge-mbps 5 is below the peak of 6 MiB/s: a surge is a burst above the peak.'],
    [['--records', '100', '--record-size', '10', '--average-records', '200'], 'kds: --average-records 200 is above the peak of 100 records/s: the average cannot exceed the peak.'],
    [['--mbps', '6', '--average-mbps', '7'], 'kds: --average-mbps 7 is above the peak of 6 MiB/s: the average cannot exceed the peak.'],
    [['--mbps', '6', '--average-records', '10'], 'kds: --average-records 10 needs a record size to count bytes: give the peak as --records N with --record-size BYTES (or --mbps), or add --average-mbps N.'],
    [['--mbps', '6', '--consumer-speed', '500'], 'kds: --consumer-speed is in records per second: give the peak in records too (--records N).'],
    [['--records', '10', '--mbps', '1', '--consumers', '0', '--consumer-speed', '5'], 'kds: --consumer-speed 5 describes a consumer, but --consumers is 0 and there is no --efo-consumers.'],
    [['--mbps', '6', '--max-lag-seconds', '60'], 'kds: --max-lag-seconds 60 bounds the catch-up after a surge: pass --surge-records N (or --surge-mbps N) with --surge-seconds S.'],
    [['--mbps', '6', '--consumers', '0', '--surge-mbps', '8', '--surge-seconds', '5', '--max-lag-seconds', '60'], 'kds: --max-lag-seconds 60 needs a consumer, but --consumers is 0 and there is no --efo-consumers.'],
    [['--mbps', '6', '--lambda-concurrency-per-shard', '2'], 'kds: --lambda-concurrency-per-shard 2 multiplies the consumer speed: pass --consumer-speed N (records per second one invocation processes from a shard) too.'],
    [['--mbps', '6', '--lambda-concurrency-per-shard', '11'], "kds: --lambda-concurrency-per-shard expects a whole number of batches per shard from 1 to 10, got '11' (too large). Lambda's ParallelizationFactor is 1 to 10."],
    [['--mbps', '6', '--region', 'mars-1'], "kds: --region expects one of us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-northeast-1, ap-south-1, sa-east-1; got 'mars-1'."],
    [['--mbps', '6', '--discount', '100'], "kds: --discount expects a number of percent from 0 to 99, got '100' (too large). A discount of 100% or more would make the stream free."],
    [['--mbps', '6', '--surge-mbps', '8', '--surge-seconds', '0'], "kds: --surge-seconds expects a number of seconds greater than 0 and at most 86,400, got '0' (too small). A surge is a burst; for a day or more, size for it as the peak."],
  ])('kds size %j exits 2 with one line', async (args, message) => {
    const r = await runKds(['size', ...args]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});
