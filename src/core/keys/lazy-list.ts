/**
 * A read-only list whose items are made when they are read: a stream of a million shards has a
 * million shards, but a report reads a handful of them, so nothing is kept per shard until then.
 * Small lists are plain arrays.
 */

/** Up to this many items a list is built at once (faster to use, and small). */
export const EAGER_MAX = 4096;

export function lazyList<T>(length: number, itemAt: (index: number) => T): readonly T[] {
  if (length <= EAGER_MAX) return Array.from({ length }, (_, i) => itemAt(i));
  const target: T[] = [];
  target.length = length;
  return new Proxy(target, {
    get(list, property, receiver) {
      if (typeof property === 'string') {
        const c = property.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const index = Number(property);
          if (Number.isInteger(index) && index >= 0 && index < length) return itemAt(index);
        }
      }
      return Reflect.get(list, property, receiver) as unknown;
    },
    has(list, property) {
      if (typeof property === 'string' && /^\d+$/.test(property)) return Number(property) < length;
      return Reflect.has(list, property);
    },
    set() {
      return false;
    },
  });
}
