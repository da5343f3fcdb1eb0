/** The cost part of the kds size report: the table by capacity mode, the break-evens, the on-demand risks. */
import type { ChalkInstance } from 'chalk';
import { ON_DEMAND, SOURCES } from '../core/facts.js';
import type { CostEstimate, ModeCost } from '../core/size/cost.js';
import type { OnDemandRisk } from '../core/size/risks.js';
import type { SizeResult } from '../core/size/size.js';
import { formatInt, formatMibPerSec, formatNumber, formatPercent, formatUsd, plural } from './format.js';
import { approximateCostNote } from './size-text.js';
import { formatSeconds } from './duration.js';
import { renderTable } from './table.js';
import { bullet, wrap } from './text.js';

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
  const title = (m: ModeCost) => (m.mode === 'provisioned' ? `${MODE_TITLES[m.mode]} (${formatInt(shards)})` : MODE_TITLES[m.mode]);
  return renderTable({ head: ['', ...cost.modes.map(title)], rows, align: ['left', 'right', 'right', 'right'] }, color);
}

/** Whose prices, as of when, less any discount: "us-east-1 list prices as of 2026-11-25". */
export function pricesText(result: SizeResult): string {
  const b = result.costBasis;
  const discount = b.discount > 0 ? `, less ${formatPercent(b.discount, 2)}` : '';
  return `${b.pricesRegion} list prices as of ${b.pricesAsOf}${discount}`;
}

/** The heading: whose prices, as of when, less any discount. */
export function costHeading(result: SizeResult): string {
  return `Monthly cost, ${pricesText(result)}, ${result.cost.hoursPerMonth} hours`;
}

function basisNote(result: SizeResult): string {
  const b = result.costBasis;
  if (b.from === 'average') return `Priced for the average of ${formatMibPerSec(b.writeBytesPerSec)} written, not the peak.`;
  return (
    `Priced for the peak of ${formatMibPerSec(b.writeBytesPerSec)}, as if it lasted all month: pass --average-mbps ` +
    `or --average-records for the long-run average.`
  );
}

function breakEvenNote(result: SizeResult): string {
  const below = result.breakEven.onDemandCheaperBelowBytesPerSec;
  const shards = plural(result.recommendedShards, 'provisioned shard');
  const average = result.costBasis.writeBytesPerSec;
  if (below <= 0) return `On-demand Standard is never cheaper than ${shards} here, whatever the average.`;
  if (below >= result.writeBytesPerSec) {
    return `On-demand Standard is cheaper than ${shards} at any average up to the peak.`;
  }
  const now = average < below ? 'on-demand is cheaper' : 'provisioned is cheaper';
  return (
    `With ${shards} for the peak, on-demand is cheaper below an average of ${formatMibPerSec(below)} written ` +
    `(records of this size, these readers); at ${formatMibPerSec(average)}, ${now}.`
  );
}

function advantageNote(result: SizeResult): string {
  const cost = result.cost;
  const above = result.breakEven.advantagePaysAboveBytesPerSec;
  const minimum =
    `Advantage is an account-wide setting that bills at least ${formatMibPerSec(ON_DEMAND.advantageMinimumBytesPerSec.value)} ` +
    `in and out per Region (${formatUsd(cost.advantageMinimumUsd)} a month)`;
  if (!Number.isFinite(above)) return `${minimum}.`;
  const aws = formatMibPerSec(ON_DEMAND.advantageCostEffectiveBytesPerSec.value);
  const alone = result.costBasis.writeBytesPerSec >= above ? '; this stream alone is past that' : '';
  return (
    `${minimum}: it pays once the Region's on-demand streams together average about ${formatMibPerSec(above)} written, ` +
    `read like this one (AWS says from about ${aws})${alone}.`
  );
}

export function costNotes(result: SizeResult): string[] {
  const b = result.costBasis;
  const notes = [basisNote(result)];
  if (!b.pricesVerified) {
    notes.push(`kds has no verified ${b.region} prices: these are ${b.pricesRegion} list prices; see ${SOURCES.pricing}.`);
  }
  notes.push(breakEvenNote(result), advantageNote(result), 'Shared reads are free in provisioned mode.');
  if (result.cost.approximate) notes.push(approximateCostNote());
  return notes;
}

/** An on-demand risk in plain words. */
export function riskText(risk: OnDemandRisk): string {
  switch (risk.id) {
    case 'on-demand-start': {
      const start = `A new on-demand stream starts at ${formatMibPerSec(risk.initialBytesPerSec)} and ${formatInt(risk.initialRecordsPerSec)} records/s of writes`;
      if (!risk.exceeded) return `${start}, enough for this peak.`;
      const peak =
        risk.peakBytesPerSec > risk.initialBytesPerSec
          ? formatMibPerSec(risk.peakBytesPerSec)
          : `${formatNumber(risk.peakRecordsPerSec ?? 0)} records/s`;
      return (
        `${start}: a peak of ${peak} throttles until the stream has grown into it. Create it ` +
        `provisioned and switch later, ramp up gradually, or pre-scale it with Advantage warm throughput.`
      );
    }
    case 'on-demand-surge': {
      const days = `${risk.lookbackDays} days`;
      const rule =
        `On demand takes at once up to ${risk.multiplier}x the highest write rate of the previous ${days}; ` +
        `more than that within ${formatSeconds(risk.windowMinutes * 60)} throttles`;
      if (risk.surgeBytesPerSec === undefined) return `${rule}.`;
      if (risk.throttles) {
        const [surge, peak] =
          risk.throttledBy === 'records'
            ? [`${formatNumber(risk.surgeRecordsPerSec ?? 0)} records/s`, `${formatNumber(risk.peakRecordsPerSec ?? 0)} records/s`]
            : [formatMibPerSec(risk.surgeBytesPerSec), formatMibPerSec(risk.peakBytesPerSec)];
        return (
          `${rule}. The surge to ${surge} is more than ${risk.multiplier}x the peak of ` +
          `${peak}, so it throttles unless the stream carried about half of it in the last ${days}.`
        );
      }
      return `${rule}: the surge to ${formatMibPerSec(risk.surgeBytesPerSec)} fits once the stream has carried this peak.`;
    }
    case 'on-demand-hot-key':
      return (
        `Hot keys still throttle: on demand adds shards evenly and never isolates a key, which stays capped at ` +
        `${formatMibPerSec(risk.maxBytesPerSec)} or ${formatInt(risk.maxRecordsPerSec)} records/s.`
      );
  }
}

export function renderCost(result: SizeResult, color: ChalkInstance, width: number): string[] {
  const out = [color.bold(wrap(costHeading(result), width))];
  out.push(costTable(result.cost, result.recommendedShards, color));
  for (const note of costNotes(result)) out.push(bullet(note, width));
  out.push('', color.bold('On-demand risks'));
  for (const risk of result.onDemandRisks) out.push(bullet(riskText(risk), width));
  return out;
}
