/** The sentences of the kds keys analyze report: diagnosis, remedies and warnings, in plain words. */
import { KEYS, SHARD } from '../core/facts.js';
import type { Analysis, SaltAdvice, SaltRefusal, SplitAdvice, SplitRefusal } from '../core/keys/analyze.js';
import { MIN_RECORDS_PER_SHARD } from '../core/keys/hot-rule.js';
import { SALT_SEARCH_MAX } from '../core/keys/remedies.js';
import { OPEN_WINDOW_SECONDS } from '../core/keys/per-second.js';
import { MIXED_SHARD } from '../core/keys/key-table.js';
import type { ShardMap } from '../core/keys/shard-map.js';
import { echoValue } from './escape.js';
import { formatFixed, formatInt, formatMibPerSec, formatNumber, plural } from './format.js';
import { shellWord } from './text.js';

export interface Warning {
  readonly id: string;
  readonly message: string;
}

/** A share as a percentage, always with one decimal ("50.0%", "2.1%"), so that columns and sentences agree. */
export function formatShare(fraction: number): string {
  return `${formatFixed(fraction * 100, 1, 1)}%`;
}

/** A multiple of a fair share, a max/mean or any other ratio: always two decimals ("1.50"). */
export function formatRatio(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : String(x);
}

/** A key for a sentence: quoted, escaped for the terminal, cut in the middle when long. */
export function keyLabel(key: string, max = 40): string {
  return `"${echoValue(key, max)}"`;
}

/** A shard id from a file, safe for the terminal. */
export function shardLabel(id: string): string {
  return echoValue(id, 60);
}

export function measureWord(a: Analysis): string {
  return a.measure === 'records' ? 'records' : 'bytes';
}

export function diagnosisTitle(a: Analysis): string {
  if (a.diagnosis === 'hot-key') return 'hot key';
  if (a.diagnosis === 'hot-shard') return 'hot shard of many keys';
  if (a.diagnosis === 'uncertain') return 'too few records to tell';
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

/** "Only 6 records, 2 per shard on average: ..." with the interval on the hottest shard's share. */
export function uncertaintyText(a: Analysis): string {
  const hot = a.shards[a.hottest]!;
  const i = a.sample.hottestShare;
  return (
    `Only ${plural(a.totalRecords, 'record')}, ${formatNumber(a.sample.recordsPerShard)} per shard on average: ` +
    `${shardLabel(hot.shard.shardId)} has ${formatShare(hot.share)} of them, but its true share could be anywhere from ` +
    `${formatShare(i.low)} to ${formatShare(i.high)} (95% interval). Below ${MIN_RECORDS_PER_SHARD} records per shard ` +
    `(${formatInt(MIN_RECORDS_PER_SHARD * a.shards.length)} records here) shares are too uncertain to call a shard hot.`
  );
}

/** The diagnosis in plain words. */
export function diagnosisText(a: Analysis, map: ShardMap, hotRatio: number): string {
  const hot = a.shards[a.hottest]!;
  const id = shardLabel(hot.shard.shardId);
  const m = measureWord(a);
  const load = `${formatShare(hot.share)} of the ${m} on ${formatShare(hot.hashShare)} of the hash space (${formatRatio(hot.hotness)}x a fair share)`;
  const limit = overLimit(a, a.hottest);
  if (a.diagnosis === 'uncertain') return uncertaintyText(a);
  if (a.diagnosis === 'balanced') {
    return (
      `No shard is hot: the busiest, ${id}, gets ${load}, under the ${formatRatio(hotRatio)}x that counts as hot. ` +
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
      `${id} gets ${load}${limit ? `, and ${limit}` : ''}. One key, ${key}, carries ${formatShare(dominant.shareOfShard)} of that shard's ${m}.${alone} ` +
      `Every record of a key goes to the same shard, and one key can never get more than one shard's ${bytes} or ${records} records/s, ` +
      'so adding shards or splitting cannot spread it: a split can at best give the key a shard of its own. ' +
      (overAlone ? 'This key is over that limit on its own: only salting it or a different partition key helps. ' : '') +
      (a.salt !== undefined
        ? 'Salt the key (below) or choose a partition key with more distinct values.'
        : `Choose a partition key with more distinct values${a.saltRefusal !== undefined ? ' (salting this key alone does not help here: see below)' : ''}.`)
    );
  }
  return (
    `${id} gets ${load}${limit ? `, and ${limit}` : ''}. Its load comes from several keys (the largest, ${keyLabel(dominant.key.key)}, ` +
    `has ${formatShare(dominant.shareOfShard)} of it), so splitting the shard spreads it over two. ` +
    (a.hotShards.length > 1 ? `${plural(a.hotShards.length, 'shard')} are hot; split each, or add shards (see the what-if table). ` : '')
  ).trim();
}

export function splitText(a: Analysis, map: ShardMap, split: SplitAdvice): string {
  const id = shardLabel(map.shards[split.shard]!.shardId);
  const m = measureWord(a);
  const pct = (x: number) => formatShare(split.total > 0 ? x / split.total : 0);
  const b = split.balanced;
  let text = `Split ${id} at ${b.newStartingHashKey}: its children would get ${pct(b.lower)} and ${pct(b.upper)} of its ${m}`;
  if (split.midpoint) text += ` (a split at the midpoint of its range: ${pct(split.midpoint.lower)} and ${pct(split.midpoint.upper)})`;
  text += '.';
  if (a.diagnosis === 'hot-key') text += ' The hot key stays whole on one side: this only helps the keys that share its shard.';
  return text;
}

export function splitCommand(streamName: string, map: ShardMap, split: SplitAdvice): string {
  return (
    `aws kinesis split-shard --stream-name ${streamName} --shard-to-split ${shellWord(map.shards[split.shard]!.shardId)} ` +
    `--new-starting-hash-key ${split.balanced.newStartingHashKey}`
  );
}

export function saltText(a: Analysis, salt: SaltAdvice): string {
  const k = salt.suffixes;
  const key = keyLabel(salt.key);
  const names = k <= 3 ? salt.saltedKeys.map((s) => keyLabel(s)).join(', ') : `${keyLabel(salt.saltedKeys[0]!)} ... ${keyLabel(salt.saltedKeys[k - 1]!)}`;
  return (
    `Salting ${key} with ${k} suffixes (${names})${salt.suggested ? `, a number chosen so that each part carries at most half a fair share and the busiest shard gets less busy (--salt K to choose)` : ''} ` +
    `puts it on ${plural(salt.shardsUsed, 'shard')}: the busiest shard's share of the ${measureWord(a)} goes from ${formatShare(salt.hottestShareBefore)} to ${formatShare(salt.hottestShareAfter)}. ` +
    `The trade-off: records of ${key} are ordered only within each suffix, so a consumer that needs them in order, or whole, must read all ${k} keys and merge them (by event time or sequence number).`
  );
}

/** Why splitting the hottest shard is not offered. */
export function splitRefusalText(a: Analysis, map: ShardMap, refusal: SplitRefusal): string {
  const id = shardLabel(map.shards[refusal.shard]!.shardId);
  if (refusal.kind === 'too-narrow') return `${id}'s hash range is too narrow to split.`;
  const key = a.dominantKey !== undefined && a.dominantKey.key.shard === refusal.shard ? `, ${keyLabel(a.dominantKey.key.key)},` : '';
  if (a.oneKeyPerShard) {
    return `No split helps: every shard already holds one key, and all of a key's records go to one shard, so splitting ${id} would give one child everything and the other nothing.`;
  }
  return `No split helps: all of ${id}'s known load comes from one key${key} and all of a key's records go to one shard, so a split would give one child everything and the other nothing.`;
}

/** Why salting is not offered, and what would help instead. */
export function saltRefusalText(a: Analysis, map: ShardMap, refusal: SaltRefusal): string {
  const key = keyLabel(refusal.key);
  const m = measureWord(a);
  if (refusal.blockingShard !== undefined) {
    const other = shardLabel(map.shards[refusal.blockingShard]!.shardId);
    return (
      `Salting ${key} doesn't help here: ${other} is as busy without it (${formatShare(refusal.hottestShareBefore)} of the ${m}), ` +
      `so the busiest shard stays at least that busy however many suffixes ${key} gets.`
    );
  }
  const worse = `(the busiest shard would go from ${formatShare(refusal.hottestShareBefore)} to ${formatShare(refusal.hottestShareAfter)} of the ${m})`;
  if (refusal.better !== undefined) return `Salting ${key} with ${refusal.suffixes} suffixes doesn't help here ${worse}: try --salt ${refusal.better}.`;
  return `Salting ${key} doesn't help here: with ${refusal.suffixes} to ${SALT_SEARCH_MAX} suffixes the busiest shard's share never drops below ${formatShare(refusal.hottestShareBefore)}.`;
}

export interface WarningInput {
  readonly analysis: Analysis;
  readonly malformedCount: number;
  readonly malformedExamples: readonly { line: number; reason: string }[];
  readonly longKeys: number;
  readonly explicitHashKeyRecords: number;
  readonly hasBytes: boolean;
  readonly hasEhkColumn: boolean;
  readonly maxKeys: number;
  readonly unmatched: { readonly count: number; readonly lines: readonly number[] } | undefined;
  readonly rows: number;
}

function kplWarning(input: WarningInput): Warning {
  const a = input.analysis;
  const key = JSON.stringify(KEYS.kplAggregatedPartitionKey.value);
  if (a.kpl.aggregatedRecords > 0) {
    const n = a.kpl.aggregatedRecords;
    const corrupt = a.kpl.corruptAggregates;
    const read = n - corrupt;
    const parts = [
      `${plural(n, 'Kinesis record')} ${n === 1 ? 'was a KPL aggregate' : 'were KPL aggregates'} (data starting with the magic bytes ${KEYS.kplMagicBytes.value}).`,
    ];
    if (read > 0) {
      parts.push(`${read === n ? (n === 1 ? 'It was' : 'They were') : `${formatInt(read)} of them were`} de-aggregated into ${plural(a.kpl.userRecords, 'user record')}, each counted under its own partition key, as a consumer using the KCL sees them.`);
    }
    if (corrupt > 0) {
      parts.push(`${plural(corrupt, 'aggregate')} could not be read (corrupt) and ${corrupt === 1 ? 'counts' : 'count'} as one record under ${corrupt === 1 ? 'its' : 'their'} outer key.`);
    }
    return { id: 'kpl-aggregation', message: parts.join(' ') };
  }
  return {
    id: 'kpl-aggregation',
    message:
      `Key ${key} carries ${formatShare(a.kpl.keyShare)} of the records (${formatInt(a.kpl.keyRecords)}). That is what KPL-aggregated records look like: the KPL sends an aggregate with partition key ${key} and routes it by an ExplicitHashKey. ` +
      (input.hasEhkColumn
        ? 'They are routed here by the explicit hash key column, as Kinesis does, but the key counts describe aggregates, not your keys: '
        : 'Pass their explicit hash keys with --ehk-column, or ') +
      `de-aggregate them first (the KCL does; aggregated records start with the bytes ${KEYS.kplMagicBytes.value}).`,
  };
}

function observedWarning(a: Analysis): Warning | undefined {
  const o = a.observed;
  if (o === undefined || o.records === 0) return undefined;
  if (o.differ === 0) {
    return { id: 'observed-shards', message: `All ${plural(o.records, 'record')} that name the shard they were read from were read where kds routes their key.` };
  }
  const parts: string[] = [];
  const one = (n: number, single: string, many: string) => (n === 1 ? single : many);
  if (o.differFromAggregates > 0) {
    parts.push(`${formatInt(o.differFromAggregates)} came out of KPL aggregates, which go where their first user record's hash key sends them`);
  }
  if (o.differWithExplicitHashKey > 0) {
    parts.push(
      `${formatInt(o.differWithExplicitHashKey)} ${one(o.differWithExplicitHashKey, 'carries', 'carry')} an explicit hash key and still ${one(o.differWithExplicitHashKey, 'differs', 'differ')}, so the shard map may have changed since the read`,
    );
  }
  const rest = o.differ - o.differFromAggregates - o.differWithExplicitHashKey;
  if (rest > 0) {
    parts.push(
      `${formatInt(rest)}${parts.length > 0 ? ` ${one(rest, 'other', 'others')}` : ''} most likely had an explicit hash key set by the producer (reads do not return it), or the stream was resharded since the read`,
    );
  }
  return {
    id: 'observed-shards-differ',
    message:
      `${plural(o.differ, 'record')} of ${formatInt(o.records)} (${formatShare(o.differ / o.records)}) ${one(o.differ, 'was', 'were')} read from another shard than the one ${one(o.differ, 'its', 'their')} key routes to: ${parts.join('; ')}. ` +
      `They count on the shard they were read from; where in its hash range they belong is unknown, so the split advice spreads them evenly.`,
  };
}

export function keysWarningsFor(input: WarningInput): Warning[] {
  const a = input.analysis;
  const out: Warning[] = [];
  if (input.malformedCount > 0) {
    const lines = input.malformedExamples.map((m) => `${m.line > 0 ? `line ${m.line}: ` : ''}${m.reason}`).join('; ');
    out.push({
      id: 'malformed-rows',
      message: `Skipped ${plural(input.malformedCount, 'malformed row')} (${lines}${input.malformedCount > input.malformedExamples.length ? '; ...' : ''}). --strict stops at the first one instead.`,
    });
  }
  if (input.unmatched !== undefined && input.unmatched.count > 0) {
    const u = input.unmatched;
    out.push({
      id: 'unmatched-lines',
      message: `${plural(u.count, 'line')} of ${formatInt(input.rows)} did not match --key-pattern and ${u.count === 1 ? 'was' : 'were'} skipped (line ${u.lines.join(', ')}${u.count > u.lines.length ? ', ...' : ''}).`,
    });
  }
  if (a.kpl.likely) out.push(kplWarning(input));
  if (a.kpl.checksumMismatches > 0) {
    out.push({
      id: 'kpl-checksum',
      message: `${plural(a.kpl.checksumMismatches, 'record')} began with the KPL magic bytes but failed the MD5 check: counted as ${a.kpl.checksumMismatches === 1 ? 'a plain record' : 'plain records'}, as the KCL does.`,
    });
  }
  const observed = observedWarning(a);
  if (observed !== undefined) out.push(observed);
  if (a.approximate) {
    out.push({
      id: 'approximate-key-counts',
      message: `There are more than ${formatInt(input.maxKeys)} distinct keys (--max-keys), so key counts are heavy-hitter estimates: each key shows the records seen while it was tracked, at most its upper bound in --json below the truth. Keys much busier than the rest are always found. Shard totals are exact.`,
    });
  }
  if (a.sample.small && a.diagnosis !== 'uncertain') {
    out.push({ id: 'small-sample', message: uncertaintyText(a) });
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
