import { describe, expect, it } from 'vitest';
import { spawnKds } from '../helpers/spawn.js';

describe('kds size (built binary)', () => {
  it('prints the report for --mbps 6 exactly', async () => {
    const r = await spawnKds(['size', '--mbps', '6']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../fixtures/size/mbps-6.txt');
  });

  it('answers the three contract examples as JSON', async () => {
    const cases: [string[], number, string][] = [
      [['--mbps', '6'], 6, 'write-bytes'],
      [['--mbps', '6', '--consumers', '3'], 9, 'read-bytes'],
      [['--records', '5000', '--record-size', '100'], 5, 'write-records'],
    ];
    for (const [args, minimumShards, binding] of cases) {
      const r = await spawnKds(['size', ...args, '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as { minimumShards: number; binding: string; recommendedShards: number };
      expect(out).toMatchObject({ minimumShards, binding });
      expect(out.recommendedShards).toBeGreaterThanOrEqual(minimumShards);
    }
  });

  it('keeps escapes out of piped output even when asked for colour by FORCE_COLOR in JSON', async () => {
    const plain = await spawnKds(['size', '--mbps', '6']);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await spawnKds(['size', '--mbps', '6'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const json = await spawnKds(['size', '--mbps', '6', '--json'], { env: { FORCE_COLOR: '1' } });
    expect(json.stdout).not.toContain('\u001b[');
  });

  it('exits 2 with one line and no stack for a bad value', async () => {
    expect(await spawnKds(['size', '--mbps', 'abc'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "kds: --mbps expects a number of MiB/s greater than 0 and at most 1,048,576, got 'abc'.\n",
    });
  });

  it('prints the surge, consumer-speed and lag-budget report exactly (docs/size.md, worked example 1)', async () => {
    const r = await spawnKds([
      'size', '--records', '5000', '--record-size', '1000', '--average-records', '2000',
      '--surge-records', '12000', '--surge-seconds', '60',
      '--consumers', '2', '--consumer-speed', '400', '--max-lag-seconds', '300',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../fixtures/size/surge-lag.txt');
  });

  it('exits 2 with one line for an unknown Region, listing the known ones', async () => {
    expect(await spawnKds(['size', '--mbps', '6', '--region', 'moon-1'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "kds: --region expects one of us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-northeast-1, ap-south-1, sa-east-1; got 'moon-1'.\n",
    });
  });

  it('exits 2 without a terminal when no throughput flag is given', async () => {
    expect(await spawnKds(['size'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kds: the write throughput is missing: pass --mbps N, or --records N with --record-size BYTES (see kds size --help).\n',
    });
  });
});

describe('kds (built binary)', () => {
  it('prints its version', async () => {
    const r = await spawnKds(['--version']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 on an unknown command with a suggestion', async () => {
    expect(await spawnKds(['sise'])).toEqual({ code: 2, stdout: '', stderr: "kds: unknown command 'sise' (Did you mean size?)\n" });
  });
});
