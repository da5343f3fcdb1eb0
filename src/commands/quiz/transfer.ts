/**
 * kds quiz export and import: progress as JSON for moving between machines. An import is checked
 * like the progress file itself and merged into what is on disk, under the store's lock; it never
 * replaces it.
 */
import { resolve } from 'node:path';
import { mergeProgress, parseProgress, type MergeCounts, type ProgressState } from '../../core/quiz/progress.js';
import { print, printJson, type Context } from '../../context.js';
import { InputError } from '../../errors.js';
import { processRunning, sweepTemps, writeAtomically } from '../../io/atomic-write.js';
import { checkShape, FileShapeError, readCheckedFile } from '../../io/checked-read.js';
import { readStreamText } from '../../io/chunks.js';
import { MAX_PROGRESS_BYTES } from '../../io/progress-store.js';
import { echoValue, safeJson, safeText } from '../../render/escape.js';
import { plural } from '../../render/format.js';
import { openStore } from './store.js';

/** Longest path echoed in a message. */
const PATH_ECHO = 200;

export function runExport(flags: { output?: string; json?: boolean }, ctx: Context): void {
  const state = openStore(ctx).load();
  const text = `${safeJson(JSON.stringify(state, null, 2))}\n`;
  if (flags.output === undefined) {
    ctx.io.stdout.write(text);
    return;
  }
  const shown = echoValue(flags.output, PATH_ECHO);
  writeExport(resolve(ctx.io.cwd, flags.output), text, shown, ctx.io.now());
  const counts = {
    questions: Object.keys(state.questions).length,
    sessions: state.sessions.length,
    lessons: Object.keys(state.lessons).length,
  };
  if (flags.json) printJson(ctx, { file: flags.output, ...counts });
  else {
    print(
      ctx,
      `Exported ${plural(counts.questions, 'question')}, ${plural(counts.sessions, 'session')} and ` +
        `${plural(counts.lessons, 'lesson')} read to ${shown}.`,
    );
  }
}

/** The export through a temporary file and a rename; temporary files of killed exports to the same path are swept. */
function writeExport(path: string, text: string, shown: string, now: number): void {
  const shape = checkShape(path);
  if (shape) throw new InputError(`cannot write the export to ${shown}: it ${shape.message}.`);
  try {
    sweepTemps(path, processRunning);
    writeAtomically(path, text, now);
  } catch (error) {
    throw new InputError(`cannot write the export to ${shown}: ${(error as Error).message}`);
  }
}

export async function runImport(file: string, flags: { json?: boolean }, ctx: Context): Promise<void> {
  const shown = file === '-' ? 'stdin' : echoValue(file, PATH_ECHO);
  const text = file === '-' ? await readStreamText(ctx.io.stdin, 'the export on stdin', MAX_PROGRESS_BYTES) : readImport(resolve(ctx.io.cwd, file), shown);
  const incoming = parseImport(text, shown);
  const store = openStore(ctx);
  let counts: MergeCounts | undefined;
  await store.update((latest) => {
    const merged = mergeProgress(latest, incoming);
    counts = merged.counts;
    return merged.state;
  });
  const c = counts ?? { questionsAdded: 0, questionsMerged: 0, sessionsAdded: 0, lessonsAdded: 0 };
  if (flags.json) {
    printJson(ctx, { file: file === '-' ? '-' : file, progressFile: store.path, ...c });
    return;
  }
  print(
    ctx,
    `Imported ${shown} into ${safeText(store.path)}: ${plural(c.questionsAdded, 'new question')}, ${c.questionsMerged} updated, ` +
      `${plural(c.sessionsAdded, 'new session')}, ${plural(c.lessonsAdded, 'new lesson')} read.`,
  );
}

function readImport(path: string, shown: string): string {
  try {
    return readCheckedFile(path, MAX_PROGRESS_BYTES, 'a progress export');
  } catch (error) {
    if (error instanceof FileShapeError) throw new InputError(`cannot import ${shown}: it ${error.message}.`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot import ${shown}: there is no such file.`);
    throw new InputError(`cannot import ${shown}: ${code ?? (error as Error).message}.`);
  }
}

function parseImport(text: string, shown: string): ProgressState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not a kds progress export (not JSON: ${(error as Error).message}); nothing was imported.`);
  }
  const parsed = parseProgress(data);
  if (!parsed.ok) throw new InputError(`${shown} is not a kds progress export (${parsed.reason}); nothing was imported.`);
  return parsed.state;
}
