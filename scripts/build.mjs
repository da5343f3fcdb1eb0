// Builds dist/ for the kds binary. esbuild bundles the type-checked sources into an entry chunk
// plus lazily loaded chunks per command, because Node 20 spends about a millisecond on each ES
// module it resolves and start-up is part of the product (README, "Start-up").
//
// Code splitting groups modules by the entry points that reach them, so modules shared by the
// start-up path and by a few commands would scatter into many small chunks, each one more file
// to load at start-up. Making every lazily loaded module also reach src/cli.ts gives all of the
// start-up code the same set of entry points, so it lands in one chunk.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
/** Modules that src/ loads with `await import(...)`: a command's work, and the prompt library. */
const LAZY = /[\\/]src[\\/](commands[\\/][^\\/]+[\\/](run|session|commands|drill|transfer|route)|io[\\/]inquirer)\.ts$/;

const oneStartupChunk = {
  name: 'one-start-up-chunk',
  setup(b) {
    b.onLoad({ filter: LAZY }, async (args) => ({
      contents: `${await readFile(args.path, 'utf8')}\nimport ${JSON.stringify(cli)};\n`,
      loader: 'ts',
    }));
  },
};

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The keys worker runs in its own thread and is loaded by URL (dist/key-worker.js).
  entryPoints: { cli: 'src/cli.ts', 'key-worker': 'src/io/key-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  plugins: [oneStartupChunk],
  // CommonJS dependencies bundled into ESM need a require() of their own for Node built-ins.
  banner: { js: "import { createRequire as __kdsCreateRequire } from 'node:module'; const require = __kdsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
