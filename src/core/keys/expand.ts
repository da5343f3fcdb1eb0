/**
 * The one place a record read with its data (get-records output, a live stream) passes on its way
 * to the analysis. KPL aggregates are recognised here by their magic bytes and counted: that count
 * is the evidence behind the report's KPL note. De-aggregation (each user record counted under its
 * own key) plugs in here too; until then an aggregate is counted as the one record it is.
 */
import { KEYS } from '../facts.js';
import type { KeyRecord } from './record.js';

/** The first four bytes of a KPL aggregate, from the facts module ("F3 89 9A C2"). */
export const KPL_MAGIC = Uint8Array.from(KEYS.kplMagicBytes.value.split(' ').map((hex) => parseInt(hex, 16)));

export interface ExpandStats {
  /** Records whose data starts with the KPL magic bytes. */
  aggregated: number;
}

export function startsWithKplMagic(data: Uint8Array): boolean {
  if (data.length < KPL_MAGIC.length) return false;
  for (let i = 0; i < KPL_MAGIC.length; i++) if (data[i] !== KPL_MAGIC[i]) return false;
  return true;
}

/** Passes the record (or, once de-aggregation is in, the user records inside it) to `emit`. */
export function expandRecord(record: KeyRecord, data: Uint8Array, stats: ExpandStats, emit: (record: KeyRecord) => void): void {
  if (startsWithKplMagic(data)) stats.aggregated++;
  emit(record);
}
