/** The production Prompter, over @inquirer/prompts. Imported only by commands that ask questions. */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { emitKeypressEvents } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { wrap } from '../render/text.js';
import { EndOfInputError, PromptTimeoutError, type Choice, type ListOptions, type Prompter } from './prompter.js';
import { quizPrompt } from './quiz-prompt.js';

const MIN_PAGE_SIZE = 10;
/** Lines a quiz list keeps free for its message, blank line, error and help line. */
const QUIZ_LIST_CHROME = 5;
const DEFAULT_ROWS = 24;

/** Show every line of every choice (long quiz options are wrapped over several lines). */
function pageSize(choices: readonly Choice<unknown>[]): number {
  const lines = choices.reduce((sum, c) => sum + c.name.split('\n').length, 0);
  return Math.max(MIN_PAGE_SIZE, lines);
}

/**
 * A validation message wrapped at spaces to the terminal's width less the "> " inquirer puts
 * before it (inquirer itself would cut it in the middle of a word).
 */
function fitMessage(output: Writable, result: true | string): true | string {
  if (result === true) return true;
  const columns = (output as Writable & { columns?: number }).columns ?? 80;
  return wrap(result, Math.max(20, columns - 2));
}

/** The clock label of a quiz list: "12:34 left". */
function timeLeftLabel(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left`;
}

export function createInquirerPrompter(streams: { input: Readable; output: Writable & { rows?: number } }, now: () => number = Date.now): Prompter {
  const context = { input: streams.input, output: streams.output };
  // Inquirer lets readline close on Ctrl+D and only rejects once the process exits, too late to
  // print a summary or save: kds watches for the key itself and aborts the prompt at once.
  emitKeypressEvents(streams.input);
  const timed = async <T>(options: ListOptions | undefined, ask: (signal?: AbortSignal) => Promise<T>): Promise<T> => {
    const ctrlD = new AbortController();
    const onKey = (_text: string | undefined, key: { ctrl?: boolean; name?: string } | undefined): void => {
      if (key?.ctrl === true && key.name === 'd') ctrlD.abort();
    };
    streams.input.on('keypress', onKey);
    const signals = [ctrlD.signal];
    if (options?.timeoutMs !== undefined) signals.push(AbortSignal.timeout(Math.max(1, Math.round(options.timeoutMs))));
    try {
      return await ask(AbortSignal.any(signals));
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortPromptError') {
        throw ctrlD.signal.aborted ? new EndOfInputError() : new PromptTimeoutError();
      }
      throw error;
    } finally {
      streams.input.off('keypress', onKey);
    }
  };
  return {
    quizList: (message, choices, options) => {
      const lines = choices.reduce((sum, c) => sum + c.name.split('\n').length, 0) + (options.actions?.length ?? 0) + 1;
      const rows = streams.output.rows ?? DEFAULT_ROWS;
      const deadline = options.deadline;
      const timing = deadline === undefined ? undefined : { timeoutMs: deadline - now() };
      return timed(timing, (signal) =>
        quizPrompt(
          {
            message,
            choices: choices.map((c) => ({ value: c.value, name: c.name })),
            picks: options.picks,
            pageSize: Math.min(lines, Math.max(MIN_PAGE_SIZE, rows - QUIZ_LIST_CHROME - (options.above ?? 0))),
            ...(options.actions === undefined ? {} : { actions: options.actions }),
            ...(options.checked === undefined ? {} : { checked: options.checked }),
            ...(options.status === undefined ? {} : { status: options.status }),
            ...(deadline === undefined ? {} : { clock: { deadline, now, label: timeLeftLabel } }),
          },
          { ...context, clearPromptOnDone: true, ...(signal ? { signal } : {}) },
        ),
      );
    },
    select: (message, choices, options) =>
      timed(options, (signal) =>
        select(
          { message, choices: choices.map((c) => ({ ...c })), default: options?.default, pageSize: pageSize(choices) },
          { ...context, ...(signal ? { signal } : {}) },
        ),
      ),
    checkbox: (message, choices, options) => {
      const validate = options?.validate;
      return timed(options, (signal) =>
        checkbox(
          {
            message,
            choices: choices.map((c) => ({ ...c })),
            required: options?.required ?? false,
            pageSize: pageSize(choices),
            ...(validate === undefined
              ? {}
              : {
                  validate: (picked: readonly { value: (typeof choices)[number]['value'] }[]) =>
                    fitMessage(streams.output, validate(picked.map((p) => p.value))),
                }),
          },
          { ...context, ...(signal ? { signal } : {}) },
        ),
      );
    },
    confirm: (message, options) => timed(undefined, (signal) => confirm({ message, default: options?.default ?? false }, { ...context, signal })),
    input: (message, options) =>
      timed(undefined, (signal) =>
        input(
          {
            message,
            ...(options?.default === undefined ? {} : { default: options.default }),
            ...(options?.validate === undefined ? {} : { validate: (value: string) => fitMessage(streams.output, options.validate!(value)) }),
          },
          { ...context, signal },
        ),
      ),
  };
}
