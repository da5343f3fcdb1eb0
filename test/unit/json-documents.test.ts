import { describe, expect, it } from 'vitest';
import { walkJsonDocuments, type Stray } from '../../src/core/json-documents.js';

function walk(text: string): { docs: string[]; strays: Stray[]; unfinished: boolean } {
  const docs: string[] = [];
  const strays: Stray[] = [];
  const unfinished = walkJsonDocuments(
    text,
    (start, end) => void docs.push(text.slice(start, end)),
    (s) => void strays.push(s),
  );
  return { docs, strays, unfinished };
}

describe('walkJsonDocuments', () => {
  it('finds documents one after another, brackets inside strings ignored', () => {
    expect(walk('{"a":"}{"} [1,2]\n{"b":{}}')).toEqual({ docs: ['{"a":"}{"}', '[1,2]', '{"b":{}}'], strays: [], unfinished: false });
  });

  it('reports text between documents, a bracket closing nothing, and a string outside any document', () => {
    const r = walk('x {"a":1} ] "{"');
    expect(r.docs).toEqual(['{"a":1}']);
    expect(r.strays).toEqual([
      { index: 0, char: 'x' },
      { index: 10, char: ']' },
      { index: 12, char: '"' },
    ]);
  });

  it('says when the text ends inside a document', () => {
    expect(walk('{"a": [1, 2').unfinished).toBe(true);
    expect(walk('{"a": "}').unfinished).toBe(true);
  });

  it('stops when a callback says so', () => {
    let seen = 0;
    walkJsonDocuments('{} {} {}', () => ++seen < 2, () => undefined);
    expect(seen).toBe(2);
  });
});
