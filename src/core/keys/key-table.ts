/**
 * A table of keys held as raw bytes, with per-key counters: the heart of the analyzer's speed.
 *
 * Rows are looked up by their bytes (no string per row, no Map<string>); a key's MD5 and shard are
 * computed once, when it is first seen, and stored next to its counters. Keys are ordinary bytes,
 * so `__proto__` or `constructor` are keys like any other.
 *
 * Memory is bounded: past `maxEntries` distinct keys the table purges the less frequent half, in the
 * manner of the Space-Saving heavy-hitter sketch. A key that enters after a purge starts at the
 * purge's `floor` (the largest count a purged or never-seen key can have), so `records` stays an
 * upper bound of the key's true count and `records - error` a lower bound. Keys whose true count
 * exceeds the final floor are always in the table. Until the first purge every count is exact.
 */
import { md5Words } from './md5.js';

/** The shard slot of a key whose rows went to more than one shard (explicit hash keys). */
export const MIXED_SHARD = -1;

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over a byte range: the table's own (non-cryptographic) hash. */
export function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, FNV_PRIME);
  return h;
}

const MIN_CAPACITY = 1024;

/** A table's keys and counters as plain typed arrays: what a worker thread sends back. */
export interface KeyTableData {
  readonly maxEntries: number;
  readonly size: number;
  readonly floor: number;
  readonly purges: number;
  readonly inserted: number;
  readonly arena: Uint8Array;
  readonly offset: Uint32Array;
  readonly length: Uint32Array;
  readonly fh: Int32Array;
  readonly stats: Float64Array;
  readonly hash: Uint32Array;
}
const PURGE_SAMPLE = 4096;

export class KeyTable {
  /** Number of keys held. */
  size = 0;
  /** Count given to a key when it enters: 0 until the first purge. */
  floor = 0;
  /** Keys added, counting a key again when it returns after a purge. */
  inserted = 0;
  /** How many times the table purged its less frequent keys (0: every count is exact). */
  purges = 0;

  arena: Uint8Array;
  arenaUsed = 0;
  offset: Uint32Array;
  length: Uint32Array;
  fh: Int32Array;
  /**
   * Four numbers per key, side by side so that a row touches one cache line: records (an upper
   * bound, exact when error is 0), bytes counted while the key was in the table, error (how much
   * of records may belong to the time before the key entered) and shard.
   */
  stats: Float64Array;
  /** The routing hash key of each entry, four words each. */
  hash: Uint32Array;

  /**
   * Open addressing, four ints per slot: entry + 1 (0 when empty), the key's FNV-1a, its arena
   * offset and its length; a lookup reads one slot and the arena, nothing else.
   */
  private slots: Int32Array;
  private mask: number;
  private capacity: number;

  constructor(public maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 2) throw new RangeError('a key table needs room for 2 keys or more');
    this.capacity = Math.min(MIN_CAPACITY, maxEntries);
    this.arena = new Uint8Array(64 * 1024);
    this.offset = new Uint32Array(this.capacity);
    this.length = new Uint32Array(this.capacity);
    this.fh = new Int32Array(this.capacity);
    this.stats = new Float64Array(this.capacity * 4);
    this.hash = new Uint32Array(this.capacity * 4);
    const slotCount = nextPowerOfTwo(this.capacity * 2);
    this.slots = new Int32Array(slotCount * 4);
    this.mask = slotCount - 1;
  }

  /** True when the counts are estimates (the table has purged keys). */
  get approximate(): boolean {
    return this.purges > 0;
  }

  /** The entry holding bytes[start, end) (whose FNV-1a is h), or -1. */
  find(bytes: Uint8Array, start: number, end: number, h: number): number {
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let i = (h & mask) << 2;
    for (;;) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      if (slots[i + 1] === h && slots[i + 3] === len) {
        const arena = this.arena;
        const o = slots[i + 2]!;
        let k = 0;
        while (k < len && arena[o + k] === bytes[start + k]) k++;
        if (k === len) return slot - 1;
      }
      i = (i + 4) & (mask << 2 | 3);
    }
  }

  /**
   * Reads the slot, key bytes and counters that find() is about to need for each hash, without
   * depending on one another: the CPU overlaps the cache misses of a whole batch this way, and the
   * lookups that follow find everything in cache. Returns a value only so that the reads are kept.
   */
  warm(hashes: Int32Array, count: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const arena = this.arena;
    const stats = this.stats;
    let x = 0;
    for (let i = 0; i < count; i++) {
      const j = (hashes[i]! & mask) << 2;
      const e = slots[j]! - 1;
      x ^= arena[slots[j + 2]!]! ^ (e >= 0 ? stats[e * 4]! : 0);
    }
    return x;
  }

  /**
   * Adds a key that find() did not find; returns its entry. May purge first, so entry numbers
   * held from before this call are no longer valid.
   */
  insert(bytes: Uint8Array, start: number, end: number, h: number): number {
    if (this.size === this.capacity) {
      if (this.capacity < this.maxEntries) this.grow();
      else this.purge();
    }
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(Math.ceil(this.arena.length * 1.5), this.arenaUsed + len));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    const e = this.size++;
    this.inserted++;
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.offset[e] = this.arenaUsed;
    this.length[e] = len;
    this.arenaUsed += len;
    this.fh[e] = h;
    const at = e * 4;
    this.stats[at] = this.floor;
    this.stats[at + 1] = 0;
    this.stats[at + 2] = this.floor;
    this.stats[at + 3] = 0;
    this.place(e);
    return e;
  }

  /** Upper bound of the key's records (exact when errorOf is 0). */
  recordsOf(e: number): number {
    return this.stats[e * 4]!;
  }

  /** Records seen while the key was in the table: a lower bound, exact when errorOf is 0. */
  observedOf(e: number): number {
    return this.stats[e * 4]! - this.stats[e * 4 + 2]!;
  }

  bytesOf(e: number): number {
    return this.stats[e * 4 + 1]!;
  }

  errorOf(e: number): number {
    return this.stats[e * 4 + 2]!;
  }

  shardOf(e: number): number {
    return this.stats[e * 4 + 3]!;
  }

  setShard(e: number, shard: number): void {
    this.stats[e * 4 + 3] = shard;
  }

  /** Adds records and bytes to a key. */
  add(e: number, records: number, bytes: number): void {
    const at = e * 4;
    this.stats[at] = this.stats[at]! + records;
    this.stats[at + 1] = this.stats[at + 1]! + bytes;
  }

  /** Computes and stores the MD5 hash key of an entry's bytes. */
  hashEntry(e: number): void {
    const o = this.offset[e]!;
    md5Words(this.arena, o, o + this.length[e]!, this.hash, e * 4);
  }

  /** The key bytes of an entry (a view into the arena: copy it before the table changes). */
  keyBytes(e: number): Uint8Array {
    const o = this.offset[e]!;
    return this.arena.subarray(o, o + this.length[e]!);
  }

  /** The table as plain arrays (views of its own memory: the table must not be used afterwards). */
  toData(): KeyTableData {
    const n = this.size;
    return {
      maxEntries: this.maxEntries,
      size: n,
      floor: this.floor,
      purges: this.purges,
      inserted: this.inserted,
      arena: this.arena.subarray(0, this.arenaUsed),
      offset: this.offset.subarray(0, n),
      length: this.length.subarray(0, n),
      fh: this.fh.subarray(0, n),
      stats: this.stats.subarray(0, n * 4),
      hash: this.hash.subarray(0, n * 4),
    };
  }

  /**
   * Adds another table's counts, as if its rows had come after this table's. Counts add; a key
   * missing from one side may have up to that side's floor there, which widens its bounds. Room
   * grows to `maxEntries` (raise it first to hold both sides).
   */
  mergeFrom(other: KeyTableData): void {
    // insert() below counts keys again; the merged count is this side's plus the other side's.
    const inserted = this.inserted + other.inserted;
    if (other.floor > 0) {
      const theirs = new KeyTable(Math.max(2, other.size));
      for (let i = 0; i < other.size; i++) {
        const o = other.offset[i]!;
        theirs.insert(other.arena, o, o + other.length[i]!, other.fh[i]!);
      }
      for (let e = 0; e < this.size; e++) {
        const o = this.offset[e]!;
        if (theirs.find(this.arena, o, o + this.length[e]!, this.fh[e]!) < 0) {
          this.stats[e * 4] = this.stats[e * 4]! + other.floor;
          this.stats[e * 4 + 2] = this.stats[e * 4 + 2]! + other.floor;
        }
      }
    }
    for (let i = 0; i < other.size; i++) {
      const o = other.offset[i]!;
      const end = o + other.length[i]!;
      const h = other.fh[i]!;
      const at = i * 4;
      let e = this.find(other.arena, o, end, h);
      if (e < 0) {
        e = this.insert(other.arena, o, end, h);
        this.hash.set(other.hash.subarray(at, at + 4), e * 4);
        this.setShard(e, other.stats[at + 3]!);
      } else if (this.shardOf(e) !== other.stats[at + 3]) {
        this.setShard(e, MIXED_SHARD);
      }
      this.stats[e * 4] = this.stats[e * 4]! + other.stats[at]!;
      this.stats[e * 4 + 1] = this.stats[e * 4 + 1]! + other.stats[at + 1]!;
      this.stats[e * 4 + 2] = this.stats[e * 4 + 2]! + other.stats[at + 2]!;
    }
    this.purges += other.purges;
    this.inserted = inserted;
  }

  private place(e: number): void {
    const h = this.fh[e]!;
    let i = h & this.mask;
    while (this.slots[i * 4] !== 0) i = (i + 1) & this.mask;
    this.slots[i * 4] = e + 1;
    this.slots[i * 4 + 1] = h;
    this.slots[i * 4 + 2] = this.offset[e]!;
    this.slots[i * 4 + 3] = this.length[e]!;
  }

  private grow(): void {
    const capacity = Math.min(this.capacity * 2, this.maxEntries);
    this.offset = resize(this.offset, capacity);
    this.length = resize(this.length, capacity);
    this.fh = resize(this.fh, capacity);
    this.stats = resize(this.stats, capacity * 4);
    this.hash = resize(this.hash, capacity * 4);
    this.capacity = capacity;
    this.rebuildSlots();
  }

  private rebuildSlots(): void {
    const slotCount = nextPowerOfTwo(this.capacity * 2);
    if (slotCount * 4 !== this.slots.length) this.slots = new Int32Array(slotCount * 4);
    else this.slots.fill(0);
    this.mask = slotCount - 1;
    for (let e = 0; e < this.size; e++) this.place(e);
  }

  /** Drops every key whose count is at or below the median of a sample of counts. */
  private purge(): void {
    const step = Math.max(1, Math.floor(this.size / PURGE_SAMPLE));
    const sample: number[] = [];
    for (let e = 0; e < this.size; e += step) sample.push(this.stats[e * 4]!);
    sample.sort((a, b) => a - b);
    const threshold = Math.max(sample[Math.floor(sample.length / 2)]!, this.floor);
    let kept = 0;
    let arenaUsed = 0;
    for (let e = 0; e < this.size; e++) {
      if (this.stats[e * 4]! <= threshold) continue;
      const o = this.offset[e]!;
      const len = this.length[e]!;
      this.arena.copyWithin(arenaUsed, o, o + len);
      this.offset[kept] = arenaUsed;
      this.length[kept] = len;
      this.fh[kept] = this.fh[e]!;
      this.stats.copyWithin(kept * 4, e * 4, e * 4 + 4);
      this.hash.copyWithin(kept * 4, e * 4, e * 4 + 4);
      arenaUsed += len;
      kept++;
    }
    this.size = kept;
    this.arenaUsed = arenaUsed;
    this.floor = threshold;
    this.purges++;
    this.rebuildSlots();
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function resize<T extends Uint32Array | Int32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array.subarray(0, Math.min(array.length, size)) as never);
  return bigger;
}
