/**
 * KPL de-aggregation: turns one Kinesis record into the user records a KPL producer packed into it.
 *
 * An aggregated record is the magic bytes, a protobuf AggregatedRecord (a table of partition keys,
 * a table of explicit hash keys, and records that point into both tables), then the MD5 of the
 * protobuf bytes. As the KCL does, a record without the magic bytes, or whose checksum does not
 * match, is a plain record. A record whose checksum matches but whose protobuf cannot be read is
 * corrupt: it stays one record under its outer key, and the caller reports it.
 */
import { KEYS } from '../facts.js';
import { md5Words } from '../keys/md5.js';
import { ProtobufError, ProtoReader, WIRE_LENGTH, WIRE_VARINT } from './protobuf.js';

/** The four bytes every aggregated record starts with, from the fact ("F3 89 9A C2"). */
export const KPL_MAGIC: Uint8Array = Uint8Array.from(KEYS.kplMagicBytes.value.split(' ').map((h) => parseInt(h, 16)));
/** An MD5 digest is 16 bytes. */
const DIGEST_BYTES = 16;

/** AggregatedRecord fields. */
const AGG_PARTITION_KEY_TABLE = 1;
const AGG_EXPLICIT_HASH_KEY_TABLE = 2;
const AGG_RECORDS = 3;
/** Record fields. */
const REC_PARTITION_KEY_INDEX = 1;
const REC_EXPLICIT_HASH_KEY_INDEX = 2;
const REC_DATA = 3;

export interface UserRecord {
  readonly key: string;
  /** Set when the producer gave the user record an explicit hash key. */
  readonly explicitHashKey?: string;
  /** The user record's data: a view into the input, not a copy. */
  readonly data: Uint8Array;
}

/**
 * 'plain': no magic bytes, one record. 'aggregate': de-aggregated. 'checksum-mismatch': starts with
 * the magic bytes but the MD5 does not match, so a plain record (as the KCL treats it). 'corrupt':
 * the MD5 matches but the protobuf is unreadable, so one record under its outer key.
 */
export type RecordKind = 'plain' | 'aggregate' | 'checksum-mismatch' | 'corrupt';

export interface Deaggregated {
  /** The user records; the outer record alone unless `kind` is 'aggregate'. */
  readonly records: readonly UserRecord[];
  readonly kind: RecordKind;
  /** Why a corrupt aggregate could not be read. */
  readonly problem?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const digestScratch = new Uint32Array(4);

/** True when the bytes start with the KPL magic bytes. */
export function hasKplMagic(data: Uint8Array): boolean {
  if (data.length < KPL_MAGIC.length) return false;
  for (let i = 0; i < KPL_MAGIC.length; i++) if (data[i] !== KPL_MAGIC[i]) return false;
  return true;
}

function checksumMatches(data: Uint8Array): boolean {
  const end = data.length - DIGEST_BYTES;
  md5Words(data, KPL_MAGIC.length, end, digestScratch, 0);
  for (let w = 0; w < 4; w++) {
    const word = digestScratch[w]!;
    const p = end + w * 4;
    const stored = ((data[p]! << 24) | (data[p + 1]! << 16) | (data[p + 2]! << 8) | data[p + 3]!) >>> 0;
    if (stored !== word) return false;
  }
  return true;
}

function plain(data: Uint8Array, key: string, ehk: string | undefined, kind: RecordKind, problem?: string): Deaggregated {
  const record: UserRecord = ehk === undefined ? { key, data } : { key, explicitHashKey: ehk, data };
  return problem === undefined ? { records: [record], kind } : { records: [record], kind, problem };
}

function text(bytes: Uint8Array, [start, end]: [number, number], what: string): string {
  try {
    return utf8.decode(bytes.subarray(start, end));
  } catch {
    throw new ProtobufError(`${what} is not valid UTF-8`);
  }
}

interface RawRecord {
  keyIndex: number;
  ehkIndex: number;
  data: [number, number] | undefined;
}

function readRecord(bytes: Uint8Array, [start, end]: [number, number], n: number): RawRecord {
  const r = new ProtoReader(bytes, start, end);
  const raw: RawRecord = { keyIndex: -1, ehkIndex: -1, data: undefined };
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === REC_PARTITION_KEY_INDEX && wire === WIRE_VARINT) raw.keyIndex = r.varint();
    else if (field === REC_EXPLICIT_HASH_KEY_INDEX && wire === WIRE_VARINT) raw.ehkIndex = r.varint();
    else if (field === REC_DATA && wire === WIRE_LENGTH) raw.data = r.lengthDelimited();
    else if (field <= REC_DATA) throw new ProtobufError(`user record #${n + 1} has field ${field} with wire type ${wire}`);
    else r.skip(wire);
  }
  if (raw.keyIndex < 0) throw new ProtobufError(`user record #${n + 1} has no partition key index`);
  if (raw.data === undefined) throw new ProtobufError(`user record #${n + 1} has no data`);
  return raw;
}

function readAggregate(bytes: Uint8Array, start: number, end: number): UserRecord[] {
  const r = new ProtoReader(bytes, start, end);
  const keys: string[] = [];
  const hashKeys: string[] = [];
  const raws: RawRecord[] = [];
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field <= AGG_RECORDS && wire !== WIRE_LENGTH) throw new ProtobufError(`field ${field} has wire type ${wire}`);
    if (field === AGG_PARTITION_KEY_TABLE) keys.push(text(bytes, r.lengthDelimited(), 'a partition key'));
    else if (field === AGG_EXPLICIT_HASH_KEY_TABLE) hashKeys.push(text(bytes, r.lengthDelimited(), 'an explicit hash key'));
    else if (field === AGG_RECORDS) raws.push(readRecord(bytes, r.lengthDelimited(), raws.length));
    else r.skip(wire);
  }
  if (raws.length === 0) throw new ProtobufError('it holds no user records');
  return raws.map((raw, n) => {
    const key = keys[raw.keyIndex];
    if (key === undefined) {
      throw new ProtobufError(`user record #${n + 1} points to partition key ${raw.keyIndex} of ${keys.length}`);
    }
    const data = bytes.subarray(raw.data![0], raw.data![1]);
    if (raw.ehkIndex < 0) return { key, data };
    const explicitHashKey = hashKeys[raw.ehkIndex];
    if (explicitHashKey === undefined) {
      throw new ProtobufError(`user record #${n + 1} points to explicit hash key ${raw.ehkIndex} of ${hashKeys.length}`);
    }
    return { key, explicitHashKey, data };
  });
}

/**
 * The user records inside one Kinesis record that was written with partition key `outerKey` (and
 * `outerEhk`, when known). Never throws: unreadable aggregates come back as `corrupt`.
 */
export function deaggregate(data: Uint8Array, outerKey: string, outerEhk?: string): Deaggregated {
  if (!hasKplMagic(data) || data.length < KPL_MAGIC.length + DIGEST_BYTES) return plain(data, outerKey, outerEhk, 'plain');
  if (!checksumMatches(data)) return plain(data, outerKey, outerEhk, 'checksum-mismatch');
  try {
    const records = readAggregate(data, KPL_MAGIC.length, data.length - DIGEST_BYTES);
    return { records, kind: 'aggregate' };
  } catch (error) {
    if (!(error instanceof ProtobufError)) throw error;
    return plain(data, outerKey, outerEhk, 'corrupt', error.message);
  }
}
