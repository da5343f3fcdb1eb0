import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeysError } from '../../../src/core/keys/errors.js';
import { Scanner } from '../../../src/core/keys/scan.js';
import { uniformShardMap } from '../../../src/core/keys/shard-map.js';
import { parseTimestamp } from '../../../src/core/keys/timestamp.js';
import { keyCounts, scanText } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('CSV as people and tools write it', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const { acc } = scanText('id,partition_key\n1,"a,b"\n2,"say ""hi"""\n3,"two\nlines"\n4,plain\n');
    expect(keyCounts(acc)).toEqual([
      ['a,b', 1],
      ['plain', 1],
      ['say "hi"', 1],
      ['two\nlines', 1],
    ]);
  });

  it('reads CRLF line ends, a byte order mark and blank lines', () => {
    const { acc, scanner } = scanText('\uFEFFpartition_key,bytes\r\nk1,10\r\n\r\nk2,20\r\n\r\n');
    expect(keyCounts(acc)).toEqual([
      ['k1', 1],
      ['k2', 1],
    ]);
    expect(acc.totalBytes).toBe(10 + 2 + 20 + 2);
    expect(scanner.blankLines).toBe(2);
  });

  it('keeps spaces and case: keys are never trimmed or folded', () => {
    const { acc } = scanText('key\n k \nK\nk\n');
    expect(keyCounts(acc).map(([k]) => k)).toEqual([' k ', 'K', 'k']);
  });

  it('treats __proto__, constructor and toString as ordinary keys', () => {
    const { acc } = scanText('key\n__proto__\nconstructor\ntoString\n__proto__\nhasOwnProperty\n');
    expect(keyCounts(acc)).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
      ['hasOwnProperty', 1],
      ['toString', 1],
    ]);
  });

  it('reports malformed rows with the line they start on, and skips them', () => {
    const text = 'key,bytes\nok,1\n"open"x,2\nshort\nk,abc\n"multi\nline",3\n,4\nlast,"5"\n"never closed,6\n';
    const { acc } = scanText(text);
    expect(acc.malformedExamples).toEqual([
      { line: 3, reason: 'text follows a closing quote' },
      { line: 4, reason: 'expected at least 2 fields, found 1' },
      { line: 5, reason: 'the bytes field "abc" is not a whole number' },
      { line: 8, reason: 'the partition key is empty' },
      { line: 10, reason: 'a quoted field is never closed' },
    ]);
    expect(acc.malformedCount).toBe(5);
    expect(keyCounts(acc)).toEqual([
      ['last', 1],
      ['multi\nline', 1],
      ['ok', 1],
    ]);
  });

  it('stops at the first malformed row with --strict', () => {
    expect(() => scanText('key,bytes\nok,1\nbad,x\n', { strict: true })).toThrow(KeysError);
    expect(() => scanText('key,bytes\nok,1\nbad,x\n', { strict: true })).toThrow(/^line 3: /);
  });

  it('rejects keys that are not UTF-8', () => {
    const bytes = new Uint8Array([...enc('key\n'), 0xc3, 0x28, 0x0a, ...enc('fine\n')]);
    const { acc } = scanText(bytes);
    expect(acc.malformedExamples).toEqual([{ line: 2, reason: 'the partition key is not valid UTF-8' }]);
  });

  it('reads the same rows however the input is cut into chunks (property)', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{1,6}$/),
      fc.string({ minLength: 1, maxLength: 6 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const row = fc.tuple(field, fc.nat(99999)).map(([k, b]) => `${k},${b}`);
    const csv = fc
      .tuple(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([rows, eol, bom]) => `${bom ? '\uFEFF' : ''}key,bytes${eol}${rows.join(eol)}${eol}`);
    fc.assert(
      fc.property(csv, fc.array(fc.nat(400), { maxLength: 8 }), (text, cuts) => {
        const whole = scanText(text);
        const parts = scanText(text, { cuts });
        expect(keyCounts(parts.acc)).toEqual(keyCounts(whole.acc));
        expect(parts.acc.totalBytes).toBe(whole.acc.totalBytes);
        expect(parts.acc.malformedExamples).toEqual(whole.acc.malformedExamples);
        expect(parts.scanner.line).toBe(whole.scanner.line);
      }),
      { numRuns: 300 },
    );
  });

  it('picks columns by header name or by flag, in any order', () => {
    const text = 'size,when,customer\n100,1700000000,c1\n';
    const { acc } = scanText(text, { columns: { key: 'customer', bytes: 'size', time: 'when' } });
    expect(keyCounts(acc)).toEqual([['c1', 1]]);
    expect(acc.totalBytes).toBe(102);
    expect(acc.perSecond).toBeDefined();
  });

  it('fails with a usage error naming the columns when the key column is unknown', () => {
    expect(() => scanText('a,b\n1,2\n', { columns: { key: 'nope' } })).toThrow(/--key-column "nope" is not a column of the input; its columns are "a", "b"/);
    expect(() => scanText('a,b\n1,2\n')).toThrow(/no partition key column found/);
  });

  it('multiplies by a count column and adds key bytes once per record', () => {
    const { acc } = scanText('partition_key,count,bytes\nab,3,300\n');
    expect(acc.totalRecords).toBe(3);
    expect(acc.totalBytes).toBe(300 + 3 * 2);
  });
});

describe('format detection and plain text', () => {
  it('reads one key per line when the first line has no comma and is not a key header', () => {
    const { acc, scanner } = scanText('alpha\nbeta\r\nalpha\n\ngamma');
    expect(scanner.format).toBe('lines');
    expect(keyCounts(acc)).toEqual([
      ['alpha', 2],
      ['beta', 1],
      ['gamma', 1],
    ]);
  });

  it('reads a one-column file with a partition key header as CSV', () => {
    const { acc, scanner } = scanText('partitionKey\nx\ny\n');
    expect(scanner.format).toBe('csv');
    expect(keyCounts(acc).map(([k]) => k)).toEqual(['x', 'y']);
  });

  it('keeps commas in keys with --format lines', () => {
    const { acc } = scanText('a,b\nc\n', { format: 'lines' });
    expect(keyCounts(acc).map(([k]) => k)).toEqual(['a,b', 'c']);
  });
});

describe('timestamps', () => {
  const t = (s: string) => parseTimestamp(enc(s), 0, s.length);
  it.each([
    ['2026-11-02T09:00:00Z', Date.UTC(2026, 10, 2, 9) / 1000],
    ['2026-11-02T09:00:00.999Z', Date.UTC(2026, 10, 2, 9) / 1000],
    ['2026-11-02 09:00:00', Date.UTC(2026, 10, 2, 9) / 1000],
    ['2026-11-02T10:30:00+01:30', Date.UTC(2026, 10, 2, 9) / 1000],
    ['2026-11-02T04:00:00-0500', Date.UTC(2026, 10, 2, 9) / 1000],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29) / 1000],
    ['1762074000', 1762074000],
    ['1762074000.5', 1762074000],
    ['1762074000123', 1762074000],
  ])('reads %s', (text, seconds) => {
    expect(t(text)).toBe(seconds);
  });

  it.each(['yesterday', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-02T25:00:00Z', '12:00', '', '2026-11-02T09:00:00Zjunk'])('rejects %j', (text) => {
    expect(t(text)).toBeNaN();
  });

  it('agrees with Date for any ISO instant (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1971-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), (d) => {
        expect(t(d.toISOString())).toBe(Math.floor(d.getTime() / 1000));
      }),
    );
  });
});

describe('repeated timestamps', () => {
  it('reads a run of timestamps to the seconds that parsing each gives, however they follow (property)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    // Each run mixes two forms (spacing, minute, fraction, zone), mostly one after the other.
    const form = fc.record({
      lead: fc.constantFrom('', ' '),
      minute: fc.constantFrom(0, 1, 59),
      fraction: fc.constantFrom('', '.5', '.123', ',25', '.1x'),
      separator: fc.constantFrom('T', ' '),
      zone: fc.constantFrom('Z', '', '+02:00', '-0530', 'Zz'),
    });
    const run = fc
      .tuple(form, form, fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 30 }))
      .map(([a, b, steps]) =>
        steps.map(([which, second]) => {
          const { lead, minute, fraction, separator, zone } = which === 0 ? b : a;
          return `${lead}2026-03-01${separator}10:${two(minute)}:${two(second)}${fraction}${zone}`;
        }),
      );
    const noSink = {} as ConstructorParameters<typeof Scanner>[0];
    fc.assert(
      fc.property(run, (stamps) => {
        const scanner = new Scanner(noSink, 'csv', () => {
          throw new Error('no header here');
        });
        for (const t of stamps) expect(scanner.timeField(enc(t), 0, t.length), t).toBe(parseTimestamp(enc(t), 0, t.length));
      }),
      { numRuns: 500 },
    );
  });

  it('reads each row\'s own second even when timestamps share prefixes (property)', () => {
    const stamp = fc.constantFrom(
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.5Z',
      '2026-01-01T00:00:01Z',
      '2026-01-01T00:00:01',
      '1767225602',
      '1767225602000',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(stamp, fc.boolean()), { minLength: 1, maxLength: 40 }), (rows) => {
        const text = `key,time\n${rows.map(([t, crlf], i) => `k${i % 3},${t}${crlf ? '\r' : ''}`).join('\n')}\n`;
        const { acc } = scanText(text, { map: uniformShardMap(1) });
        const perSecond = new Map<number, number>();
        for (const [t] of rows) {
          const s = parseTimestamp(enc(t), 0, t.length);
          perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
        }
        expect(acc.perSecond!.peakRecords[0]).toBe(Math.max(...perSecond.values()));
      }),
    );
  });
});
