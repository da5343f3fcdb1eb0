import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizeStream } from '../../../src/core/size/size.js';
import { sizeDrill, sizeMistakes } from '../../../src/drills/size.js';
import { toSizeInput } from '../../../src/commands/size/options.js';
import { MIB } from '../../../src/core/units.js';
import { seededRandom as seeded } from '../../../src/core/quiz/random.js';

const shardsIn = (text: string) => Number(text.replace(/[^0-9]/g, ''));

describe('size drills', () => {
  it('states the answer the calculator gives for its own inputs, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const drill = sizeDrill(seeded(seed), seed);
        const i = drill.inputs as { records: number; recordSize: number; keySize?: number; consumers: number; efoConsumers?: number };
        // The flags as kds size reads them (the binary test runs kds size itself on a few seeds).
        const expected = sizeStream(
          toSizeInput({ ...i, efoConsumers: i.efoConsumers ?? 0, headroom: 0, retentionHours: 24, streamName: 'x' }),
        ).minimumShards;
        const correct = drill.options.filter((o) => o.correct);
        expect(correct).toHaveLength(1);
        expect(shardsIn(correct[0]?.text ?? '')).toBe(expected);
      }),
    );
  });

  it('never offers a distractor equal to the answer, and offers four distinct options', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const drill = sizeDrill(seeded(seed), seed);
        const numbers = drill.options.map((o) => shardsIn(o.text));
        expect(new Set(numbers).size).toBe(4);
        for (const o of drill.options) {
          if (!o.correct) expect(o.why).toBeTruthy();
          expect(shardsIn(o.text)).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it('gives the same drill for the same seed', () => {
    expect(sizeDrill(seeded(7), 7)).toEqual(sizeDrill(seeded(7), 7));
  });

  it('names the mistake of counting enhanced fan-out consumers as shared readers', () => {
    const mistakes = sizeMistakes({ records: 1000, recordSize: 2 * MIB / 1000, consumers: 1, efoConsumers: 3 });
    expect(mistakes.find((m) => m.id === 'efo-as-shared')).toMatchObject({ shards: 4 });
  });

  it('names the mistake of forgetting the records limit', () => {
    // 5,000 records/s of 100 bytes: 5 shards for records, 1 for bytes.
    const m = sizeMistakes({ records: 5000, recordSize: 100, consumers: 1 }).find((x) => x.id === 'forgot-records');
    expect(m?.shards).toBe(1);
    expect(m?.why).toContain('5,000 records/s need 5 shards on their own');
  });

  it('names the mistake of ignoring partition-key bytes', () => {
    // 1,000 records/s of 1,000 bytes + 100-byte keys: 1,100,000 B/s needs 2 shards, 1 without keys.
    const m = sizeMistakes({ records: 1000, recordSize: 1000, keySize: 100, consumers: 0 }).find((x) => x.id === 'ignored-keys');
    expect(m?.shards).toBe(1);
  });
});
