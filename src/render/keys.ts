/** kds keys analyze output: the report for people (the JSON for scripts is in ./keys-json.ts). */
import type { ChalkInstance } from 'chalk';
import { SHARD } from '../core/facts.js';
import type { KeyStat } from '../core/keys/analyze.js';
import { MIN_RECORDS_PER_SHARD } from '../core/keys/hot-rule.js';
import type { ColumnRole } from '../core/keys/columns.js';
import { MIXED_SHARD } from '../core/keys/key-table.js';
import type { ShardMap } from '../core/keys/shard-map.js';
import { safeText } from './escape.js';
import { GIB, KIB, MIB } from '../core/units.js';
import { formatFixed, formatInt, formatMibPerSec, formatNumber, plural } from './format.js';
import {
  diagnosisText,
  diagnosisTitle,
  formatRatio,
  formatShare,
  keyLabel,
  measureWord,
  saltRefusalText,
  saltText,
  shardLabel,
  splitCommand,
  splitRefusalText,
  splitText,
} from './keys-text.js';
import { topIndices } from '../core/keys/top.js';
import { shortShardIds } from './shard-ids.js';
import { renderTable, tableWidth, type Align } from './table.js';
import { bullet, wrap } from './text.js';
import { cutMiddleToWidth, displayWidth } from './width.js';
import { keysWarnings, type KeysView } from './keys-json.js';

export { keysJson, keysWarnings, writeKeysJson, type KeysView, type KeysViewInput } from './keys-json.js';

/** Shards listed one per row in the report before it shows only the busiest. */
const SHARD_ROWS = 32;
const BUSIEST_SHOWN = 10;
/** The longest key a table shows whole. */
const KEY_CELL_MAX = 40;

/** A key for a table cell: escaped, cut in the middle to at most `max` terminal columns. */
function keyCell(key: string, max: number): string {
  return cutMiddleToWidth(safeText(key), max);
}

/**
 * Shard ids for tables: whole, or (when the tables would not fit) cut to their distinguishing tail,
 * "…0003", the same for every shard of the map so that a short id always means one shard.
 */
class ShardIds {
  private short: string[] | undefined;

  constructor(private readonly map: ShardMap) {}

  full(index: number): string {
    return index === MIXED_SHARD ? 'several shards' : shardLabel(this.map.shards[index]!.shardId);
  }

  abbreviated(index: number): string {
    if (index === MIXED_SHARD) return 'several';
    this.short ??= shortShardIds(this.map.shards.map((s) => s.shardId));
    return this.short[index]!;
  }
}

function streamLine(view: KeysView): string {
  const n = view.map.shards.length;
  const s = view.input.stream;
  if (s.kind === 'map') return `${plural(n, 'open shard')} from ${s.file === '-' ? 'standard input' : safeText(s.file)}`;
  if (s.isDefault) {
    return `${plural(n, 'simulated shard')} (the write capacity of a new on-demand stream, the default); pass --shards N or --shard-map FILE for yours`;
  }
  return `${plural(n, 'simulated shard')} (a stream created with ${formatInt(n)}, equal hash ranges)`;
}

const ROLE_NAMES: Record<ColumnRole, string> = {
  key: 'key',
  bytes: 'bytes',
  time: 'time',
  count: 'count',
  ehk: 'explicit hash key',
  shard: 'read from shard',
  kpl: 'from a KPL aggregate',
};

function headline(view: KeysView): string[] {
  const a = view.analysis;
  const cols = (Object.entries(view.source.columns) as [ColumnRole, string][])
    .map(([role, name]) => `${ROLE_NAMES[role]} ${keyLabel(name)}`)
    .join(', ');
  const distinct = a.approximate ? `about ${formatInt(a.distinctKeys)} distinct keys` : plural(a.distinctKeys, 'distinct key');
  return [
    `Keys from ${safeText(view.source.name)}: ${plural(a.totalRecords, 'record')}, ${distinct}`,
    `Input: ${view.source.description}${(view.source.threads ?? 1) > 1 ? `, read on ${view.source.threads} threads` : ''}${cols.length > 0 && view.source.format !== 'lines' && view.source.format !== 'log-lines' ? `; ${cols}` : ''}`,
    `Stream: ${streamLine(view)}`,
  ];
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
    } else if (line.trim().length > 0 && `${line} ${word}`.length > width && line.trim().startsWith('--')) {
      // A flag whose value does not fit after it: the value goes on a line of its own.
      lines.push(`${line} \\`);
      line = `${indent}        ${word}`;
    } else line = line.trim().length === 0 ? `${line}${word}` : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A byte count for a table column: whole bytes, or KiB, MiB and GiB with two decimals, so that a column lines up. */
function bytesCell(bytes: number): string {
  if (bytes < KIB) return `${formatInt(bytes)} B`;
  if (bytes < MIB) return `${formatFixed(bytes / KIB, 2, 2)} KiB`;
  if (bytes < GIB) return `${formatFixed(bytes / MIB, 2, 2)} MiB`;
  return `${formatFixed(bytes / GIB, 2, 2)} GiB`;
}

function bar(fraction: number, width: number, glyph: string): string {
  const n = Math.max(0, Math.round(fraction * width));
  return glyph.repeat(n);
}

/** The shards a table lists: all of them up to SHARD_ROWS, else the BUSIEST_SHOWN ranked by `rank`, in hash order. */
function shownShards(count: number, rank: ArrayLike<number>): number[] {
  if (count <= SHARD_ROWS) return Array.from({ length: count }, (_, i) => i);
  return topIndices(count, BUSIEST_SHOWN, (x, y) => rank[x]! > rank[y]! || (rank[x] === rank[y] && x < y)).sort((x, y) => x - y);
}

function shardTable(view: KeysView, ids: ShardIds, color: ChalkInstance, width: number, tty: boolean): string[] {
  const a = view.analysis;
  const indices = shownShards(a.shards.length, a.hotness);
  const stats = indices.map((i) => a.shards[i]!);
  // Equal hash ranges (a simulated stream) make the "Hash %" column the same on every row: it goes first when space is short.
  const equalRanges = stats.every((s) => s.hashShare === stats[0]!.hashShare);
  const layouts = [
    { short: false, hash: true, bar: true },
    { short: false, hash: true, bar: false },
    { short: true, hash: true, bar: true },
    { short: true, hash: !equalRanges, bar: true },
    { short: true, hash: !equalRanges, bar: false },
  ];
  const build = (layout: (typeof layouts)[number]) => {
    const head = ['Shard', 'Records', 'Bytes', 'Share', ...(layout.hash ? ['Hash %'] : []), 'x fair'];
    const cells = indices.map((i, r) => {
      const st = stats[r]!;
      const id = layout.short ? ids.abbreviated(i) : ids.full(i);
      return [id, formatInt(st.records), bytesCell(st.bytes), formatShare(st.share), ...(layout.hash ? [formatShare(st.hashShare)] : []), formatRatio(st.hotness)];
    });
    // The last column (a space before it and one between: 3 columns more) holds a bar of at least 3 and " hot", or "hot" alone.
    const room = width - tableWidth([head, ...cells]) - 3;
    const barRoom = room - ' hot'.length;
    return { layout, head, cells, fits: layout.bar ? barRoom >= 3 : 'hot'.length <= room, barWidth: Math.max(3, Math.min(30, barRoom)) };
  };
  let chosen = build(layouts[0]!);
  for (const layout of layouts) {
    chosen = build(layout);
    if (chosen.fits) break;
  }
  const maxShare = Math.max(a.maxShare, 1e-12);
  const glyph = tty ? '\u2588' : '#';
  const rows = stats.map((st, r) => {
    const last = chosen.layout.bar ? `${bar(st.share / maxShare, chosen.barWidth, glyph)}${st.hot ? ' hot' : ''}` : st.hot ? 'hot' : '';
    const row = [...chosen.cells[r]!, last];
    return st.hot ? row.map((c) => color.red(c)) : row;
  });
  const align: Align[] = ['left', ...chosen.head.slice(1).map((): Align => 'right'), 'left'];
  const out = [renderTable({ head: [...chosen.head, ''], rows, align }, color)];
  if (indices.length < a.shards.length) {
    out.push(wrap(`(the ${indices.length} hottest of ${plural(a.shards.length, 'shard')}; --json lists every shard)`, width));
  }
  return out;
}

function keyTable(keys: readonly KeyStat[], ids: ShardIds, color: ChalkInstance, width: number, approximate: boolean): string {
  const head = ['Key', 'Records', 'Share', 'Shard'];
  const counts = keys.map((k) => (approximate && k.recordsUpperBound !== k.records ? `${formatInt(k.records)}+` : formatInt(k.records)));
  const build = (keyMax: number, id: (i: number) => string) =>
    keys.map((k, r) => [keyCell(k.key, keyMax), counts[r]!, formatShare(k.share), id(k.shard)]);
  let id = (i: number) => ids.full(i);
  let rows = build(KEY_CELL_MAX, id);
  if (tableWidth([head, ...rows]) > width) {
    id = (i: number) => ids.abbreviated(i);
    rows = build(KEY_CELL_MAX, id);
  }
  const over = tableWidth([head, ...rows]) - width;
  if (over > 0) {
    const widest = Math.max(...rows.map((r) => displayWidth(r[0]!)), head[0]!.length);
    rows = build(Math.max(8, widest - over), id);
  }
  return renderTable({ head, rows, align: ['left', 'right', 'right', 'left'] }, color);
}

function peakTable(view: KeysView, ids: ShardIds, color: ChalkInstance, width: number): string[] {
  const a = view.analysis;
  const hasBytes = view.source.hasBytes;
  const rate = view.input.sampleRate;
  const indices = shownShards(a.shards.length, a.peakUtilisation!);
  const head = ['Shard', 'Records/s', 'of limit', 'Bytes/s', 'of limit'];
  const cellsWith = (id: (i: number) => string) =>
    indices.map((i) => {
      const p = a.shards[i]!.peak!;
      return [
        id(i),
        formatFixed(p.records, 1, 1),
        formatShare(p.recordsUtilisation),
        hasBytes ? `${bytesCell(p.bytes)}/s` : '-',
        hasBytes ? formatShare(p.bytesUtilisation) : '-',
      ];
    });
  let cells = cellsWith((i) => ids.full(i));
  if (tableWidth([head, ...cells]) > width) cells = cellsWith((i) => ids.abbreviated(i));
  const rows = indices.map((i, r) => {
    const s = a.shards[i]!;
    const row = cells[r]!;
    return s.reasons.includes('records-limit') || s.reasons.includes('bytes-limit') ? row.map((c) => color.red(c)) : row;
  });
  const limits = `${formatInt(SHARD.writeRecordsPerSec.value)} records/s and ${formatMibPerSec(SHARD.writeBytesPerSec.value)} per shard`;
  const title = `Busiest second of each shard${rate !== 1 ? `, scaled up ${formatNumber(1 / rate)}x for --sample-rate ${formatNumber(rate)}` : ''} (limits: ${limits})`;
  const out = [
    color.bold(wrap(title, width)),
    renderTable({ head, rows, align: ['left', 'right', 'right', 'right', 'right'] }, color),
  ];
  if (indices.length < a.shards.length) {
    out.push(wrap(`(the ${indices.length} busiest of ${plural(a.shards.length, 'shard')}; --json lists every shard)`, width));
  }
  return out;
}

function remedyLines(view: KeysView, width: number): string[] {
  const a = view.analysis;
  const map = view.map;
  const lines: string[] = [];
  if (a.split) {
    lines.push(bullet(splitText(a, map, a.split), width));
    lines.push(commandLines(splitCommand(view.input.streamName, map, a.split), width, '    '));
  } else if (a.splitRefusal) {
    lines.push(bullet(splitRefusalText(a, map, a.splitRefusal), width));
  }
  if (a.salt) lines.push(bullet(saltText(a, a.salt), width));
  else if (a.saltRefusal) lines.push(bullet(saltRefusalText(a, map, a.saltRefusal), width));
  return lines;
}

export function renderKeys(view: KeysView, color: ChalkInstance, width: number, tty: boolean): string {
  const a = view.analysis;
  const ids = new ShardIds(view.map);
  const out: string[] = [];
  const [first, ...rest] = headline(view);
  out.push(color.bold(wrap(first!, width)));
  for (const line of rest) out.push(wrap(line, width, '', '        '));
  out.push('');
  out.push(...shardTable(view, ids, color, width, tty), '');

  const hot = a.shards[a.hottest]!;
  const m = measureWord(a);
  out.push(
    wrap(
      `Hottest: ${ids.full(a.hottest)}, ${formatShare(hot.share)} of the ${m} on ${formatShare(hot.hashShare)} of the hash space${hot.hot ? ' (hot)' : ''}`,
      width,
    ),
  );
  out.push(
    wrap(
      `Skew of ${m} across shards: max/mean ${formatRatio(a.skew.maxOverMean)}, coefficient of variation ${formatRatio(a.skew.coefficientOfVariation)}, Gini ${formatRatio(a.skew.gini)}` +
        (a.effectiveKeys !== undefined ? `; the keys are as concentrated as ${formatNumber(a.effectiveKeys)} equally busy keys` : ''),
      width,
    ),
    '',
  );

  out.push(color.bold(wrap(`Top keys${a.approximate ? ' (estimates; + marks a lower bound)' : ''}`, width)));
  out.push(keyTable(a.topKeys, ids, color, width, a.approximate), '');
  out.push(color.bold(wrap(`Top keys in ${ids.full(a.hottest)}`, width)));
  out.push(keyTable(a.topKeysInHottest, ids, color, width, a.approximate), '');

  out.push(color.bold(`Diagnosis: ${diagnosisTitle(a)}`));
  out.push(wrap(diagnosisText(a, view.map, view.input.hotRatio), width), '');

  if (a.timed) out.push(...peakTable(view, ids, color, width), '');

  const remedies = remedyLines(view, width);
  if (remedies.length > 0) out.push(color.bold('Remedies'), ...remedies, '');

  out.push(color.bold(wrap('If the stream had other shard counts (equal ranges, the same keys)', width)));
  out.push(
    renderTable(
      {
        head: ['Shards', `Busiest shard's ${m}`, 'Max/mean'],
        rows: a.whatIf.map((w) => [
          `${formatInt(w.shards)}${w.current && view.input.stream.kind === 'simulated' ? ' (now)' : ''}`,
          formatShare(w.hottestShare),
          formatRatio(w.maxOverMean),
        ]),
        align: ['right', 'right', 'right'],
      },
      color,
    ),
  );
  if (a.diagnosis === 'hot-key' && a.dominantKey !== undefined) {
    out.push(wrap(`No shard count brings the busiest shard below the hot key's own ${formatShare(a.dominantKey.key.share)} of the records.`, width));
  }
  out.push('');

  const warnings = keysWarnings(view);
  if (warnings.length > 0) {
    out.push(color.bold('Notes'));
    const loud = new Set(['malformed-rows', 'kpl-aggregation', 'unmatched-lines', 'observed-shards-differ']);
    for (const w of warnings) out.push(bullet(safeText(w.message), width, loud.has(w.id) ? color.yellow('!') : '-'));
    out.push('');
  }
  out.push(
    wrap(
      `Hot means at least ${formatRatio(view.input.hotRatio)}x a fair share (the shard's share of the hash space; --hot-ratio)` +
        (a.timed ? ', or a busiest second over the per-shard write limit' : '') +
        `, with at least ${MIN_RECORDS_PER_SHARD} records per shard to go on.`,
      width,
    ),
  );
  return out.join('\n');
}
