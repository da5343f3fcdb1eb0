/**
 * Asks one practice question through the Prompter's quiz list: the options (choose one, or tick
 * the number a "(Choose two.)" prompt asks for), then buttons for the next hint and for showing
 * the answer. Asking for a hint prints it and asks again, keeping what was ticked. The list
 * clears itself when answered; the session prints what was chosen.
 */
import type { PresentedQuestion } from '../../core/quiz/present.js';
import { correctCount, numberWord } from '../../core/quiz/question.js';
import type { Choice, Prompter, QuizAction } from '../../io/prompter.js';
import { choiceName } from '../../render/quiz.js';

/** Button values besides the option letters (which are single capitals). */
export const HINT = 'hint';
export const REVEAL = 'reveal';

export interface AskSettings {
  readonly width: number;
  /** Lines of the question printed above the list. */
  readonly above: number;
  /** Prints hint number n (1-based). */
  readonly showHint: (hint: string, n: number, total: number) => void;
}

export interface AskResult {
  /** The display letters chosen; empty when the answer was revealed. */
  readonly letters: readonly string[];
  readonly hintsUsed: number;
  readonly revealed: boolean;
}

/** Markers the list draws before an option: "❯ " to choose one, "❯◯ " to tick. */
export const SELECT_MARKER = 2;
export const CHECKBOX_MARKER = 3;

/** The message of a question's list: "Your answer", or "Your answers (choose two)". */
export function answerMessage(picks: number): string {
  return picks === 1 ? 'Your answer' : `Your answers (choose ${numberWord(picks)})`;
}

/** The options of a presented question, lettered and wrapped to fit after the list's marker. */
export function optionChoices(presented: PresentedQuestion, width: number): Choice<string>[] {
  const marker = correctCount(presented.question) === 1 ? SELECT_MARKER : CHECKBOX_MARKER;
  return presented.options.map((o) => ({ value: o.letter, name: choiceName(o, width, marker), short: o.letter }));
}

export async function askQuestion(prompter: Prompter, presented: PresentedQuestion, settings: AskSettings): Promise<AskResult> {
  const { hints } = presented.question;
  const picks = correctCount(presented.question);
  let hintsUsed = 0;
  let ticked: readonly string[] = [];
  for (;;) {
    const actions: QuizAction[] = [];
    if (hintsUsed < hints.length) actions.push({ value: HINT, name: `Show a hint (${hintsUsed + 1} of ${hints.length})`, key: 'h' });
    actions.push({ value: REVEAL, name: 'Show the answer (counts as wrong)' });
    const answer = await prompter.quizList(answerMessage(picks), optionChoices(presented, settings.width), {
      picks,
      actions,
      checked: ticked,
      above: settings.above,
    });
    if (answer.kind === 'answer') return { letters: [...answer.values], hintsUsed, revealed: false };
    if (answer.action === REVEAL) return { letters: [], hintsUsed, revealed: true };
    const hint = hints[hintsUsed];
    hintsUsed++;
    if (hint !== undefined) settings.showHint(hint, hintsUsed, hints.length);
    ticked = answer.values;
  }
}
