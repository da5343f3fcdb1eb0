/**
 * Feeds a file or a stream to a chunk consumer (the key scanner) through one reused buffer.
 *
 * Files are read with fs.readSync in large chunks: far cheaper than a line reader, and memory stays
 * at the buffer size whatever the file size. The consumer takes whole rows and says where the
 * first incomplete one starts; those bytes move to the front of the buffer and are offered again
 * with the next chunk. A row longer than the buffer grows it, up to MAX_ROW_BYTES.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

export interface ChunkConsumer {
  /** Consumes whole rows of bytes[start, end); returns the offset of the first byte not consumed. */
  push(bytes: Uint8Array, start: number, end: number, final: boolean): number;
}

/** Called after each chunk: bytes read so far, and the total when it is known (files). */
export type ProgressListener = (bytesRead: number, totalBytes: number | undefined) => void;

/** 1 MiB: reads are as fast as with larger buffers, and the buffer stays in the CPU's caches. */
export const CHUNK_BYTES = 1024 * 1024;
export const MAX_ROW_BYTES = 64 * 1024 * 1024;

class Window {
  buffer = new Uint8Array(CHUNK_BYTES);
  filled = 0;
  bytesRead = 0;

  constructor(
    private readonly consumer: ChunkConsumer,
    private readonly name: string,
  ) {}

  /** Offers what the buffer holds to the consumer and keeps the unconsumed tail. */
  offer(final: boolean): void {
    const consumed = this.consumer.push(this.buffer, 0, this.filled, final);
    if (final) {
      this.filled = 0;
      return;
    }
    if (consumed > 0) {
      this.buffer.copyWithin(0, consumed, this.filled);
      this.filled -= consumed;
    }
    if (this.filled === this.buffer.length) this.grow(this.buffer.length * 2);
  }

  grow(size: number): void {
    if (size > MAX_ROW_BYTES) {
      throw new InputError(
        `${this.name}: a row is longer than ${MAX_ROW_BYTES / (1024 * 1024)} MiB (is a quote never closed?)`,
      );
    }
    const bigger = new Uint8Array(size);
    bigger.set(this.buffer.subarray(0, this.filled));
    this.buffer = bigger;
  }
}

function describeError(name: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory, not a file',
    EPERM: 'operation not permitted',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new InputError(`cannot read ${name}: ${reason}`);
}

/**
 * Reads a whole file through the consumer; returns the number of bytes read. Messages name the
 * file as `name` (what the user typed) rather than the resolved path.
 */
export function readFileChunks(
  path: string,
  consumer: ChunkConsumer,
  onProgress?: ProgressListener,
  name = path,
  range?: { readonly start: number; readonly end: number },
): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw describeError(name, error);
  }
  const window = new Window(consumer, name);
  try {
    let total: number | undefined;
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      total = range ? range.end - range.start : stat.isFile() ? stat.size : undefined;
    } catch (error) {
      throw describeError(name, error);
    }
    for (;;) {
      let n: number;
      try {
        const room = window.buffer.length - window.filled;
        n = range
          ? readSync(fd, window.buffer, window.filled, Math.min(room, range.end - range.start - window.bytesRead), range.start + window.bytesRead)
          : readSync(fd, window.buffer, window.filled, room, null);
      } catch (error) {
        throw describeError(name, error);
      }
      if (n === 0) {
        window.offer(true);
        return window.bytesRead;
      }
      window.filled += n;
      window.bytesRead += n;
      window.offer(false);
      onProgress?.(window.bytesRead, total);
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (stdin, a pipe, gunzipped bytes) through the consumer; returns the number of bytes read. */
export async function readStreamChunks(
  stream: AsyncIterable<unknown>,
  name: string,
  consumer: ChunkConsumer,
  onProgress?: ProgressListener,
): Promise<number> {
  const window = new Window(consumer, name);
  try {
    for await (const chunk of stream) {
      const bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array);
      let at = 0;
      while (at < bytes.length) {
        const room = window.buffer.length - window.filled;
        const n = Math.min(room, bytes.length - at);
        window.buffer.set(bytes.subarray(at, at + n), window.filled);
        window.filled += n;
        window.bytesRead += n;
        at += n;
        if (window.filled === window.buffer.length) window.offer(false);
      }
      onProgress?.(window.bytesRead, undefined);
    }
  } catch (error) {
    // Errors with a system code come from the stream; anything else comes from the consumer.
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw describeError(name, error);
    throw error;
  }
  window.offer(true);
  return window.bytesRead;
}

function tooLarge(what: string, max: number): InputError {
  return new InputError(`${what} is larger than ${max / (1024 * 1024)} MiB: too large to be what kds expects here`);
}

/** Reads a whole stream as text (a shard map from standard input). */
export async function readStreamText(stream: Readable, what: string, maxBytes = Infinity): Promise<string> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const part = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += part.length;
      if (total > maxBytes) throw tooLarge(what, maxBytes);
      parts.push(part);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw describeError(what, error);
  }
  return Buffer.concat(parts).toString('utf8');
}
