/** The production Prompter, over @inquirer/prompts. Imported only by commands that ask questions. */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import { wrap } from '../render/text.js';
import { PromptTimeoutError, type Choice, type ListOptions, type Prompter } from './prompter.js';

const MIN_PAGE_SIZE = 10;

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

export function createInquirerPrompter(streams: { input: Readable; output: Writable }): Prompter {
  const context = { input: streams.input, output: streams.output };
  const timed = async <T>(options: ListOptions | undefined, ask: (signal?: AbortSignal) => Promise<T>): Promise<T> => {
    if (options?.timeoutMs === undefined) return ask();
    try {
      return await ask(AbortSignal.timeout(Math.max(1, Math.round(options.timeoutMs))));
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortPromptError') throw new PromptTimeoutError();
      throw error;
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
              : {
                  validate: (picked: readonly { value: (typeof choices)[number]['value'] }[]) =>
                    fitMessage(streams.output, validate(picked.map((p) => p.value))),
                }),
          },
          { ...context, ...(signal ? { signal } : {}) },
        ),
      );
    },
    confirm: (message, options) => confirm({ message, default: options?.default ?? false }, context),
    input: (message, options) =>
      input(
        {
          message,
          ...(options?.default === undefined ? {} : { default: options.default }),
          ...(options?.validate === undefined ? {} : { validate: (value: string) => fitMessage(streams.output, options.validate!(value)) }),
        },
        context,
      ),
  };
}
