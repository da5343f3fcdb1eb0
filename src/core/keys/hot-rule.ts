/**
 * When a shard is hot by its share of the load: the rule `kds keys analyze` applies, and `kds size
 * kinesis://NAME` applies to CloudWatch's shard-level metrics.
 */
import { wilsonInterval } from './confidence.js';

/** A shard is hot at this multiple of its fair share (its share of the hash space), unless --hot-ratio says otherwise. */
export const DEFAULT_HOT_RATIO = 1.5;

/**
 * A shard whose share of the load is at least hotRatio times its share of the hash space is hot;
 * with fewer than minRecordsPerShard records per shard on average, only when even the low end of
 * the 95% interval on its share clears that line.
 */
export function hotByShare(
  share: number,
  hashShare: number,
  hotRatio: number,
  sample: { readonly totalRecords: number; readonly shards: number; readonly minRecordsPerShard: number },
): boolean {
  if (!(share > 0) || share < hotRatio * hashShare) return false;
  if (sample.totalRecords / sample.shards >= sample.minRecordsPerShard) return true;
  return wilsonInterval(share * sample.totalRecords, sample.totalRecords).low >= hotRatio * hashShare;
}
