// Builds dist/ for the kds binary. esbuild bundles the type-checked sources into an entry chunk
// plus lazily loaded chunks per command, because start-up is part of the product (docs/benchmarks.md,
// "Start-up"): a command loads the code it uses and nothing else.
//
// Code splitting groups modules by the entry points that reach them, so modules shared by the
// start-up path and by a few commands would scatter into many small chunks, each one more file
// to load at start-up. Making every lazily loaded module also reach src/cli.ts gives all of the
// start-up code the same set of entry points, so it lands in one chunk.
//
// The shipped question bank and lessons are compiled here, by the same readers the commands use
// on a folder, into dist/bank.json and dist/lessons.json (see src/io/shipped-content.ts).
// dist/meta.json (esbuild's metafile) says which modules went into which file: the start-up test
// (test/e2e/startup.test.ts) and the benchmark read it.
import { build } from 'esbuild';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const cli = join(root, 'src', 'cli.ts');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

// CommonJS dependencies bundled into ESM need a require() of their own, and only ever for Node
// built-ins (everything else is bundled): process.getBuiltinModule is that, without loading
// node:module and making a require per chunk.
const banner = {
  js: "const require = (id) => process.getBuiltinModule(id) ?? (() => { throw new Error(`kds: the bundle cannot require ${id}`); })();",
};
const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', banner, logLevel: 'warning' };

/** Every source module that src/ loads with `await import('./...')`: a command's work, a parser, the prompts. */
async function lazyModules() {
  const found = new Set();
  for (const entry of await readdir(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    for (const [, target] of (await readFile(file, 'utf8')).matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+)\.js'\s*\)/g)) {
      found.add(resolve(dirname(file), `${target}.ts`));
    }
  }
  return found;
}

const lazy = await lazyModules();
const oneStartupChunk = {
  name: 'one-start-up-chunk',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      if (!lazy.has(args.path)) return undefined;
      return { contents: `${await readFile(args.path, 'utf8')}\nimport ${JSON.stringify(cli)};\n`, loader: 'ts' };
    });
  },
};

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

await rm(dist, { recursive: true, force: true });
const result = await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: dist,
  splitting: true,
  chunkNames: '[name]-[hash]',
  define: { __KDS_BUILD__: JSON.stringify({ version: pkg.version }) },
  plugins: [oneStartupChunk, lazyChildProcess],
  metafile: true,
});
await writeFile(join(dist, 'meta.json'), `${JSON.stringify(result.metafile)}\n`);

// The keys worker runs in its own thread and is loaded by URL (dist/key-worker.js): one file of
// its own, so that its modules stay out of the start-up chunk's company.
await build({ ...common, entryPoints: { 'key-worker': 'src/io/key-worker.ts' }, outdir: dist, define: { __KDS_BUILD__: JSON.stringify({ version: pkg.version }) } });

// The bank and lessons, read by src/io/compile-content.ts, bundled for the occasion into a
// temporary folder (it runs the TypeScript readers, and the yaml package with them).
const scratch = await mkdtemp(join(tmpdir(), 'kds-build-'));
try {
  await build({ ...common, entryPoints: { compile: 'src/io/compile-content.ts' }, outdir: scratch });
  const content = await import(pathToFileURL(join(scratch, 'compile.js')).href);
  await writeFile(join(dist, content.COMPILED_BANK), JSON.stringify(content.compileBank(join(root, 'questions'))));
  await writeFile(join(dist, content.COMPILED_LESSONS), JSON.stringify(content.compileLessons(join(root, 'src', 'lessons'))));
} finally {
  await rm(scratch, { recursive: true, force: true });
}
