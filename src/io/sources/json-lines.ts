/** JSON lines: one object per line, the key (and bytes, time, ...) at dotted paths. */
import { Accumulator } from '../../core/keys/accumulate.js';
import { recordOf, resolveFields, type FieldChoice, type FieldPaths } from '../../core/keys/fields.js';
import { RecordFeeder } from '../../core/keys/record-feed.js';
import { JsonDocuments } from '../../core/keys/json-document-split.js';
import { LineSplitter } from './lines.js';
import type { ByteInput } from './bytes.js';
import type { ReadRequest, ReadResult } from './source.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** JSON lines, or (objects 'documents') JSON objects run together or spread over lines, as Firehose writes them. */
export async function readJsonLines(input: ByteInput, fields: FieldChoice, objects: 'lines' | 'documents', request: ReadRequest): Promise<ReadResult> {
  const acc = new Accumulator({ map: request.map, maxKeys: request.maxKeys, strict: request.strict });
  let paths: FieldPaths | undefined;
  let feeder: RecordFeeder | undefined;
  let rows = 0;
  const read = (text: string | undefined, line: number) => {
    rows++;
    let value: unknown;
    try {
      if (text === undefined) throw new TypeError('not UTF-8');
      value = JSON.parse(text);
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
    const got = recordOf(value, paths);
    if ('problem' in got) acc.malformed(line, got.problem);
    else feeder!.add(got.record, line, got.count);
  };
  const consumer =
    objects === 'lines'
      ? new LineSplitter((bytes, start, end, line) => {
          let text: string | undefined;
          try {
            text = decoder.decode(bytes.subarray(start, end));
          } catch {
            text = undefined;
          }
          read(text, line);
        })
      : new JsonDocuments('JSON objects', (text, _index, line) => read(text, line));
  const bytesRead = await input.pump(consumer, request.onProgress);
  const columns = Object.fromEntries(Object.entries(paths ?? {}).map(([role, path]) => [role, path.join('.')]));
  return { acc, bytesRead, rows, header: false, columns, hasBytes: paths?.bytes !== undefined, aggregatedRecords: 0 };
}
