/**
 * What an input is, from its first bytes: CSV, TSV (or another delimiter), with or without a
 * header row, one key per line, JSON lines, `aws kinesis get-records` output or log lines. When the
 * sample cannot settle it, detection refuses with the flag that would (a usage error): a confident
 * report on a misread file is worse than none.
 *
 * The rules, in order (for `--format auto`):
 * 1. --key-pattern: log lines.
 * 2. JSON: a first line that is an object alone is JSON lines (get-records output when it has a
 *    "Records" array); a longer document with a "Records" array is get-records output.
 * 3. Delimited: a comma or a tab that splits the rows into the same number (2 or more) of fields,
 *    quotes respected; both at once, or tabs inside comma-separated fields (unless the header is
 *    the one kds --save writes), is refused. A comma,
 *    tab, semicolon or pipe that splits a first row naming a key column (partition_key, key, pk)
 *    settles it too.
 * 4. Otherwise one key per line, unless the lines look like JSON or like log lines (every line
 *    different, most with spaces or '=', or longer than a key can be).
 * A header row is assumed when it names a known column, or when a column holds numbers or times
 * below a first row that does not; a first row that looks like data needs --no-header and the key
 * column's number; a first row that could be either is refused when the key column is a number.
 */
import { STREAM } from '../facts.js';
import { walkJsonDocuments } from '../json-documents.js';
import { isKnownHeader, isKeyHeader, isSavedHeader, KNOWN_HEADERS, normaliseHeader, type ColumnChoice } from './columns.js';
import { KeysError } from './errors.js';
import { quoted } from '../quote.js';

export type InputFormat = 'auto' | 'csv' | 'tsv' | 'lines' | 'jsonl' | 'get-records';

export const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'csv', 'tsv', 'lines', 'jsonl', 'get-records'];

export type Layout =
  | {
      readonly kind: 'delimited';
      /** One character. */
      readonly delimiter: string;
      readonly header: boolean;
      /** Fields in the first row. */
      readonly columnCount: number;
    }
  | { readonly kind: 'lines' }
  | { readonly kind: 'log' }
  /** JSON objects one per line, or ('documents') run together or spread over several lines, as Firehose writes them. */
  | { readonly kind: 'jsonl'; readonly objects: 'lines' | 'documents' }
  | { readonly kind: 'get-records' };

export interface DetectHints {
  readonly format: InputFormat;
  /** --delimiter, one character. */
  readonly delimiter?: string;
  /** --header (true), --no-header (false), neither (undefined). */
  readonly header?: boolean;
  /** Column flags given. */
  readonly columns: ColumnChoice;
  readonly keyPattern: boolean;
}

/** Rows of the sample looked at. */
const SAMPLE_ROWS = 200;
/** A delimiter is consistent when at least this share of the rows has the usual number of fields. */
const CONSISTENT_SHARE = 0.9;
/** Lines look like log lines when all differ and at least this share has a space or '='. */
const LOG_LIKE_SHARE = 0.8;

function usage(message: string): KeysError {
  return new KeysError(message, 'usage');
}

function shown(text: string, max = 40): string {
  return quoted(text, max);
}

/** The delimiter's name in messages and descriptions. */
export function delimiterName(d: string): string {
  if (d === ',') return 'comma';
  if (d === '\t') return 'tab';
  return JSON.stringify(d);
}

/** A short name for the layout, for JSON: csv, tsv, delimited, lines, log-lines, jsonl, get-records. */
export function layoutFormat(layout: Layout): string {
  if (layout.kind === 'delimited') return layout.delimiter === ',' ? 'csv' : layout.delimiter === '\t' ? 'tsv' : 'delimited';
  if (layout.kind === 'log') return 'log-lines';
  return layout.kind;
}

/** "TSV, 3 columns, header row", "one key per line", ... */
export function describeLayout(layout: Layout): string {
  switch (layout.kind) {
    case 'delimited': {
      const kind = layout.delimiter === ',' ? 'CSV' : layout.delimiter === '\t' ? 'TSV' : `text delimited by ${delimiterName(layout.delimiter)}`;
      const columns = `${layout.columnCount} column${layout.columnCount === 1 ? '' : 's'}`;
      return `${kind}, ${columns}, ${layout.header ? 'header row' : 'no header row'}`;
    }
    case 'lines':
      return 'one key per line';
    case 'log':
      return 'log lines, keys taken out by --key-pattern';
    case 'jsonl':
      return layout.objects === 'lines' ? 'JSON lines' : 'JSON objects one after another';
    case 'get-records':
      return '`aws kinesis get-records` JSON';
  }
}

/**
 * Splits text into rows of fields (RFC 4180 quotes), complete rows only, skipping blank lines. A
 * quote opens a quoted part only at the start of a field; after its closing quote, the rest of the
 * field up to the delimiter is kept as it is. Fields are sliced from the text, not built a
 * character at a time: detection runs on every input, before any code is warm.
 */
export function sampleRows(text: string, delimiter: string, complete: boolean, max = SAMPLE_ROWS): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  // The next delimiter and line feed at or after i (n when there is none), found as i passes them.
  let nextDelimiter = -1;
  let nextLine = -1;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  while (i < n && rows.length < max) {
    if (text.charCodeAt(i) === QUOTE_CODE && atFieldStart(text, i, delimiter)) {
      const end = closingQuote(text, i + 1);
      if (end < 0) return rows;
      field = text.slice(i + 1, end).replaceAll('""', '"');
      i = end + 1;
      if (i >= n) break;
    }
    if (nextDelimiter < i) nextDelimiter = delimiter.length === 1 ? indexOrEnd(text, delimiter, i) : n;
    if (nextLine < i) nextLine = indexOrEnd(text, '\n', i);
    const stop = Math.min(nextDelimiter, nextLine);
    field += text.slice(i, stop);
    if (stop === n) {
      i = n;
      break;
    }
    if (stop === nextDelimiter) fields.push(field);
    else {
      fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
      if (!(fields.length === 1 && fields[0] === '')) rows.push(fields);
      fields = [];
    }
    field = '';
    i = stop + 1;
  }
  if (i >= n && complete && (field.length > 0 || fields.length > 0) && rows.length < max) {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push(fields);
  }
  return rows;
}

const QUOTE_CODE = 0x22;

/** Whether offset i starts a field: the text's start, or just after a delimiter or a line feed. */
function atFieldStart(text: string, i: number, delimiter: string): boolean {
  if (i === 0) return true;
  const before = text[i - 1];
  return before === '\n' || before === delimiter;
}

/** The offset of the quote that closes a quoted part whose text starts at `from` ("" is a quote), or -1. */
function closingQuote(text: string, from: number): number {
  let at = from;
  for (;;) {
    const q = text.indexOf('"', at);
    if (q < 0) return -1;
    if (text.charCodeAt(q + 1) !== QUOTE_CODE) return q;
    at = q + 2;
  }
}

function indexOrEnd(text: string, what: string, from: number): number {
  const at = text.indexOf(what, from);
  return at < 0 ? text.length : at;
}

/** The usual number of fields when (nearly) every row has it, 2 or more; else 0. */
function consistentFieldCount(rows: readonly string[][]): number {
  if (rows.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let mode = 0;
  let most = 0;
  for (const [count, times] of counts) if (times > most || (times === most && count > mode)) [mode, most] = [count, times];
  if (mode < 2 || rows[0]!.length !== mode || most < CONSISTENT_SHARE * rows.length) return 0;
  return mode;
}

type ValueType = 'number' | 'time' | 'text' | 'empty';

function typeOf(value: string): ValueType {
  const v = value.trim();
  if (v === '') return 'empty';
  if (/^-?\d+(\.\d+)?$/.test(v)) return 'number';
  if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(v)) return 'time';
  return 'text';
}

/** true: a header row; false: the first row is data; undefined: cannot tell. */
function headerEvidence(rows: readonly string[][]): boolean | undefined {
  const first = rows[0]!;
  if (first.some((name) => isKnownHeader(name))) return true;
  if (rows.length < 2) return undefined;
  let forHeader = 0;
  let forData = 0;
  for (let c = 0; c < first.length; c++) {
    let typed: ValueType | undefined;
    let mixed = false;
    for (const row of rows.slice(1)) {
      const t = typeOf(row[c] ?? '');
      if (t === 'empty') continue;
      if (typed === undefined) typed = t;
      else if (typed !== t) mixed = true;
    }
    if (mixed || typed === undefined || typed === 'text') continue;
    const t = typeOf(first[c]!);
    if (t === 'empty') continue;
    if (t === typed) forData++;
    else forHeader++;
  }
  if (forHeader > 0 && forData === 0) return true;
  if (forData > 0 && forHeader === 0) return false;
  return undefined;
}

const isNumber = (v: string | undefined) => v !== undefined && /^[1-9]\d*$/.test(v);

function decideHeader(rows: readonly string[][], hints: DetectHints, name: string, delimiter: string): boolean {
  if (hints.header !== undefined) return hints.header;
  const flags = Object.values(hints.columns).filter((v): v is string => v !== undefined);
  if (flags.some((v) => !isNumber(v))) return true;
  if (rows.length === 0) return true;
  const evidence = headerEvidence(rows);
  if (evidence === true) return true;
  const first = shown(rows[0]!.join(delimiter));
  if (evidence === false) {
    if (isNumber(hints.columns.key)) return false;
    throw usage(
      `the first row of ${name}, ${first}, looks like data, not a header: pass --no-header and --key-column N (the key column's number)`,
    );
  }
  if (isNumber(hints.columns.key)) {
    throw usage(`cannot tell whether the first row of ${name}, ${first}, is a header or data: pass --header or --no-header`);
  }
  return true;
}

function delimited(text: string, complete: boolean, hints: DetectHints, name: string, delimiter: string): Layout {
  const rows = sampleRows(text, delimiter, complete);
  const header = decideHeader(rows, hints, name, delimiter);
  return { kind: 'delimited', delimiter, header, columnCount: rows[0]?.length ?? 1 };
}

/** The first complete JSON document of the text (strings and nesting respected), or undefined. */
export function firstJsonDocument(text: string): string | undefined {
  let found: string | undefined;
  walkJsonDocuments(
    text,
    (start, end) => {
      found = text.slice(start, end);
      return false;
    },
    // Other text before it is passed over; a bracket closing what never opened ends the search.
    (stray) => stray.char !== '}' && stray.char !== ']',
  );
  return found;
}

function detectJson(text: string, explicit: 'jsonl' | undefined): Layout {
  const doc = firstJsonDocument(text);
  let first: unknown;
  try {
    first = doc === undefined ? undefined : JSON.parse(doc);
  } catch {
    first = undefined;
  }
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    if (explicit === undefined && Array.isArray((first as Record<string, unknown>).Records)) return { kind: 'get-records' };
    const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).trim();
    return { kind: 'jsonl', objects: firstLine === doc ? 'lines' : 'documents' };
  }
  if (explicit !== undefined) return { kind: 'jsonl', objects: 'lines' };
  if (/"Records"\s*:\s*\[/.test(text)) return { kind: 'get-records' };
  throw new KeysError(
    `the input holds JSON that is neither JSON lines (one object per line) nor \`aws kinesis get-records\` output; for an array of objects, make JSON lines with jq -c '.[]'`,
    'data',
  );
}

function lineLayout(text: string, complete: boolean, name: string): Layout {
  let lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (!complete) lines = lines.slice(0, -1);
  lines = lines.filter((l) => l.length > 0).slice(0, SAMPLE_ROWS);
  if (lines.length > 0 && isKeyHeader(lines[0]!)) return { kind: 'delimited', delimiter: ',', header: true, columnCount: 1 };
  const pass = 'pass --key-pattern REGEX to take the key out of each line, or --format lines to use each whole line as a key';
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      if (typeof JSON.parse(line) === 'object') {
        throw usage(`${name} has JSON objects among its lines: pass --format jsonl to read their fields, or --format lines to use each whole line as a key`);
      }
    } catch (error) {
      if (error instanceof KeysError) throw error;
    }
  }
  const limit = STREAM.partitionKeyMaxChars.value;
  if (lines.some((l) => l.length > limit)) {
    throw usage(`${name} has lines longer than a partition key can be (${limit} characters), so they are not keys: ${pass}`);
  }
  if (lines.length >= 2 && new Set(lines).size === lines.length) {
    // Spaces, or '=' between other characters (key=value; base64 padding at the end does not count).
    const wordy = lines.filter((l) => / |[^=\s]=[^=\s]/.test(l)).length;
    if (wordy >= LOG_LIKE_SHARE * lines.length) {
      throw usage(`${name} looks like log lines (every line differs, and they hold spaces or '='): ${pass}`);
    }
  }
  return { kind: 'lines' };
}

/**
 * The layout of an input from a sample of its text (the first bytes, BOM removed). `complete` is
 * true when the sample is the whole input. Throws KeysError: 'usage' when a flag must settle it,
 * 'data' when no flag can.
 */
export function detectLayout(text: string, complete: boolean, hints: DetectHints, name: string): Layout {
  const f = hints.format;
  if (hints.keyPattern) {
    if (f !== 'auto' && f !== 'lines') throw usage(`--key-pattern reads log lines; it cannot be used with --format ${f}`);
    return { kind: 'log' };
  }
  if (f === 'lines' || f === 'jsonl' || f === 'get-records') {
    if (hints.delimiter !== undefined) throw usage(`--delimiter is for delimited text; it cannot be used with --format ${f}`);
    if (f === 'jsonl') return detectJson(text.trimStart(), 'jsonl');
    return { kind: f };
  }
  if (f === 'tsv' && hints.delimiter !== undefined && hints.delimiter !== '\t') {
    throw usage(`--format tsv reads tab-delimited text; --delimiter ${delimiterName(hints.delimiter)} contradicts it`);
  }
  if (hints.delimiter !== undefined) return delimited(text, complete, hints, name, hints.delimiter);
  if (f === 'csv') return delimited(text, complete, hints, name, ',');
  if (f === 'tsv') return delimited(text, complete, hints, name, '\t');

  const body = text.trimStart();
  if (body.startsWith('{') || body.startsWith('[')) return detectJson(body, undefined);

  const commas = consistentFieldCount(sampleRows(text, ',', complete));
  const tabs = consistentFieldCount(sampleRows(text, '\t', complete));
  if (commas > 0 && tabs > 0) {
    throw usage(`${name} has both commas and tabs between the fields of every row: pass --format csv or --format tsv`);
  }
  if (commas > 0) {
    const rows = sampleRows(text, ',', complete);
    // Tabs inside comma-separated fields could be TSV with commas in its keys; a file that starts
    // with kds --save's header is kds's own CSV (keys with tabs in it are quoted) and is not in doubt.
    if (!isSavedHeader(rows[0] ?? []) && rows.some((row) => row.some((field) => field.includes('\t')))) {
      throw usage(`${name} looks like CSV but has tabs inside its fields (is it TSV with commas in its keys?): pass --format csv or --format tsv`);
    }
    return delimited(text, complete, hints, name, ',');
  }
  if (tabs > 0) return delimited(text, complete, hints, name, '\t');
  // A first row that names a key column among two or more fields settles the delimiter, even when
  // later rows are ragged (they are then reported as malformed).
  for (const d of [',', '\t', ';', '|']) {
    const rows = sampleRows(text, d, complete, 1);
    if (rows[0] !== undefined && rows[0].length >= 2 && rows[0].some((h) => KNOWN_HEADERS.key.includes(normaliseHeader(h)))) {
      return delimited(text, complete, hints, name, d);
    }
  }
  const sample = complete ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const hasComma = sample.includes(',');
  const hasTab = sample.includes('\t');
  if (hasComma || hasTab) {
    const which = hasTab ? 'tabs' : 'commas';
    const format = hasTab ? 'tsv' : 'csv';
    if (Object.keys(hints.columns).length > 0 || hints.header !== undefined) return delimited(text, complete, hints, name, hasTab ? '\t' : ',');
    throw usage(
      `${name} has ${which} on some lines but its rows do not split into the same number of fields: pass --format ${format} (short rows are then reported as malformed) or --format lines (each whole line is a key)`,
    );
  }
  if (Object.keys(hints.columns).length > 0 || hints.header !== undefined) return delimited(text, complete, hints, name, ',');
  return lineLayout(text, complete, name);
}
