/**
 * JSON documents written one after another in a text (several saved API pages in one file, or a
 * sample's first document), found without parsing them: strings and nesting are tracked so that a
 * document ends at its closing bracket.
 */

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
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      // A string outside every document is stray text too, but its brackets are still not structure.
      inString = true;
      if (depth === 0 && stray({ index: i, char: c }) === false) return false;
    } else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '}' || c === ']') && depth > 0) {
      depth--;
      if (depth === 0 && document(start, i + 1) === false) return false;
    } else if (depth === 0 && !/\s/.test(c) && stray({ index: i, char: c }) === false) return false;
  }
  return depth !== 0 || inString;
}
