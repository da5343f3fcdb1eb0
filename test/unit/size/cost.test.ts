import { describe, expect, it } from 'vitest';
import { estimateCost, type CostInput } from '../../../src/core/size/cost.js';
import { MIB } from '../../../src/core/units.js';

const input: CostInput = {
  shards: 1,
  writeBytesPerSec: 0,
  sharedConsumers: 1,
  efoConsumers: 0,
  retentionHours: 24,
};

function mode(estimate: ReturnType<typeof estimateCost>, name: string) {
  const found = estimate.modes.find((m) => m.mode === name);
  if (!found) throw new Error(`no mode ${name}`);
  return found;
}

function lineUsd(estimate: ReturnType<typeof estimateCost>, name: string, id: string): number {
  return mode(estimate, name).lines.find((l) => l.id === id)?.usd ?? 0;
}

describe('estimateCost', () => {
  it('charges one provisioned shard 730 x $0.015 = $10.95 a month', () => {
    const e = estimateCost({ ...input, writeBytesPerSec: 1 });
    expect(lineUsd(e, 'provisioned', 'shard-hours')).toBeCloseTo(10.95, 10);
  });

  it('charges one on-demand stream 730 x $0.04 = $29.20 a month before data', () => {
    const e = estimateCost({ ...input, writeBytesPerSec: 1 });
    expect(lineUsd(e, 'on-demand-standard', 'stream-hours')).toBeCloseTo(29.2, 10);
  });

  it('counts PUT payload units per record in whole 25 KiB units', () => {
    // 1,000 records/s of 30 KiB: two units each.
    const e = estimateCost({ ...input, writeBytesPerSec: 1000 * 30 * 1024, kinesisRecordsPerSec: 1000, kinesisRecordBytes: 30 * 1024 });
    const units = mode(e, 'provisioned').lines.find((l) => l.id === 'put-payload-units');
    expect(units?.quantity).toBeCloseTo((1000 * 2 * 730 * 3600) / 1e6, 6);
  });

  it('rounds each on-demand record up to a whole KiB', () => {
    // 100 records/s of 4.5 KiB are billed as 5 KiB each.
    const e = estimateCost({ ...input, writeBytesPerSec: 100 * 4608, kinesisRecordsPerSec: 100, kinesisRecordBytes: 4608 });
    const ingest = mode(e, 'on-demand-standard').lines.find((l) => l.id === 'ingest');
    expect(ingest?.quantity).toBeCloseTo((100 * 5 * 1024 * 730 * 3600) / 1024 ** 3, 6);
  });

  it('makes shared reads free in provisioned mode and charged on demand', () => {
    const e = estimateCost({ ...input, writeBytesPerSec: MIB, sharedConsumers: 2 });
    expect(mode(e, 'provisioned').lines.some((l) => l.id === 'retrieval')).toBe(false);
    expect(lineUsd(e, 'on-demand-standard', 'retrieval')).toBeGreaterThan(0);
  });

  it('adds retention cost only above 24 hours, and long-term cost only above 7 days', () => {
    const day = estimateCost({ ...input, writeBytesPerSec: MIB });
    const week = estimateCost({ ...input, writeBytesPerSec: MIB, retentionHours: 168 });
    const year = estimateCost({ ...input, writeBytesPerSec: MIB, retentionHours: 8760 });
    expect(lineUsd(day, 'provisioned', 'extended-retention')).toBe(0);
    expect(lineUsd(week, 'provisioned', 'extended-retention')).toBeCloseTo(730 * 0.02, 10);
    expect(lineUsd(week, 'provisioned', 'long-term-retention')).toBe(0);
    expect(lineUsd(year, 'provisioned', 'long-term-retention')).toBeGreaterThan(0);
    // 1 MiB/s kept 144 extra hours is 506.25 GiB stored on demand.
    const stored = mode(week, 'on-demand-standard').lines.find((l) => l.id === 'extended-retention');
    expect(stored?.quantity).toBeCloseTo(506.25, 6);
  });

  it('puts the On-demand Advantage minimum at about $3,080 a month, as AWS does', () => {
    expect(estimateCost({ ...input, writeBytesPerSec: 1 }).advantageMinimumUsd).toBeCloseTo(3079.69, 2);
  });

  it('is approximate when the record rate is unknown', () => {
    expect(estimateCost({ ...input, writeBytesPerSec: MIB }).approximate).toBe(true);
    expect(estimateCost({ ...input, writeBytesPerSec: MIB, kinesisRecordsPerSec: 10, kinesisRecordBytes: 1000 }).approximate).toBe(false);
  });
});
