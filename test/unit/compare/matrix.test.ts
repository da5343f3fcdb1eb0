import { describe, expect, it } from 'vitest';
import { FIREHOSE, SQS, SQS_FIFO, STREAM } from '../../../src/core/facts.js';
import { buildMatrix, missingCells, ROW_IDS, ROWS } from '../../../src/core/compare/matrix.js';
import { DEFAULT_SERVICES, SERVICE_IDS } from '../../../src/core/compare/services.js';
import { bytes, num } from '../../../src/core/compare/words.js';

function cell(row: string, service: string): string {
  const found = ROWS.find((r) => r.id === row);
  if (!found) throw new Error(`no row ${row}`);
  return found.cells[service as keyof typeof found.cells].text;
}

describe('the comparison matrix', () => {
  it('has a cell for every service in every row', () => {
    expect(missingCells()).toEqual([]);
  });

  it('has at least the rows the issue lists', () => {
    for (const id of [
      'data-model', 'ordering', 'delivery-semantics', 'retention', 'replay', 'independent-consumers', 'consumer-model',
      'max-message-size', 'throughput-scaling', 'latency', 'destinations', 'transformation', 'failure-handling',
      'pricing-model', 'typical-use',
    ]) {
      expect(ROW_IDS).toContain(id);
    }
  });

  it.each(ROWS.flatMap((r) => SERVICE_IDS.map((s) => [r.id, s] as const)))('%s / %s has a sentence and an https source', (row, s) => {
    const found = ROWS.find((r) => r.id === row);
    const c = found?.cells[s];
    expect(c?.text).toMatch(/[.)]$/);
    expect(c?.source).toMatch(/^https:\/\/\S+$/);
  });

  it('shows Kinesis, SQS standard, SQS FIFO and Firehose by default', () => {
    expect(DEFAULT_SERVICES).toEqual(['kds', 'sqs-standard', 'sqs-fifo', 'firehose']);
  });

  it('keeps the services and rows in the order asked for', () => {
    const m = buildMatrix(['msk', 'kds'], ['replay', 'retention']);
    expect(m.services).toEqual(['msk', 'kds']);
    expect(m.rows.map((r) => r.id)).toEqual(['replay', 'retention']);
    expect(Object.keys(m.rows[0]?.values ?? {})).toEqual(['msk', 'kds']);
    expect(Object.keys(m.rows[0]?.sources ?? {})).toEqual(['msk', 'kds']);
  });

  describe('corrects outdated cheat-sheet figures, saying what changed and when', () => {
    it.each([
      ['Kinesis records are no longer capped at 1 MB', 'max-message-size', 'kds', [bytes(STREAM.maxRecordBytesLimit.value), '27 Oct 2025']],
      ['SQS messages are 1 MiB, not 256 KB', 'max-message-size', 'sqs-standard', [bytes(SQS.maxMessageBytes.value), '256 KiB', '4 Aug 2025']],
      ['SQS FIFO messages too', 'max-message-size', 'sqs-fifo', ['1 MiB', '256 KiB', '4 Aug 2025']],
      ['Firehose has no 60 s minimum buffering', 'latency', 'firehose', ['0 to 900 s', 'Dec 2023', '"60 s minimum" is outdated']],
      ['FIFO queues go beyond 3,000 messages/s', 'throughput-scaling', 'sqs-fifo', [num(SQS_FIFO.highThroughputTransactionsPerSecond.value), 'Nov 2023']],
      ['Kinesis keeps data a year, not 7 days', 'retention', 'kds', ['365 days', 'Nov 2020']],
    ])('%s', (_what, row, service, fragments) => {
      for (const fragment of fragments) expect(cell(row, service)).toContain(fragment);
    });
  });

  it('takes its numbers from facts.ts', () => {
    expect(cell('max-message-size', 'firehose')).toContain(bytes(FIREHOSE.maxRecordBytes.value));
    expect(cell('max-message-size', 'firehose')).toContain('1,000 KiB');
    expect(cell('retention', 'sqs-standard')).toContain('14 days');
    expect(cell('independent-consumers', 'kds')).toContain(`up to ${num(STREAM.efoConsumersPerStream.value)} per stream`);
    expect(cell('independent-consumers', 'kds')).toContain(`${num(STREAM.efoConsumersPerStreamAdvantage.value)} with On-demand Advantage`);
  });
});
