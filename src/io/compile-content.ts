/**
 * The shipped bank and lessons read by the same readers the commands use on a folder, as the
 * JSON that scripts/build.mjs writes into dist/ (see shipped-content.ts). A test holds the files
 * in dist/ to what these return.
 */
import { relative } from 'node:path';
import { TOPICS } from '../core/quiz/topics.js';
import { loadBank } from './bank.js';
import { loadLessons, type LessonSet } from './lessons.js';
import type { CompiledBank } from './shipped-content.js';

export { COMPILED_BANK, COMPILED_LESSONS, COMPILED_LISTING, listingOf } from './shipped-content.js';

export function compileBank(dir: string): CompiledBank {
  const bank = loadBank(dir);
  return {
    questions: bank.questions,
    files: bank.files,
    problems: bank.problems.map((p) => ({ ...p, file: relative(dir, p.file) })),
  };
}

export function compileLessons(dir: string): LessonSet {
  return loadLessons(dir, TOPICS);
}
