/**
 * An async stream of byte chunks that can be peeked at: the first bytes are read for detection,
 * then handed out again, unchanged, ahead of the rest. Standard input can be read only once; this
 * is how kds looks before it reads.
 */
export class ChunkReader {
  private readonly buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private ended = false;
  private readonly iterator: AsyncIterator<Uint8Array | string>;

  constructor(source: AsyncIterable<Uint8Array | string>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Up to n bytes from the start (fewer at the end of the input); `complete` when that is all of it. */
  async peek(n: number): Promise<{ readonly bytes: Uint8Array; readonly complete: boolean }> {
    while (this.bufferedBytes < n && !this.ended) {
      const next = await this.iterator.next();
      if (next.done === true) {
        this.ended = true;
        break;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      if (chunk.length === 0) continue;
      this.buffered.push(chunk);
      this.bufferedBytes += chunk.length;
    }
    const all = Buffer.concat(this.buffered);
    return { bytes: all.subarray(0, Math.min(n, all.length)), complete: this.ended && all.length <= n };
  }

  /** Every chunk from the start: the peeked ones first. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    while (this.buffered.length > 0) yield this.buffered.shift()!;
    this.bufferedBytes = 0;
    if (this.ended) return;
    for (;;) {
      const next = await this.iterator.next();
      if (next.done === true) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    }
  }
}
