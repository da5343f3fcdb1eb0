/** Option specs that several commands share. */
import type { BooleanOptionSpec } from '../options/define.js';

export const JSON_OPTION: BooleanOptionSpec = {
  type: 'boolean',
  name: 'json',
  description: 'print one JSON object for scripts instead of the report',
};

/** A file an example reads: "orders.csv", "shards.json". */
const SAMPLE_FILE = /(?:^|\s)[\w.-]+\.(?:csv|json)\b/;

/**
 * Formats an examples block for help: one "$ command" line and a comment under each. When the
 * examples read files, a last line says where the sample files are (a test runs every example
 * there, so they cannot go stale).
 */
export function examplesHelp(examples: readonly (readonly [string, string])[]): string {
  const lines = examples.map(([cmd, what]) => `  $ ${cmd}\n      ${what}`);
  const files = examples.some(([cmd]) => SAMPLE_FILE.test(cmd));
  const where = files ? '\n  The sample files are in docs/examples/ of the kds source.' : '';
  return `\nExamples:\n${lines.join('\n')}\n${where}${files ? '\n' : ''}`;
}
