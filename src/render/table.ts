/**
 * Tables for people, on cli-table3 with its own colours switched off: headers are coloured (or
 * not) by the caller's chalk instance, so NO_COLOR and pipes stay plain.
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';

export type Align = 'left' | 'right' | 'center';

export interface TableSpec {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly align?: readonly Align[];
  /** Fixed column widths; text wraps inside them. */
  readonly widths?: readonly (number | null)[];
}

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: ' ',
};

/** A borderless table with a bold header row; columns separated by spaces. */
export function renderTable(spec: TableSpec, color: ChalkInstance): string {
  const table = new Table({
    head: spec.head.map((h) => color.bold(h)),
    chars: BORDERLESS,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    colAligns: spec.align ? [...spec.align] : [],
    ...(spec.widths ? { colWidths: [...spec.widths], wordWrap: true } : {}),
  });
  for (const row of spec.rows) table.push([...row]);
  return table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

/** Label/value pairs aligned on the value column. */
export function renderPairs(pairs: readonly (readonly [string, string])[], color: ChalkInstance): string {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${color.bold(k.padEnd(width))}  ${v}`).join('\n');
}
