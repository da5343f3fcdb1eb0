/**
 * Per-shard records and bytes in each one-second bucket, reduced to each shard's busiest second.
 *
 * Buckets are kept only for a window of recent seconds, so memory does not grow with the time span
 * of the input. Input in time order (or nearly: within the window) gives exact peaks; a row older
 * than the window lands in a bucket that may already have been closed, so it is counted as late and
 * the peaks become lower bounds. The report says so.
 *
 * A bucket holds only the shards that received records in its second, so a stream of a million
 * shards costs no more per second than the shards the input actually reaches.
 */

/** Seconds kept open behind the newest second seen. */
export const OPEN_WINDOW_SECONDS = 600;
/** Close old buckets once this many are open. */
const FLUSH_AT = 2 * OPEN_WINDOW_SECONDS;
/** Up to this many shards a bucket is a plain array over every shard (fastest); above it, sparse. */
const DENSE_MAX_SHARDS = 1024;

/** One second's counts as plain data: the shards it touched and their records and bytes. */
export interface BucketData {
  readonly shards: Int32Array;
  /** Records then bytes for each shard in `shards`. */
  readonly values: Float64Array;
}

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
  readonly buckets: readonly (readonly [number, BucketData])[];
}

/** The records and bytes of each shard in one second. */
class Bucket {
  /** Dense: [records, bytes] per shard. Sparse: [records, bytes] per slot, in `shards` order. */
  values: Float64Array;
  /** Sparse only: the shard of each slot, and the slot of each shard. */
  readonly shards: number[] | undefined;
  private readonly slots: Map<number, number> | undefined;

  constructor(shardCount: number) {
    if (shardCount <= DENSE_MAX_SHARDS) {
      this.values = new Float64Array(shardCount * 2);
    } else {
      this.values = new Float64Array(16);
      this.shards = [];
      this.slots = new Map();
    }
  }

  add(shard: number, records: number, bytes: number): void {
    let at = shard * 2;
    const slots = this.slots;
    if (slots !== undefined) {
      let slot = slots.get(shard);
      if (slot === undefined) {
        slot = this.shards!.length;
        this.shards!.push(shard);
        slots.set(shard, slot);
        if (slot * 2 + 2 > this.values.length) {
          const bigger = new Float64Array(this.values.length * 2);
          bigger.set(this.values);
          this.values = bigger;
        }
      }
      at = slot * 2;
    }
    this.values[at] = this.values[at]! + records;
    this.values[at + 1] = this.values[at + 1]! + bytes;
  }

  /** Calls fn for every shard with records in this second. */
  forEach(fn: (shard: number, records: number, bytes: number) => void): void {
    const v = this.values;
    if (this.shards === undefined) {
      for (let s = 0; s * 2 < v.length; s++) if (v[s * 2]! > 0 || v[s * 2 + 1]! > 0) fn(s, v[s * 2]!, v[s * 2 + 1]!);
      return;
    }
    this.shards.forEach((s, slot) => fn(s, v[slot * 2]!, v[slot * 2 + 1]!));
  }

  toData(): BucketData {
    const shards: number[] = [];
    const values: number[] = [];
    this.forEach((s, r, b) => {
      shards.push(s);
      values.push(r, b);
    });
    return { shards: Int32Array.from(shards), values: Float64Array.from(values) };
  }
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

  private readonly open = new Map<number, Bucket>();
  /** With holdFirst: buckets of the first seconds, kept whole to be merged with another part's last ones. */
  private readonly head = new Map<number, Bucket>();
  private headUntil = -Infinity;
  private closedThrough = -Infinity;
  private cachedSecond = NaN;
  private cached: Bucket | undefined;

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
      bucket = this.bucketAt(second);
      this.cached = bucket;
      this.cachedSecond = second;
    }
    bucket.add(shard, records, bytes);
  }

  /** The second add() counted last, while its bucket is at hand (else NaN): rows of it may be added fast. */
  get currentSecond(): number {
    return this.cached === undefined ? NaN : this.cachedSecond;
  }

  /**
   * The counts of currentSecond's bucket as [records, bytes] per shard, to add to directly, or
   * undefined when buckets are sparse (then use add()). Valid until the next add().
   */
  currentValues(): Float64Array | undefined {
    const bucket = this.cached;
    return bucket !== undefined && bucket.shards === undefined ? bucket.values : undefined;
  }

  private bucketAt(second: number): Bucket {
    let bucket = this.open.get(second) ?? this.head.get(second);
    if (bucket === undefined) {
      if (second <= this.closedThrough) this.lateRows++;
      if (this.holdFirst && this.headUntil === -Infinity) this.headUntil = second + OPEN_WINDOW_SECONDS;
      bucket = new Bucket(this.shardCount);
      this.open.set(second, bucket);
      if (second < this.firstSecond) this.firstSecond = second;
      if (second > this.lastSecond) this.lastSecond = second;
      if (this.open.size >= FLUSH_AT) {
        this.close(this.lastSecond - OPEN_WINDOW_SECONDS);
        // close() may have folded the bucket just made (a late second); keep it open for this row.
        if (!this.open.has(second) && !this.head.has(second)) this.open.set(second, bucket);
      }
    }
    return bucket;
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

  /** Lets one second's counts compete with each shard's peaks (a loop, not bucket.forEach: it runs once per second). */
  private fold(second: number, bucket: Bucket): void {
    const v = bucket.values;
    const shards = bucket.shards;
    const { peakRecords, peakBytes, peakRecordsAt, peakBytesAt } = this;
    const slots = shards === undefined ? v.length >> 1 : shards.length;
    for (let slot = 0; slot < slots; slot++) {
      const r = v[slot * 2]!;
      const b = v[slot * 2 + 1]!;
      // A dense bucket has every shard; those without records in this second are not in it.
      if (shards === undefined && !(r > 0 || b > 0)) continue;
      const s = shards === undefined ? slot : shards[slot]!;
      if (r > peakRecords[s]! || (r === peakRecords[s]! && !(second >= peakRecordsAt[s]!))) {
        peakRecords[s] = r;
        peakRecordsAt[s] = second;
      }
      if (b > peakBytes[s]! || (b === peakBytes[s]! && !(second >= peakBytesAt[s]!))) {
        peakBytes[s] = b;
        peakBytesAt[s] = second;
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
      buckets: [...this.head, ...this.open].map(([second, bucket]) => [second, bucket.toData()] as const),
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
        bucket = new Bucket(this.shardCount);
        this.open.set(second, bucket);
      }
      for (let i = 0; i < theirs.shards.length; i++) bucket.add(theirs.shards[i]!, theirs.values[i * 2]!, theirs.values[i * 2 + 1]!);
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
