/**
 * An exam session, run the way the certification exams run: one question at a time with no
 * feedback, free to move back and forth, to change answers and to flag questions, a review screen
 * of answered, unanswered and flagged questions before submitting, and a countdown that stays live
 * in every prompt. Time up, or Ctrl+C, ends the exam where it stands.
 */
import {
  answerQuestion,
  examCounts,
  goTo,
  nextQuestion,
  openReview,
  previousQuestion,
  startExam,
  toggleFlag,
  type ExamState,
} from '../../core/quiz/exam.js';
import { grade, type PresentedQuestion } from '../../core/quiz/present.js';
import { correctCount } from '../../core/quiz/question.js';
import type { SessionEnd } from '../../core/quiz/progress.js';
import type { AnsweredQuestion } from '../../core/quiz/session.js';
import { print, type Context } from '../../context.js';
import { isEndOfInput, isPromptExit } from '../../errors.js';
import { PromptTimeoutError, type Prompter, type QuizAction, type QuizListAnswer } from '../../io/prompter.js';
import {
  renderAnswerEcho,
  renderExamNote,
  renderExamReviewHeader,
  renderQuestion,
  renderReviewChoice,
  renderStoppedAt,
} from '../../render/quiz.js';
import { answerMessage, optionChoices } from './ask.js';

export const FLAG = 'flag';
export const PREVIOUS = 'previous';
export const NEXT = 'next';
export const REVIEW = 'review';
export const SUBMIT = 'submit';
export const BACK = 'back';

export interface ExamHooks {
  /** Milliseconds since the epoch when the time runs out; none: no limit. */
  readonly deadline?: number;
  readonly interrupted: () => boolean;
}

export interface ExamResult {
  readonly ended: SessionEnd;
  /** The questions answered, in exam order, as they stood at the end. */
  readonly answers: readonly AnsweredQuestion[];
}

class Stop extends Error {
  constructor(readonly ended: SessionEnd) {
    super(ended);
  }
}

export async function runExam(ctx: Context, prompter: Prompter, questions: readonly PresentedQuestion[], hooks: ExamHooks): Promise<ExamResult> {
  let state = startExam(questions.length);
  const timing = hooks.deadline === undefined ? {} : { deadline: hooks.deadline };
  /** Asks through the quiz list; time up and Ctrl+C end the exam. */
  const ask = async (message: string, choices: Parameters<Prompter['quizList']>[1], options: Parameters<Prompter['quizList']>[2]): Promise<QuizListAnswer> => {
    if (hooks.interrupted()) throw new Stop('interrupted');
    if (hooks.deadline !== undefined && hooks.deadline - ctx.io.now() <= 0) throw new Stop('time');
    try {
      return await prompter.quizList(message, choices, { ...options, ...timing });
    } catch (error) {
      if (error instanceof PromptTimeoutError) throw new Stop('time');
      if (isEndOfInput(error)) throw new Stop('stopped');
      if (isPromptExit(error)) throw new Stop('interrupted');
      throw error;
    }
  };

  let ended: SessionEnd = 'finished';
  let shownIndex: number | undefined;
  try {
    for (;;) {
      if (state.position === 'review') {
        const choice = await reviewScreen(ctx, state, questions, ask);
        if (choice === SUBMIT) break;
        state = goTo(state, choice);
        shownIndex = undefined;
        continue;
      }
      const index = state.position;
      const presented = questions[index];
      if (presented === undefined) throw new RangeError(`no question ${index + 1}`);
      if (shownIndex !== index) {
        const shown = renderQuestion(
          presented,
          { index, total: questions.length, ...(state.answers[index] ? { answered: state.answers[index] } : {}) },
          ctx.color,
          ctx.width,
        );
        print(ctx, shown);
        shownIndex = index;
      }
      const flagged = state.flagged[index] === true;
      const actions: QuizAction[] = [
        { value: FLAG, name: flagged ? 'Remove the flag' : 'Flag for review', key: 'f' },
        ...(index > 0 ? [{ value: PREVIOUS, name: 'Previous question', key: 'left' }] : []),
        { value: NEXT, name: index + 1 < questions.length ? 'Next question' : 'Go to the review', key: 'right' },
        { value: REVIEW, name: 'Review and submit', key: 'r' },
      ];
      const picks = correctCount(presented.question);
      const answer = await ask(answerMessage(picks), optionChoices(presented, ctx.width), {
        picks,
        actions,
        checked: state.answers[index] ?? [],
        ...(flagged ? { status: '⚑ flagged' } : {}),
        above: 0,
      });
      if (answer.kind === 'answer') {
        print(ctx, renderAnswerEcho(answer.values, ctx.color));
        state = answerQuestion(state, answer.values);
      } else if (answer.action === FLAG) {
        state = toggleFlag(state);
        print(ctx, renderExamNote(state.flagged[index] ? `Question ${index + 1} is flagged for review.` : `Question ${index + 1} is no longer flagged.`, ctx.color));
      } else if (answer.action === PREVIOUS) state = previousQuestion(state);
      else if (answer.action === NEXT) {
        if (state.answers[index] === undefined) print(ctx, renderExamNote(`Question ${index + 1} is left for later.`, ctx.color));
        state = nextQuestion(state);
      }
      else if (answer.action === REVIEW) state = openReview(state);
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    ended = error.ended;
    if (typeof state.position === 'number') print(ctx, renderStoppedAt(state.position, ctx.color, ended === 'time' ? 'time' : 'stop'));
  }
  return { ended, answers: answered(state, questions) };
}

type Ask = (message: string, choices: Parameters<Prompter['quizList']>[1], options: Parameters<Prompter['quizList']>[2]) => Promise<QuizListAnswer>;

/** The review screen: every question with its state, then submit. Returns SUBMIT or a question index. */
async function reviewScreen(ctx: Context, state: ExamState, questions: readonly PresentedQuestion[], ask: Ask): Promise<number | typeof SUBMIT> {
  for (;;) {
    const counts = examCounts(state);
    const header = renderExamReviewHeader(counts, questions.length, ctx.color, ctx.width);
    print(ctx, header);
    const choices = questions.map((p, i) => ({
      value: String(i),
      name: renderReviewChoice(p, i, state.answers[i], state.flagged[i] === true, ctx.width),
    }));
    const answer = await ask('Open a question, or submit', choices, {
      picks: 1,
      actions: [{ value: SUBMIT, name: 'Submit the exam', key: 's' }],
      above: header.split('\n').length,
    });
    if (answer.kind === 'answer') return Number(answer.values[0]);
    if (counts.unanswered === 0) return SUBMIT;
    const sure = await ask(
      `${counts.unanswered} of ${questions.length} questions ${counts.unanswered === 1 ? 'is' : 'are'} not answered and will count as wrong. Submit anyway?`,
      [
        { value: BACK, name: 'No, back to the review' },
        { value: SUBMIT, name: 'Yes, submit the exam' },
      ],
      { picks: 1 },
    );
    if (sure.kind === 'answer' && sure.values[0] === SUBMIT) return SUBMIT;
  }
}

/** The answers as they stand, graded, in exam order. */
function answered(state: ExamState, questions: readonly PresentedQuestion[]): AnsweredQuestion[] {
  return questions.flatMap((presented, i) => {
    const letters = state.answers[i];
    return letters === undefined ? [] : [{ presented, grade: grade(presented, letters), hintsUsed: 0, revealed: false }];
  });
}
