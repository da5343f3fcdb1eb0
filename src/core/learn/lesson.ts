/**
 * Lessons are content files: YAML front matter, then a small Markdown subset (headings, paragraphs,
 * "- " bullets, `code`) with live-example directives on lines of their own: {{size --mbps 6}}.
 * This module splits and checks that structure; reading files and parsing YAML happen in io/.
 */
export const DIRECTIVES = ['size', 'cost', 'shard', 'recommend'] as const;
export type DirectiveName = (typeof DIRECTIVES)[number];

export interface Directive {
  readonly name: DirectiveName;
  /** The flags and arguments after the name, split on spaces. */
  readonly args: readonly string[];
  readonly raw: string;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'example'; readonly directive: Directive };

export interface LessonMeta {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  readonly order: number;
  readonly try: readonly string[];
}

export interface Lesson extends LessonMeta {
  readonly blocks: readonly Block[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const DIRECTIVE_LINE = /^\{\{\s*([a-z]+)((?:\s+\S+)*)\s*\}\}$/;

/** Splits "---\nyaml\n---\nbody" into its parts; undefined when there is no front matter. */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } | undefined {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return undefined;
  return { frontMatter: match[1] ?? '', body: match[2] ?? '' };
}

export function parseDirective(line: string): Directive | undefined {
  const match = DIRECTIVE_LINE.exec(line.trim());
  if (!match) return undefined;
  const name = match[1] as DirectiveName;
  if (!DIRECTIVES.includes(name)) return undefined;
  return { name, args: (match[2] ?? '').trim().split(/\s+/).filter((a) => a.length > 0), raw: line.trim() };
}

/** Turns the body into blocks. Lines that look like a directive but are not one stay text (the linter flags them). */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (bullets.length > 0) blocks.push({ kind: 'bullets', items: bullets });
    paragraph = [];
    bullets = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const directive = parseDirective(line);
    if (line === '') flush();
    else if (directive) {
      flush();
      blocks.push({ kind: 'example', directive });
    } else if (line.startsWith('## ')) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(3).trim() });
    } else if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      bullets.push(line.slice(2).trim());
    } else if (bullets.length > 0 && raw.startsWith('  ')) {
      bullets[bullets.length - 1] += ` ${line}`;
    } else {
      if (bullets.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Words of prose, for the length check: directives and headings do not count. */
export function wordCount(blocks: readonly Block[]): number {
  let words = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') words += b.text.split(/\s+/).length;
    if (b.kind === 'bullets') for (const item of b.items) words += item.split(/\s+/).length;
  }
  return words;
}

export interface Page {
  /** The heading the page starts with; undefined for the opening page. */
  readonly heading?: string;
  readonly blocks: readonly Block[];
}

/**
 * Splits a lesson into pages at its headings. The opening text shares the first page with the
 * first section, so that no page is a lone paragraph.
 */
export function pagesOf(blocks: readonly Block[]): Page[] {
  const pages: { heading?: string; blocks: Block[] }[] = [];
  for (const b of blocks) {
    const current = pages[pages.length - 1];
    if (current === undefined) pages.push(b.kind === 'heading' ? { heading: b.text, blocks: [b] } : { blocks: [b] });
    else if (b.kind === 'heading' && (current.heading !== undefined || current.blocks.some((x) => x.kind === 'heading'))) {
      pages.push({ heading: b.text, blocks: [b] });
    } else current.blocks.push(b);
  }
  return pages;
}

/** Finds a lesson by id, or the first lesson on a quiz topic of that name. */
export function findLesson<L extends LessonMeta>(lessons: readonly L[], name: string): L | undefined {
  const wanted = name.trim().toLowerCase();
  return lessons.find((l) => l.id === wanted) ?? lessons.find((l) => l.topic === wanted);
}
