/**
 * Seeded randomness for repeatable sessions: the same --seed gives the same questions in the same
 * order with the same option order. Nothing here reads a clock or Math.random.
 */

/** A function returning numbers in [0, 1), like Math.random. */
export type Random = () => number;

export const MAX_SEED = 0xffff_ffff;

/** mulberry32: a small, fast 32-bit generator; plenty for shuffling a quiz. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: a 32-bit hash of a string, to derive one seed per question from the session seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A new array with the items in a random order (Fisher-Yates); the input is left alone. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A session seed when none was given: derived from the time, so that it can be printed and reused. */
export function seedFromTime(epochMs: number): number {
  return hashString(String(epochMs)) % 1_000_000;
}
