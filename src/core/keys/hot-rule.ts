/**
 * When a shard is hot by its share of the load: the rule `kds keys analyze` applies, and `kds size
 * kinesis://NAME` applies to CloudWatch's shard-level metrics.
 */
import { wilsonInterval } from './confidence.js';

/** A shard is hot at this multiple of its fair share (its share of the hash space), unless --hot-ratio says otherwise. */
export const DEFAULT_HOT_RATIO = 1.5;

/**
 * Below this many records per shard (on average), shares are too uncertain to call a shard hot by
 * its share alone. Why 50: with 50 records expected on a shard, a perfectly balanced stream puts
 * 1.5 times that (the default hot ratio) or more on it by chance with a probability of about 1 in
 * 1,700 (the tail of a Poisson count of mean 50 at 75); with 10 records expected it happens about
 * 1 time in 12, too often to trust.
 */
export const MIN_RECORDS_PER_SHARD = 50;

/** Fewer than MIN_RECORDS_PER_SHARD records per shard on average: shares alone cannot be trusted. */
export function smallSample(totalRecords: number, shards: number): boolean {
  return totalRecords / shards < MIN_RECORDS_PER_SHARD;
}

/**
 * A shard whose share of the load is at least hotRatio times its share of the hash space (its
 * hotness, share / hashShare, is at least hotRatio) is hot; with fewer than MIN_RECORDS_PER_SHARD
 * records per shard on average, only when even the low end of the 95% interval on its share
 * clears that line.
 */
export function hotByShare(
  share: number,
  hashShare: number,
  hotRatio: number,
  sample: { readonly totalRecords: number; readonly shards: number },
): boolean {
  if (!(share > 0) || share / hashShare < hotRatio) return false;
  if (!smallSample(sample.totalRecords, sample.shards)) return true;
  return wilsonInterval(share * sample.totalRecords, sample.totalRecords).low >= hotRatio * hashShare;
}
