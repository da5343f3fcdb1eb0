/** The built binary against kinesalite: the live flows as a user runs them. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStream, putRecords, startKinesalite, TEST_AWS_ENV, type Emulator } from '../helpers/kinesalite.js';
import { spawnKds } from '../helpers/spawn.js';
import { startStub } from '../helpers/aws-stub.js';

let emu: Emulator;

beforeAll(async () => {
  emu = await startKinesalite();
  await createStream(emu, 'orders', 4);
  await putRecords(emu, 'orders', Array.from({ length: 200 }, (_, i) => ({ key: i % 4 === 0 ? 'customer-42' : `user-${i}`, data: '{"order":1}' })));
});

afterAll(() => emu.close());

describe('kds keys analyze kinesis://NAME (built binary, kinesalite)', () => {
  it('reads the stream, reports, saves, and reads the saved file back to the same counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kds-e2e-live-'));
    const live = await spawnKds(['keys', 'analyze', 'kinesis://orders', '--endpoint-url', emu.endpoint, '--from', 'trim-horizon', '--save', 'orders.csv', '--json'], {
      env: TEST_AWS_ENV,
      cwd: dir,
    });
    expect(live.code).toBe(0);
    expect(live.stderr).toMatch(/^kds: reading 4 shards of kinesis:\/\/orders \(us-east-1\) for arrivals /);
    const out = JSON.parse(live.stdout) as { totalRecords: number; topKeys: { key: string; records: number }[]; live: { saved: { rows: number } } };
    expect(out.totalRecords).toBe(200);
    expect(out.topKeys[0]).toMatchObject({ key: 'customer-42', records: 50 });
    expect(out.live.saved.rows).toBe(200);
    expect(readFileSync(join(dir, 'orders.csv'), 'utf8').split('\n')).toHaveLength(202);

    const again = await spawnKds(['keys', 'analyze', 'orders.csv', '--shard-map', 'kinesis://orders', '--endpoint-url', emu.endpoint, '--json'], { env: TEST_AWS_ENV, cwd: dir });
    expect(again.code).toBe(0);
    const back = JSON.parse(again.stdout) as { totalRecords: number; topKeys: unknown[] };
    expect(back.totalRecords).toBe(200);
    expect(back.topKeys).toEqual(out.topKeys);
  });

  it('prints no SDK warning and no stack on an error', async () => {
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...env } = TEST_AWS_ENV;
    const r = await spawnKds(['keys', 'analyze', 'kinesis://missing', '--endpoint-url', emu.endpoint], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kds: stream missing was not found in us-east-1 at http:\/\/127\.0\.0\.1:\d+: check the name, or pass --region\.\n$/);
  });
});

describe('kds size kinesis://NAME (built binary, kinesalite and a CloudWatch stand-in)', () => {
  it('sizes the stream from GetMetricData sums, with its shards from kinesalite', async () => {
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
    const cw = await startStub({
      GetMetricData: (body) => ({
        body: {
          MetricDataResults: (body.MetricDataQueries as { Id: string }[]).map((q) => ({
            Id: q.Id,
            Label: q.Id,
            Timestamps: q.Id === 'inRecords' || q.Id === 'inBytes' ? [minute / 1000] : [],
            Values: q.Id === 'inRecords' ? [300_000] : q.Id === 'inBytes' ? [60_000_000] : [],
            StatusCode: 'Complete',
          })),
        },
      }),
    });
    try {
      const r = await spawnKds(['size', 'kinesis://orders', '--endpoint-url', emu.endpoint, '--json'], { env: { ...TEST_AWS_ENV, AWS_ENDPOINT_URL_CLOUDWATCH: cw.endpoint } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { minimumShards: number; observed: { openShards: number; writeRecordsPerSec: { peak: number }; efoConsumers: number | null } };
      expect(out.observed).toMatchObject({ openShards: 4, writeRecordsPerSec: { peak: 5000 }, efoConsumers: null });
      expect(out.minimumShards).toBe(5);
    } finally {
      await cw.close();
    }
  });
});
