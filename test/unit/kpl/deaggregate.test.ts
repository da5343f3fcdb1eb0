import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deaggregate, hasKplMagic, KPL_MAGIC } from '../../../src/core/kpl/deaggregate.js';
import { encodeAggregate, encodeProtobuf, frame, referenceAggregate, referenceDeaggregate, type PlainUserRecord } from '../../helpers/kpl.js';

const enc = new TextEncoder();

function simple(records: readonly { key: string; explicitHashKey?: string; data: Uint8Array }[]) {
  return records.map((r) => ({ key: r.key, explicitHashKey: r.explicitHashKey, data: Buffer.from(r.data).toString('hex') }));
}

/**
 * The reference de-aggregator reads a user record without an explicit hash key index as index 0
 * (protobufjs's default), so it reports the table's first entry for it: compare the explicit hash
 * keys only of records that have one.
 */
function likeReference(records: readonly { key: string; explicitHashKey?: string; data: Uint8Array }[], ours: readonly { explicitHashKey?: string }[]) {
  return simple(records).map((r, i) => (ours[i]?.explicitHashKey === undefined ? { ...r, explicitHashKey: undefined } : r));
}

/**
 * The reference aggregator writes its key tables with Object.keys(), which puts keys that look like
 * array indexes ("0", "17") first, so its indexes then point at the wrong entries. Keep such strings
 * out of what it aggregates.
 */
const indexLike = (s: string) => /^(0|[1-9][0-9]*)$/.test(s) && Number(s) < 2 ** 32 - 1;
/** The same tables are plain objects, so a key named __proto__ is lost in them. */
const unsafeForReference = (s: string) => indexLike(s) || s === '__proto__';

const KNOWN: PlainUserRecord[] = [
  { key: 'customer-42', data: enc.encode('{"order":1}') },
  { key: 'grüße', data: enc.encode('ü') },
  { key: '日本', explicitHashKey: '170141183460469231731687303715884105728', data: enc.encode('x') },
  { key: '🔥', data: new Uint8Array(0) },
  { key: 'customer-42', data: enc.encode('{"order":2}') },
  { key: ' ', explicitHashKey: '340282366920938463463374607431768211455', data: Uint8Array.of(0, 255, 0xf3) },
  { key: 'k'.repeat(256), data: enc.encode('long key') },
];

describe('deaggregate: the KPL aggregated record format', () => {
  it('takes the magic bytes from the fact', () => {
    expect([...KPL_MAGIC]).toEqual([0xf3, 0x89, 0x9a, 0xc2]);
  });

  it('returns a record without the magic bytes as one plain record under its own key', () => {
    const data = enc.encode('hello');
    const out = deaggregate(data, 'pk', '12');
    expect(out.kind).toBe('plain');
    expect(simple(out.records)).toEqual([{ key: 'pk', explicitHashKey: '12', data: Buffer.from(data).toString('hex') }]);
  });

  it('reads an aggregate made by awslabs aws-kinesis-agg back into the same user records, in order', async () => {
    const made = await referenceAggregate(KNOWN);
    expect(made).toHaveLength(1);
    const out = deaggregate(made[0]!.data, made[0]!.partitionKey, made[0]!.explicitHashKey);
    expect(out.kind).toBe('aggregate');
    expect(simple(out.records)).toEqual(simple(KNOWN));
  });

  it('agrees with the reference de-aggregator on the same bytes', async () => {
    const [made] = await referenceAggregate(KNOWN);
    const ours = deaggregate(made!.data, made!.partitionKey);
    expect(likeReference(referenceDeaggregate(made!.data, made!.partitionKey), ours.records)).toEqual(simple(ours.records));
  });

  it('treats a record whose MD5 does not match as a plain record, as the KCL does', () => {
    const data = encodeAggregate(KNOWN);
    data[data.length - 1] = data[data.length - 1]! ^ 1;
    const out = deaggregate(data, 'a');
    expect(out.kind).toBe('checksum-mismatch');
    expect(out.records).toHaveLength(1);
    expect(out.records[0]!.key).toBe('a');
    expect(out.records[0]!.data.length).toBe(data.length);
  });

  it('treats a record shorter than the magic bytes plus a digest as plain', () => {
    const out = deaggregate(Uint8Array.of(0xf3, 0x89, 0x9a, 0xc2, 1, 2), 'k');
    expect(out.kind).toBe('plain');
    expect(hasKplMagic(Uint8Array.of(0xf3, 0x89, 0x9a, 0xc2, 1, 2))).toBe(true);
  });

  it.each([
    ['a truncated varint', Uint8Array.of(0x1a, 0x80)],
    ['a field longer than the message', Uint8Array.of(0x0a, 0x05, 0x61)],
    ['no user records', encodeProtobuf([])],
    ['key tables but no user records', Uint8Array.of(0x0a, 0x01, 0x61)],
    ['a key index past the table', Uint8Array.of(0x0a, 0x01, 0x61, 0x1a, 0x04, 0x08, 0x05, 0x1a, 0x00)],
    ['an explicit hash key index past the table', Uint8Array.of(0x0a, 0x01, 0x61, 0x1a, 0x06, 0x08, 0x00, 0x10, 0x00, 0x1a, 0x00)],
    ['a user record without data', Uint8Array.of(0x0a, 0x01, 0x61, 0x1a, 0x02, 0x08, 0x00)],
    ['a partition key that is not UTF-8', Uint8Array.of(0x0a, 0x01, 0xff, 0x1a, 0x04, 0x08, 0x00, 0x1a, 0x00)],
    ['a group wire type', Uint8Array.of(0x0b)],
  ])('counts an aggregate with %s once under its outer key and says why', (_what, protobuf) => {
    const data = frame(protobuf);
    const out = deaggregate(data, 'outer', '99');
    expect(out.kind).toBe('corrupt');
    expect(out.problem).toEqual(expect.any(String));
    expect(out.records).toHaveLength(1);
    expect(out.records[0]).toMatchObject({ key: 'outer', explicitHashKey: '99' });
    expect(out.records[0]!.data.length).toBe(data.length);
  });

  const key = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => new TextDecoder().decode(new TextEncoder().encode(s)) === s);
  const ehk = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n.toString());
  const userRecord = fc.record(
    { key, explicitHashKey: ehk, data: fc.uint8Array({ maxLength: 64 }) },
    { requiredKeys: ['key', 'data'] },
  );

  const referenceSafe = userRecord.filter((r) => !unsafeForReference(r.key) && (r.explicitHashKey === undefined || !unsafeForReference(r.explicitHashKey)));

  it('round-trips any user records, in any field order and with unknown fields', () => {
    fc.assert(
      fc.property(fc.array(userRecord, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), (records, recordsFirst, unknownFields) => {
        const data = encodeAggregate(records, { recordsFirst, unknownFields });
        const out = deaggregate(data, 'outer');
        expect(out.kind).toBe('aggregate');
        expect(simple(out.records)).toEqual(simple(records));
        expect(likeReference(referenceDeaggregate(data, 'outer'), out.records)).toEqual(simple(out.records));
      }),
    );
  });

  it('round-trips records aggregated by the reference', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(referenceSafe, { minLength: 1, maxLength: 20 }), async (records) => {
        const made = await referenceAggregate(records);
        const back = made.flatMap((m) => deaggregate(m.data, m.partitionKey, m.explicitHashKey).records);
        expect(simple(back)).toEqual(simple(records));
      }),
      { numRuns: 50 },
    );
  });

  it('never throws, and returns one record for anything it cannot de-aggregate', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.boolean(), (bytes, framed) => {
        const data = framed ? frame(bytes) : bytes;
        const out = deaggregate(data, 'k');
        if (out.kind !== 'aggregate') {
          expect(out.records).toHaveLength(1);
          expect(out.records[0]!.key).toBe('k');
        } else expect(out.records.length).toBeGreaterThan(0);
      }),
    );
  });
});
