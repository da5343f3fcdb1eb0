/**
 * The README as a newcomer meets it: short, with a table of contents; the Quick start commands are
 * the ones CI runs; and no link or path in README.md or docs/ points at something that is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docFiles, ROOT } from '../../scripts/doc-examples.mjs';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const readme = read('README.md');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function headings(markdown: string): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) out.push(line.replace(/^#+ /, ''));
  }
  return out;
}

/** Markdown outside code blocks (fenced or inline), where links and paths are prose. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^]*?^\1/gm, '');
}

describe('README.md', () => {
  it('is short enough to read in five minutes (300 lines at most)', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('starts with a table of contents that links every section', () => {
    const sections = headings(readme).slice(1);
    const links = [...readme.matchAll(/^- \[[^\]]+\]\(#([^)]+)\)$/gm)].map((m) => m[1]);
    const top = readme
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => slug(l.slice(3)));
    expect(sections.length).toBeGreaterThan(5);
    expect(links).toEqual(top);
  });

  it('gives the two Quick start commands, and CI runs npm ci and then exactly the test command', () => {
    const quick = /## Quick start[^]*?```sh\n([^]*?)```/.exec(readme)?.[1]?.trim().split('\n');
    expect(quick).toEqual(['npm install && npx kds size --mbps 6', 'npm test']);
    const ci = read('.ci/run')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('set ') && !l.startsWith('cd '));
    expect(ci).toEqual(['npm ci', quick?.[1]]);
  });

  it('says how to run kds after the Quick start: npm link, or npx kds in the clone', () => {
    expect(readme).toContain('`npm link`');
    expect(readme).toContain('`npx kds`');
  });

  it('explains MiB and MB, and introduces the course and its five practice questions', () => {
    expect(headings(readme)).toEqual(expect.arrayContaining(['MiB, not MB', 'The course and its five practice questions']));
    expect(readme).toContain('A Kinesis Data Stream has 4 shards. A producer is writing 6 MB/s of data. Consumers are falling\n   behind.');
  });
});

describe.each(docFiles())('%s', (file) => {
  const text = read(file);

  it('links only to files and sections that exist', () => {
    const broken: string[] = [];
    for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target === undefined || /^[a-z]+:/.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const resolved = path === '' ? file : normalize(join(dirname(file), path));
      if (!existsSync(join(ROOT, resolved))) {
        broken.push(`${target} (no ${resolved})`);
        continue;
      }
      if (anchor !== undefined && resolved.endsWith('.md') && !headings(read(resolved)).map(slug).includes(anchor)) {
        broken.push(`${target} (no section #${anchor} in ${resolved})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('names only paths of the repository that exist', () => {
    const paths = [...prose(text).matchAll(/`((?:docs|src|test|scripts|questions|bin|shared|\.ci)\/[\w./-]*)`/g)].map((m) => m[1] as string);
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });
});
