/** The workload the size tests start from: nothing written, one shared reader, 25% headroom. */
import type { SizeInput } from '../../../src/core/size/input.js';

export const NO_TRAFFIC: SizeInput = {
  dataBytesPerSec: 0,
  keyBytes: 0,
  sharedConsumers: 1,
  efoConsumers: 0,
  headroom: 0.25,
  retentionHours: 24,
  kpl: false,
};

/** NO_TRAFFIC with the fields a test sets. */
export function workload(input: Partial<SizeInput> = {}): SizeInput {
  return { ...NO_TRAFFIC, ...input };
}
