// The examples in README.md and docs/*.md, read and run as the doc test and `npm run docs:update`
// see them.
//
// A fenced block's lines that start with `$ kds` are commands; the lines under one, up to the next
// `$ ` line or the end of the block, are what it prints (stdout, then stderr). Two escapes:
// a command with `# abridged` is run but its output is not compared (it must not be a usage
// error), and a block whose last line is `...` is compared only up to that line.
// Each block runs on a fresh KDS_STATE_DIR from the repository root, with NO_COLOR=1 and
// COLUMNS=80; its commands run in order, blocks run side by side (a few at a time).
//
// A block whose info string holds the word `kinesalite` (```text kinesalite) is a session against
// local stand-ins for AWS, as docs/live.md tells a reader to start them: kinesalite (the Kinesis
// emulator) at 127.0.0.1:4567, filled by docs/examples/live-demo.mjs, and the CloudWatch stand-in
// docs/examples/cloudwatch-demo.mjs at 127.0.0.1:4580 (AWS_ENDPOINT_URL_CLOUDWATCH), with dummy
// credentials and AWS_REGION=us-east-1 in the environment. The harness starts its own on free
// ports, reads 127.0.0.1:4567 and :4580 in the commands as those, and writes them back so in the
// output. Such a block runs in a new empty directory (its commands may write files), and on a
// fixed clock (scripts/doc-clock.mjs): the emulator's starts at 2026-11-30T12:00:00Z and runs a
// thousand times slower, so that the records written carry one arrival second; kds's starts an
// hour later. The reports are then the same on every run.
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
/** The info-string word of a block that runs against the local stand-ins for AWS. */
export const EMULATOR = 'kinesalite';
const SHOWN = { kinesis: '127.0.0.1:4567', cloudwatch: '127.0.0.1:4580' };
const CLOCK = join(ROOT, 'scripts', 'doc-clock.mjs');
const EMULATOR_CLOCK = '2026-11-30T12:00:00Z@0.001';
const KDS_CLOCK = '2026-11-30T13:00:00Z';

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
    const emulator = lines[i].slice(open[1].length).trim().split(/\s+/).includes(EMULATOR);
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
    blocks.push({ file, start: body.start, end: body.end, commands, strays, emulator });
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
export function runLine(line, { cwd = ROOT, stateDir, home, env = {}, nodeArgs = [] } = {}) {
  const node = ['node', ...nodeArgs.map((a) => JSON.stringify(a))].join(' ');
  const script = `kds() { ${node} ${JSON.stringify(BIN)} "$@"; }\n${line}\n`;
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

/** A child process's first line of standard output (an emulator's port); it fails when the child exits first. */
function firstLine(child, what) {
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      text += d;
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    child.stderr.setEncoding('utf8').on('data', (d) => (errors += d));
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready: ${errors}`)));
  });
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (output += d));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`node ${args.join(' ')} exited ${code}: ${output}`))));
  });
}

/** Dummy credentials and a Region, as the docs tell a reader to export them; nothing from ~/.aws. */
const AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/kds-doc-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kds-doc-credentials',
};

/**
 * kinesalite filled by docs/examples/live-demo.mjs and the CloudWatch stand-in, each on a free port:
 * what a block marked `kinesalite` runs against. Resolves with the environment for kds, the
 * shown-to-real endpoint pairs, and close().
 */
export async function startEmulators() {
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...AWS_ENV };
  const children = [];
  const close = () => children.forEach((c) => c.kill());
  try {
    const kinesalite = spawn(process.execPath, ['--import', CLOCK, join(ROOT, 'scripts', 'doc-emulator.mjs')], {
      cwd: ROOT,
      env: { ...base, KDS_DOC_CLOCK: EMULATOR_CLOCK },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(kinesalite);
    const cloudwatch = spawn(process.execPath, [join(ROOT, 'docs', 'examples', 'cloudwatch-demo.mjs'), '0'], { cwd: ROOT, env: base, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(cloudwatch);
    const kinesisAt = `127.0.0.1:${(await firstLine(kinesalite, 'kinesalite')).trim()}`;
    const cloudwatchAt = /\b127\.0\.0\.1:\d+/.exec(await firstLine(cloudwatch, 'the CloudWatch stand-in'))[0];
    await run([join(ROOT, 'docs', 'examples', 'live-demo.mjs'), `http://${kinesisAt}`], base);
    return {
      env: { ...AWS_ENV, AWS_ENDPOINT_URL_CLOUDWATCH: `http://${cloudwatchAt}`, KDS_DOC_CLOCK: KDS_CLOCK },
      nodeArgs: ['--import', CLOCK],
      endpoints: [
        [SHOWN.kinesis, kinesisAt],
        [SHOWN.cloudwatch, cloudwatchAt],
      ],
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** Every `from` in text replaced by `to`, where `from` is not followed by another digit. */
function swap(text, from, to) {
  return text.replace(new RegExp(`${from.replace(/\./g, '\\.')}(?!\\d)`, 'g'), to);
}

async function runBlock(block, stateDir) {
  const emulators = block.emulator ? await startEmulators() : undefined;
  const cwd = emulators ? mkdtempSync(join(tmpdir(), 'kds-doc-cwd-')) : ROOT;
  try {
    const out = [];
    for (const command of block.commands) {
      let line = command.run;
      for (const [shown, real] of emulators?.endpoints ?? []) line = swap(line, shown, real);
      const result = await runLine(line, { stateDir, cwd, env: emulators?.env, nodeArgs: emulators?.nodeArgs });
      for (const [shown, real] of emulators?.endpoints ?? []) {
        result.stdout = swap(result.stdout, real, shown);
        result.stderr = swap(result.stderr, real, shown);
      }
      out.push({ command, ...result, lines: outputLines(result) });
    }
    return out;
  } finally {
    emulators?.close();
    if (cwd !== ROOT) rmSync(cwd, { recursive: true, force: true });
  }
}

/**
 * Runs every block (commands in order, on one fresh state directory per block); resolves with one
 * result per command: { command, code, stdout, stderr, lines }.
 */
export async function runBlocks(blocks, { concurrency = CONCURRENCY } = {}) {
  const perBlock = await pool(
    blocks.map((block) => async () => {
      const stateDir = mkdtempSync(join(tmpdir(), 'kds-doc-'));
      try {
        return await runBlock(block, stateDir);
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
