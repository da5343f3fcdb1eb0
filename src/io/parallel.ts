/**
 * Reading a large keys file on several cores: the main thread reads the first part while worker
 * threads read the others, each from the first line start after its share of the file. The caller
 * merges the workers' counts in file order and falls back to one thread when a split could be
 * wrong (a part ends inside a quoted field) or a worker cannot start. How many threads: see
 * ../core/keys/threads.ts.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { AccumulatorData } from '../core/keys/accumulate.js';
import type { Columns, Format } from '../core/keys/scan.js';
import { PARALLEL_FROM_BYTES, type ThreadPolicy } from '../core/keys/threads.js';

/** How far past a part's share to look for a line end before giving up on splitting. */
const SPLIT_SEARCH_BYTES = 1024 * 1024;
const SPLIT_STEP_BYTES = 64 * 1024;

export interface PartJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly format: Format;
  /** The field delimiter byte. */
  readonly delimiter: number;
  readonly columns: Columns;
  /** The map: a uniform map by its shard count, any other by its shards. */
  readonly uniform: number | undefined;
  readonly shards: readonly { readonly id: string; readonly start: string; readonly end: string }[];
  readonly maxKeys: number;
  readonly strict: boolean;
}

export type PartResult =
  | {
      readonly ok: true;
      readonly data: AccumulatorData;
      readonly lines: number;
      readonly rows: number;
      readonly blankLines: number;
      /** The part ended inside a quoted field: the next part may start in the middle of it. */
      readonly unterminatedQuote: boolean;
    }
  | { readonly ok: false; readonly kind: 'malformed' | 'line-data'; readonly line: number; readonly reason: string }
  | { readonly ok: false; readonly kind: 'usage' | 'data' | 'failed'; readonly message: string };

/** The policy for the default number of threads on this machine, now (see ../core/keys/threads.ts). */
export function threadPolicy(fromBytes = PARALLEL_FROM_BYTES): ThreadPolicy {
  return {
    fromBytes,
    machine() {
      // node:os loads only for a file large enough to split: a small file's start-up does not pay for it.
      const os = process.getBuiltinModule('node:os');
      return { cores: os.availableParallelism(), load: os.loadavg()[0] ?? 0 };
    },
  };
}

/** Reads up to `length` bytes from the start of a file. */
export function readHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The offset just after the first line feed at or after `from`, if there is one within SPLIT_SEARCH_BYTES. */
function lineStartAfter(fd: number, from: number, size: number, buffer: Uint8Array): number | undefined {
  for (let at = from; at < size && at < from + SPLIT_SEARCH_BYTES; at += buffer.length) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (n <= 0) return undefined;
    const lf = buffer.subarray(0, n).indexOf(0x0a);
    if (lf >= 0) return at + lf + 1 < size ? at + lf + 1 : undefined;
  }
  return undefined;
}

/**
 * Where the parts of a file read on `parts` threads start: 0, then the first line start after each
 * further share of the file. Undefined when the file cannot be cut into that many parts.
 */
export function findSplits(path: string, size: number, parts: number): number[] | undefined {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(SPLIT_STEP_BYTES);
    const starts = [0];
    for (let i = 1; i < parts; i++) {
      const from = Math.max(Math.floor((size * i) / parts), starts[i - 1]!);
      const start = lineStartAfter(fd, from, size, buffer);
      if (start === undefined || start <= starts[i - 1]!) return undefined;
      starts.push(start);
    }
    return starts;
  } finally {
    closeSync(fd);
  }
}

/** Starts a worker on one part; the promise never rejects (failures come back as results). */
export function startPart(job: PartJob): { readonly result: Promise<PartResult>; cancel(): void } {
  let cancelled = false;
  let stop: (() => void) | undefined;
  const result = (async (): Promise<PartResult> => {
    try {
      // Loaded here: a read on one thread never loads the worker machinery.
      const { Worker } = await import('node:worker_threads');
      if (cancelled) return { ok: false, kind: 'failed', message: 'cancelled' };
      const worker = new Worker(new URL('./key-worker.js', import.meta.url), { workerData: job });
      stop = () => void worker.terminate();
      return await new Promise<PartResult>((resolve) => {
        worker.once('message', (message: PartResult) => resolve(message));
        worker.once('error', (error) => resolve({ ok: false, kind: 'failed', message: error.message }));
        worker.once('exit', (code) => resolve({ ok: false, kind: 'failed', message: `the worker exited with code ${code}` }));
      });
    } catch (error) {
      return { ok: false, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  })();
  return {
    result,
    cancel: () => {
      cancelled = true;
      stop?.();
    },
  };
}
