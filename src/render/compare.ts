/**
 * kds compare output: the matrix (side-by-side columns when they fit, services stacked under each
 * row when they do not), the recommendation report, and their JSON shapes.
 */
import type { ChalkInstance } from 'chalk';
import { CANDIDATE_NAMES, type CandidateId } from '../core/compare/candidates.js';
import type { Matrix } from '../core/compare/matrix.js';
import type { Recommendation } from '../core/compare/recommend.js';
import { DEFAULT_SERVICES, SERVICE_IDS, SERVICE_NAMES, type ServiceId } from '../core/compare/services.js';
import type { Workload } from '../core/compare/workload.js';
import { formatPercent } from './format.js';
import { CONSTRAINT_LABELS } from './size-text.js';
import { bullet, linkLines, shellLines, visibleLength, wrap } from './text.js';

const GAP = 2;
/** Narrower columns than this make the matrix hard to read: stack the services instead. */
export const MIN_COLUMN = 16;
const MAX_COLUMN = 40;

/**
 * Wraps text into lines of at most width characters. Unlike wrap(), a word longer than the width is
 * broken, so that every line fits (a table cell must never overflow or be cut).
 */
export function fitLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    let rest = word;
    while (rest.length > width) {
      if (line.length > 0) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (line.length === 0) line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

export type MatrixLayout = 'columns' | 'stacked';

/** Columns when each service gets at least MIN_COLUMN characters and no sources are shown. */
export function matrixLayout(serviceCount: number, width: number, sources: boolean): MatrixLayout {
  if (sources) return 'stacked';
  return columnWidth(serviceCount, width) >= MIN_COLUMN ? 'columns' : 'stacked';
}

function columnWidth(serviceCount: number, width: number): number {
  return Math.min(MAX_COLUMN, Math.floor((width - GAP * (serviceCount - 1)) / serviceCount));
}

function title(matrix: Matrix): string {
  const names = matrix.services.map((s) => SERVICE_NAMES[s].short);
  const joined = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${joined}, checked ${matrix.asOf}`;
}

function footer(matrix: Matrix, width: number, sources: boolean): string {
  const legend = matrix.services.map((s) => `${s} = ${SERVICE_NAMES[s].name}`).join('; ');
  const others = SERVICE_IDS.filter((s) => !matrix.services.includes(s));
  const more = [
    ...(others.length > 0 ? [`add ${others.join(', ')} with --services or --all`] : []),
    '--rows to narrow',
    ...(sources ? [] : ['--sources for the page behind each cell']),
    '--recommend to choose for a workload',
  ];
  return [wrap(`Columns: ${legend}.`, width), wrap(`More: ${more.join('; ')}.`, width)].join('\n');
}

function renderColumns(matrix: Matrix, color: ChalkInstance, width: number): string {
  const w = columnWidth(matrix.services.length, width);
  const join = (cells: readonly string[]) => cells.join(' '.repeat(GAP)).trimEnd();
  const out: string[] = [];
  out.push(color.bold(join(matrix.services.map((s) => SERVICE_NAMES[s].short.padEnd(w)))));
  out.push(join(matrix.services.map(() => '-'.repeat(w))));
  for (const row of matrix.rows) {
    out.push('');
    out.push(color.bold(row.label));
    const cells = matrix.services.map((s) => fitLines(row.values[s] ?? '', w));
    const height = Math.max(...cells.map((c) => c.length));
    for (let i = 0; i < height; i += 1) out.push(join(cells.map((c) => (c[i] ?? '').padEnd(w))));
  }
  return out.join('\n');
}

function renderStacked(matrix: Matrix, color: ChalkInstance, width: number, sources: boolean): string {
  const nameWidth = Math.max(...matrix.services.map((s) => SERVICE_NAMES[s].short.length));
  const indent = 2;
  const hanging = indent + nameWidth + GAP;
  const sideBySide = width - hanging >= 24;
  const out: string[] = [];
  for (const row of matrix.rows) {
    if (out.length > 0) out.push('');
    out.push(color.bold(row.label));
    for (const s of matrix.services) {
      const name = SERVICE_NAMES[s].short;
      const text = row.values[s] ?? '';
      if (sideBySide) {
        const lines = fitLines(text, width - hanging);
        out.push(`${' '.repeat(indent)}${color.bold(name.padEnd(nameWidth))}${' '.repeat(GAP)}${lines[0] ?? ''}`.trimEnd());
        for (const line of lines.slice(1)) out.push(`${' '.repeat(hanging)}${line}`);
        if (sources) out.push(...linkLines('source:', row.sources[s] ?? '', width, ' '.repeat(hanging)).map((l) => color.dim(l)));
      } else {
        out.push(`${' '.repeat(indent)}${color.bold(name)}`);
        for (const line of fitLines(text, Math.max(8, width - indent * 2))) out.push(`${' '.repeat(indent * 2)}${line}`);
        if (sources) out.push(...linkLines('source:', row.sources[s] ?? '', width, ' '.repeat(indent * 2)).map((l) => color.dim(l)));
      }
    }
  }
  return out.join('\n');
}

/**
 * The matrix for a terminal. Every line fits the width, except source URLs under --sources, which
 * are printed whole so that they stay usable.
 */
export function renderMatrix(matrix: Matrix, color: ChalkInstance, width: number, options: { sources: boolean }): string {
  const layout = matrixLayout(matrix.services.length, width, options.sources);
  const body = layout === 'columns' ? renderColumns(matrix, color, width) : renderStacked(matrix, color, width, options.sources);
  return [color.bold(wrap(title(matrix), width)), '', body, '', footer(matrix, width, options.sources)].join('\n');
}

/** --json for the matrix: { services, rows: [{ id, label, values, sources }] } plus names and date. */
export function matrixJson(matrix: Matrix): unknown {
  const names: Partial<Record<ServiceId, string>> = {};
  for (const s of matrix.services) names[s] = SERVICE_NAMES[s].name;
  return {
    services: matrix.services,
    rows: matrix.rows.map((r) => ({ id: r.id, label: r.label, values: r.values, sources: r.sources })),
    names,
    asOf: matrix.asOf,
    defaultServices: DEFAULT_SERVICES,
  };
}

function candidate(id: CandidateId): string {
  return `${CANDIDATE_NAMES[id]} (${id})`;
}

function section(color: ChalkInstance, heading: string, items: readonly string[], width: number): string[] {
  if (items.length === 0) return [];
  return ['', color.bold(heading), ...items.map((item) => bullet(item, width))];
}

function kinesisSection(r: Recommendation, color: ChalkInstance, width: number): string[] {
  const k = r.kinesis;
  if (k === undefined) return [];
  const items = [`Enhanced fan-out: ${k.efo.needed ? 'needed' : 'not needed'}. ${k.efo.reason}`];
  if (k.sizing === undefined) {
    items.push('Shards: give --mbps (and --messages-per-sec) to size the stream.');
    return section(color, 'Kinesis', items, width);
  }
  const { result, input, command } = k.sizing;
  const headroom = formatPercent(input.headroom, 0);
  items.push(
    `Shards: ${result.minimumShards} at least, ${result.recommendedShards} with ${headroom} headroom; ` +
      `the limit that decides is ${CONSTRAINT_LABELS[result.binding]}. Costs by capacity mode and the aws commands:`,
  );
  return [...section(color, 'Kinesis', items, width), shellLines(command, width, '    ')];
}

export function renderRecommendation(r: Recommendation, color: ChalkInstance, width: number): string {
  const out: string[] = [];
  if (r.recommendation === undefined) {
    out.push(color.bold(wrap(r.conflicts.length > 0 ? 'No recommendation: these requirements cannot all be met.' : 'No recommendation: no service meets every requirement.', width)));
    out.push(
      ...section(
        color,
        'Why',
        r.conflicts.length > 0 ? r.conflicts.map((c) => `${c.explanation}\nTo fix: ${c.suggestion}`) : r.reasons,
        width,
      ),
    );
    out.push(...section(color, 'Ruled out', r.eliminated.map((e) => `${candidate(e.id)}: ${e.reasons.join(' Also: ')}`), width));
    const relax = r.relaxations.map((x) => `Without ${x.flags}: ${x.wouldAllow.join(', ')} would fit.`);
    out.push(
      ...section(
        color,
        'What would make something fit',
        relax.length > 0 ? relax : ['No single requirement, dropped alone, lets a service fit; drop several, starting with those above.'],
        width,
      ),
    );
    return out.join('\n');
  }
  out.push(color.bold(wrap(`Recommendation: ${candidate(r.recommendation)}`, width)));
  out.push(...section(color, 'Why', r.reasons, width));
  out.push(...kinesisSection(r, color, width));
  out.push(...section(color, 'Watch out', r.notes, width));
  out.push(
    ...section(
      color,
      'Also fits',
      // Every note the JSON carries for an alternative is said here too.
      r.alternatives.map((a) => {
        const fits = `${candidate(a.id)}: ${a.reason.replace(/^Also fits: /, '')}`;
        return a.notes.length === 0 ? fits : `${fits} Watch out: ${a.notes.join(' ')}`;
      }),
      width,
    ),
  );
  out.push(...section(color, 'Ruled out', r.eliminated.map((e) => `${candidate(e.id)}: ${e.reason}`), width));
  return out.join('\n');
}

/** --json for --recommend: the shape, plus the rule, notes, conflicts, Kinesis advice and the workload. */
export function recommendationJson(r: Recommendation, w: Workload): unknown {
  const k = r.kinesis;
  return {
    recommendation: r.recommendation ?? null,
    reasons: r.reasons,
    alternatives: r.alternatives.map((a) => ({ id: a.id, reason: a.reason, notes: a.notes })),
    eliminated: r.eliminated.map((e) => ({ id: e.id, reason: e.reason, requirement: e.requirement, reasons: e.reasons })),
    rule: r.rule ?? null,
    notes: r.notes,
    conflicts: r.conflicts,
    relaxations: r.relaxations,
    kinesis:
      k === undefined
        ? null
        : {
            efo: k.efo,
            sizing:
              k.sizing === undefined
                ? null
                : {
                    command: k.sizing.command,
                    minimumShards: k.sizing.result.minimumShards,
                    recommendedShards: k.sizing.result.recommendedShards,
                    binding: k.sizing.result.binding,
                    headroomPercent: Math.round(k.sizing.input.headroom * 100),
                  },
          },
    workload: {
      replay: w.replay,
      replayDays: w.replayDays ?? null,
      consumers: w.consumers ?? null,
      ordering: w.ordering,
      exactlyOnce: w.exactlyOnce,
      perMessageAck: w.perMessageAck,
      perMessageDelay: w.perMessageDelay,
      destination: w.destination ?? null,
      noCode: w.noCode,
      formatConversion: w.formatConversion,
      partitionByField: w.partitionByField,
      latencyMs: w.latencyMs ?? null,
      maxMessageKiB: w.maxMessageKiB ?? null,
      mbps: w.mbps ?? null,
      messagesPerSec: w.messagesPerSec ?? null,
      kafkaApi: w.kafkaApi,
      contentRouting: w.contentRouting,
    },
  };
}

/** The widest visible line, for tests and the 80-column promise. */
export function widestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((l) => visibleLength(l)));
}
