/**
 * JSON documents written one after another (several saved API pages in one file, Firehose's
 * objects run together, a sample's first document), found without parsing them: strings and
 * nesting are tracked so that a document ends at its closing bracket. JsonNesting is the one
 * walk; walkJsonDocuments runs it over a text, core/keys/json-document-split.ts over bytes.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** JSON's white space: space, tab, line feed, carriage return. */
export function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * What one character does to the walk. 'open' starts a document and 'close' ends it; 'space' is
 * white space between documents; 'stray' is anything else between them (text, a bracket that
 * closes nothing, the quote that opens a string outside every document); 'inside' is the rest.
 */
export type JsonStep = 'inside' | 'space' | 'open' | 'close' | 'stray';

/**
 * The walk, one character at a time: a UTF-16 code unit or a UTF-8 byte (JSON's structure is
 * ASCII, and no byte of a multi-byte UTF-8 character is ASCII).
 */
export class JsonNesting {
  /** Brackets open now. */
  depth = 0;
  inString = false;
  private escaped = false;

  step(c: number): JsonStep {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) this.inString = false;
      return 'inside';
    }
    if (c === QUOTE) {
      // A string outside every document is stray text, but its brackets are still not structure.
      this.inString = true;
      return this.depth === 0 ? 'stray' : 'inside';
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return ++this.depth === 1 ? 'open' : 'inside';
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (this.depth === 0) return 'stray';
      return --this.depth === 0 ? 'close' : 'inside';
    }
    if (this.depth > 0) return 'inside';
    return isJsonSpace(c) ? 'space' : 'stray';
  }

  /** True when the input ended inside a document (or a string). */
  get unfinished(): boolean {
    return this.depth !== 0 || this.inString;
  }
}

/** What the walk met outside every document: text that is not white space, or a closing bracket. */
export interface Stray {
  readonly index: number;
  readonly char: string;
}

/**
 * Calls `document` with the [start, end) of each document and `stray` for anything else outside
 * them; either stops the walk by returning false. Returns true when the text ended inside a
 * document (or a string).
 */
export function walkJsonDocuments(
  text: string,
  document: (start: number, end: number) => boolean | void,
  stray: (found: Stray) => boolean | void,
): boolean {
  const walk = new JsonNesting();
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const step = walk.step(text.charCodeAt(i));
    if (step === 'open') start = i;
    else if (step === 'close') {
      if (document(start, i + 1) === false) return false;
    } else if (step === 'stray' && stray({ index: i, char: text[i]! }) === false) return false;
  }
  return walk.unfinished;
}
