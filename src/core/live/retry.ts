/**
 * Backoff for throttled calls: exponential, capped, with jitter, and a limit on attempts so that a
 * stream that stays throttled ends the read with a message instead of spinning.
 */
import { ApiError } from './api.js';
import { LiveError } from './errors.js';

/** What the reader needs from the world: a clock, a way to wait, and randomness for jitter. */
export interface Clock {
  now(): number;
  /** Resolves after ms, or earlier when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

export const BACKOFF_FIRST_MS = 1000;
export const BACKOFF_MAX_MS = 10_000;
/** Throttled attempts in a row before a call gives up. */
export const MAX_THROTTLED_ATTEMPTS = 12;

/** The wait before the next attempt after `attempt` throttled ones in a row (1-based). */
export function backoffMs(attempt: number, random: number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, attempt - 1));
  // Full jitter over the upper half keeps retries from many shards apart.
  return Math.round(base / 2 + (base / 2) * random);
}

/**
 * Runs a call, retrying it while it is throttled. `onThrottle` is told of each throttled attempt;
 * after MAX_THROTTLED_ATTEMPTS in a row the call fails with a data LiveError naming `what`.
 */
export async function retryThrottled<T>(
  what: string,
  call: () => Promise<T>,
  clock: Clock,
  onThrottle: () => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'throttled') throw error;
      onThrottle();
      if (attempt >= MAX_THROTTLED_ATTEMPTS) {
        throw new LiveError(`${what} was throttled ${attempt} times in a row; try again later or with fewer calls per second.`, 'data');
      }
      await clock.sleep(backoffMs(attempt, clock.random()), signal);
      if (signal?.aborted) throw new ApiError('aborted', 'stopped');
    }
  }
}
