/**
 * What a Kinesis recommendation needs next: whether enhanced fan-out is needed, and the shard
 * sizing from the kds size calculator for the same throughput.
 */
import { KDS_COMPARED, SHARD, STREAM } from '../facts.js';
import type { SizeInput } from '../size/input.js';
import { sizeStream, type SizeResult } from '../size/size.js';
import { MIB } from '../units.js';
import { consumerCount, type Workload } from './workload.js';
import { millis, num, rate } from './words.js';

export interface EfoAdvice {
  readonly needed: boolean;
  readonly reason: string;
}

export interface KinesisSizing {
  readonly input: SizeInput;
  readonly result: SizeResult;
  /** The kds size command that gives the same answer, with costs. */
  readonly command: string;
}

export interface KinesisAdvice {
  readonly efo: EfoAdvice;
  /** Undefined when the workload gives no byte rate (--mbps). */
  readonly sizing?: KinesisSizing | undefined;
}

export function efoAdvice(w: Workload): EfoAdvice {
  const n = consumerCount(w);
  const budget = w.latencyMs;
  const calls = SHARD.getRecordsCallsPerSec.value;
  const efoMs = KDS_COMPARED.efoLatencyMs.value;
  if (w.perMessageAck) {
    return {
      needed: false,
      reason: 'Readers that acknowledge each record use Kinesis queues, which are not enhanced fan-out consumers; AWS publishes no latency figure for them.',
    };
  }
  if (budget !== undefined && budget < KDS_COMPARED.sharedLatencyOneConsumerMs.value) {
    return {
      needed: true,
      reason: `A ${millis(budget)} budget needs enhanced fan-out (about ${num(efoMs)} ms); shared reads average about ${num(KDS_COMPARED.sharedLatencyOneConsumerMs.value)} ms with one reader.`,
    };
  }
  if (n > calls) {
    return {
      needed: true,
      reason: `${num(n)} shared readers would split ${num(calls)} GetRecords calls per shard per second; with enhanced fan-out each gets its own ${rate(SHARD.efoReadBytesPerSec.value)} per shard.`,
    };
  }
  if (n >= 2 && budget !== undefined && budget < KDS_COMPARED.sharedLatencyFiveConsumersMs.value) {
    return {
      needed: true,
      reason: `Shared reads slow down as readers are added (about ${num(KDS_COMPARED.sharedLatencyFiveConsumersMs.value / 1000)} s with five); enhanced fan-out keeps ${num(n)} readers at about ${num(efoMs)} ms, within ${millis(budget)}.`,
    };
  }
  if (n >= 2) {
    return {
      needed: false,
      reason:
        `${num(n)} readers can share each shard's ${rate(SHARD.sharedReadBytesPerSec.value)} of reads (the sizing counts them); ` +
        `enhanced fan-out would give each its own, and AWS recommends it when more than one application reads an on-demand stream.`,
    };
  }
  return { needed: false, reason: `One reader gets each shard's ${rate(SHARD.sharedReadBytesPerSec.value)} of shared reads to itself.` };
}

/** The kds size input for this workload: its throughput, readers and replay window. */
export function sizingInput(w: Workload, efo: EfoAdvice, headroom: number): SizeInput | undefined {
  if (w.mbps === undefined) return undefined;
  const n = consumerCount(w);
  const hours = w.replayDays === undefined ? STREAM.retentionDefaultHours.value : w.replayDays * 24;
  return {
    dataBytesPerSec: w.mbps * MIB,
    recordsPerSec: w.messagesPerSec,
    keyBytes: 0,
    sharedConsumers: efo.needed ? 0 : n,
    efoConsumers: efo.needed ? n : 0,
    headroom,
    retentionHours: Math.min(STREAM.retentionMaxHours.value, Math.max(STREAM.retentionDefaultHours.value, Math.ceil(hours))),
    currentShards: undefined,
    kpl: false,
  };
}

function sizeCommand(mbps: number, input: SizeInput): string {
  const parts = ['kds size', `--mbps ${String(mbps)}`];
  if (input.recordsPerSec !== undefined) parts.push(`--records ${String(input.recordsPerSec)}`);
  parts.push(`--consumers ${input.sharedConsumers}`);
  if (input.efoConsumers > 0) parts.push(`--efo-consumers ${input.efoConsumers}`);
  if (input.retentionHours !== STREAM.retentionDefaultHours.value) parts.push(`--retention-hours ${input.retentionHours}`);
  return parts.join(' ');
}

export function kinesisAdvice(w: Workload, headroom: number): KinesisAdvice {
  const efo = efoAdvice(w);
  const input = sizingInput(w, efo, headroom);
  if (input === undefined || w.mbps === undefined) return { efo };
  return { efo, sizing: { input, result: sizeStream(input), command: sizeCommand(w.mbps, input) } };
}
