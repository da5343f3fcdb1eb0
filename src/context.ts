/** What every command receives: the outside world, plus the decisions made once per run. */
import type { ChalkInstance } from 'chalk';
import type { Io } from './io/io.js';
import { decideColorLevel } from './io/terminal.js';
import { safeJson, safeLine } from './render/escape.js';
import { plainColor } from './render/plain-color.js';

export interface Context {
  readonly io: Io;
  /** The one colour instance; level 0 when output must stay plain. */
  readonly color: ChalkInstance;
  /** Both stdin and stdout are terminals: prompts and paging are allowed. */
  readonly interactive: boolean;
  /** Columns to fit tables into. */
  readonly width: number;
  /** Rows of the terminal: what one screen of a paged lesson may fill. */
  readonly height: number;
}

export const DEFAULT_WIDTH = 80;
export const DEFAULT_HEIGHT = 24;

/** Chalk loads here, when a command runs with colour on; plain output needs none of it. */
export async function createContext(io: Io, colorFlag: boolean | undefined): Promise<Context> {
  const level = decideColorLevel({ flag: colorFlag, env: io.env, isTTY: io.stdout.isTTY });
  return {
    io,
    color: level === 0 ? plainColor : new (await import('chalk')).Chalk({ level }),
    interactive: io.stdout.isTTY && io.stdinIsTTY,
    width: io.stdout.columns ?? DEFAULT_WIDTH,
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

/** A one-line notice on stderr ("kds: ..."), for warnings that must not pollute stdout; escaped. */
export function notice(ctx: Context, text: string): void {
  ctx.io.stderr.write(`kds: ${safeLine(text)}\n`);
}
