/** Option specs that several commands share. */
import type { BooleanOptionSpec } from '../options/define.js';

export const JSON_OPTION: BooleanOptionSpec = {
  type: 'boolean',
  name: 'json',
  description: 'print one JSON object for scripts instead of the report',
};

/** Formats an examples block for help: one "$ command" line and a comment under each. */
export function examplesHelp(examples: readonly (readonly [string, string])[]): string {
  const lines = examples.map(([cmd, what]) => `  $ ${cmd}\n      ${what}`);
  return `\nExamples:\n${lines.join('\n')}\n`;
}
