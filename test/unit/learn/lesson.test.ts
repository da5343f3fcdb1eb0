import { describe, expect, it } from 'vitest';
import { findLesson, pagesOf, parseBody, parseDirective, splitFrontMatter, wordCount } from '../../../src/core/learn/lesson.js';
import { checkLesson, checkOrders } from '../../../src/core/learn/lint.js';

const TOPICS = ['capacity', 'consumers'];
const body = (extra = '') =>
  `${'word '.repeat(160)}\n\n{{size --mbps 6}}\n${extra}`;

describe('lesson format', () => {
  it('splits front matter from the body, BOM and CRLF included', () => {
    expect(splitFrontMatter('\uFEFF---\r\nid: a\r\n---\r\nText')).toEqual({ frontMatter: 'id: a', body: 'Text' });
    expect(splitFrontMatter('no front matter')).toBeUndefined();
  });

  it('reads headings, paragraphs, bullets and directives into blocks', () => {
    const blocks = parseBody('Intro line one\nline two\n\n## Head\n- one\n  continued\n- two\n{{cost --mbps 1}}\nAfter.');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Intro line one line two' },
      { kind: 'heading', text: 'Head' },
      { kind: 'bullets', items: ['one continued', 'two'] },
      { kind: 'example', directive: { name: 'cost', args: ['--mbps', '1'], raw: '{{cost --mbps 1}}' } },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('knows only its four directives', () => {
    expect(parseDirective('{{shard order-17 --shards 4}}')).toMatchObject({ name: 'shard', args: ['order-17', '--shards', '4'] });
    expect(parseDirective('{{plot --mbps 6}}')).toBeUndefined();
  });

  it('pages a lesson at its headings, the opening text with the first section', () => {
    const pages = pagesOf(parseBody('Intro.\n\n## One\nA.\n\n## Two\nB.'));
    expect(pages.map((p) => p.heading)).toEqual([undefined, 'Two']);
    expect(pages[0]?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(pagesOf(parseBody('## One\nA.\n\n## Two\nB.')).map((p) => p.heading)).toEqual(['One', 'Two']);
  });

  it('finds a lesson by id or by quiz topic', () => {
    const lessons = [
      { id: 'shards', title: '', topic: 'capacity', order: 1, try: [] },
      { id: 'kcl', title: '', topic: 'consumers', order: 2, try: [] },
    ];
    expect(findLesson(lessons, 'KCL')?.id).toBe('kcl');
    expect(findLesson(lessons, 'capacity')?.id).toBe('shards');
    expect(findLesson(lessons, 'nope')).toBeUndefined();
  });

  it('counts prose words only', () => {
    expect(wordCount(parseBody('## Heading words\nOne two three.\n{{size --mbps 1}}\n- four five'))).toBe(5);
  });
});

describe('lesson lint', () => {
  const meta = { id: 'alpha', title: 'Alpha', topic: 'capacity', order: 1, try: ['kds size --mbps 1'] };

  it('accepts a well-formed lesson', () => {
    expect(checkLesson('alpha.md', meta, body(), TOPICS).problems).toEqual([]);
  });

  it.each([
    [{ ...meta, id: 'beta' }, body(), 'id must equal the file name (alpha)'],
    [{ ...meta, topic: 'shards' }, body(), 'topic must be one of: capacity, consumers (got "shards")'],
    [{ ...meta, order: 0 }, body(), 'order must be a positive whole number'],
    [{ ...meta, try: ['aws kinesis list-shards'] }, body(), 'try must list 1 to 3 commands that start with "kds "'],
    [meta, body('| a | b |'), 'tables are not supported'],
    [meta, body('```\ncode\n```'), 'fenced code blocks are not supported'],
    [meta, body('see [docs](https://example.com)'), 'links are not supported (sources belong to the quiz topic)'],
    [meta, body('{{plot --mbps 6}}'), 'unknown example directive "{{plot --mbps 6}}" (known: size, cost, shard, recommend)'],
    [meta, 'Just a few words here.', 'a lesson needs at least one live example ({{size ...}}, {{cost ...}}, {{shard ...}} or {{recommend ...}})'],
  ])('reports %#: a broken lesson', (m, b, message) => {
    expect(checkLesson('alpha.md', m, b, TOPICS).problems.map((p) => p.message)).toContain(message);
  });

  it('reports two lessons with the same order', () => {
    const lesson = { ...meta, blocks: [] };
    expect(checkOrders([lesson, { ...lesson, id: 'beta' }])).toEqual([{ file: 'beta.md', message: 'order 1 is also used by alpha' }]);
  });
});
