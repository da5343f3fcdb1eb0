/**
 * Guards user-supplied regular expressions (--key-pattern) against catastrophic backtracking:
 * V8 can switch a match that backtracks too much to its linear-time engine. The flag is process
 * wide and changes no result, only the time a pathological match takes; it is set only by
 * commands that run a user's pattern.
 */
import { setFlagsFromString } from 'node:v8';

let enabled = false;

export function guardRegexBacktracking(): void {
  if (enabled) return;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  enabled = true;
}
