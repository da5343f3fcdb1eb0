import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explicitHashKeyProblem,
  MAX_HASH_KEY,
  parseExplicitHashKey,
  partitionKeyHash,
  wordsToBigInt,
} from '../../../src/core/keys/hash-key.js';
import { md5Words } from '../../../src/core/keys/md5.js';
import { routeHashKey, uniformShardMap } from '../../../src/core/keys/shard-map.js';

/** hot-shards.md §3.2: key, MD5, hash key, shard index for N = 2, 3, 4, 5, 10. */
const VECTORS: readonly [string, string, string, number, number, number, number, number][] = [
  ['a', '0cc175b9c0f1b6a831c399e269772661', '16955237001963240173058271559858726497', 0, 0, 0, 0, 0],
  ['b', '92eb5ffee6ae2fec3ad71c777531578f', '195289424170611159128911017612795795343', 1, 1, 2, 2, 5],
  ['e', 'e1671797c52e15f763380b45e841ec32', '299611584147932843547128611849858313266', 1, 2, 3, 4, 8],
  ['f', '8fa14cdd754f91cc6554c9e71929cce7', '190917122200326810055233066464581373159', 1, 1, 2, 2, 5],
  ['A', '7fc56270e7a70fa81a5935b72eacbe29', '169836834567204038179966570894283554345', 0, 1, 1, 2, 4],
  ['1', 'c4ca4238a0b923820dcc509a6f75849b', '261578874264819908609102035485573088411', 1, 2, 3, 3, 7],
  ['123', '202cb962ac59075b964b07152d234b70', '42767516990368493138776584305024125808', 0, 0, 0, 0, 1],
  ['abc', '900150983cd24fb0d6963f7d28e17f72', '191415658344158766168031473277922803570', 1, 1, 2, 2, 5],
  ['user-1', 'd6d7705392bc7af633328bea8c4c6904', '285573413173782752570879317399258818820', 1, 2, 3, 4, 8],
  ['user-2', '3d58ce20fe802793e0b221905baa60b3', '81544010656874607678696621737415172275', 0, 0, 0, 1, 2],
  ['user-3', '134ad24e99806ca111197065657dbf5e', '25643827420764883787405505484921093982', 0, 0, 0, 0, 0],
  ['productCategory', 'ce65c776b63841c6de72a1ca7db52462', '274349434719233273029961022866147583074', 1, 2, 3, 4, 8],
  ['partitionKey', '916fb4607e9099fa19225279d711a12e', '193318062818912349798954611745638949166', 1, 1, 2, 2, 5],
  ['', 'd41d8cd98f00b204e9800998ecf8427e', '281949768489412648962353822266799178366', 1, 2, 3, 4, 8],
  ['\u00fc', 'c03410a5204b21cd8229ff754688d743', '255482112228542481294366945247899473731', 1, 2, 3, 3, 7],
  ['u\u0308', 'd5c140090f7c86c2de6fbf59cb5b1972', '284128975187945217336861145469097286002', 1, 2, 3, 4, 8],
  ['\u03a9', '66118552832dc1b8223d8b3abd7bf821', '135672228714440975709593653216380975137', 0, 1, 1, 1, 3],
  ['\u65e5\u672c', '4dbed2e657457884e67137d3514119b3', '103341369634063465466164320543046703539', 0, 0, 1, 1, 3],
  ['\u{1f525}', 'cbe676ae0a8ad11e8b2edd3f5089051e', '271029918535097110332486322609627661598', 1, 2, 3, 3, 7],
  ['x'.repeat(256), 'c7a139a2b8e92164276f778917ba10b9', '265353499944959180620795534685136097465', 1, 2, 3, 3, 7],
];

function md5Hex(bytes: Uint8Array): string {
  const words = new Uint32Array(4);
  md5Words(bytes, 0, bytes.length, words);
  return [...words].map((w) => w.toString(16).padStart(8, '0')).join('');
}

describe('partition key -> hash key', () => {
  it.each(VECTORS)('hashes %j to the published MD5 and hash key', (key, md5, hashKey) => {
    expect(md5Hex(new TextEncoder().encode(key))).toBe(md5);
    expect(partitionKeyHash(key).toString()).toBe(hashKey);
  });

  it.each(VECTORS)('routes %j to the published shard on 2, 3, 4, 5 and 10 shards', (key, _md5, _h, ...shards) => {
    const counts = [2, 3, 4, 5, 10];
    const got = counts.map((n) => routeHashKey(uniformShardMap(n), partitionKeyHash(key)));
    expect(got).toEqual(shards);
  });

  it('does not normalise: NFC and NFD spellings of the same letter land on different shards', () => {
    const map = uniformShardMap(5);
    expect(routeHashKey(map, partitionKeyHash('\u00fc'))).not.toBe(routeHashKey(map, partitionKeyHash('u\u0308')));
  });

  it('matches node:crypto MD5 for any bytes (pure-JS MD5 property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(md5Hex(bytes)).toBe(createHash('md5').update(bytes).digest('hex'));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes a byte range inside a larger buffer without reading outside it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = a % bytes.length;
        const end = start + (b % (bytes.length - start + 1));
        const words = new Uint32Array(4);
        md5Words(bytes, start, end, words);
        expect(wordsToBigInt(words).toString(16).padStart(32, '0')).toBe(
          createHash('md5').update(bytes.subarray(start, end)).digest('hex'),
        );
      }),
    );
  });
});

describe('published routing vectors', () => {
  it('routes 123 and abc to the 2nd and 5th of 8 uniform shards (dinsaw/kines)', () => {
    const map = uniformShardMap(8);
    expect(routeHashKey(map, partitionKeyHash('123'))).toBe(1);
    expect(routeHashKey(map, partitionKeyHash('abc'))).toBe(4);
  });

  it('routes a, b, e, f to shards 0, 1, 2, 1 of a 3-shard stream (kinesalite)', () => {
    const map = uniformShardMap(3);
    expect(['a', 'b', 'e', 'f'].map((k) => routeHashKey(map, partitionKeyHash(k)))).toEqual([0, 1, 2, 1]);
  });

  it('sends only keys 6, 9 and 11 of "1".."14" to shard 0 of a 2-shard stream', () => {
    const map = uniformShardMap(2);
    const inShard0 = Array.from({ length: 14 }, (_, i) => String(i + 1)).filter((k) => routeHashKey(map, partitionKeyHash(k)) === 0);
    expect(inShard0).toEqual(['6', '9', '11']);
  });
});

describe('explicit hash keys', () => {
  const parse = (text: string): bigint | undefined => {
    const words = new Uint32Array(4);
    return parseExplicitHashKey(new TextEncoder().encode(text), 0, text.length, words) ? wordsToBigInt(words) : undefined;
  };

  it.each(['0', '1', '226854911280625642308916404954512140969', MAX_HASH_KEY.toString()])('accepts %s', (text) => {
    expect(parse(text)).toBe(BigInt(text));
    expect(explicitHashKeyProblem(text)).toBeUndefined();
  });

  it.each(['007', '-1', '1e3', '340282366920938463463374607431768211456', '', ' 1', '1'.repeat(40)])('rejects %j as Kinesis does', (text) => {
    expect(parse(text)).toBeUndefined();
    expect(explicitHashKeyProblem(text)).toBeDefined();
  });

  it('parses any valid decimal exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_HASH_KEY }), (value) => {
        expect(parse(value.toString())).toBe(value);
      }),
    );
  });

  it.each([
    [3, MAX_HASH_KEY.toString(), 2],
    [3, '226854911280625642308916404954512140969', 1],
    [3, '226854911280625642308916404954512140970', 2],
    [3, '113427455640312821154458202477256070484', 0],
    [3, '113427455640312821154458202477256070485', 1],
    [3, '0', 0],
    [2, '170141183460469231731687303715884105727', 0],
    [2, '170141183460469231731687303715884105728', 1],
    [10, '68056473384187692692674921486353642290', 1],
    [10, '306254130228844617117037146688591390305', 8],
    [6, '113427455640312821154458202477256070484', 1],
  ] as const)('on %i shards routes hash key %s to shard %i (inclusive ends)', (n, key, shard) => {
    expect(routeHashKey(uniformShardMap(n), BigInt(key))).toBe(shard);
  });
});
