/** Log lines: --key-pattern takes the key (and optionally bytes and time) out of each line. */
import { Accumulator } from '../../core/keys/accumulate.js';
import { matchLine, type KeyPattern } from '../../core/keys/key-pattern.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import { LineSplitter } from './lines.js';
import type { ByteInput } from './bytes.js';
import type { ReadRequest, ReadResult } from './source.js';

/** Line numbers of unmatched lines kept for the report. */
const UNMATCHED_EXAMPLES = 5;

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readLogLines(input: ByteInput, pattern: KeyPattern, request: ReadRequest): Promise<ReadResult> {
  const acc = new Accumulator({ map: request.map, maxKeys: request.maxKeys, strict: request.strict });
  const feeder = new RecordFeeder(acc, { timed: pattern.time, observedShards: false });
  let rows = 0;
  let unmatched = 0;
  const lines: number[] = [];
  const splitter = new LineSplitter((bytes, start, end, line) => {
    rows++;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(start, end));
    } catch {
      acc.malformed(line, 'the line is not valid UTF-8');
      return;
    }
    const m = matchLine(pattern, text);
    if (m === undefined) {
      unmatched++;
      if (lines.length < UNMATCHED_EXAMPLES) lines.push(line);
    } else if ('problem' in m) acc.malformed(line, m.problem);
    else feeder.add(m, line);
  });
  const bytesRead = await input.pump(splitter, request.onProgress);
  // The capture groups used, by name (or number for an unnamed key group).
  const columns: Record<string, string> = { key: pattern.key === 'key' ? 'key' : String(pattern.key) };
  if (pattern.bytes) columns.bytes = 'bytes';
  if (pattern.time) columns.time = 'time';
  return { acc, bytesRead, rows, header: false, columns, hasBytes: pattern.bytes, aggregatedRecords: 0, unmatched: { count: unmatched, lines } };
}
