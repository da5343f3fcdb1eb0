/**
 * Problems the live-stream core finds. The command layer turns `usage` into a usage error (exit 2:
 * the command line must change) and `data` into an input error (exit 1: the stream or the
 * account must).
 */
export class LiveError extends Error {
  override readonly name = 'LiveError';
  constructor(
    message: string,
    readonly kind: 'usage' | 'data',
  ) {
    super(message);
  }
}
