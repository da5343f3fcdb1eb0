/**
 * The JSON that `aws kinesis get-records` prints: one response, several one after another (pretty
 * or one per line), or an array of them. Each record's PartitionKey is its key, its Data (base64)
 * gives the exact data size, and ApproximateArrivalTimestamp (epoch seconds, or ISO 8601 as the AWS
 * CLI v2 prints it) its second. Every record passes through expandRecord, which de-aggregates KPL
 * aggregates into their user records.
 */
import { Accumulator } from '../../core/keys/accumulate.js';
import { KeysError } from '../../core/keys/errors.js';
import { expandRecord, newExpandStats } from '../../core/keys/expand.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import type { KeyRecord } from '../../core/keys/record.js';
import { EPOCH_MILLIS_FROM, parseTimestamp } from '../../core/keys/timestamp.js';
import type { ByteInput } from './bytes.js';
import { JsonDocuments } from '../../core/keys/json-document-split.js';
import type { ReadRequest, ReadResult } from './source.js';

const encoder = new TextEncoder();
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

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
  const stats = newExpandStats();
  let rows = 0;
  const emit = (record: KeyRecord) => feeder.add(record, 0);

  const readRecord = (value: unknown, where: string) => {
    rows++;
    const bad = (reason: string) => acc.malformed(0, `${where}: ${reason}`);
    if (!isObject(value)) return bad('it is not a JSON object');
    const key = value.PartitionKey;
    if (typeof key !== 'string') return bad('it has no PartitionKey (a stream with AUTO record distribution stores records without one)');
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
  const documents = new JsonDocuments('get-records output', (text, index, line) => {
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
    kpl: { userRecords: stats.userRecords, corrupt: stats.corrupt, checksumMismatches: stats.checksumMismatches },
  };
}
