import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../../src/core/keys/analyze.js';
import { partitionKeyHash } from '../../../src/core/keys/hash-key.js';
import { skewOf } from '../../../src/core/keys/metrics.js';
import { routeHashKey, uniformShardMap } from '../../../src/core/keys/shard-map.js';
import { planSplit } from '../../../src/core/keys/split.js';
import { scanText } from './helpers.js';

const OPTIONS: AnalyzeOptions = { hotRatio: 1.5, top: 5, sampleRate: 1, salt: undefined, measure: undefined, hasBytes: false };

function csv(rows: readonly [string, number][], header = 'partition_key,count'): string {
  return `${header}\n${rows.map(([k, n]) => `${k},${n}`).join('\n')}\n`;
}

/** Keys that land on one shard of a uniform map. */
function keysOnShard(n: number, shard: number, count: number, prefix = 'k'): string[] {
  const map = uniformShardMap(n);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) if (routeHashKey(map, partitionKeyHash(`${prefix}${i}`)) === shard) out.push(`${prefix}${i}`);
  return out;
}

describe('skew metrics', () => {
  it('are 1, 0 and 0 for equal loads', () => {
    expect(skewOf([5, 5, 5, 5])).toEqual({ maxOverMean: 1, coefficientOfVariation: 0, gini: 0 });
  });

  it('reach (n-1)/n Gini when one shard has everything', () => {
    const s = skewOf([0, 0, 0, 8]);
    expect(s.maxOverMean).toBe(4);
    expect(s.gini).toBeCloseTo(0.75);
    expect(s.coefficientOfVariation).toBeCloseTo(Math.sqrt(3));
  });
});

describe('split point', () => {
  // hot-shards.md §5 worked example: user-1..user-20 with weight floor(1000/i) on 2 shards.
  const points = Array.from({ length: 20 }, (_, i) => ({ key: `user-${i + 1}`, weight: Math.floor(1000 / (i + 1)) }));
  const map = uniformShardMap(2);
  const inShard0 = points.filter((p) => routeHashKey(map, partitionKeyHash(p.key)) === 0);
  const shard = map.shards[0]!;

  it('finds the published loads of the worked example', () => {
    expect(inShard0.reduce((s, p) => s + p.weight, 0)).toBe(1882);
    const plan = planSplit(
      shard.start,
      shard.end,
      inShard0.map((p) => ({ hash: partitionKeyHash(p.key), weight: p.weight })),
      0,
    )!;
    expect(plan.midpoint).toMatchObject({ newStartingHashKey: 85070591730234615865843651857942052863n, lower: 1409, upper: 473 });
    expect([plan.balanced.lower, plan.balanced.upper]).toEqual([859, 1023]);
    // user-2 starts the upper child: the split key lies in the gap just below its hash.
    const user2 = 81544010656874607678696621737415172275n;
    const below = inShard0.map((p) => partitionKeyHash(p.key)).filter((h) => h < user2);
    expect(plan.balanced.newStartingHashKey <= user2).toBe(true);
    expect(plan.balanced.newStartingHashKey > below.reduce((m, h) => (h > m ? h : m), 0n)).toBe(true);
  });

  it('stays within the SplitShard bounds S + 2 ... E - 1', () => {
    const plan = planSplit(0n, 100n, [{ hash: 0n, weight: 10 }, { hash: 100n, weight: 10 }], 0)!;
    expect(plan.balanced.newStartingHashKey >= 2n && plan.balanced.newStartingHashKey <= 99n).toBe(true);
    expect(planSplit(5n, 7n, [], 1)).toBeUndefined();
  });

  it('balances load of unknown position by spreading it over the range', () => {
    const plan = planSplit(0n, 999n, [], 100)!;
    expect(plan.balanced.newStartingHashKey).toBe(500n);
    expect(plan.balanced.lower).toBeCloseTo(50);
  });
});

describe('diagnosis', () => {
  it('calls a key that carries most of a hot shard a hot key, and offers salting', () => {
    const rows: [string, number][] = [['checkout', 600], ...Array.from({ length: 200 }, (_, i) => [`user-${i}`, 2] as [string, number])];
    const { acc } = scanText(csv(rows));
    const a = analyze(acc, OPTIONS);
    expect(a.diagnosis).toBe('hot-key');
    expect(a.dominantKey!.key.key).toBe('checkout');
    expect(a.topKeys[0]).toMatchObject({ key: 'checkout', records: 600, recordsUpperBound: 600 });
    expect(a.salt).toBeDefined();
    expect(a.salt!.hottestShareAfter).toBeLessThan(a.salt!.hottestShareBefore);
    expect(a.whatIf.every((w) => w.hottestShare >= 600 / 1000 - 1e-9)).toBe(true);
  });

  it('calls a shard with many busy keys a hot shard, and its balanced split beats the midpoint', () => {
    const hotKeys = keysOnShard(4, 2, 60, 'h');
    const rows: [string, number][] = [...hotKeys.map((k) => [k, 20] as [string, number]), ...Array.from({ length: 300 }, (_, i) => [`o${i}`, 1] as [string, number])];
    const { acc } = scanText(csv(rows));
    const a = analyze(acc, OPTIONS);
    expect(a.diagnosis).toBe('hot-shard');
    expect(a.hottest).toBe(2);
    expect(a.hotShards).toContain(2);
    const s = a.split!;
    expect(Math.abs(s.balanced.lower - s.balanced.upper)).toBeLessThanOrEqual(Math.abs(s.midpoint!.lower - s.midpoint!.upper));
    expect(s.balanced.lower + s.balanced.upper).toBeCloseTo(acc.shardRecords[2]!);
  });

  it('calls evenly spread keys balanced and proposes nothing', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => [`id-${i}`, 1] as [string, number]);
    const a = analyze(scanText(csv(rows)).acc, OPTIONS);
    expect(a.diagnosis).toBe('balanced');
    expect(a.hotShards).toEqual([]);
    expect(a.split).toBeUndefined();
    expect(a.salt).toBeUndefined();
  });

  it('marks a shard hot when its busiest second is over the records limit, scaled by the sample rate', () => {
    const keys = keysOnShard(2, 0, 5);
    const lines = ['partition_key,timestamp'];
    for (let i = 0; i < 40; i++) lines.push(`${keys[i % 5]},2026-01-01T00:00:01Z`);
    for (let i = 0; i < 40; i++) lines.push(`other-${i},2026-01-01T00:00:0${2 + (i % 5)}Z`);
    const { acc } = scanText(`${lines.join('\n')}\n`, { map: uniformShardMap(2) });
    const balanced = analyze(acc, { ...OPTIONS, hotRatio: 100 });
    expect(balanced.shards[0]!.peak!.records).toBe(40);
    const sampled = analyze(acc, { ...OPTIONS, hotRatio: 100, sampleRate: 0.01 });
    expect(sampled.shards[0]!.peak!.records).toBeGreaterThanOrEqual(4000);
    expect(sampled.shards[0]!.reasons).toContain('records-limit');
    expect(sampled.hotShards).toContain(0);
  });

  it('weighs by bytes when records average more than the bytes limit allows per record', () => {
    const { acc } = scanText('partition_key,bytes\na1,5000\nb2,10\n');
    expect(analyze(acc, { ...OPTIONS, hasBytes: true }).measure).toBe('bytes');
    expect(analyze(acc, { ...OPTIONS, hasBytes: true, measure: 'records' }).measure).toBe('records');
  });

  it('offers salting only when it lowers the busiest shard, and says which number of suffixes would', () => {
    // hot-66 lands on shard 2 of 4, and all four of hot-66#0..#3 land on one other shard.
    const rows: [string, number][] = [
      ['hot-66', 60],
      [keysOnShard(4, 0, 1, 'z')[0]!, 13],
      [keysOnShard(4, 1, 1, 'z')[0]!, 13],
      [keysOnShard(4, 3, 1, 'z')[0]!, 14],
    ];
    const a = analyze(scanText(csv(rows)).acc, { ...OPTIONS, salt: 4 });
    expect(a.diagnosis).toBe('hot-key');
    expect(a.salt).toBeUndefined();
    expect(a.saltRefusal).toEqual({ key: 'hot-66', suffixes: 4, hottestShareBefore: 0.6, hottestShareAfter: 0.73, better: 6, blockingShard: undefined });
    // Left to choose, kds picks a number that helps.
    const chosen = analyze(scanText(csv(rows)).acc, OPTIONS);
    expect(chosen.salt!.hottestShareAfter).toBeLessThan(chosen.salt!.hottestShareBefore);
    expect(chosen.saltRefusal).toBeUndefined();
  });

  it('offers no split that would give one child everything, and says why', () => {
    const rows: [string, number][] = [['k1', 100], ['k2', 100]];
    const a = analyze(scanText(csv(rows)).acc, OPTIONS);
    expect(a.diagnosis).toBe('hot-key');
    expect(a.split).toBeUndefined();
    expect(a.splitRefusal).toEqual({ kind: 'one-key', shard: a.hottest });
    expect(a.oneKeyPerShard).toBe(true);
    // The other key's shard is as busy: salting one key cannot lower the busiest shard.
    expect(a.salt).toBeUndefined();
    expect(a.saltRefusal).toMatchObject({ key: a.dominantKey!.key.key, better: undefined });
    expect(a.saltRefusal!.blockingShard).toBeDefined();
  });

  it('notices KPL aggregation: key "a" carrying most records', () => {
    const a = analyze(scanText(csv([['a', 90], ['x', 10]])).acc, OPTIONS);
    expect(a.kpl.keyShare).toBeCloseTo(0.9);
  });
});

describe('explicit hash keys', () => {
  it('route instead of the MD5, and a key sent to several shards has no single shard', () => {
    const map = uniformShardMap(2);
    const text = 'partition_key,explicit_hash_key\na,0\na,340282366920938463463374607431768211455\nb,\n';
    const { acc } = scanText(text, { map });
    expect([...acc.shardRecords]).toEqual([1 + (routeHashKey(map, partitionKeyHash('b')) === 0 ? 1 : 0), 1 + (routeHashKey(map, partitionKeyHash('b')) === 1 ? 1 : 0)]);
    const a = analyze(acc, OPTIONS);
    expect(a.topKeys.find((k) => k.key === 'a')!.shard).toBe(-1);
    expect(acc.explicitHashKeyRecords).toBe(2);
  });

  it('reports an invalid explicit hash key as a malformed row', () => {
    const { acc } = scanText('partition_key,explicit_hash_key\na,007\n');
    expect(acc.malformedExamples[0]!.reason).toMatch(/explicit hash key "007"/);
  });
});

describe('bounded memory: the heavy-hitter sketch', () => {
  const rows: string[] = ['partition_key'];
  let n = 0;
  for (let i = 0; i < 30000; i++) {
    rows.push(`uuid-${i}`);
    if (i % 10 === 0) rows.push('hot-1');
    if (i % 20 === 0) rows.push('hot-2');
    if (i % 60 === 0) rows.push('hot-3');
    n++;
  }
  const text = `${rows.join('\n')}\n`;

  it('keeps heavy hitters exact, shard totals exact, and says counts are approximate', () => {
    const exact = scanText(text, { maxKeys: 100000 }).acc;
    const small = scanText(text, { maxKeys: 200 }).acc;
    expect(small.keys.size).toBeLessThanOrEqual(200);
    expect([...small.shardRecords]).toEqual([...exact.shardRecords]);
    const a = analyze(small, OPTIONS);
    expect(a.approximate).toBe(true);
    expect(a.topKeys.slice(0, 3).map((k) => [k.key, k.records])).toEqual([
      ['hot-1', 3000],
      ['hot-2', 1500],
      ['hot-3', 500],
    ]);
    expect(analyze(exact, OPTIONS).approximate).toBe(false);
    expect(n).toBe(30000);
  });

  it('never reports more than the truth as certain: records <= true count <= upper bound', () => {
    const small = scanText(text, { maxKeys: 150 }).acc;
    const a = analyze(small, { ...OPTIONS, top: 50 });
    for (const k of a.topKeys) {
      const truth = k.key === 'hot-1' ? 3000 : k.key === 'hot-2' ? 1500 : k.key === 'hot-3' ? 500 : 1;
      expect(k.records).toBeLessThanOrEqual(truth);
      expect(k.recordsUpperBound).toBeGreaterThanOrEqual(truth);
    }
  });
});
