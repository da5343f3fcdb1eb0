/**
 * An exclusive lock on a file shared by several kds processes, through proper-lockfile: the lock
 * is a `<file>.lock` folder (mkdir is atomic on every platform), its holder touches it while it
 * works, and a lock left untouched for STALE_MS by a writer that died is taken over. Loaded only
 * when kds writes progress.
 */
import { InputError } from '../errors.js';

/** A holder refreshes its lock every STALE_MS / 2; one silent this long has died. */
export const STALE_MS = 5_000;
/** How long to wait for a busy lock: a dead holder's stale time, and then some. */
export const WAIT_MS = 20_000;
/** Waits between tries are drawn from this range, so that waiting writers do not move in step. */
const RETRY_MS = { min: 5, max: 40 } as const;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Runs work while holding the lock on file; the lock is released however work ends. */
export async function withLock<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  // The package is CommonJS: its exports are the default export (as bundled and as loaded by Node).
  const { default: lockfile } = await import('proper-lockfile');
  const lockPath = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  let release: (() => Promise<void>) | undefined;
  while (release === undefined) {
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        lockfilePath: lockPath,
        stale: STALE_MS,
        retries: 0,
        // Taken over while working (the process stalled for STALE_MS): the write still lands whole,
        // being a rename; the next writer reads it. Throwing here would crash from a timer.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) {
        throw new InputError(
          `${file} stayed locked by another kds run for ${WAIT_MS / 1000} s; try again, or delete ${lockPath} if no kds is running.`,
        );
      }
      await sleep(RETRY_MS.min + Math.random() * (RETRY_MS.max - RETRY_MS.min));
    }
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
