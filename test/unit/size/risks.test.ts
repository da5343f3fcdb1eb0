import { describe, expect, it } from 'vitest';
import type { SizeInput } from '../../../src/core/size/input.js';
import { onDemandRisks, type OnDemandRisk } from '../../../src/core/size/risks.js';
import { MIB } from '../../../src/core/units.js';
import { riskText } from '../../../src/render/size-cost.js';
import { workload } from './workload.js';

const base: SizeInput = workload({ dataBytesPerSec: 3 * MIB });

function risk<I extends OnDemandRisk['id']>(input: Partial<SizeInput>, id: I): Extract<OnDemandRisk, { id: I }> {
  const found = onDemandRisks({ ...base, ...input }).find((r) => r.id === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found as Extract<OnDemandRisk, { id: I }>;
}

describe('on-demand risks', () => {
  it('says a new stream starts at 4 MiB/s and 4,000 records/s, and when the peak is above either', () => {
    expect(risk({}, 'on-demand-start')).toMatchObject({ initialBytesPerSec: 4 * MIB, initialRecordsPerSec: 4000, exceeded: false });
    expect(risk({ dataBytesPerSec: 6 * MIB }, 'on-demand-start').exceeded).toBe(true);
    // 5,000 records/s of 100 bytes: well under 4 MiB/s, over 4,000 records/s.
    expect(risk({ dataBytesPerSec: 500_000, recordsPerSec: 5000 }, 'on-demand-start').exceeded).toBe(true);
  });

  it('says a surge above twice the peak throttles, and one within it does not', () => {
    expect(risk({ surge: { dataBytesPerSec: 6 * MIB, seconds: 60 } }, 'on-demand-surge')).toMatchObject({ multiplier: 2, windowMinutes: 15, throttles: false });
    expect(risk({ surge: { dataBytesPerSec: 6.5 * MIB, seconds: 60 } }, 'on-demand-surge').throttles).toBe(true);
    expect(risk({}, 'on-demand-surge')).toMatchObject({ surgeBytesPerSec: undefined, throttles: false });
  });

  it('checks the records of a surge too: 100-byte records tripling in count throttle', () => {
    const input = { dataBytesPerSec: 1000 * 100, recordsPerSec: 1000, surge: { dataBytesPerSec: 3000 * 100, recordsPerSec: 3000, seconds: 5 } };
    expect(risk(input, 'on-demand-surge').throttles).toBe(true);
  });

  it('names the term that throttles: the records when only they more than double', () => {
    const input = { dataBytesPerSec: 1000 * 100, recordsPerSec: 1000, surge: { dataBytesPerSec: 3000 * 50, recordsPerSec: 3000, seconds: 5 } };
    const r = risk(input, 'on-demand-surge');
    expect(r).toMatchObject({ throttles: true, throttledBy: 'records', lookbackDays: 30 });
    expect(riskText(r)).toContain('The surge to 3,000 records/s is more than 2x the peak of 1,000 records/s');
    const bytes = risk({ surge: { dataBytesPerSec: 6.5 * MIB, seconds: 60 } }, 'on-demand-surge');
    expect(bytes.throttledBy).toBe('bytes');
    expect(riskText(bytes)).toContain('The surge to 6.5 MiB/s is more than 2x the peak of 3 MiB/s');
  });

  it('always says hot keys still throttle', () => {
    expect(risk({}, 'on-demand-hot-key')).toEqual({ id: 'on-demand-hot-key', maxBytesPerSec: MIB, maxRecordsPerSec: 1000 });
  });
});
