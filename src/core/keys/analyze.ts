/**
 * From the counters of one pass (an Accumulator) to the answers: per-shard load against each
 * shard's share of the hash space, skew, top keys, which shards are hot and why, and the remedies
 * (a traffic-balanced split point, salting, other shard counts).
 *
 * Definition of hot (kds policy, documented in the README):
 * - The *measure* is what a shard runs out of first: records, unless records average more than
 *   1 MiB / 1,000 bytes (then bytes); `--by` overrides.
 * - A shard's *hotness* is its share of the measure divided by its share of the hash space (1.0 is
 *   a fair share). A shard is hot when hotness >= hotRatio (default 1.5), or when, with
 *   timestamps, its busiest second (scaled by the sample rate) is over a per-shard write limit.
 * - The diagnosis is *hot key* when the hottest shard is hot and one key carries at least half of
 *   its load (resharding cannot spread one key), *hot shard* when it is hot otherwise, and
 *   *balanced* when no shard is hot.
 */
import { KEYS, SHARD } from '../facts.js';
import type { Accumulator } from './accumulate.js';
import { partitionKeyHash, wordsToBigInt } from './hash-key.js';
import { MIXED_SHARD, type KeyTable } from './key-table.js';
import { effectiveCount, skewOf, type Skew } from './metrics.js';
import { routeHashKey, routeWords, uniformShardMap, type Shard, type ShardMap } from './shard-map.js';
import { planSplit, type SplitPlan, type WeightedHash } from './split.js';
import { compareBytes, topIndices } from './top.js';

export type Measure = 'records' | 'bytes';

export interface AnalyzeOptions {
  /** A shard is hot at this multiple of its fair share. */
  readonly hotRatio: number;
  readonly top: number;
  /** Fraction of the real stream's records that the input holds (1 = all). */
  readonly sampleRate: number;
  /** Salt the hot key with this many suffixes; undefined picks a number when a key is hot. */
  readonly salt: number | undefined;
  /** Force the measure; undefined picks the limit that binds first. */
  readonly measure: Measure | undefined;
  readonly hasBytes: boolean;
  /** Shard counts for the what-if table; undefined picks some around the current count. */
  readonly whatIfCounts?: readonly number[];
}

export interface KeyStat {
  readonly key: string;
  /** Records counted for the key: exact, or (when approximate) those seen while it was tracked. */
  readonly records: number;
  /** The most records the key can have (equals records when exact). */
  readonly recordsUpperBound: number;
  readonly bytes: number;
  /** Shard index, or -1 when explicit hash keys sent its records to several shards. */
  readonly shard: number;
  readonly hashKey: bigint;
  readonly share: number;
}

export interface Peak {
  /** Scaled by the sample rate: records/s and bytes/s at the shard's busiest second. */
  readonly records: number;
  readonly bytes: number;
  readonly recordsAt: number;
  readonly bytesAt: number;
  readonly recordsUtilisation: number;
  readonly bytesUtilisation: number;
}

export interface ShardStat {
  readonly shard: Shard;
  readonly records: number;
  readonly bytes: number;
  readonly share: number;
  readonly hashShare: number;
  /** share of the measure / hashShare. */
  readonly hotness: number;
  readonly hot: boolean;
  readonly reasons: readonly ('share' | 'records-limit' | 'bytes-limit')[];
  readonly peak: Peak | undefined;
}

export type DiagnosisKind = 'hot-key' | 'hot-shard' | 'balanced';

export interface SplitAdvice extends SplitPlan {
  readonly shard: number;
  readonly total: number;
}

export interface SaltAdvice {
  readonly key: string;
  readonly suffixes: number;
  readonly suggested: boolean;
  /** Share of the measure on the busiest shard, before and after. */
  readonly hottestShareBefore: number;
  readonly hottestShareAfter: number;
  /** Distinct shards the salted keys land on. */
  readonly shardsUsed: number;
  readonly saltedKeys: readonly string[];
}

export interface WhatIfRow {
  readonly shards: number;
  readonly hottestShare: number;
  readonly maxOverMean: number;
  readonly current: boolean;
}

export interface Analysis {
  readonly measure: Measure;
  readonly totalRecords: number;
  readonly totalBytes: number;
  /** Exact, or (when approximate) an upper bound: keys that were purged and seen again count twice. */
  readonly distinctKeys: number;
  /** Key counts are estimates (more distinct keys than the table holds); shard totals stay exact. */
  readonly approximate: boolean;
  readonly shards: readonly ShardStat[];
  readonly hottest: number;
  readonly hotShards: readonly number[];
  readonly skew: Skew;
  readonly effectiveKeys: number | undefined;
  readonly topKeys: readonly KeyStat[];
  readonly topKeysInHottest: readonly KeyStat[];
  readonly diagnosis: DiagnosisKind;
  /** The hottest shard's top key and its share of that shard's load. */
  readonly dominantKey: { readonly key: KeyStat; readonly shareOfShard: number } | undefined;
  readonly split: SplitAdvice | undefined;
  readonly salt: SaltAdvice | undefined;
  readonly whatIf: readonly WhatIfRow[];
  /** Share of records whose partition key is the KPL aggregation key. */
  readonly kplKeyShare: number;
  readonly timed: boolean;
  readonly timeSpanSeconds: number;
  readonly lateRows: number;
}

/** A key carrying at least this share of a hot shard's load makes the diagnosis "hot key". */
export const HOT_KEY_SHARE = 0.5;
/** The "key a dominates" warning fires from this share of all records. */
export const KPL_WARNING_SHARE = 0.5;

const decoder = new TextDecoder('utf-8');

function keyText(table: KeyTable, e: number): string {
  return decoder.decode(table.keyBytes(e));
}

/** Bytes per record above which the bytes limit binds before the records limit. */
export function bindingRecordBytes(): number {
  return SHARD.writeBytesPerSec.value / SHARD.writeRecordsPerSec.value;
}

function keyStat(table: KeyTable, e: number, totalRecords: number): KeyStat {
  const records = table.observedOf(e);
  return {
    key: keyText(table, e),
    records,
    recordsUpperBound: table.recordsOf(e),
    bytes: table.bytesOf(e),
    shard: table.shardOf(e),
    hashKey: wordsToBigInt(table.hash, e * 4),
    share: totalRecords > 0 ? records / totalRecords : 0,
  };
}

function topKeysOf(table: KeyTable, k: number, totalRecords: number, keep?: (e: number) => boolean): KeyStat[] {
  const observed = (e: number) => table.observedOf(e);
  const better = (a: number, b: number) => {
    const x = observed(a);
    const y = observed(b);
    if (x !== y) return x > y;
    return compareBytes(table.keyBytes(a), table.keyBytes(b)) < 0;
  };
  return topIndices(table.size, k, better, (e) => observed(e) > 0 && (keep === undefined || keep(e))).map((e) =>
    keyStat(table, e, totalRecords),
  );
}

function defaultWhatIfCounts(n: number): number[] {
  const counts = new Set<number>([Math.max(1, Math.ceil(n / 2)), n, n + 1, 2 * n, 4 * n, 8 * n]);
  return [...counts].sort((a, b) => a - b);
}

function whatIf(acc: Accumulator, measure: Measure, counts: readonly number[], total: number): WhatIfRow[] {
  const routes = acc.routes;
  const rows: WhatIfRow[] = [];
  for (const n of counts) {
    const map = uniformShardMap(n);
    const loads = new Float64Array(n);
    let tracked = 0;
    for (let e = 0; e < routes.size; e++) {
      const w = measure === 'records' ? routes.observedOf(e) : routes.bytesOf(e);
      if (w <= 0) continue;
      loads[routeWords(map, routes.hash, e * 4)]! += w;
      tracked += w;
    }
    const rest = Math.max(0, total - tracked) / n;
    let max = 0;
    for (let i = 0; i < n; i++) {
      loads[i]! += rest;
      max = Math.max(max, loads[i]!);
    }
    rows.push({
      shards: n,
      hottestShare: total > 0 ? max / total : 0,
      maxOverMean: total > 0 ? max / (total / n) : 0,
      current: n === acc.map.shards.length,
    });
  }
  return rows;
}

function splitAdvice(acc: Accumulator, shardIndex: number, measure: Measure, load: number): SplitAdvice | undefined {
  const routes = acc.routes;
  const shard = acc.map.shards[shardIndex]!;
  const observed: WeightedHash[] = [];
  let tracked = 0;
  for (let e = 0; e < routes.size; e++) {
    if (routes.shardOf(e) !== shardIndex) continue;
    const w = measure === 'records' ? routes.observedOf(e) : routes.bytesOf(e);
    if (w <= 0) continue;
    observed.push({ hash: wordsToBigInt(routes.hash, e * 4), weight: w });
    tracked += w;
  }
  const plan = planSplit(shard.start, shard.end, observed, Math.max(0, load - tracked));
  return plan === undefined ? undefined : { ...plan, shard: shardIndex, total: load };
}

function saltAdvice(
  map: ShardMap,
  loads: Float64Array,
  key: KeyStat,
  keyLoad: number,
  suffixes: number,
  suggested: boolean,
): SaltAdvice {
  const total = loads.reduce((a, b) => a + b, 0);
  const after = Float64Array.from(loads);
  after[key.shard]! -= keyLoad;
  const saltedKeys: string[] = [];
  const used = new Set<number>();
  for (let i = 0; i < suffixes; i++) {
    const salted = `${key.key}#${i}`;
    saltedKeys.push(salted);
    const s = routeHashKey(map, partitionKeyHash(salted));
    used.add(s);
    after[s]! += keyLoad / suffixes;
  }
  const maxOf = (a: Float64Array) => a.reduce((m, x) => Math.max(m, x), 0);
  return {
    key: key.key,
    suffixes,
    suggested,
    hottestShareBefore: total > 0 ? maxOf(loads) / total : 0,
    hottestShareAfter: total > 0 ? maxOf(after) / total : 0,
    shardsUsed: used.size,
    saltedKeys,
  };
}

export function analyze(acc: Accumulator, options: AnalyzeOptions): Analysis {
  const map = acc.map;
  const n = map.shards.length;
  const totalRecords = acc.totalRecords;
  const totalBytes = acc.totalBytes;
  const measure: Measure =
    options.measure ??
    (options.hasBytes && totalRecords > 0 && totalBytes / totalRecords > bindingRecordBytes() ? 'bytes' : 'records');
  const loads = measure === 'records' ? acc.shardRecords : acc.shardBytes;
  const total = measure === 'records' ? totalRecords : totalBytes;
  const ps = acc.perSecond;
  const rate = options.sampleRate;

  const shards: ShardStat[] = map.shards.map((shard, i) => {
    const share = total > 0 ? loads[i]! / total : 0;
    const hotness = share / shard.hashShare;
    const reasons: ShardStat['reasons'][number][] = [];
    if (total > 0 && hotness >= options.hotRatio) reasons.push('share');
    let peak: Peak | undefined;
    if (ps !== undefined) {
      const records = ps.peakRecords[i]! / rate;
      const bytes = ps.peakBytes[i]! / rate;
      peak = {
        records,
        bytes,
        recordsAt: ps.peakRecordsAt[i]!,
        bytesAt: ps.peakBytesAt[i]!,
        recordsUtilisation: records / SHARD.writeRecordsPerSec.value,
        bytesUtilisation: options.hasBytes ? bytes / SHARD.writeBytesPerSec.value : NaN,
      };
      if (peak.recordsUtilisation > 1) reasons.push('records-limit');
      if (peak.bytesUtilisation > 1) reasons.push('bytes-limit');
    }
    return {
      shard,
      records: acc.shardRecords[i]!,
      bytes: acc.shardBytes[i]!,
      share,
      hashShare: shard.hashShare,
      hotness,
      hot: reasons.length > 0,
      reasons,
      peak,
    };
  });

  let hottest = 0;
  for (let i = 1; i < n; i++) {
    const a = shards[i]!;
    const b = shards[hottest]!;
    if (a.hotness > b.hotness || (a.hotness === b.hotness && loads[i]! > loads[hottest]!)) hottest = i;
  }
  const hotShards = shards.flatMap((s, i) => (s.hot ? [i] : []));

  const keys = acc.keys;
  const topKeys = topKeysOf(keys, options.top, totalRecords);
  const topKeysInHottest = topKeysOf(keys, options.top, totalRecords, (e) => keys.shardOf(e) === hottest);

  // The hottest shard's heaviest key by the measure.
  let dominantKey: Analysis['dominantKey'];
  const hottestLoad = loads[hottest]!;
  if (hottestLoad > 0) {
    const weightOf = (e: number) => (measure === 'records' ? keys.observedOf(e) : keys.bytesOf(e));
    const [e] = topIndices(
      keys.size,
      1,
      (a, b) => weightOf(a) > weightOf(b) || (weightOf(a) === weightOf(b) && compareBytes(keys.keyBytes(a), keys.keyBytes(b)) < 0),
      (i) => keys.shardOf(i) === hottest,
    );
    if (e !== undefined) dominantKey = { key: keyStat(keys, e, totalRecords), shareOfShard: weightOf(e) / hottestLoad };
  }

  const hottestIsHot = shards[hottest]!.hot;
  const diagnosis: DiagnosisKind = !hottestIsHot
    ? 'balanced'
    : dominantKey !== undefined && dominantKey.shareOfShard >= HOT_KEY_SHARE
      ? 'hot-key'
      : 'hot-shard';

  const split = hottestIsHot ? splitAdvice(acc, hottest, measure, hottestLoad) : undefined;

  let salt: SaltAdvice | undefined;
  const saltTarget = diagnosis === 'hot-key' ? dominantKey?.key : options.salt !== undefined ? topKeys[0] : undefined;
  if (saltTarget !== undefined && saltTarget.shard !== MIXED_SHARD && acc.routes === acc.keys) {
    const keyLoad = measure === 'records' ? saltTarget.records : saltTarget.bytes;
    const suggested = Math.min(100, Math.max(2, Math.ceil(2 * (keyLoad / Math.max(total, 1)) * n)));
    salt = saltAdvice(map, loads, saltTarget, keyLoad, options.salt ?? suggested, options.salt === undefined);
  }

  const counts = options.whatIfCounts ?? defaultWhatIfCounts(n);
  const aggKey = KEYS.kplAggregatedPartitionKey.value;
  let kplRecords = 0;
  const aggBytes = new TextEncoder().encode(aggKey);
  for (let e = 0; e < keys.size; e++) {
    if (keys.length[e] === aggBytes.length && compareBytes(keys.keyBytes(e), aggBytes) === 0) kplRecords = keys.observedOf(e);
  }

  return {
    measure,
    totalRecords,
    totalBytes,
    distinctKeys: keys.approximate ? keys.inserted : keys.size,
    approximate: keys.approximate || acc.routes.approximate,
    shards,
    hottest,
    hotShards,
    skew: skewOf(loads),
    effectiveKeys: keys.approximate
      ? undefined
      : effectiveCount(Array.from({ length: keys.size }, (_, e) => (measure === 'records' ? keys.recordsOf(e) : keys.bytesOf(e))), total),
    topKeys,
    topKeysInHottest,
    diagnosis,
    dominantKey,
    split,
    salt,
    whatIf: whatIf(acc, measure, counts, total),
    kplKeyShare: totalRecords > 0 ? kplRecords / totalRecords : 0,
    timed: ps !== undefined,
    timeSpanSeconds: ps?.spanSeconds ?? 0,
    lateRows: ps?.lateRows ?? 0,
  };
}
