/**
 * Values from the user or from a file, repeated in a message: cut to a length so that a 100 KB
 * argument cannot flood a one-line message. The terminal-safe escaping happens where the message
 * is printed (src/render/escape.ts); JSON quotes escape control characters on their own.
 */

/** Longest value a message repeats whole, in characters. */
export const QUOTE_MAX = 60;

/** The text, or (when longer than max characters) its start and end around an ellipsis. */
export function cutMiddle(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.7);
  const tail = max - 1 - head;
  return `${points.slice(0, head).join('')}\u2026${tail > 0 ? points.slice(-tail).join('') : ''}`;
}

/** The value in JSON quotes, cut to max characters: "order-17", "a very long val…ue". */
export function quoted(text: string, max = QUOTE_MAX): string {
  return JSON.stringify(cutMiddle(text, max));
}
