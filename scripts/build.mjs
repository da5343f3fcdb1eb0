// Builds dist/ for the kds binary.
//
// The program is one CommonJS bundle, dist/kds.cjs, that bin/kds.js compiles with V8's code cache
// (start-up is part of the product: docs/benchmarks.md, "Start-up"). Node 20 keeps no code cache
// for ES modules, and loading a tree of them (resolving, reading, linking, compiling each file)
// cost every command more than its own work. In the bundle, a module that src/ loads with
// `await import(...)` is evaluated only when it is imported, so a command still runs only the code
// it uses; V8 compiles a function only when it is first called, and the cache spares even that
// for what the command ran when the cache was made (scripts/startup/train-cache.cjs, below).
//
// The bundle is plain ASCII (bin/kds.js reads it as latin1, the cheapest way to a string), without
// the whitespace (every run reads and holds the whole text: 1.35 MB became 0.97, and peak memory on
// 10M rows 4 MB less), and contains no import(): code compiled from a vm.Script with a code cache
// cannot import. The AWS SDK is a bundle of its own, dist/aws.cjs, required only by the commands
// that reach AWS.
//
// The keys worker (dist/key-worker.js) is loaded by its own thread. The shipped question bank and
// lessons are compiled here, by the same readers the commands use on a folder, into
// dist/bank.json (with dist/bank-list.json, what a question list reads of it) and
// dist/lessons.json (see src/io/shipped-content.ts). dist/meta.json (esbuild's metafile of the
// bundle) says which source modules it holds: the start-up test and the benchmark read it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keysCsv } from './startup/sample.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

// The ES module builds (the worker, and the sources the build runs): CommonJS dependencies bundled
// into ESM need a require() of their own, and only ever for Node built-ins (everything else is
// bundled): process.getBuiltinModule is that, without loading node:module.
const banner = {
  js: "const require = (id) => process.getBuiltinModule(id) ?? (() => { throw new Error(`kds: the bundle cannot require ${id}`); })();",
};
const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', banner, logLevel: 'warning' };

// commander requires node:child_process at load time, for executable subcommands kds does not
// have; loading it costs every command a few milliseconds. Here it loads when first used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}commander${sep}`) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

/** `await import('node:zlib')` in src/ becomes a require(), made when the import runs. */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/** The AWS SDK packages kds imports; dist/aws.cjs holds them, each one loaded when first asked for. */
const AWS_PACKAGES = ['@aws-sdk/client-kinesis', '@aws-sdk/client-cloudwatch', '@smithy/node-http-handler'];
const awsBundle = {
  name: 'aws-bundle',
  setup(b) {
    const names = new RegExp(`^(${AWS_PACKAGES.map((p) => p.replace(/[/-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter: names }, (args) => ({ path: args.path, namespace: 'aws' }));
    b.onResolve({ filter: /^\.\/aws\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'aws' }, (args) => ({ contents: `module.exports = require('./aws.cjs')[${JSON.stringify(args.path)}];`, loader: 'js' }));
  },
};

// What the build reads from the sources first (src/compile.ts, bundled for the occasion into a
// temporary folder: it runs the TypeScript readers, and the yaml package with them): the bank and
// the lessons, and how the root help lists every command.
const scratch = await mkdtemp(join(tmpdir(), 'kds-build-'));
let sources;
try {
  // Built, it knows its version (and no package to look for): the commands are what it reads.
  const building = { __KDS_BUILD__: JSON.stringify({ version: pkg.version, commands: [] }) };
  await build({ ...common, absWorkingDir: root, entryPoints: { compile: 'src/compile.ts' }, outdir: scratch, define: building });
  sources = await import(pathToFileURL(join(scratch, 'compile.js')).href);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
const define = { __KDS_BUILD__: JSON.stringify({ version: pkg.version, commands: await sources.commandSummaries() }) };

// The bundle's first line names its build; a code cache made for it starts with the same id
// (bin/kds.js uses a cache only for the build it was made for).
const buildId = randomBytes(16).toString('hex');
const result = await build({
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  charset: 'ascii',
  minifyWhitespace: true,
  logLevel: 'warning',
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outfile: join(dist, 'kds.cjs'),
  define: { ...define, 'import.meta.url': '__kds_url' },
  banner: { js: `// kds build ${buildId}\nvar __kds_url = require("node:url").pathToFileURL(__filename).href;` },
  plugins: [lazyChildProcess, builtinsByRequire, awsBundle],
  metafile: true,
  write: false,
});
const [bundleFile] = result.outputFiles;
if (/[\u0080-\uffff]/.test(bundleFile.text)) throw new Error('dist/kds.cjs is not plain ASCII (bin/kds.js reads it as latin1)');
const imports = Object.values(result.metafile.outputs).flatMap((out) => out.imports.filter((i) => i.kind === 'dynamic-import'));
if (imports.length > 0) {
  throw new Error(`dist/kds.cjs would import ${imports.map((i) => i.path).join(', ')}: code compiled with a code cache cannot (see the plugins above)`);
}
await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'cache'), { recursive: true });
await writeFile(bundleFile.path, bundleFile.contents);
await writeFile(join(dist, 'meta.json'), `${JSON.stringify(result.metafile)}\n`);

// dist/aws.cjs: the SDK packages, each evaluated when a command first asks for it.
await build({
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  absWorkingDir: root,
  stdin: {
    contents: AWS_PACKAGES.map((p) => `Object.defineProperty(exports, ${JSON.stringify(p)}, { enumerable: true, get: () => require(${JSON.stringify(p)}) });`).join('\n'),
    resolveDir: root,
    sourcefile: 'aws.cjs',
    loader: 'js',
  },
  outfile: join(dist, 'aws.cjs'),
});

// The keys worker runs in its own thread and is loaded by URL (dist/key-worker.js).
await build({ ...common, absWorkingDir: root, entryPoints: { 'key-worker': 'src/io/key-worker.ts' }, outdir: dist, define });

const bank = sources.compileBank(join(root, 'questions'));
await writeFile(join(dist, sources.COMPILED_BANK), JSON.stringify(bank));
await writeFile(join(dist, sources.COMPILED_LISTING), JSON.stringify(sources.listingOf(bank)));
await writeFile(join(dist, sources.COMPILED_LESSONS), JSON.stringify(sources.compileLessons(join(root, 'src', 'lessons'))));

// The code caches, dist/cache/<command>.bin: each command run once, as a user would first run it,
// and the cache taken after (scripts/startup/train-cache.cjs). bin/kds.js picks the cache by the
// command's name; the root help, --version and completion share "kds".
const training = await mkdtemp(join(tmpdir(), 'kds-build-'));
try {
  const sample = join(training, 'keys.csv');
  await writeFile(sample, keysCsv(1_000));
  const runs = {
    kds: ['--help'],
    keys: ['keys', 'analyze', sample],
    size: ['size', '--mbps', '6'],
    compare: ['compare'],
    quiz: ['quiz', 'list'],
    learn: ['learn'],
  };
  const env = { ...process.env, KDS_STATE_DIR: join(training, 'state'), NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const trainer = join(root, 'scripts', 'startup', 'train-cache.cjs');
  for (const [group, args] of Object.entries(runs)) {
    const run = spawnSync(process.execPath, [trainer, join(dist, 'cache', `${group}.bin`), group, ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (run.status !== 0) throw new Error(`making the code cache of ${group} (kds ${args.join(' ')}) failed: ${run.stderr}`);
  }
} finally {
  await rm(training, { recursive: true, force: true });
}
