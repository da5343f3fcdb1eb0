/**
 * Reading a file kds did not write (progress, a lesson, a question, an import) without trusting
 * what sits at the path: a FIFO would block forever, /dev/zero would fill memory, a directory or a
 * huge file has no business there. The file is opened without blocking and checked on its
 * descriptor (so a swap between a check and the read cannot slip through), then read to a limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { formatBytes, formatInt } from '../render/format.js';

/** What is at a path when it is not a regular file: "a FIFO", "a directory"... */
export function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The path holds something that is not a small regular file. The message completes "X ...". */
export class FileShapeError extends Error {
  override readonly name = 'FileShapeError';
}

function shapeError(stats: Stats): FileShapeError | undefined {
  const kind = kindOf(stats);
  return kind === undefined ? undefined : new FileShapeError(`is ${kind}, not a file`);
}

function tooLarge(size: number, maxBytes: number, what: string): FileShapeError {
  return new FileShapeError(`is ${formatInt(size)} bytes, more than the ${formatBytes(maxBytes)} ${what} may hold`);
}

/**
 * The UTF-8 text of the file at path, read only when it is a regular file of at most maxBytes.
 * Throws FileShapeError when it is not (`what` names the file in the size message: "a progress
 * file"); other failures (ENOENT, EACCES) are thrown as they come.
 */
export function readCheckedFile(path: string, maxBytes: number, what: string): string {
  // O_NONBLOCK: opening a FIFO for reading must not wait for a writer. (0 where it is unknown.)
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new FileShapeError('is a directory, not a file');
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    const shape = shapeError(stats);
    if (shape) throw shape;
    if (stats.size > maxBytes) throw tooLarge(stats.size, maxBytes, what);
    // The size may be wrong (files in /proc say 0) or grow while reading: read to the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(total, maxBytes, what);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Checks what is at path without opening it: undefined when nothing is there or a regular file. */
export function checkShape(path: string): FileShapeError | undefined {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  return shapeError(stats);
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  EPERM: 'operation not permitted',
};

/** Why a read failed, in words: "no such file", "it is a FIFO (named pipe), not a file", or the error's own message. */
export function readFailure(error: unknown): string {
  if (error instanceof FileShapeError) return `it ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined ? REASONS[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
}
