/**
 * Reading a large keys file on two cores: the main thread reads the first half while a worker
 * thread reads the second, from the first line start after the middle. The caller merges the
 * worker's counts and falls back to one thread when the split could be wrong (the first half
 * ends inside a quoted field) or no worker can start.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { AccumulatorData } from '../core/keys/accumulate.js';
import type { Columns, Format } from '../core/keys/scan.js';

/** Files from this size are read by two threads (when two cores are available). */
export const PARALLEL_FROM_BYTES = 32 * 1024 * 1024;
/** How far past the middle to look for a line end before giving up on splitting. */
const SPLIT_SEARCH_BYTES = 1024 * 1024;

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
  | { readonly ok: true; readonly data: AccumulatorData; readonly lines: number; readonly rows: number; readonly blankLines: number }
  | { readonly ok: false; readonly kind: 'malformed' | 'line-data'; readonly line: number; readonly reason: string }
  | { readonly ok: false; readonly kind: 'usage' | 'data' | 'failed'; readonly message: string };

/** The size of a regular file, or undefined (a pipe, a device, an unreadable path). */
export function regularFileSize(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

// node:os and node:worker_threads (with the worker machinery) load only for a file large enough
// to split: a small file's start-up should not pay for them.
export function cores(): number {
  return process.getBuiltinModule('node:os').availableParallelism();
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

/** The offset just after the first line feed at or after the middle of the file, if there is one nearby. */
export function findSplit(path: string, size: number): number | undefined {
  const middle = Math.floor(size / 2);
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(Math.min(SPLIT_SEARCH_BYTES, size - middle));
    const n = readSync(fd, buffer, 0, buffer.length, middle);
    const lf = buffer.subarray(0, n).indexOf(0x0a);
    return lf < 0 || middle + lf + 1 >= size ? undefined : middle + lf + 1;
  } finally {
    closeSync(fd);
  }
}

/** Starts a worker on one part; the promise never rejects (failures come back as results). */
export function startPart(job: PartJob): { readonly result: Promise<PartResult>; cancel(): void } {
  let worker: Worker | undefined;
  const result = new Promise<PartResult>((resolve) => {
    try {
      const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads');
      worker = new WorkerThread(new URL('./key-worker.js', import.meta.url), { workerData: job });
    } catch (error) {
      resolve({ ok: false, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    worker.once('message', (message: PartResult) => resolve(message));
    worker.once('error', (error) => resolve({ ok: false, kind: 'failed', message: error.message }));
    worker.once('exit', (code) => resolve({ ok: false, kind: 'failed', message: `the worker exited with code ${code}` }));
  });
  return {
    result,
    cancel: () => void worker?.terminate(),
  };
}
