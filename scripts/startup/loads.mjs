// What a kds command runs when it starts: the source modules and packages of dist/kds.cjs that it
// evaluates, and Node's built-in modules it loads. For counting, never timing.
//
// In the bundle (scripts/build.mjs), a module that is loaded lazily is wrapped in a function named
// for its path ("src/io/bank.ts", "node_modules/yaml/dist/index.js"), called when the module is
// first imported; the others run as the bundle loads. V8's coverage (NODE_V8_COVERAGE) says which
// of those functions were called. Used by the start-up benchmark and by test/e2e/startup.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(root, 'bin', 'kds.js');
const BUNDLE = 'dist/kds.cjs';
const BUNDLE_URL = pathToFileURL(join(root, BUNDLE)).href;
const BUILTIN_RECORDER = fileURLToPath(new URL('./record-builtins.cjs', import.meta.url));

/** dist/meta.json: esbuild's account of the modules in the bundle. */
export function buildMeta() {
  return JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8'));
}

/** "yaml", "@inquirer/core", or "src/io/bank.ts": the package a bundled module came from, or its path. */
export function origin(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1] : input;
}

/** The modules of the bundle that coverage reports say ran (one report per thread), given every module it holds. */
export function evaluatedModules(reports, inputs) {
  const scripts = reports.flatMap((report) => report.result.filter((r) => r.url === BUNDLE_URL));
  if (scripts.length === 0) throw new Error(`no coverage report has ${BUNDLE}`);
  const wrapped = new Map();
  for (const fn of scripts.flatMap((script) => script.functions)) {
    if (inputs.has(fn.functionName)) wrapped.set(fn.functionName, (wrapped.get(fn.functionName) ?? 0) + fn.ranges[0].count);
  }
  return [...inputs].filter((input) => !wrapped.has(input) || wrapped.get(input) > 0);
}

/**
 * Runs `kds ...args` with V8's coverage on and a preload that lists, at exit, the built-in modules
 * Node loaded. Returns the run's status and output, the modules and packages of the bundle it
 * evaluated, and the built-ins.
 */
export function loadsOf(args, { env = {}, cwd = root, input = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kds-loads-'));
  const coverageDir = join(dir, 'coverage');
  const builtinLog = join(dir, 'builtins.txt');
  try {
    const run = spawnSync(process.execPath, ['--require', BUILTIN_RECORDER, BIN, ...args], {
      cwd,
      input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env, NODE_V8_COVERAGE: coverageDir, KDS_BUILTIN_LOG: builtinLog },
    });
    const reports = readdirSync(coverageDir).map((report) => JSON.parse(readFileSync(join(coverageDir, report), 'utf8')));
    if (reports.length === 0) throw new Error(`kds ${args.join(' ')} wrote no coverage report: ${run.stderr}`);
    const modules = evaluatedModules(reports, new Set(Object.keys(buildMeta().outputs[BUNDLE].inputs)));
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      modules,
      packages: [...new Set(modules.filter((m) => m.includes('node_modules/')).map(origin))].sort(),
      builtins: readFileSync(builtinLog, 'utf8').trim().split('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
