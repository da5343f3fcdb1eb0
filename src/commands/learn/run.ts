/**
 * kds learn: the list of lessons with the learner's progress, or one lesson. In a terminal a lesson
 * goes a page (a section) at a time with a menu to move on; piped, it prints whole and plain.
 */
import { resolve } from 'node:path';
import { findLesson, pagesOf, type Block, type Lesson } from '../../core/learn/lesson.js';
import { isLessonRead, markLessonRead, progressStats, type ProgressState } from '../../core/quiz/progress.js';
import { TOPICS } from '../../core/quiz/topics.js';
import { notice, print, printJson, type Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { defaultLessonDir, loadLessons } from '../../io/lessons.js';
import type { Prompter } from '../../io/prompter.js';
import { evaluateExample } from '../../learn/examples.js';
import { echoValue } from '../../render/escape.js';
import { safeLesson } from '../../render/safe-content.js';
import { lessonJson, renderLesson, renderLessonList, renderPage, type LessonView } from '../../render/lesson.js';
import { openStore } from '../quiz/shared.js';
import type { LearnFlags } from './options.js';

type ExampleBlock = Extract<Block, { kind: 'example' }>;

function viewFor(ctx: Context, lessons: readonly Lesson[], lesson: Lesson): LessonView {
  return {
    width: ctx.width,
    color: ctx.color,
    position: `lesson ${lessons.indexOf(lesson) + 1} of ${lessons.length}`,
    example: (b: ExampleBlock) => evaluateExample(b.directive),
  };
}

export async function runLearn(name: string | undefined, flags: LearnFlags, ctx: Context): Promise<void> {
  const dir = flags.lessons === undefined ? defaultLessonDir() : resolve(ctx.io.cwd, flags.lessons);
  const loaded = loadLessons(dir, TOPICS);
  const problems = loaded.problems;
  // Text goes to a terminal escaped; --json keeps the real text (printJson makes it inert).
  const lessons = flags.json ? loaded.lessons : loaded.lessons.map(safeLesson);
  if (problems.length > 0) {
    notice(ctx, `${problems.length} problem(s) in the lessons in ${dir}; the first: ${problems[0]?.file}: ${problems[0]?.message}`);
  }
  if (lessons.length === 0) throw new UsageError(`no lessons in ${dir}.`);

  if (name === undefined) {
    if (flags.json) {
      printJson(ctx, lessons.map((l) => ({ id: l.id, title: l.title, topic: l.topic })));
      return;
    }
    const store = openStore(ctx);
    const progress = store.load();
    print(ctx, listText(ctx, lessons, progress));
    if (!ctx.interactive) return;
    const prompter = await ctx.io.prompter();
    const chosen = await prompter.select('Open a lesson', [
      ...lessons.map((l) => ({ value: l.id, name: `${l.order}. ${l.title}` })),
      { value: '', name: 'Quit' },
    ]);
    const lesson = lessons.find((l) => l.id === chosen);
    if (lesson) await browse(ctx, prompter, lessons, lesson);
    return;
  }

  const lesson = findLesson(lessons, name);
  if (lesson === undefined) {
    throw new UsageError(`no lesson '${echoValue(name)}' (lessons: ${lessons.map((l) => l.id).join(', ')}).`);
  }
  if (flags.json) {
    printJson(ctx, lessonJson(lesson, viewFor(ctx, lessons, lesson).example));
    return;
  }
  if (!ctx.interactive) {
    print(ctx, renderLesson(lesson, viewFor(ctx, lessons, lesson)));
    await markRead(ctx, lesson);
    return;
  }
  await browse(ctx, await ctx.io.prompter(), lessons, lesson);
}

function listText(ctx: Context, lessons: readonly Lesson[], progress: ProgressState): string {
  const stats = progressStats(progress, [], ctx.io.now());
  const rows = lessons.map((lesson) => {
    const topic = stats.topics.find((t) => t.topic === lesson.topic);
    return { lesson, read: isLessonRead(progress, lesson.id), answers: topic?.answers ?? 0, right: topic?.right ?? 0 };
  });
  return renderLessonList(rows, ctx.color);
}

async function markRead(ctx: Context, lesson: Lesson): Promise<void> {
  try {
    await openStore(ctx).update((latest) => markLessonRead(latest, lesson.id, ctx.io.now()));
  } catch (error) {
    notice(ctx, `the lesson was shown, but reading progress was not saved: ${(error as Error).message}`);
  }
}

/** Pages through lessons in a terminal until the learner quits. */
async function browse(ctx: Context, prompter: Prompter, lessons: readonly Lesson[], first: Lesson): Promise<void> {
  let lesson: Lesson | undefined = first;
  while (lesson) {
    const current: Lesson = lesson;
    const pages = pagesOf(current.blocks);
    const view = viewFor(ctx, lessons, current);
    lesson = undefined;
    for (let index = 0; index < pages.length; ) {
      print(ctx, `\n${renderPage(current, pages, index, view)}\n`);
      const last = index === pages.length - 1;
      if (last) await markRead(ctx, current);
      const next = lessons[lessons.indexOf(current) + 1];
      const choices = [
        ...(last ? [] : [{ value: 'more', name: `Continue: ${pages[index + 1]?.heading ?? 'next page'}` }]),
        ...(last && next ? [{ value: 'next', name: `Next lesson: ${next.title}` }] : []),
        ...(index > 0 ? [{ value: 'back', name: 'Back a page' }] : []),
        { value: 'list', name: 'All lessons' },
        { value: 'quit', name: 'Quit' },
      ];
      const step = await prompter.select(
        last ? `End of "${current.title}"` : `Page ${index + 1} of ${pages.length}`,
        choices,
      );
      if (step === 'more') index += 1;
      else if (step === 'back') index -= 1;
      else if (step === 'next') {
        lesson = next;
        break;
      } else if (step === 'list') {
        print(ctx, `\n${listText(ctx, lessons, openStore(ctx).load())}\n`);
        const chosen = await prompter.select('Open a lesson', [
          ...lessons.map((l) => ({ value: l.id, name: `${l.order}. ${l.title}` })),
          { value: '', name: 'Quit' },
        ]);
        lesson = lessons.find((l) => l.id === chosen);
        break;
      } else return;
    }
  }
}
