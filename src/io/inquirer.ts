/** The production Prompter, over @inquirer/prompts. Imported only by commands that ask questions. */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { emitKeypressEvents } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { EndOfInputError, PromptTimeoutError, type Choice, type ListOptions, type Prompter } from './prompter.js';

const MIN_PAGE_SIZE = 10;

/** Show every line of every choice (long quiz options are wrapped over several lines). */
function pageSize(choices: readonly Choice<unknown>[]): number {
  const lines = choices.reduce((sum, c) => sum + c.name.split('\n').length, 0);
  return Math.max(MIN_PAGE_SIZE, lines);
}

export function createInquirerPrompter(streams: { input: Readable; output: Writable }): Prompter {
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
              : { validate: (picked: readonly { value: (typeof choices)[number]['value'] }[]) => validate(picked.map((p) => p.value)) }),
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
            ...(options?.validate === undefined ? {} : { validate: options.validate }),
          },
          { ...context, signal },
        ),
      ),
  };
}
