// Builds dist/ for the kds binary: type-checked sources are bundled by esbuild into a small entry
// chunk plus one lazily loaded chunk per command, because Node 20 spends about a millisecond
// resolving each ES module and start-up is part of the product (see README, "Start-up").
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
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
  // CommonJS dependencies bundled into ESM need a require() of their own for Node built-ins.
  banner: { js: "import { createRequire as __kdsCreateRequire } from 'node:module'; const require = __kdsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
