/** A chunk consumer that hands out whole lines (LF or CRLF), numbered from 1; blank lines are skipped. */
import { bomLength } from '../../core/keys/utf8.js';
import type { ChunkConsumer } from '../chunks.js';

export type LineHandler = (bytes: Uint8Array, start: number, end: number, line: number) => void;

export class LineSplitter implements ChunkConsumer {
  /** Line number of the next line. */
  line = 1;
  private bomChecked = false;

  constructor(private readonly onLine: LineHandler) {}

  push(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    let p = start;
    if (!this.bomChecked) {
      if (end - p < 3 && !final) return p;
      p += bomLength(bytes, p, end);
      this.bomChecked = true;
    }
    while (p < end) {
      let nl = bytes.indexOf(0x0a, p);
      if (nl < 0 || nl >= end) {
        if (!final) return p;
        nl = end;
      }
      let e = nl;
      if (e > p && bytes[e - 1] === 0x0d) e--;
      const line = this.line++;
      if (e > p) this.onLine(bytes, p, e, line);
      p = nl + 1;
    }
    return Math.min(p, end);
  }
}
