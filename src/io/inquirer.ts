/** The production Prompter, over @inquirer/prompts. Imported only by commands that ask questions. */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import type { Prompter } from './prompter.js';

export function createInquirerPrompter(streams: { input: Readable; output: Writable }): Prompter {
  const context = { input: streams.input, output: streams.output };
  return {
    select: (message, choices, options) =>
      select({ message, choices: choices.map((c) => ({ ...c })), default: options?.default, pageSize: 10 }, context),
    checkbox: (message, choices, options) =>
      checkbox({ message, choices: choices.map((c) => ({ ...c })), required: options?.required ?? false }, context),
    confirm: (message, options) => confirm({ message, default: options?.default ?? false }, context),
    input: (message, options) =>
      input(
        {
          message,
          ...(options?.default === undefined ? {} : { default: options.default }),
          ...(options?.validate === undefined ? {} : { validate: options.validate }),
        },
        context,
      ),
  };
}
