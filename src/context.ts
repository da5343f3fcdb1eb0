/** What every command receives: the outside world, plus the decisions made once per run. */
import type { ChalkInstance } from 'chalk';
import type { Io, TextOutput } from './io/io.js';
import { wrap } from './render/text.js';
import { decideColorLevel } from './io/terminal.js';
import { safeJson, safeLine } from './render/escape.js';
import { plainColor } from './render/plain-color.js';

export interface Context {
  readonly io: Io;
  /** The one colour instance; level 0 when output must stay plain. */
  readonly color: ChalkInstance;
  /** Both stdin and stdout are terminals: prompts and paging are allowed. */
  readonly interactive: boolean;
  /** Columns to fit reports, tables and messages into (see outputWidth). */
  readonly width: number;
  /** Rows of the terminal: what one screen of a paged lesson may fill. */
  readonly height: number;
}

export const DEFAULT_WIDTH = 80;
/** Narrower than this, nothing reads well; a smaller terminal or COLUMNS is treated as this. */
export const MIN_WIDTH = 20;

/**
 * The width every line of output must fit: the terminal's width when the stream is a terminal;
 * otherwise COLUMNS when it is a whole number, else 80 (so piped output and files stay readable).
 */
export function outputWidth(stream: TextOutput, env: Io['env']): number {
  const fromEnv = Number(env.COLUMNS);
  const columns = stream.isTTY && stream.columns !== undefined && stream.columns > 0 ? stream.columns : undefined;
  const width = columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH);
  return Math.max(MIN_WIDTH, width);
}
export const DEFAULT_HEIGHT = 24;

/** Chalk loads here, when a command runs with colour on; plain output needs none of it. */
export async function createContext(io: Io, colorFlag: boolean | undefined): Promise<Context> {
  const level = decideColorLevel({ flag: colorFlag, env: io.env, isTTY: io.stdout.isTTY });
  return {
    io,
    color: level === 0 ? plainColor : new (await import('chalk')).Chalk({ level }),
    interactive: io.stdout.isTTY && io.stdinIsTTY,
    width: outputWidth(io.stdout, io.env),
    height: io.stdout.rows ?? DEFAULT_HEIGHT,
  };
}

/** Writes text to stdout, ending it with exactly one newline. */
export function print(ctx: Context, text: string): void {
  ctx.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * Writes data as JSON to stdout: two-space indent, no colour, one trailing newline, and no
 * character a terminal would act on (those are written as \\u escapes; the data is the same).
 */
export function printJson(ctx: Context, data: unknown): void {
  ctx.io.stdout.write(`${safeJson(JSON.stringify(data, null, 2))}\n`);
}

/** A notice on stderr ("kds: ..."), for warnings that must not pollute stdout; escaped. */
export function notice(ctx: Context, text: string): void {
  ctx.io.stderr.write(`${stderrMessage(ctx.io, text)}\n`);
}

/**
 * "kds: message" for stderr, escaped (a file's text or a user's value cannot act on the terminal).
 * In a terminal it is wrapped to the terminal's width, continuation lines under the message;
 * otherwise (a log, a script, a test) it stays one line, so that each message is one line to grep.
 */
export function stderrMessage(io: Io, text: string): string {
  const line = `kds: ${safeLine(text)}`;
  return io.stderr.isTTY ? wrap(line, outputWidth(io.stderr, io.env), '', '     ') : line;
}
