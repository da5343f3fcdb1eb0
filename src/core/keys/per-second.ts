/**
 * Per-shard records and bytes in each one-second bucket, reduced to each shard's busiest second.
 *
 * Buckets are kept only for a window of recent seconds, so memory does not grow with the time span
 * of the input. Input in time order (or nearly: within the window) gives exact peaks; a row older
 * than the window lands in a bucket that may already have been closed, so it is counted as late and
 * the peaks become lower bounds. The report says so.
 */

/** Seconds kept open behind the newest second seen. */
export const OPEN_WINDOW_SECONDS = 600;
/** Close old buckets once this many are open. */
const FLUSH_AT = 2 * OPEN_WINDOW_SECONDS;

/** Peaks and still-open buckets, as a worker thread sends them back. */
export interface PerSecondData {
  readonly peakRecords: Float64Array;
  readonly peakBytes: Float64Array;
  readonly peakRecordsAt: Float64Array;
  readonly peakBytesAt: Float64Array;
  readonly lateRows: number;
  readonly firstSecond: number;
  readonly lastSecond: number;
  /** Seconds not folded into the peaks: the first and the last ones seen. */
  readonly buckets: readonly (readonly [number, Float64Array])[];
}

export class PerSecond {
  readonly peakRecords: Float64Array;
  readonly peakBytes: Float64Array;
  /** The second (epoch) of each shard's peak, by records and by bytes. */
  readonly peakRecordsAt: Float64Array;
  readonly peakBytesAt: Float64Array;
  /** Rows that arrived after their second had been closed. */
  lateRows = 0;
  firstSecond = Infinity;
  lastSecond = -Infinity;

  private readonly open = new Map<number, Float64Array>();
  /** With holdFirst: buckets of the first seconds, kept whole to be merged with another part's last ones. */
  private readonly head = new Map<number, Float64Array>();
  private headUntil = -Infinity;
  private closedThrough = -Infinity;
  private cachedSecond = NaN;
  private cached: Float64Array | undefined;

  /**
   * holdFirst keeps the buckets of the first OPEN_WINDOW_SECONDS seconds out of the peaks, for an
   * input read in parts whose earlier part may end in the same seconds.
   */
  constructor(
    readonly shardCount: number,
    private readonly holdFirst = false,
  ) {
    this.peakRecords = new Float64Array(shardCount);
    this.peakBytes = new Float64Array(shardCount);
    this.peakRecordsAt = new Float64Array(shardCount).fill(NaN);
    this.peakBytesAt = new Float64Array(shardCount).fill(NaN);
  }

  add(second: number, shard: number, records: number, bytes: number): void {
    let bucket = this.cached;
    if (second !== this.cachedSecond || bucket === undefined) {
      bucket = this.open.get(second) ?? this.head.get(second);
      if (bucket === undefined) {
        if (second <= this.closedThrough) this.lateRows++;
        if (this.holdFirst && this.headUntil === -Infinity) this.headUntil = second + OPEN_WINDOW_SECONDS;
        bucket = new Float64Array(this.shardCount * 2);
        this.open.set(second, bucket);
        if (second < this.firstSecond) this.firstSecond = second;
        if (second > this.lastSecond) this.lastSecond = second;
        if (this.open.size >= FLUSH_AT) this.close(this.lastSecond - OPEN_WINDOW_SECONDS);
      }
      this.cached = bucket;
      this.cachedSecond = second;
    }
    bucket[shard * 2] = bucket[shard * 2]! + records;
    bucket[shard * 2 + 1] = bucket[shard * 2 + 1]! + bytes;
  }

  /** Folds every open bucket into the peaks; call once at the end. */
  finish(): void {
    this.close(Infinity);
    for (const [second, bucket] of this.head) this.fold(second, bucket);
    this.head.clear();
  }

  /** Seconds between the first and last timestamp, inclusive. */
  get spanSeconds(): number {
    return this.lastSecond >= this.firstSecond ? this.lastSecond - this.firstSecond + 1 : 0;
  }

  private close(through: number): void {
    for (const [second, bucket] of this.open) {
      if (second > through) continue;
      this.open.delete(second);
      if (second > this.closedThrough) this.closedThrough = second;
      if (second < this.headUntil && through !== Infinity) {
        this.head.set(second, bucket);
        continue;
      }
      this.fold(second, bucket);
    }
    this.cached = undefined;
    this.cachedSecond = NaN;
  }

  private fold(second: number, bucket: Float64Array): void {
    {
      for (let s = 0; s < this.shardCount; s++) {
        const r = bucket[s * 2]!;
        const b = bucket[s * 2 + 1]!;
        if (r > this.peakRecords[s]! || (r === this.peakRecords[s]! && !(second >= this.peakRecordsAt[s]!))) {
          this.peakRecords[s] = r;
          this.peakRecordsAt[s] = second;
        }
        if (b > this.peakBytes[s]! || (b === this.peakBytes[s]! && !(second >= this.peakBytesAt[s]!))) {
          this.peakBytes[s] = b;
          this.peakBytesAt[s] = second;
        }
      }
    }
  }

  /** Peaks so far and every bucket not folded yet; call instead of finish() in a part. */
  toData(): PerSecondData {
    return {
      peakRecords: this.peakRecords,
      peakBytes: this.peakBytes,
      peakRecordsAt: this.peakRecordsAt,
      peakBytesAt: this.peakBytesAt,
      lateRows: this.lateRows,
      firstSecond: this.firstSecond,
      lastSecond: this.lastSecond,
      buckets: [...this.head, ...this.open],
    };
  }

  /**
   * Adds a later part's seconds: its open buckets join this part's (summing seconds both saw) and
   * its peaks compete with this part's. Call before finish().
   */
  mergeFrom(other: PerSecondData): void {
    for (const [second, theirs] of other.buckets) {
      let bucket = this.open.get(second) ?? this.head.get(second);
      if (bucket === undefined) {
        if (second <= this.closedThrough) this.lateRows++;
        bucket = new Float64Array(this.shardCount * 2);
        this.open.set(second, bucket);
      }
      for (let i = 0; i < bucket.length; i++) bucket[i] = bucket[i]! + theirs[i]!;
    }
    for (let s = 0; s < this.shardCount; s++) {
      if (other.peakRecords[s]! > this.peakRecords[s]!) {
        this.peakRecords[s] = other.peakRecords[s]!;
        this.peakRecordsAt[s] = other.peakRecordsAt[s]!;
      }
      if (other.peakBytes[s]! > this.peakBytes[s]!) {
        this.peakBytes[s] = other.peakBytes[s]!;
        this.peakBytesAt[s] = other.peakBytesAt[s]!;
      }
    }
    this.lateRows += other.lateRows;
    this.firstSecond = Math.min(this.firstSecond, other.firstSecond);
    this.lastSecond = Math.max(this.lastSecond, other.lastSecond);
    this.cached = undefined;
    this.cachedSecond = NaN;
  }
}
