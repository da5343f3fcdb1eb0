import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SizeInput } from '../../../src/core/size/input.js';
import { sizeStream } from '../../../src/core/size/size.js';

/** A workload with a peak, a surge above it, readers, a consumer speed and a lag budget. */
const workload = fc.record({
  peakRecords: fc.integer({ min: 1, max: 200_000 }),
  recordBytes: fc.integer({ min: 1, max: 100_000 }),
  keyBytes: fc.integer({ min: 0, max: 256 }),
  surgeFactor: fc.double({ min: 1, max: 20, noNaN: true }),
  surgeSeconds: fc.integer({ min: 1, max: 3600 }),
  lagSeconds: fc.integer({ min: 0, max: 86_400 }),
  speed: fc.integer({ min: 1, max: 50_000 }),
  lambda: fc.integer({ min: 1, max: 10 }),
  consumers: fc.integer({ min: 0, max: 10 }),
  efoConsumers: fc.integer({ min: 0, max: 5 }),
  headroom: fc.constantFrom(0, 0.25, 1),
  kpl: fc.boolean(),
});
type Workload = typeof workload extends fc.Arbitrary<infer T> ? T : never;

function input(w: Workload): SizeInput {
  const sharedConsumers = w.consumers + w.efoConsumers === 0 ? 1 : w.consumers;
  const surgeRecords = w.peakRecords * w.surgeFactor;
  return {
    dataBytesPerSec: w.peakRecords * w.recordBytes,
    recordsPerSec: w.peakRecords,
    keyBytes: w.keyBytes,
    sharedConsumers,
    efoConsumers: w.efoConsumers,
    headroom: w.headroom,
    retentionHours: 24,
    kpl: w.kpl,
    surge: { dataBytesPerSec: surgeRecords * w.recordBytes, recordsPerSec: surgeRecords, seconds: w.surgeSeconds },
    consumerRecordsPerSec: w.speed,
    lambdaParallelization: w.lambda,
    maxLagSeconds: w.lagSeconds,
  };
}

function neverFewer(less: SizeInput, more: SizeInput): void {
  const a = sizeStream(less);
  const b = sizeStream(more);
  expect(b.minimumShards).toBeGreaterThanOrEqual(a.minimumShards);
  expect(b.recommendedShards).toBeGreaterThanOrEqual(a.recommendedShards);
}

describe('kds size: rules that hold for every workload', () => {
  it('never needs fewer shards for a bigger surge', () => {
    fc.assert(
      fc.property(workload, fc.double({ min: 1, max: 5, noNaN: true }), (w, more) => {
        neverFewer(input(w), input({ ...w, surgeFactor: w.surgeFactor * more }));
      }),
    );
  });

  it('never needs fewer shards for a longer surge', () => {
    fc.assert(
      fc.property(workload, fc.integer({ min: 0, max: 3600 }), (w, extra) => {
        neverFewer(input(w), input({ ...w, surgeSeconds: w.surgeSeconds + extra }));
      }),
    );
  });

  it('never needs fewer shards for a smaller lag budget', () => {
    fc.assert(
      fc.property(workload, fc.integer({ min: 0, max: 86_400 }), (w, cut) => {
        neverFewer(input(w), input({ ...w, lagSeconds: Math.max(0, w.lagSeconds - cut) }));
      }),
    );
  });

  it('never needs fewer shards for a slower consumer', () => {
    fc.assert(
      fc.property(workload, fc.integer({ min: 1, max: 50_000 }), (w, slower) => {
        neverFewer(input(w), input({ ...w, speed: Math.min(w.speed, slower) }));
      }),
    );
  });

  it('never needs more shards for more Lambda parallelization', () => {
    fc.assert(
      fc.property(workload, fc.integer({ min: 1, max: 10 }), (w, factor) => {
        neverFewer(input({ ...w, lambda: Math.max(w.lambda, factor) }), input(w));
      }),
    );
  });

  it('never needs fewer shards with a surge, a consumer speed or a lag budget than without', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const full = input(w);
        neverFewer({ ...full, surge: undefined, consumerRecordsPerSec: undefined, maxLagSeconds: undefined }, full);
      }),
    );
  });

  it('clears any backlog within the lag budget once the recommended shards are in place', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const r = sizeStream(input(w));
        for (const b of [r.backlog?.processing, r.backlog?.reading]) {
          if (b === undefined || b.atSurgeEnd <= 0) continue;
          expect(b.clearSeconds).not.toBeNull();
          expect(b.clearSeconds ?? Infinity).toBeLessThanOrEqual(w.lagSeconds * (1 + 1e-9) + 1e-6);
        }
      }),
    );
  });
});
