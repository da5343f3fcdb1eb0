/** The real clock for code that takes a Clock (src/core/live/retry.ts): timers that a signal cancels. */
import type { Clock } from '../core/live/retry.js';

export function realClock(now: () => number): Clock {
  return {
    now,
    random: Math.random,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) {
          resolve();
          return;
        }
        const done = (): void => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        signal?.addEventListener('abort', done, { once: true });
      }),
  };
}
