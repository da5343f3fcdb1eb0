/**
 * kds keys analyze output for scripts: one JSON object (and the warnings, which the report shares).
 * Apart from the report (./keys.ts) so that --json never loads the table renderer.
 */
import { SHARD } from '../core/facts.js';
import type { Analysis, KeyStat, ShardStat } from '../core/keys/analyze.js';
import { MIN_RECORDS_PER_SHARD } from '../core/keys/hot-rule.js';
import type { ColumnRole } from '../core/keys/columns.js';
import type { ShardMap } from '../core/keys/shard-map.js';
import { diagnosisText, keysWarningsFor, saltRefusalText, splitCommand, splitRefusalText, type Warning } from './keys-text.js';

/** What the report needs to know about the command line. */
export interface KeysViewInput {
  readonly stream:
    | { readonly kind: 'simulated'; readonly shards: number; readonly isDefault: boolean }
    | { readonly kind: 'map'; readonly file: string };
  readonly streamName: string;
  readonly sampleRate: number;
  readonly hotRatio: number;
  readonly strict: boolean;
}

export interface KeysView {
  readonly input: KeysViewInput;
  readonly analysis: Analysis;
  readonly map: ShardMap;
  readonly source: {
    readonly name: string;
    /** csv, tsv, delimited, lines, log-lines, jsonl, get-records, kinesis. */
    readonly format: string;
    /** "TSV, 3 columns, header row". */
    readonly description: string;
    readonly compression: 'gzip' | undefined;
    readonly columns: Partial<Record<ColumnRole, string>>;
    readonly bytesRead: number;
    readonly rows: number;
    readonly hasBytes: boolean;
    readonly unmatched: { readonly count: number; readonly lines: readonly number[] } | undefined;
    /** Threads the input was read on (said in the report when more than one). */
    readonly threads?: number;
  };
  readonly malformed: { readonly count: number; readonly examples: readonly { line: number; reason: string }[] };
  readonly longKeys: number;
  readonly explicitHashKeyRecords: number;
  readonly maxKeys: number;
}

export function keysWarnings(view: KeysView): Warning[] {
  return keysWarningsFor({
    analysis: view.analysis,
    malformedCount: view.malformed.count,
    malformedExamples: view.malformed.examples,
    longKeys: view.longKeys,
    explicitHashKeyRecords: view.explicitHashKeyRecords,
    hasBytes: view.source.hasBytes,
    hasEhkColumn: view.source.columns.ehk !== undefined,
    maxKeys: view.maxKeys,
    unmatched: view.source.unmatched,
    rows: view.source.rows,
  });
}

function round(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function keyJson(k: KeyStat, map: ShardMap) {
  return {
    key: k.key,
    records: k.records,
    recordsUpperBound: k.recordsUpperBound,
    bytes: k.bytes,
    shardId: k.shard >= 0 ? map.shards[k.shard]!.shardId : null,
    share: round(k.share),
    hashKey: k.hashKey.toString(),
  };
}

/** One shard of the JSON's shards array. */
function shardJson(view: KeysView, s: ShardStat) {
  return {
    shardId: s.shard.shardId,
    startingHashKey: s.shard.start.toString(),
    endingHashKey: s.shard.end.toString(),
    records: s.records,
    bytes: s.bytes,
    share: round(s.share),
    hashSpaceShare: round(s.hashShare),
    hotness: round(s.hotness),
    hot: s.hot,
    hotReasons: s.reasons,
    peak: s.peak
      ? {
          recordsPerSec: round(s.peak.records),
          bytesPerSec: view.source.hasBytes ? round(s.peak.bytes) : null,
          recordsAt: isoSecond(s.peak.recordsAt),
          bytesAt: view.source.hasBytes ? isoSecond(s.peak.bytesAt) : null,
        }
      : null,
  };
}

function isoSecond(epochSecond: number): string | null {
  return Number.isFinite(epochSecond) ? new Date(epochSecond * 1000).toISOString().replace('.000Z', 'Z') : null;
}

/**
 * The JSON contract: totalRecords; shards (open shards in hash order: shardId, startingHashKey,
 * endingHashKey as decimal strings, records, bytes); hottestShard; topKeys (key, records, bytes,
 * shardId). Everything else is extra.
 */
export function keysJson(view: KeysView): object {
  return keysJsonWith(view, view.analysis.shards.map((s) => shardJson(view, s)));
}

/** A string that cannot occur in the JSON otherwise: where the shards array goes when it is written piece by piece. */
const SHARDS_SLOT = '\u0000kds-shards\u0000';

/**
 * Writes the same text as JSON.stringify(keysJson(view), null, 2) plus a newline, but the shards
 * array a shard at a time, in chunks: a million shards never make one giant string. Fields in
 * `extra` (what a source says about the read, such as a live stream's `live`) come last.
 */
export function writeKeysJson(view: KeysView, write: (chunk: string) => void, extra?: Record<string, unknown>): void {
  const text = JSON.stringify({ ...keysJsonWith(view, SHARDS_SLOT), ...extra }, null, 2);
  const slot = JSON.stringify(SHARDS_SLOT);
  const at = text.indexOf(slot);
  write(text.slice(0, at));
  const n = view.analysis.shards.length;
  let chunk = '[\n';
  for (let i = 0; i < n; i++) {
    chunk += `    ${JSON.stringify(shardJson(view, view.analysis.shards[i]!), null, 2).replaceAll('\n', '\n    ')}${i < n - 1 ? ',' : ''}\n`;
    if (chunk.length >= 1 << 20) {
      write(chunk);
      chunk = '';
    }
  }
  write(`${chunk}  ]`);
  write(`${text.slice(at + slot.length)}\n`);
}

function keysJsonWith(view: KeysView, shardsValue: unknown): object {
  const a = view.analysis;
  const map = view.map;
  const id = (i: number) => map.shards[i]!.shardId;
  return {
    totalRecords: a.totalRecords,
    totalBytes: a.totalBytes,
    distinctKeys: a.distinctKeys,
    approximate: a.approximate,
    measure: a.measure,
    shards: shardsValue,
    hottestShard: id(a.hottest),
    hotShards: a.hotShards.map(id),
    diagnosis: { kind: a.diagnosis, summary: diagnosisText(a, map, view.input.hotRatio) },
    sample: {
      recordsPerShard: round(a.sample.recordsPerShard),
      minRecordsPerShard: MIN_RECORDS_PER_SHARD,
      small: a.sample.small,
      hottestShareInterval: { low: round(a.sample.hottestShare.low), high: round(a.sample.hottestShare.high), confidence: 0.95 },
    },
    skew: {
      maxOverMean: round(a.skew.maxOverMean),
      coefficientOfVariation: round(a.skew.coefficientOfVariation),
      gini: round(a.skew.gini),
      effectiveKeys: a.effectiveKeys === undefined ? null : round(a.effectiveKeys, 2),
    },
    topKeys: a.topKeys.map((k) => keyJson(k, map)),
    topKeysInHottestShard: a.topKeysInHottest.map((k) => keyJson(k, map)),
    dominantKey: a.dominantKey ? { ...keyJson(a.dominantKey.key, map), shareOfShard: round(a.dominantKey.shareOfShard) } : null,
    split: a.split
      ? {
          shardId: id(a.split.shard),
          newStartingHashKey: a.split.balanced.newStartingHashKey.toString(),
          lower: round(a.split.balanced.lower),
          upper: round(a.split.balanced.upper),
          midpoint: a.split.midpoint
            ? {
                newStartingHashKey: a.split.midpoint.newStartingHashKey.toString(),
                lower: round(a.split.midpoint.lower),
                upper: round(a.split.midpoint.upper),
              }
            : null,
          command: splitCommand(view.input.streamName, map, a.split),
        }
      : null,
    splitRefusal: a.splitRefusal ? { kind: a.splitRefusal.kind, shardId: id(a.splitRefusal.shard), reason: splitRefusalText(a, map, a.splitRefusal) } : null,
    oneKeyPerShard: a.oneKeyPerShard,
    salting: a.salt
      ? {
          key: a.salt.key,
          suffixes: a.salt.suffixes,
          suggested: a.salt.suggested,
          hottestShareBefore: round(a.salt.hottestShareBefore),
          hottestShareAfter: round(a.salt.hottestShareAfter),
          shardsUsed: a.salt.shardsUsed,
          saltedKeys: a.salt.saltedKeys,
        }
      : null,
    saltingRefusal: a.saltRefusal
      ? {
          key: a.saltRefusal.key,
          suffixes: a.saltRefusal.suffixes,
          hottestShareBefore: round(a.saltRefusal.hottestShareBefore),
          hottestShareAfter: round(a.saltRefusal.hottestShareAfter),
          tryInstead: a.saltRefusal.better ?? null,
          blockingShardId: a.saltRefusal.blockingShard === undefined ? null : id(a.saltRefusal.blockingShard),
          reason: saltRefusalText(a, map, a.saltRefusal),
        }
      : null,
    kpl: {
      aggregationKeyRecords: a.kpl.keyRecords,
      aggregatedRecords: a.kpl.aggregatedRecords,
      userRecords: a.kpl.userRecords,
      corruptAggregates: a.kpl.corruptAggregates,
      checksumMismatches: a.kpl.checksumMismatches,
      likely: a.kpl.likely,
    },
    observedShards: a.observed
      ? {
          records: a.observed.records,
          differ: a.observed.differ,
          differFromAggregates: a.observed.differFromAggregates,
          differWithExplicitHashKey: a.observed.differWithExplicitHashKey,
        }
      : null,
    whatIf: a.whatIf.map((w) => ({ shards: w.shards, hottestShare: round(w.hottestShare), maxOverMean: round(w.maxOverMean) })),
    hotDefinition: {
      hotRatio: view.input.hotRatio,
      measure: a.measure,
      recordsPerSecLimit: SHARD.writeRecordsPerSec.value,
      bytesPerSecLimit: SHARD.writeBytesPerSec.value,
    },
    stream: {
      source: view.input.stream.kind === 'map' ? 'shard-map' : 'simulated',
      shardCount: map.shards.length,
      defaultShardCount: view.input.stream.kind === 'simulated' && view.input.stream.isDefault,
      streamName: view.input.streamName,
    },
    input: {
      file: view.source.name,
      format: view.source.format,
      description: view.source.description,
      compression: view.source.compression ?? null,
      columns: view.source.columns,
      rows: view.source.rows,
      bytesRead: view.source.bytesRead,
      sampleRate: view.input.sampleRate,
      timeSpanSeconds: a.timed ? a.timeSpanSeconds : null,
      unmatchedLines: view.source.unmatched ?? null,
    },
    malformedRows: { count: view.malformed.count, examples: view.malformed.examples },
    warnings: keysWarnings(view),
  };
}
