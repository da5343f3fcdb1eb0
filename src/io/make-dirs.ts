/**
 * Creates a folder and its missing parents. Node 20's mkdirSync(dir, { recursive: true }) loops
 * forever when the parent exists but refuses new entries with ENOENT (anything under /proc), so
 * kds walks up itself, one mkdir per level, and gives up with the error it got.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Deeper than this is not a state folder anyone meant. */
const MAX_DEPTH = 64;

export function makeDirs(dir: string, depth = 0): void {
  try {
    mkdirSync(dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (statSync(dir).isDirectory()) return;
      throw error;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir || depth >= MAX_DEPTH) throw error;
    let parentExisted = false;
    try {
      parentExisted = statSync(parent).isDirectory();
    } catch {
      parentExisted = false;
    }
    // The parent is there and still the folder cannot be made: asking again would not help.
    if (parentExisted) throw error;
    makeDirs(parent, depth + 1);
  }
  mkdirSync(dir);
}
