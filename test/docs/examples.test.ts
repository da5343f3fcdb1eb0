/**
 * Every `$ kds ...` line in a fenced block of README.md and docs/*.md runs against the built binary,
 * from the repository root, on a fresh state directory per block, with NO_COLOR=1 and COLUMNS=80,
 * and prints exactly the lines under it (see scripts/doc-examples.mjs for the two escapes, and for
 * the blocks marked `kinesalite`, which run against local stand-ins for AWS on a fixed clock).
 * After a change of output, `npm run docs:update` rewrites the docs; this test stays strict.
 */
import { describe, expect, it } from 'vitest';
import { allBlocks, normalise, runBlocks, WIDTH } from '../../scripts/doc-examples.mjs';

const blocks = allBlocks();

describe('the documented examples', async () => {
  const results = await runBlocks(blocks);

  it('are there: README.md and each command page have some', () => {
    const files = new Set(results.map((r) => r.command.file));
    for (const file of ['README.md', 'docs/size.md', 'docs/keys.md', 'docs/compare.md', 'docs/quiz.md', 'docs/learn.md']) {
      expect(files).toContain(file);
    }
  });

  it('include the live sessions of docs/live.md, run against kinesalite and the CloudWatch stand-in and compared', () => {
    const live = results.filter((r) => r.command.file === 'docs/live.md' && blocks.some((b) => b.emulator && b.commands.includes(r.command)));
    const compared = live.filter((r) => !r.command.abridged).map((r) => r.command.run.split(' ').slice(0, 4).join(' '));
    expect(compared).toEqual(expect.arrayContaining(['kds keys analyze kinesis://orders', 'kds size kinesis://orders --endpoint-url', 'kds keys analyze orders.csv']));
    // The endpoints shown are the ones a reader starts; the harness's own ports never show.
    for (const r of live) expect(r.lines.join('\n')).not.toMatch(/127\.0\.0\.1:(?!4567\b|4580\b|9\b)\d+/);
  });

  it('have no other `$ ` lines among them: only kds commands run, so nothing else may pose as one', () => {
    const strays = blocks.flatMap((b) => b.strays.map((line) => `${b.file}:${line + 1}`));
    expect(strays).toEqual([]);
  });

  it.each(results.map((r) => [`${r.command.file}:${r.command.line + 1}`, r.command.text, r] as const))(
    '%s $ %s',
    (_, __, r) => {
      if (r.command.abridged) {
        // Not compared, but it must run: a usage error would mean the example is wrong.
        expect({ code: r.code, stderr: r.code === 2 ? r.stderr : '' }).not.toMatchObject({ code: 2 });
        return;
      }
      const expected = normalise(r.command.expected);
      const actual = normalise(r.lines);
      if (r.command.truncated) expect(expected.length, 'a block cut with ... shows some lines first').toBeGreaterThan(0);
      expect(r.command.truncated ? actual.slice(0, expected.length) : actual, 'run `npm run docs:update` after a change of output').toEqual(expected);
      // JSON is data, not a report. A URL is never broken, so a line may be wider by the URL it
      // holds. An error message ("kds: ...") is one line when stderr is not a terminal, as here.
      if (/--json\b/.test(r.command.run)) return;
      const tooWide = actual.filter(
        (line) => line.length > WIDTH && !line.startsWith('kds: ') && line.replace(/https?:\/\/\S+/g, '').length > WIDTH,
      );
      expect(tooWide, `every line fits ${WIDTH} columns`).toEqual([]);
    },
  );
});
