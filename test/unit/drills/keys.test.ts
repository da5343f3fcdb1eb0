import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionKeyHash } from '../../../src/core/keys/hash-key.js';
import { routeHashKey, shardId, uniformShardMap } from '../../../src/core/keys/shard-map.js';
import { seededRandom } from '../../../src/core/quiz/random.js';
import { keysDrill } from '../../../src/drills/keys.js';

describe('keys drills', () => {
  it("states the router's own shard for the drill's key, whatever the seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const drill = keysDrill(seededRandom(seed), seed);
        const { key, shards } = drill.inputs as { key: string; shards: number };
        const expected = shardId(routeHashKey(uniformShardMap(shards), partitionKeyHash(key)));
        const correct = drill.options.filter((o) => o.correct);
        expect(correct).toHaveLength(1);
        expect(correct[0]?.text.startsWith(`${expected} `)).toBe(true);
      }),
    );
  });

  it('offers every shard once, and explains every wrong one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const drill = keysDrill(seededRandom(seed), seed);
        const { shards } = drill.inputs as { shards: number };
        expect(drill.options).toHaveLength(shards);
        expect(new Set(drill.options.map((o) => o.text)).size).toBe(shards);
        for (const o of drill.options) if (!o.correct) expect(o.why).toBeTruthy();
      }),
    );
  });

  it('names the modulo mistake when the number in the key points elsewhere', () => {
    // Find a seed whose key number mod the shard count is not the right shard.
    for (let seed = 0; seed < 200; seed++) {
      const drill = keysDrill(seededRandom(seed), seed);
      const { key, shards } = drill.inputs as { key: string; shards: number };
      const n = Number(key.split('-')[1]);
      const right = routeHashKey(uniformShardMap(shards), partitionKeyHash(key));
      if (n % shards === right) continue;
      expect(drill.options[n % shards]?.why).toContain(`${n} mod ${shards}`);
      return;
    }
    throw new Error('no seed gave a modulo distractor');
  });
});
