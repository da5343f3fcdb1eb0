/**
 * Reads rows of keys from bytes, chunk by chunk: CSV as people and tools write it (RFC 4180 quoting
 * with commas, doubled quotes and newlines inside quotes; CRLF or LF; a UTF-8 byte order mark;
 * blank lines), the same with another one-byte delimiter (TSV), with or without a header row, or
 * plain text with one key per line.
 *
 * The scanner never makes a string per row. It finds field boundaries in the caller's buffer and
 * hands byte ranges to a RowSink. push() consumes whole rows only and returns where the first
 * incomplete row starts, so the caller keeps those bytes and pushes them again with more data.
 *
 * Rules a reader may want to know:
 * - Only a quote at the start of a field opens a quoted field; a quote inside an unquoted field is
 *   an ordinary byte. Text after a closing quote (`"ab"c`) makes the row malformed.
 * - A line that is empty (or only CR) is skipped. A line of spaces is a key of spaces: keys are
 *   never trimmed.
 * - Numbers (bytes, counts) are plain whole decimals (./whole-number.ts); timestamps follow ./timestamp.ts.
 */
import { quoted } from '../quote.js';
import { Fnv, fnv1a } from './key-table.js';
import { isoSecondsAt, parseTimestamp, subsecondDigits } from './timestamp.js';
import { wholeNumber } from './whole-number.js';
import { bomLength } from './utf8.js';

/** Column positions (0-based) of the fields the analysis reads; -1 when absent. */
export interface Columns {
  readonly key: number;
  readonly bytes: number;
  readonly time: number;
  readonly count: number;
  readonly ehk: number;
  /** The shard each record was read from (a saved live read). */
  readonly shard: number;
  /** 1 (or true) for a user record taken out of a KPL aggregate (a saved live read). */
  readonly kpl: number;
}

/**
 * Set in `observed` (see RowSink.row) when the record came out of a KPL aggregate: the aggregate
 * went where its first user record's hash key sent it, so this record's own key may point elsewhere.
 */
export const FROM_AGGREGATE = 1 << 30;

/** True for a flag field that says yes: "1" or "true" (any case). */
function isYes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start === 1) return bytes[start] === 0x31;
  return end - start === 4 && (bytes[start]! | 0x20) === 0x74 && (bytes[start + 1]! | 0x20) === 0x72 && (bytes[start + 2]! | 0x20) === 0x75 && (bytes[start + 3]! | 0x20) === 0x65;
}

/**
 * Reads and counts the plain rows of bytes[start, end) in one loop, updating the scanner's line
 * and row counts; returns where it stopped: the end, or the first row it leaves to the scanner.
 */
export type RowCounter = (bytes: Uint8Array, start: number, end: number, scanner: Scanner) => number;

export interface RowSink {
  /**
   * A loop that reads and counts the common rows itself (no per-row call), for these columns, or
   * undefined: then every row comes through row(). Asked once the columns are known.
   */
  rowCounter?(columns: Columns): RowCounter | undefined;
  /**
   * One record (or `count` records) of partition key bytes[keyStart, keyEnd). ehkStart is -1 when
   * there is no explicit hash key. dataBytes is 0 without a bytes column; second is NaN without a
   * time column.
   */
  row(
    bytes: Uint8Array,
    keyStart: number,
    keyEnd: number,
    /** FNV-1a of the key bytes (see fnv1a in ./key-table.ts), computed while scanning. */
    keyHash: number,
    ehk: Uint8Array,
    ehkStart: number,
    ehkEnd: number,
    dataBytes: number,
    count: number,
    second: number,
    line: number,
    /**
     * Index of the shard the record was read from, or -1 when the input does not say; with
     * FROM_AGGREGATE set for a user record taken out of a KPL aggregate.
     */
    observed: number,
  ): void;
  /** A row that cannot be read; line is the (1-based) line where it starts. */
  malformed(line: number, reason: string): void;
  /**
   * The index of the shard whose id is bytes[start, end), -1 for an empty field; throws for an id
   * that is not an open shard of the stream.
   */
  observedShard(bytes: Uint8Array, start: number, end: number, line: number): number;
}

/** 'csv' is any delimited text (the delimiter is a setting); 'lines' is one key per line. */
export type Format = 'csv' | 'lines';

/** How to read the bytes: the format, the delimiter (a byte, comma by default) and whether the first row is a header. */
export interface ScanLayout {
  readonly format: Format;
  readonly delimiter?: number;
  readonly header?: boolean;
}

/**
 * Turns the header row into column positions; throws when a needed column is missing. Called with
 * undefined, once, for plain text (one key per line), where column flags make no sense. Without a
 * header row it is called with the column numbers ("1", "2", ...) of the first row, and `numbered`.
 */
export type HeaderResolver = (header: readonly string[] | undefined, numbered?: boolean) => Columns;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const MAX_TRACKED_FIELDS = 1024;

/**
 * A row counter is called on this many bytes at a time (a row that spans the window's end is left
 * for the next call). Short calls let the code the compiler makes for the counter take over at the
 * next call: in one long call the running loop would wait for a second compilation of its own
 * (on-stack replacement), and every way out of the loop runs before the compiler looks at it.
 */
const COUNTER_WINDOW = 16 * 1024;

/** What the fast path does with each field (a const enum: the values are written where used). */
export const enum Role {
  Skip = 0,
  Key = 1,
  Bytes = 2,
  Count = 3,
  Time = 4,
  Ehk = 5,
  Shard = 6,
  Kpl = 7,
}
/** fastRow could not read the row; the general path reads it (and reports any problem). */
const USE_GENERAL = -2;

const decoder = new TextDecoder('utf-8');

export class Scanner {
  /** Line number of the next unread byte (1-based). */
  line = 1;
  /** Rows handed to the sink or reported malformed (the header excluded). */
  rows = 0;
  /** Blank lines skipped. */
  blankLines = 0;
  header: readonly string[] | undefined;
  columns: Columns | undefined;
  /** The input ended inside a quoted field. */
  unterminatedQuote = false;

  /** What each column up to the last one read is for (Role.Skip, Role.Key, ...). */
  roles = new Uint8Array(0);
  /** Columns a row needs: up to the last one read. */
  need = 0;

  private bomChecked = false;
  private counter: RowCounter | undefined;
  private readonly fieldStart = new Int32Array(MAX_TRACKED_FIELDS);
  private readonly fieldEnd = new Int32Array(MAX_TRACKED_FIELDS);
  private readonly fieldEscaped = new Uint8Array(MAX_TRACKED_FIELDS);
  private fieldCount = 0;
  private rowNewlines = 0;
  private rowProblem: string | undefined;
  private keyScratch = new Uint8Array(1024);
  private ehkScratch = new Uint8Array(64);

  readonly format: Format;
  /** The field delimiter byte. */
  readonly delimiter: number;
  /** The first row names the columns. */
  readonly headerRow: boolean;

  constructor(
    private readonly sink: RowSink,
    layout: Format | ScanLayout,
    private readonly resolve: HeaderResolver,
  ) {
    const l = typeof layout === 'string' ? { format: layout } : layout;
    this.format = l.format;
    this.delimiter = l.delimiter ?? COMMA;
    this.headerRow = l.header ?? true;
  }

  /**
   * Reads whole rows from bytes[start, end) and returns the offset of the first byte not consumed
   * (the start of an incomplete row). With final set, everything is consumed.
   */
  push(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    let p = start;
    if (!this.bomChecked) {
      if (end - p < 3 && !final) return p;
      p += bomLength(bytes, p, end);
      this.bomChecked = true;
    }
    if (this.format === 'lines' && this.columns === undefined) this.columns = this.resolve(undefined);
    while (p < end) {
      if (this.format === 'csv' && this.columns !== undefined) {
        if (this.counter === undefined) p = this.fastRows(bytes, p, end);
        else {
          // In windows of COUNTER_WINDOW bytes: see COUNTER_WINDOW.
          const next = this.counter(bytes, p, Math.min(end, p + COUNTER_WINDOW), this);
          if (next > p) {
            p = next;
            continue;
          }
          // Where the counter stopped, the rest may be the start of a row to be completed by the
          // next chunk: then there is nothing for the general path to do yet.
          if (!final && !hasLineFeed(bytes, p, end)) return p;
        }
        if (p >= end) break;
      }
      const c = bytes[p];
      if (c === LF) {
        p++;
        this.line++;
        this.blankLines++;
        continue;
      }
      if (c === CR) {
        if (p + 1 === end && !final) return p;
        if (p + 1 === end || bytes[p + 1] === LF) {
          p += 2;
          this.line++;
          this.blankLines++;
          continue;
        }
      }
      let next: number;
      if (this.format === 'lines') next = this.lineRow(bytes, p, end, final);
      else {
        next = this.columns === undefined ? USE_GENERAL : this.fastRow(bytes, p, end);
        if (next === USE_GENERAL || (next === -1 && final)) next = this.csvRow(bytes, p, end, final);
      }
      if (next < 0) return p;
      p = next;
    }
    return Math.min(p, end);
  }

  /** Plain text: the whole line is the key (a trailing CR is dropped). */
  private lineRow(bytes: Uint8Array, p: number, end: number, final: boolean): number {
    let r = p;
    let h: number = Fnv.Offset;
    for (; r < end; r++) {
      const b = bytes[r]!;
      if (b === LF) break;
      h = Math.imul(h ^ b, Fnv.Prime);
    }
    if (r === end && !final) return -1;
    let keyEnd = r;
    if (bytes[keyEnd - 1] === CR) {
      keyEnd--;
      h = fnv1a(bytes, p, keyEnd);
    }
    const line = this.line;
    this.line++;
    this.rows++;
    this.sink.row(bytes, p, keyEnd, h, bytes, -1, -1, 0, 1, NaN, line, -1);
    return r < end ? r + 1 : end;
  }

  /** Reads rows on the fast path until one needs the general path (or more data); returns where it stopped. */
  private fastRows(bytes: Uint8Array, start: number, end: number): number {
    let p = start;
    while (p < end) {
      const c = bytes[p];
      if (c === LF) {
        p++;
        this.line++;
        this.blankLines++;
        continue;
      }
      if (c === CR) break;
      const next = this.fastRow(bytes, p, end);
      if (next < 0) break;
      p = next;
    }
    return p;
  }

  /**
   * The common case in one pass: a row without quotes whose fields are all readable. The key's
   * hash is computed and numbers are parsed while scanning. Returns the offset after the row, -1
   * when the row is incomplete, or USE_GENERAL for anything unusual.
   */
  private fastRow(bytes: Uint8Array, p: number, end: number): number {
    const roles = this.roles;
    const delim = this.delimiter;
    let r = p;
    let field = 0;
    let h: number = Fnv.Offset;
    let ks = 0;
    let ke = 0;
    let dataBytes = 0;
    let count = 1;
    let second = NaN;
    let es = -1;
    let ee = -1;
    let ss = -1;
    let se = -1;
    let fromAggregate = false;
    for (;;) {
      if (r >= end) return -1;
      if (bytes[r] === QUOTE) return USE_GENERAL;
      const role = field < roles.length ? roles[field]! : Role.Skip;
      const fs = r;
      if (role === Role.Key) {
        for (; r < end; r++) {
          const b = bytes[r]!;
          if (b === delim || b === LF) break;
          h = Math.imul(h ^ b, Fnv.Prime);
        }
        ks = fs;
        ke = r;
      } else if (role === Role.Bytes || role === Role.Count) {
        let v = 0;
        for (; r < end; r++) {
          const d = bytes[r]! - 0x30;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
        }
        // ./whole-number.ts's rule inlined for bare digits; anything else (no digits, more than 15,
        // spaces around them) is left to the general path, which applies the rule in full.
        if (r === fs || r - fs > 15) return USE_GENERAL;
        if (role === Role.Bytes) dataBytes = v;
        else count = v;
      } else if (role === Role.Time) {
        // Sorted input repeats the last timestamp's second row after row: check for that first.
        const length = this.lastTimeLength;
        const after = fs + length;
        let same = false;
        if (length > 0 && after < end) {
          const d = bytes[after];
          if (d === delim || d === LF || (d === CR && after + 1 < end && bytes[after + 1] === LF)) same = this.sameSecond(bytes, fs);
        }
        if (same) {
          r = after;
          second = this.lastSecond;
        } else {
          for (; r < end; r++) {
            const b = bytes[r]!;
            if (b === delim || b === LF) break;
          }
          const fe = r < end && bytes[r] === LF && bytes[r - 1] === CR ? r - 1 : r;
          second = this.timeField(bytes, fs, fe);
          if (Number.isNaN(second)) return USE_GENERAL;
        }
      } else {
        for (; r < end; r++) {
          const b = bytes[r]!;
          if (b === delim || b === LF) break;
        }
        if (role === Role.Ehk) {
          es = fs;
          ee = r;
        } else if (role === Role.Shard) {
          ss = fs;
          se = r;
        } else if (role === Role.Kpl) fromAggregate = isYes(bytes, fs, r);
      }
      if (r >= end) return -1;
      const b = bytes[r];
      if (b === delim) {
        field++;
        r++;
        continue;
      }
      if (b !== LF) {
        // A number followed by something else ("12a", "12\r" at the end of a CRLF line).
        if (b === CR && r + 1 < end && bytes[r + 1] === LF) {
          r++;
        } else return USE_GENERAL;
      } else if (r > fs && bytes[r - 1] === CR) {
        if (role === Role.Key) {
          ke = r - 1;
          h = fnv1a(bytes, ks, ke);
        } else if (role === Role.Ehk) ee = r - 1;
        else if (role === Role.Shard) se = r - 1;
        else if (role === Role.Kpl) fromAggregate = isYes(bytes, fs, r - 1);
      }
      break;
    }
    if (field + 1 < this.need || ke === ks) return USE_GENERAL;
    if (es === ee) es = ee = -1;
    const line = this.line;
    let observed = ss < 0 ? -1 : this.sink.observedShard(bytes, ss, se, line);
    if (fromAggregate && observed >= 0) observed |= FROM_AGGREGATE;
    this.line++;
    this.rows++;
    this.sink.row(bytes, ks, ke, h, bytes, es, ee, dataBytes, count, second, line, observed);
    return r + 1;
  }

  /**
   * Splits one CSV row into fields (boundaries in fieldStart/fieldEnd). Returns the offset after
   * the row, or -1 when the row continues past `end` and more data may come.
   */
  private splitRow(bytes: Uint8Array, p: number, end: number, final: boolean): number {
    const delim = this.delimiter;
    let q = p;
    let field = 0;
    this.rowNewlines = 0;
    this.rowProblem = undefined;
    for (;;) {
      let fs: number;
      let fe: number;
      let escaped = 0;
      let r: number;
      if (q < end && bytes[q] === QUOTE) {
        r = q + 1;
        for (;;) {
          if (r >= end) {
            if (!final) return -1;
            this.rowProblem ??= 'a quoted field is never closed';
            this.unterminatedQuote = true;
            break;
          }
          const b = bytes[r];
          if (b === QUOTE) {
            if (r + 1 >= end && !final) return -1;
            if (r + 1 < end && bytes[r + 1] === QUOTE) {
              escaped = 1;
              r += 2;
              continue;
            }
            break;
          }
          if (b === LF) this.rowNewlines++;
          r++;
        }
        fs = q + 1;
        fe = Math.min(r, end);
        r = Math.min(r + 1, end);
        // After the closing quote: a comma, the end of the line, or the end of the input.
        if (r < end && bytes[r] !== delim && bytes[r] !== LF && !(bytes[r] === CR && (r + 1 === end || bytes[r + 1] === LF))) {
          if (bytes[r] === CR && r + 1 === end && !final) return -1;
          this.rowProblem ??= 'text follows a closing quote';
          while (r < end && bytes[r] !== delim && bytes[r] !== LF) r++;
          if (r === end && !final) return -1;
        }
        if (r < end && bytes[r] === CR) {
          if (r + 1 === end && !final) return -1;
          r++;
        }
      } else {
        r = q;
        while (r < end) {
          const b = bytes[r];
          if (b === delim || b === LF) break;
          r++;
        }
        if (r === end && !final) return -1;
        fs = q;
        fe = r;
        if ((r === end || bytes[r] === LF) && fe > fs && bytes[fe - 1] === CR) fe--;
      }
      if (field < MAX_TRACKED_FIELDS) {
        this.fieldStart[field] = fs;
        this.fieldEnd[field] = fe;
        this.fieldEscaped[field] = escaped;
      }
      field++;
      if (r < end && bytes[r] === delim) {
        q = r + 1;
        continue;
      }
      this.fieldCount = field;
      return r < end ? r + 1 : end;
    }
  }

  private csvRow(bytes: Uint8Array, p: number, end: number, final: boolean): number {
    const next = this.splitRow(bytes, p, end, final);
    if (next < 0) return -1;
    const line = this.line;
    this.line += 1 + this.rowNewlines;
    if (this.columns === undefined) {
      if (this.headerRow) {
        this.readHeader(bytes);
        return next;
      }
      const numbers = Array.from({ length: Math.min(this.fieldCount, MAX_TRACKED_FIELDS) }, (_, i) => String(i + 1));
      this.useColumns(this.resolve(numbers, true));
    }
    this.rows++;
    if (this.rowProblem !== undefined) {
      this.sink.malformed(line, this.rowProblem);
      return next;
    }
    const cols = this.columns!;
    const have = this.fieldCount;
    const need = this.need;
    if (have < need) {
      this.sink.malformed(line, `expected at least ${need} fields, found ${have}`);
      return next;
    }
    let ks = this.fieldStart[cols.key]!;
    let ke = this.fieldEnd[cols.key]!;
    let keyBytes = bytes;
    if (this.fieldEscaped[cols.key] === 1) {
      keyBytes = this.unescape(bytes, ks, ke, 'key');
      ke = this.unescapedLength;
      ks = 0;
    }
    if (ke === ks) {
      this.sink.malformed(line, 'the partition key is empty');
      return next;
    }
    let dataBytes = 0;
    if (cols.bytes >= 0) {
      dataBytes = wholeNumber(bytes, this.fieldStart[cols.bytes]!, this.fieldEnd[cols.bytes]!);
      if (dataBytes < 0) {
        this.sink.malformed(line, `the bytes field ${this.quoteField(bytes, cols.bytes)} is not a whole number`);
        return next;
      }
    }
    let count = 1;
    if (cols.count >= 0) {
      count = wholeNumber(bytes, this.fieldStart[cols.count]!, this.fieldEnd[cols.count]!);
      if (count < 0) {
        this.sink.malformed(line, `the count field ${this.quoteField(bytes, cols.count)} is not a whole number`);
        return next;
      }
    }
    let second = NaN;
    if (cols.time >= 0) {
      second = this.timeField(bytes, this.fieldStart[cols.time]!, this.fieldEnd[cols.time]!);
      if (Number.isNaN(second)) {
        this.sink.malformed(
          line,
          `the time field ${this.quoteField(bytes, cols.time)} is not an ISO 8601 date-time or epoch seconds/milliseconds`,
        );
        return next;
      }
    }
    let ehk = bytes;
    let es = -1;
    let ee = -1;
    if (cols.ehk >= 0) {
      es = this.fieldStart[cols.ehk]!;
      ee = this.fieldEnd[cols.ehk]!;
      if (this.fieldEscaped[cols.ehk] === 1) {
        ehk = this.unescape(bytes, es, ee, 'ehk');
        ee = this.unescapedLength;
        es = 0;
      }
      if (es === ee) es = ee = -1;
    }
    let observed = cols.shard >= 0 ? this.sink.observedShard(bytes, this.fieldStart[cols.shard]!, this.fieldEnd[cols.shard]!, line) : -1;
    if (cols.kpl >= 0 && observed >= 0 && isYes(bytes, this.fieldStart[cols.kpl]!, this.fieldEnd[cols.kpl]!)) observed |= FROM_AGGREGATE;
    this.sink.row(keyBytes, ks, ke, fnv1a(keyBytes, ks, ke), ehk, es, ee, dataBytes, count, second, line, observed);
    return next;
  }

  private unescapedLength = 0;
  /**
   * The last timestamp parsed: its bytes, their length (-1 for none), its second, and the range of
   * its digits that can change without changing the second (milliseconds, say).
   */
  readonly lastTime = new Uint8Array(64);
  readonly lastTimeView = new DataView(this.lastTime.buffer);
  lastTimeLength = -1;
  lastSecond = NaN;
  timeDigitsFrom = 0;
  timeDigitsTo = 0;
  /** Where the last timestamp's ISO seconds digits are (see nextSecond), or -1. */
  private timeSecondsAt = -1;

  /**
   * True when the lastTimeLength bytes at `start` are the last timestamp parsed, but for digits
   * that do not change its second: then they are that second. The caller checks that the field
   * has that length.
   */
  sameSecond(bytes: Uint8Array, start: number): boolean {
    const last = this.lastTime;
    const from = this.timeDigitsFrom;
    const to = this.timeDigitsTo;
    const length = this.lastTimeLength;
    for (let k = 0; k < from; k++) if (bytes[start + k] !== last[k]) return false;
    for (let k = from; k < to; k++) {
      const d = bytes[start + k]! - 0x30;
      if (d < 0 || d > 9) return false;
    }
    for (let k = to; k < length; k++) if (bytes[start + k] !== last[k]) return false;
    return true;
  }

  /**
   * The second of the lastTimeLength bytes at `start` when they differ from the last ISO timestamp
   * parsed only in its seconds digits (and in digits below the second): the last second moved by
   * the difference, which is what parsing them gives, and they become the last timestamp. NaN
   * otherwise (a leap second included). Sorted input with about a row a second is mostly this.
   * The caller checks the length.
   */
  nextSecond(bytes: Uint8Array, start: number): number {
    const at = this.timeSecondsAt;
    if (at < 0) return NaN;
    const tens = bytes[start + at]! - 0x30;
    const ones = bytes[start + at + 1]! - 0x30;
    if (tens < 0 || tens > 5 || ones < 0 || ones > 9) return NaN;
    const last = this.lastTime;
    const from = this.timeDigitsFrom;
    const to = this.timeDigitsTo;
    for (let k = 0; k < this.lastTimeLength; k++) {
      if (k === at || k === at + 1) continue;
      if (k >= from && k < to) {
        const d = bytes[start + k]! - 0x30;
        if (d < 0 || d > 9) return NaN;
      } else if (bytes[start + k] !== last[k]) return NaN;
    }
    // A leap second (60) was read as 59.
    const before = Math.min((last[at]! - 0x30) * 10 + (last[at + 1]! - 0x30), 59);
    last[at] = bytes[start + at]!;
    last[at + 1] = bytes[start + at + 1]!;
    this.lastSecond += tens * 10 + ones - before;
    return this.lastSecond;
  }

  /** Parses a timestamp, reusing the last result when it is the same second or the next few (sorted input mostly is). */
  timeField(bytes: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len === this.lastTimeLength) {
      if (this.sameSecond(bytes, start)) return this.lastSecond;
      const next = this.nextSecond(bytes, start);
      if (!Number.isNaN(next)) return next;
    }
    const second = parseTimestamp(bytes, start, end);
    if (len <= this.lastTime.length && !Number.isNaN(second)) {
      this.lastTime.set(bytes.subarray(start, end));
      this.lastTimeLength = len;
      this.lastSecond = second;
      const digits = subsecondDigits(bytes, start, end);
      this.timeDigitsFrom = digits >>> 16;
      this.timeDigitsTo = digits & 0xffff;
      this.timeSecondsAt = isoSecondsAt(bytes, start, end);
    }
    return second;
  }

  /** Copies a quoted field's bytes with each doubled quote made single. */
  private unescape(bytes: Uint8Array, start: number, end: number, which: 'key' | 'ehk'): Uint8Array {
    let out = which === 'key' ? this.keyScratch : this.ehkScratch;
    if (out.length < end - start) {
      out = new Uint8Array(end - start);
      if (which === 'key') this.keyScratch = out;
      else this.ehkScratch = out;
    }
    let n = 0;
    for (let p = start; p < end; p++) {
      out[n++] = bytes[p]!;
      if (bytes[p] === QUOTE) p++;
    }
    this.unescapedLength = n;
    return out;
  }

  private fieldText(bytes: Uint8Array, i: number): string {
    const s = this.fieldStart[i]!;
    const e = this.fieldEnd[i]!;
    const text = decoder.decode(bytes.subarray(s, e));
    return this.fieldEscaped[i] === 1 ? text.replaceAll('""', '"') : text;
  }

  private quoteField(bytes: Uint8Array, i: number): string {
    return quoted(this.fieldText(bytes, i), 40);
  }

  private readHeader(bytes: Uint8Array): void {
    const names: string[] = [];
    for (let i = 0; i < Math.min(this.fieldCount, MAX_TRACKED_FIELDS); i++) names.push(this.fieldText(bytes, i));
    this.header = names;
    this.useColumns(this.resolve(names));
  }

  private useColumns(cols: Columns): void {
    this.columns = cols;
    this.need = Math.max(cols.key, cols.bytes, cols.time, cols.count, cols.ehk, cols.shard, cols.kpl) + 1;
    const roles = new Uint8Array(this.need);
    const assign = (column: number, role: number) => {
      if (column >= 0) roles[column] = role;
    };
    assign(cols.key, Role.Key);
    assign(cols.bytes, Role.Bytes);
    assign(cols.count, Role.Count);
    assign(cols.time, Role.Time);
    assign(cols.ehk, Role.Ehk);
    assign(cols.shard, Role.Shard);
    assign(cols.kpl, Role.Kpl);
    this.roles = roles;
    this.counter = this.sink.rowCounter?.(cols);
  }

  /**
   * Starts in the middle of an input whose format and columns are already known (the second
   * half of a file read by two threads): no byte order mark, no header. Line numbers count from
   * the starting point.
   */
  continueWith(columns: Columns): void {
    this.bomChecked = true;
    this.useColumns(columns);
  }

}

/** True when bytes[start, end) holds a line feed. */
function hasLineFeed(bytes: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (bytes[p] === LF) return true;
  return false;
}
