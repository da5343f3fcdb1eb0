/**
 * The progress file: one JSON document (see core/quiz/progress.ts), under $KDS_STATE_DIR when set,
 * else $XDG_STATE_HOME/kds, else ~/.local/state/kds.
 *
 * Several kds runs may write it at once (a quiz session open while `kds learn` or a script runs),
 * so every write is a read-modify-write under a lock: take the lock (a `.lock` folder beside the
 * file, kept fresh while held and taken over when a dead writer left it stale), read the latest
 * file, apply the change to it, write a temporary file and rename it over the old one, release.
 * A symlinked progress file is written through the link. Temporary files left by killed writes
 * are cleaned up under the lock. A file that cannot be understood reads as empty with a warning
 * and is moved aside at the next write: progress problems never stop a quiz.
 */
import { lstatSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { emptyProgress, parseProgress, type ProgressState } from '../core/quiz/progress.js';
import { InputError } from '../errors.js';
import { sweepTemps, writeAtomically } from './atomic-write.js';
import { checkShape, FileShapeError, readCheckedFile } from './checked-read.js';
import { withLock } from './file-lock.js';
import { makeDirs } from './make-dirs.js';

export const PROGRESS_FILE = 'progress.json';
/** Far beyond any real progress (a record is ~250 bytes), small enough to read at once. */
export const MAX_PROGRESS_BYTES = 16 * 1024 * 1024;

/** Where progress lives, from the environment. */
export function progressPath(env: Readonly<Record<string, string | undefined>>): string {
  if (env.KDS_STATE_DIR) return join(env.KDS_STATE_DIR, PROGRESS_FILE);
  // The XDG spec says relative paths are invalid and must be ignored.
  if (env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME)) return join(env.XDG_STATE_HOME, 'kds', PROGRESS_FILE);
  return join(env.HOME || homedir(), '.local', 'state', 'kds', PROGRESS_FILE);
}

/** A change to progress: the new state, or null to delete the file. */
export type ProgressChange = (latest: ProgressState) => ProgressState | null;

export interface ProgressStore {
  readonly path: string;
  /** The saved progress now, without a lock; empty when there is none yet or it is unreadable. */
  load(): ProgressState;
  /** Applies a change to the latest saved progress under the lock, and saves it; returns what was saved. */
  update(change: ProgressChange): Promise<ProgressState | null>;
}

export interface StoreOptions {
  /** Milliseconds since the epoch: names the file a corrupt one is moved to. */
  readonly now: () => number;
  /** Prints a warning (stderr). */
  readonly warn: (message: string) => void;
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : undefined;
}

/** Follows symlinks to the file they name, existing or not, so that writes keep the links. */
export function linkTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return current;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new InputError(`the progress file ${path} is a loop of symbolic links.`);
}

type Read = { readonly state: ProgressState; readonly corrupt?: string };

export function openProgressStore(path: string, options: StoreOptions): ProgressStore {
  let warned: string | undefined;

  const read = (file: string): Read => {
    let text: string;
    try {
      text = readCheckedFile(file, MAX_PROGRESS_BYTES, 'a progress file');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { state: emptyProgress() };
      if (error instanceof FileShapeError) {
        throw new InputError(`the progress file ${path} ${error.message}: move it away, or set KDS_STATE_DIR to another folder.`);
      }
      throw new InputError(`cannot read the progress file ${path}: ${(error as Error).message}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { state: emptyProgress(), corrupt: `not JSON: ${(error as Error).message}` };
    }
    const parsed = parseProgress(data);
    return parsed.ok ? { state: parsed.state } : { state: emptyProgress(), corrupt: parsed.reason };
  };

  /** Under the lock: renames a corrupt file aside, so that the write that follows does not erase it. */
  const setAside = (file: string, reason: string): void => {
    const stamp = new Date(options.now()).toISOString().replace(/[:.]/g, '-');
    const aside = `${file}.corrupt-${stamp}`;
    const told = warned === reason;
    try {
      renameSync(file, aside);
      options.warn(
        told
          ? `the unreadable progress file was moved to ${aside}.`
          : `the progress file ${path} is unreadable (${reason}); it was moved to ${aside} and progress starts afresh.`,
      );
    } catch (error) {
      options.warn(
        `the progress file ${path} is unreadable (${reason}) and could not be moved aside (${(error as Error).message}); ` +
          'progress starts afresh and will overwrite it.',
      );
    }
  };

  return {
    path,
    load() {
      const { state, corrupt } = read(linkTarget(path));
      if (corrupt !== undefined && warned !== corrupt) {
        warned = corrupt;
        options.warn(`the progress file ${path} is unreadable (${corrupt}); progress starts afresh, and the file is moved aside at the next save.`);
      }
      return state;
    },
    async update(change) {
      const file = linkTarget(path);
      const dir = dirname(file);
      const shape = checkShape(file);
      if (shape) throw new InputError(`the progress file ${path} ${shape.message}: move it away, or set KDS_STATE_DIR to another folder.`);
      try {
        makeDirs(dir);
      } catch (error) {
        throw new InputError(`cannot save progress to ${path}: cannot create the folder ${dir} (${(error as Error).message}).`);
      }
      return withLock(file, async () => {
        // Under the lock no other writer is at work: every temporary file left is a killed writer's.
        sweepTemps(file);
        const { state, corrupt } = read(file);
        if (corrupt !== undefined) setAside(file, corrupt);
        const next = change(state);
        try {
          if (next === null) rmSync(file, { force: true });
          else writeAtomically(file, `${JSON.stringify(next, null, 2)}\n`, options.now());
        } catch (error) {
          throw new InputError(`cannot save progress to ${path}: ${(error as Error).message}`);
        }
        return next;
      }).catch((error: unknown) => {
        if (error instanceof InputError) throw error;
        throw new InputError(`cannot save progress to ${path}: ${(error as Error).message}`);
      });
    },
  };
}
