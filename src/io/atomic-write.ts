/**
 * Replacing a file whole: the text goes to a new temporary file beside it, which is then renamed
 * over it, so that a reader sees the old file or the new one, never half of one. The temporary
 * file is created with 'wx' (never someone else's file) under a name that says which process made
 * it; the ones a killed writer left behind can be swept.
 */
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let writes = 0;

/** `.NAME.<pid>.<stamp>.tmp`: the temporary files of writes to NAME. */
function tempPattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.[0-9a-z]+\\.tmp$`);
}

/** Writes text to path through a temporary file and a rename; `now` (epoch ms) makes the temporary name unique. */
export function writeAtomically(path: string, text: string, now: number): void {
  writes += 1;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${now.toString(36)}${writes.toString(36)}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flush: true, flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written, or the folder itself is the problem.
    }
    throw error;
  }
}

/** True when a process with this id is running (it may be another user's). */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that earlier writes to path left behind (a writer killed between
 * its write and its rename), except those of writers for which `inUse(pid)` is true.
 */
export function sweepTemps(path: string, inUse: (pid: number) => boolean = () => false): void {
  const pattern = tempPattern(basename(path));
  const dir = dirname(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of names) {
    const m = pattern.exec(entry);
    if (m === null || inUse(Number(m[1]))) continue;
    try {
      rmSync(join(dir, entry), { force: true });
    } catch {
      // Someone else's file, or already gone: not worth stopping a save for.
    }
  }
}
