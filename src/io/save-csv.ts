/**
 * --save: the records of a live read as CSV that `kds keys analyze FILE` reads back to the same
 * report. Columns: partition_key, bytes (data bytes), timestamp (arrival, ISO 8601 UTC with
 * milliseconds), explicit_hash_key, shard_id (the open shard the record is counted on),
 * kpl_aggregated (1 for a user record taken out of a KPL aggregate, so that the read-back report
 * says why such a record was read from another shard than its key routes to).
 *
 * The file is created new (an existing file is never overwritten) and written in large blocks.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { SAVED_COLUMNS } from '../core/keys/columns.js';
import type { KeyRecord } from '../core/keys/record.js';
import { InputError } from '../errors.js';
import { echoValue } from '../render/escape.js';

export const SAVE_HEADER = SAVED_COLUMNS.join(',');
const FLUSH_AT = 1 << 20;

/**
 * A CSV field, quoted when it holds a comma, a quote, a line break or a tab (a quoted tab keeps
 * the read back from taking the file for TSV).
 */
export function csvField(text: string): string {
  return /[",\r\n\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(r: KeyRecord): string {
  const time = Number.isFinite(r.time) ? new Date(Math.round(r.time * 1000)).toISOString() : '';
  return `${csvField(r.key)},${r.dataBytes},${time},${r.explicitHashKey ?? ''},${csvField(r.shardId ?? '')},${r.aggregated === true ? '1' : ''}\n`;
}

/** Writes bytes at the file's position; returns how many it wrote (node:fs writeSync). */
export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

export class CsvSaver {
  private fd: number;
  private pending: string[] = [];
  private size = 0;
  /** A write failed: the error has been thrown once, and nothing more is written. */
  private failed = false;
  rows = 0;

  constructor(
    readonly path: string,
    readonly shown: string,
    private readonly writeBytes: WriteBytes = writeSync,
  ) {
    try {
      this.fd = openSync(path, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new InputError(`--save ${echoValue(shown)} already exists: choose a new file name (kds never overwrites one).`);
      throw new InputError(`--save ${echoValue(shown)} cannot be created (${code ?? (error as Error).message}).`);
    }
    this.push(`${SAVE_HEADER}\n`);
  }

  write(records: readonly KeyRecord[]): void {
    for (const r of records) this.push(csvLine(r));
    this.rows += records.length;
  }

  private push(text: string): void {
    if (this.failed) return;
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  /** Writes what is buffered; a failed write (a full disk) is an input error that names the file. */
  flush(): void {
    if (this.failed || this.pending.length === 0 || this.fd < 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.size = 0;
    try {
      for (let done = 0; done < bytes.length; ) done += this.writeBytes(this.fd, bytes, done, bytes.length - done);
    } catch (error) {
      this.failed = true;
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new InputError(`--save ${echoValue(this.shown)}: cannot write (${code}); the file holds only the rows written before.`);
    }
  }

  /** Writes what is left and closes the file; a failed write throws (once). */
  close(): void {
    if (this.fd < 0) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = -1;
    }
  }

  /**
   * Closes the file while another error is on its way: what is buffered is still written when it
   * can be, and a failed write does not replace that error.
   */
  abandon(): void {
    try {
      this.close();
    } catch {
      // The error in flight is the one to report.
    }
  }
}
