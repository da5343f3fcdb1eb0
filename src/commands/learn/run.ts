/**
 * kds learn: the list of lessons with the learner's progress, one lesson, or `kds learn check`. In
 * a terminal a lesson goes a page (a section) at a time, each page cut into screens that fit the
 * terminal so that nothing scrolls away before the menu; piped, it prints whole and plain.
 */
import { resolve } from 'node:path';
import { findLesson, pagesOf, type Lesson } from '../../core/learn/lesson.js';
import { lintLessonSet, type LessonProblem } from '../../core/learn/lint.js';
import { TOPIC_GUIDE } from '../../core/quiz/guide.js';
import { isLessonRead, markLessonRead, progressStats, type ProgressState } from '../../core/quiz/progress.js';
import { TOPICS } from '../../core/quiz/topics.js';
import { notice, print, printJson, type Context } from '../../context.js';
import { ExitStatus, UsageError } from '../../errors.js';
import type { LessonSet } from '../../io/lessons.js';
import type { Prompter } from '../../io/prompter.js';
import { defaultLessonDir, shippedLessons } from '../../io/shipped-content.js';
import { echoValue } from '../../render/escape.js';
import { plural } from '../../render/format.js';
import { safeLesson } from '../../render/safe-content.js';
import {
  lessonJson,
  lessonMenuName,
  renderLesson,
  renderLessonList,
  renderLessonMenuHeader,
  renderPage,
  screensOf,
  type LessonListRow,
  type LessonView,
} from '../../render/lesson.js';
import { openStore } from '../quiz/store.js';
import type { LearnFlags } from './options.js';

/** `kds learn check`: the word that lints the lessons instead of opening one. */
export const CHECK = 'check';

/** Lines the page menu takes: a blank line, the message, up to five choices, a blank and the help line. */
const MENU_LINES = 9;

type Examples = LessonView['example'];

/** The calculators that work a lesson's examples: loaded when a lesson is shown or checked, not for the list. */
async function loadExamples(): Promise<Examples> {
  const { evaluateExample } = await import('../../learn/examples.js');
  return (b) => evaluateExample(b.directive);
}

/** Reads lessons from their files (the yaml parser loads only here). */
async function readLessons(dir: string): Promise<LessonSet> {
  const { loadLessons } = await import('../../io/lessons.js');
  return loadLessons(dir, TOPICS);
}

function viewFor(ctx: Context, lessons: readonly Lesson[], lesson: Lesson, example: Examples): LessonView {
  return {
    width: ctx.width,
    color: ctx.color,
    position: `lesson ${lessons.indexOf(lesson) + 1} of ${lessons.length}`,
    example,
  };
}

function lessonDir(ctx: Context, flags: LearnFlags): string {
  return flags.lessons === undefined ? defaultLessonDir() : resolve(ctx.io.cwd, flags.lessons);
}

export async function runLearn(name: string | undefined, flags: LearnFlags, ctx: Context): Promise<void> {
  const dir = lessonDir(ctx, flags);
  if (name?.trim().toLowerCase() === CHECK) {
    await runCheck(dir, flags, ctx);
    return;
  }
  // The shipped lessons as compiled when kds was built; --lessons DIR from its files.
  const loaded = (flags.lessons === undefined ? shippedLessons() : undefined) ?? (await readLessons(dir));
  const problems = loaded.problems;
  // Text goes to a terminal escaped; --json keeps the real text (printJson makes it inert).
  const lessons = flags.json ? loaded.lessons : loaded.lessons.map(safeLesson);
  if (problems.length > 0) {
    notice(ctx, `${problems.length} problem(s) in the lessons in ${dir}; the first: ${problems[0]?.file}: ${problems[0]?.message} (kds learn check lists them).`);
  }
  if (lessons.length === 0) throw new UsageError(`no lessons in ${dir}.`);

  if (name === undefined) {
    if (flags.json) {
      printJson(ctx, lessons.map((l) => ({ id: l.id, title: l.title, topic: l.topic })));
      return;
    }
    if (!ctx.interactive) {
      print(ctx, renderLessonList(listRows(ctx, lessons, openStore(ctx).load()), ctx.color));
      return;
    }
    const prompter = await ctx.io.prompter();
    const lesson = await chooseLesson(ctx, prompter, lessons);
    if (lesson) await browse(ctx, prompter, lessons, lesson);
    return;
  }

  const lesson = findLesson(lessons, name);
  if (lesson === undefined) {
    throw new UsageError(`no lesson '${echoValue(name)}' (lessons: ${lessons.map((l) => l.id).join(', ')}).`);
  }
  const example = await loadExamples();
  if (flags.json) {
    printJson(ctx, lessonJson(lesson, example));
    return;
  }
  if (!ctx.interactive) {
    print(ctx, renderLesson(lesson, viewFor(ctx, lessons, lesson, example)));
    await markRead(ctx, lesson);
    return;
  }
  await browse(ctx, await ctx.io.prompter(), lessons, lesson);
}

/**
 * Lints the lessons like `kds quiz check` lints the bank: every problem, exit 1 when there are
 * any. The shipped lessons too are read from their files: those are the source.
 */
async function runCheck(dir: string, flags: LearnFlags, ctx: Context): Promise<void> {
  const { lessons, problems: loadProblems } = await readLessons(dir);
  const example = await loadExamples();
  const problems: LessonProblem[] = [...loadProblems, ...lintLessonSet(lessons, TOPICS, (b) => void example(b))];
  const ids = new Set(lessons.map((l) => l.id));
  const warnings = TOPICS.flatMap((t) => {
    const lesson = TOPIC_GUIDE[t].lesson;
    return lesson === undefined || ids.has(lesson) ? [] : [`the quiz topic ${t} sends learners to the lesson ${lesson}, which is not here`];
  });
  if (flags.json) {
    printJson(ctx, { dir, lessons: lessons.length, problems, warnings });
  } else {
    const out = problems.map((p) => `${p.file}: ${p.message}`);
    out.push(...warnings.map((w) => ctx.color.yellow(`warning: ${w}`)));
    if (out.length > 0) out.push('');
    out.push(
      problems.length === 0
        ? ctx.color.green(`✓ ${plural(lessons.length, 'lesson')}: no problems.`)
        : ctx.color.red(`✗ ${plural(problems.length, 'problem')} in ${plural(new Set(problems.map((p) => p.file)).size, 'file')}.`),
    );
    print(ctx, out.join('\n'));
  }
  if (problems.length > 0) throw new ExitStatus(1);
}

function listRows(ctx: Context, lessons: readonly Lesson[], progress: ProgressState): LessonListRow[] {
  const stats = progressStats(progress, [], ctx.io.now());
  return lessons.map((lesson) => {
    const topic = stats.topics.find((t) => t.topic === lesson.topic);
    return { lesson, read: isLessonRead(progress, lesson.id), answers: topic?.answers ?? 0, right: topic?.right ?? 0 };
  });
}

/** The lesson menu: the list itself, once, with what was read and the quiz scores. */
async function chooseLesson(ctx: Context, prompter: Prompter, lessons: readonly Lesson[]): Promise<Lesson | undefined> {
  const rows = listRows(ctx, lessons, openStore(ctx).load());
  print(ctx, `\n${renderLessonMenuHeader(rows, ctx.color)}`);
  const titleWidth = Math.max(...lessons.map((l) => l.title.length));
  const chosen = await prompter.select('Open a lesson', [
    ...rows.map((row) => ({ value: row.lesson.id, name: lessonMenuName(row, titleWidth), short: row.lesson.title })),
    { value: '', name: 'Quit', short: 'quit' },
  ]);
  return lessons.find((l) => l.id === chosen);
}

async function markRead(ctx: Context, lesson: Lesson): Promise<void> {
  try {
    await openStore(ctx).update((latest) => markLessonRead(latest, lesson.id, ctx.io.now()));
  } catch (error) {
    notice(ctx, `the lesson was shown, but reading progress was not saved: ${(error as Error).message}`);
  }
}

interface Screen {
  readonly text: string;
  /** The heading of the page the screen belongs to; undefined for the opening page. */
  readonly heading: string | undefined;
  /** Not the first screen of its page. */
  readonly continued: boolean;
}

/** A lesson's pages, each cut into screens that leave room for the menu. */
function screensFor(ctx: Context, lesson: Lesson, view: LessonView): Screen[] {
  const pages = pagesOf(lesson.blocks);
  const room = ctx.height - MENU_LINES;
  return pages.flatMap((page, index) => {
    const heading = page.heading ?? page.blocks.find((b) => b.kind === 'heading')?.text;
    return screensOf(renderPage(lesson, pages, index, view), room).map((text, part) => ({ text, heading, continued: part > 0 }));
  });
}

/** Pages through lessons in a terminal until the learner quits. */
async function browse(ctx: Context, prompter: Prompter, lessons: readonly Lesson[], first: Lesson): Promise<void> {
  const example = await loadExamples();
  let lesson: Lesson | undefined = first;
  while (lesson) {
    const current: Lesson = lesson;
    const screens = screensFor(ctx, current, viewFor(ctx, lessons, current, example));
    lesson = undefined;
    for (let index = 0; index < screens.length; ) {
      print(ctx, `\n${screens[index]?.text ?? ''}\n`);
      const last = index === screens.length - 1;
      if (last) await markRead(ctx, current);
      const next = lessons[lessons.indexOf(current) + 1];
      const following = screens[index + 1];
      const onward = following === undefined ? '' : following.continued ? `${following.heading ?? current.title} (continued)` : (following.heading ?? 'next page');
      const choices = [
        ...(last ? [] : [{ value: 'more', name: `Continue: ${onward}` }]),
        ...(last && next ? [{ value: 'next', name: `Next lesson: ${next.title}` }] : []),
        ...(index > 0 ? [{ value: 'back', name: 'Back a page' }] : []),
        { value: 'list', name: 'All lessons' },
        { value: 'quit', name: 'Quit' },
      ];
      const step = await prompter.select(last ? `End of "${current.title}"` : `Page ${index + 1} of ${screens.length}`, choices);
      if (step === 'more') index += 1;
      else if (step === 'back') index -= 1;
      else if (step === 'next') {
        lesson = next;
        break;
      } else if (step === 'list') {
        lesson = await chooseLesson(ctx, prompter, lessons);
        break;
      } else return;
    }
  }
}
