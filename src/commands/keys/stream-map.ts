/**
 * The stream a keys command routes to: --shards N (simulated), --shard-map FILE (saved list-shards
 * JSON) or --shard-map kinesis://NAME (ListShards on the stream itself).
 */
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { KeysError } from '../../core/keys/errors.js';
import { parseShardMap, uniformShardMap, type ShardMap } from '../../core/keys/shard-map.js';
import { isStreamRef, parseStreamRef } from '../../core/live/source.js';
import { InputError, UsageError } from '../../errors.js';
import type { AwsFlags } from '../../io/aws/settings.js';
import { readCheckedFile, readFailure } from '../../io/checked-read.js';
import { readStreamText } from '../../io/chunks.js';
import { safeText } from '../../render/escape.js';

/** A shard map larger than this is not a saved list-shards output (100,000 shards take about 30 MB). */
export const MAX_SHARD_MAP_BYTES = 256 * 1024 * 1024;

export type StreamChoice =
  | { readonly kind: 'simulated'; readonly shards: number; readonly isDefault: boolean }
  | { readonly kind: 'map'; readonly file: string };

/** Core errors to the command's: usage errors keep their words, data errors get a prefix. Text from files is escaped. */
export function translate(error: unknown, prefix: string): unknown {
  if (error instanceof KeysError) {
    return error.kind === 'usage' ? new UsageError(safeText(error.message)) : new InputError(safeText(`${prefix}${error.message}`));
  }
  if (error instanceof InputError || error instanceof UsageError) {
    const safe = safeText(error.message);
    if (safe !== error.message) return error instanceof UsageError ? new UsageError(safe) : new InputError(safe);
  }
  return error;
}

/** The name of the stream a --shard-map kinesis://NAME names (undefined for a file or --shards). */
export function streamNameOf(stream: StreamChoice): string | undefined {
  if (stream.kind !== 'map' || !isStreamRef(stream.file)) return undefined;
  try {
    return parseStreamRef(stream.file).name;
  } catch {
    return undefined;
  }
}

/** A shard map file, read only when it is a regular file of a shard map's size (a FIFO or /dev/zero is refused at once). */
function readMapFile(path: string, name: string): string {
  try {
    return readCheckedFile(path, MAX_SHARD_MAP_BYTES, 'a shard map');
  } catch (error) {
    throw new InputError(`cannot read --shard-map ${name}: ${readFailure(error)}`);
  }
}

export async function loadShardMap(stream: StreamChoice, ctx: Context, aws: AwsFlags = {}): Promise<ShardMap> {
  if (stream.kind === 'simulated') return uniformShardMap(stream.shards);
  const file = stream.file;
  if (isStreamRef(file)) {
    const { streamShardMap } = await import('../../io/aws/open-stream.js');
    return streamShardMap(file, aws, ctx.io);
  }
  const name = file === '-' ? 'standard input' : file;
  try {
    const text = file === '-' ? await readStreamText(ctx.io.stdin, '--shard-map standard input', MAX_SHARD_MAP_BYTES) : readMapFile(resolve(ctx.io.cwd, file), file);
    return parseShardMap(text);
  } catch (error) {
    throw translate(error, `--shard-map ${name}: `);
  }
}
