import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRICES, REGION_CODES, REGION_PRICES } from '../../../src/core/facts.js';
import { breakEven, type CostAt } from '../../../src/core/size/breakeven.js';
import type { CostEstimate } from '../../../src/core/size/cost.js';
import type { SizeInput } from '../../../src/core/size/input.js';
import { sizeStream } from '../../../src/core/size/size.js';
import { GIB, MIB } from '../../../src/core/units.js';
import { workload } from './workload.js';

const base: SizeInput = workload({ dataBytesPerSec: 6 * MIB });

const size = (input: Partial<SizeInput>) => sizeStream({ ...base, ...input });
const total = (r: ReturnType<typeof sizeStream>, mode: string) => r.cost.modes.find((m) => m.mode === mode)?.totalUsd ?? NaN;

/** GB a month at 1 MiB/s: 730 h x 3,600 s x 1 MiB. */
const GB_PER_MIBPS = (730 * 3600 * MIB) / GIB;

describe('cost from the average', () => {
  it('prices on demand from the average and provisioned from the shards the peak needs', () => {
    const peakOnly = size({});
    const average = size({ average: { dataBytesPerSec: 2 * MIB } });
    const steadyAt2 = size({ dataBytesPerSec: 2 * MIB });
    expect(average.recommendedShards).toBe(peakOnly.recommendedShards);
    expect(total(average, 'on-demand-standard')).toBeCloseTo(total(steadyAt2, 'on-demand-standard'), 6);
    expect(average.costBasis).toMatchObject({ from: 'average', writeBytesPerSec: 2 * MIB });
    expect(peakOnly.costBasis).toMatchObject({ from: 'peak', writeBytesPerSec: 6 * MIB });
    // 8 shards are paid for whatever the average.
    const shardHours = average.cost.modes[0]?.lines.find((l) => l.id === 'shard-hours');
    expect(shardHours?.usd).toBeCloseTo(8 * 730 * 0.015, 10);
  });

  it("counts the average's records at the peak's record size for the per-record rounding", () => {
    // 1,000 records/s of 1,500 bytes at the peak; an average of 0.5 MiB/s is 349.5 records/s, each billed as 2 KiB.
    const r = size({ dataBytesPerSec: 1000 * 1500, recordsPerSec: 1000, average: { dataBytesPerSec: 0.5 * MIB } });
    expect(r.costBasis.recordsPerSec).toBeCloseTo((0.5 * MIB) / 1500, 9);
    const ingest = r.cost.modes[1]?.lines.find((l) => l.id === 'ingest');
    expect(ingest?.quantity).toBeCloseTo(((0.5 * MIB) / 1500) * 2048 * 730 * 3600 / GIB, 6);
    expect(r.cost.approximate).toBe(false);
  });
});

describe('break-even between provisioned and on-demand', () => {
  it('puts on-demand below about 0.19 MiB/s for 8 shards of 6 MiB/s, worked out by hand', () => {
    // Provisioned: 8 x 730 x $0.015 = $87.60 plus PUT units of 25 KiB: 40.96 per MiB at $0.014 per million.
    // On-demand: $29.20 plus $0.08 in and $0.04 out per GB.
    const putPerMibps = ((730 * 3600 * MIB) / (25 * 1024) / 1e6) * 0.014;
    const onDemandPerMibps = GB_PER_MIBPS * (0.08 + 0.04);
    const expected = ((87.6 - 29.2) / (onDemandPerMibps - putPerMibps)) * MIB;
    const r = size({});
    expect(r.breakEven.onDemandCheaperBelowBytesPerSec).toBeCloseTo(expected, 0);
    expect(expected / MIB).toBeCloseTo(0.1906, 3);
  });

  it('finds the Advantage threshold near the 10 MiB/s AWS gives for one reader', () => {
    // Advantage minimum: 25 MiB/s in and out at $0.032 + $0.016 = $3,079.69; Standard: $29.20 + $0.12 per GB.
    const r = size({});
    const expected = ((3079.6875 - 29.2) / (GB_PER_MIBPS * 0.12)) * MIB;
    expect(r.breakEven.advantagePaysAboveBytesPerSec).toBeCloseTo(expected, 0);
    expect(expected / MIB).toBeCloseTo(9.9, 1);
  });

  it('is where the two monthly totals meet', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (mbps, consumers, efo) => {
          const at = (average: number) => size({ dataBytesPerSec: mbps * MIB, sharedConsumers: consumers, efoConsumers: efo, average: { dataBytesPerSec: average } });
          const below = at(mbps * MIB).breakEven.onDemandCheaperBelowBytesPerSec;
          if (below <= 0 || below >= mbps * MIB) return;
          const r = at(below);
          expect(total(r, 'on-demand-standard')).toBeCloseTo(total(r, 'provisioned'), 4);
        },
      ),
    );
  });

  it('says never and always at the edges', () => {
    const line = (fixed: number, perByte: number) => (bytes: number) => fixed + perByte * bytes;
    const fake = (provisioned: (b: number) => number, standard: (b: number) => number): CostAt => (bytes) =>
      ({
        hoursPerMonth: 730,
        approximate: false,
        advantageMinimumUsd: 100,
        modes: [
          { mode: 'provisioned', lines: [], totalUsd: provisioned(bytes) },
          { mode: 'on-demand-standard', lines: [], totalUsd: standard(bytes) },
          { mode: 'on-demand-advantage', lines: [], totalUsd: 0 },
        ],
      }) satisfies CostEstimate;
    // On demand starts dearer and grows faster: never cheaper.
    expect(breakEven(fake(line(10, 1e-6), line(30, 1e-5))).onDemandCheaperBelowBytesPerSec).toBe(0);
    // On demand starts cheaper and grows no faster: always cheaper.
    expect(breakEven(fake(line(30, 1e-5), line(10, 1e-6))).onDemandCheaperBelowBytesPerSec).toBe(Infinity);
    // Cheaper below 20/9e-6 bytes/s.
    expect(breakEven(fake(line(30, 1e-6), line(10, 1e-5))).onDemandCheaperBelowBytesPerSec).toBeCloseTo(20 / 9e-6, 3);
  });

  it('finds on demand cheaper for the docs example: a 3,000 records/s peak that averages 30, us-east-2, 10% off', () => {
    const r = size({
      dataBytesPerSec: 3000 * 1000,
      recordsPerSec: 3000,
      average: { dataBytesPerSec: 30 * 1000, recordsPerSec: 30 },
      region: 'us-east-2',
      discount: 0.1,
    });
    expect(r.recommendedShards).toBe(4);
    expect(r.breakEven.onDemandCheaperBelowBytesPerSec).toBeGreaterThan(30 * 1000);
    expect(total(r, 'on-demand-standard')).toBeLessThan(total(r, 'provisioned'));
    // 4 x 730 x $0.015 less 10%.
    expect(r.cost.modes[0]?.lines.find((l) => l.id === 'shard-hours')?.usd).toBeCloseTo(39.42, 10);
  });

  it('does not move with a negotiated discount, which cuts every price alike', () => {
    const list = size({});
    const discounted = size({ discount: 0.15 });
    expect(discounted.breakEven.onDemandCheaperBelowBytesPerSec).toBeCloseTo(list.breakEven.onDemandCheaperBelowBytesPerSec, 3);
    expect(total(discounted, 'provisioned')).toBeCloseTo(total(list, 'provisioned') * 0.85, 6);
    expect(discounted.cost.advantageMinimumUsd).toBeCloseTo(list.cost.advantageMinimumUsd * 0.85, 6);
  });
});

describe('Regions', () => {
  it('keeps every known Region in the facts module with a source and an as-of date', () => {
    for (const code of REGION_CODES) {
      const fact = REGION_PRICES[code];
      expect(fact.source).toMatch(/^https:\/\//);
      expect(fact.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (fact.value === null) expect(fact.note).toMatch(/^Not verified/);
      else expect(fact.value.provisioned.shardHour.source).toMatch(/^https:\/\//);
    }
    expect(REGION_CODES).toEqual(
      expect.arrayContaining(['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1', 'ap-south-1', 'sa-east-1']),
    );
  });

  it('prices us-east-2 like us-east-1, as the Price List does', () => {
    const east1 = size({});
    const east2 = size({ region: 'us-east-2' });
    expect(east2.costBasis).toMatchObject({ region: 'us-east-2', pricesRegion: 'us-east-2', pricesVerified: true });
    expect(east2.cost.modes.map((m) => m.totalUsd)).toEqual(east1.cost.modes.map((m) => m.totalUsd));
    expect(REGION_PRICES['us-east-2'].value?.provisioned.shardHour.value).toBe(PRICES.provisioned.shardHour.value);
  });

  it('uses us-east-1 prices for a Region kds could not verify, and says so', () => {
    const r = size({ region: 'ap-northeast-1' });
    expect(r.costBasis).toMatchObject({ region: 'ap-northeast-1', pricesRegion: 'us-east-1', pricesVerified: false });
  });
});
