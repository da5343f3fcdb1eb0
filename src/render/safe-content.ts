/**
 * Questions and lessons from files, made safe to show in a terminal: every text field through
 * render/escape.ts. Commands use these copies for text and prompts; JSON keeps the real text
 * (printJson escapes what a terminal would act on).
 */
import type { Block, Lesson } from '../core/learn/lesson.js';
import type { Question } from '../core/quiz/question.js';
import { safeMultiline, safeText } from './escape.js';

export function safeQuestion(question: Question): Question {
  return {
    ...question,
    id: safeText(question.id),
    prompt: safeMultiline(question.prompt),
    options: question.options.map((o) => ({
      ...o,
      text: safeMultiline(o.text),
      ...(o.why === undefined ? {} : { why: safeMultiline(o.why) }),
    })),
    hints: question.hints.map(safeMultiline),
    explanation: safeMultiline(question.explanation),
    sources: question.sources.map(safeText),
    ...(question.try === undefined ? {} : { try: safeText(question.try) }),
  };
}

/** What a question list shows (id, difficulty, prompt), made safe: escaping the rest is wasted work. */
export function safeListed(question: Pick<Question, 'id' | 'difficulty' | 'prompt'>): Pick<Question, 'id' | 'difficulty' | 'prompt'> {
  return { id: safeText(question.id), difficulty: question.difficulty, prompt: safeMultiline(question.prompt) };
}

function safeBlock(block: Block): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: safeText(block.text) };
    case 'bullets':
      return { ...block, items: block.items.map(safeText) };
    case 'example':
      return { ...block, directive: { ...block.directive, raw: safeText(block.directive.raw), args: block.directive.args.map(safeText) } };
  }
}

export function safeLesson(lesson: Lesson): Lesson {
  return {
    ...lesson,
    id: safeText(lesson.id),
    title: safeText(lesson.title),
    topic: safeText(lesson.topic),
    try: lesson.try.map(safeText),
    blocks: lesson.blocks.map(safeBlock),
  };
}
