// What a kds command loads: the files of dist/ it imports, their bytes, the source modules and
// packages inside them (from dist/meta.json, written by scripts/build.mjs) and Node's built-in
// modules. Recorded in runs of their own (a module hook slows a process down): timed runs never
// use it. Used by the start-up benchmark and by test/e2e/startup.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(root, 'bin', 'kds.js');
const RECORDER = new URL('./record-loads.mjs', import.meta.url).href;
const BUILTIN_RECORDER = fileURLToPath(new URL('./record-builtins.cjs', import.meta.url));
const DIST_URL = `${pathToFileURL(join(root, 'dist')).href}/`;

/** dist/meta.json: esbuild's account of which source modules went into which file. */
export function buildMeta() {
  return JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8'));
}

/** "yaml", "@inquirer/core", or "src/io/bank.ts": the package a bundled module came from, or its path. */
export function origin(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1] : input;
}

/**
 * Runs `kds ...args` twice: once with the module hook, for the dist/ files it loads ({ file:
 * 'dist/cli.js', bytes }) and the packages and source modules in them; once with a plain preload
 * that lists, at exit, the built-in modules Node loaded (the hook's own thread would add some).
 */
export function loadsOf(args, { env = {}, cwd = root, input = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kds-loads-'));
  const log = join(dir, 'loads.tsv');
  const builtinLog = join(dir, 'builtins.txt');
  const spawn = (preload, extraEnv) =>
    spawnSync(process.execPath, [...preload, BIN, ...args], {
      cwd,
      input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env, ...extraEnv },
    });
  try {
    const run = spawn(['--import', RECORDER], { KDS_LOAD_LOG: log });
    spawn(['--require', BUILTIN_RECORDER], { KDS_BUILTIN_LOG: builtinLog });
    const rows = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split('\t'));
    const files = rows
      .filter(([kind, url]) => kind === 'module' && url.startsWith(DIST_URL))
      .map(([, url, bytes]) => ({ file: relative(root, fileURLToPath(url)).split('\\').join('/'), bytes: Number(bytes) }));
    const meta = buildMeta();
    const modules = [...new Set(files.flatMap(({ file }) => Object.keys(meta.outputs[file]?.inputs ?? {})))];
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      files,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      modules,
      packages: [...new Set(modules.filter((m) => m.includes('node_modules/')).map(origin))].sort(),
      builtins: readFileSync(builtinLog, 'utf8').trim().split('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
