/** Reads lesson files (src/lessons/*.md by default) and checks them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitFrontMatter, type Lesson } from '../core/learn/lesson.js';
import { checkLesson, checkOrders, type LessonProblem } from '../core/learn/lint.js';
import { InputError } from '../errors.js';
import { packagePath } from './package-root.js';

export function defaultLessonDir(): string {
  return packagePath('src', 'lessons');
}

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
    const text = readFileSync(join(dir, file), 'utf8');
    const parts = splitFrontMatter(text);
    if (!parts) {
      problems.push({ file, message: 'missing the --- front matter --- block' });
      continue;
    }
    let meta: unknown;
    try {
      meta = parse(parts.frontMatter);
    } catch (error) {
      problems.push({ file, message: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const checked = checkLesson(file, meta, parts.body, topics);
    problems.push(...checked.problems);
    if (checked.lesson) lessons.push(checked.lesson);
  }
  problems.push(...checkOrders(lessons));
  return { lessons: [...lessons].sort((a, b) => a.order - b.order), problems };
}
