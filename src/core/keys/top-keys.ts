/**
 * The heaviest keys of a key table, found in one pass over its arrays with a bounded heap: never a
 * sort of every key, no object or closure per key, and key bytes compared only on a tie.
 */
import { RecordSize, type KeyTable } from './key-table.js';

/** What a key weighs: its records seen while tracked (`observed`) or its bytes. */
export type KeyWeight = 'observed' | 'bytes';

export interface TopKeysQuery {
  readonly k: number;
  readonly weight: KeyWeight;
  /** Only keys on this shard (undefined: every key). */
  readonly shard?: number;
  /** Leave out keys that weigh 0 or less. */
  readonly positive: boolean;
}

/** Lexicographic comparison of two entries' key bytes. */
export function compareKeys(table: KeyTable, a: number, b: number): number {
  const xa = table.keyArray(a);
  const xb = table.keyArray(b);
  const ka = table.keyStart(a);
  const kb = table.keyStart(b);
  const la = table.keyLength(a);
  const lb = table.keyLength(b);
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) {
    const d = xa[ka + i]! - xb[kb + i]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * The query's k heaviest keys, heaviest first; equal weights in key byte order. The same as
 * topIndices with that order, faster.
 */
export function topKeys(table: KeyTable, query: TopKeysQuery): number[] {
  const k = query.k;
  if (k <= 0) return [];
  const num = table.num;
  const error = table.error;
  const bytes = query.weight === 'bytes';
  const shard = query.shard;
  // A min-heap: heap[0] is the lightest of the best k so far.
  const heap = new Int32Array(k);
  const weights = new Float64Array(k);
  let size = 0;
  /** Entry a (weight wa) ranks below entry b (weight wb). */
  const below = (wa: number, a: number, wb: number, b: number) => wa < wb || (wa === wb && compareKeys(table, a, b) > 0);
  const place = (at: number, e: number, w: number) => {
    heap[at] = e;
    weights[at] = w;
  };
  for (let e = 0; e < table.size; e++) {
    if (shard !== undefined && table.shardOf(e) !== shard) continue;
    const w = bytes ? num[e * RecordSize.Doubles + 1]! : num[e * RecordSize.Doubles]! - (error === undefined ? 0 : error[e]!);
    if (query.positive && !(w > 0)) continue;
    if (size < k) {
      // Sift up from the end.
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!below(w, e, weights[parent]!, heap[parent]!)) break;
        place(i, heap[parent]!, weights[parent]!);
        i = parent;
      }
      place(i, e, w);
    } else if (w > weights[0]! || (w === weights[0]! && below(weights[0]!, heap[0]!, w, e))) {
      // Replace the lightest and sift down.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const m = r < size && below(weights[r]!, heap[r]!, weights[l]!, heap[l]!) ? r : l;
        if (!below(weights[m]!, heap[m]!, w, e)) break;
        place(i, heap[m]!, weights[m]!);
        i = m;
      }
      place(i, e, w);
    }
  }
  const order = Array.from(heap.subarray(0, size), (e, i) => ({ e, w: weights[i]! }));
  order.sort((a, b) => (a.w !== b.w ? b.w - a.w : compareKeys(table, a.e, b.e)));
  return order.map((x) => x.e);
}
