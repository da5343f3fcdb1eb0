import { describe, expect, it } from 'vitest';
import type { Demand, RateFigures } from '../../../src/core/cloudwatch/demand.js';
import { fromHistory, type StreamSeen } from '../../../src/core/size/from-history.js';
import { MIB } from '../../../src/core/units.js';

function rate(sized: number, average: number): RateFigures {
  return { peak: sized, peakAt: 0, p99: sized, average, sized };
}

function demand(over: Partial<Demand> = {}): Demand {
  return {
    periodSeconds: 60,
    periods: 100,
    firstMs: 0,
    writeBytes: rate(2 * MIB, 1 * MIB),
    writeRecords: rate(2000, 1000),
    readBytes: rate(4 * MIB, 2 * MIB),
    totals: { incomingBytes: 1000, incomingRecords: 10, writeThrottledRecords: 0, readThrottledCalls: 0, readBytes: 2960 },
    throttledPeriods: 0,
    idle: false,
    ...over,
  };
}

const STREAM: StreamSeen = { mode: 'PROVISIONED', openShards: 4, retentionHours: 48, region: 'us-east-1' };
const GIVEN = { consumers: 1, consumersGiven: false, efoConsumers: 0 };

describe('what a stream\'s history answers of kds size', () => {
  it('sizes on the rate sized for, costs on the average, plans from the open shards', () => {
    const h = fromHistory(demand(), STREAM, 2, GIVEN);
    expect(h.workload).toEqual({
      mbps: 2,
      records: 2000,
      averageMbps: 1,
      averageRecords: 1000,
      currentShards: 4,
      consumers: 3,
      efoConsumers: 2,
      retentionHours: 48,
      region: 'us-east-1',
    });
  });

  it('counts the shared readers from the reads (2,960 read of 1,000 written: 3), unless --consumers was given', () => {
    expect(fromHistory(demand(), STREAM, 0, GIVEN)).toMatchObject({ readRatio: 2.96, observedSharedReaders: 3 });
    const given = fromHistory(demand(), STREAM, 0, { ...GIVEN, consumers: 1, consumersGiven: true });
    expect(given.observedSharedReaders).toBeUndefined();
    expect(given.workload.consumers).toBe(1);
    const noWrites = fromHistory(demand({ totals: { ...demand().totals, incomingBytes: 0 } }), STREAM, 0, GIVEN);
    expect(noWrites).toMatchObject({ readRatio: undefined, observedSharedReaders: undefined, workload: { consumers: 1 } });
  });

  it('keeps the average at or below the rate sized for (a --percentile below the peak)', () => {
    const h = fromHistory(demand({ writeBytes: rate(1 * MIB, 1.5 * MIB), writeRecords: rate(500, 700) }), STREAM, 0, GIVEN);
    expect(h.workload).toMatchObject({ mbps: 1, averageMbps: 1, records: 500, averageRecords: 500 });
  });

  it('plans no shard count for an on-demand stream, and takes a stream without a mode as provisioned', () => {
    expect(fromHistory(demand(), { ...STREAM, mode: 'ON_DEMAND' }, 0, GIVEN)).toMatchObject({ onDemand: true, workload: { currentShards: undefined } });
    expect(fromHistory(demand(), { ...STREAM, mode: undefined }, 0, GIVEN)).toMatchObject({ onDemand: false, workload: { currentShards: 4 } });
  });

  it('keeps the retention within what a stream may keep', () => {
    expect(fromHistory(demand(), { ...STREAM, retentionHours: 0 }, 0, GIVEN).workload.retentionHours).toBe(24);
    expect(fromHistory(demand(), { ...STREAM, retentionHours: 100_000 }, 0, GIVEN).workload.retentionHours).toBe(8760);
  });

  it('prices the stream\'s Region when kds has its prices, and none otherwise', () => {
    expect(fromHistory(demand(), { ...STREAM, region: 'eu-west-1' }, 0, GIVEN).workload.region).toBe('eu-west-1');
    expect(fromHistory(demand(), { ...STREAM, region: 'eu-north-1' }, 0, GIVEN).workload.region).toBeUndefined();
  });

  it('falls back to --efo-consumers when the stream could not list its consumers', () => {
    expect(fromHistory(demand(), STREAM, undefined, { ...GIVEN, efoConsumers: 3 }).workload.efoConsumers).toBe(3);
  });
});
