/** kds size output: a report for people and one JSON object for scripts. */
import type { ChalkInstance } from 'chalk';
import { RESHARD, SHARD } from '../core/facts.js';
import { awsCommands } from '../core/size/commands.js';
import { CONSTRAINT_ORDER, type Constraint, type ConstraintId } from '../core/size/constraints.js';
import { effectiveSurge, rateBytesPerSec } from '../core/size/input.js';
import type { SizeResult } from '../core/size/size.js';
import { formatInt, formatMibPerSec, formatNumber, formatPercent, plural } from './format.js';
import { renderCost } from './size-cost.js';
import { CONSTRAINT_LABELS, explainBinding, findingText } from './size-text.js';
import { formatSeconds } from './duration.js';
import { backlogText, lambdaText } from './size-traffic-text.js';
import { renderPairs, renderTable } from './table.js';
import { bullet, shellLines, wrap } from './text.js';

export { sizeJson } from './size-json.js';

export interface SizeView {
  readonly result: SizeResult;
  readonly streamName: string;
}

function demandText(c: Constraint): string {
  return c.unit === 'bytes/s' ? formatMibPerSec(c.demand) : `${formatNumber(c.demand)} rec/s`;
}

function limitText(c: Constraint): string {
  return c.unit === 'bytes/s' ? formatMibPerSec(c.perShard) : `${formatInt(c.perShard)} rec/s`;
}

function headline(result: SizeResult): string {
  const input = result.input;
  const parts = [`${formatMibPerSec(result.writeBytesPerSec)} written`];
  if (input.recordsPerSec !== undefined) parts.push(`${formatNumber(input.recordsPerSec)} records/s`);
  const surge = effectiveSurge(input);
  if (surge !== undefined) {
    const rate = surge.recordsPerSec !== undefined && input.recordsPerSec !== undefined
      ? `${formatNumber(surge.recordsPerSec)} records/s`
      : formatMibPerSec(rateBytesPerSec(surge, input.keyBytes));
    parts.push(`surges to ${rate} for ${formatSeconds(surge.seconds)}`);
  }
  parts.push(`${plural(input.sharedConsumers, 'shared consumer')}`);
  if (input.efoConsumers > 0) parts.push(plural(input.efoConsumers, 'enhanced fan-out consumer'));
  return `Shards for ${parts.join(', ')}`;
}

/** What to pass to check a term that could not be worked out. */
const MISSING: Partial<Record<ConstraintId, string>> = {
  'write-records': 'pass --records',
  'surge-records': 'pass --records',
  'consumer-speed': 'pass --records',
  'lag-records': 'pass --records',
};

function constraintTable(result: SizeResult, color: ChalkInstance): string {
  const rows: string[][] = [];
  for (const id of CONSTRAINT_ORDER) {
    const c = result.constraints.find((x) => x.id === id);
    if (c === undefined) {
      if (result.unchecked.includes(id)) rows.push([`  ${CONSTRAINT_LABELS[id]}`, 'unknown', MISSING[id] ?? '-', '-']);
      continue;
    }
    const binding = c.id === result.binding;
    const kpl = (c.id === 'write-records' || c.id === 'surge-records') && result.input.kpl ? ' (KPL)' : '';
    const row = [`${binding ? '>' : ' '} ${CONSTRAINT_LABELS[c.id]}${kpl}`, demandText(c), limitText(c), formatInt(c.shards)];
    rows.push(binding ? row.map((cell) => color.bold(cell)) : row);
  }
  if (result.input.efoConsumers > 0) {
    rows.push(['  fan-out reads', 'dedicated', `${formatMibPerSec(SHARD.efoReadBytesPerSec.value)} each`, '0']);
  }
  return renderTable(
    { head: ['  Limit', 'Demand', 'Per shard', 'Shards'], rows, align: ['left', 'right', 'right', 'right'] },
    color,
  );
}

function kplText(result: SizeResult): string | undefined {
  const a = result.aggregation;
  if (a === undefined || result.input.recordsPerSec === undefined) return undefined;
  return (
    `KPL aggregation packs ${formatInt(a.userRecordsPerKinesisRecord)} user records into each Kinesis record: ` +
    `${formatNumber(result.input.recordsPerSec)} records/s become ${formatNumber(a.kinesisRecordsPerSec)} Kinesis records/s ` +
    `against the ${formatInt(SHARD.writeRecordsPerSec.value)} per shard limit. The byte limit is unchanged.`
  );
}

export function renderSize({ result, streamName }: SizeView, color: ChalkInstance, width: number): string {
  const out: string[] = [];
  out.push(color.bold(wrap(headline(result), width)), '');
  out.push(constraintTable(result, color), '');
  out.push(wrap(explainBinding(result), width), '');
  const kpl = kplText(result);
  if (kpl) out.push(wrap(kpl, width), '');
  const lambda = lambdaText(result);
  if (lambda) out.push(wrap(lambda, width), '');

  const headroom = formatPercent(result.input.headroom, 0);
  out.push(
    renderPairs(
      [
        ['Minimum shards', formatInt(result.minimumShards)],
        ['Recommended shards', `${formatInt(result.recommendedShards)}  (with ${headroom} headroom; change it with --headroom)`],
      ],
      color,
    ),
    '',
  );

  const backlog = backlogText(result);
  if (backlog) out.push(color.bold('After the surge'), wrap(backlog, width), '');

  const plan = result.reshard;
  if (plan) {
    out.push(color.bold(`Resharding from ${plural(plan.current, 'shard')}`));
    if (plan.current < result.minimumShards) {
      out.push(wrap(`${plural(plan.current, 'shard')} ${plan.current === 1 ? 'is' : 'are'} too few now: writes or reads over the limit are throttled.`, width));
    }
    if (plan.direction === 'none') out.push('The stream already has the recommended count.');
    else {
      const calls = plural(plan.steps.length, 'update-shard-count call');
      const days = plan.days > 1 ? ` over ${plural(plan.days, 'day')} (at most ${RESHARD.callsPer24h.value} calls a day)` : '';
      out.push(wrap(`${calls}${days}: each call may at most double or halve the count.`, width));
      if (plan.steps.some((s) => !s.quarterMultiple)) {
        out.push(
          wrap(`A target that is not a multiple of ${formatPercent(RESHARD.recommendedTargetStep.value, 0)} of the current count may take longer to apply.`, width),
        );
      }
    }
    out.push('');
  }

  const warnings = result.findings.filter((f) => f.level === 'warning');
  const notes = result.findings.filter((f) => f.level === 'note');
  if (warnings.length > 0) {
    out.push(color.bold('Warnings'));
    for (const f of warnings) out.push(bullet(findingText(f), width, color.yellow('!')));
    out.push('');
  }
  out.push(color.bold('Notes'));
  for (const f of notes) out.push(bullet(findingText(f), width));
  out.push('');

  out.push(...renderCost(result, color, width), '');

  out.push(color.bold('Run'));
  for (const c of awsCommands(result, streamName)) out.push(`  # ${c.purpose}`, shellLines(c.command, width));
  return out.join('\n');
}
