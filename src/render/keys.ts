/** kds keys analyze output: a report for people and one JSON object for scripts. */
import type { ChalkInstance } from 'chalk';
import { SHARD } from '../core/facts.js';
import type { Analysis, KeyStat } from '../core/keys/analyze.js';
import type { ColumnRole } from '../core/keys/columns.js';
import type { ShardMap } from '../core/keys/shard-map.js';
import { formatBytes, formatInt, formatMibPerSec, formatNumber, formatPercent, plural } from './format.js';
import {
  diagnosisText,
  diagnosisTitle,
  keysWarningsFor,
  measureWord,
  saltText,
  shardName,
  splitCommand,
  splitText,
  type Warning,
} from './keys-text.js';
import { renderTable } from './table.js';
import { bullet, wrap } from './text.js';

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
    readonly format: 'csv' | 'lines' | 'kinesis';
    /** Says what the input was, instead of the CSV columns (a live stream). */
    readonly description?: string;
    readonly columns: Partial<Record<ColumnRole, string>>;
    readonly bytesRead: number;
    readonly rows: number;
  };
  readonly malformed: { readonly count: number; readonly examples: readonly { line: number; reason: string }[] };
  readonly longKeys: number;
  readonly explicitHashKeyRecords: number;
  readonly maxKeys: number;
}

/** Shards listed one per row in the report before it shows only the busiest. */
const SHARD_ROWS = 32;
const BUSIEST_SHOWN = 10;

export function keysWarnings(view: KeysView): Warning[] {
  return keysWarningsFor({
    analysis: view.analysis,
    malformedCount: view.malformed.count,
    malformedExamples: view.malformed.examples,
    longKeys: view.longKeys,
    explicitHashKeyRecords: view.explicitHashKeyRecords,
    hasBytes: view.source.columns.bytes !== undefined,
    hasEhkColumn: view.source.columns.ehk !== undefined,
    maxKeys: view.maxKeys,
  });
}

/** A key for a table cell: printable, at most `max` characters. */
function keyCell(key: string, max: number): string {
  const printable = /^[^\p{C}]*$/u.test(key) && key.trim() === key && key.length > 0 ? key : JSON.stringify(key);
  const chars = [...printable];
  return chars.length <= max ? printable : `${chars.slice(0, max - 3).join('')}...`;
}

function streamLine(view: KeysView): string {
  const n = view.map.shards.length;
  const s = view.input.stream;
  if (s.kind === 'map') return `${plural(n, 'open shard')} from ${s.file === '-' ? 'standard input' : s.file}`;
  if (s.isDefault) {
    return `${plural(n, 'simulated shard')} (the write capacity of a new on-demand stream, the default); pass --shards N or --shard-map FILE for yours`;
  }
  return `${plural(n, 'simulated shard')} (a stream created with ${n}, equal hash ranges)`;
}

function headline(view: KeysView): string[] {
  const a = view.analysis;
  const cols = Object.entries(view.source.columns)
    .map(([role, name]) => `${role} ${JSON.stringify(name)}`)
    .join(', ');
  const distinct = a.approximate ? `about ${formatInt(a.distinctKeys)} distinct keys` : plural(a.distinctKeys, 'distinct key');
  const lines = [
    `Keys from ${view.source.name}: ${plural(a.totalRecords, 'record')}, ${distinct}`,
    `Input: ${view.source.description ?? (view.source.format === 'csv' ? `CSV, columns ${cols}` : 'one key per line')}`,
    `Stream: ${streamLine(view)}`,
  ];
  return lines;
}

/**
 * A shell command that fits the width when it can: kept on one line if it fits, else one
 * "--flag value" pair per line with backslash continuations, so that it can still be pasted.
 */
export function commandLines(command: string, width: number, indent: string): string {
  if (indent.length + command.length <= width) return `${indent}${command}`;
  const words = command.split(' ');
  const lines: string[] = [];
  let line = indent;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('--') && line.trim().length > 0 && words.slice(0, i).some((w) => w.startsWith('--'))) {
      lines.push(`${line} \\`);
      line = `${indent}    ${word}`;
    } else line = line.trim().length === 0 ? `${line}${word}` : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A ratio with two decimals: 1.50, 0.58. */
function ratio(x: number): string {
  return x.toFixed(2);
}

function bar(fraction: number, width: number, glyph: string): string {
  const n = Math.max(0, Math.round(fraction * width));
  return glyph.repeat(n);
}

function shardTable(view: KeysView, color: ChalkInstance, width: number, tty: boolean): string[] {
  const a = view.analysis;
  let indices = a.shards.map((_, i) => i);
  const out: string[] = [];
  if (indices.length > SHARD_ROWS) {
    indices = [...indices]
      .sort((x, y) => a.shards[y]!.hotness - a.shards[x]!.hotness || x - y)
      .slice(0, BUSIEST_SHOWN)
      .sort((x, y) => x - y);
  }
  const cells = indices.map((i) => {
    const s = a.shards[i]!;
    return [s.shard.shardId, formatInt(s.records), formatBytes(s.bytes), formatPercent(s.share), formatPercent(s.hashShare), ratio(s.hotness)];
  });
  const head = ['Shard', 'Records', 'Bytes', 'Share', 'Hash %', 'x fair'];
  // Each column takes its text, one space of padding either side and one space between columns.
  const fixed = head.reduce((sum, h, c) => sum + Math.max(h.length, ...cells.map((r) => r[c]!.length)) + 3, 0);
  const barWidth = Math.max(3, Math.min(30, width - fixed - 2 - ' hot'.length - 1));
  const maxShare = Math.max(...a.shards.map((s) => s.share), 1e-12);
  const glyph = tty ? '\u2588' : '#';
  const rows = indices.map((i, r) => {
    const s = a.shards[i]!;
    const row = [...cells[r]!, `${bar(s.share / maxShare, barWidth, glyph)}${s.hot ? ' hot' : ''}`];
    return s.hot ? row.map((c) => color.red(c)) : row;
  });
  out.push(renderTable({ head: [...head, ''], rows, align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'] }, color));
  if (indices.length < a.shards.length) {
    out.push(`(the ${indices.length} hottest of ${plural(a.shards.length, 'shard')}; --json lists every shard)`);
  }
  return out;
}

function keyTable(keys: readonly KeyStat[], map: ShardMap, color: ChalkInstance, width: number, approximate: boolean): string {
  const keyWidth = Math.max(8, Math.min(40, width - 50));
  const rows = keys.map((k) => [
    keyCell(k.key, keyWidth),
    approximate && k.recordsUpperBound !== k.records ? `${formatInt(k.records)}+` : formatInt(k.records),
    formatPercent(k.share),
    shardName(map, k.shard),
  ]);
  return renderTable({ head: ['Key', 'Records', 'Share', 'Shard'], rows, align: ['left', 'right', 'right', 'left'] }, color);
}

function peakTable(view: KeysView, color: ChalkInstance, width: number): string[] {
  const a = view.analysis;
  const hasBytes = view.source.columns.bytes !== undefined;
  const rate = view.input.sampleRate;
  const rows = a.shards.map((s) => {
    const p = s.peak!;
    const row = [
      s.shard.shardId,
      formatNumber(p.records),
      formatPercent(p.recordsUtilisation, 0),
      hasBytes ? `${formatBytes(p.bytes)}/s` : '-',
      hasBytes ? formatPercent(p.bytesUtilisation, 0) : '-',
    ];
    return s.reasons.includes('records-limit') || s.reasons.includes('bytes-limit') ? row.map((c) => color.red(c)) : row;
  });
  const limits = `${formatInt(SHARD.writeRecordsPerSec.value)} records/s and ${formatMibPerSec(SHARD.writeBytesPerSec.value)} per shard`;
  const title = `Busiest second of each shard${rate !== 1 ? `, scaled up ${formatNumber(1 / rate)}x for --sample-rate ${rate}` : ''} (limits: ${limits})`;
  return [
    color.bold(wrap(title, width)),
    renderTable(
      { head: ['Shard', 'Records/s', 'of limit', 'Bytes/s', 'of limit'], rows, align: ['left', 'right', 'right', 'right', 'right'] },
      color,
    ),
  ];
}

export function renderKeys(view: KeysView, color: ChalkInstance, width: number, tty: boolean): string {
  const a = view.analysis;
  const map = view.map;
  const out: string[] = [];
  const [first, ...rest] = headline(view);
  out.push(color.bold(wrap(first!, width)));
  for (const line of rest) out.push(wrap(line, width, '', '        '));
  out.push('');
  out.push(...shardTable(view, color, width, tty), '');

  const hot = a.shards[a.hottest]!;
  const m = measureWord(a);
  out.push(
    wrap(
      `Hottest: ${hot.shard.shardId}, ${formatPercent(hot.share)} of the ${m} on ${formatPercent(hot.hashShare)} of the hash space${hot.hot ? ' (hot)' : ''}`,
      width,
    ),
  );
  out.push(
    wrap(
      `Skew of ${m} across shards: max/mean ${ratio(a.skew.maxOverMean)}, coefficient of variation ${ratio(a.skew.coefficientOfVariation)}, Gini ${ratio(a.skew.gini)}` +
        (a.effectiveKeys !== undefined ? `; the keys are as concentrated as ${formatNumber(a.effectiveKeys)} equally busy keys` : ''),
      width,
    ),
    '',
  );

  out.push(color.bold(`Top keys${a.approximate ? ' (estimates; + marks a lower bound)' : ''}`));
  out.push(keyTable(a.topKeys, map, color, width, a.approximate), '');
  out.push(color.bold(`Top keys in ${hot.shard.shardId}`));
  out.push(keyTable(a.topKeysInHottest, map, color, width, a.approximate), '');

  out.push(color.bold(`Diagnosis: ${diagnosisTitle(a)}`));
  out.push(wrap(diagnosisText(a, map, view.input.hotRatio), width), '');

  if (a.timed) out.push(...peakTable(view, color, width), '');

  const remedies: string[] = [];
  if (a.split) {
    remedies.push(bullet(splitText(a, map, a.split), width));
    remedies.push(commandLines(splitCommand(view.input.streamName, map, a.split), width, '    '));
  }
  if (a.salt) remedies.push(bullet(saltText(a, a.salt), width));
  if (remedies.length > 0) out.push(color.bold('Remedies'), ...remedies, '');

  out.push(color.bold(`If the stream had other shard counts (equal ranges, the same keys)`));
  out.push(
    renderTable(
      {
        head: ['Shards', `Busiest shard's ${m}`, 'Max/mean'],
        rows: a.whatIf.map((w) => [
          `${formatInt(w.shards)}${w.current && view.input.stream.kind === 'simulated' ? ' (now)' : ''}`,
          formatPercent(w.hottestShare),
          ratio(w.maxOverMean),
        ]),
        align: ['right', 'right', 'right'],
      },
      color,
    ),
  );
  if (a.topKeys[0] && a.diagnosis === 'hot-key') {
    out.push(wrap(`No shard count brings the busiest shard below the hot key's own ${formatPercent(a.dominantKey!.key.share)} of the records.`, width));
  }
  out.push('');

  const warnings = keysWarnings(view);
  if (warnings.length > 0) {
    out.push(color.bold('Notes'));
    for (const w of warnings) out.push(bullet(w.message, width, w.id === 'malformed-rows' || w.id === 'kpl-aggregation' ? color.yellow('!') : '-'));
    out.push('');
  }
  out.push(
    wrap(
      `Hot means at least ${formatNumber(view.input.hotRatio)}x a fair share (the shard's share of the hash space; --hot-ratio)` +
        (a.timed ? ', or a busiest second over the per-shard write limit' : '') +
        '.',
      width,
    ),
  );
  return out.join('\n');
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

function isoSecond(epochSecond: number): string | null {
  return Number.isFinite(epochSecond) ? new Date(epochSecond * 1000).toISOString().replace('.000Z', 'Z') : null;
}

/**
 * The JSON contract: totalRecords; shards (open shards in hash order: shardId, startingHashKey,
 * endingHashKey as decimal strings, records, bytes); hottestShard; topKeys (key, records, bytes,
 * shardId). Everything else is extra.
 */
export function keysJson(view: KeysView): object {
  const a = view.analysis;
  const map = view.map;
  const id = (i: number) => map.shards[i]!.shardId;
  return {
    totalRecords: a.totalRecords,
    totalBytes: a.totalBytes,
    distinctKeys: a.distinctKeys,
    approximate: a.approximate,
    measure: a.measure,
    shards: a.shards.map((s) => ({
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
            bytesPerSec: view.source.columns.bytes !== undefined ? round(s.peak.bytes) : null,
            recordsAt: isoSecond(s.peak.recordsAt),
            bytesAt: view.source.columns.bytes !== undefined ? isoSecond(s.peak.bytesAt) : null,
          }
        : null,
    })),
    hottestShard: id(a.hottest),
    hotShards: a.hotShards.map(id),
    diagnosis: { kind: a.diagnosis, summary: diagnosisText(a, map, view.input.hotRatio) },
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
      columns: view.source.columns,
      rows: view.source.rows,
      bytesRead: view.source.bytesRead,
      sampleRate: view.input.sampleRate,
      timeSpanSeconds: a.timed ? a.timeSpanSeconds : null,
    },
    malformedRows: { count: view.malformed.count, examples: view.malformed.examples },
    warnings: keysWarnings(view),
  };
}
