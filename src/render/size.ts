/** kds size output: a report for people and one JSON object for scripts. */
import type { ChalkInstance } from 'chalk';
import { ON_DEMAND, PRICE_REGION, PRICES, RESHARD, SHARD } from '../core/facts.js';
import { awsCommands } from '../core/size/commands.js';
import { CONSTRAINT_ORDER, type Constraint } from '../core/size/constraints.js';
import type { CostEstimate, ModeCost } from '../core/size/cost.js';
import type { SizeResult } from '../core/size/size.js';
import { formatInt, formatMibPerSec, formatNumber, formatPercent, formatUsd, plural } from './format.js';
import { approximateCostNote, CONSTRAINT_LABELS, explainBinding, findingText } from './size-text.js';
import { renderPairs, renderTable } from './table.js';
import { bullet, shellLines, wrap } from './text.js';

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
  const parts = [`${formatMibPerSec(result.writeBytesPerSec)} written`];
  if (result.input.recordsPerSec !== undefined) parts.push(`${formatNumber(result.input.recordsPerSec)} records/s`);
  parts.push(`${plural(result.input.sharedConsumers, 'shared consumer')}`);
  if (result.input.efoConsumers > 0) parts.push(plural(result.input.efoConsumers, 'enhanced fan-out consumer'));
  return `Shards for ${parts.join(', ')}`;
}

function constraintTable(result: SizeResult, color: ChalkInstance): string {
  const rows: string[][] = [];
  for (const id of CONSTRAINT_ORDER) {
    const c = result.constraints.find((x) => x.id === id);
    if (c === undefined) {
      if (result.unchecked.includes(id)) rows.push([`  ${CONSTRAINT_LABELS[id]}`, 'unknown', 'pass --records', '-']);
      continue;
    }
    const binding = c.id === result.binding;
    const kpl = c.id === 'write-records' && result.aggregation ? ' (KPL)' : '';
    const row = [`${binding ? '>' : ' '} ${CONSTRAINT_LABELS[c.id]}${kpl}`, demandText(c), limitText(c), String(c.shards)];
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

const MODE_TITLES: Record<ModeCost['mode'], string> = {
  provisioned: 'Provisioned',
  'on-demand-standard': 'On-demand',
  'on-demand-advantage': 'Advantage',
};

/** Cost rows by purpose; each mode bills a purpose under its own line ids. */
const COST_ROWS: readonly { label: string; ids: readonly string[] }[] = [
  { label: 'capacity', ids: ['shard-hours', 'stream-hours'] },
  { label: 'writes', ids: ['put-payload-units', 'ingest'] },
  { label: 'shared reads', ids: ['retrieval'] },
  { label: 'fan-out reads', ids: ['efo-consumer-shard-hours', 'efo-retrieval'] },
  { label: 'retention', ids: ['extended-retention', 'long-term-retention', 'retention'] },
];

function costTable(cost: CostEstimate, shards: number, color: ChalkInstance): string {
  const cell = (mode: ModeCost, ids: readonly string[]) => {
    const lines = mode.lines.filter((l) => ids.includes(l.id));
    return lines.length === 0 ? '-' : formatUsd(lines.reduce((sum, l) => sum + l.usd, 0));
  };
  const rows = COST_ROWS.map(({ label, ids }) => [label, ...cost.modes.map((m) => cell(m, ids))]).filter((row) =>
    row.slice(1).some((v) => v !== '-'),
  );
  rows.push(['total a month', ...cost.modes.map((m) => color.bold(formatUsd(m.totalUsd)))]);
  const head = ['', ...cost.modes.map((m) => (m.mode === 'provisioned' ? `${MODE_TITLES[m.mode]} (${shards})` : MODE_TITLES[m.mode]))];
  return renderTable({ head, rows, align: ['left', 'right', 'right', 'right'] }, color);
}

function costNotes(cost: CostEstimate): string[] {
  const notes = [
    `Advantage is an account-wide setting that bills at least ${formatMibPerSec(ON_DEMAND.advantageMinimumBytesPerSec.value)} in and out per Region (${formatUsd(cost.advantageMinimumUsd)} a month).`,
    'Shared reads are free in provisioned mode.',
  ];
  if (cost.approximate) notes.push(approximateCostNote());
  return notes;
}

export function renderSize({ result, streamName }: SizeView, color: ChalkInstance, width: number): string {
  const out: string[] = [];
  out.push(color.bold(wrap(headline(result), width)), '');
  out.push(constraintTable(result, color), '');
  out.push(wrap(explainBinding(result), width), '');
  const kpl = kplText(result);
  if (kpl) out.push(wrap(kpl, width), '');

  const headroom = formatPercent(result.input.headroom, 0);
  out.push(
    renderPairs(
      [
        ['Minimum shards', String(result.minimumShards)],
        ['Recommended shards', `${result.recommendedShards}  (with ${headroom} headroom; change it with --headroom)`],
      ],
      color,
    ),
    '',
  );

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

  out.push(
    color.bold(`Monthly cost, ${PRICE_REGION} list prices as of ${PRICES.provisioned.shardHour.asOf}, ${result.cost.hoursPerMonth} hours`),
  );
  out.push(costTable(result.cost, result.recommendedShards, color));
  for (const note of costNotes(result.cost)) out.push(bullet(note, width));
  out.push('');

  out.push(color.bold('Run'));
  for (const c of awsCommands(result, streamName)) out.push(`  # ${c.purpose}`, shellLines(c.command, width));
  return out.join('\n');
}

/** The JSON contract: minimumShards, recommendedShards, binding, constraints[{ id, shards }], and more. */
export function sizeJson({ result, streamName }: SizeView): object {
  return {
    minimumShards: result.minimumShards,
    recommendedShards: result.recommendedShards,
    binding: result.binding,
    explanation: explainBinding(result),
    headroomPercent: result.input.headroom * 100,
    writeBytesPerSec: result.writeBytesPerSec,
    constraints: result.constraints.map((c) => ({
      id: c.id,
      label: CONSTRAINT_LABELS[c.id],
      demand: c.demand,
      unit: c.unit,
      perShard: c.perShard,
      shards: c.shards,
      shardsWithHeadroom: c.shardsWithHeadroom,
      binding: c.id === result.binding,
    })),
    unchecked: result.unchecked,
    shardsWithoutSharedReads: result.shardsWithoutSharedReads,
    kpl: result.aggregation ?? null,
    warnings: result.findings.map((f) => ({ id: f.id, level: f.level, message: findingText(f) })),
    reshard: result.reshard ?? null,
    cost: {
      region: PRICE_REGION,
      pricesAsOf: PRICES.provisioned.shardHour.asOf,
      hoursPerMonth: result.cost.hoursPerMonth,
      approximate: result.cost.approximate,
      advantageMinimumUsd: round2(result.cost.advantageMinimumUsd),
      modes: result.cost.modes.map((m) => ({
        mode: m.mode,
        totalUsd: round2(m.totalUsd),
        lines: m.lines.map((l) => ({ ...l, usd: round2(l.usd) })),
      })),
    },
    commands: awsCommands(result, streamName),
    input: {
      dataBytesPerSec: result.input.dataBytesPerSec,
      recordsPerSec: result.input.recordsPerSec ?? null,
      keyBytes: result.input.keyBytes,
      consumers: result.input.sharedConsumers,
      efoConsumers: result.input.efoConsumers,
      retentionHours: result.input.retentionHours,
      currentShards: result.input.currentShards ?? null,
      kpl: result.input.kpl,
    },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
