/**
 * Worker thread: reads one byte range of a keys file (a part after the first, starting at a line
 * start) with the same scanner and accumulator as the main thread, and sends back its counts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Accumulator } from '../core/keys/accumulate.js';
import { KeysError, MalformedRowError } from '../core/keys/errors.js';
import { Scanner } from '../core/keys/scan.js';
import { makeShard, mapOf, uniformShardMap } from '../core/keys/shard-map.js';
import { readFileChunks } from './chunks.js';
import type { PartJob, PartResult } from './parallel.js';

function run(job: PartJob): { result: PartResult; transfer: ArrayBuffer[] } {
  const map = job.uniform !== undefined ? uniformShardMap(job.uniform) : mapOf(job.shards.map((s) => makeShard(s.id, BigInt(s.start), BigInt(s.end))));
  const acc = new Accumulator({ map, maxKeys: job.maxKeys, strict: job.strict });
  acc.configure({
    timed: job.columns.time >= 0,
    explicitHashKeys: job.columns.ehk >= 0,
    observedShards: job.columns.shard >= 0,
    holdFirstSeconds: true,
  });
  const scanner = new Scanner(acc, { format: job.format, delimiter: job.delimiter, header: false }, () => job.columns);
  scanner.continueWith(job.columns);
  try {
    readFileChunks(job.path, scanner, undefined, job.path, { start: job.start, end: job.end });
  } catch (error) {
    if (error instanceof MalformedRowError) return { result: { ok: false, kind: 'malformed', line: error.line, reason: error.reason }, transfer: [] };
    if (error instanceof KeysError) {
      // A message about one line (an unknown shard id) is renumbered by the main thread.
      const about = /^line (\d+): ([\s\S]*)$/.exec(error.message);
      if (about !== null && error.kind === 'data') {
        return { result: { ok: false, kind: 'line-data', line: Number(about[1]), reason: about[2]! }, transfer: [] };
      }
      return { result: { ok: false, kind: error.kind, message: error.message }, transfer: [] };
    }
    throw error;
  }
  const data = acc.toData();
  const buffers = new Set<ArrayBuffer>();
  for (const table of [data.keys, data.routes]) {
    if (table === undefined) continue;
    for (const a of [table.arena, table.records, table.error]) if (a !== undefined) buffers.add(a.buffer as ArrayBuffer);
  }
  return {
    result: { ok: true, data, lines: scanner.line - 1, rows: scanner.rows, blankLines: scanner.blankLines, unterminatedQuote: scanner.unterminatedQuote },
    transfer: [...buffers],
  };
}

try {
  const { result, transfer } = run(workerData as PartJob);
  parentPort?.postMessage(result, transfer);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  parentPort?.postMessage({ ok: false, kind: 'failed', message } satisfies PartResult);
}
