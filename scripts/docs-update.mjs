// npm run docs:update: runs every documented `$ kds ...` command (README.md, docs/*.md) against the
// built binary, as the doc test does, and writes what each prints under it, in place. Commands
// marked `# abridged` keep their text; the last command of a block that ends with `...` keeps as
// many lines as it showed. Then review the change with `git diff` and commit it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docFiles, matches, normalise, parseDoc, ROOT, runBlocks } from './doc-examples.mjs';

const only = process.argv.slice(2);
const files = docFiles().filter((f) => only.length === 0 || only.some((o) => f.endsWith(o)));
const texts = new Map(files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
const blocksOf = new Map(files.map((file) => [file, parseDoc(texts.get(file), file)]));
// Every block of every file at once, a few at a time, as the doc test runs them.
const results = await runBlocks([...blocksOf.values()].flat());
let changed = 0;
let usage = 0;
for (const file of files) {
  const blocks = blocksOf.get(file);
  const mine = results.filter((r) => r.command.file === file);
  const lines = texts.get(file).split('\n');
  for (const r of mine) {
    // An abridged command's output is not shown, so a usage error there would go unseen.
    if (r.command.abridged && r.code === 2) {
      usage++;
      console.error(`${file}:${r.command.line + 1}: exit 2 (a usage error?): ${r.command.text}`);
    }
  }
  // Replace from the end of the file backwards, so that earlier line numbers stay right.
  const edits = mine
    .filter((r) => !r.command.abridged)
    .filter((r) => !matches(r.command, r.lines) || (r.command.truncated && normalise(r.command.expected).length === 0))
    .sort((a, b) => b.command.outputStart - a.command.outputStart);
  for (const { command, lines: output } of edits) {
    let fresh = normalise(output);
    // A `...` block keeps as many lines as it showed (a new one starts with the first 12).
    if (command.truncated) fresh = fresh.slice(0, normalise(command.expected).length || 12);
    const keepBlank = !command.truncated && command.expected.at(-1)?.trim() === '' && command.outputEnd < blockEnd(blocks, command);
    lines.splice(command.outputStart, command.outputEnd - command.outputStart, ...fresh, ...(keepBlank ? [''] : []));
    console.log(`${file}:${command.line + 1}: ${command.text}`);
  }
  if (edits.length > 0) {
    writeFileSync(join(ROOT, file), lines.join('\n'));
    changed += edits.length;
  }
}
console.log(changed === 0 ? 'Every documented output is up to date.' : `Rewrote the output of ${changed} command(s); review with git diff.`);
if (usage > 0) process.exitCode = 1;

/** Where the block that holds the command ends (a blank line before the next command is kept). */
function blockEnd(blocks, command) {
  return blocks.find((b) => b.commands.includes(command))?.end ?? Infinity;
}
