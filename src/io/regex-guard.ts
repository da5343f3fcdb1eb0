/**
 * Guards user-supplied regular expressions (--key-pattern) against catastrophic backtracking:
 * V8 can switch a match that backtracks too much to its linear-time engine. The flag is process
 * wide and changes no result, only the time a pathological match takes; it is set only by
 * commands that run a user's pattern.
 */
let enabled = false;

export async function guardRegexBacktracking(): Promise<void> {
  if (enabled) return;
  // Loaded here: node:v8 costs memory that a command without a pattern does not need.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  enabled = true;
}
