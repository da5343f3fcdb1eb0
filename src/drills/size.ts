/**
 * Size drills: "how many shards at least?" with distractors that are the classic mistakes, each
 * computed by the same calculator with the mistake made on purpose.
 */
import { SHARD, STREAM } from '../core/facts.js';
import { toSizeInput as sizeFlagsInput } from '../commands/size/options.js';
import type { SizeInput } from '../core/size/input.js';
import { sizeStream } from '../core/size/size.js';
import { explainBinding } from '../render/size-text.js';
import { formatInt, formatMibPerSec, plural } from '../render/format.js';
import { pick, randomInt, type Drill, type DrillOption, type Random } from './types.js';

/** The kds size flags of a drill (a type, not an interface, so that it is a plain record). */
export type SizeDrillInputs = {
  readonly records: number;
  readonly recordSize: number;
  readonly keySize?: number;
  readonly consumers: number;
  readonly efoConsumers?: number;
};

/** The drill's inputs read exactly as `kds size` reads the same flags; a mistake changes one field. */
function toSizeInput(i: SizeDrillInputs, change: Partial<SizeInput> = {}): SizeInput {
  return { ...sizeInputOf(i), ...change };
}

/** What `kds size` makes of a drill's flags (with no headroom: drills ask for the minimum). */
export function sizeInputOf(i: SizeDrillInputs): SizeInput {
  return sizeFlagsInput({
    records: i.records,
    recordSize: i.recordSize,
    ...(i.keySize === undefined ? {} : { keySize: i.keySize }),
    consumers: i.consumers,
    efoConsumers: i.efoConsumers ?? 0,
    headroom: 0,
    retentionHours: STREAM.retentionDefaultHours.value,
    streamName: 'drill',
  });
}

const minimum = (input: SizeInput) => sizeStream(input).minimumShards;

interface Mistake {
  readonly id: string;
  readonly shards: number;
  readonly why: string;
}

/** Every classic mistake that applies to these inputs, with the count it leads to. */
export function sizeMistakes(i: SizeDrillInputs): Mistake[] {
  const right = sizeStream(toSizeInput(i));
  const key = i.keySize ?? 0;
  const mistakes: Mistake[] = [];
  const recordsShards = Math.ceil(i.records / SHARD.writeRecordsPerSec.value);
  // The records limit forgotten: bytes (keys included) and reads only.
  mistakes.push({
    id: 'forgot-records',
    shards: minimum(toSizeInput(i, { recordsPerSec: undefined, dataBytesPerSec: i.records * (i.recordSize + key), keyBytes: 0 })),
    why:
      `This count forgets the ${formatInt(SHARD.writeRecordsPerSec.value)} records/s limit per shard: ` +
      `${formatInt(i.records)} records/s need ${plural(recordsShards, 'shard')} on their own.`,
  });
  if ((i.efoConsumers ?? 0) > 0) {
    mistakes.push({
      id: 'efo-as-shared',
      shards: minimum(toSizeInput(i, { sharedConsumers: i.consumers + (i.efoConsumers ?? 0) })),
      why:
        'This count makes the enhanced fan-out consumers share the 2 MiB/s per shard. They do not: each ' +
        `gets its own ${formatMibPerSec(SHARD.efoReadBytesPerSec.value)} per shard, so they add cost, not shards.`,
    });
  }
  if (key > 0) {
    mistakes.push({
      id: 'ignored-keys',
      shards: minimum(toSizeInput(i, { keyBytes: 0 })),
      why: `This count ignores the ${key}-byte partition keys: Kinesis counts key bytes toward the ${formatMibPerSec(SHARD.writeBytesPerSec.value)} write limit.`,
    });
  }
  if (i.consumers > 0) {
    mistakes.push({
      id: 'ignored-reads',
      shards: minimum(toSizeInput(i, { sharedConsumers: 0 })),
      why:
        `This count sizes for the writes only: ${plural(i.consumers, 'shared consumer')} reading everything share ` +
        `${formatMibPerSec(SHARD.sharedReadBytesPerSec.value)} per shard.`,
    });
  }
  if (i.consumers > 1) {
    mistakes.push({
      id: 'reads-not-shared',
      shards: minimum(toSizeInput(i, { sharedConsumers: 1 })),
      why:
        `This count gives every shared consumer its own ${formatMibPerSec(SHARD.sharedReadBytesPerSec.value)} per shard. ` +
        'Without enhanced fan-out they split that throughput between them.',
    });
  }
  const summed = right.constraints.filter((c) => c.id !== 'read-bytes').reduce((sum, c) => sum + c.shards, 0);
  mistakes.push({
    id: 'added-limits',
    shards: Math.max(summed, minimum(toSizeInput(i))),
    why: 'This count adds the bytes shards and the records shards together. Each shard gives both, so the larger one decides.',
  });
  const binding = right.constraints.find((c) => c.id === right.binding);
  if (binding) {
    mistakes.push({
      id: 'rounded-down',
      shards: Math.max(1, Math.floor(binding.demand / binding.perShard)),
      why: 'This count rounds down. A fraction of a shard still needs a whole shard, so always round up.',
    });
  }
  return mistakes;
}

function describe(i: SizeDrillInputs): string {
  const parts = [`${formatInt(i.records)} records/s of ${formatInt(i.recordSize)} bytes`];
  if (i.keySize) parts[0] += ` (plus ${i.keySize}-byte partition keys)`;
  const readers = [plural(i.consumers, 'shared consumer')];
  if (i.efoConsumers) readers.push(plural(i.efoConsumers, 'enhanced fan-out consumer'));
  return `A stream takes ${parts[0]}, read by ${readers.join(' and ')}. How many shards does it need at least?`;
}

function randomInputs(random: Random): SizeDrillInputs {
  return {
    records: randomInt(random, 5, 90) * 100,
    recordSize: pick(random, [100, 200, 250, 400, 500, 700, 900, 1200, 2000, 3000, 5000]),
    ...(random() < 0.35 ? { keySize: pick(random, [16, 32, 36, 64, 128]) } : {}),
    consumers: randomInt(random, 1, 4),
    ...(random() < 0.35 ? { efoConsumers: randomInt(random, 1, 3) } : {}),
  };
}

/** How many distinct wrong counts the classic mistakes give for these inputs. */
function mistakeCount(inputs: SizeDrillInputs, answer: number): number {
  return new Set(sizeMistakes(inputs).map((m) => m.shards).filter((n) => n !== answer)).size;
}

/**
 * Draws workloads until one teaches something: at least two shards, and at least two classic
 * mistakes that give a different count (a bounded number of tries keeps it deterministic).
 */
function teachableInputs(random: Random): SizeDrillInputs {
  let inputs = randomInputs(random);
  for (let tries = 0; tries < 50; tries++) {
    const answer = minimum(toSizeInput(inputs));
    if (answer >= 2 && mistakeCount(inputs, answer) >= 2) break;
    inputs = randomInputs(random);
  }
  return inputs;
}

export function sizeDrill(random: Random, seed: number): Drill {
  const inputs = teachableInputs(random);
  const result = sizeStream(toSizeInput(inputs));
  const answer = result.minimumShards;

  const wrong = new Map<number, string>();
  for (const m of sizeMistakes(inputs)) {
    if (m.shards !== answer && !wrong.has(m.shards) && wrong.size < 3) wrong.set(m.shards, m.why);
  }
  for (const delta of [1, 2, -1, 3, 4]) {
    const n = answer + delta;
    if (wrong.size >= 3) break;
    if (n >= 1 && n !== answer && !wrong.has(n)) {
      wrong.set(n, `Check the arithmetic: the binding limit needs ${plural(answer, 'shard')}, not ${n}.`);
    }
  }
  const options: DrillOption[] = [
    { text: plural(answer, 'shard'), correct: true },
    ...[...wrong].map(([n, why]) => ({ text: plural(n, 'shard'), correct: false, why })),
  ].sort((a, b) => parseInt(a.text.replace(/,/g, ''), 10) - parseInt(b.text.replace(/,/g, ''), 10));

  const flags = [`--records ${inputs.records}`, `--record-size ${inputs.recordSize}`];
  if (inputs.keySize) flags.push(`--key-size ${inputs.keySize}`);
  flags.push(`--consumers ${inputs.consumers}`);
  if (inputs.efoConsumers) flags.push(`--efo-consumers ${inputs.efoConsumers}`);
  return {
    kind: 'size',
    id: `drill-size-${seed}`,
    topic: 'capacity',
    prompt: describe(inputs),
    inputs,
    options,
    explanation: explainBinding(result),
    try: `kds size ${flags.join(' ')}`,
  };
}
