/** The quiz commands for scripts and tests: show, answer, check, stats, reset (list is in list.ts). */
import { resolve } from 'node:path';
import { grade, parseLetters, presentInFileOrder } from '../../core/quiz/present.js';
import { progressStats, recordAnswer, recordOf, type ProgressState } from '../../core/quiz/progress.js';
import type { Topic } from '../../core/quiz/topics.js';
import { print, printJson, type Context } from '../../context.js';
import { ExitStatus, UsageError } from '../../errors.js';
import { bankWarnings } from '../../core/quiz/validate.js';
import { echoValue, safeText } from '../../render/escape.js';
import { plural } from '../../render/format.js';
import { safeQuestion } from '../../render/safe-content.js';
import { answerJson, checkJson, questionJson, statsJson } from '../../render/quiz-json.js';
import { renderCheck, renderFeedback, renderShow, renderStats } from '../../render/quiz.js';
import { bankDir, displayPath, findQuestion, openBank, readBank } from './shared.js';
import { openStore } from './store.js';

interface BankFlag {
  readonly bank?: string;
}
interface JsonFlag {
  readonly json?: boolean;
}

export async function runShow(id: string, flags: BankFlag & JsonFlag & { answer?: boolean }, ctx: Context): Promise<void> {
  const question = await findQuestion(await openBank(ctx, flags.bank), id);
  const presented = presentInFileOrder(flags.json ? question : safeQuestion(question));
  if (flags.json) printJson(ctx, questionJson(presented, flags.answer === true));
  else print(ctx, renderShow(presented, flags.answer === true, ctx.color, ctx.width));
}

/** Grades one answer in file order, prints the feedback, records it; a wrong answer exits 1. */
export async function runAnswer(id: string, letters: readonly string[], flags: BankFlag & JsonFlag, ctx: Context): Promise<void> {
  const question = await findQuestion(await openBank(ctx, flags.bank), id);
  const presented = presentInFileOrder(flags.json ? question : safeQuestion(question));
  const parsed = parseLetters(presented, letters);
  if (!parsed.ok) {
    const given = parsed.invalid.length > 0 ? `'${parsed.invalid.map((l) => echoValue(l)).join("', '")}' ${parsed.invalid.length === 1 ? 'is not an option' : 'are not options'}` : 'no letter given';
    throw new UsageError(`${given} of ${question.id}: choose from ${parsed.valid.join(', ')} (kds quiz show ${question.id}).`);
  }
  const result = grade(presented, parsed.letters);
  if (flags.json) printJson(ctx, answerJson(presented, result));
  else print(ctx, renderFeedback(presented, result, { revealed: false, hintsUsed: 0 }, ctx.color, ctx.width));
  const event = { id: question.progressId ?? question.id, topic: question.topic, right: result.right, hintsUsed: 0, at: ctx.io.now() };
  await openStore(ctx).update((latest) => recordAnswer(latest, event));
  if (!result.right) throw new ExitStatus(1);
}

/** Lints a bank from its YAML files, the shipped one too (its files are the source). */
export async function runCheck(dir: string | undefined, flags: BankFlag & JsonFlag, ctx: Context): Promise<void> {
  if (dir !== undefined && flags.bank !== undefined && resolve(ctx.io.cwd, dir) !== resolve(ctx.io.cwd, flags.bank)) {
    throw new UsageError(`two banks given (${dir} and --bank ${flags.bank}): check one at a time.`);
  }
  const path = bankDir(ctx, dir ?? flags.bank);
  const bank = await readBank(path);
  const problems = [...bank.problems];
  if (bank.files === 0 && problems.length === 0) {
    problems.push({ file: path, message: 'no question files here (expected DIR/<topic>/<id>.yaml)' });
  }
  const warnings = bankWarnings(bank.questions);
  if (flags.json) {
    printJson(
      ctx,
      checkJson(
        path,
        bank.files,
        bank.questions.length,
        problems.map((p) => ({ file: p.file, ...(p.line === undefined ? {} : { line: p.line }), message: p.message })),
        warnings,
      ),
    );
  } else {
    const where = (p: { file: string; line?: number }): string =>
      `${displayPath(ctx, p.file)}${p.line === undefined ? '' : `:${p.line}`}`;
    print(
      ctx,
      renderCheck(
        {
          dir: path,
          files: bank.files,
          questions: bank.questions,
          // File names and YAML messages come from the files: escaped.
          problems: problems.map((p) => ({ where: safeText(where(p)), message: safeText(p.message) })),
          warnings,
        },
        ctx.color,
      ),
    );
  }
  if (problems.length > 0) throw new ExitStatus(1);
}

export async function runStats(flags: BankFlag & JsonFlag, ctx: Context): Promise<void> {
  const bank = await openBank(ctx, flags.bank);
  const store = openStore(ctx);
  const stats = progressStats(store.load(), bank.questions, ctx.io.now());
  if (flags.json) printJson(ctx, statsJson(stats, store.path));
  else print(ctx, renderStats(stats, safeText(store.path), ctx.color, ctx.width));
}

/** Which records a reset forgets: all, or those of some topics and/or of one bank. */
function forgettable(state: ProgressState, topics: readonly string[], bankIds: ReadonlySet<string> | undefined): string[] {
  return Object.keys(state.questions).filter((id) => {
    const record = recordOf(state, id);
    return (topics.length === 0 || topics.includes(record?.topic ?? '')) && (bankIds === undefined || bankIds.has(id));
  });
}

export async function runReset(flags: BankFlag & { yes?: boolean; topic?: Topic[] }, ctx: Context): Promise<void> {
  const store = openStore(ctx);
  const state = store.load();
  const topics = flags.topic ?? [];
  const bankIds = flags.bank === undefined ? undefined : new Set((await openBank(ctx, flags.bank)).questions.map((q) => q.id));
  const whole = topics.length === 0 && bankIds === undefined;
  const ids = forgettable(state, topics, bankIds);
  const sessions = whole ? state.sessions.length : 0;
  if (ids.length === 0 && sessions === 0) {
    print(ctx, `Nothing to reset: no progress ${whole ? 'saved yet' : 'on those questions'} (${safeText(store.path)}).`);
    return;
  }
  const what = whole
    ? `all your progress: ${plural(ids.length, 'question')} and ${plural(sessions, 'session')}`
    : `your progress on ${plural(ids.length, 'question')}${topics.length > 0 ? ` (${topics.join(', ')})` : ''}`;
  if (!flags.yes) {
    if (!ctx.interactive) {
      throw new UsageError(`kds quiz reset asks before it forgets ${what}, and there is no terminal to ask in: add --yes.`);
    }
    const prompter = await ctx.io.prompter();
    if (!(await prompter.confirm(`Forget ${what}?`, { default: false }))) {
      print(ctx, 'Nothing changed.');
      return;
    }
  }
  // Applied to the latest file: whatever other kds runs wrote meanwhile is judged by the same rule.
  await store.update((latest) => {
    if (!whole) {
      const forget = new Set(forgettable(latest, topics, bankIds));
      return { ...latest, questions: Object.fromEntries(Object.entries(latest.questions).filter(([id]) => !forget.has(id))) };
    }
    // The quiz forgets its own progress; the lessons read stay read.
    return Object.keys(latest.lessons).length === 0 ? null : { ...latest, questions: {}, sessions: [] };
  });
  print(ctx, `Forgot ${what}.`);
}
