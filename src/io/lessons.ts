/**
 * Reads lesson files (src/lessons/*.md by default) and checks them. Each file stands alone: one
 * that cannot be read or parsed is a problem naming it, and the other lessons still load.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitFrontMatter, type Lesson } from '../core/learn/lesson.js';
import { checkLesson, checkOrders, type LessonProblem } from '../core/learn/lint.js';
import { InputError } from '../errors.js';
import { unsafeCharacters } from '../render/escape.js';
import { FileShapeError, readCheckedFile } from './checked-read.js';

export { defaultLessonDir } from './shipped-content.js';

/** A lesson is a page or two of prose; a file over this is not one. */
export const MAX_LESSON_BYTES = 256 * 1024;

export interface LessonSet {
  readonly lessons: readonly Lesson[];
  readonly problems: readonly LessonProblem[];
}

export function loadLessons(dir: string, topics: readonly string[]): LessonSet {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch (error) {
    throw new InputError(`cannot read the lessons in ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  for (const file of files) {
    try {
      const lesson = loadLesson(dir, file, topics, problems);
      if (lesson) lessons.push(lesson);
    } catch (error) {
      problems.push({ file, message: `cannot be read: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  problems.push(...checkOrders(lessons));
  return { lessons: [...lessons].sort((a, b) => a.order - b.order), problems };
}

function loadLesson(dir: string, file: string, topics: readonly string[], problems: LessonProblem[]): Lesson | undefined {
  let text: string;
  try {
    text = readCheckedFile(join(dir, file), MAX_LESSON_BYTES, 'a lesson');
  } catch (error) {
    const reason = error instanceof FileShapeError ? `it ${error.message}` : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    problems.push({ file, message: `cannot read the file: ${reason}` });
    return undefined;
  }
  const parts = splitFrontMatter(text);
  if (!parts) {
    problems.push({ file, message: 'missing the --- front matter --- block' });
    return undefined;
  }
  let meta: unknown;
  try {
    meta = parse(parts.frontMatter, { maxAliasCount: 100 });
  } catch (error) {
    problems.push({ file, message: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const checked = checkLesson(file, meta, parts.body, topics);
  problems.push(...checked.problems);
  if (checked.lesson) problems.push(...controlCharacters(file, meta, parts.frontMatter, parts.body));
  return checked.lesson;
}

function found(chars: readonly string[]): { some: string; is: string } {
  return chars.length === 1 ? { some: 'a control character', is: 'it is' } : { some: 'control characters', is: 'they are' };
}

/** Characters a terminal would act on, in the front matter's values and on each line of the text. */
function controlCharacters(file: string, meta: unknown, frontMatter: string, body: string): LessonProblem[] {
  const problems: LessonProblem[] = [];
  if (typeof meta === 'object' && meta !== null) {
    for (const [key, value] of Object.entries(meta)) {
      const chars = unsafeCharacters((Array.isArray(value) ? value.join(' ') : String(value)).replace(/\r?\n|\t/g, ' '));
      if (chars.length === 0) continue;
      const { some, is } = found(chars);
      problems.push({ file, message: `'${key}' in the front matter holds ${some} (${chars.join(', ')}); ${is} shown escaped` });
    }
  }
  // The body starts after "---", the front matter's lines and "---".
  const offset = frontMatter.split('\n').length + 2;
  body.split('\n').forEach((line, index) => {
    const chars = unsafeCharacters(line.replace(/\r$/, '').replace(/\t/g, ' '));
    if (chars.length === 0) return;
    const { some, is } = found(chars);
    problems.push({ file, message: `line ${offset + index + 1}: ${some} (${chars.join(', ')}) in the text; ${is} shown escaped` });
  });
  return problems;
}
