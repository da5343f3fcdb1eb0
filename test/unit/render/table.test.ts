import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorizeLines } from '../../../src/render/ansi-lines.js';
import { renderTable, tableWidth, type Align, type TableSpec } from '../../../src/render/table.js';
import { displayWidth } from '../../../src/render/width.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: ' ',
};

/** What kds drew with cli-table3 before it drew tables itself: the same options, the same trim. */
function withCliTable3(spec: TableSpec, color: ChalkInstance): string {
  const table = new Table({
    head: spec.head.map((h) => color.bold(h)),
    chars: BORDERLESS,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    colAligns: spec.align ? [...spec.align] : [],
  });
  for (const row of spec.rows) table.push([...row]);
  return table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

/**
 * Bits of text that make widths and colours hard: wide characters, emoji, marks, controls, codes.
 * No zero-width space: cli-table3 gave it a column, kds gives it none, as a terminal does.
 */
const PIECES = [
  'a', 'Z', '7', ' ', '  ', '-', '%', '$1,234', 'shard-000', '\n', '\t', '\r',
  '漢字', 'ｶﾀｶﾅ', '😀', '👍🏽', '🇩🇪', 'e\u0301', '…', '✓', '✗', '°',
  '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[4m', '\u001b[0m', '\u001b[m', '\u001b[42m', '\u001b[49m', '\u001b[38;5;208m',
];

const styled = (text: string, style: number): string =>
  [text, colour.red(text), colour.bold(text), colour.green.bold(text), colour.dim.cyan(text), colour.bgYellow(text)][style] ?? text;

const cellText = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }), fc.integer({ min: 0, max: 5 }))
  .map(([pieces, style]) => styled(pieces.join(''), style));

const align = fc.constantFrom<Align>('left', 'right', 'center');

const table = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc.record({
    head: fc.oneof(fc.constant([] as string[]), fc.array(cellText, { minLength: columns, maxLength: columns })),
    rows: fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { maxLength: 6 }),
    align: fc.option(fc.array(align, { minLength: columns, maxLength: columns }), { nil: undefined }),
  }),
);

describe('renderTable', () => {
  it('pads columns to the widest cell, aligned as asked, with the header in bold', () => {
    const spec: TableSpec = { head: ['Shard', 'Records'], rows: [['shard-0', '12'], ['shard-10', '1,234']], align: ['left', 'right'] };
    expect(renderTable(spec, plain)).toBe([' Shard      Records', ' shard-0         12', ' shard-10     1,234'].join('\n'));
    expect(renderTable(spec, colour).split('\n')[0]).toBe(' \u001b[1mShard\u001b[22m      \u001b[1mRecords\u001b[22m');
  });

  it('counts a wide character as two columns and a combining mark as none', () => {
    expect(renderTable({ head: [], rows: [['漢字', 'x'], ['e\u0301e', 'y']] }, plain)).toBe([' 漢字   x', ' e\u0301e     y'].join('\n'));
  });

  it('draws every table exactly as cli-table3 did with kds\'s settings', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (spec, coloured) => {
        const color = coloured ? colour : plain;
        expect(renderTable(spec, color)).toBe(withCliTable3(spec, color));
      }),
      { numRuns: 2000 },
    );
  });

  it('closes a colour at the end of each line of a cell and reopens it on the next', () => {
    expect(colorizeLines(['\u001b[31mred', 'still red\u001b[39m', 'plain'])).toEqual([
      '\u001b[31mred\u001b[39m',
      '\u001b[31mstill red\u001b[39m',
      'plain',
    ]);
  });
});

describe('displayWidth', () => {
  it('takes no columns for colour codes and two for an emoji', () => {
    expect(displayWidth('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(displayWidth('ok 😀')).toBe(5);
  });
});

describe('tableWidth', () => {
  it('is the width renderTable draws, wide characters counted as two columns', () => {
    const rows = [['Key', 'Records'], ['日本語', '12'], ['🔥', '1,000']];
    const drawn = renderTable({ head: rows[0]!, rows: rows.slice(1) }, plain).split('\n');
    expect(Math.max(...drawn.map((l) => displayWidth(l)))).toBe(tableWidth(rows));
    expect(tableWidth(rows)).toBe(1 + 6 + 1 + 1 + 1 + 7);
  });
});
