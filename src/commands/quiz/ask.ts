/**
 * Asks one question through the Prompter: a select for single-answer questions, a checkbox for
 * "(Choose two.)" ones. In practice mode the list also offers the next hint and "show the answer";
 * asking for a hint prints it and asks again, keeping what was ticked.
 */
import type { PresentedQuestion } from '../../core/quiz/present.js';
import { correctCount, numberWord } from '../../core/quiz/question.js';
import type { Choice, Prompter } from '../../io/prompter.js';
import { choiceName } from '../../render/quiz.js';
import type { Mode } from './options.js';

/** Choice values besides the option letters (which are single capitals). */
export const HINT = 'hint';
export const REVEAL = 'reveal';

export interface AskSettings {
  readonly mode: Mode;
  readonly width: number;
  /** Milliseconds left before a time limit, computed when each prompt opens; undefined: no limit. */
  readonly timeLeft: () => number | undefined;
  /** Prints hint number n (1-based). */
  readonly showHint: (hint: string, n: number, total: number) => void;
}

export interface AskResult {
  /** The display letters chosen; empty when the answer was revealed. */
  readonly letters: readonly string[];
  readonly hintsUsed: number;
  readonly revealed: boolean;
}

/** Markers inquirer draws before a choice: "❯ " for a select, "❯◯ " for a checkbox. */
const SELECT_MARKER = 2;
const CHECKBOX_MARKER = 3;

export async function askQuestion(prompter: Prompter, presented: PresentedQuestion, settings: AskSettings): Promise<AskResult> {
  const { hints } = presented.question;
  const picks = correctCount(presented.question);
  const helpAllowed = settings.mode === 'practice';
  let hintsUsed = 0;
  let ticked: readonly string[] = [];

  const extras = (checkbox: boolean): Choice<string>[] => {
    if (!helpAllowed) return [];
    const out: Choice<string>[] = [];
    const alone = checkbox ? ' (tick it and press Enter)' : '';
    if (hintsUsed < hints.length) {
      out.push({ value: HINT, name: `Show a hint (${hintsUsed + 1} of ${hints.length})${alone}`, short: '(hint)' });
    }
    out.push({ value: REVEAL, name: `Show the answer (counts as wrong)${alone}`, short: '(show the answer)' });
    return out;
  };

  for (;;) {
    const timeLeft = settings.timeLeft();
    const timing = timeLeft === undefined ? {} : { timeoutMs: timeLeft };
    let picked: readonly string[];
    if (picks === 1) {
      const choices: Choice<string>[] = [
        ...presented.options.map((o) => ({ value: o.letter, name: choiceName(o, settings.width, SELECT_MARKER), short: o.letter })),
        ...extras(false),
      ];
      picked = [await prompter.select('Your answer', choices, timing)];
    } else {
      const choices: Choice<string>[] = [
        ...presented.options.map((o) => ({
          value: o.letter,
          name: choiceName(o, settings.width, CHECKBOX_MARKER),
          short: o.letter,
          checked: ticked.includes(o.letter),
        })),
        ...extras(true),
      ];
      const word = numberWord(picks);
      picked = await prompter.checkbox(`Your answers (choose ${word})`, choices, {
        ...timing,
        validate: (values) => {
          if (values.includes(HINT) || values.includes(REVEAL)) return true;
          if (values.length === picks) return true;
          return `Choose ${word}: ${values.length === 0 ? 'none is' : `${values.length} ${values.length === 1 ? 'is' : 'are'}`} ticked.`;
        },
      });
    }
    if (picked.includes(REVEAL)) return { letters: [], hintsUsed, revealed: true };
    if (picked.includes(HINT)) {
      const hint = hints[hintsUsed];
      hintsUsed++;
      if (hint !== undefined) settings.showHint(hint, hintsUsed, hints.length);
      ticked = picked.filter((v) => v !== HINT);
      continue;
    }
    return { letters: [...picked], hintsUsed, revealed: false };
  }
}
