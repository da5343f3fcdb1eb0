/** What the quiz commands share: opening the bank and the progress store, finding a question. */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Question } from '../../core/quiz/question.js';
import { TOPICS } from '../../core/quiz/topics.js';
import { notice, type Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseDrillId } from '../../drills/types.js';
import type { FileProblem, LoadedBank } from '../../io/bank.js';
import { defaultBankDir, shippedBank, shippedListing, type ListedQuestion } from '../../io/shipped-content.js';
import { echoValue } from '../../render/escape.js';

/** The bank in --bank DIR (relative to the working directory), else the one kds ships. */
export function bankDir(ctx: Context, flag: string | undefined): string {
  return flag === undefined ? defaultBankDir() : resolve(ctx.io.cwd, flag);
}

/** Reads the bank's YAML files (the yaml parser loads only here). */
export async function readBank(dir: string): Promise<LoadedBank> {
  const { loadBank } = await import('../../io/bank.js');
  return loadBank(dir);
}

/**
 * Loads the bank for asking questions: the shipped one as compiled when kds was built, any other
 * from its files. Broken files are skipped with one notice (kds quiz check lists them), so one bad
 * file never stops a learner.
 */
export async function openBank(ctx: Context, flag: string | undefined): Promise<LoadedBank> {
  const bank = (flag === undefined ? shippedBank() : undefined) ?? (await readBank(bankDir(ctx, flag)));
  reportProblems(ctx, flag, bank.problems);
  return bank;
}

/** The questions for a list: of the shipped bank, only what a list shows; any other bank whole. */
export async function openListing(ctx: Context, flag: string | undefined): Promise<{ readonly questions: readonly ListedQuestion[] }> {
  const listing = flag === undefined ? shippedListing() : undefined;
  if (listing === undefined) return openBank(ctx, flag);
  reportProblems(ctx, flag, listing.problems);
  return listing;
}

function reportProblems(ctx: Context, flag: string | undefined, problems: readonly FileProblem[]): void {
  const see = `see kds quiz check${flag === undefined ? '' : ` ${flag}`}`;
  const skipped = new Set(problems.filter((p) => !p.kept).map((p) => p.file));
  const escaped = new Set(problems.filter((p) => p.kept && !skipped.has(p.file)).map((p) => p.file)).size;
  if (skipped.size > 0) {
    const what = skipped.size === 1 ? '1 file in the question bank has problems and was' : `${skipped.size} files in the question bank have problems and were`;
    notice(ctx, `${what} skipped; ${see}.`);
  }
  if (escaped > 0) {
    notice(ctx, `${escaped === 1 ? '1 question file holds' : `${escaped} question files hold`} control characters, shown escaped; ${see}.`);
  }
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(ctx: Context, path: string): string {
  const rel = relative(ctx.io.cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * The question with this id, or a usage error that names the valid ids nearest to it. A drill id
 * ("drill-size-42") regenerates that drill: kind and seed determine it completely.
 */
export async function findQuestion(bank: LoadedBank, id: string): Promise<Question> {
  const drill = parseDrillId(id);
  if (drill) {
    // The calculators behind the drills load only for a drill.
    const { drillQuestion, generateDrill } = await import('../../drills/index.js');
    return drillQuestion(generateDrill(drill.kind, drill.seed));
  }
  const wanted = id.trim().toLowerCase();
  const found = bank.questions.find((q) => q.id === wanted);
  if (found) return found;
  if (bank.questions.length === 0) throw new UsageError(`unknown question '${echoValue(id)}': the bank ${bank.dir} has no questions.`);
  const topic = TOPICS.find((t) => wanted.startsWith(`${t}-`)) ?? TOPICS.find((t) => t.startsWith(wanted.split('-')[0] ?? ''));
  const sameTopic = bank.questions.filter((q) => q.topic === topic).map((q) => q.id);
  const named =
    sameTopic.length > 0
      ? `${topic} questions: ${sameTopic.join(', ')}`
      : `ids run from ${bank.questions[0]?.id} to ${bank.questions.at(-1)?.id}`;
  throw new UsageError(`unknown question '${echoValue(id)}' (${named}); kds quiz list shows all ${bank.questions.length}.`);
}
