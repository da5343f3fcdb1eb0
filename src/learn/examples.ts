/**
 * Live worked examples for lessons: each directive runs the same calculator as the command it
 * names, so a lesson's numbers can never drift from the tool's.
 */
import { CommanderError } from 'commander';
import { PRICE_REGION, PRICES } from '../core/facts.js';
import type { Directive } from '../core/learn/lesson.js';
import { sizeStream } from '../core/size/size.js';
import { SIZE_OPTIONS, toSizeInput, type SizeFlags } from '../commands/size/options.js';
import { InputError, UsageError } from '../errors.js';
import { parseOptionArgs } from '../options/define.js';
import { formatUsd, plural } from '../render/format.js';
import { CONSTRAINT_LABELS, explainBinding } from '../render/size-text.js';

const MODE_NAMES = {
  provisioned: 'provisioned',
  'on-demand-standard': 'On-demand Standard',
  'on-demand-advantage': 'On-demand Advantage',
} as const;

function sizeFlags(directive: Directive): SizeFlags {
  try {
    return parseOptionArgs<SizeFlags>(SIZE_OPTIONS, directive.args);
  } catch (error) {
    const message = error instanceof CommanderError || error instanceof UsageError ? error.message : String(error);
    throw new InputError(`${directive.raw}: ${message.replace(/^error: /, '')}`);
  }
}

function sizeExample(directive: Directive): string[] {
  const result = sizeStream(toSizeInput(sizeFlags(directive)));
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
  const result = sizeStream(toSizeInput(sizeFlags(directive)));
  const modes = result.cost.modes.map((m) => {
    const name = m.mode === 'provisioned' ? `${MODE_NAMES[m.mode]} (${plural(result.recommendedShards, 'shard')})` : MODE_NAMES[m.mode];
    return `${name} ${formatUsd(m.totalUsd)}`;
  });
  return [
    `A month of it: ${modes.join(', ')}.`,
    `(${PRICE_REGION} list prices as of ${PRICES.provisioned.shardHour.asOf}, ${result.cost.hoursPerMonth} hours.)`,
  ];
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
    case 'shard':
    case 'recommend':
      throw new InputError(`${directive.raw}: this example is not available yet`);
  }
}
