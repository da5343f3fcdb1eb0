/**
 * JSON documents one after another (pretty, one per line, or run together) in bytes that arrive in
 * chunks, split without parsing them (the walk of ../json-documents.ts) and handed on as text with
 * the line each starts on.
 */
import { isJsonSpace, JsonNesting } from '../json-documents.js';
import { KeysError } from './errors.js';

/** JSON nested deeper than this is refused (get-records output is 4 levels deep). */
export const MAX_JSON_DEPTH = 64;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Splits the documents out of the bytes it is pushed (a ChunkConsumer of src/io/chunks.ts). */
export class JsonDocuments {
  /** Documents found so far. */
  count = 0;
  private readonly walk = new JsonNesting();
  /** Bytes of the current document already scanned (relative to its start). */
  private scanned = 0;
  private line = 1;
  private docLine = 1;

  /** `expected` names what the input should be, for messages ("get-records output"). */
  constructor(
    private readonly expected: string,
    private readonly onDocument: (text: string, index: number, line: number) => void,
  ) {}

  push(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const walk = this.walk;
    let docStart = start;
    let p = start + this.scanned;
    if (walk.depth === 0 && !walk.inString) {
      // Between documents: skip white space and a byte order mark.
      for (; p < end && isJsonSpace(bytes[p]!); p++) if (bytes[p] === 0x0a) this.line++;
      if (p + 2 < end && bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf) p += 3;
      docStart = p;
      this.scanned = 0;
    }
    for (; p < end; p++) {
      const c = bytes[p]!;
      if (c === 0x0a) this.line++;
      const step = walk.step(c);
      if (step === 'inside' || step === 'space') {
        if (walk.depth > MAX_JSON_DEPTH) throw new KeysError(`the JSON is nested more than ${MAX_JSON_DEPTH} levels deep (line ${this.line}): it is not ${this.expected}`, 'data');
        continue;
      }
      if (step === 'open') {
        docStart = p;
        this.docLine = this.line;
      } else if (step === 'close') {
        this.emit(bytes, docStart, p + 1);
        this.scanned = 0;
        // Skip white space up to the next document.
        for (; p + 1 < end && isJsonSpace(bytes[p + 1]!); p++) if (bytes[p + 1] === 0x0a) this.line++;
        docStart = p + 1;
      } else if (c === 0x7d || c === 0x5d) {
        throw new KeysError(`line ${this.line}: an unexpected '${String.fromCharCode(c)}' outside any JSON document`, 'data');
      } else {
        throw new KeysError(`line ${this.line}: text outside any JSON document where ${this.expected} was expected`, 'data');
      }
    }
    if (final) {
      if (walk.unfinished) throw new KeysError(`the JSON ends in the middle of a document (it starts on line ${this.docLine})`, 'data');
      return end;
    }
    this.scanned = end - docStart;
    return docStart;
  }

  private emit(bytes: Uint8Array, start: number, end: number): void {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      throw new KeysError(`the JSON document starting on line ${this.docLine} is not valid UTF-8`, 'data');
    }
    this.onDocument(text, ++this.count, this.docLine);
  }
}
