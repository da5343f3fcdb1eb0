/** JSON documents one after another (pretty, one per line, or run together), split without parsing them. */
import { KeysError } from '../../core/keys/errors.js';
import type { ChunkConsumer } from '../chunks.js';

/** JSON nested deeper than this is refused (get-records output is 4 levels deep). */
export const MAX_JSON_DEPTH = 64;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits bytes holding JSON documents one after another into the documents, without parsing
 * them: strings and nesting are tracked so that a document ends at its closing bracket.
 */
export class JsonDocuments implements ChunkConsumer {
  /** Documents found so far. */
  count = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
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
    let docStart = start;
    let p = start + this.scanned;
    if (this.depth === 0 && !this.inString) {
      // Between documents: skip white space and a byte order mark.
      while (p < end && (bytes[p] === 0x20 || bytes[p] === 0x0a || bytes[p] === 0x0d || bytes[p] === 0x09)) {
        if (bytes[p] === 0x0a) this.line++;
        p++;
      }
      if (p + 2 < end && bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf) p += 3;
      docStart = p;
      this.scanned = 0;
    }
    for (; p < end; p++) {
      const c = bytes[p]!;
      if (c === 0x0a) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        continue;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (this.depth === 0) {
          docStart = p;
          this.docLine = this.line;
        }
        this.depth++;
        if (this.depth > MAX_JSON_DEPTH) throw new KeysError(`the JSON is nested more than ${MAX_JSON_DEPTH} levels deep (line ${this.line}): it is not ${this.expected}`, 'data');
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.depth < 0) throw new KeysError(`line ${this.line}: an unexpected '${String.fromCharCode(c)}' outside any JSON document`, 'data');
        if (this.depth === 0) {
          this.emit(bytes, docStart, p + 1);
          docStart = p + 1;
          this.scanned = 0;
          // Skip white space up to the next document.
          while (p + 1 < end && (bytes[p + 1] === 0x20 || bytes[p + 1] === 0x0a || bytes[p + 1] === 0x0d || bytes[p + 1] === 0x09)) {
            p++;
            if (bytes[p] === 0x0a) this.line++;
          }
          docStart = p + 1;
        }
      } else if (this.depth === 0 && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        throw new KeysError(`line ${this.line}: text outside any JSON document where ${this.expected} was expected`, 'data');
      }
    }
    if (final) {
      if (this.depth !== 0 || this.inString) throw new KeysError(`the JSON ends in the middle of a document (it starts on line ${this.docLine})`, 'data');
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

