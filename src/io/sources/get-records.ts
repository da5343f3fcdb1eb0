/**
 * The JSON that `aws kinesis get-records` prints: one response, several one after another (pretty
 * or one per line), or an array of them. Each record's PartitionKey is its key, its Data (base64)
 * gives the exact data size, and ApproximateArrivalTimestamp (epoch seconds, or ISO 8601 as the AWS
 * CLI v2 prints it) its second. Every record passes through expandRecord, which counts KPL
 * aggregates (and will de-aggregate them).
 */
import { Accumulator } from '../../core/keys/accumulate.js';
import { KeysError } from '../../core/keys/errors.js';
import { expandRecord, type ExpandStats } from '../../core/keys/expand.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import type { KeyRecord } from '../../core/keys/record.js';
import { EPOCH_MILLIS_FROM, parseTimestamp } from '../../core/keys/timestamp.js';
import type { ChunkConsumer } from '../chunks.js';
import type { ByteInput } from './bytes.js';
import type { ReadRequest, ReadResult } from './source.js';

/** JSON nested deeper than this is refused (get-records output is 4 levels deep). */
export const MAX_JSON_DEPTH = 64;

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Splits bytes holding JSON documents one after another into the documents, without parsing
 * them: strings and nesting are tracked so that a document ends at its closing bracket.
 */
export class JsonDocuments implements ChunkConsumer {
  /** Documents found so far. */
  count = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Bytes of the current document already scanned (relative to its start). */
  private scanned = 0;
  private line = 1;
  private docLine = 1;

  constructor(private readonly onDocument: (text: string, index: number, line: number) => void) {}

  push(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    let docStart = start;
    let p = start + this.scanned;
    if (this.depth === 0 && !this.inString) {
      // Between documents: skip white space and a byte order mark.
      while (p < end && (bytes[p] === 0x20 || bytes[p] === 0x0a || bytes[p] === 0x0d || bytes[p] === 0x09)) {
        if (bytes[p] === 0x0a) this.line++;
        p++;
      }
      if (p + 2 < end && bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf) p += 3;
      docStart = p;
      this.scanned = 0;
    }
    for (; p < end; p++) {
      const c = bytes[p]!;
      if (c === 0x0a) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        continue;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (this.depth === 0) {
          docStart = p;
          this.docLine = this.line;
        }
        this.depth++;
        if (this.depth > MAX_JSON_DEPTH) throw new KeysError(`the JSON is nested more than ${MAX_JSON_DEPTH} levels deep (line ${this.line}): it is not get-records output`, 'data');
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.depth < 0) throw new KeysError(`line ${this.line}: an unexpected '${String.fromCharCode(c)}' outside any JSON document`, 'data');
        if (this.depth === 0) {
          this.emit(bytes, docStart, p + 1);
          docStart = p + 1;
          this.scanned = 0;
          // Skip white space up to the next document.
          while (p + 1 < end && (bytes[p + 1] === 0x20 || bytes[p + 1] === 0x0a || bytes[p + 1] === 0x0d || bytes[p + 1] === 0x09)) {
            p++;
            if (bytes[p] === 0x0a) this.line++;
          }
          docStart = p + 1;
        }
      } else if (this.depth === 0 && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        throw new KeysError(`line ${this.line}: text outside any JSON document where get-records output was expected`, 'data');
      }
    }
    if (final) {
      if (this.depth !== 0 || this.inString) throw new KeysError(`the JSON ends in the middle of a document (it starts on line ${this.docLine})`, 'data');
      return end;
    }
    this.scanned = end - docStart;
    return docStart;
  }

  private emit(bytes: Uint8Array, start: number, end: number): void {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      throw new KeysError(`the JSON document starting on line ${this.docLine} is not valid UTF-8`, 'data');
    }
    this.onDocument(text, ++this.count, this.docLine);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrivalSecond(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value >= EPOCH_MILLIS_FROM ? value / 1000 : value;
  if (typeof value === 'string') {
    const bytes = encoder.encode(value);
    return parseTimestamp(bytes, 0, bytes.length);
  }
  return NaN;
}

export async function readGetRecords(input: ByteInput, request: ReadRequest): Promise<ReadResult> {
  const acc = new Accumulator({ map: request.map, maxKeys: request.maxKeys, strict: request.strict });
  const feeder = new RecordFeeder(acc, { timed: true, observedShards: false });
  const stats: ExpandStats = { aggregated: 0 };
  let rows = 0;
  const emit = (record: KeyRecord) => feeder.add(record, 0);

  const readRecord = (value: unknown, where: string) => {
    rows++;
    const bad = (reason: string) => acc.malformed(0, `${where}: ${reason}`);
    if (!isObject(value)) return bad('it is not a JSON object');
    const key = value.PartitionKey;
    if (typeof key !== 'string') return bad('it has no PartitionKey string');
    const data = value.Data;
    if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data)) return bad('its Data is not base64');
    const time = arrivalSecond(value.ApproximateArrivalTimestamp);
    if (Number.isNaN(time)) return bad('its ApproximateArrivalTimestamp is not a time');
    const bytes = Buffer.from(data, 'base64');
    const ehk = value.ExplicitHashKey;
    const record: KeyRecord = { key, dataBytes: bytes.length, time, ...(typeof ehk === 'string' && ehk.length > 0 ? { explicitHashKey: ehk } : {}) };
    expandRecord(record, bytes, stats, emit);
  };
  const readResponse = (value: unknown, where: string) => {
    if (!isObject(value) || !Array.isArray(value.Records)) {
      throw new KeysError(`${where} is not get-records output: it has no "Records" array`, 'data');
    }
    value.Records.forEach((r, i) => readRecord(r, `${where}, record ${i + 1}`));
  };
  const documents = new JsonDocuments((text, index, line) => {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new KeysError(`the JSON document starting on line ${line} does not parse: ${(error as Error).message}`, 'data');
    }
    const where = `response ${index} (line ${line})`;
    if (Array.isArray(doc)) doc.forEach((d, i) => readResponse(d, `response ${i + 1} of the array on line ${line}`));
    else readResponse(doc, where);
  });
  const bytesRead = await input.pump(documents, request.onProgress);
  return {
    acc,
    bytesRead,
    rows,
    header: false,
    columns: { key: 'PartitionKey', bytes: 'Data', time: 'ApproximateArrivalTimestamp' },
    hasBytes: true,
    aggregatedRecords: stats.aggregated,
  };
}
