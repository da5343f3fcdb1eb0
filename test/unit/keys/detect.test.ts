import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLayout, detectLayout, sampleRows, type DetectHints } from '../../../src/core/keys/detect.js';
import { sniffBytes, sniffProblem } from '../../../src/core/keys/sniff.js';

const AUTO: DetectHints = { format: 'auto', columns: {}, keyPattern: false };
const detect = (text: string, hints: Partial<DetectHints> = {}) => detectLayout(text, true, { ...AUTO, ...hints }, 'in.txt');
const described = (text: string, hints: Partial<DetectHints> = {}) => describeLayout(detect(text, hints));

describe('format detection (--format auto)', () => {
  it('reads a TSV with a header as TSV, not as one key per line', () => {
    expect(described('user_id\tbytes\tevent_time\nu-1\t100\t2026-01-01T00:00:00Z\nu-2\t110\t2026-01-01T00:00:01Z\n')).toBe(
      'TSV, 3 columns, header row',
    );
  });

  it('reads CSV with a known header, and a one-column CSV whose line names the key', () => {
    expect(described('partition_key,bytes\nk1,1\nk2,2\n')).toBe('CSV, 2 columns, header row');
    expect(described('partitionKey\nx\ny\n')).toBe('CSV, 1 column, header row');
  });

  it("reads kds --save's own CSV as CSV when a quoted key holds a tab, and still refuses tabs in another CSV's fields", () => {
    const saved = 'partition_key,bytes,timestamp,explicit_hash_key,shard_id,kpl_aggregated\n"tab\there",7,2026-01-01T00:00:00.000Z,,shardId-000000000000,\nk,7,2026-01-01T00:00:00.000Z,,shardId-000000000000,\n';
    expect(described(saved)).toBe('CSV, 6 columns, header row');
    expect(() => detect('partition_key,bytes\n"tab\there",7\nk,7\n')).toThrow(/looks like CSV but has tabs inside its fields/);
  });

  it('takes a first row of data as data when the key column is given by number', () => {
    expect(described('k1,100\nk2,200\nk1,50\n', { columns: { key: '1' } })).toBe('CSV, 2 columns, no header row');
  });

  it('takes a first row of names over columns of numbers as a header', () => {
    expect(described('customer,size\nc1,100\nc2,200\n', { columns: { key: '1' } })).toBe('CSV, 2 columns, header row');
  });

  it.each([
    ['k1,100\nk2,200\n', {}, 'the first row of in.txt, "k1,100", looks like data, not a header: pass --no-header and --key-column N (the key column\'s number)'],
    ['alice,eu\nbob,us\n', { columns: { key: '1' } }, 'cannot tell whether the first row of in.txt, "alice,eu", is a header or data: pass --header or --no-header'],
    ['k\t1,100\nk2,200\n', {}, 'in.txt looks like CSV but has tabs inside its fields (is it TSV with commas in its keys?): pass --format csv or --format tsv'],
    ['a,b\tc\nd,e\tf\n', {}, 'in.txt has both commas and tabs between the fields of every row: pass --format csv or --format tsv'],
    ['k1\n{"partitionKey":"k2"}\nk3\n', {}, 'in.txt has JSON objects among its lines: pass --format jsonl to read their fields, or --format lines to use each whole line as a key'],
    [
      '2026-01-01T00:00:00Z INFO put partitionKey=a\n2026-01-01T00:00:01Z INFO put partitionKey=b\n',
      {},
      "in.txt looks like log lines (every line differs, and they hold spaces or '='): pass --key-pattern REGEX to take the key out of each line, or --format lines to use each whole line as a key",
    ],
    ['a,b\nc\nd\n', {}, 'in.txt has commas on some lines but its rows do not split into the same number of fields: pass --format csv (short rows are then reported as malformed) or --format lines (each whole line is a key)'],
  ])('refuses %j with the flag to pass', (text, hints, message) => {
    expect(() => detect(text, hints as Partial<DetectHints>)).toThrow(message);
    try {
      detect(text, hints as Partial<DetectHints>);
    } catch (error) {
      expect((error as { kind: string }).kind).toBe('usage');
    }
  });

  it('does not take base64 keys, whose padding ends in "=", for log lines', () => {
    expect(detect('dXNlci0x\ndXNlci0y\ndXNlci0zMw==\ndXNlci00NA==\n')).toEqual({ kind: 'lines' });
  });

  it('takes each line whole under --format lines, JSON and spaces included', () => {
    expect(detect('{"a":1}\nx y\n', { format: 'lines' })).toEqual({ kind: 'lines' });
  });

  it('tells JSON lines from get-records output, pretty or one response per line', () => {
    expect(detect('{"user":"u1"}\n{"user":"u2"}\n')).toEqual({ kind: 'jsonl', objects: 'lines' });
    // Firehose writes records one after another with no newline; pretty objects span lines.
    expect(detect('{"user":"u1"}{"user":"u2"}')).toEqual({ kind: 'jsonl', objects: 'documents' });
    expect(detect('{\n  "user": "u1"\n}\n{\n  "user": "u2"\n}\n')).toEqual({ kind: 'jsonl', objects: 'documents' });
    expect(detect('{"Records":[{"PartitionKey":"a","Data":""}]}\n')).toEqual({ kind: 'get-records' });
    expect(detect('{\n    "Records": [\n        {\n')).toEqual({ kind: 'get-records' });
  });

  it('refuses other JSON as data it cannot read', () => {
    expect(() => detect('[1, 2, 3]\n')).toThrow(/neither JSON lines \(one object per line\) nor `aws kinesis get-records` output/);
  });

  it('reads lines under --key-pattern, and refuses the pattern with a non-line format', () => {
    expect(detect('anything at all\n', { keyPattern: true })).toEqual({ kind: 'log' });
    expect(() => detect('a\n', { keyPattern: true, format: 'jsonl' })).toThrow('--key-pattern reads log lines; it cannot be used with --format jsonl');
  });

  it('uses --delimiter and the --format csv/tsv delimiters', () => {
    expect(described('key;bytes\na;1\n', { delimiter: ';' })).toBe('text delimited by ";", 2 columns, header row');
    expect(described('key;bytes\na;1\n')).toBe('text delimited by ";", 2 columns, header row');
    expect(described('key\tbytes\na\t1\n', { format: 'tsv' })).toBe('TSV, 2 columns, header row');
    expect(() => detect('a\n', { format: 'tsv', delimiter: ';' })).toThrow('--format tsv reads tab-delimited text; --delimiter ";" contradicts it');
  });

  it('splits sample rows with quotes, CRLF and quoted newlines', () => {
    expect(sampleRows('a,"b,c"\r\n"x\ny",z\n', ',', true)).toEqual([
      ['a', 'b,c'],
      ['x\ny', 'z'],
    ]);
    expect(sampleRows('a,b\nc,', ',', false)).toEqual([['a', 'b']]);
  });

  it('splits rows as a character-at-a-time reading of the same rules does, for any text', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ',', ';', '\t', '"', '\n', '\r'), { maxLength: 80 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';', '\t', '\n', '"', '::'), fc.boolean(), fc.constantFrom(1, 2, 3, 200), (t, d, complete, max) => {
        expect(sampleRows(t, d, complete, max)).toEqual(charByChar(t, d, complete, max));
      }),
      { numRuns: 3000 },
    );
  });
});

/** The rules of sampleRows, one character at a time: the oracle of its property test. */
function charByChar(text: string, delimiter: string, complete: boolean, max: number): string[][] {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let i = 0;
  const endRow = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push(fields);
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (; i < text.length && rows.length < max; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n') {
      if (field.endsWith('\r')) field = field.slice(0, -1);
      endRow();
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (i >= text.length && complete && !quoted && (field.length > 0 || fields.length > 0)) endRow();
  return rows;
}

describe('sniffing the first bytes', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  const utf16le = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le'));

  it('finds gzip, other compression, UTF-16 (with or without a byte order mark) and binary data', () => {
    expect(sniffBytes(bytes(0x1f, 0x8b, 8, 0))).toEqual({ kind: 'gzip' });
    expect(sniffBytes(bytes(0x28, 0xb5, 0x2f, 0xfd, 1))).toMatchObject({ kind: 'compressed', format: 'zstd' });
    expect(sniffBytes(Uint8Array.from([0xff, 0xfe, ...utf16le('key\nk1\n')]))).toEqual({ kind: 'utf16', endian: 'little' });
    expect(sniffBytes(utf16le('partition_key\nk1\nk2\n'))).toEqual({ kind: 'utf16', endian: 'little' });
    expect(sniffBytes(Uint8Array.from(Buffer.from('partition_key\nk1\n', 'utf16le').swap16()))).toEqual({ kind: 'utf16', endian: 'big' });
    expect(sniffBytes(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0))).toEqual({ kind: 'binary', offset: 7 });
    expect(sniffBytes(new TextEncoder().encode('key\nk1\n'))).toEqual({ kind: 'text' });
  });

  it('names UTF-16 as such, with the command that converts it', () => {
    expect(sniffProblem({ kind: 'utf16', endian: 'little' }, 'keys.csv', false)).toBe(
      'keys.csv is UTF-16 text (little-endian): kds reads UTF-8; convert it first: iconv -f UTF-16 -t UTF-8 keys.csv > keys-utf8.csv',
    );
  });
});
