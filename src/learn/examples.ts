/**
 * Live worked examples for lessons: each directive runs the same calculator as the command it
 * names, so a lesson's numbers can never drift from the tool's.
 */
import { CommanderError } from 'commander';
import { PRICE_REGION, PRICES } from '../core/facts.js';
import type { Directive } from '../core/learn/lesson.js';
import { CANDIDATE_NAMES } from '../core/compare/candidates.js';
import { recommend } from '../core/compare/recommend.js';
import { sizeStream } from '../core/size/size.js';
import { toWorkload, WORKLOAD_OPTIONS, type CompareFlags } from '../commands/compare/options.js';
import { DEFAULT_HEADROOM_PERCENT, SIZE_OPTIONS, toSizeInput, type SizeFlags } from '../commands/size/options.js';
import type { OptionSpec } from '../options/define.js';
import { InputError, UsageError } from '../errors.js';
import { parseOptionArgs } from '../options/define.js';
import { formatUsd, plural } from '../render/format.js';
import { routeKey } from '../core/keys/route.js';
import { uniformShardMap } from '../core/keys/shard-map.js';
import { routeSentences } from '../render/keys-route.js';
import { SHARDS_OPTION } from '../commands/keys/options.js';
import { CONSTRAINT_LABELS, explainBinding } from '../render/size-text.js';

const MODE_NAMES = {
  provisioned: 'provisioned',
  'on-demand-standard': 'On-demand Standard',
  'on-demand-advantage': 'On-demand Advantage',
} as const;

/** Runs a step on a directive's flags; a mistake in the lesson becomes an InputError naming it. */
function fromFlags<F, T>(directive: Directive, specs: readonly OptionSpec[], use: (flags: F) => T, args = directive.args): T {
  try {
    return use(parseOptionArgs<F>(specs, args));
  } catch (error) {
    const message = error instanceof CommanderError || error instanceof UsageError ? error.message : String(error);
    throw new InputError(`${directive.raw}: ${message.replace(/^error: /, '')}`);
  }
}

const sizeOf = (directive: Directive) =>
  fromFlags(directive, SIZE_OPTIONS, (flags: SizeFlags) => sizeStream(toSizeInput(flags)));

function sizeExample(directive: Directive): string[] {
  const result = sizeOf(directive);
  const lines = [
    `Minimum ${plural(result.minimumShards, 'shard')}, ${CONSTRAINT_LABELS[result.binding]} bind; ` +
      `recommended ${result.recommendedShards} with ${Math.round(result.input.headroom * 100)}% headroom.`,
    explainBinding(result),
  ];
  const plan = result.reshard;
  if (plan && plan.steps.length > 0) {
    const path = [plan.current, ...plan.steps.map((s) => s.to)].join(' -> ');
    lines.push(`From ${plural(plan.current, 'shard')}: ${path}, ${plural(plan.steps.length, 'update-shard-count call')}.`);
  }
  return lines;
}

function costExample(directive: Directive): string[] {
  const result = sizeOf(directive);
  const modes = result.cost.modes.map((m) => {
    const name = m.mode === 'provisioned' ? `${MODE_NAMES[m.mode]} (${plural(result.recommendedShards, 'shard')})` : MODE_NAMES[m.mode];
    return `${name} ${formatUsd(m.totalUsd)}`;
  });
  return [
    `A month of it: ${modes.join(', ')}.`,
    `(${PRICE_REGION} list prices as of ${PRICES.provisioned.shardHour.asOf}, ${result.cost.hoursPerMonth} hours.)`,
  ];
}

function recommendExample(directive: Directive): string[] {
  const result = fromFlags(directive, WORKLOAD_OPTIONS, (flags: CompareFlags) =>
    recommend(toWorkload(flags), { headroom: DEFAULT_HEADROOM_PERCENT / 100 }),
  );
  const lines: string[] = [];
  if (result.recommendation === undefined) lines.push('Nothing fits every requirement as stated.');
  else lines.push(`Recommendation: ${CANDIDATE_NAMES[result.recommendation]} (${result.recommendation}).`);
  lines.push(...result.reasons.slice(0, 2));
  if (result.eliminated.length > 0) lines.push(`Ruled out: ${result.eliminated.map((e) => e.id).join(', ')}.`);
  return lines;
}

/** {{shard KEY --shards N}}: where one partition key lands in a stream of N equal shards, as `kds keys route` says it. */
function shardExample(directive: Directive): string[] {
  const [key, ...flags] = directive.args;
  if (key === undefined || key.startsWith('--')) throw new InputError(`${directive.raw}: name the partition key first`);
  const shards = fromFlags(directive, [SHARDS_OPTION], (f: { shards?: number }) => {
    if (f.shards === undefined) throw new UsageError('--shards N is required');
    return f.shards;
  }, flags);
  const map = uniformShardMap(shards);
  return routeSentences(routeKey(map, key), map);
}

export interface ExampleText {
  /** The command a learner can run to see the whole answer. */
  readonly command: string;
  readonly lines: readonly string[];
}

/** Evaluates a directive; throws InputError when the lesson wrote it wrong. */
export function evaluateExample(directive: Directive): ExampleText {
  const args = directive.args.join(' ');
  switch (directive.name) {
    case 'size':
      return { command: `kds size ${args}`, lines: sizeExample(directive) };
    case 'cost':
      return { command: `kds size ${args}`, lines: costExample(directive) };
    case 'recommend':
      return { command: `kds compare --recommend ${args}`, lines: recommendExample(directive) };
    case 'shard':
      return { command: `kds keys route ${args}`, lines: shardExample(directive) };
  }
}
