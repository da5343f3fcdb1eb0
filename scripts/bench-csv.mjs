// CSV parsing alone, for the parser decision: how long each candidate takes to read every row's
// first field from a file, with no hashing or counting. Usage: node bench-csv.mjs PARSER FILE
import { createReadStream, readFileSync } from 'node:fs';

const [parser, file] = process.argv.slice(2);
let started = process.hrtime.bigint();
let rows = 0;
let keyBytes = 0;

if (parser === 'kds') {
  // dist/ is one bundle, so the scanner and the chunk reader are bundled on their own for this
  // bench (before the clock starts, like the other parsers' imports).
  const { build } = await import('esbuild');
  const out = new URL('../.bench/lib/', import.meta.url);
  await build({
    entryPoints: { scan: 'src/core/keys/scan.ts', chunks: 'src/io/chunks.ts' },
    outdir: out.pathname,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
    absWorkingDir: new URL('..', import.meta.url).pathname,
  });
  const { Scanner } = await import(new URL('scan.js', out).href);
  const { readFileChunks } = await import(new URL('chunks.js', out).href);
  started = process.hrtime.bigint();
  const sink = {
    row(_bytes, ks, ke) {
      rows++;
      keyBytes += ke - ks;
    },
    malformed() {},
  };
  const scanner = new Scanner(sink, 'csv', () => ({ key: 0, bytes: 1, time: 2, count: -1, ehk: -1 }));
  readFileChunks(file, scanner);
} else if (parser === 'csv-parse') {
  const { parse } = await import('csv-parse');
  const records = createReadStream(file).pipe(parse({ from_line: 2 }));
  for await (const record of records) {
    rows++;
    keyBytes += record[0].length;
  }
} else if (parser === 'papaparse') {
  const { default: Papa } = await import('papaparse');
  await new Promise((resolve, reject) => {
    let header = true;
    Papa.parse(createReadStream(file), {
      step: (result) => {
        if (header) header = false;
        else if (result.data.length > 1) {
          rows++;
          keyBytes += result.data[0].length;
        }
      },
      complete: resolve,
      error: reject,
    });
  });
} else if (parser === 'split') {
  // The floor for a string-based reader: one string per line, split on commas.
  const text = readFileSync(file, 'utf8');
  for (const line of text.split('\n').slice(1)) {
    if (line.length === 0) continue;
    rows++;
    keyBytes += line.split(',')[0].length;
  }
} else {
  throw new Error(`unknown parser ${parser}`);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ parser, rows, keyBytes, seconds })}\n`);
