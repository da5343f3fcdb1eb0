/**
 * Byte inputs: a file or standard input, looked at before it is read. The first bytes decide
 * whether it is gzip (read through transparently, see ./gzip.ts), something kds cannot read (each
 * with its own one-line message), or text; a directory, a socket and a named pipe are told apart
 * before anything is read.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { sniffBytes, sniffProblem } from '../../core/keys/sniff.js';
import { InputError } from '../../errors.js';
import { readFileChunks, readStreamChunks, type ChunkConsumer, type ProgressListener } from '../chunks.js';
import { readHead } from '../parallel.js';
import { ChunkReader } from './chunk-reader.js';
import { gunzipChunks } from './gzip.js';
import type { SourceContext } from './source.js';

/** Bytes looked at to decide what an input is. */
export const HEAD_BYTES = 64 * 1024;

export interface ByteInput {
  /** What the user typed ("standard input" for '-'). */
  readonly name: string;
  /** A regular, uncompressed file that may be read in parts: its resolved path and size. */
  readonly file?: { readonly path: string; readonly size: number };
  readonly gzip: boolean;
  /** The first bytes of the (decompressed) text, a UTF-8 byte order mark included. */
  readonly head: Uint8Array;
  /** The head is the whole input. */
  readonly complete: boolean;
  /** Feeds every (decompressed) byte to the consumer, once; returns how many there were. */
  pump(consumer: ChunkConsumer, onProgress?: ProgressListener): Promise<number>;
}

function cannotRead(name: string, reason: string): InputError {
  return new InputError(`cannot read ${name}: ${reason}`);
}

function statOf(path: string, name: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw cannotRead(name, 'no such file');
    if (code === 'EACCES' || code === 'EPERM') throw cannotRead(name, 'permission denied');
    if (code === 'ENOTDIR') throw cannotRead(name, 'a part of the path is not a directory');
    throw cannotRead(name, (error as Error).message);
  }
}

function pumpChunks(chunks: AsyncIterable<Uint8Array>, name: string, consumer: ChunkConsumer, onProgress?: ProgressListener): Promise<number> {
  return readStreamChunks(chunks, name, consumer, onProgress);
}

async function peekHead(reader: ChunkReader, name: string) {
  try {
    return await reader.peek(HEAD_BYTES);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotRead(name, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message);
  }
}

async function fromChunks(name: string, source: AsyncIterable<Uint8Array | string>): Promise<ByteInput> {
  const raw = new ChunkReader(source);
  const first = await peekHead(raw, name);
  const sniffed = sniffBytes(first.bytes);
  if (sniffed.kind === 'gzip') {
    const inflated = new ChunkReader(gunzipChunks(raw.chunks(), name));
    const head = await peekHead(inflated, name);
    const problem = sniffProblem(sniffBytes(head.bytes), name, true);
    if (problem !== undefined) throw new InputError(problem);
    return {
      name,
      gzip: true,
      head: head.bytes,
      complete: head.complete,
      pump: (consumer, onProgress) => pumpChunks(inflated.chunks(), name, consumer, onProgress),
    };
  }
  const problem = sniffProblem(sniffed, name, false);
  if (problem !== undefined) throw new InputError(problem);
  return {
    name,
    gzip: false,
    head: first.bytes,
    complete: first.complete,
    pump: (consumer, onProgress) => pumpChunks(raw.chunks(), name, consumer, onProgress),
  };
}

/**
 * Opens '-' (standard input) or a path. A terminal on standard input and a named pipe get a line on
 * stderr first, so that a wait for input is never silent.
 */
export async function openByteInput(spec: string, ctx: SourceContext): Promise<ByteInput> {
  if (spec === '-') {
    if (ctx.io.stdinIsTTY) ctx.notice('reading partition keys from standard input (Ctrl+D to end)');
    return fromChunks('standard input', ctx.io.stdin);
  }
  const path = resolve(ctx.io.cwd, spec);
  const stat = statOf(path, spec);
  if (stat.isDirectory()) throw cannotRead(spec, 'it is a directory, not a file');
  if (stat.isSocket()) throw cannotRead(spec, 'it is a socket, not a file');
  if (stat.isFIFO()) {
    ctx.notice(`${spec} is a named pipe: reading until its writer closes it (Ctrl+C to stop)`);
    return fromChunks(spec, createReadStream(path));
  }
  if (!stat.isFile()) return fromChunks(spec, createReadStream(path));
  let head: Uint8Array;
  try {
    head = readHead(path, HEAD_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotRead(spec, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message);
  }
  const sniffed = sniffBytes(head);
  if (sniffed.kind === 'gzip') return fromChunks(spec, createReadStream(path));
  const problem = sniffProblem(sniffed, spec, false);
  if (problem !== undefined) throw new InputError(problem);
  return {
    name: spec,
    file: { path, size: stat.size },
    gzip: false,
    head,
    complete: head.length >= stat.size,
    pump: async (consumer, onProgress) => readFileChunks(path, consumer, onProgress, spec),
  };
}
