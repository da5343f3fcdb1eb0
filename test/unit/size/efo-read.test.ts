/**
 * An enhanced fan-out consumer reads with its own per-shard limit, not the shared one. Both are
 * 2 MiB/s today, so the facts are changed here to tell them apart.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as Facts from '../../../src/core/facts.js';
import { MIB } from '../../../src/core/units.js';

vi.mock('../../../src/core/facts.js', async (importOriginal) => {
  const facts = await importOriginal<typeof Facts>();
  return { ...facts, SHARD: { ...facts.SHARD, efoReadBytesPerSec: { ...facts.SHARD.efoReadBytesPerSec, value: 4 * MIB } } };
});

const { sizeStream } = await import('../../../src/core/size/size.js');
const { surgeBacklog } = await import('../../../src/core/size/backlog.js');

const efoOnly = {
  dataBytesPerSec: 2 * MIB,
  keyBytes: 0,
  sharedConsumers: 0,
  efoConsumers: 1,
  headroom: 0,
  retentionHours: 24,
  kpl: false,
  surge: { dataBytesPerSec: 8 * MIB, seconds: 60 },
  maxLagSeconds: 60,
};

describe('readers with enhanced fan-out only', () => {
  it('bound the catch-up by the enhanced fan-out read limit', () => {
    const lag = sizeStream(efoOnly).constraints.find((c) => c.id === 'lag-bytes');
    expect(lag?.perShard).toBe(4 * MIB);
  });

  it('drain a surge backlog at the enhanced fan-out read limit', () => {
    // 1 shard reads 4 MiB/s: a 60-second surge of 8 MiB/s leaves (8 - 4) x 60 MiB behind.
    expect(surgeBacklog(efoOnly, 1)?.reading?.atSurgeEnd).toBe(4 * MIB * 60);
  });
});
