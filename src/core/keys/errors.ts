/**
 * Problems the keys core finds in its input. The command layer turns `usage` into a usage error
 * (exit 2: the command line must change) and `data` into an input error (exit 1: the file must).
 */
import { quoted } from '../quote.js';

/** A problem with the input: `usage` when a flag must change, `data` when the file must. */
export class KeysError extends Error {
  override readonly name = 'KeysError';
  constructor(
    message: string,
    readonly kind: 'usage' | 'data',
  ) {
    super(message);
  }
}

/** A malformed row under --strict: carries its line so that a part read elsewhere can renumber it. */
export class MalformedRowError extends KeysError {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${line > 0 ? `line ${line}: ` : ''}${reason} (without --strict such rows are skipped and counted)`, 'data');
  }
}

/** A record read from a shard that is not an open shard of the map it is counted on. */
export function unknownShardError(id: string, line: number, openShards: number): KeysError {
  return new KeysError(
    `${line > 0 ? `line ${line}: ` : ''}the record was read from shard ${quoted(id, 48)}, which is not one of the ${openShards} open shards here: pass the --shard-map of the stream it was read from`,
    'data',
  );
}
