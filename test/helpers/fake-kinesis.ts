/**
 * A Kinesis stream in memory behind the KinesisApi interface, on a virtual clock: records become
 * visible at their arrival time, iterators expire, and throttling can be injected per call.
 */
import { ApiError, type IteratorStart, type KinesisApi, type RecordsPage, type ShardsPage, type StreamSummary } from '../../src/core/live/api.js';
import type { Clock } from '../../src/core/live/retry.js';
import type { ListedShard } from '../../src/core/live/shards.js';

export interface FakeRecord {
  readonly key: string;
  readonly data: Uint8Array;
  /** Arrival time, epoch ms. */
  readonly at: number;
}

export interface FakeShard {
  readonly id: string;
  readonly start: bigint;
  readonly end: bigint;
  readonly parent?: string;
  readonly adjacentParent?: string;
  /** Closed shards hold no records after this time. */
  readonly closedAt?: number;
  readonly records: FakeRecord[];
}

/** A clock that only moves when the code under test sleeps or an API call takes time. */
export class VirtualClock implements Clock {
  constructor(public time: number) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return;
    this.time += Math.max(0, ms);
  }
  random(): number {
    return 0.5;
  }
}

export interface Call {
  readonly op: 'getShardIterator' | 'getRecords' | 'listShards' | 'describeStream';
  readonly shardId?: string;
  readonly at: number;
  readonly start?: IteratorStart;
}

export interface FakeOptions {
  /** Throws ProvisionedThroughputExceeded for the nth getRecords call (1-based) of a shard. */
  readonly throttle?: (shardId: string, nth: number) => boolean;
  /** Virtual milliseconds each call takes. */
  readonly latencyMs?: number;
  /** Shards per ListShards page. */
  readonly pageSize?: number;
  readonly retentionHours?: number;
  readonly createdMs?: number;
  /** Called after each call, to put records or interrupt mid-read. */
  readonly afterCall?: (call: Call) => void;
}

export class FakeKinesis implements KinesisApi {
  readonly calls: Call[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly perShard = new Map<string, number>();

  constructor(
    readonly shards: FakeShard[],
    readonly clock: VirtualClock,
    readonly options: FakeOptions = {},
  ) {}

  private async call<T>(call: Omit<Call, 'at'>, signal: AbortSignal | undefined, body: () => T): Promise<T> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const full = { ...call, at: this.clock.now() };
    this.calls.push(full);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new ApiError('aborted', 'aborted');
      this.clock.time += this.options.latencyMs ?? 0;
      return body();
    } finally {
      this.inFlight--;
      this.options.afterCall?.(full);
    }
  }

  describeStream(): Promise<StreamSummary> {
    return this.call({ op: 'describeStream' }, undefined, () => ({
      name: 'fake',
      status: 'ACTIVE',
      retentionHours: this.options.retentionHours ?? 24,
      createdMs: this.options.createdMs,
      shardLevelMetrics: [],
    }));
  }

  listShards(nextToken: string | undefined): Promise<ShardsPage> {
    return this.call({ op: 'listShards' }, undefined, () => {
      const size = this.options.pageSize ?? 1000;
      const from = nextToken === undefined ? 0 : Number(nextToken);
      const page = this.shards.slice(from, from + size).map(
        (s): ListedShard => ({
          ShardId: s.id,
          ParentShardId: s.parent,
          AdjacentParentShardId: s.adjacentParent,
          HashKeyRange: { StartingHashKey: s.start.toString(), EndingHashKey: s.end.toString() },
          SequenceNumberRange: { StartingSequenceNumber: '1', EndingSequenceNumber: s.closedAt === undefined ? undefined : '2' },
        }),
      );
      return { shards: page, nextToken: from + size < this.shards.length ? String(from + size) : undefined };
    });
  }

  private shard(id: string): FakeShard {
    const s = this.shards.find((x) => x.id === id);
    if (!s) throw new Error(`no shard ${id}`);
    return s;
  }

  /** Index of the first record at or after `pos` in arrival order. */
  getShardIterator(shardId: string, start: IteratorStart, signal?: AbortSignal): Promise<string> {
    return this.call({ op: 'getShardIterator', shardId, start }, signal, () => {
      const s = this.shard(shardId);
      const now = this.clock.now();
      let pos: number;
      if (start.type === 'TRIM_HORIZON') pos = 0;
      else if (start.type === 'LATEST') pos = s.records.filter((r) => r.at <= now).length;
      else if (start.type === 'AT_TIMESTAMP') pos = s.records.filter((r) => r.at < start.timestampMs).length;
      else if (start.type === 'AFTER_SEQUENCE_NUMBER') pos = Number(start.sequenceNumber.split(':')[1]) + 1;
      else throw new Error('unknown iterator type');
      return `${shardId}|${pos}|${now}`;
    });
  }

  getRecords(iterator: string, limit: number, signal?: AbortSignal): Promise<RecordsPage> {
    const [shardId, posText, issued] = iterator.split('|') as [string, string, string];
    const nth = (this.perShard.get(shardId) ?? 0) + 1;
    this.perShard.set(shardId, nth);
    return this.call({ op: 'getRecords', shardId }, signal, () => {
      if (this.options.throttle?.(shardId, nth)) throw new ApiError('throttled', 'Rate exceeded for shard');
      const now = this.clock.now();
      if (now - Number(issued) > 300_000) throw new ApiError('expired-iterator', 'Iterator expired');
      const s = this.shard(shardId);
      const pos = Number(posText);
      const visible = s.records.filter((r) => r.at <= now);
      const page = visible.slice(pos, pos + limit);
      const next = pos + page.length;
      const closedAndRead = s.closedAt !== undefined && next >= s.records.length;
      const unread = visible[next];
      return {
        records: page.map((r, i) => ({
          PartitionKey: r.key,
          Data: r.data,
          ApproximateArrivalTimestamp: new Date(r.at),
          SequenceNumber: `${shardId}:${pos + i}`,
        })),
        nextIterator: closedAndRead ? undefined : `${shardId}|${next}|${now}`,
        millisBehindLatest: unread === undefined ? 0 : now - unread.at,
      };
    });
  }
}

const SPACE = 1n << 128n;

/** n shards with equal ranges, ids shardId-000000000000 on. */
export function evenShards(n: number, records: (i: number) => FakeRecord[] = () => []): FakeShard[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `shardId-${String(i).padStart(12, '0')}`,
    start: (BigInt(i) * SPACE) / BigInt(n),
    end: (BigInt(i + 1) * SPACE) / BigInt(n) - 1n,
    records: records(i),
  }));
}
