/**
 * The entry point: runs the command tree, and is the only place that turns errors into messages
 * and exit codes (0 ok, 1 runtime or data error, 2 usage error, 130 interrupted).
 */
import { CommanderError, type Command } from 'commander';
import { stderrMessage } from './context.js';
import { EXIT, isEndOfInput, isPromptExit, KdsError } from './errors.js';
import { nodeIo, processOutputs, type Io, type TextOutput } from './io/io.js';
import { createProgram, loadCommands } from './program.js';
import { version } from './version.js';

/**
 * Runs a command line. The tree holds only what the line needs (see Fit in program.ts); a usage
 * error that commander finds before anything runs is worded from the whole tree ("--answer is a
 * flag of kds quiz show"), so then the line is parsed again with the whole tree and only that
 * attempt's messages are shown. `tree: 'whole'` skips the short cut (tests compare the two).
 */
export async function run(argv: readonly string[], io: Io, { tree = 'fit' }: { tree?: 'fit' | 'whole' } = {}): Promise<number> {
  const fit = await loadCommands(tree === 'whole' ? undefined : argv);
  if (argv.length === 0) {
    createProgram(io, fit === 'whole' ? undefined : argv).outputHelp();
    return EXIT.ok;
  }
  if (fit === 'whole') return parse(createProgram(io), argv, io);
  const held: (() => void)[] = [];
  let started = false;
  const program = createProgram(io, argv, {
    messages: { out: (text) => void held.push(() => io.stdout.write(text)), err: (text) => void held.push(() => io.stderr.write(text)) },
    onAction: () => {
      started = true;
    },
  });
  const release = (): void => {
    for (const write of held.splice(0)) write();
  };
  try {
    await program.parseAsync([...argv], { from: 'user' });
    release();
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode !== 0 && !started) {
      await loadCommands();
      return parse(createProgram(io), argv, io);
    }
    release();
    return report(error, io);
  }
}

async function parse(program: Command, argv: readonly string[], io: Io): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (help, version or the error line).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isEndOfInput(error)) {
    io.stderr.write('\nkds: input ended (Ctrl+D) before an answer; nothing more was done.\n');
    return EXIT.failure;
  }
  if (isPromptExit(error)) {
    io.stderr.write('\nkds: cancelled.\n');
    return EXIT.interrupted;
  }
  if (error instanceof KdsError) {
    // Messages may carry file text or a user's value: escaped (stderrMessage), whatever they hold.
    if (error.name !== 'ExitStatus') io.stderr.write(`${stderrMessage(io, error.message)}\n`);
    if (io.env.KDS_DEBUG === '1' && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `${stderrMessage(
      io,
      `internal error: ${message}. This is a bug in kds ${version()}; please report it with the command you ran` +
        `${io.env.KDS_DEBUG === '1' ? '.' : ' (KDS_DEBUG=1 shows the stack).'}`,
    )}\n`,
  );
  if (io.env.KDS_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}

/** What a failed write to stdout means for people: "no space left on the device (ENOSPC)". */
const OUTPUT_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large',
  EIO: 'an input/output error',
  EBADF: 'the output is closed',
  EPIPE: 'the reader has gone',
};

/**
 * The exit code once the output has been judged. A reader that went away (kds ... | head) is no
 * error: the command's own code stands, so exit 3 of --fail-on-hot or exit 1 of a wrong answer is
 * not hidden. Any other failure to write stdout (a full disk) is one line on stderr (if stderr
 * can take it) and exit 1, unless the command already failed with a code of its own.
 */
export function settleExitCode(code: number, stdoutFailure: NodeJS.ErrnoException | undefined, stderr: TextOutput): number {
  if (stdoutFailure === undefined || stdoutFailure.code === 'EPIPE') return code;
  const what = OUTPUT_FAILURES[stdoutFailure.code ?? ''] ?? stdoutFailure.message;
  stderr.write(`kds: cannot write the output: ${what}${stdoutFailure.code ? ` (${stdoutFailure.code})` : ''}.\n`);
  return code === EXIT.ok ? EXIT.failure : code;
}

export async function main(): Promise<void> {
  const outputs = processOutputs();
  const code = await run(process.argv.slice(2), nodeIo(outputs));
  await outputs.stdout.flush();
  process.exitCode = settleExitCode(code, outputs.stdout.failure, outputs.stderr);
}
