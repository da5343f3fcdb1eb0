/**
 * The progress file: one JSON document (see core/quiz/progress.ts), under $KDS_STATE_DIR when set,
 * else $XDG_STATE_HOME/kds, else ~/.local/state/kds. Written atomically (a temporary file in the same
 * folder, then a rename), so a crash never leaves half a file. A file that cannot be understood is
 * moved aside with a warning and kds starts afresh: progress problems never stop a quiz.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { emptyProgress, parseProgress, type ProgressState } from '../core/quiz/progress.js';
import { InputError } from '../errors.js';

export const PROGRESS_FILE = 'progress.json';

/** Where progress lives, from the environment. */
export function progressPath(env: Readonly<Record<string, string | undefined>>): string {
  if (env.KDS_STATE_DIR) return join(env.KDS_STATE_DIR, PROGRESS_FILE);
  // The XDG spec says relative paths are invalid and must be ignored.
  if (env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME)) return join(env.XDG_STATE_HOME, 'kds', PROGRESS_FILE);
  return join(env.HOME || homedir(), '.local', 'state', 'kds', PROGRESS_FILE);
}

export interface ProgressStore {
  readonly path: string;
  /** The saved progress; empty when there is none yet or the file was unreadable (then moved aside). */
  load(): ProgressState;
  save(state: ProgressState): void;
  /** Deletes the file; true when there was one. */
  remove(): boolean;
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

export function openProgressStore(path: string, options: StoreOptions): ProgressStore {
  const setAside = (reason: string): ProgressState => {
    const stamp = new Date(options.now()).toISOString().replace(/[:.]/g, '-');
    const aside = `${path}.corrupt-${stamp}`;
    try {
      renameSync(path, aside);
      options.warn(`the progress file ${path} is unreadable (${reason}); it was moved to ${aside} and progress starts afresh.`);
    } catch (error) {
      options.warn(
        `the progress file ${path} is unreadable (${reason}) and could not be moved aside (${(error as Error).message}); ` +
          'progress starts afresh and will overwrite it.',
      );
    }
    return emptyProgress();
  };

  return {
    path,
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return emptyProgress();
        throw new InputError(`cannot read the progress file ${path}: ${(error as Error).message}`);
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return setAside(`not JSON: ${(error as Error).message}`);
      }
      const parsed = parseProgress(data);
      return parsed.ok ? parsed.state : setAside(parsed.reason);
    },
    save(state) {
      const dir = dirname(path);
      const temp = join(dir, `.${PROGRESS_FILE}.${process.pid}.${options.now()}.tmp`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { encoding: 'utf8', flush: true });
        renameSync(temp, path);
      } catch (error) {
        try {
          rmSync(temp, { force: true });
        } catch {
          // Nothing was written, or the folder itself is the problem.
        }
        throw new InputError(`cannot save progress to ${path}: ${(error as Error).message}`);
      }
    },
    remove() {
      try {
        rmSync(path);
        return true;
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return false;
        throw new InputError(`cannot delete the progress file ${path}: ${(error as Error).message}`);
      }
    },
  };
}
