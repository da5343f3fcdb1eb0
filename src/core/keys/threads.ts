/**
 * How many threads read a keys file. A second thread pays for itself only on a large file and a
 * free core: it starts its own JavaScript engine, which runs slowly until it has compiled the hot
 * loop, and on a busy machine it only competes with the first. So by default a file is read on
 * two threads from PARALLEL_FROM_BYTES and when the load average leaves a core idle; --threads N
 * asks for N. (Measured in `npm run bench`; see docs/benchmarks.md.)
 */

/** Files from this size are read on two threads by default (when a core is idle). */
export const PARALLEL_FROM_BYTES = 256 * 1024 * 1024;
/** The most threads --threads takes. */
export const MAX_THREADS = 8;
/** Peak memory a thread after the first adds, without its key table, in MiB (measured in npm run bench). */
export const THREAD_MIB = 15;
/** What a key takes in a key table, in bytes: its 64-byte record and two index slots (more for a key over 16 bytes). */
export const KEY_TABLE_BYTES = 72;
/** The spare cores (cores minus the load average) a second thread needs by default. */
const IDLE_CORES = 1.5;

/** The machine's state that decides a second thread. */
export interface Machine {
  readonly cores: number;
  /** The one-minute load average. */
  readonly load: number;
}

/** What decides the number of threads by default. */
export interface ThreadPolicy {
  /** Files from this size may be read on two threads. */
  readonly fromBytes: number;
  /** Asked only for a file that large: a small file's read never looks at the machine. */
  machine(): Machine;
}

/**
 * Threads to read a file of `size` bytes with: `requested` (--threads) when given, else two for a
 * file from policy.fromBytes when a core is idle (cores minus the load average), else one.
 */
export function threadsFor(size: number, requested: number | undefined, policy: ThreadPolicy): number {
  if (requested !== undefined) return requested;
  if (size === 0 || size < policy.fromBytes) return 1;
  const { cores, load } = policy.machine();
  if (cores < 2) return 1;
  return cores - load >= IDLE_CORES ? 2 : 1;
}
