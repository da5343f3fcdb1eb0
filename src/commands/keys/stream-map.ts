/** The stream a keys command routes to: --shards N (simulated) or --shard-map FILE (saved list-shards JSON). */
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { KeysError } from '../../core/keys/errors.js';
import { parseShardMap, uniformShardMap, type ShardMap } from '../../core/keys/shard-map.js';
import { InputError, UsageError } from '../../errors.js';
import { readStreamText, readTextFile } from '../../io/chunks.js';
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

export async function loadShardMap(stream: StreamChoice, ctx: Context): Promise<ShardMap> {
  if (stream.kind === 'simulated') return uniformShardMap(stream.shards);
  const file = stream.file;
  const name = file === '-' ? 'standard input' : file;
  try {
    const text =
      file === '-'
        ? await readStreamText(ctx.io.stdin, '--shard-map standard input', MAX_SHARD_MAP_BYTES)
        : readTextFile(resolve(ctx.io.cwd, file), '--shard-map', file, MAX_SHARD_MAP_BYTES);
    return parseShardMap(text);
  } catch (error) {
    throw translate(error, `--shard-map ${name}: `);
  }
}
