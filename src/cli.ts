/**
 * The entry point: runs the command tree, and is the only place that turns errors into messages
 * and exit codes (0 ok, 1 runtime or data error, 2 usage error, 130 interrupted).
 */
import { CommanderError } from 'commander';
import { EXIT, isPromptExit, KdsError } from './errors.js';
import { stderrMessage } from './context.js';
import { nodeIo, type Io } from './io/io.js';
import { createProgram } from './program.js';
import { version } from './version.js';

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = createProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
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
  if (isPromptExit(error)) {
    io.stderr.write('\nkds: cancelled.\n');
    return EXIT.interrupted;
  }
  if (error instanceof KdsError) {
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

export async function main(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (kds ... | head) is not an error worth a message.
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), nodeIo());
}
