/** kds quiz list: the questions of a bank, as a table or JSON (its own module: it loads the least). */
import { filterQuestions } from '../../core/quiz/filter.js';
import type { Difficulty, Topic } from '../../core/quiz/topics.js';
import { print, printJson, type Context } from '../../context.js';
import { safeListed } from '../../render/safe-content.js';
import { listJson } from '../../render/quiz-json.js';
import { renderQuestionList } from '../../render/quiz.js';
import { openListing } from './shared.js';

export interface ListFlags {
  readonly bank?: string;
  readonly json?: boolean;
  readonly topic?: Topic[];
  readonly difficulty?: Difficulty[];
}

export async function runList(flags: ListFlags, ctx: Context): Promise<void> {
  const bank = await openListing(ctx, flags.bank);
  const questions = filterQuestions(bank.questions, {
    topics: flags.topic ?? [],
    difficulties: flags.difficulty ?? [],
  });
  if (flags.json) printJson(ctx, listJson(questions));
  else print(ctx, renderQuestionList(questions.map(safeListed), ctx.color, ctx.width));
}
