// The examples in README.md and docs/*.md, read and run as the doc test and `npm run docs:update`
// see them.
//
// A fenced block's lines that start with `$ kds` are commands; the lines under one, up to the next
// `$ ` line or the end of the block, are what it prints (stdout, then stderr). Two escapes:
// a command with `# abridged` is run but its output is not compared (it must not be a usage
// error), and a block whose last line is `...` is compared only up to that line.
// Each block runs on a fresh KDS_STATE_DIR from the repository root, with NO_COLOR=1 and
// COLUMNS=80; its commands run in order, blocks run side by side (a few at a time).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'kds.js');
export const WIDTH = 80;
export const ABRIDGED = '# abridged';
export const ELLIPSIS = '...';

/** README.md and every docs/*.md, as paths relative to the repository root. */
export function docFiles(root = ROOT) {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

const FENCE = /^(`{3,}|~{3,})/;
const COMMAND = /^\$ (kds(?:\s.*)?)$/;

/**
 * The blocks of a Markdown text that hold at least one `$ kds` command. Line numbers are 0-based
 * indexes into text.split('\n'). Each command has the range of its expected output lines.
 */
export function parseDoc(text, file = '') {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith(open[1])) end++;
    const body = { start: i + 1, end };
    i = end;
    const commandLines = [];
    const strays = [];
    for (let j = body.start; j < body.end; j++) {
      if (COMMAND.test(lines[j])) commandLines.push(j);
      else if (lines[j].startsWith('$ ')) strays.push(j);
    }
    if (commandLines.length === 0) continue;
    const truncated = lines[body.end - 1] === ELLIPSIS;
    const bounds = [...commandLines, ...strays].sort((a, b) => a - b);
    const commands = commandLines.map((line, n) => {
      const next = bounds.find((b) => b > line) ?? body.end;
      const last = n === commandLines.length - 1;
      const outputEnd = last && truncated && next === body.end ? body.end - 1 : next;
      const text = COMMAND.exec(lines[line])[1];
      return {
        file,
        line,
        text,
        abridged: text.includes(ABRIDGED),
        run: text.replace(ABRIDGED, '').trim(),
        outputStart: line + 1,
        outputEnd,
        expected: lines.slice(line + 1, outputEnd),
        truncated: last && truncated,
      };
    });
    blocks.push({ file, start: body.start, end: body.end, commands, strays });
  }
  return blocks;
}

/** Lines for comparing: trailing spaces and trailing blank lines do not count. */
export function normalise(lines) {
  const out = lines.map((l) => l.trimEnd());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Whether what a command printed matches what the doc says it prints. */
export function matches(command, outputLines) {
  const expected = normalise(command.expected);
  const actual = normalise(outputLines);
  if (command.truncated) return expected.length <= actual.length && expected.every((l, i) => l === actual[i]);
  return expected.length === actual.length && expected.every((l, i) => l === actual[i]);
}

/** Runs one shell line with `kds` meaning the built binary; resolves with the code and output. */
export function runLine(line, { cwd = ROOT, stateDir, home, env = {} } = {}) {
  const script = `kds() { node ${JSON.stringify(BIN)} "$@"; }\n${line}\n`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd,
      env: defined({
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home ?? stateDir,
        LANG: 'C.UTF-8',
        TZ: 'UTC',
        NO_COLOR: '1',
        COLUMNS: String(WIDTH),
        KDS_STATE_DIR: stateDir,
        ...env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

function defined(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

/** What a command printed, as the doc shows it: stdout, then stderr. */
export function outputLines(result) {
  const text = `${result.stdout}${result.stderr}`;
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** Runs tasks with at most `limit` at a time, keeping their order in the results. */
export async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return results;
}

export const CONCURRENCY = Math.max(2, Math.min(4, availableParallelism()));

/**
 * Runs every block (commands in order, on one fresh state directory per block); resolves with one
 * result per command: { command, code, stdout, stderr, lines }.
 */
export async function runBlocks(blocks, { concurrency = CONCURRENCY } = {}) {
  const perBlock = await pool(
    blocks.map((block) => async () => {
      const stateDir = mkdtempSync(join(tmpdir(), 'kds-doc-'));
      try {
        const out = [];
        for (const command of block.commands) {
          const result = await runLine(command.run, { stateDir });
          out.push({ command, ...result, lines: outputLines(result) });
        }
        return out;
      } finally {
        rmSync(stateDir, { recursive: true, force: true });
      }
    }),
    concurrency,
  );
  return perBlock.flat();
}

/** Every block of every doc file. */
export function allBlocks(root = ROOT) {
  return docFiles(root).flatMap((file) => parseDoc(readFileSync(join(root, file), 'utf8'), file));
}
