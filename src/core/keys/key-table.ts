/**
 * A table of keys held as raw bytes, with per-key counters: the heart of the analyzer's speed.
 *
 * Rows are looked up by their bytes (no string per row, no Map<string>); a key's MD5 and shard are
 * computed once, when it is first seen, and stored next to its counters. Keys are ordinary bytes,
 * so `__proto__` or `constructor` are keys like any other.
 *
 * Each key is one 64-byte record (counters, shard, its hash key and its first 16 bytes: a short key
 * lives in its record, a longer one also in an arena), found through a small open-addressing index
 * of 4 bytes per slot, at most 13 keys to 16 slots: finding a key reads its slot and its record.
 * A slot also holds the high bits of its key's FNV-1a, so a probe passes over another key's slot
 * without reading that key's record, and a key the table lacks seldom costs a record read at all.
 * Records (and long keys' bytes) are appended in order into memory reserved up front for the first
 * RESERVED_KEYS keys, so that its pages are touched only as keys arrive and nothing is copied while
 * the table grows; past that they grow by half at a time.
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

/**
 * FNV-1a's offset basis (0x811c9dc5 as a signed 32-bit number) and prime. Constants of a const
 * enum are written into the code that uses them, so that a hot loop does not read them from memory.
 */
export const enum Fnv {
  Offset = -2128831035,
  Prime = 0x01000193,
}

/** FNV-1a over a byte range: the table's own (non-cryptographic) hash. */
export function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let h: number = Fnv.Offset;
  for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, Fnv.Prime);
  return h;
}

/** A key's record: RecordSize.Bytes bytes, as 32-bit words or as doubles. */
export const enum RecordSize {
  Words = 16,
  Doubles = 8,
  Bytes = 64,
}

/** log2 of RecordSize.Words and RecordSize.Doubles: entry e's record starts at e << Words (words). */
export const enum RecordShift {
  Words = 4,
  Doubles = 3,
}

/** Keys of up to InRecord bytes live in their record; the first InRecord bytes of longer ones too. */
export const enum KeyBytes {
  InRecord = 16,
}

/**
 * Where the fields of a record are, in words: records (a double, words 0-1; an upper bound, exact
 * when the key's error is 0), bytes (a double, words 2-3), then these, then the hash key's four
 * big-endian words (most significant first).
 */
export const enum Rec {
  Shard = 4,
  Fnv = 5,
  Offset = 6,
  Length = 7,
  Hash = 8,
  /** The key's first KeyBytes.InRecord bytes (words 12 to 15): all of a short key. */
  Inline = 12,
}

/** Keys whose records (and a share of key bytes) are reserved when the table is made. */
const RESERVED_KEYS = 1 << 18;
const RESERVED_KEY_BYTES = 24;
/**
 * Records start RECORD_SKIP bytes into their buffer. A large buffer's memory comes from malloc,
 * which (glibc) returns 16 bytes into a fresh page: skipping 48 more puts each 64-byte record on
 * one cache line instead of two. (Elsewhere the skip costs nothing.)
 */
const RECORD_ALIGN = 64;
const RECORD_SKIP = 48;
const MIN_SLOTS = 1024;
/** The share of slots keys may fill, as a fraction MAX_LOAD_PARTS / LOAD_PARTS. */
const MAX_LOAD_PARTS = 13;
const LOAD_PARTS = 16;
const PURGE_SAMPLE = 4096;

/** A table's keys and counters as plain typed arrays: what a worker thread sends back. */
export interface KeyTableData {
  readonly maxEntries: number;
  readonly size: number;
  readonly floor: number;
  readonly purges: number;
  readonly inserted: number;
  readonly arena: Uint8Array;
  /** RecordSize.Words words per key. */
  readonly records: Int32Array;
  /** How much of each key's records may predate its entry; undefined while every count is exact. */
  readonly error: Float64Array | undefined;
}

export class KeyTable {
  /** Number of keys held. */
  size = 0;
  /** Count given to a key when it enters: 0 until the first purge. */
  floor = 0;
  /** Keys added, counting a key again when it returns after a purge. */
  inserted = 0;
  /** How many times the table purged its less frequent keys (0: every count is exact). */
  purges = 0;

  /** Keys longer than KeyBytes.InRecord bytes (all their bytes; Rec.Offset says where). */
  arena: Uint8Array;
  /** The arena, read four bytes at a time. */
  arenaView: DataView;
  arenaUsed = 0;
  /** The records, as words (shard, FNV-1a, offset, length) ... */
  rec: Int32Array;
  /** ... as doubles (records, bytes) ... */
  num: Float64Array;
  /** ... and as unsigned words (the hash key at e * RecordSize.Words + Rec.Hash). */
  words: Uint32Array;
  /** ... and as bytes (the key's first bytes at e * RecordSize.Bytes + Rec.Inline * 4). */
  recBytes: Uint8Array;
  /** Per key: how much of its records may belong to the time before it entered (after a purge). */
  error: Float64Array | undefined;

  /**
   * Open addressing, 0 when empty, else entry + 1 in the low bits (entryMask) and the key's FNV-1a
   * in the others: a slot whose high bits differ from the key's FNV-1a holds another key, and
   * the probe goes on without reading that key's record.
   */
  slots: Int32Array;
  /** Slot count - 1 (a power of two minus one). */
  mask: number;
  /** The low bits of a slot, which hold entry + 1: enough for every entry the records have room for. */
  entryMask: number;
  private capacity: number;

  constructor(public maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 2) throw new RangeError('a key table needs room for 2 keys or more');
    this.capacity = Math.min(RESERVED_KEYS, maxEntries);
    const buffer = new ArrayBuffer(this.capacity * RecordSize.Bytes + RECORD_ALIGN);
    this.rec = new Int32Array(buffer, RECORD_SKIP, this.capacity * RecordSize.Words);
    this.num = new Float64Array(buffer, RECORD_SKIP, this.capacity * RecordSize.Doubles);
    this.words = new Uint32Array(buffer, RECORD_SKIP, this.capacity * RecordSize.Words);
    this.recBytes = new Uint8Array(buffer, RECORD_SKIP, this.capacity * RecordSize.Bytes);
    this.arena = new Uint8Array(this.capacity * RESERVED_KEY_BYTES);
    this.arenaView = new DataView(this.arena.buffer);
    const slotCount = slotsFor(Math.min(this.capacity, MIN_SLOTS / 2));
    this.slots = new Int32Array(slotCount);
    this.mask = slotCount - 1;
    this.entryMask = entryMaskFor(this.capacity);
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
    const rec = this.rec;
    const entryMask = this.entryMask;
    let i = h & mask;
    for (;;) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      const r = ((slot & entryMask) - 1) * RecordSize.Words;
      if (((slot ^ h) & ~entryMask) === 0 && rec[r + Rec.Fnv] === h && rec[r + Rec.Length] === len) {
        const inline = r * 4 + Rec.Inline * 4;
        const n = len < KeyBytes.InRecord ? len : KeyBytes.InRecord;
        let k = 0;
        while (k < n && this.recBytes[inline + k] === bytes[start + k]) k++;
        if (k === n && n < len) {
          const o = rec[r + Rec.Offset]!;
          while (k < len && this.arena[o + k] === bytes[start + k]) k++;
        }
        if (k === len) return (slot & entryMask) - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Adds a key that find() did not find; returns its entry. May purge first, so entry numbers
   * held from before this call are no longer valid, and may replace the arrays.
   */
  insert(bytes: Uint8Array, start: number, end: number, h: number): number {
    if (this.size === this.capacity) {
      if (this.capacity < this.maxEntries) this.grow();
      else this.purge();
    }
    const len = end - start;
    const e = this.size++;
    this.inserted++;
    const r = e * RecordSize.Words;
    const d = e * RecordSize.Doubles;
    this.num[d] = this.floor;
    this.num[d + 1] = 0;
    this.rec[r + Rec.Shard] = 0;
    this.rec[r + Rec.Fnv] = h;
    this.rec[r + Rec.Offset] = len > KeyBytes.InRecord ? this.toArena(bytes, start, end) : -1;
    this.rec[r + Rec.Length] = len;
    // A loop, not set(bytes.subarray(...)): no object is made per key.
    const inline = e * RecordSize.Bytes + Rec.Inline * 4;
    const n = len < KeyBytes.InRecord ? len : KeyBytes.InRecord;
    for (let k = 0; k < n; k++) this.recBytes[inline + k] = bytes[start + k]!;
    if (this.floor > 0) this.errors()[e] = this.floor;
    else if (this.error !== undefined) this.error[e] = 0;
    if (this.size * LOAD_PARTS > (this.mask + 1) * MAX_LOAD_PARTS) this.rebuildSlots();
    else this.place(e, h);
    return e;
  }

  /** Copies a long key's bytes to the end of the arena; returns where they start. */
  private toArena(bytes: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(Math.ceil(this.arena.length * 1.5), this.arenaUsed + len));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
      this.arenaView = new DataView(bigger.buffer);
    }
    const o = this.arenaUsed;
    if (len <= 64) for (let k = 0; k < len; k++) this.arena[o + k] = bytes[start + k]!;
    else this.arena.set(bytes.subarray(start, end), o);
    this.arenaUsed = o + len;
    return o;
  }

  /** Upper bound of the key's records (exact when errorOf is 0). */
  recordsOf(e: number): number {
    return this.num[e * RecordSize.Doubles]!;
  }

  /** Records seen while the key was in the table: a lower bound, exact when errorOf is 0. */
  observedOf(e: number): number {
    const records = this.num[e * RecordSize.Doubles]!;
    return this.error === undefined ? records : records - this.error[e]!;
  }

  bytesOf(e: number): number {
    return this.num[e * RecordSize.Doubles + 1]!;
  }

  errorOf(e: number): number {
    return this.error === undefined ? 0 : this.error[e]!;
  }

  shardOf(e: number): number {
    return this.rec[e * RecordSize.Words + Rec.Shard]!;
  }

  setShard(e: number, shard: number): void {
    this.rec[e * RecordSize.Words + Rec.Shard] = shard;
  }

  /** Where the entry's hash key starts in `words`. */
  hashAt(e: number): number {
    return e * RecordSize.Words + Rec.Hash;
  }

  /** Adds records and bytes to a key. */
  add(e: number, records: number, bytes: number): void {
    const d = e * RecordSize.Doubles;
    this.num[d] = this.num[d]! + records;
    this.num[d + 1] = this.num[d + 1]! + bytes;
  }

  /** Computes and stores the MD5 hash key of an entry's bytes. */
  hashEntry(e: number): void {
    const start = this.keyStart(e);
    md5Words(this.keyArray(e), start, start + this.keyLength(e), this.words, e * RecordSize.Words + Rec.Hash);
  }

  /** The array holding an entry's key bytes: its record (a short key) or the arena. */
  keyArray(e: number): Uint8Array {
    return this.rec[e * RecordSize.Words + Rec.Length]! > KeyBytes.InRecord ? this.arena : this.recBytes;
  }

  /** Where an entry's key bytes start in keyArray(e). */
  keyStart(e: number): number {
    const r = e * RecordSize.Words;
    return this.rec[r + Rec.Length]! > KeyBytes.InRecord ? this.rec[r + Rec.Offset]! : r * 4 + Rec.Inline * 4;
  }

  /** The length of an entry's key in bytes. */
  keyLength(e: number): number {
    return this.rec[e * RecordSize.Words + Rec.Length]!;
  }

  /** The key bytes of an entry (a view of the table's memory: copy it before the table changes). */
  keyBytes(e: number): Uint8Array {
    const start = this.keyStart(e);
    return this.keyArray(e).subarray(start, start + this.keyLength(e));
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
      records: this.rec.subarray(0, n * RecordSize.Words),
      error: this.error?.subarray(0, n),
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
    const theirs = new Float64Array(other.records.buffer, other.records.byteOffset, other.size * RecordSize.Doubles);
    const theirWords = new Uint32Array(other.records.buffer, other.records.byteOffset, other.size * RecordSize.Words);
    const theirKeys = new KeysOf(other);
    if (other.floor > 0) {
      const index = new KeyTable(Math.max(2, other.size));
      for (let i = 0; i < other.size; i++) {
        index.insert(theirKeys.array(i), theirKeys.start(i), theirKeys.start(i) + theirKeys.length(i), other.records[i * RecordSize.Words + Rec.Fnv]!);
      }
      const errors = this.errors();
      for (let e = 0; e < this.size; e++) {
        const start = this.keyStart(e);
        if (index.find(this.keyArray(e), start, start + this.keyLength(e), this.rec[e * RecordSize.Words + Rec.Fnv]!) < 0) {
          this.num[e * RecordSize.Doubles] = this.num[e * RecordSize.Doubles]! + other.floor;
          errors[e] = errors[e]! + other.floor;
        }
      }
    }
    for (let i = 0; i < other.size; i++) {
      const r = i * RecordSize.Words;
      const bytes = theirKeys.array(i);
      const start = theirKeys.start(i);
      const end = start + theirKeys.length(i);
      const h = other.records[r + Rec.Fnv]!;
      const shard = other.records[r + Rec.Shard]!;
      let e = this.find(bytes, start, end, h);
      if (e < 0) {
        e = this.insert(bytes, start, end, h);
        this.words.set(theirWords.subarray(r + Rec.Hash, r + Rec.Hash + 4), e * RecordSize.Words + Rec.Hash);
        this.setShard(e, shard);
      } else if (this.shardOf(e) !== shard) {
        this.setShard(e, MIXED_SHARD);
      }
      const d = e * RecordSize.Doubles;
      this.num[d] = this.num[d]! + theirs[i * RecordSize.Doubles]!;
      this.num[d + 1] = this.num[d + 1]! + theirs[i * RecordSize.Doubles + 1]!;
      const theirError = other.error === undefined ? 0 : other.error[i]!;
      if (theirError !== 0 || this.error !== undefined) {
        const errors = this.errors();
        errors[e] = errors[e]! + theirError;
      }
    }
    this.purges += other.purges;
    this.inserted = inserted;
  }

  /** The error array, made (all zero) when first needed. */
  private errors(): Float64Array {
    this.error ??= new Float64Array(this.capacity);
    return this.error;
  }

  private place(e: number, h: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = (h & ~this.entryMask) | (e + 1);
  }

  private grow(): void {
    const capacity = Math.min(Math.ceil(this.capacity * 1.5), this.maxEntries);
    const buffer = new ArrayBuffer(capacity * RecordSize.Bytes + RECORD_ALIGN);
    const rec = new Int32Array(buffer, RECORD_SKIP, capacity * RecordSize.Words);
    rec.set(this.rec);
    this.rec = rec;
    this.num = new Float64Array(buffer, RECORD_SKIP, capacity * RecordSize.Doubles);
    this.words = new Uint32Array(buffer, RECORD_SKIP, capacity * RecordSize.Words);
    this.recBytes = new Uint8Array(buffer, RECORD_SKIP, capacity * RecordSize.Bytes);
    if (this.error !== undefined) {
      const error = new Float64Array(capacity);
      error.set(this.error);
      this.error = error;
    }
    this.capacity = capacity;
    const entryMask = entryMaskFor(capacity);
    if (entryMask !== this.entryMask) {
      this.entryMask = entryMask;
      this.rebuildSlots();
    }
  }

  /** Makes the slots the fewest (a power of two) that the keys fill to 13/16 at most, and places every key again. */
  private rebuildSlots(): void {
    const slotCount = slotsFor(Math.max(this.size, 1));
    if (slotCount !== this.slots.length) this.slots = new Int32Array(slotCount);
    else this.slots.fill(0);
    this.mask = slotCount - 1;
    const rec = this.rec;
    for (let e = 0; e < this.size; e++) this.place(e, rec[e * RecordSize.Words + Rec.Fnv]!);
  }

  /** Drops every key whose count is at or below the median of a sample of counts. */
  private purge(): void {
    const num = this.num;
    const step = Math.max(1, Math.floor(this.size / PURGE_SAMPLE));
    const sample: number[] = [];
    for (let e = 0; e < this.size; e += step) sample.push(num[e * RecordSize.Doubles]!);
    sample.sort((a, b) => a - b);
    const threshold = Math.max(sample[Math.floor(sample.length / 2)]!, this.floor);
    const rec = this.rec;
    const error = this.errors();
    let kept = 0;
    let arenaUsed = 0;
    for (let e = 0; e < this.size; e++) {
      if (num[e * RecordSize.Doubles]! <= threshold) continue;
      const r = e * RecordSize.Words;
      const len = rec[r + Rec.Length]!;
      rec.copyWithin(kept * RecordSize.Words, r, r + RecordSize.Words);
      if (len > KeyBytes.InRecord) {
        const o = rec[r + Rec.Offset]!;
        this.arena.copyWithin(arenaUsed, o, o + len);
        rec[kept * RecordSize.Words + Rec.Offset] = arenaUsed;
        arenaUsed += len;
      }
      error[kept] = error[e]!;
      kept++;
    }
    this.size = kept;
    this.arenaUsed = arenaUsed;
    this.floor = threshold;
    this.purges++;
    this.rebuildSlots();
  }
}

/** The slot count for n keys: a power of two that n keys fill no more than MAX_LOAD_PARTS / LOAD_PARTS. */
function slotsFor(n: number): number {
  let p = MIN_SLOTS;
  while (p * MAX_LOAD_PARTS < n * LOAD_PARTS) p *= 2;
  return p;
}

/** The smallest all-ones mask that holds capacity (the largest entry + 1). */
function entryMaskFor(capacity: number): number {
  let m = 1;
  while (m < capacity) m = m * 2 + 1;
  return m;
}

/** The keys of a table sent as data (a later part's): where each one's bytes are. */
export class KeysOf {
  private readonly recordBytes: Uint8Array;

  constructor(private readonly data: KeyTableData) {
    this.recordBytes = new Uint8Array(data.records.buffer, data.records.byteOffset, data.size * RecordSize.Bytes);
  }

  length(i: number): number {
    return this.data.records[i * RecordSize.Words + Rec.Length]!;
  }

  array(i: number): Uint8Array {
    return this.length(i) > KeyBytes.InRecord ? this.data.arena : this.recordBytes;
  }

  start(i: number): number {
    const r = i * RecordSize.Words;
    return this.length(i) > KeyBytes.InRecord ? this.data.records[r + Rec.Offset]! : r * 4 + Rec.Inline * 4;
  }
}
