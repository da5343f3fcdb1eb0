/**
 * KPL aggregates for tests: awslabs' aws-kinesis-agg (the reference) to make and read them, and a
 * small encoder of our own that can also write what the reference never does (fields out of
 * order, unknown fields, broken tables) for property tests.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface AggModule {
  aggregate(
    records: { partitionKey: string; explicitHashKey?: string; data: Buffer }[],
    encoded: (record: { partitionKey: string; explicitHashKey?: string; data: Buffer }, done: (err?: Error) => void) => void,
    after: () => void,
    onError: (err: Error) => void,
  ): void;
  deaggregateSync(
    record: { PartitionKey: string; Data: string; SequenceNumber: string; ExplicitHashKey?: string },
    checksums: boolean,
    done: (err: Error | null | undefined, records?: { PartitionKey: string; ExplicitPartitionKey?: string; Data: string }[]) => void,
  ): void;
}

export const reference = require('aws-kinesis-agg') as AggModule;

export interface PlainUserRecord {
  readonly key: string;
  readonly explicitHashKey?: string;
  readonly data: Uint8Array;
}

/** Aggregates with the reference implementation: one or more Kinesis records. */
export function referenceAggregate(records: readonly PlainUserRecord[]): Promise<{ partitionKey: string; explicitHashKey?: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    const out: { partitionKey: string; explicitHashKey?: string; data: Buffer }[] = [];
    reference.aggregate(
      records.map((r) => ({
        partitionKey: r.key,
        ...(r.explicitHashKey === undefined ? {} : { explicitHashKey: r.explicitHashKey }),
        data: Buffer.from(r.data),
      })),
      (encoded, done) => {
        out.push({ ...encoded, data: Buffer.from(encoded.data) });
        done();
      },
      () => resolve(out),
      (err) => reject(err),
    );
  });
}

/** De-aggregates with the reference implementation, checksums on. */
export function referenceDeaggregate(data: Uint8Array, key: string): { key: string; explicitHashKey?: string; data: Buffer }[] {
  let result: { key: string; explicitHashKey?: string; data: Buffer }[] | undefined;
  let failure: Error | undefined;
  reference.deaggregateSync(
    { PartitionKey: key, Data: Buffer.from(data).toString('base64'), SequenceNumber: '1' },
    true,
    (err, records) => {
      if (err) failure = err;
      else {
        result = (records ?? []).map((r) => ({
          key: r.PartitionKey,
          ...(r.ExplicitPartitionKey === undefined || r.ExplicitPartitionKey === null ? {} : { explicitHashKey: r.ExplicitPartitionKey }),
          data: Buffer.from(r.Data, 'base64'),
        }));
      }
    },
  );
  if (failure) throw failure;
  return result!;
}

// ---- our own encoder -------------------------------------------------------------------------

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 128) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

function field(number: number, wire: number): number[] {
  return varint(number * 8 + wire);
}

function bytesField(number: number, value: Uint8Array): number[] {
  return [...field(number, 2), ...varint(value.length), ...value];
}

function varintField(number: number, value: number): number[] {
  return [...field(number, 0), ...varint(value)];
}

export interface EncodeOptions {
  /** Write the records before the key tables (protobuf allows any order). */
  readonly recordsFirst?: boolean;
  /** Add fields the format does not define (a reader must skip them). */
  readonly unknownFields?: boolean;
}

/** The protobuf bytes of an AggregatedRecord holding these user records. */
export function encodeProtobuf(records: readonly PlainUserRecord[], options: EncodeOptions = {}): Uint8Array {
  const keys: string[] = [];
  const hashKeys: string[] = [];
  const indexOf = (table: string[], value: string): number => {
    const i = table.indexOf(value);
    if (i >= 0) return i;
    table.push(value);
    return table.length - 1;
  };
  const encoder = new TextEncoder();
  const recordBytes: number[] = [];
  for (const r of records) {
    const inner: number[] = [...varintField(1, indexOf(keys, r.key))];
    if (r.explicitHashKey !== undefined) inner.push(...varintField(2, indexOf(hashKeys, r.explicitHashKey)));
    inner.push(...bytesField(3, r.data));
    // A tag (field 4, a message with a key) and a field the format does not define.
    if (options.unknownFields) inner.push(...bytesField(4, Uint8Array.from(bytesField(1, encoder.encode('tag')))), ...varintField(9, 300));
    recordBytes.push(...bytesField(3, Uint8Array.from(inner)));
  }
  const tables: number[] = [];
  for (const k of keys) tables.push(...bytesField(1, encoder.encode(k)));
  for (const h of hashKeys) tables.push(...bytesField(2, encoder.encode(h)));
  const extra = options.unknownFields ? [...varintField(7, 12345), ...bytesField(8, Uint8Array.of(1, 2, 3))] : [];
  return Uint8Array.from(options.recordsFirst ? [...recordBytes, ...extra, ...tables] : [...tables, ...extra, ...recordBytes]);
}

/** Magic bytes + protobuf + MD5 of the protobuf: a complete aggregated record. */
export function frame(protobuf: Uint8Array): Uint8Array {
  const digest = createHash('md5').update(protobuf).digest();
  return Uint8Array.from([0xf3, 0x89, 0x9a, 0xc2, ...protobuf, ...digest]);
}

export function encodeAggregate(records: readonly PlainUserRecord[], options: EncodeOptions = {}): Uint8Array {
  return frame(encodeProtobuf(records, options));
}
