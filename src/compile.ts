/**
 * What scripts/build.mjs reads from the sources before it bundles them: the shipped bank and
 * lessons (see io/compile-content.ts), and how the root help lists every command, read from the
 * whole tree (BUILD.commands, see program.ts). Bundled for the build only, never shipped.
 */
import { Readable } from 'node:stream';
import type { CommandSummary } from './build-info.js';
import type { Io, TextOutput } from './io/io.js';
import { createProgram, loadCommands } from './program.js';

export { compileBank, compileLessons, COMPILED_BANK, COMPILED_LESSONS, COMPILED_LISTING, listingOf } from './io/compile-content.js';

const nowhere: TextOutput = { write: () => undefined, isTTY: false, columns: undefined };

/** An outside world that nothing is read from or written to: the tree is only looked at. */
const QUIET: Io = {
  stdout: nowhere,
  stderr: nowhere,
  stdin: Readable.from([]),
  stdinIsTTY: false,
  env: {},
  cwd: process.cwd(),
  now: () => 0,
  prompter: () => Promise.reject(new Error('nothing is asked while kds is built')),
  onInterrupt: () => () => undefined,
  holdBackOptimizer: () => Promise.resolve(),
};

export async function commandSummaries(): Promise<CommandSummary[]> {
  await loadCommands();
  const program = createProgram(QUIET);
  const help = program.createHelp();
  return program.commands.map((c) => ({ name: c.name(), term: help.subcommandTerm(c), description: help.subcommandDescription(c) }));
}
