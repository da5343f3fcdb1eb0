/**
 * A live read as data: what kds planned to read before it started, and what it read. The source
 * (io/sources/kinesis.ts) fills these in; the command words them (render/live.ts).
 */
import type { ReadResult } from './reader.js';
import type { ReadWindow } from './time.js';

/** What a live read is about to do, known before the first GetRecords call. */
export interface LivePlan {
  readonly stream: string;
  readonly region: string;
  readonly fromText: string;
  readonly window: ReadWindow;
  readonly seconds: number;
  /** Open shards read, and closed ones (parents whose records are still inside the window). */
  readonly open: number;
  readonly closed: number;
  readonly callsPerSecond: number;
}

/** A finished live read: the plan, where it went, what the reader counted, and what was saved. */
export interface LiveView {
  readonly plan: LivePlan;
  readonly endpoint: string | undefined;
  readonly result: ReadResult;
  readonly listShardsCalls: number;
  readonly saved: { readonly path: string; readonly rows: number } | undefined;
}

/** What a live source reports while it reads, as data for the command to word and show. */
export interface LiveListener {
  /** Before the first call: the plan. */
  started(plan: LivePlan): void;
  /** Now and then while reading: the counts so far. */
  progress(sofar: Pick<ReadResult, 'stats' | 'window'>): void;
}
