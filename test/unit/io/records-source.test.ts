import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/keys/analyze.js';
import { uniformShardMap } from '../../../src/core/keys/shard-map.js';
import { readKeyRecords, type RecordWithData } from '../../../src/io/sources/records.js';
import { encodeAggregate } from '../../helpers/kpl.js';

async function* stream(records: readonly RecordWithData[]): AsyncGenerator<RecordWithData> {
  for (const r of records) yield r;
}

describe('a source of records (the seam a live stream plugs into)', () => {
  it('counts records on the shard they were read from, with their times and KPL evidence', async () => {
    const t = 1767225600;
    const read = await readKeyRecords(
      stream([
        // On 2 shards "a" routes to shard 0 and "f" to shard 1.
        { record: { key: 'a', dataBytes: 3, time: t, shardId: 'shardId-000000000000' }, data: Uint8Array.of(1, 2, 3) },
        { record: { key: 'f', dataBytes: 3, time: t, shardId: 'shardId-000000000000' }, data: Uint8Array.of(1, 2, 3) },
        // An aggregate read from shard 1 holding one user record under "a".
        { record: { key: 'a', dataBytes: 6, time: t + 1.5, shardId: 'shardId-000000000001' }, data: encodeAggregate([{ key: 'a', data: Uint8Array.of(9) }]) },
      ]),
      { timed: true, observedShards: true, hasBytes: true },
      { map: uniformShardMap(2), maxKeys: 100, strict: false },
    );
    read.acc.finish();
    expect(read.rows).toBe(3);
    expect(read.aggregatedRecords).toBe(1);
    expect(Array.from(read.acc.shardRecords)).toEqual([2, 1]);
    expect(read.acc.observed).toEqual({ records: 3, differ: 2, differWithExplicitHashKey: 0, differFromAggregates: 1 });
    const a = analyze(read.acc, { hotRatio: 1.5, top: 3, sampleRate: 1, salt: undefined, measure: undefined, hasBytes: true, aggregatedRecords: read.aggregatedRecords });
    expect(a.timeSpanSeconds).toBe(2);
    expect(a.kpl.likely).toBe(true);
    expect(a.observed).toEqual({ records: 3, differ: 2, differWithExplicitHashKey: 0, differFromAggregates: 1 });
  });
});
