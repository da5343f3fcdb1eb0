import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Accumulator } from '../../../src/core/keys/accumulate.js';
import { analyze, type AnalyzeOptions } from '../../../src/core/keys/analyze.js';
import { wilsonInterval } from '../../../src/core/keys/confidence.js';
import { expandRecord, newExpandStats } from '../../../src/core/keys/expand.js';
import { KPL_MAGIC } from '../../../src/core/kpl/deaggregate.js';
import { encodeAggregate, frame } from '../../helpers/kpl.js';
import { recordOf, resolveFields } from '../../../src/core/keys/fields.js';
import { compileKeyPattern, matchLine } from '../../../src/core/keys/key-pattern.js';
import { PerSecond } from '../../../src/core/keys/per-second.js';
import { fnv1a, KeyTable } from '../../../src/core/keys/key-table.js';
import { RecordFeeder } from '../../../src/core/keys/record-feed.js';
import type { KeyRecord } from '../../../src/core/keys/record.js';
import { routeKey } from '../../../src/core/keys/route.js';
import { routeWords, uniformShardMap } from '../../../src/core/keys/shard-map.js';
import { uniformShardIndex } from '../../../src/core/keys/uniform.js';
import { bigIntToWords, MAX_HASH_KEY } from '../../../src/core/keys/hash-key.js';
import { keyCounts, scanText } from './helpers.js';

const OPTIONS: AnalyzeOptions = { hotRatio: 1.5, top: 5, sampleRate: 1, salt: undefined, measure: undefined, hasBytes: true };

function feed(records: readonly KeyRecord[], shards = 2, observedShards = false, timed = false) {
  const acc = new Accumulator({ map: uniformShardMap(shards), maxKeys: 1000, strict: false });
  const feeder = new RecordFeeder(acc, { timed, observedShards });
  records.forEach((r, i) => feeder.add(r, i + 1));
  acc.finish();
  return acc;
}

describe('records fed to the accumulator', () => {
  it('count exactly as the same CSV rows do (property)', () => {
    const key = fc.stringMatching(/^[a-zA-Z0-9_\-éü日本]{1,12}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat(5000)), { minLength: 1, maxLength: 40 }), (rows) => {
        const fromRecords = feed(rows.map(([k, bytes]) => ({ key: k, dataBytes: bytes, time: NaN })), 3);
        const csv = `partition_key,bytes\n${rows.map(([k, b]) => `${k},${b}`).join('\n')}\n`;
        const fromCsv = scanText(csv, { map: uniformShardMap(3) }).acc;
        expect(keyCounts(fromRecords)).toEqual(keyCounts(fromCsv));
        expect(Array.from(fromRecords.shardRecords)).toEqual(Array.from(fromCsv.shardRecords));
        expect(Array.from(fromRecords.shardBytes)).toEqual(Array.from(fromCsv.shardBytes));
      }),
    );
  });

  it('count a record on the shard it was read from, and count the ones kds would route elsewhere', () => {
    // On 2 shards "a" routes to shard 0 and "f" to shard 1.
    const acc = feed(
      [
        { key: 'a', dataBytes: 10, time: NaN, shardId: 'shardId-000000000000' },
        { key: 'f', dataBytes: 10, time: NaN, shardId: 'shardId-000000000000' },
        { key: 'f', dataBytes: 10, time: NaN, shardId: 'shardId-000000000000', aggregated: true },
        { key: 'f', dataBytes: 10, time: NaN, shardId: 'shardId-000000000001' },
      ],
      2,
      true,
    );
    expect(Array.from(acc.shardRecords)).toEqual([3, 1]);
    expect(acc.observed).toEqual({ records: 4, differ: 2, differWithExplicitHashKey: 0, differFromAggregates: 1 });
  });

  it('refuse a shard id that is not an open shard of the map', () => {
    expect(() => feed([{ key: 'a', dataBytes: 1, time: NaN, shardId: 'shardId-000000000009' }], 2, true)).toThrow(
      'line 1: the record was read from shard "shardId-000000000009", which is not one of the 2 open shards here: pass the --shard-map of the stream it was read from',
    );
  });

  it('refuse a record without an arrival time when times are counted', () => {
    const acc = feed([{ key: 'a', dataBytes: 1, time: NaN }], 2, false, true);
    expect(acc.malformedExamples).toEqual([{ line: 1, reason: 'the record has no arrival time' }]);
  });
});

describe('observed shards in a CSV (the shard_id column a saved live read has)', () => {
  it('count each row on its shard and explain rows kds routes elsewhere', () => {
    const text = [
      'partition_key,explicit_hash_key,shard_id',
      'a,,shardId-000000000000',
      'f,,shardId-000000000000',
      `b,0,shardId-000000000001`,
      'e,,',
    ].join('\n');
    const { acc } = scanText(`${text}\n`, { map: uniformShardMap(2) });
    // e has no observed shard: it counts where it routes (shard 1).
    expect(Array.from(acc.shardRecords)).toEqual([2, 2]);
    expect(acc.observed).toEqual({ records: 3, differ: 2, differWithExplicitHashKey: 1, differFromAggregates: 0 });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('say which differing rows came out of KPL aggregates (the kpl_aggregated column), lines ending in %s', (_, eol) => {
    const text = [
      'partition_key,shard_id,kpl_aggregated',
      'a,shardId-000000000000,',
      // f routes to shard 1 on 2 shards: read from shard 0, each of these differs.
      'f,shardId-000000000000,1',
      'f,shardId-000000000000,TRUE',
      'f,shardId-000000000000,0',
      'f,shardId-000000000000,',
      // Quoted: read by the scanner's general path.
      '"f",shardId-000000000000,"1"',
      // A marked record read where its key routes does not differ.
      'f,shardId-000000000001,1',
    ].join(eol);
    const { acc } = scanText(`${text}${eol}`, { map: uniformShardMap(2) });
    expect(Array.from(acc.shardRecords)).toEqual([6, 1]);
    expect(acc.observed).toEqual({ records: 7, differ: 5, differWithExplicitHashKey: 0, differFromAggregates: 3 });
  });

  it('fails naming the line for an unknown shard id', () => {
    expect(() => scanText('key,shard_id\na,shardId-000000000000\nb,shard-x\n', { map: uniformShardMap(2) })).toThrow(
      /^line 3: the record was read from shard "shard-x", which is not one of the 2 open shards here/,
    );
  });
});

describe('JSON line fields', () => {
  it('reads dotted paths, finds known names at the top level, and reads epoch or ISO times', () => {
    const first = { id: 1, detail: { user: { id: 'u-7' } }, bytes: 120, timestamp: '2026-01-01T00:00:05Z', shard_id: 'shardId-000000000001' };
    const paths = resolveFields(first, { key: 'detail.user.id' });
    expect(paths).toEqual({ key: ['detail', 'user', 'id'], bytes: ['bytes'], time: ['timestamp'], shard: ['shard_id'] });
    expect(recordOf(first, paths)).toEqual({
      record: { key: 'u-7', dataBytes: 120, time: Date.UTC(2026, 0, 1, 0, 0, 5) / 1000, shardId: 'shardId-000000000001' },
      count: 1,
    });
    expect(recordOf({ ...first, timestamp: 1767225605000 }, paths)).toMatchObject({ record: { time: 1767225605 } });
  });

  it('says which field is missing or wrong', () => {
    const paths = resolveFields({ key: 'a', bytes: 1 }, {});
    expect(recordOf({ bytes: 1 }, paths)).toEqual({ problem: 'it has no key field "key"' });
    expect(recordOf({ key: 'a', bytes: 'lots' }, paths)).toEqual({ problem: 'the bytes field "bytes" is not a whole number' });
    expect(() => resolveFields({ user: 'a' }, {})).toThrow(
      'no partition key field found in the first JSON line (looked for partitionkey, key, pk); name it with --key-field (a dotted path such as detail.user); its fields are "user"',
    );
    expect(() => resolveFields({ user: 'a' }, { key: 'detail.id' })).toThrow('--key-field "detail.id" is not a field of the first JSON line; its fields are "user"');
  });

  it('treats __proto__ as a field name like any other', () => {
    const value = JSON.parse('{"__proto__": {"id": "p"}}') as Record<string, unknown>;
    expect(recordOf(value, resolveFields(value, { key: '__proto__.id' }))).toMatchObject({ record: { key: 'p' } });
  });
});

describe('--key-pattern', () => {
  it('takes the key from one group, or the groups named key, bytes and time', () => {
    expect(matchLine(compileKeyPattern('partitionKey=(\\S+)'), 'INFO partitionKey=order-7 bytes=12')).toEqual({ key: 'order-7', dataBytes: 0, time: NaN });
    const named = compileKeyPattern('^(?<time>\\S+) .*pk=(?<key>\\S+) bytes=(?<bytes>\\d+)');
    expect(matchLine(named, '2026-01-01T00:00:01Z put pk=u1 bytes=300')).toEqual({ key: 'u1', dataBytes: 300, time: 1767225601 });
    expect(matchLine(named, 'no match here')).toBeUndefined();
  });

  it.each([
    ['(', /^--key-pattern is not a valid regular expression: /],
    ['user=\\w+', /^--key-pattern has no capture group: put the key in parentheses/],
    ['(a)(b)', /^--key-pattern has 2 capture groups: name the key's one \(\?<key>\.\.\.\)$/],
    ['(?<user>a)', /^--key-pattern has a group named "user"; the names kds reads are key, bytes and time$/],
    ['^(a+)+\\1$', /^--key-pattern repeats a group that itself repeats/],
  ])('refuses %j', (pattern, message) => {
    expect(() => compileKeyPattern(pattern)).toThrow(message);
  });
});

describe('KPL evidence', () => {
  const enc = new TextEncoder();

  it('de-aggregates an aggregate into its user records, each under its own key, at the outer time and shard', () => {
    const stats = newExpandStats();
    const seen: KeyRecord[] = [];
    const data = encodeAggregate([
      { key: 'u1', data: enc.encode('abc') },
      { key: 'u2', explicitHashKey: '7', data: enc.encode('de') },
    ]);
    expandRecord({ key: 'a', dataBytes: data.length, time: 12.5, shardId: 'shardId-000000000001' }, data, stats, (r) => seen.push(r));
    expect(seen).toEqual([
      { key: 'u1', dataBytes: 3, time: 12.5, shardId: 'shardId-000000000001', aggregated: true },
      { key: 'u2', dataBytes: 2, time: 12.5, explicitHashKey: '7', shardId: 'shardId-000000000001', aggregated: true },
    ]);
    expect(stats).toEqual({ aggregated: 1, userRecords: 2, corrupt: 0, checksumMismatches: 0 });
  });

  it('passes a plain record on, also one that starts with the magic bytes but fails the checksum (as the KCL does)', () => {
    const stats = newExpandStats();
    const seen: string[] = [];
    const emit = (r: KeyRecord) => seen.push(r.key);
    expandRecord({ key: 'a', dataBytes: 8, time: 0 }, Uint8Array.from([...KPL_MAGIC, 1, 2, 3, 4]), stats, emit);
    expandRecord({ key: 'b', dataBytes: 3, time: 0 }, Uint8Array.from([0xf3, 0x89, 0x9a]), stats, emit);
    expect(seen).toEqual(['a', 'b']);
    expect(stats).toEqual({ aggregated: 0, userRecords: 0, corrupt: 0, checksumMismatches: 0 });
  });

  it('counts a corrupt aggregate once, under its outer key', () => {
    const stats = newExpandStats();
    const seen: string[] = [];
    // A good checksum over bytes that are not an AggregatedRecord (a length that runs past the end).
    expandRecord({ key: 'outer', dataBytes: 1, time: 0 }, frame(Uint8Array.of(0x0a, 0x7f, 0x61)), stats, (r) => seen.push(r.key));
    expect(seen).toEqual(['outer']);
    expect(stats).toEqual({ aggregated: 1, userRecords: 0, corrupt: 1, checksumMismatches: 0 });
  });

  it('counts checksum mismatches and says why an aggregate is corrupt, for files and live reads alike', () => {
    const stats = newExpandStats();
    const broken = encodeAggregate([{ key: 'u1', data: enc.encode('abc') }]);
    broken[broken.length - 1] = broken[broken.length - 1]! ^ 1;
    const problems: string[] = [];
    const seen: string[] = [];
    expandRecord({ key: 'outer', dataBytes: broken.length, time: 0 }, broken, stats, (r) => seen.push(r.key), (p) => problems.push(p));
    expandRecord({ key: 'bad', dataBytes: 1, time: 0 }, frame(Uint8Array.of(0x0a, 0x7f, 0x61)), stats, (r) => seen.push(r.key), (p) => problems.push(p));
    expect(seen).toEqual(['outer', 'bad']);
    expect(stats).toEqual({ aggregated: 1, userRecords: 0, corrupt: 1, checksumMismatches: 1 });
    expect(problems).toHaveLength(1);
  });

  it('needs more than a key named "a" to warn', () => {
    const one = analyze(feed([{ key: 'a', dataBytes: 1, time: NaN }]), OPTIONS);
    expect(one.kpl).toEqual({ keyRecords: 1, keyShare: 1, aggregatedRecords: 0, userRecords: 0, corruptAggregates: 0, checksumMismatches: 0, likely: false });
    const many = analyze(feed(Array.from({ length: 60 }, () => ({ key: 'a', dataBytes: 1, time: NaN }))), OPTIONS);
    expect(many.kpl.likely).toBe(true);
    const aggregated = analyze(feed([{ key: 'x', dataBytes: 1, time: NaN }]), { ...OPTIONS, aggregatedRecords: 1 });
    expect(aggregated.kpl.likely).toBe(true);
  });
});

describe('confidence and sample size', () => {
  it('gives the Wilson interval', () => {
    const i = wilsonInterval(1, 2);
    expect(i.low).toBeCloseTo(0.0945, 4);
    expect(i.high).toBeCloseTo(0.9055, 4);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1);
  });

  it('does not call a shard hot from two records, and says how uncertain its share is', () => {
    const a = analyze(feed([{ key: 'k1', dataBytes: 0, time: NaN }, { key: 'k2', dataBytes: 0, time: NaN }], 4), OPTIONS);
    expect(a.diagnosis).toBe('uncertain');
    expect(a.hotShards).toEqual([]);
    expect(a.split).toBeUndefined();
    expect(a.salt).toBeUndefined();
    expect(a.sample.small).toBe(true);
    expect(a.sample.hottestShare.low).toBeCloseTo(0.0945, 4);
  });

  it('still calls a shard hot in a small sample when even the low end of its interval is over the line', () => {
    const a = analyze(feed(Array.from({ length: 40 }, () => ({ key: 'same', dataBytes: 0, time: NaN })), 4), OPTIONS);
    expect(a.sample.small).toBe(true);
    expect(a.diagnosis).toBe('hot-key');
  });

  it('keeps the distinct-key estimate at or below the record count once counts are estimates', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `k${i % 700}-${Math.floor(i / 700)}`);
    const { acc } = scanText(`key\n${rows.join('\n')}\n`, { maxKeys: 100 });
    const a = analyze(acc, OPTIONS);
    expect(a.approximate).toBe(true);
    expect(a.distinctKeys).toBeLessThanOrEqual(a.totalRecords);
  });

  it('counts each key once when the tables of two parts are merged (two threads used to count the second part twice)', () => {
    const enc = new TextEncoder();
    const table = (keys: string[]) => {
      const t = new KeyTable(10);
      for (const k of keys) {
        const b = enc.encode(k);
        t.add(t.insert(b, 0, b.length, fnv1a(b, 0, b.length)), 1, 1);
      }
      return t;
    };
    const first = table(['a', 'b']);
    first.mergeFrom(table(['c', 'd', 'e']).toData());
    expect(first.inserted).toBe(5);
  });
});

describe('routing without a table of shards', () => {
  it('finds the same shard as the map for any hash key and shard count (property)', () => {
    const words = new Uint32Array(4);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_HASH_KEY }), fc.integer({ min: 1, max: 300 }), (h, n) => {
        bigIntToWords(h, words);
        expect(uniformShardIndex(words, 0, n)).toBe(routeWords(uniformShardMap(n), words));
      }),
      { numRuns: 300 },
    );
  });

  it('is exact on shard boundaries', () => {
    const words = new Uint32Array(4);
    for (const n of [3, 6, 7, 10, 1_000_000]) {
      const map = uniformShardMap(Math.min(n, 20));
      for (const shard of map.shards) {
        for (const h of [shard.start, shard.end]) {
          bigIntToWords(h, words);
          expect(uniformShardIndex(words, 0, map.shards.length)).toBe(routeWords(map, words));
        }
      }
    }
  });
});

describe('per-second counts', () => {
  it('keep only the shards a second touched, whatever the shard count', () => {
    const ps = new PerSecond(1_000_000);
    for (let s = 0; s < 50; s++) ps.add(1767225600 + s, s % 3, 1, 10);
    const data = ps.toData();
    expect(data.buckets).toHaveLength(50);
    for (const [, bucket] of data.buckets) expect(bucket.shards.length).toBe(1);
    ps.finish();
    expect([ps.peakRecords[0], ps.peakRecords[1], ps.peakRecords[2], ps.peakRecords[3]]).toEqual([1, 1, 1, 0]);
  });
});

describe('kds keys route (core)', () => {
  it('gives the MD5, the hash key and the shard, or the explicit hash key', () => {
    const map = uniformShardMap(3);
    expect(routeKey(map, 'a')).toEqual({
      key: 'a',
      md5: '0cc175b9c0f1b6a831c399e269772661',
      hashKey: 16955237001963240173058271559858726497n,
      explicit: false,
      shard: 0,
    });
    expect(routeKey(map, 'a', MAX_HASH_KEY)).toMatchObject({ md5: '0cc175b9c0f1b6a831c399e269772661', hashKey: MAX_HASH_KEY, explicit: true, shard: 2 });
  });
});

describe('the key table', () => {
  const enc = new TextEncoder();
  const keysOfLength = (n: number) => Array.from({ length: n }, (_, i) => `${'k'.repeat(i)}${i}`);

  it('finds every key it holds, short (in the record) or long (in the arena), and gives its bytes back', () => {
    const t = new KeyTable(1000);
    const keys = keysOfLength(60);
    for (const k of keys) {
      const b = enc.encode(k);
      t.add(t.insert(b, 0, b.length, fnv1a(b, 0, b.length)), 1, b.length);
    }
    for (const [i, k] of keys.entries()) {
      const b = enc.encode(`xx${k}yy`);
      const e = t.find(b, 2, b.length - 2, fnv1a(b, 2, b.length - 2));
      expect(e).toBe(i);
      expect(new TextDecoder().decode(t.keyBytes(e))).toBe(k);
    }
    const missing = enc.encode(`${'k'.repeat(20)}21`);
    expect(t.find(missing, 0, missing.length, fnv1a(missing, 0, missing.length))).toBe(-1);
  });

  it('keeps the bytes of the keys it keeps when it purges', () => {
    const t = new KeyTable(8);
    const keys = keysOfLength(40);
    for (const [i, k] of keys.entries()) {
      const b = enc.encode(k);
      let e = t.find(b, 0, b.length, fnv1a(b, 0, b.length));
      if (e < 0) e = t.insert(b, 0, b.length, fnv1a(b, 0, b.length));
      t.add(e, i % 4 === 0 ? 100 : 1, 1);
    }
    expect(t.purges).toBeGreaterThan(0);
    for (let e = 0; e < t.size; e++) {
      const k = new TextDecoder().decode(t.keyBytes(e));
      expect(keys).toContain(k);
      const b = enc.encode(k);
      expect(t.find(b, 0, b.length, fnv1a(b, 0, b.length))).toBe(e);
    }
  });

  it('counts like a Map when keys share slots and runs of slots (property)', () => {
    // Few distinct keys of 1 to 40 bytes over a small alphabet: many share a home slot or a run of them.
    const key = fc.stringMatching(/^[ab]{1,40}$/);
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 300 }), fc.array(key, { maxLength: 20 }), (rows, probes) => {
        const t = new KeyTable(1000);
        const model = new Map<string, number>();
        for (const k of rows) {
          const b = enc.encode(k);
          const h = fnv1a(b, 0, b.length);
          let e = t.find(b, 0, b.length, h);
          if (e < 0) e = t.insert(b, 0, b.length, h);
          t.add(e, 1, b.length);
          model.set(k, (model.get(k) ?? 0) + 1);
        }
        expect(t.size).toBe(model.size);
        for (const k of [...rows, ...probes]) {
          const b = enc.encode(k);
          const e = t.find(b, 0, b.length, fnv1a(b, 0, b.length));
          if (!model.has(k)) expect(e).toBe(-1);
          else expect([new TextDecoder().decode(t.keyBytes(e)), t.recordsOf(e)]).toEqual([k, model.get(k)]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('still finds every key once it holds more than 2^19 - 1, the most the first slot bits can number', () => {
    // Records start with room for 2^18 keys; growing past 2^19 - 1 widens the bits of a slot that hold the entry.
    const t = new KeyTable(600_000);
    const n = 530_000;
    const b = new Uint8Array(8);
    const view = new DataView(b.buffer);
    for (let i = 0; i < n; i++) {
      view.setUint32(0, i * 2654435761);
      view.setUint32(4, i);
      const h = fnv1a(b, 0, 8);
      if (t.find(b, 0, 8, h) >= 0) throw new Error(`key ${i} was found before it was added`);
      t.add(t.insert(b, 0, 8, h), i, 0);
    }
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      view.setUint32(0, i * 2654435761);
      view.setUint32(4, i);
      const e = t.find(b, 0, 8, fnv1a(b, 0, 8));
      if (e !== i || t.recordsOf(e) !== i) wrong++;
    }
    expect(wrong).toBe(0);
  });
});
