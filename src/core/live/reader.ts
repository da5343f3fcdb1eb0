/**
 * Reads a window of a stream with GetRecords, shard by shard, and hands every user record on as a
 * KeyRecord carrying the open shard it is counted on.
 *
 * - Pace: each shard gets at most `callsPerSecond` GetRecords calls a second (default 1 of the 5
 *   a shard allows), and at most `maxInFlight` calls run at once, so a 10,000-shard stream is read
 *   in turn instead of all at once.
 * - Throttling is retried with backoff and counted; an expired iterator is renewed after the last
 *   record read.
 * - Parents are read to their end before their children start; with a window in the past, shards
 *   are kept within a few minutes of each other so that records arrive nearly in time order.
 * - `latest`: every open shard gets its iterator first; the window starts once all have one.
 * - The read stops at the window's end, after `maxRecords` user records, or when the signal aborts.
 *
 * Nothing here touches the world except through `api` and `clock`.
 */
import { expandRecord, newExpandStats } from '../keys/expand.js';
import type { KeyRecord } from '../keys/record.js';
import type { ShardMap } from '../keys/shard-map.js';
import { ApiError, type IteratorStart, type KinesisApi, type StreamRecord } from './api.js';
import { LiveError } from './errors.js';
import { backoffMs, MAX_THROTTLED_ATTEMPTS, type Clock } from './retry.js';
import { placeRecord, type ReadShard } from './shards.js';
import { caughtUpPastEnd, covered, pastWindowEnd, positionAfter, type ReadWindow } from './time.js';

export interface ReadOptions {
  readonly window: ReadWindow;
  /** GetRecords calls per second per shard, at most. */
  readonly callsPerSecond: number;
  /** Stop after this many user records. */
  readonly maxRecords?: number | undefined;
  /** Calls in flight at once, at most. */
  readonly maxInFlight: number;
  /** The GetRecords Limit. */
  readonly limit: number;
  /** With a window in the past, how far (ms) a shard may run ahead of the slowest one. */
  readonly aheadMs?: number;
}

export interface ReadDeps {
  readonly api: KinesisApi;
  readonly clock: Clock;
  /** Aborts on Ctrl+C. */
  readonly signal?: AbortSignal;
  readonly onRecords: (records: readonly KeyRecord[]) => void;
  readonly onProgress?: (stats: ReadStats) => void;
}

export interface CorruptAggregate {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly key: string;
  readonly problem: string;
}

export interface ReadStats {
  readonly shards: number;
  shardsDone: number;
  getShardIteratorCalls: number;
  getRecordsCalls: number;
  /** Calls answered with a throttling error (each retried after a backoff). */
  throttled: number;
  expiredIterators: number;
  /** Records as Kinesis stores them (an aggregate is one). */
  kinesisRecords: number;
  /** Records counted: user records after de-aggregation. */
  userRecords: number;
  /** Of those, user records taken out of KPL aggregates. */
  fromAggregates: number;
  /** Data bytes of the user records. */
  dataBytes: number;
  aggregates: number;
  corruptAggregates: number;
  /** Records that start with the KPL magic bytes but fail its checksum: counted as plain records. */
  checksumMismatches: number;
  /** With `latest`: records that arrived before the window opened, not counted. */
  beforeWindow: number;
  /** Records read from closed shards and counted on today's open ones. */
  fromClosedShards: number;
  /** Share of the window covered (0 to 1), averaged over shards. */
  coverage: number;
}

export type StopReason = 'window' | 'max-records' | 'interrupt';

export interface ReadResult {
  /** The window actually read (with `latest`, it opens once every shard has its iterator). */
  readonly window: ReadWindow;
  readonly stats: ReadStats;
  readonly stoppedBy: StopReason;
  readonly corruptExamples: readonly CorruptAggregate[];
}

/** Corrupt aggregates kept as examples for the report. */
export const CORRUPT_EXAMPLES = 5;
/** With a window in the past, a shard waits when it is this far ahead of the slowest. */
export const DEFAULT_AHEAD_MS = 300_000;
const RECHECK_MS = 250;

interface Task {
  readonly shard: ReadShard;
  readonly index: number;
  iterator: string | undefined;
  lastSequence: string | undefined;
  nextAt: number;
  position: number;
  done: boolean;
  waitingOn: number;
  throttledInRow: number;
  readonly children: Task[];
}

/** A binary min-heap of tasks by nextAt (ties by shard order). */
class TaskHeap {
  private readonly items: Task[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Task | undefined {
    return this.items[0];
  }
  private less(a: Task, b: Task): boolean {
    return a.nextAt < b.nextAt || (a.nextAt === b.nextAt && a.index < b.index);
  }
  push(t: Task): void {
    const h = this.items;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Task | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = i * 2 + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function newStats(shards: number): ReadStats {
  return {
    shards,
    shardsDone: 0,
    getShardIteratorCalls: 0,
    getRecordsCalls: 0,
    throttled: 0,
    expiredIterators: 0,
    kinesisRecords: 0,
    userRecords: 0,
    fromAggregates: 0,
    dataBytes: 0,
    aggregates: 0,
    corruptAggregates: 0,
    checksumMismatches: 0,
    beforeWindow: 0,
    fromClosedShards: 0,
    coverage: 0,
  };
}

export async function readShards(map: ShardMap, shards: readonly ReadShard[], options: ReadOptions, deps: ReadDeps): Promise<ReadResult> {
  const { api, clock } = deps;
  const stats = newStats(shards.length);
  const corruptExamples: CorruptAggregate[] = [];
  const stop = new AbortController();
  let stoppedBy: StopReason = 'window';
  let failure: unknown;
  let window = options.window;
  const interval = 1000 / options.callsPerSecond;
  const aheadMs = options.aheadMs ?? DEFAULT_AHEAD_MS;

  const onAbort = (): void => {
    if (!stop.signal.aborted) {
      stoppedBy = 'interrupt';
      stop.abort();
    }
  };
  if (deps.signal?.aborted) onAbort();
  deps.signal?.addEventListener('abort', onAbort);

  const byId = new Map<string, Task>();
  const tasks: Task[] = shards.map((shard, index) => {
    const t: Task = {
      shard,
      index,
      iterator: undefined,
      lastSequence: undefined,
      nextAt: 0,
      position: window.startMs,
      done: false,
      waitingOn: 0,
      throttledInRow: 0,
      children: [],
    };
    byId.set(shard.shardId, t);
    return t;
  });
  for (const t of tasks) {
    for (const p of t.shard.parents) {
      const parent = byId.get(p);
      if (parent === undefined) continue;
      parent.children.push(t);
      t.waitingOn++;
    }
  }

  const fail = (error: unknown): void => {
    if (failure === undefined) failure = error;
    stop.abort();
  };

  const startOf = (t: Task): IteratorStart => {
    if (t.lastSequence !== undefined) return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: t.lastSequence };
    if (window.iterator === 'AT_TIMESTAMP') return { type: 'AT_TIMESTAMP', timestampMs: window.timestamp ?? window.startMs };
    if (window.iterator === 'TRIM_HORIZON') return { type: 'TRIM_HORIZON' };
    // With latest, iterators come from the preparation below; one renewed before any record was
    // read restarts at the window's start, not at a later LATEST.
    return { type: 'AT_TIMESTAMP', timestampMs: window.startMs };
  };

  const throttled = (t: Task, what: string): void => {
    stats.throttled++;
    t.throttledInRow++;
    if (t.throttledInRow >= MAX_THROTTLED_ATTEMPTS) {
      fail(new LiveError(`${what} on ${t.shard.shardId} was throttled ${t.throttledInRow} times in a row; try again later or with fewer calls per second.`, 'data'));
      return;
    }
    t.nextAt = clock.now() + backoffMs(t.throttledInRow, clock.random());
  };

  const expanded = newExpandStats();
  /** The user records of one Kinesis record (../keys/expand.ts), each on the open shard it counts on. */
  const userRecordsOf = (t: Task, rec: StreamRecord, arrival: number | undefined): KeyRecord[] => {
    const key = rec.PartitionKey ?? '';
    const data = rec.Data ?? new Uint8Array(0);
    stats.kinesisRecords++;
    const out: KeyRecord[] = [];
    const outer: KeyRecord = { key, dataBytes: data.length, time: arrival === undefined ? NaN : arrival / 1000 };
    expandRecord(
      outer,
      data,
      expanded,
      (r) => out.push({ ...r, shardId: map.shards[placeRecord(map, t.shard, r.key, r.explicitHashKey)]!.shardId }),
      (problem) => {
        if (corruptExamples.length < CORRUPT_EXAMPLES) corruptExamples.push({ shardId: t.shard.shardId, sequenceNumber: rec.SequenceNumber ?? '', key, problem });
      },
    );
    stats.aggregates = expanded.aggregated - expanded.corrupt;
    stats.corruptAggregates = expanded.corrupt;
    stats.checksumMismatches = expanded.checksumMismatches;
    return out;
  };

  const ready = new TaskHeap();
  const finish = (t: Task): void => {
    t.done = true;
    t.position = Math.max(t.position, window.endMs);
    stats.shardsDone++;
    for (const c of t.children) {
      c.waitingOn--;
      if (c.waitingOn === 0) {
        c.nextAt = clock.now();
        ready.push(c);
      }
    }
  };

  /** One call for one shard: an iterator, or a page of records. */
  const step = async (t: Task): Promise<void> => {
    try {
      if (t.iterator === undefined) {
        const start = startOf(t);
        t.iterator = await api.getShardIterator(t.shard.shardId, start, stop.signal);
        stats.getShardIteratorCalls++;
        t.throttledInRow = 0;
        t.nextAt = Math.max(clock.now(), t.nextAt);
        if (!stop.signal.aborted) ready.push(t);
        return;
      }
      const callAt = clock.now();
      const page = await api.getRecords(t.iterator, options.limit, stop.signal);
      stats.getRecordsCalls++;
      t.throttledInRow = 0;
      if (stop.signal.aborted) return;
      let newest: number | undefined;
      let hitEnd = false;
      const out: KeyRecord[] = [];
      for (const rec of page.records) {
        const arrival = rec.ApproximateArrivalTimestamp?.getTime();
        if (arrival !== undefined && pastWindowEnd(arrival, window)) {
          hitEnd = true;
          break;
        }
        if (rec.SequenceNumber !== undefined) t.lastSequence = rec.SequenceNumber;
        if (arrival !== undefined) newest = Math.max(newest ?? arrival, arrival);
        if (window.iterator === 'LATEST' && arrival !== undefined && arrival < window.startMs) {
          stats.beforeWindow++;
          continue;
        }
        let users = userRecordsOf(t, rec, arrival);
        if (options.maxRecords !== undefined && stats.userRecords + users.length >= options.maxRecords) {
          users = users.slice(0, options.maxRecords - stats.userRecords);
          stoppedBy = 'max-records';
          stop.abort();
        }
        if (!t.shard.open) stats.fromClosedShards += users.length;
        stats.userRecords += users.length;
        for (const u of users) if (u.aggregated === true) stats.fromAggregates++;
        for (const u of users) stats.dataBytes += u.dataBytes;
        out.push(...users);
        if (stop.signal.aborted) break;
      }
      if (out.length > 0) deps.onRecords(out);
      t.position = Math.max(t.position, positionAfter(callAt, page.millisBehindLatest, newest));
      if (stop.signal.aborted) return;
      const caughtUp = page.records.length < options.limit && caughtUpPastEnd(callAt, page.millisBehindLatest, window);
      if (hitEnd || page.nextIterator === undefined || caughtUp) {
        finish(t);
        return;
      }
      t.iterator = page.nextIterator;
      t.nextAt = callAt + interval;
      ready.push(t);
    } catch (error) {
      if (stop.signal.aborted) return;
      if (error instanceof ApiError) {
        if (error.code === 'throttled') {
          throttled(t, t.iterator === undefined ? 'GetShardIterator' : 'GetRecords');
          if (!stop.signal.aborted) ready.push(t);
          return;
        }
        if (error.code === 'expired-iterator') {
          stats.expiredIterators++;
          t.iterator = undefined;
          t.nextAt = clock.now();
          ready.push(t);
          return;
        }
        if (error.code === 'aborted') return;
      }
      fail(error);
    } finally {
      deps.onProgress?.(progress());
    }
  };

  const progress = (): ReadStats => {
    let sum = 0;
    for (const t of tasks) sum += t.done ? 1 : covered(t.position, window);
    stats.coverage = tasks.length === 0 ? 1 : sum / tasks.length;
    return stats;
  };

  const inflight = new Set<Promise<void>>();
  const launch = (t: Task): void => {
    const p: Promise<void> = step(t).finally(() => inflight.delete(p));
    inflight.add(p);
  };

  /** Runs until nothing is ready or in flight, or the read stops. */
  const drain = async (): Promise<void> => {
    let slowest = -Infinity;
    let slowestAt = -Infinity;
    while (!stop.signal.aborted) {
      const now = clock.now();
      if (window.past && now - slowestAt >= RECHECK_MS) {
        slowest = Infinity;
        for (const t of tasks) if (!t.done && t.waitingOn === 0 && t.position < slowest) slowest = t.position;
        slowestAt = now;
      }
      const deferred: Task[] = [];
      while (inflight.size < options.maxInFlight && ready.size > 0 && ready.peek()!.nextAt <= now) {
        const t = ready.pop()!;
        if (window.past && t.iterator !== undefined && t.position > slowest + aheadMs) {
          t.nextAt = now + RECHECK_MS;
          deferred.push(t);
          continue;
        }
        launch(t);
      }
      for (const t of deferred) ready.push(t);
      if (inflight.size === 0 && ready.size === 0) return;
      const nap = new AbortController();
      const waits: Promise<unknown>[] = [...inflight];
      if (inflight.size < options.maxInFlight && ready.size > 0) {
        waits.push(clock.sleep(Math.max(0, ready.peek()!.nextAt - now), nap.signal));
      }
      const onStop = (): void => nap.abort();
      stop.signal.addEventListener('abort', onStop);
      waits.push(new Promise<void>((resolve) => nap.signal.addEventListener('abort', () => resolve())));
      await Promise.race(waits);
      stop.signal.removeEventListener('abort', onStop);
      nap.abort();
    }
  };

  try {
    if (window.iterator === 'LATEST') {
      // Every shard gets its iterator before the window opens, so that all shards cover the same
      // seconds however long the iterators take on a large stream.
      for (const t of tasks) ready.push(t);
      const prepare = async (): Promise<void> => {
        while (!stop.signal.aborted) {
          while (inflight.size < options.maxInFlight && ready.size > 0 && ready.peek()!.nextAt <= clock.now()) {
            const t = ready.pop()!;
            const p: Promise<void> = (async () => {
              try {
                t.iterator = await api.getShardIterator(t.shard.shardId, { type: 'LATEST' }, stop.signal);
                stats.getShardIteratorCalls++;
                t.throttledInRow = 0;
              } catch (error) {
                if (stop.signal.aborted) return;
                if (error instanceof ApiError && error.code === 'throttled') {
                  throttled(t, 'GetShardIterator');
                  if (!stop.signal.aborted) ready.push(t);
                } else fail(error);
              }
            })().finally(() => inflight.delete(p));
            inflight.add(p);
          }
          if (inflight.size === 0 && ready.size === 0) return;
          const nap = new AbortController();
          const waits: Promise<unknown>[] = [...inflight];
          if (ready.size > 0 && inflight.size < options.maxInFlight) waits.push(clock.sleep(Math.max(0, ready.peek()!.nextAt - clock.now()), nap.signal));
          await Promise.race(waits);
          nap.abort();
        }
      };
      await prepare();
      await Promise.allSettled([...inflight]);
      const length = window.endMs - window.startMs;
      const opened = clock.now();
      window = { ...window, startMs: opened, endMs: opened + length };
      for (const t of tasks) {
        t.position = opened;
        t.nextAt = opened;
        if (!stop.signal.aborted) ready.push(t);
      }
    } else {
      for (const t of tasks) if (t.waitingOn === 0) ready.push(t);
    }
    await drain();
    await Promise.allSettled([...inflight]);
  } finally {
    deps.signal?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined) throw failure;
  return { window, stats: progress(), stoppedBy, corruptExamples };
}
