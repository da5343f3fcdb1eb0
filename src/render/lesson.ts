/** A lesson on screen: wrapped to the width, code and headings coloured, live examples set off. */
import type { ChalkInstance } from 'chalk';
import type { Block, Lesson, Page } from '../core/learn/lesson.js';
import { renderTable } from './table.js';
import { bullet, shellLines, wrap } from './text.js';

export interface RenderedExample {
  readonly command: string;
  readonly lines: readonly string[];
}

export interface LessonView {
  readonly width: number;
  readonly color: ChalkInstance;
  /** "lesson 1 of 11". */
  readonly position: string;
  /** The live example for a directive, computed by the calculators. */
  readonly example: (b: Extract<Block, { kind: 'example' }>) => RenderedExample;
}

/** `code` in colour; the backticks go, the text stays. */
function inline(text: string, color: ChalkInstance): string {
  return text.replace(/`([^`]+)`/g, (_, code: string) => color.cyan(code));
}

function renderBlock(b: Block, view: LessonView): string {
  const { width, color } = view;
  switch (b.kind) {
    case 'heading':
      return color.bold(b.text);
    case 'paragraph':
      return wrap(inline(b.text, color), width);
    case 'bullets':
      return b.items.map((item) => bullet(inline(item, color), width)).join('\n');
    case 'example': {
      const shown = view.example(b);
      const body = shown.lines.map((l) => wrap(l, width, '  | ', '  | ')).join('\n');
      const command = shellLines(`$ ${shown.command}`, width)
        .split('\n')
        .map((line) => color.cyan(line))
        .join('\n');
      return `${command}\n${body}`;
    }
  }
}

export function practiseCommand(lesson: Lesson): string {
  return `kds quiz --topic ${lesson.topic}`;
}

export function renderLessonTitle(lesson: Lesson, view: LessonView): string {
  return `${view.color.bold(lesson.title)}  ${view.color.dim(`(${view.position}, quiz topic ${lesson.topic})`)}`;
}

export function renderBlocks(blocks: readonly Block[], view: LessonView): string {
  return blocks.map((b) => renderBlock(b, view)).join('\n\n');
}

export function renderLessonFooter(lesson: Lesson, view: LessonView): string {
  const { color } = view;
  const practise = practiseCommand(lesson);
  const out = [color.bold('Try it')];
  for (const t of lesson.try.filter((t) => t !== practise)) out.push(`  ${color.cyan(t)}`);
  out.push(color.bold('Practise'), `  ${color.cyan(practise)}`);
  return out.join('\n');
}

/** The whole lesson as one text: what a pipe or a non-interactive run gets. */
export function renderLesson(lesson: Lesson, view: LessonView): string {
  return [renderLessonTitle(lesson, view), renderBlocks(lesson.blocks, view), renderLessonFooter(lesson, view)].join('\n\n');
}

/** One page of a lesson in a terminal; the first carries the title, the last the footer. */
export function renderPage(lesson: Lesson, pages: readonly Page[], index: number, view: LessonView): string {
  const page = pages[index];
  if (page === undefined) throw new RangeError(`no page ${index + 1}`);
  const parts: string[] = [];
  if (index === 0) parts.push(renderLessonTitle(lesson, view));
  parts.push(renderBlocks(page.blocks, view));
  if (index === pages.length - 1) parts.push(renderLessonFooter(lesson, view));
  return parts.join('\n\n');
}

/**
 * Cuts a page's text into screens of at most `lines` lines, so that the top of a page never
 * scrolls away before its menu. Cuts fall on a blank line (between paragraphs, lists and examples)
 * when one is in the second half of the screen; otherwise the screen is cut where it is full.
 */
export function screensOf(text: string, lines: number): string[] {
  const max = Math.max(4, lines);
  const all = text.split('\n');
  const screens: string[] = [];
  let start = 0;
  while (start < all.length) {
    if (all.length - start <= max) {
      screens.push(all.slice(start).join('\n'));
      break;
    }
    let cut = start + max;
    for (let i = start + max; i > start + Math.floor(max / 2); i--) {
      if (all[i - 1]?.trim() === '') {
        cut = i;
        break;
      }
    }
    screens.push(all.slice(start, cut).join('\n').replace(/\n+$/, ''));
    start = cut;
    while (all[start]?.trim() === '') start++;
  }
  return screens.filter((screen) => screen.trim() !== '');
}

/** A lesson as a choice in the lesson menu: number, title, and whether it was read and the quiz score. */
export function lessonMenuName(row: LessonListRow, titleWidth: number): string {
  const number = `${row.lesson.order}.`.padStart(3);
  const read = row.read ? 'read' : '    ';
  const quiz = row.answers === 0 ? '' : `quiz ${row.right}/${row.answers}`;
  return `${number} ${row.lesson.title.padEnd(titleWidth)}  ${read}  ${quiz}`.trimEnd();
}

/** The line above the lesson menu: how many were read, and which one comes next. */
export function renderLessonMenuHeader(rows: readonly LessonListRow[], color: ChalkInstance): string {
  const read = rows.filter((x) => x.read).length;
  const next = rows.find((x) => !x.read);
  const tail = next ? `next: ${next.lesson.id}` : 'every lesson read';
  return `${color.bold(`Lessons (${read} of ${rows.length} read)`)} ${color.dim(`· ${tail} · kds learn LESSON prints one`)}`;
}

export interface LessonListRow {
  readonly lesson: Lesson;
  readonly read: boolean;
  /** Quiz answers given on the lesson's topic, and how many were right. */
  readonly answers: number;
  readonly right: number;
}

export function renderLessonList(rows: readonly LessonListRow[], color: ChalkInstance): string {
  const table = renderTable(
    {
      head: ['#', 'Lesson', 'Title', 'Read', 'Quiz'],
      rows: rows.map((r) => [
        String(r.lesson.order),
        r.lesson.id,
        r.lesson.title,
        r.read ? 'yes' : '-',
        r.answers === 0 ? '-' : `${r.right}/${r.answers}`,
      ]),
      align: ['right', 'left', 'left', 'left', 'right'],
    },
    color,
  );
  const read = rows.filter((r) => r.read).length;
  const next = rows.find((r) => !r.read);
  const tail = next ? `Next: kds learn ${next.lesson.id}` : 'Every lesson read: practise with kds quiz, or kds quiz --due.';
  return `${color.bold(`Lessons (${read} of ${rows.length} read)`)}\n\n${table}\n\n${tail}`;
}

/** The lesson as data, with its live examples computed. */
export function lessonJson(lesson: Lesson, example: LessonView['example']): object {
  return {
    id: lesson.id,
    title: lesson.title,
    topic: lesson.topic,
    order: lesson.order,
    try: lesson.try,
    practise: practiseCommand(lesson),
    blocks: lesson.blocks.map((b) => {
      if (b.kind !== 'example') return b;
      const shown = example(b);
      return { kind: 'example', directive: b.directive.raw, command: shown.command, lines: shown.lines };
    }),
  };
}
