import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARD } from '../../../src/core/facts.js';
import type { SizeInput } from '../../../src/core/size/input.js';
import { sizeStream } from '../../../src/core/size/size.js';
import { MIB } from '../../../src/core/units.js';
import { NO_TRAFFIC } from './workload.js';

const base: SizeInput = NO_TRAFFIC;

const size = (input: Partial<SizeInput>) => sizeStream({ ...base, ...input });

function shardsOf(result: ReturnType<typeof sizeStream>, id: string): number | undefined {
  return result.constraints.find((c) => c.id === id)?.shards;
}

describe('sizeStream: the practice-question answers', () => {
  it('needs 6 shards for 6 MiB/s of writes, bound by write bytes (practice question 1)', () => {
    const r = size({ dataBytesPerSec: 6 * MIB });
    expect(r.minimumShards).toBe(6);
    expect(r.binding).toBe('write-bytes');
    expect(r.recommendedShards).toBe(8);
  });

  it('needs 9 shards when three shared consumers read 6 MiB/s, bound by shared reads', () => {
    const r = size({ dataBytesPerSec: 6 * MIB, sharedConsumers: 3 });
    expect(r.minimumShards).toBe(9);
    expect(r.binding).toBe('read-bytes');
    expect(shardsOf(r, 'read-bytes')).toBe(9);
    expect(r.shardsWithoutSharedReads).toBe(6);
  });

  it('needs 5 shards for 5,000 records/s of 100 bytes, bound by write records', () => {
    const r = size({ dataBytesPerSec: 5000 * 100, recordsPerSec: 5000 });
    expect(r.minimumShards).toBe(5);
    expect(r.binding).toBe('write-records');
    expect(shardsOf(r, 'write-bytes')).toBe(1);
  });
});

describe('sizeStream: AWS examples and formula', () => {
  it("matches AWS's pricing example: 100 records/s of 35 KB need 4 shards", () => {
    const r = size({ dataBytesPerSec: 100 * 35 * 1024, recordsPerSec: 100 });
    expect(r.minimumShards).toBe(4);
    expect(r.binding).toBe('write-bytes');
  });

  it("agrees with AWS's formula ceil(max(in_KiB/1024, in_KiB*consumers/2048)) without a records term", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 20 }), (inKiB, consumers) => {
        const r = size({ dataBytesPerSec: inKiB * 1024, sharedConsumers: consumers });
        const aws = Math.max(1, Math.ceil(Math.max(inKiB / 1024, (inKiB * consumers) / 2048)));
        expect(r.minimumShards).toBe(aws);
      }),
    );
  });

  it("turns AWS's KPL example of 1,000 records/s of 512 bytes into 10 Kinesis records/s", () => {
    const r = size({ dataBytesPerSec: 1000 * 512, recordsPerSec: 1000, kpl: true });
    expect(r.aggregation?.kinesisRecordsPerSec).toBe(10);
    expect(r.constraints.find((c) => c.id === 'write-records')?.demand).toBe(10);
  });

  it('counts partition-key bytes toward the write limit, as Kinesis does', () => {
    const withoutKeys = size({ dataBytesPerSec: 1000 * 1000, recordsPerSec: 1000 });
    const withKeys = size({ dataBytesPerSec: 1000 * 1000, recordsPerSec: 1000, keyBytes: 100 });
    expect(shardsOf(withoutKeys, 'write-bytes')).toBe(1);
    expect(shardsOf(withKeys, 'write-bytes')).toBe(2);
    expect(withKeys.writeBytesPerSec).toBe(1_100_000);
  });
});

describe('sizeStream: edges', () => {
  it('never recommends fewer than one shard, even for a trickle', () => {
    const r = size({ dataBytesPerSec: 1, sharedConsumers: 0 });
    expect(r.minimumShards).toBe(1);
    expect(r.recommendedShards).toBe(1);
  });

  it('needs exactly N shards at exactly N MiB/s, not N + 1 from rounding dust', () => {
    for (const mbps of [0.1 * 3, 1.1, 2.3, 7, 1000]) {
      const r = size({ dataBytesPerSec: mbps * MIB, sharedConsumers: 0 });
      expect(r.minimumShards).toBe(Math.max(1, Math.ceil(Number(mbps.toPrecision(12)))));
    }
  });

  it('reports write bytes as binding on a tie with shared reads', () => {
    const r = size({ dataBytesPerSec: 6 * MIB, sharedConsumers: 2 });
    expect(shardsOf(r, 'read-bytes')).toBe(6);
    expect(r.binding).toBe('write-bytes');
  });

  it('leaves the records limit unchecked when the record rate is unknown', () => {
    const r = size({ dataBytesPerSec: 6 * MIB });
    expect(r.unchecked).toEqual(['write-records']);
    expect(r.constraints.map((c) => c.id)).toEqual(['write-bytes', 'read-bytes']);
  });

  it('never counts enhanced fan-out consumers against shared reads', () => {
    const shared = size({ dataBytesPerSec: 6 * MIB, sharedConsumers: 1 });
    const fanOut = size({ dataBytesPerSec: 6 * MIB, sharedConsumers: 1, efoConsumers: 15 });
    expect(fanOut.minimumShards).toBe(shared.minimumShards);
  });

  it('recommends the minimum when headroom is zero', () => {
    const r = size({ dataBytesPerSec: 6.5 * MIB, headroom: 0 });
    expect(r.recommendedShards).toBe(r.minimumShards);
  });
});

describe('sizeStream: properties', () => {
  const workload = fc.record({
    bytes: fc.double({ min: 1, max: 500 * MIB, noNaN: true }),
    records: fc.option(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { nil: undefined }),
    keyBytes: fc.integer({ min: 0, max: 256 }),
    consumers: fc.integer({ min: 0, max: 30 }),
    headroom: fc.double({ min: 0, max: 2, noNaN: true }),
    kpl: fc.boolean(),
  });
  type Workload = typeof workload extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (w: Workload, scale = 1): Partial<SizeInput> => ({
    dataBytesPerSec: w.bytes * scale,
    recordsPerSec: w.records === undefined ? undefined : w.records * scale,
    keyBytes: w.records === undefined ? 0 : w.keyBytes,
    sharedConsumers: w.consumers,
    headroom: w.headroom,
    kpl: w.kpl,
  });

  it('never needs fewer shards for more throughput', () => {
    fc.assert(
      fc.property(workload, fc.double({ min: 1, max: 10, noNaN: true }), (w, factor) => {
        const less = size(toInput(w));
        const more = size(toInput(w, factor));
        expect(more.minimumShards).toBeGreaterThanOrEqual(less.minimumShards);
        expect(more.recommendedShards).toBeGreaterThanOrEqual(less.recommendedShards);
      }),
    );
  });

  it('never needs fewer shards for more shared consumers', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const r = size(toInput(w));
        const more = size({ ...toInput(w), sharedConsumers: w.consumers + 1 });
        expect(more.minimumShards).toBeGreaterThanOrEqual(r.minimumShards);
      }),
    );
  });

  it('gives a minimum that covers every constraint and a recommendation at least the minimum', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const r = size(toInput(w));
        expect(Number.isInteger(r.minimumShards)).toBe(true);
        expect(r.minimumShards).toBeGreaterThanOrEqual(1);
        expect(r.recommendedShards).toBeGreaterThanOrEqual(r.minimumShards);
        for (const c of r.constraints) {
          expect(r.minimumShards).toBeGreaterThanOrEqual(c.shards);
          // the count really carries the demand
          expect(c.demand).toBeLessThanOrEqual(r.minimumShards * c.perShard * (1 + 1e-9));
        }
        expect(r.constraints.find((c) => c.id === r.binding)?.shards).toBe(Math.max(...r.constraints.map((c) => c.shards)));
      }),
    );
  });

  it('keeps the per-shard write limit at 1 MiB/s', () => {
    expect(SHARD.writeBytesPerSec.value).toBe(MIB);
  });
});

describe('sizeStream: which limit binds on a tie', () => {
  it('picks the limit that uses more of its shards when the counts tie', () => {
    // 750 records/s of 500 bytes: both fit one shard, but records use 75% of it and bytes 36%.
    const r = size({ dataBytesPerSec: 750 * 500, recordsPerSec: 750, sharedConsumers: 0 });
    expect(r.minimumShards).toBe(1);
    expect(r.binding).toBe('write-records');
  });

  it('keeps write bytes on an exact tie with shared reads', () => {
    expect(size({ dataBytesPerSec: 6 * MIB, sharedConsumers: 2 }).binding).toBe('write-bytes');
  });
});
