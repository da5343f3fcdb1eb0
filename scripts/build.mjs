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
// on a folder, into dist/bank.json (with dist/bank-list.json, what a question list reads of it) and
// dist/lessons.json (see src/io/shipped-content.ts).
// dist/meta.json (esbuild's metafile) says which modules went into which file: the start-up test
// (test/e2e/startup.test.ts) and the benchmark read it.
import { build } from 'esbuild';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
/** Makes every lazily loaded module reach src/cli.ts, and src/cli.ts reach `joined` (see below). */
function startupChunk(joined) {
  return {
    name: 'one-start-up-chunk',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const imports = args.path === cli ? [...joined] : lazy.has(args.path) ? [cli] : [];
        if (imports.length === 0) return undefined;
        const source = await readFile(args.path, 'utf8');
        return { contents: `${source}\n${imports.map((i) => `import ${JSON.stringify(i)};`).join('\n')}\n`, loader: 'ts' };
      });
    },
  };
}

// A file costs a command more to load (resolving, opening, linking: a few tenths of a
// millisecond) than a few KB of code in a file it loads anyway. So the source modules of a small
// shared chunk whose own imports are all start-up code are built into the start-up chunk instead,
// round after round until no such chunk is left. (Nothing else comes with them.)
const SMALL_CHUNK_BYTES = 10 * 1024;
// The AWS facts: kds size, kds keys and kds compare read them as they register their options.
// Three of the five commands load them, and the file costs those more than the code costs the rest.
const STARTUP_MODULES = [join(root, 'src', 'core', 'facts.ts')];

/** The files dist/cli.js loads before anything runs. */
function startupFiles(meta) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !meta.outputs[file]) return;
    seen.add(file);
    for (const i of meta.outputs[file].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  for (const [file, out] of Object.entries(meta.outputs)) if (out.entryPoint === 'src/cli.ts') visit(file);
  return seen;
}

function smallSharedModules(meta) {
  const startup = startupFiles(meta);
  return Object.entries(meta.outputs).flatMap(([file, out]) => {
    if (!file.endsWith('.js') || out.entryPoint || startup.has(file) || out.bytes > SMALL_CHUNK_BYTES) return [];
    const importsStartupOnly = out.imports.every((i) => i.kind !== 'import-statement' || i.external || startup.has(i.path));
    const inputs = Object.keys(out.inputs);
    return importsStartupOnly && inputs.every((i) => i.startsWith('src/')) ? inputs.map((i) => join(root, i)) : [];
  });
}

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

const joined = new Set(STARTUP_MODULES);
let result;
for (;;) {
  result = await build({
    ...common,
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: dist,
    splitting: true,
    chunkNames: '[name]-[hash]',
    define,
    plugins: [startupChunk(joined), lazyChildProcess],
    metafile: true,
    write: false,
  });
  const more = smallSharedModules(result.metafile).filter((m) => !joined.has(m));
  if (more.length === 0) break;
  for (const m of more) joined.add(m);
}
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
for (const file of result.outputFiles) await writeFile(file.path, file.contents);
await writeFile(join(dist, 'meta.json'), `${JSON.stringify(result.metafile)}\n`);

// The keys worker runs in its own thread and is loaded by URL (dist/key-worker.js): one file of
// its own, so that its modules stay out of the start-up chunk's company.
await build({ ...common, absWorkingDir: root, entryPoints: { 'key-worker': 'src/io/key-worker.ts' }, outdir: dist, define });

const bank = sources.compileBank(join(root, 'questions'));
await writeFile(join(dist, sources.COMPILED_BANK), JSON.stringify(bank));
await writeFile(join(dist, sources.COMPILED_LISTING), JSON.stringify(sources.listingOf(bank)));
await writeFile(join(dist, sources.COMPILED_LESSONS), JSON.stringify(sources.compileLessons(join(root, 'src', 'lessons'))));
