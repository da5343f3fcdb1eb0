/** Runs the scanner and accumulator over text in memory, optionally in several chunks. */
import { Accumulator } from '../../../src/core/keys/accumulate.js';
import { resolveColumns, type ColumnChoice } from '../../../src/core/keys/columns.js';
import { detectLayout } from '../../../src/core/keys/detect.js';
import { Scanner, type Format, type ScanLayout } from '../../../src/core/keys/scan.js';
import { uniformShardMap, type ShardMap } from '../../../src/core/keys/shard-map.js';

export interface ScanOptions {
  readonly map?: ShardMap;
  readonly format?: Format | 'auto';
  readonly columns?: ColumnChoice;
  readonly maxKeys?: number;
  readonly strict?: boolean;
  /** --header / --no-header. */
  readonly header?: boolean;
  /** Byte offsets at which the input is cut into chunks. */
  readonly cuts?: readonly number[];
  /** Read every row through Accumulator.row, without the one-loop counter (./count-rows.ts). */
  readonly generalOnly?: boolean;
}

/** The scanner layout for the input: the format given, or (auto) what detection decides from the whole text. */
function layoutOf(bytes: Uint8Array, options: ScanOptions): ScanLayout {
  if (options.format !== undefined && options.format !== 'auto') return { format: options.format, header: options.header };
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const layout = detectLayout(text, true, { format: 'auto', columns: options.columns ?? {}, keyPattern: false, header: options.header }, 'input');
  if (layout.kind === 'lines') return { format: 'lines' };
  if (layout.kind !== 'delimited') throw new Error(`scanText reads delimited text and lines, not ${layout.kind}`);
  return { format: 'csv', delimiter: layout.delimiter.charCodeAt(0), header: layout.header };
}

export function scanText(input: string | Uint8Array, options: ScanOptions = {}) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const acc = new Accumulator({ map: options.map ?? uniformShardMap(4), maxKeys: options.maxKeys ?? 1000, strict: options.strict ?? false });
  if (options.generalOnly === true) Object.assign(acc, { rowCounter: () => undefined });
  const scanner = new Scanner(acc, layoutOf(bytes, options), (header, numbered) => {
    if (header === undefined) return { key: 0, bytes: -1, time: -1, count: -1, ehk: -1, shard: -1, kpl: -1 };
    const cols = resolveColumns(header, options.columns ?? {}, numbered);
    acc.configure({ timed: cols.time >= 0, explicitHashKeys: cols.ehk >= 0, observedShards: cols.shard >= 0 });
    return cols;
  });
  // Feed like the chunked reader does: keep the unconsumed tail and offer it again with more.
  const cuts = [...(options.cuts ?? []).filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b);
  let pending = new Uint8Array(0);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    const chunk = bytes.subarray(from, cut);
    from = cut;
    const buffer = new Uint8Array(pending.length + chunk.length);
    buffer.set(pending);
    buffer.set(chunk, pending.length);
    const final = cut === bytes.length;
    const consumed = scanner.push(buffer, 0, buffer.length, final);
    pending = buffer.slice(consumed);
  }
  acc.finish();
  return { acc, scanner };
}

/** Every key with its record count, as a plain object sorted by key. */
export function keyCounts(acc: Accumulator): [string, number][] {
  const t = acc.keys;
  const out: [string, number][] = [];
  for (let e = 0; e < t.size; e++) out.push([new TextDecoder().decode(t.keyBytes(e)), t.recordsOf(e)]);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
