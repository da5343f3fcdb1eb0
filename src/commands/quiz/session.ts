/**
 * kds quiz: the interactive session. Picks the questions (a random draw, a named set in its order,
 * or an exam blueprint's domain weights), asks them, and ends with a summary: after the last
 * question, when the learner stops, when an exam is submitted or its time runs out, or on Ctrl+C
 * (then exit 130, answers kept). Practice records each answer as it is given; an exam records its
 * answers when it ends, since they can change until then.
 */
import { BLUEPRINTS, drawBlueprint } from '../../core/quiz/blueprint.js';
import { suggestionsFor } from '../../core/quiz/guide.js';
import { grade, presentShuffled } from '../../core/quiz/present.js';
import {
  isDue,
  progressStats,
  recordAnswer,
  recordSession,
  type ProgressState,
  type SessionEnd,
  type SessionRecord,
} from '../../core/quiz/progress.js';
import type { Question } from '../../core/quiz/question.js';
import { seedFromTime } from '../../core/quiz/random.js';
import { filterQuestions, selectQuestions } from '../../core/quiz/select.js';
import { answerEvent, sessionRecord, summarizeSession, type AnsweredQuestion } from '../../core/quiz/session.js';
import { questionsInSet, setNames } from '../../core/quiz/validate.js';
import { notice, print, type Context } from '../../context.js';
import { InterruptedError, isEndOfInput, isPromptExit, UsageError } from '../../errors.js';
import type { Prompter } from '../../io/prompter.js';
import type { ProgressStore } from '../../io/progress-store.js';
import type { LoadedBank } from '../../io/bank.js';
import { echoValue, safeText } from '../../render/escape.js';
import {
  renderAnswerEcho,
  renderFeedback,
  renderHint,
  renderQuestion,
  renderSessionHeader,
  renderStoppedAt,
  renderSummary,
} from '../../render/quiz.js';
import { safeQuestion } from '../../render/safe-content.js';
import { askQuestion } from './ask.js';
import { runExam } from './exam.js';
import { interleave, sessionDrills } from '../../drills/index.js';
import { repeatCommand, toSessionOptions, type SessionFlags, type SessionOptions } from './options.js';
import { openBank } from './shared.js';
import { openStore } from './store.js';

export const SUBCOMMANDS = ['list', 'show', 'answer', 'drill', 'check', 'stats', 'reset', 'export', 'import'] as const;

export const NO_TERMINAL =
  'kds quiz asks its questions in a terminal, and stdin or stdout is not one. ' +
  'Without a terminal, use kds quiz list | show ID | answer ID LETTER... | drill KIND | check | stats (see kds quiz --help).';

const NEXT = 'next';
const STOP = 'stop';

export async function runSession(flags: SessionFlags, args: readonly string[], ctx: Context): Promise<void> {
  if (args.length > 0) {
    throw new UsageError(`unknown quiz command '${echoValue(args[0] ?? '')}' (commands: ${SUBCOMMANDS.join(', ')}; see kds quiz --help).`);
  }
  const options = toSessionOptions(flags);
  if (!ctx.interactive) throw new UsageError(NO_TERMINAL);

  const bank = await openBank(ctx, options.bank);
  const store = openStore(ctx);
  const progress = store.load();
  const startedAt = ctx.io.now();
  const seed = options.seed ?? seedFromTime(startedAt);
  // Questions reach the terminal escaped (a --bank file may hold control characters).
  const questions = chooseQuestions(options, { ...bank, questions: bank.questions.map(safeQuestion) }, progress, seed, startedAt);
  if (questions === undefined) {
    print(ctx, nothingToAsk(options, bank.questions, progress, startedAt));
    return;
  }
  print(
    ctx,
    renderSessionHeader(
      {
        mode: options.mode,
        questions: questions.length,
        scope: scopeText(options),
        seed,
        ...(options.timeLimitMinutes === undefined ? {} : { timeLimitMinutes: options.timeLimitMinutes }),
      },
      ctx.color,
      ctx.width,
    ),
  );

  const prompter = await ctx.io.prompter();
  const recorder = new Recorder(ctx, store);
  const deadline = options.timeLimitMinutes === undefined ? undefined : startedAt + options.timeLimitMinutes * 60_000;
  let interrupted = false;
  const stopListening = ctx.io.onInterrupt(() => {
    interrupted = true;
  });
  const present = (q: Question) => presentShuffled(q, seed);
  let answers: readonly AnsweredQuestion[] = [];
  let ended: SessionEnd = 'finished';
  try {
    if (options.mode === 'exam') {
      const exam = await runExam(ctx, prompter, questions.map(present), {
        ...(deadline === undefined ? {} : { deadline }),
        interrupted: () => interrupted,
      });
      ({ answers, ended } = exam);
      for (const answer of answers) await recorder.answer(answer);
    } else {
      const given: AnsweredQuestion[] = [];
      ended = await askAll(ctx, prompter, questions.map(present), {
        interrupted: () => interrupted,
        answered: async (answer) => {
          given.push(answer);
          await recorder.answer(answer);
        },
      });
      answers = given;
    }
  } finally {
    stopListening();
  }

  const summary = summarizeSession(options.mode, questions, answers, ended, present);
  if (summary.answered > 0) await recorder.session(sessionRecord(summary, ctx.io.now()));
  print(
    ctx,
    renderSummary(
      summary,
      {
        suggestions: suggestionsFor(summary),
        ...(options.focus === 'all' ? { repeat: repeatCommand(options, seed) } : {}),
        ...(options.mode === 'exam' ? { time: examTime(startedAt, ctx.io.now(), deadline, ended) } : {}),
        ...(recorder.failed ? {} : { progressPath: safeText(store.path) }),
      },
      ctx.color,
      ctx.width,
    ),
  );
  if (ended === 'interrupted') {
    throw new InterruptedError('stopped with Ctrl+C.');
  }
}

/** The session's questions, or undefined when nothing matches. */
function chooseQuestions(
  options: SessionOptions,
  bank: LoadedBank,
  progress: ProgressState,
  seed: number,
  now: number,
): readonly Question[] | undefined {
  if (options.set !== undefined) {
    const inSet = questionsInSet(bank.questions, options.set);
    if (inSet.length === 0) {
      const known = setNames(bank.questions);
      throw new UsageError(
        `no question set '${options.set}' in the bank (${known.length === 0 ? 'it has no sets' : `sets: ${known.join(', ')}`}).`,
      );
    }
    return inSet.slice(0, options.count);
  }
  if (options.blueprint !== undefined) {
    const pool = filterQuestions(bank.questions, { difficulties: options.difficulties });
    const drawn = drawBlueprint(pool, BLUEPRINTS[options.blueprint], options.count, seed).questions;
    return drawn.length === 0 ? undefined : drawn;
  }
  const drillCount = Math.round(options.count * options.drills.ratio);
  const fromBank =
    drillCount >= options.count
      ? []
      : selectQuestions(bank.questions, {
          topics: options.topics,
          difficulties: options.difficulties,
          count: options.count - drillCount,
          seed,
          focus: options.focus,
          progress,
          now,
        });
  if (fromBank.length === 0 && drillCount < options.count) return undefined;
  return interleave(fromBank, sessionDrills(drillCount, options.drills.kinds, seed));
}

interface PracticeHooks {
  readonly interrupted: () => boolean;
  readonly answered: (answer: AnsweredQuestion) => Promise<void>;
}

/** Asks the practice questions in turn, with feedback after each; returns why the session ended. */
async function askAll(ctx: Context, prompter: Prompter, questions: readonly ReturnType<typeof presentShuffled>[], hooks: PracticeHooks): Promise<SessionEnd> {
  for (const [index, presented] of questions.entries()) {
    if (hooks.interrupted()) return 'interrupted';
    const shown = renderQuestion(presented, { index, total: questions.length }, ctx.color, ctx.width);
    print(ctx, shown);
    let asked;
    try {
      asked = await askQuestion(prompter, presented, {
        width: ctx.width,
        above: shown.split('\n').length,
        showHint: (hint, n, total) => print(ctx, renderHint(hint, n, total, ctx.color, ctx.width)),
      });
    } catch (error) {
      if (isEndOfInput(error)) {
        print(ctx, renderStoppedAt(index, ctx.color));
        return endOfInput(ctx);
      }
      if (isPromptExit(error)) {
        print(ctx, renderStoppedAt(index, ctx.color));
        return 'interrupted';
      }
      throw error;
    }
    if (!asked.revealed) print(ctx, renderAnswerEcho(asked.letters, ctx.color));
    const result = grade(presented, asked.letters);
    await hooks.answered({ presented, grade: result, hintsUsed: asked.hintsUsed, revealed: asked.revealed });
    print(ctx, `\n${renderFeedback(presented, result, asked, ctx.color, ctx.width)}`);
    if (index === questions.length - 1) break;
    if (hooks.interrupted()) return 'interrupted';
    print(ctx, '');
    try {
      // A quiz list clears itself, so Ctrl+C here leaves no open menu above the summary.
      const next = await prompter.quizList(
        'What next?',
        [
          { value: NEXT, name: `Next question (${index + 2} of ${questions.length})` },
          { value: STOP, name: 'Stop here and show my summary' },
        ],
        { picks: 1 },
      );
      if (next.kind === 'answer' && next.values[0] === STOP) return 'stopped';
    } catch (error) {
      if (isEndOfInput(error)) return endOfInput(ctx);
      if (isPromptExit(error)) return 'interrupted';
      throw error;
    }
  }
  return 'finished';
}

/** Ctrl+D ends the input: the learner is done, which is a stop (exit 0), not a Ctrl+C. */
function endOfInput(ctx: Context): SessionEnd {
  print(ctx, '\nInput ended (Ctrl+D): the session stops here.');
  return 'stopped';
}

/**
 * Saves every answer as it is given, merged into the progress on disk (other kds runs may have
 * written it since the session started); a failure is reported once and the session goes on.
 */
class Recorder {
  failed = false;

  constructor(
    private readonly ctx: Context,
    private readonly store: ProgressStore,
  ) {}

  answer(answer: AnsweredQuestion): Promise<void> {
    const event = answerEvent(answer, this.ctx.io.now());
    return this.save((state) => recordAnswer(state, event));
  }

  session(record: SessionRecord): Promise<void> {
    return this.save((state) => recordSession(state, record));
  }

  private async save(change: (latest: ProgressState) => ProgressState): Promise<void> {
    if (this.failed) return;
    try {
      await this.store.update(change);
    } catch (error) {
      this.failed = true;
      notice(this.ctx, `${(error as Error).message}; the session goes on, but this session's answers are not saved.`);
    }
  }
}

/** How long an exam took: all of it when the time ran out (the prompt may end a moment late). */
function examTime(start: number, end: number, deadline: number | undefined, ended: SessionEnd) {
  const usedMs = ended === 'time' && deadline !== undefined ? deadline - start : Math.min(end, deadline ?? end) - start;
  return { usedMs, ...(deadline === undefined ? {} : { limitMs: deadline - start }) };
}

function scopeText(options: SessionOptions): string {
  if (options.set !== undefined) return `the ${options.set} set, in order`;
  if (options.blueprint !== undefined) {
    const parts = [`${BLUEPRINTS[options.blueprint].exam} domain weights`];
    if (options.difficulties.length > 0) parts.push(options.difficulties.join(' or '));
    return parts.join('; ');
  }
  const { kinds, ratio } = options.drills;
  const drills = `${kinds.join(', ')} drills`;
  if (ratio >= 1) return drills;
  const parts: string[] = [];
  parts.push(options.topics.length === 0 ? 'all topics' : options.topics.join(', '));
  if (options.difficulties.length > 0) parts.push(options.difficulties.join(' or '));
  if (options.focus === 'review') parts.push('missed last time');
  if (options.focus === 'due') parts.push('due for review');
  if (ratio > 0) parts.push(`with ${drills} mixed in`);
  return parts.join('; ');
}

/** Why no question was picked, and what to do instead. */
function nothingToAsk(options: SessionOptions, bank: readonly Question[], progress: ProgressState, now: number): string {
  const where = options.topics.length > 0 || options.difficulties.length > 0 ? ` in ${scopeText({ ...options, focus: 'all' })}` : '';
  if (options.focus === 'review') {
    return `Nothing to review${where}: you have not missed a question there since you last got it right. Try kds quiz --due, or kds quiz.`;
  }
  if (options.focus === 'due') {
    const stats = progressStats(progress, bank, now);
    const seen = Object.values(progress.questions).some((r) => !isDue(r, now));
    const next = stats.nextDue ? ` The next one is due ${stats.nextDue.slice(0, 16).replace('T', ' ')} UTC.` : '';
    return seen
      ? `Nothing is due for review${where} yet.${next} Meanwhile: kds quiz.`
      : `Nothing is due for review${where}: questions become due after you answer them. Start with kds quiz.`;
  }
  if (bank.length === 0) throw new UsageError('the question bank has no valid questions (see kds quiz check).');
  throw new UsageError(`no question matches${where} (the bank has ${bank.length}; kds quiz list shows them).`);
}
