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
