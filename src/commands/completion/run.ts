/** kds completion SHELL: reads the command tree and the content, prints the script. */
import type { Command } from 'commander';
import { print, type Context } from '../../context.js';
import { TOPICS } from '../../core/quiz/topics.js';
import { defaultBankDir, loadBank } from '../../io/bank.js';
import { defaultLessonDir, loadLessons } from '../../io/lessons.js';
import { bashScript } from '../../render/completion/bash.js';
import { fishScript } from '../../render/completion/fish.js';
import type { Shell } from '../../render/completion/spec.js';
import { zshScript } from '../../render/completion/zsh.js';
import { version } from '../../version.js';
import { CHECK } from '../learn/run.js';
import { completionSpec, type ContentWords } from './tree.js';

/** Question ids and set names of the bank kds ships, and the names kds learn takes (lesson ids and quiz topics). */
export function shippedContent(): ContentWords {
  const questions = loadBank(defaultBankDir()).questions;
  const lessonIds = loadLessons(defaultLessonDir(), TOPICS).lessons.map((l) => l.id);
  return {
    questionIds: questions.map((q) => q.id),
    lessons: [...new Set([...lessonIds, ...TOPICS, CHECK])],
    sets: [...new Set(questions.flatMap((q) => Object.keys(q.sets ?? {})))].sort(),
  };
}

const WRITERS: Readonly<Record<Shell, typeof bashScript>> = { bash: bashScript, zsh: zshScript, fish: fishScript };

export function runCompletion(shell: Shell, command: Command, ctx: Context): void {
  let root = command;
  while (root.parent !== null) root = root.parent;
  print(ctx, WRITERS[shell](completionSpec(root, shippedContent()), version()));
}
