/** A lesson on screen: wrapped to the width, code and headings coloured, live examples boxed in. */
import type { ChalkInstance } from 'chalk';
import type { Block, Lesson } from '../core/learn/lesson.js';
import { bullet, wrap } from './text.js';

export interface RenderedExample {
  readonly command: string;
  readonly lines: readonly string[];
}

/** `code` in colour; the backticks go, the text stays. */
function inline(text: string, color: ChalkInstance): string {
  return text.replace(/`([^`]+)`/g, (_, code: string) => color.cyan(code));
}

function block(b: Block, width: number, color: ChalkInstance, example: (b: Extract<Block, { kind: 'example' }>) => RenderedExample): string {
  switch (b.kind) {
    case 'heading':
      return color.bold(b.text);
    case 'paragraph':
      return wrap(inline(b.text, color), width);
    case 'bullets':
      return b.items.map((item) => bullet(inline(item, color), width)).join('\n');
    case 'example': {
      const shown = example(b);
      const body = shown.lines.map((l) => wrap(l, width, '  | ', '  | ')).join('\n');
      return `${color.dim('  $')} ${color.cyan(shown.command)}\n${body}`;
    }
  }
}

export function renderLesson(
  lesson: Lesson,
  options: { width: number; color: ChalkInstance; position: string; example: (b: Extract<Block, { kind: 'example' }>) => RenderedExample },
): string {
  const { width, color } = options;
  const out = [`${color.bold(lesson.title)}  ${color.dim(options.position)}`, ''];
  for (const b of lesson.blocks) out.push(block(b, width, color, options.example), '');
  const practise = `kds quiz --topic ${lesson.topic}`;
  out.push(color.bold('Try it'));
  for (const t of lesson.try.filter((t) => t !== practise)) out.push(`  ${color.cyan(t)}`);
  out.push(color.bold('Practise'), `  ${color.cyan(practise)}`);
  return out.join('\n');
}
