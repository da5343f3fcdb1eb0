/** Checks a lesson the way `kds learn check` and the content test do. Pure: data in, problems out. */
import { DIRECTIVES, parseBody, wordCount, type Lesson } from './lesson.js';

export interface LessonProblem {
  readonly file: string;
  readonly message: string;
}

export const LESSON_WORDS = { min: 150, max: 600 } as const;

const FORBIDDEN: readonly [RegExp, string][] = [
  [/^\s*\|/m, 'tables are not supported'],
  [/```/, 'fenced code blocks are not supported'],
  [/<[a-z][^>]*>/i, 'HTML is not supported'],
  [/\[[^\]]+\]\([^)]+\)/, 'links are not supported (sources belong to the quiz topic)'],
];

/**
 * meta is the parsed front matter (unknown shape); body is the Markdown after it. Returns the
 * lesson when it is valid, and every problem found either way.
 */
export function checkLesson(
  file: string,
  meta: unknown,
  body: string,
  topics: readonly string[],
): { lesson?: Lesson; problems: LessonProblem[] } {
  const problems: LessonProblem[] = [];
  const problem = (message: string) => problems.push({ file, message });
  if (typeof meta !== 'object' || meta === null) {
    problem('front matter must be a YAML mapping');
    return { problems };
  }
  const m = meta as Record<string, unknown>;
  const expectedId = file.replace(/^.*\//, '').replace(/\.md$/, '');
  if (typeof m.id !== 'string' || m.id !== expectedId) problem(`id must equal the file name (${expectedId})`);
  if (typeof m.title !== 'string' || m.title.trim() === '') problem('title is missing');
  if (typeof m.topic !== 'string' || !topics.includes(m.topic)) {
    problem(`topic must be one of: ${topics.join(', ')} (got ${JSON.stringify(m.topic)})`);
  }
  if (typeof m.order !== 'number' || !Number.isInteger(m.order) || m.order < 1) problem('order must be a positive whole number');
  const tries = Array.isArray(m.try) ? m.try : [];
  if (tries.length < 1 || tries.length > 3 || !tries.every((t) => typeof t === 'string' && t.startsWith('kds '))) {
    problem('try must list 1 to 3 commands that start with "kds "');
  }
  for (const [pattern, message] of FORBIDDEN) if (pattern.test(body)) problem(message);
  for (const line of body.split(/\r?\n/)) {
    const name = /^\s*\{\{\s*([a-z]*)/.exec(line)?.[1];
    if (name !== undefined && !(DIRECTIVES as readonly string[]).includes(name)) {
      problem(`unknown example directive "${line.trim()}" (known: ${DIRECTIVES.join(', ')})`);
    }
  }
  const blocks = parseBody(body);
  if (!blocks.some((b) => b.kind === 'example')) problem('a lesson needs at least one live example ({{size ...}}, {{cost ...}}, {{shard ...}} or {{recommend ...}})');
  const words = wordCount(blocks);
  if (words < LESSON_WORDS.min || words > LESSON_WORDS.max) {
    problem(`${words} words of prose; a lesson has ${LESSON_WORDS.min} to ${LESSON_WORDS.max}`);
  }
  if (problems.length > 0) return { problems };
  return {
    lesson: {
      id: m.id as string,
      title: m.title as string,
      topic: m.topic as string,
      order: m.order as number,
      try: tries as string[],
      blocks,
    },
    problems,
  };
}

/** Checks a whole set: unique ids and orders, on top of each lesson's own problems. */
export function checkOrders(lessons: readonly Lesson[]): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const seen = new Map<number, string>();
  for (const l of lessons) {
    const other = seen.get(l.order);
    if (other) problems.push({ file: `${l.id}.md`, message: `order ${l.order} is also used by ${other}` });
    seen.set(l.order, l.id);
  }
  return problems;
}

/** The kds commands a lesson's "try" may name. */
export const KDS_COMMANDS = ['size', 'keys', 'compare', 'quiz', 'learn'] as const;

/**
 * Checks that need the calculators or the whole set, after each lesson's own checks: every live
 * example computes (runExample throws when it does not), every "try" names a kds command, and a
 * `kds quiz --topic T` names a quiz topic.
 */
export function lintLessonSet(
  lessons: readonly Lesson[],
  topics: readonly string[],
  runExample: (block: Extract<Lesson['blocks'][number], { kind: 'example' }>) => void,
  commands: readonly string[] = KDS_COMMANDS,
): LessonProblem[] {
  const problems: LessonProblem[] = [];
  for (const lesson of lessons) {
    const file = `${lesson.id}.md`;
    for (const block of lesson.blocks) {
      if (block.kind !== 'example') continue;
      try {
        runExample(block);
      } catch (error) {
        problems.push({ file, message: `the example ${block.directive.raw} does not compute: ${(error as Error).message}` });
      }
    }
    for (const command of lesson.try) {
      const words = command.split(/\s+/);
      if (!commands.includes(words[1] ?? '')) {
        problems.push({ file, message: `try "${command}" names no kds command (commands: ${commands.join(', ')})` });
      }
      const at = words.indexOf('--topic');
      if (words[1] === 'quiz' && at > 0 && !topics.includes(words[at + 1] ?? '')) {
        problems.push({ file, message: `try "${command}" names no quiz topic (topics: ${topics.join(', ')})` });
      }
    }
  }
  return problems;
}
