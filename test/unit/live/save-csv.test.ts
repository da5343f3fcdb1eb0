import { mkdtempSync, readFileSync, writeSync } from 'node:fs';
import { InputError } from '../../../src/errors.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, CsvSaver, SAVE_HEADER } from '../../../src/io/save-csv.js';

describe('--save CSV', () => {
  it('quotes a key with a comma, a quote, a line break or a tab, and nothing else', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(' ')).toBe(' ');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a\tb')).toBe('"a\tb"');
  });

  it('writes bytes, the arrival time to the millisecond, the explicit hash key, the shard and the KPL mark', () => {
    expect(csvLine({ key: 'k', dataBytes: 12, time: 1_764_000_000.123, explicitHashKey: '42', shardId: 'shardId-000000000001' })).toBe(
      'k,12,2025-11-24T16:00:00.123Z,42,shardId-000000000001,\n',
    );
    expect(csvLine({ key: 'u', dataBytes: 3, time: 1_764_000_000, shardId: 'shardId-000000000000', aggregated: true })).toBe(
      'u,3,2025-11-24T16:00:00.000Z,,shardId-000000000000,1\n',
    );
    expect(csvLine({ key: 'k', dataBytes: 0, time: NaN })).toBe('k,0,,,,\n');
  });

  it('creates a new file with the header and never overwrites one', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kds-save-')), 'out.csv');
    const saver = new CsvSaver(path, 'out.csv');
    saver.write([{ key: 'a', dataBytes: 1, time: 1, shardId: 's' }]);
    saver.close();
    expect(readFileSync(path, 'utf8')).toBe(`${SAVE_HEADER}\na,1,1970-01-01T00:00:01.000Z,,s,\n`);
    expect(() => new CsvSaver(path, 'out.csv')).toThrow(/--save out\.csv already exists/);
  });
});

describe('--save when the disk refuses a write', () => {
  const full = (): number => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  function saver(write = full) {
    return new CsvSaver(join(mkdtempSync(join(tmpdir(), 'kds-save-')), 'out.csv'), 'out.csv', write);
  }

  it('says the file cannot be written, once, as an input error that names it', () => {
    const s = saver();
    s.write([{ key: 'a', dataBytes: 1, time: 1 }]);
    expect(() => s.flush()).toThrow(new InputError('--save out.csv: cannot write (ENOSPC); the file holds only the rows written before.'));
    s.write([{ key: 'b', dataBytes: 1, time: 1 }]);
    expect(() => s.close()).not.toThrow();
  });

  it('does not let a failed write while closing replace the error already on its way', () => {
    const s = saver();
    s.write([{ key: 'a', dataBytes: 1, time: 1 }]);
    expect(() => s.abandon()).not.toThrow();
  });

  it('writes on after a short write until every byte is out', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kds-save-')), 'out.csv');
    const s = new CsvSaver(path, 'out.csv', (fd, bytes, offset, length) => writeSync(fd, bytes, offset, Math.min(length, 7)));
    s.write([{ key: 'a,b', dataBytes: 1, time: 1, shardId: 's' }]);
    s.close();
    expect(readFileSync(path, 'utf8')).toBe(`${SAVE_HEADER}\n"a,b",1,1970-01-01T00:00:01.000Z,,s,\n`);
  });
});
