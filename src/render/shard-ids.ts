/**
 * Shard ids cut for a narrow table: the shortest tail that no two shards of the stream share, at
 * least four characters, after an ellipsis ("…0003"). Every shard of the stream is cut the same
 * way, so that a short id always means one shard.
 */
import { safeText } from './escape.js';

export const SHORT_ID_CHARS = 4;

/** Each id (escaped) as its shortest distinguishing tail; an id hardly longer than the tail stays whole. */
export function shortShardIds(ids: readonly string[], min = SHORT_ID_CHARS): string[] {
  const safe = ids.map((id) => safeText(id));
  let longest = 0;
  for (const id of safe) longest = Math.max(longest, id.length);
  let tail = min;
  for (; tail < longest; tail++) if (new Set(safe.map((id) => id.slice(-tail))).size === safe.length) break;
  return safe.map((id) => (id.length > tail + 1 ? `\u2026${id.slice(-tail)}` : id));
}
