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
 * - A sample with fewer than MIN_RECORDS_PER_SHARD records per shard cannot show a shard's share
 *   reliably: a shard is then hot by its share only when even the low end of the 95% interval on
 *   its share is over the line, and otherwise the diagnosis is *uncertain*.
 */
import { KEYS, SHARD } from '../facts.js';
import type { Accumulator, ObservedCounts } from './accumulate.js';
import { wilsonInterval, type Interval } from './confidence.js';
import { hotByShare, smallSample } from './hot-rule.js';
import { wordsToBigInt } from './hash-key.js';
import { fnv1a, MIXED_SHARD, type KeyTable } from './key-table.js';
import { lazyList } from './lazy-list.js';
import { skewOf, type Skew } from './metrics.js';
import { saltRemedy, splitRemedy, type SaltAdvice, type SaltRefusal, type SplitAdvice, type SplitRefusal } from './remedies.js';
import type { Shard } from './shard-map.js';
import { topKeys } from './top-keys.js';
import { defaultWhatIfCounts, whatIf, type Measure, type WhatIfRow } from './what-if.js';

export type { Measure, WhatIfRow } from './what-if.js';
export type { SaltAdvice, SaltRefusal, SplitAdvice, SplitRefusal } from './remedies.js';

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
  /** Kinesis records that were KPL aggregates (sources that see the data). */
  readonly aggregatedRecords?: number;
  /** What de-aggregating them gave: user records counted, and aggregates that could not be read. */
  readonly deaggregated?: { readonly userRecords: number; readonly corrupt: number; readonly checksumMismatches: number };
}

export interface KeyStat {
  readonly key: string;
  /** Records counted for the key: exact, or (when approximate) those seen while it was tracked. */
  readonly records: number;
  /** The most records the key can have (equals records when exact). */
  readonly recordsUpperBound: number;
  readonly bytes: number;
  /** Shard index, or -1 when its records went to several shards. */
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

export type DiagnosisKind = 'hot-key' | 'hot-shard' | 'balanced' | 'uncertain';

/** How much the sample can say about shares. */
export interface SampleSize {
  /** Records per shard on average. */
  readonly recordsPerShard: number;
  /** Fewer than MIN_RECORDS_PER_SHARD records per shard. */
  readonly small: boolean;
  /** 95% interval on the hottest shard's share of the measure. */
  readonly hottestShare: Interval;
}

/** Evidence of KPL aggregation. */
export interface KplEvidence {
  /** Records under the partition key the KPL gives aggregates. */
  readonly keyRecords: number;
  readonly keyShare: number;
  /** Kinesis records that were KPL aggregates (data starting with the magic bytes, checksum good). */
  readonly aggregatedRecords: number;
  /** User records taken out of the aggregates, each counted under its own key. */
  readonly userRecords: number;
  /** Aggregates that could not be read: each counted as one record under its outer key. */
  readonly corruptAggregates: number;
  /** Records that began with the magic bytes but failed the MD5 check: counted as plain records. */
  readonly checksumMismatches: number;
  /** Enough evidence to warn: aggregated payloads, or many records and most of them under that key. */
  readonly likely: boolean;
}

export interface Analysis {
  readonly measure: Measure;
  readonly totalRecords: number;
  readonly totalBytes: number;
  /** Exact, or (when approximate) an upper bound: keys that were purged and seen again count twice. */
  readonly distinctKeys: number;
  /** Key counts are estimates (more distinct keys than the table holds); shard totals stay exact. */
  readonly approximate: boolean;
  /** Every open shard in hash order (made when read: a large stream keeps nothing per shard). */
  readonly shards: readonly ShardStat[];
  /** Each shard's share of the measure over its share of the hash space (0 without records). */
  readonly hotness: Float64Array;
  /** With times: each shard's busiest second against the per-shard limit that is closer (1 = at the limit). */
  readonly peakUtilisation: Float64Array | undefined;
  /** The largest share of the measure on one shard. */
  readonly maxShare: number;
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
  /** Why the hottest (hot) shard gets no split. */
  readonly splitRefusal: SplitRefusal | undefined;
  readonly salt: SaltAdvice | undefined;
  /** Salting that was considered (a hot key, or --salt) and would not help. */
  readonly saltRefusal: SaltRefusal | undefined;
  /** Every shard with records holds a single key: neither splitting nor more shards can spread them. */
  readonly oneKeyPerShard: boolean;
  readonly whatIf: readonly WhatIfRow[];
  readonly kpl: KplEvidence;
  readonly sample: SampleSize;
  /** Records read from a known shard, when the input says where each was read. */
  readonly observed: ObservedCounts | undefined;
  readonly timed: boolean;
  readonly timeSpanSeconds: number;
  readonly lateRows: number;
}

/** A key carrying at least this share of a hot shard's load makes the diagnosis "hot key". */
export const HOT_KEY_SHARE = 0.5;
/** The "key a dominates" warning needs at least this share of all records under key "a" ... */
export const KPL_WARNING_SHARE = 0.5;
/**
 * ... and at least this many records under it. The KPL packs many user records into each aggregate,
 * so a stream of aggregates shows key "a" again and again; one or a few records named "a" are just
 * a key named "a".
 */
export const KPL_EVIDENCE_RECORDS = 50;

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
    hashKey: wordsToBigInt(table.words, table.hashAt(e)),
    share: totalRecords > 0 ? records / totalRecords : 0,
  };
}

function topKeysOf(table: KeyTable, k: number, totalRecords: number, shard?: number): KeyStat[] {
  return topKeys(table, { k, weight: 'observed', shard, positive: true }).map((e) => keyStat(table, e, totalRecords));
}

/** Records under the KPL aggregation key. */
function kplKeyRecords(keys: KeyTable): number {
  const aggBytes = new TextEncoder().encode(KEYS.kplAggregatedPartitionKey.value);
  const e = keys.find(aggBytes, 0, aggBytes.length, fnv1a(aggBytes, 0, aggBytes.length));
  return e < 0 ? 0 : keys.observedOf(e);
}

/** 1 / sum(q^2) over the keys' shares q of the measure: how many equally busy keys would give the same concentration. */
function effectiveKeys(keys: KeyTable, measure: Measure, total: number): number {
  if (total <= 0) return 0;
  let s = 0;
  for (let e = 0; e < keys.size; e++) s += ((measure === 'records' ? keys.recordsOf(e) : keys.bytesOf(e)) / total) ** 2;
  return s === 0 ? 0 : 1 / s;
}

/** True when every shard with records got them from one key (exact key counts only). */
function oneKeyPerShard(keys: KeyTable, shardCount: number): boolean {
  if (keys.approximate) return false;
  const keyOf = new Map<number, number>();
  for (let e = 0; e < keys.size; e++) {
    if (keys.observedOf(e) <= 0) continue;
    const s = keys.shardOf(e);
    if (s === MIXED_SHARD) return false;
    if (keyOf.has(s)) return false;
    keyOf.set(s, e);
  }
  return keyOf.size > 0 && keyOf.size <= shardCount;
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
  const recordsPerShard = totalRecords / n;
  const small = smallSample(totalRecords, n);

  const hashShareOf = (i: number) => (map.starts.length === 0 ? 1 / n : map.shards[i]!.hashShare);
  const peakOf = (i: number): Peak | undefined => {
    if (ps === undefined) return undefined;
    const records = ps.peakRecords[i]! / rate;
    const bytes = ps.peakBytes[i]! / rate;
    return {
      records,
      bytes,
      recordsAt: ps.peakRecordsAt[i]!,
      bytesAt: ps.peakBytesAt[i]!,
      recordsUtilisation: records / SHARD.writeRecordsPerSec.value,
      bytesUtilisation: options.hasBytes ? bytes / SHARD.writeBytesPerSec.value : NaN,
    };
  };
  const reasonsOf = (i: number, share: number, peak: Peak | undefined): ShardStat['reasons'][number][] => {
    const reasons: ShardStat['reasons'][number][] = [];
    if (hotByShare(share, hashShareOf(i), options.hotRatio, { totalRecords, shards: n })) reasons.push('share');
    if (peak !== undefined && peak.recordsUtilisation > 1) reasons.push('records-limit');
    if (peak !== undefined && peak.bytesUtilisation > 1) reasons.push('bytes-limit');
    return reasons;
  };

  // One pass over the shards that received records (a shard without records is neither hot nor hottest).
  const hotness = new Float64Array(n);
  const peakUtilisation = ps === undefined ? undefined : new Float64Array(n);
  const hotShards: number[] = [];
  let hottest = -1;
  let maxLoad = 0;
  for (let i = 0; i < n; i++) {
    const load = loads[i]!;
    if (load > maxLoad) maxLoad = load;
    if (load <= 0 && acc.shardRecords[i]! <= 0) continue;
    const share = total > 0 ? load / total : 0;
    const h = share / hashShareOf(i);
    hotness[i] = h;
    const peak = peakOf(i);
    if (peak !== undefined) peakUtilisation![i] = Math.max(peak.recordsUtilisation, options.hasBytes ? peak.bytesUtilisation : 0);
    if (reasonsOf(i, share, peak).length > 0) hotShards.push(i);
    if (hottest < 0 || h > hotness[hottest]! || (h === hotness[hottest]! && load > loads[hottest]!)) hottest = i;
  }
  if (hottest < 0) hottest = 0;

  const statAt = (i: number): ShardStat => {
    const shard = map.shards[i]!;
    const share = total > 0 ? loads[i]! / total : 0;
    const h = share / hashShareOf(i);
    const peak = peakOf(i);
    const reasons = reasonsOf(i, share, peak);
    return {
      shard,
      records: acc.shardRecords[i]!,
      bytes: acc.shardBytes[i]!,
      share,
      hashShare: hashShareOf(i),
      hotness: h,
      hot: reasons.length > 0,
      reasons,
      peak,
    };
  };
  const shards = lazyList(n, statAt);
  const hottestStat = statAt(hottest);

  const keys = acc.keys;
  const top = topKeysOf(keys, options.top, totalRecords);
  const topKeysInHottest = topKeysOf(keys, options.top, totalRecords, hottest);

  // The hottest shard's heaviest key by the measure.
  let dominantKey: Analysis['dominantKey'];
  const hottestLoad = loads[hottest]!;
  if (hottestLoad > 0) {
    const [e] = topKeys(keys, { k: 1, weight: measure === 'records' ? 'observed' : 'bytes', shard: hottest, positive: false });
    if (e !== undefined) {
      const weight = measure === 'records' ? keys.observedOf(e) : keys.bytesOf(e);
      dominantKey = { key: keyStat(keys, e, totalRecords), shareOfShard: weight / hottestLoad };
    }
  }

  const hottestIsHot = hottestStat.hot;
  const diagnosis: DiagnosisKind = !hottestIsHot
    ? small && hottestStat.hotness >= options.hotRatio
      ? 'uncertain'
      : 'balanced'
    : dominantKey !== undefined && dominantKey.shareOfShard >= HOT_KEY_SHARE
      ? 'hot-key'
      : 'hot-shard';

  const splitOutcome = hottestIsHot ? splitRemedy(acc, hottest, measure, hottestLoad) : {};

  let saltOutcome: ReturnType<typeof saltRemedy> = {};
  const saltTarget = diagnosis === 'hot-key' ? dominantKey?.key : options.salt !== undefined ? top[0] : undefined;
  if (saltTarget !== undefined && saltTarget.shard !== MIXED_SHARD && acc.explicitHashKeyRecords === 0 && !acc.observing) {
    const keyLoad = measure === 'records' ? saltTarget.records : saltTarget.bytes;
    saltOutcome = saltRemedy(map, loads, saltTarget.key, saltTarget.shard, keyLoad, options.salt);
  }

  const kplKey = kplKeyRecords(keys);
  const kplShare = totalRecords > 0 ? kplKey / totalRecords : 0;
  const aggregatedRecords = options.aggregatedRecords ?? 0;

  const hottestRecords = hottestStat.share * totalRecords;
  return {
    measure,
    totalRecords,
    totalBytes,
    distinctKeys: keys.approximate ? Math.min(keys.inserted, totalRecords) : keys.size,
    approximate: keys.approximate || acc.routes.approximate,
    shards,
    hotness,
    peakUtilisation,
    maxShare: total > 0 ? maxLoad / total : 0,
    hottest,
    hotShards,
    skew: skewOf(loads),
    effectiveKeys: keys.approximate ? undefined : effectiveKeys(keys, measure, total),
    topKeys: top,
    topKeysInHottest,
    diagnosis,
    dominantKey,
    split: splitOutcome.split,
    splitRefusal: splitOutcome.refusal,
    salt: saltOutcome.salt,
    saltRefusal: saltOutcome.refusal,
    oneKeyPerShard: oneKeyPerShard(keys, n),
    whatIf: whatIf(acc, measure, options.whatIfCounts ?? defaultWhatIfCounts(n), total),
    kpl: {
      keyRecords: kplKey,
      keyShare: kplShare,
      aggregatedRecords,
      userRecords: options.deaggregated?.userRecords ?? 0,
      corruptAggregates: options.deaggregated?.corrupt ?? 0,
      checksumMismatches: options.deaggregated?.checksumMismatches ?? 0,
      likely: aggregatedRecords > 0 || (kplShare >= KPL_WARNING_SHARE && kplKey >= KPL_EVIDENCE_RECORDS),
    },
    sample: { recordsPerShard, small, hottestShare: wilsonInterval(hottestRecords, totalRecords) },
    observed: acc.observing ? { ...acc.observed } : undefined,
    timed: ps !== undefined,
    timeSpanSeconds: ps?.spanSeconds ?? 0,
    lateRows: ps?.lateRows ?? 0,
  };
}
