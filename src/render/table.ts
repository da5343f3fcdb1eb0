/**
 * Tables for people: borderless, one space between columns, a bold header row coloured (or not)
 * by the caller's chalk instance, so NO_COLOR and pipes stay plain.
 *
 * The layout is cli-table3's with kds's settings (no borders, padding 1, compact, no fixed widths),
 * drawn here directly: loading cli-table3 and its colour library, and its per-cell option merging,
 * cost a command more start-up time than the rest of its report. A property test draws random
 * tables with both and requires the same text (test/unit/render/table.test.ts).
 */
import type { ChalkInstance } from 'chalk';
import { colorizeLines } from './ansi-lines.js';
import { displayWidth } from './width.js';

export type Align = 'left' | 'right' | 'center';

export interface TableSpec {
  readonly head: readonly string[];
  /** One cell per header cell (a shorter row is padded with empty cells). */
  readonly rows: readonly (readonly string[])[];
  readonly align?: readonly Align[];
}

/** The widest line of a cell, in terminal columns (colour codes take none). */
function cellWidth(lines: readonly string[]): number {
  let width = 0;
  for (const line of lines) width = Math.max(width, displayWidth(line));
  return width;
}

function pad(text: string, room: number, align: Align | undefined): string {
  const gap = room - displayWidth(text);
  if (gap <= 0) return text;
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap - Math.ceil(gap / 2)) + text + ' '.repeat(Math.ceil(gap / 2));
  return text + ' '.repeat(gap);
}

/** A borderless table with a bold header row; columns separated by spaces. */
export function renderTable(spec: TableSpec, color: ChalkInstance): string {
  const rows: (readonly string[])[] = spec.head.length > 0 ? [spec.head.map((h) => color.bold(h)), ...spec.rows] : [...spec.rows];
  let columns = 0;
  for (const row of rows) columns = Math.max(columns, row.length);
  const cells = rows.map((row) => Array.from({ length: columns }, (_, x) => (row[x] ?? '').split('\n')));
  const widths = new Array<number>(columns).fill(0);
  for (const row of cells) row.forEach((lines, x) => (widths[x] = Math.max(widths[x] ?? 0, cellWidth(lines))));
  const out: string[] = [];
  for (const row of cells) {
    // A colour that spans lines of a cell is closed and reopened on each of them.
    const drawn = row.map((lines) => (lines.some((l) => l.includes('\u001b')) ? colorizeLines(lines) : lines));
    let height = 1;
    for (const lines of drawn) height = Math.max(height, lines.length);
    for (let line = 0; line < height; line++) {
      const text = drawn.map((lines, x) => ` ${pad(lines[line] ?? '', widths[x] ?? 0, spec.align?.[x])} `);
      out.push(text.join(' ').trimEnd());
    }
  }
  return out.join('\n');
}

/**
 * Terminal columns renderTable takes for these rows (header included): each column's widest cell,
 * a space either side and one between columns, less the trailing space every line is trimmed of.
 */
export function tableWidth(rows: readonly (readonly string[])[]): number {
  let columns = 0;
  for (const row of rows) columns = Math.max(columns, row.length);
  if (columns === 0) return 0;
  let total = 0;
  for (let x = 0; x < columns; x++) {
    let widest = 0;
    for (const row of rows) widest = Math.max(widest, cellWidth((row[x] ?? '').split('\n')));
    total += widest + 3;
  }
  return total - 2;
}

/** Label/value pairs aligned on the value column. */
export function renderPairs(pairs: readonly (readonly [string, string])[], color: ChalkInstance): string {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${color.bold(k.padEnd(width))}  ${v}`).join('\n');
}
