import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkJsonDocuments, type Stray } from '../../src/core/json-documents.js';
import { JsonDocuments } from '../../src/core/keys/json-document-split.js';

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

describe('JsonDocuments (bytes in chunks)', () => {
  /** The documents found in text pushed as bytes cut at `cuts`, as the chunk reader pushes them (unconsumed bytes again). */
  function split(text: string, cuts: readonly number[]): string[] {
    const bytes = new TextEncoder().encode(text);
    const docs: string[] = [];
    const splitter = new JsonDocuments('JSON', (doc) => void docs.push(doc));
    let from = 0;
    for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
      if (cut < from) continue;
      from = splitter.push(bytes, from, cut, cut === bytes.length);
    }
    return docs;
  }

  it('finds what walkJsonDocuments finds, wherever the chunks are cut', () => {
    const value = fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v === 'object' && v !== null);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(' ', '\n', '\r\n', '\t', ''), { minLength: 4, maxLength: 4 }), fc.array(fc.nat(200), { maxLength: 5 }), (values, gaps, cuts) => {
        const text = values.map((v, i) => `${gaps[i] ?? ''}${JSON.stringify(v, null, i % 2 === 0 ? 0 : 2)}`).join('');
        expect(split(text, cuts)).toEqual(walk(text).docs);
      }),
    );
  });

  it('refuses a string outside any document, as walkJsonDocuments reports it', () => {
    expect(walk('{} "x" {}').strays).toEqual([{ index: 3, char: '"' }]);
    expect(() => split('{} "x" {}', [])).toThrow('line 1: text outside any JSON document where JSON was expected');
  });
});
