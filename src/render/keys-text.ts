/** The sentences of the kds keys analyze report: diagnosis, remedies and warnings, in plain words. */
import { KEYS, SHARD } from '../core/facts.js';
import { KPL_WARNING_SHARE, type Analysis, type SaltAdvice, type SplitAdvice } from '../core/keys/analyze.js';
import { OPEN_WINDOW_SECONDS } from '../core/keys/per-second.js';
import { MIXED_SHARD } from '../core/keys/key-table.js';
import type { ShardMap } from '../core/keys/shard-map.js';
import { formatInt, formatMibPerSec, formatNumber, formatPercent, plural } from './format.js';

/** Below this many records the report warns that shares are noisy. */
export const SMALL_SAMPLE_RECORDS = 1000;

export interface Warning {
  readonly id: string;
  readonly message: string;
}

/** A key for a sentence: quoted, with control characters escaped, shortened when long. */
export function keyLabel(key: string, max = 40): string {
  const quoted = JSON.stringify(key);
  if (quoted.length <= max) return quoted;
  return `${quoted.slice(0, max - 4)}..."`;
}

export function measureWord(a: Analysis): string {
  return a.measure === 'records' ? 'records' : 'bytes';
}

export function shardName(map: ShardMap, index: number): string {
  return index === MIXED_SHARD ? 'several shards' : map.shards[index]!.shardId;
}

export function diagnosisTitle(a: Analysis): string {
  if (a.diagnosis === 'hot-key') return 'hot key';
  if (a.diagnosis === 'hot-shard') return 'hot shard of many keys';
  return 'balanced';
}

function overLimit(a: Analysis, index: number): string | undefined {
  const s = a.shards[index]!;
  if (s.peak === undefined) return undefined;
  const parts: string[] = [];
  if (s.reasons.includes('records-limit')) {
    parts.push(`${formatNumber(s.peak.records)} records/s against ${formatInt(SHARD.writeRecordsPerSec.value)}`);
  }
  if (s.reasons.includes('bytes-limit')) {
    parts.push(`${formatMibPerSec(s.peak.bytes)} against ${formatMibPerSec(SHARD.writeBytesPerSec.value)}`);
  }
  return parts.length > 0 ? `its busiest second reaches ${parts.join(' and ')}` : undefined;
}

/** The diagnosis in plain words. */
export function diagnosisText(a: Analysis, map: ShardMap, hotRatio: number): string {
  const hot = a.shards[a.hottest]!;
  const id = hot.shard.shardId;
  const m = measureWord(a);
  const load = `${formatPercent(hot.share)} of the ${m} on ${formatPercent(hot.hashShare)} of the hash space (${formatNumber(hot.hotness)}x a fair share)`;
  const limit = overLimit(a, a.hottest);
  if (a.diagnosis === 'balanced') {
    return (
      `No shard is hot: the busiest, ${id}, gets ${load}, under the ${formatNumber(hotRatio)}x that counts as hot. ` +
      `The keys spread well over ${plural(map.shards.length, 'shard')}.`
    );
  }
  const dominant = a.dominantKey!;
  if (a.diagnosis === 'hot-key') {
    const key = keyLabel(dominant.key.key);
    const bytes = formatMibPerSec(SHARD.writeBytesPerSec.value);
    const records = formatInt(SHARD.writeRecordsPerSec.value);
    let alone = '';
    let overAlone = false;
    if (hot.peak !== undefined && a.measure === 'records') {
      // An estimate: the key's share of the shard applied to the shard's busiest second.
      const rate = dominant.shareOfShard * hot.peak.records;
      overAlone = rate > SHARD.writeRecordsPerSec.value;
      alone = ` At that second the key alone writes about ${formatInt(rate)} records/s.`;
    }
    return (
      `${id} gets ${load}${limit ? `, and ${limit}` : ''}. One key, ${key}, carries ${formatPercent(dominant.shareOfShard)} of that shard's ${m}.${alone} ` +
      `Every record of a key goes to the same shard, and one key can never get more than one shard's ${bytes} or ${records} records/s, ` +
      'so adding shards or splitting cannot spread it: a split can at best give the key a shard of its own. ' +
      (overAlone ? 'This key is over that limit on its own: only salting it or a different partition key helps. ' : '') +
      'Salt the key (below) or choose a partition key with more distinct values.'
    );
  }
  return (
    `${id} gets ${load}${limit ? `, and ${limit}` : ''}. Its load comes from several keys (the largest, ${keyLabel(dominant.key.key)}, ` +
    `has ${formatPercent(dominant.shareOfShard)} of it), so splitting the shard spreads it over two. ` +
    (a.hotShards.length > 1 ? `${plural(a.hotShards.length, 'shard')} are hot; split each, or add shards (see the what-if table). ` : '')
  ).trim();
}

export function splitText(a: Analysis, map: ShardMap, split: SplitAdvice): string {
  const id = map.shards[split.shard]!.shardId;
  const m = measureWord(a);
  const pct = (x: number) => formatPercent(split.total > 0 ? x / split.total : 0, 0);
  const b = split.balanced;
  let text = `Split ${id} at ${b.newStartingHashKey}: its children would get ${pct(b.lower)} and ${pct(b.upper)} of its ${m}`;
  if (split.midpoint) text += ` (a split at the midpoint of its range: ${pct(split.midpoint.lower)} and ${pct(split.midpoint.upper)})`;
  text += '.';
  if (a.diagnosis === 'hot-key') text += ' The hot key stays whole on one side: this only helps the keys that share its shard.';
  return text;
}

export function splitCommand(streamName: string, map: ShardMap, split: SplitAdvice): string {
  return (
    `aws kinesis split-shard --stream-name ${streamName} --shard-to-split ${map.shards[split.shard]!.shardId} ` +
    `--new-starting-hash-key ${split.balanced.newStartingHashKey}`
  );
}

export function saltText(a: Analysis, salt: SaltAdvice): string {
  const k = salt.suffixes;
  const key = keyLabel(salt.key);
  const names = k <= 3 ? salt.saltedKeys.map((s) => keyLabel(s)).join(', ') : `${keyLabel(salt.saltedKeys[0]!)} ... ${keyLabel(salt.saltedKeys[k - 1]!)}`;
  return (
    `Salting ${key} with ${k} suffixes (${names})${salt.suggested ? `, a number chosen so that each part carries at most half a fair share (--salt K to choose)` : ''} ` +
    `puts it on ${plural(salt.shardsUsed, 'shard')}: the busiest shard's share of the ${measureWord(a)} goes from ${formatPercent(salt.hottestShareBefore)} to ${formatPercent(salt.hottestShareAfter)}. ` +
    `The trade-off: records of ${key} are ordered only within each suffix, so a consumer that needs them in order, or whole, must read all ${k} keys and merge them (by event time or sequence number).`
  );
}

export function keysWarningsFor(input: {
  readonly analysis: Analysis;
  readonly malformedCount: number;
  readonly malformedExamples: readonly { line: number; reason: string }[];
  readonly longKeys: number;
  readonly explicitHashKeyRecords: number;
  readonly hasBytes: boolean;
  readonly hasEhkColumn: boolean;
  readonly maxKeys: number;
}): Warning[] {
  const a = input.analysis;
  const out: Warning[] = [];
  if (input.malformedCount > 0) {
    const lines = input.malformedExamples.map((m) => `line ${m.line}: ${m.reason}`).join('; ');
    out.push({
      id: 'malformed-rows',
      message: `Skipped ${plural(input.malformedCount, 'malformed row')} (${lines}${input.malformedCount > input.malformedExamples.length ? '; ...' : ''}). --strict stops at the first one instead.`,
    });
  }
  if (a.kplKeyShare >= KPL_WARNING_SHARE) {
    const key = JSON.stringify(KEYS.kplAggregatedPartitionKey.value);
    out.push({
      id: 'kpl-aggregation',
      message:
        `Key ${key} carries ${formatPercent(a.kplKeyShare)} of the records. That is what KPL-aggregated records look like: the KPL sends an aggregate with partition key ${key} and routes it by an ExplicitHashKey. ` +
        (input.hasEhkColumn
          ? 'They are routed here by the explicit hash key column, as Kinesis does, but the key counts describe aggregates, not your keys: '
          : 'Pass their explicit hash keys with --ehk-column, or ') +
        `de-aggregate them first (the KCL does; aggregated records start with the bytes ${KEYS.kplMagicBytes.value}).`,
    });
  }
  if (a.approximate) {
    out.push({
      id: 'approximate-key-counts',
      message: `There are more than ${formatInt(input.maxKeys)} distinct keys (--max-keys), so key counts are heavy-hitter estimates: each key shows the records seen while it was tracked, at most its upper bound in --json below the truth. Keys much busier than the rest are always found. Shard totals are exact.`,
    });
  }
  if (a.totalRecords < SMALL_SAMPLE_RECORDS) {
    out.push({
      id: 'small-sample',
      message: `Only ${plural(a.totalRecords, 'record')}: shares from a sample this small are noisy.`,
    });
  }
  if (input.longKeys > 0) {
    out.push({
      id: 'long-keys',
      message: `${plural(input.longKeys, 'distinct key')} ${input.longKeys === 1 ? 'is' : 'are'} longer than the partition key limit; Kinesis would reject ${input.longKeys === 1 ? 'it' : 'them'}.`,
    });
  }
  if (a.lateRows > 0) {
    out.push({
      id: 'out-of-order-times',
      message: `${plural(a.lateRows, 'row')} arrived more than ${plural(OPEN_WINDOW_SECONDS / 60, 'minute')} out of time order; the per-second peaks may be too low. Sort the input by time for exact peaks.`,
    });
  }
  if (!input.hasBytes) {
    out.push({
      id: 'no-bytes-column',
      message: 'No bytes column: byte figures count partition keys only. Add a column of data sizes (--bytes-column) to check the byte limit.',
    });
  }
  if (input.explicitHashKeyRecords > 0 && a.topKeys.some((k) => k.shard === MIXED_SHARD)) {
    out.push({
      id: 'keys-on-several-shards',
      message: 'Explicit hash keys sent some keys\' records to several shards; those keys show no single shard.',
    });
  }
  return out;
}
