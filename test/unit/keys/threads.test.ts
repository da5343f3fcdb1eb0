import { describe, expect, it } from 'vitest';
import { PARALLEL_FROM_BYTES, threadsFor } from '../../../src/core/keys/threads.js';

const idle = { fromBytes: PARALLEL_FROM_BYTES, cores: 2, load: 0.1 };

describe('threads for a keys file', () => {
  it('takes --threads as given, whatever the size and the load', () => {
    expect(threadsFor(10, 3, { ...idle, load: 8 })).toBe(3);
    expect(threadsFor(10 * PARALLEL_FROM_BYTES, 1, idle)).toBe(1);
  });

  it('reads a large file on two threads by default only when a core is idle', () => {
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, idle)).toBe(2);
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, { ...idle, load: 0.6 })).toBe(1);
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, { ...idle, cores: 4, load: 2.4 })).toBe(2);
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, { ...idle, cores: 1, load: 0 })).toBe(1);
  });

  it('reads a smaller file on one thread by default', () => {
    expect(threadsFor(PARALLEL_FROM_BYTES - 1, undefined, idle)).toBe(1);
    expect(threadsFor(0, undefined, { ...idle, fromBytes: 0 })).toBe(1);
  });
});
