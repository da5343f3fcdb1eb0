import { describe, expect, it } from 'vitest';
import { surgeBacklog } from '../../../src/core/size/backlog.js';
import type { SizeInput } from '../../../src/core/size/input.js';
import { sizeStream } from '../../../src/core/size/size.js';
import { lagDemand } from '../../../src/core/size/traffic.js';
import { MIB } from '../../../src/core/units.js';
import { NO_TRAFFIC } from './workload.js';

const base: SizeInput = NO_TRAFFIC;

const size = (input: Partial<SizeInput>) => sizeStream({ ...base, ...input });

function term(result: ReturnType<typeof sizeStream>, id: string) {
  const found = result.constraints.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no ${id} term`);
  return found;
}

/** docs/size.md, worked example 1: a peak of 5,000 records/s of 1,000 bytes, a surge, two slow consumers. */
const orders: Partial<SizeInput> = {
  dataBytesPerSec: 5000 * 1000,
  recordsPerSec: 5000,
  sharedConsumers: 2,
  surge: { dataBytesPerSec: 12000 * 1000, recordsPerSec: 12000, seconds: 60 },
  consumerRecordsPerSec: 400,
  maxLagSeconds: 300,
};

describe('the lag budget: shards >= (surge x S + peak x L) / (consumer speed x (S + L))', () => {
  it('averages the surge and the budget: (12,000 x 60 + 5,000 x 300) / 360 = 6,166.67 records/s', () => {
    expect(lagDemand(12000, 5000, 60, 300)).toBeCloseTo(6166.6667, 3);
  });

  it('needs 16 shards for worked example 1, and the lag budget binds', () => {
    const r = size(orders);
    expect(term(r, 'lag-records')).toMatchObject({ perShard: 400, shards: 16 });
    expect(term(r, 'lag-records').demand).toBeCloseTo(6166.67, 2);
    expect(r.binding).toBe('lag-records');
    expect(r.minimumShards).toBe(16);
    expect(r.recommendedShards).toBe(20);
  });

  it('lists every term of worked example 1 with its shards', () => {
    const r = size(orders);
    expect(Object.fromEntries(r.constraints.map((c) => [c.id, c.shards]))).toEqual({
      'write-bytes': 5,
      'write-records': 5,
      'read-bytes': 5,
      'surge-bytes': 12,
      'surge-records': 12,
      'consumer-speed': 13,
      'lag-records': 16,
      'lag-bytes': 6,
    });
  });

  it('leaves 240,000 records behind after the surge, cleared in 80 s with the recommended 20 shards', () => {
    const r = size(orders);
    expect(r.backlog?.worst).toMatchObject({
      limitedBy: 'consumer-speed',
      capacityPerSec: 8000,
      atSurgeEnd: 240_000,
      clearSeconds: 80,
    });
  });

  it('clears the backlog exactly within the budget at the minimum count, never later', () => {
    const b = surgeBacklog({ ...base, ...orders }, 16);
    // 16 x 400 = 6,400 records/s: (12,000 - 6,400) x 60 = 336,000 left, cleared at 1,400/s in 240 s <= 300 s.
    expect(b?.processing).toMatchObject({ atSurgeEnd: 336_000, clearSeconds: 240 });
    expect(surgeBacklog({ ...base, ...orders }, 15)?.processing?.clearSeconds).toBeGreaterThan(300);
  });

  it('makes consumers keep up with the surge itself when the budget is 0 s', () => {
    const r = size({ ...orders, maxLagSeconds: 0 });
    expect(term(r, 'lag-records').demand).toBe(12000);
    expect(term(r, 'lag-records').shards).toBe(30);
  });

  it('checks the bytes twin against the read limit: shared consumers split 2 MiB/s, fan-out consumers do not', () => {
    // A surge of 6 MiB/s for 60 s, a peak of 2 MiB/s, 60 s to catch up: 4 MiB/s on average per reader.
    const workload: Partial<SizeInput> = {
      dataBytesPerSec: 2 * MIB,
      surge: { dataBytesPerSec: 6 * MIB, seconds: 60 },
      maxLagSeconds: 60,
    };
    expect(term(size({ ...workload, sharedConsumers: 3 }), 'lag-bytes')).toMatchObject({ demand: 12 * MIB, shards: 6 });
    expect(term(size({ ...workload, sharedConsumers: 0, efoConsumers: 3 }), 'lag-bytes')).toMatchObject({ demand: 4 * MIB, shards: 2 });
  });

  it('needs 8 shards for worked example 3: four shared readers, 4 x 4 / 2, and the budget binds', () => {
    const workload: Partial<SizeInput> = {
      dataBytesPerSec: 2 * MIB,
      sharedConsumers: 4,
      surge: { dataBytesPerSec: 6 * MIB, seconds: 60 },
      maxLagSeconds: 60,
    };
    const r = size(workload);
    expect(r).toMatchObject({ binding: 'lag-bytes', minimumShards: 8, recommendedShards: 10, shardsWithoutSharedReads: 6 });
    // With 10 shards each reader gets 5 MiB/s: 60 MiB left after the surge, cleared at 3 MiB/s in 20 s.
    expect(r.backlog?.worst).toMatchObject({ limitedBy: 'read-bytes', capacityPerSec: 5 * MIB, atSurgeEnd: 60 * MIB, clearSeconds: 20 });
  });

  it('leaves the records twin unchecked without a consumer speed, and skips the budget without readers', () => {
    const r = size({ dataBytesPerSec: 2 * MIB, surge: { dataBytesPerSec: 6 * MIB, seconds: 60 }, maxLagSeconds: 60 });
    expect(r.constraints.some((c) => c.id === 'lag-records')).toBe(false);
    const alone = size({ dataBytesPerSec: 2 * MIB, sharedConsumers: 0, surge: { dataBytesPerSec: 6 * MIB, seconds: 60 }, maxLagSeconds: 60 });
    expect(alone.constraints.some((c) => c.id.startsWith('lag'))).toBe(false);
    expect(alone.backlog).toBeUndefined();
  });
});

describe('surges: the write limits must accept them', () => {
  it('binds on surge bytes when a 10 MiB/s surge rides on a 4 MiB/s peak', () => {
    const r = size({ dataBytesPerSec: 4 * MIB, surge: { dataBytesPerSec: 10 * MIB, seconds: 30 } });
    expect(term(r, 'surge-bytes').shards).toBe(10);
    expect(term(r, 'write-bytes').shards).toBe(4);
    expect(r.binding).toBe('surge-bytes');
    expect(r.unchecked).toContain('surge-records');
  });

  it("counts the surge's records at the peak's record size when only its bytes are given", () => {
    const r = size({ dataBytesPerSec: 2000 * 100, recordsPerSec: 2000, surge: { dataBytesPerSec: 9000 * 100, seconds: 10 } });
    expect(term(r, 'surge-records')).toMatchObject({ demand: 9000, shards: 9 });
    expect(r.binding).toBe('surge-records');
  });

  it('lets KPL aggregation change the surge records term, not the surge bytes term', () => {
    const surge = { dataBytesPerSec: 9000 * 100, recordsPerSec: 9000, seconds: 10 };
    const plain = size({ dataBytesPerSec: 2000 * 100, recordsPerSec: 2000, surge });
    const kpl = size({ dataBytesPerSec: 2000 * 100, recordsPerSec: 2000, surge, kpl: true });
    // 512 records of 100 bytes fit in one 51,200-byte aggregated record.
    expect(term(kpl, 'surge-records').demand).toBeCloseTo(9000 / 512, 6);
    expect(term(kpl, 'surge-bytes').shards).toBe(term(plain, 'surge-bytes').shards);
    expect(kpl.minimumShards).toBe(1);
  });

  it('counts partition-key bytes in the surge, as in the peak', () => {
    const r = size({ dataBytesPerSec: 1000 * 1000, recordsPerSec: 1000, keyBytes: 100, surge: { dataBytesPerSec: 2000 * 1000, recordsPerSec: 2000, seconds: 5 } });
    expect(term(r, 'surge-bytes').demand).toBe(2_200_000);
  });

  it('treats a surge under the peak as no surge at all', () => {
    const r = size({ dataBytesPerSec: 6 * MIB, surge: { dataBytesPerSec: 1 * MIB, seconds: 30 } });
    expect(term(r, 'surge-bytes').demand).toBe(6 * MIB);
    expect(r.minimumShards).toBe(6);
  });
});

describe('consumer speed', () => {
  it('needs peak / speed shards: 3,000 records/s at 400 records/s per shard need 8', () => {
    const r = size({ dataBytesPerSec: 3000 * 400, recordsPerSec: 3000, consumerRecordsPerSec: 400 });
    expect(term(r, 'consumer-speed')).toMatchObject({ demand: 3000, perShard: 400, shards: 8 });
    expect(r.binding).toBe('consumer-speed');
  });

  it('multiplies the speed by Lambda ParallelizationFactor: 100 records/s x 4 needs the same 8 shards', () => {
    const r = size({ dataBytesPerSec: 3000 * 400, recordsPerSec: 3000, consumerRecordsPerSec: 100, lambdaParallelization: 4 });
    expect(term(r, 'consumer-speed')).toMatchObject({ perShard: 400, shards: 8 });
    const one = size({ dataBytesPerSec: 3000 * 400, recordsPerSec: 3000, consumerRecordsPerSec: 100 });
    expect(term(one, 'consumer-speed').shards).toBe(30);
  });

  it('says a backlog never clears when the consumers are exactly as fast as the peak', () => {
    const r = size({
      dataBytesPerSec: 1000 * 100,
      recordsPerSec: 1000,
      consumerRecordsPerSec: 500,
      headroom: 0,
      surge: { dataBytesPerSec: 2000 * 100, recordsPerSec: 2000, seconds: 10 },
    });
    expect(r.recommendedShards).toBe(2);
    expect(r.backlog?.worst).toMatchObject({ atSurgeEnd: 10_000, clearSeconds: null });
  });

  it('leaves no backlog when the surge beats the capacity by floating-point dust only', () => {
    const b = surgeBacklog(
      { ...base, dataBytesPerSec: 1, recordsPerSec: 1, consumerRecordsPerSec: 1, surge: { dataBytesPerSec: 1.0000000000000002, recordsPerSec: 1.0000000000000002, seconds: 1 } },
      1,
    );
    expect(b?.processing).toMatchObject({ atSurgeEnd: 0, clearSeconds: 0 });
  });

  it('warns when the surge and the lag budget outlast the retention period', () => {
    const r = size({ ...orders, maxLagSeconds: 24 * 3600 });
    expect(r.findings.map((f) => f.id)).toContain('lag-beyond-retention');
    expect(size(orders).findings.map((f) => f.id)).not.toContain('lag-beyond-retention');
  });
});
