/** JSON lines: one object per line, the key (and bytes, time, ...) at dotted paths. */
import { Accumulator } from '../../core/keys/accumulate.js';
import { recordOf, resolveFields, type FieldChoice, type FieldPaths } from '../../core/keys/fields.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import { LineSplitter } from './lines.js';
import type { ByteInput } from './bytes.js';
import type { ReadRequest, ReadResult } from './source.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readJsonLines(input: ByteInput, fields: FieldChoice, request: ReadRequest): Promise<ReadResult> {
  const acc = new Accumulator({ map: request.map, maxKeys: request.maxKeys, strict: request.strict });
  let paths: FieldPaths | undefined;
  let feeder: RecordFeeder | undefined;
  let rows = 0;
  const splitter = new LineSplitter((bytes, start, end, line) => {
    rows++;
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(bytes.subarray(start, end)));
    } catch (error) {
      acc.malformed(line, error instanceof TypeError ? 'the line is not valid UTF-8' : 'the line is not valid JSON');
      return;
    }
    if (paths === undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        acc.malformed(line, 'the line is not a JSON object');
        return;
      }
      paths = resolveFields(value as Record<string, unknown>, fields);
      feeder = new RecordFeeder(acc, { timed: paths.time !== undefined, observedShards: paths.shard !== undefined });
    }
    const read = recordOf(value, paths);
    if ('problem' in read) acc.malformed(line, read.problem);
    else feeder!.add(read.record, line, read.count);
  });
  const bytesRead = await input.pump(splitter, request.onProgress);
  const columns = Object.fromEntries(Object.entries(paths ?? {}).map(([role, path]) => [role, path.join('.')]));
  return { acc, bytesRead, rows, header: false, columns, hasBytes: paths?.bytes !== undefined, aggregatedRecords: 0 };
}
