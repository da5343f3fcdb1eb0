import { describe, expect, it } from 'vitest';
import { PARALLEL_FROM_BYTES, threadsFor } from '../../../src/core/keys/threads.js';

/** A policy on a machine with these cores and load. */
function on(cores: number, load: number, fromBytes = PARALLEL_FROM_BYTES) {
  return { fromBytes, machine: () => ({ cores, load }) };
}
const idle = on(2, 0.1);

describe('threads for a keys file', () => {
  it('takes --threads as given, whatever the size and the load', () => {
    expect(threadsFor(10, 3, on(2, 8))).toBe(3);
    expect(threadsFor(10 * PARALLEL_FROM_BYTES, 1, idle)).toBe(1);
  });

  it('reads a large file on two threads by default only when a core is idle', () => {
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, idle)).toBe(2);
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, on(2, 0.6))).toBe(1);
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, on(4, 2.4))).toBe(2);
    expect(threadsFor(PARALLEL_FROM_BYTES, undefined, on(1, 0))).toBe(1);
  });

  it('reads a smaller file on one thread by default', () => {
    expect(threadsFor(PARALLEL_FROM_BYTES - 1, undefined, idle)).toBe(1);
    expect(threadsFor(0, undefined, on(2, 0.1, 0))).toBe(1);
  });

  it('does not look at the machine for a file below the size (its start-up would pay for node:os)', () => {
    const policy = { fromBytes: PARALLEL_FROM_BYTES, machine: () => { throw new Error('asked'); } };
    expect(threadsFor(1000, undefined, policy)).toBe(1);
  });
});
