// What a kds command loads: the files of dist/ it imports, their bytes, the source modules and
// packages inside them (from dist/meta.json, written by scripts/build.mjs) and Node's built-in
// modules. Recorded in a run of its own with a module hook, which slows a process down: timed
// runs never use it. Used by the start-up benchmark and by test/e2e/startup.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(root, 'bin', 'kds.js');
const RECORDER = new URL('./record-loads.mjs', import.meta.url).href;
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
 * Runs `kds ...args` once with the recorder. Returns its exit status and output, the dist/ files
 * it loaded ({ file: 'dist/cli.js', bytes }), the packages and source modules in them, and the
 * built-in modules Node loaded.
 */
export function loadsOf(args, { env = {}, cwd = root, input = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kds-loads-'));
  const log = join(dir, 'loads.tsv');
  try {
    const run = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], {
      cwd,
      input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env, KDS_LOAD_LOG: log },
    });
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
      builtins: rows.filter(([kind]) => kind === 'builtin').map(([, name]) => name),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
