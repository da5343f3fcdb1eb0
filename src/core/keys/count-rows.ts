/**
 * The hot loop: reads delimited rows and counts them in one pass, with no call per row.
 *
 * It handles the common row (no quotes; the key, whole-number bytes and count, a timestamp in the
 * second of the previous row or differing from it only in its seconds digits) of the common input
 * (routing by the key's MD5: no explicit hash keys, no observed shards), and finds a known key in
 * the table inline; a row with a key seen for the first time is counted by Accumulator.row, which
 * adds the key. Anything else (another timestamp, a blank line, a quote, a field it cannot read)
 * stops the loop at that row: the scanner's general path reads it, counts it through
 * Accumulator.row (and reports any problem), then calls again. The counts are exactly those of
 * Accumulator.row for every row (a property test holds the two to it).
 *
 * Everything the loop does not do inline is a way out of it, not a call: a compiler optimizes a
 * loop for the paths it has seen taken, and a rare path taken later would throw that work away.
 */
import type { Accumulator } from './accumulate.js';
import { Fnv, KeyBytes, Rec, RecordShift } from './key-table.js';
import { Role, type Scanner } from './scan.js';

/** Int32Array words are in the platform's byte order; DataView reads must match it. */
const LITTLE = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Bytes the loop looks for (a const enum, like Rec and Role: no constant is read from memory in the loop). */
const enum Byte {
  LF = 0x0a,
  CR = 0x0d,
  Quote = 0x22,
}

export function countRows(acc: Accumulator, sc: Scanner, bytes: Uint8Array, start: number, end: number): number {
  const roles = sc.roles;
  const need = sc.need;
  const delim = sc.delimiter;
  const shardRecords = acc.shardRecords;
  const shardBytes = acc.shardBytes;
  const perSecond = acc.perSecond;
  // The last timestamp read, and which of its digits may differ within its second.
  const lastTime = sc.lastTime;
  const lastView = sc.lastTimeView;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const timeLength = sc.lastTimeLength;
  const digitsFrom = sc.timeDigitsFrom;
  const digitsTo = sc.timeDigitsTo;
  // The second of the last row counted, and its counts when buckets are dense. The loop starts
  // only when it is the second of the last timestamp read, and keeps the two together.
  let bucketSecond = perSecond === undefined ? NaN : perSecond.currentSecond;
  if (perSecond !== undefined && sc.lastSecond !== bucketSecond) return start;
  let bucket = perSecond?.currentValues();
  // What this call adds to the totals. They start as -0 (adding it changes nothing) so that the
  // compiler sees non-integers here from the start and does not specialise these sums for small
  // integers, which they soon outgrow.
  let addedRecords = -0;
  let addedBytes = -0;
  let line = sc.line;
  let rows = sc.rows;
  let p = start;
  // A new key leaves the inner loop (the table may change): the accumulator adds it and counts its
  // row, and the loop starts again with the table's arrays as they are then.
  let newKey = false;
  let ks = 0;
  let ke = 0;
  let h = 0;
  let dataBytes = 0;
  let count = 1;
  let r = 0;
  for (;;) {
    const table = acc.keys;
    const slots = table.slots;
    const mask = table.mask;
    const entryMask = table.entryMask;
    const rec = table.rec;
    const num = table.num;
    const arena = table.arena;
    const recBytes = table.recBytes;
    const arenaView = table.arenaView;
    newKey = false;
    scan: while (p < end) {
      const first = bytes[p];
      if (first === Byte.LF || first === Byte.CR) break;
      r = p;
      let field = 0;
      h = Fnv.Offset;
      ks = 0;
      ke = 0;
      dataBytes = 0;
      count = 1;
      // The key's first slot and, when that slot may be the key's, its record's FNV-1a (-1: not read).
      let firstSlot = 0;
      let firstHash = -1;
      let rowSecond = bucketSecond;
      for (;;) {
        if (r >= end || bytes[r] === Byte.Quote) break scan;
        const role = field < need ? roles[field]! : 0;
        const fs = r;
        if (role === Role.Key) {
          for (; r < end; r++) {
            const b = bytes[r]!;
            if (b === delim || b === Byte.LF) break;
            h = Math.imul(h ^ b, Fnv.Prime);
          }
          ks = fs;
          ke = r;
          // A key ending a CRLF line: the general path drops the CR.
          if (r < end && r > fs && bytes[r - 1] === Byte.CR) break scan;
          // Start reading the key's slot and (when the slot's high bits match h) record now: the
          // processor fetches them from memory while it reads the rest of the row.
          firstSlot = slots[h & mask]!;
          firstHash = firstSlot === 0 || ((firstSlot ^ h) & ~entryMask) !== 0 ? -1 : rec[(((firstSlot & entryMask) - 1) << RecordShift.Words) | Rec.Fnv]!;
        } else if (role === Role.Bytes || role === Role.Count) {
          let v = 0;
          for (; r < end; r++) {
            const d = bytes[r]! - 0x30;
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
          }
          if (r === fs || r - fs > 15) break scan;
          if (role === Role.Bytes) dataBytes = v;
          else count = v;
        } else if (role === Role.Time) {
          // A timestamp of the last one's length, in its second or in a later one that differs only
          // in its seconds digits: the general path reads the others.
          r = fs + timeLength;
          if (timeLength <= 0 || r >= end) break scan;
          const d = bytes[r];
          if (d !== delim && d !== Byte.LF && d !== Byte.CR) break scan;
          read: {
            differs: {
              let k = 0;
              for (; k + 4 <= digitsFrom; k += 4) if (view.getInt32(fs + k, true) !== lastView.getInt32(k, true)) break differs;
              for (; k < digitsFrom; k++) if (bytes[fs + k] !== lastTime[k]) break differs;
              for (let k = digitsFrom; k < digitsTo; k++) {
                const digit = bytes[fs + k]! - 0x30;
                if (digit < 0 || digit > 9) break scan;
              }
              for (let k = digitsTo; k < timeLength; k++) if (bytes[fs + k] !== lastTime[k]) break differs;
              break read;
            }
            // The scanner's last timestamp becomes this one (so the general path, should it read
            // this row after all, finds it in the same second).
            rowSecond = sc.nextSecond(bytes, fs);
            if (rowSecond !== rowSecond) break scan;
          }
        } else if (field + 1 >= need) {
          // Past the last column read: on to the end of the line (a quote there needs the general path).
          for (; r < end; r++) {
            const b = bytes[r]!;
            if (b === Byte.LF) break;
            if (b === Byte.Quote) break scan;
          }
          if (r >= end) break scan;
          field = need - 1;
          break;
        } else {
          for (; r < end; r++) {
            const b = bytes[r]!;
            if (b === delim || b === Byte.LF) break;
          }
        }
        if (r >= end) break scan;
        const b = bytes[r];
        if (b === delim) {
          field++;
          r++;
          continue;
        }
        if (b === Byte.LF) break;
        // A number or a timestamp followed by the CR of a CRLF line; anything else is for the general path.
        if (b === Byte.CR && r + 1 < end && bytes[r + 1] === Byte.LF) {
          r++;
          break;
        }
        break scan;
      }
      if (field + 1 < need || ke === ks) break;

      // Find the key (FNV-1a h) in the table. The row has a key, so its first slot has been read.
      const len = ke - ks;
      let e = -1;
      let i = h & mask;
      let slot = firstSlot;
      let slotHash = firstHash;
      for (;;) {
        if (slot === 0) break;
        // A record is 16 words, so `at | field` is at + field: bit operations need no overflow checks.
        const at = ((slot & entryMask) - 1) << RecordShift.Words;
        // A slot whose high bits differ from h holds another key: no need to read its record.
        if (((slot ^ h) & ~entryMask) === 0 && (slotHash === -1 ? rec[at | Rec.Fnv] : slotHash) === h && rec[at | Rec.Length] === len) {
          // The key's first bytes are in the record: most keys need nothing else.
          const n = len < KeyBytes.InRecord ? len : KeyBytes.InRecord;
          let k = 0;
          while (k + 4 <= n && rec[(at | Rec.Inline) + (k >> 2)] === view.getInt32(ks + k, LITTLE)) k += 4;
          if (k + 4 > n) {
            const inline = at * 4 + Rec.Inline * 4;
            while (k < n && recBytes[inline + k] === bytes[ks + k]) k++;
          }
          if (k === n && n < len) {
            const o = rec[at | Rec.Offset]!;
            while (k + 4 <= len && arenaView.getInt32(o + k, true) === view.getInt32(ks + k, true)) k += 4;
            if (k + 4 > len) while (k < len && arena[o + k] === bytes[ks + k]) k++;
          }
          if (k === len) {
            e = (slot & entryMask) - 1;
            break;
          }
        }
        i = (i + 1) & mask;
        slot = slots[i]!;
        slotHash = -1;
      }
      if (e < 0) {
        newKey = true;
        break;
      }
      line++;
      rows++;
      p = r + 1;
      const recordBytes = dataBytes + len * count;
      const d = e << RecordShift.Doubles;
      num[d] = num[d]! + count;
      num[d | 1] = num[d | 1]! + recordBytes;
      const shard = rec[(e << RecordShift.Words) | Rec.Shard]!;
      shardRecords[shard] = shardRecords[shard]! + count;
      shardBytes[shard] = shardBytes[shard]! + recordBytes;
      addedRecords += count;
      addedBytes += recordBytes;
      if (perSecond !== undefined && rowSecond !== bucketSecond) {
        // A new second: its bucket from now on.
        perSecond.add(rowSecond, shard, count, recordBytes);
        bucketSecond = rowSecond;
        bucket = perSecond.currentValues();
      } else if (bucket !== undefined) {
        bucket[shard * 2] = bucket[shard * 2]! + count;
        bucket[shard * 2 + 1] = bucket[shard * 2 + 1]! + recordBytes;
      } else if (perSecond !== undefined) perSecond.add(bucketSecond, shard, count, recordBytes);
    }
    if (!newKey) break;
    // A new key: the accumulator checks it, hashes it, adds it and counts the row (or reports it malformed).
    acc.row(bytes, ks, ke, h, bytes, -1, -1, dataBytes, count, sc.lastSecond, line, -1);
    line++;
    rows++;
    p = r + 1;
    if (perSecond !== undefined) {
      // The row may have been in a new second, and counted there (or set aside as malformed).
      bucketSecond = perSecond.currentSecond;
      bucket = perSecond.currentValues();
      if (sc.lastSecond !== bucketSecond) break;
    }
  }
  acc.totalRecords += addedRecords;
  acc.totalBytes += addedBytes;
  sc.line = line;
  sc.rows = rows;
  return p;
}
