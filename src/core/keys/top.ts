/** Top-k selection with a bounded heap: never sorts every key. */

/**
 * The k best of the indices 0..n-1 that pass `keep`, best first. `better(a, b)` is true when a
 * ranks above b; it must be a strict total order for the result to be deterministic.
 */
export function topIndices(
  n: number,
  k: number,
  better: (a: number, b: number) => boolean,
  keep: (i: number) => boolean = () => true,
): number[] {
  if (k <= 0) return [];
  // A min-heap on rank: heap[0] is the worst of the best k found so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
