/**
 * Problems the keys core finds in its input. The command layer turns `usage` into a usage error
 * (exit 2: the command line must change) and `data` into an input error (exit 1: the file must).
 */
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
