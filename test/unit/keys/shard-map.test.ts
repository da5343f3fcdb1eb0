import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HASH_SPACE, MAX_HASH_KEY } from '../../../src/core/keys/hash-key.js';
import {
  makeShard,
  mapOf,
  parseShardMap,
  routeHashKey,
  ShardMapError,
  splitJsonDocuments,
  uniformShardMap,
  type Shard,
} from '../../../src/core/keys/shard-map.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/keys/${name}`, import.meta.url), 'utf8');
const ranges = (n: number) => uniformShardMap(n).shards.map((s) => [s.start.toString(), s.end.toString()]);

describe('a stream created with N shards', () => {
  it('has the one range [0, 2^128 - 1] with 1 shard', () => {
    expect(ranges(1)).toEqual([['0', MAX_HASH_KEY.toString()]]);
  });

  it('matches the real 2-shard ranges', () => {
    expect(ranges(2)).toEqual([
      ['0', '170141183460469231731687303715884105727'],
      ['170141183460469231731687303715884105728', '340282366920938463463374607431768211455'],
    ]);
  });

  it('matches the real 3-shard ranges (aws-cli describe-stream example)', () => {
    expect(ranges(3)).toEqual([
      ['0', '113427455640312821154458202477256070484'],
      ['113427455640312821154458202477256070485', '226854911280625642308916404954512140969'],
      ['226854911280625642308916404954512140970', '340282366920938463463374607431768211455'],
    ]);
  });

  it('matches the first and last of the real 5-shard ranges', () => {
    const r = ranges(5);
    expect(r[0]).toEqual(['0', '68056473384187692692674921486353642290']);
    expect(r[4]).toEqual(['272225893536750770770699685945414569164', '340282366920938463463374607431768211455']);
  });

  it('matches the real 8-shard ranges', () => {
    expect(ranges(8).map(([s]) => s)).toEqual([
      '0',
      '42535295865117307932921825928971026432',
      '85070591730234615865843651857942052864',
      '127605887595351923798765477786913079296',
      '170141183460469231731687303715884105728',
      '212676479325586539664609129644855132160',
      '255211775190703847597530955573826158592',
      '297747071055821155530452781502797185024',
    ]);
  });

  it('starts shard i at floor(i * 2^128 / N) and names shards in hash order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const map = uniformShardMap(n);
        map.shards.forEach((s, i) => {
          expect(s.start).toBe((BigInt(i) * HASH_SPACE) / BigInt(n));
          expect(s.shardId).toBe(`shardId-${String(i).padStart(12, '0')}`);
        });
        expect(map.shards.at(-1)!.end).toBe(MAX_HASH_KEY);
      }),
    );
  });
});

/** A random valid map: sorted distinct cut points over the hash space. */
const validMap = fc
  .uniqueArray(fc.bigInt({ min: 1n, max: MAX_HASH_KEY }), { maxLength: 40 })
  .map((cuts) => {
    const starts = [0n, ...cuts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
    const shards: Shard[] = starts.map((s, i) => makeShard(`shard-${i}`, s, i + 1 < starts.length ? starts[i + 1]! - 1n : MAX_HASH_KEY));
    return mapOf(shards);
  });

describe('routing', () => {
  it('maps every hash key to exactly one shard, the one whose inclusive range holds it (property)', () => {
    const nearBoundary = (map: ReturnType<typeof mapOf>) =>
      fc.oneof(
        fc.bigInt({ min: 0n, max: MAX_HASH_KEY }),
        fc.constantFrom(...map.shards.flatMap((s) => [s.start, s.end])),
      );
    fc.assert(
      fc.property(validMap.chain((map) => fc.tuple(fc.constant(map), nearBoundary(map))), ([map, key]) => {
        const holders = map.shards.filter((s) => s.start <= key && key <= s.end);
        expect(holders).toHaveLength(1);
        expect(map.shards[routeHashKey(map, key)]).toBe(holders[0]);
      }),
      { numRuns: 1000 },
    );
  });

  it('routes the KPL shard-map fixture vectors (amazon-kinesis-producer shard_map_test)', () => {
    const map = parseShardMap(
      JSON.stringify([
        { ShardId: 'shardId-000000000001', HashKeyRange: { StartingHashKey: '170141183460469231731687303715884105728', EndingHashKey: MAX_HASH_KEY.toString() } },
        { ShardId: 'shardId-000000000002', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '85070591730234615865843651857942052862' } },
        { ShardId: 'shardId-000000000003', HashKeyRange: { StartingHashKey: '85070591730234615865843651857942052863', EndingHashKey: '170141183460469231731687303715884105727' } },
      ]),
    );
    const id = (key: string) => map.shards[routeHashKey(map, BigInt(key))]!.shardId;
    expect(id('0')).toBe('shardId-000000000002');
    expect(id('85070591730234615865843651857942052862')).toBe('shardId-000000000002');
    expect(id('85070591730234615865843651857942052863')).toBe('shardId-000000000003');
    expect(id('170141183460469231731687303715884105727')).toBe('shardId-000000000003');
    expect(id('170141183460469231731687303715884105728')).toBe('shardId-000000000001');
    expect(id(MAX_HASH_KEY.toString())).toBe('shardId-000000000001');
  });
});

describe('reading list-shards and describe-stream JSON', () => {
  it('keeps only the open shards of a resharded stream (closed parents, split and merged children) across two pages', () => {
    const map = parseShardMap(fixture('shards-resharded.json'));
    expect(map.shards.map((s) => s.shardId)).toEqual(['shardId-000000000004', 'shardId-000000000003']);
    const id = (key: bigint) => map.shards[routeHashKey(map, key)]!.shardId;
    expect(id(0n)).toBe('shardId-000000000004');
    expect(id(255211775190703847597530955573826158591n)).toBe('shardId-000000000004');
    expect(id(255211775190703847597530955573826158592n)).toBe('shardId-000000000003');
    expect(id(MAX_HASH_KEY)).toBe('shardId-000000000003');
  });

  it('sorts shards by the number, not the string, of their starting hash key', () => {
    // As strings, "85..." (38 digits) sorts after "170..." (39 digits).
    const shards = uniformShardMap(4).shards.map((s) => ({
      ShardId: s.shardId,
      HashKeyRange: { StartingHashKey: s.start.toString(), EndingHashKey: s.end.toString() },
    }));
    const map = parseShardMap(JSON.stringify({ Shards: [shards[2], shards[0], shards[3], shards[1]] }));
    expect(map.shards.map((s) => s.shardId)).toEqual(uniformShardMap(4).shards.map((s) => s.shardId));
  });

  it('reads describe-stream output', () => {
    const shards = uniformShardMap(3).shards.map((s) => ({
      ShardId: s.shardId,
      HashKeyRange: { StartingHashKey: s.start.toString(), EndingHashKey: s.end.toString() },
      SequenceNumberRange: { StartingSequenceNumber: '1' },
    }));
    const map = parseShardMap(JSON.stringify({ StreamDescription: { StreamName: 's', Shards: shards, HasMoreShards: false } }));
    expect(map.shards).toHaveLength(3);
  });

  it('reads an array of pages', () => {
    const text = `[${fixture('shards-resharded.json').replace('}\n{', '},\n{')}]`;
    expect(parseShardMap(text).shards).toHaveLength(2);
  });

  it('names both shards when open shards overlap', () => {
    const text = JSON.stringify({
      Shards: [
        { ShardId: 'shardId-000000000001', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '200000000000000000000000000000000000000' } },
        { ShardId: 'shardId-000000000002', HashKeyRange: { StartingHashKey: '100000000000000000000000000000000000000', EndingHashKey: MAX_HASH_KEY.toString() } },
      ],
    });
    expect(() => parseShardMap(text)).toThrow(/shardId-000000000001 .* and shardId-000000000002 .* overlap/);
  });

  it('names the shards either side of a gap, and suspects a missing page when there is a NextToken', () => {
    const text = JSON.stringify({
      Shards: [
        { ShardId: 'shardId-000000000001', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '99' } },
        { ShardId: 'shardId-000000000002', HashKeyRange: { StartingHashKey: '200', EndingHashKey: MAX_HASH_KEY.toString() } },
      ],
      NextToken: 'abc',
    });
    expect(() => parseShardMap(text)).toThrow('no open shard holds hash keys 100 to 199, between shardId-000000000001 and shardId-000000000002 (a page has a NextToken: is a later page missing from the file?)');
  });

  it('reports an uncovered end of the hash space', () => {
    const text = JSON.stringify([{ ShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '5' } }]);
    expect(() => parseShardMap(text)).toThrow(/the last, shardId-000000000000, ends at 5/);
  });

  it.each([
    ['not JSON', 'hello'],
    ['an empty file', '  '],
    ['no shards', '{"Shards": []}'],
    ['a bad hash key', '[{"ShardId":"s","HashKeyRange":{"StartingHashKey":"007","EndingHashKey":"9"}}]'],
    ['only closed shards', '[{"ShardId":"s","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"9"},"SequenceNumberRange":{"EndingSequenceNumber":"1"}}]'],
    ['describe-stream-summary', '{"StreamDescriptionSummary":{"OpenShardCount":2}}'],
    ['a hash key above 2^128 - 1', `[{"ShardId":"s","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"${HASH_SPACE}"}}]`],
  ])('rejects %s with a ShardMapError', (_what, text) => {
    expect(() => parseShardMap(text)).toThrow(ShardMapError);
  });

  it('splits concatenated documents, ignoring braces inside strings', () => {
    expect(splitJsonDocuments('{"a":"}{"} [1,2]\n{"b":{}}')).toEqual(['{"a":"}{"}', '[1,2]', '{"b":{}}']);
  });
});
