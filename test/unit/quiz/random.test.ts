import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, MAX_SEED, seededRandom, seedFromTime, shuffle } from '../../../src/core/quiz/random.js';

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('stays in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), (seed) => {
        const random = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const x = random();
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
    );
  });

  it('hashes strings with FNV-1a (published vectors)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('shuffles into a permutation of the input and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: MAX_SEED }), (items, seed) => {
        const copy = [...items];
        const out = shuffle(items, seededRandom(seed));
        expect(items).toEqual(copy);
        expect([...out].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
      }),
    );
  });

  it('moves items: over many seeds, every position of a 4-item list is reached by the first item', () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 100; seed++) seen.add(shuffle([0, 1, 2, 3], seededRandom(seed)).indexOf(0));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('derives a short, repeatable seed from the time', () => {
    expect(seedFromTime(1_764_072_000_000)).toBe(seedFromTime(1_764_072_000_000));
    expect(seedFromTime(1_764_072_000_000)).toBeLessThan(1_000_000);
    expect(seedFromTime(1_764_072_000_000)).not.toBe(seedFromTime(1_764_072_000_001));
  });
});
