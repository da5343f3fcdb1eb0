/** The progress store as the quiz and lesson commands open it: warnings as notices on stderr. */
import { notice, type Context } from '../../context.js';
import { openProgressStore, progressPath, type ProgressStore } from '../../io/progress-store.js';

export function openStore(ctx: Context): ProgressStore {
  return openProgressStore(progressPath(ctx.io.env), { now: () => ctx.io.now(), warn: (m) => notice(ctx, m) });
}
