/**
 * What a live read says: the line before it reads (what, and roughly how many API calls), the
 * progress line while it reads, the summary above the keys report, and the `live` JSON object.
 */
import type { ChalkInstance } from 'chalk';
import type { ReadResult } from '../core/live/reader.js';
import { isoSecond } from '../core/live/time.js';
import type { LivePlan, LiveView } from '../core/live/view.js';
import { formatMsCompact } from './duration.js';
import { echoValue, safeText } from './escape.js';
import { formatInt, plural } from './format.js';
import { bullet, wrap } from './text.js';

function rate(cps: number): string {
  return `${cps} call${cps === 1 ? '' : 's'}/s per shard`;
}

/** The line printed on stderr before reading. */
export function liveStartLine(plan: LivePlan): string {
  const shards = plan.open + plan.closed;
  const where = `${safeText(plan.stream)} (${safeText(plan.region)})`;
  if (!plan.window.past) {
    const records = Math.ceil(plan.seconds * plan.callsPerSecond) * plan.open;
    return (
      `reading ${plural(plan.open, 'open shard')} of ${where} from now for ${formatMsCompact(plan.seconds * 1000)}: ` +
      `about ${formatInt(plan.open + records)} API calls (${formatInt(plan.open)} GetShardIterator, up to ${formatInt(records)} GetRecords at ${rate(plan.callsPerSecond)}).`
    );
  }
  const mix = plan.closed > 0 ? `, ${formatInt(plan.open)} open and ${formatInt(plan.closed)} closed,` : '';
  return (
    `reading ${plural(shards, 'shard')} of ${where}${mix} for arrivals ${isoSecond(plan.window.startMs)} to ${isoSecond(plan.window.endMs)}: ` +
    `at least ${formatInt(shards * 2)} API calls (${formatInt(shards)} GetShardIterator, then GetRecords at up to ${rate(plan.callsPerSecond)} until each shard passes the end; busy shards need more).`
  );
}

/** The progress line (without the leading "kds: "). */
export function liveProgressLine(result: Pick<ReadResult, 'stats' | 'window'>, nowMs: number): string {
  const s = result.stats;
  const done = `${formatInt(s.shardsDone)} of ${plural(s.shards, 'shard')} done`;
  const left = result.window.past
    ? `${Math.floor(s.coverage * 100)}% of the window`
    : `${formatMsCompact(Math.max(0, result.window.endMs - nowMs))} left`;
  return `read ${plural(s.userRecords, 'record')}; ${done}, ${left}`;
}

function keyText(key: string): string {
  return JSON.stringify(echoValue(key, 40));
}

/** Warnings about the read itself, for the text report and the JSON. */
export function liveWarnings(view: LiveView): { id: string; message: string }[] {
  const out: { id: string; message: string }[] = [];
  const { stats, corruptExamples } = view.result;
  if (view.plan.window.clipped !== undefined) {
    const why = view.plan.window.clipped === 'retention' ? "is older than the stream's retention" : 'is before the stream was created';
    out.push({ id: 'from-clipped', message: `--from ${safeText(view.plan.fromText)} ${why}: the read starts at the oldest record kept, ${isoSecond(view.plan.window.startMs)}.` });
  }
  if (view.result.stoppedBy === 'interrupt') {
    out.push({ id: 'interrupted', message: 'Stopped with Ctrl+C before the end of the window: the report covers what was read.' });
  } else if (view.result.stoppedBy === 'max-records') {
    out.push({ id: 'max-records', message: `Stopped at --max-records ${formatInt(stats.userRecords)} before the end of the window.` });
  }
  if (stats.corruptAggregates > 0) {
    const e = corruptExamples[0];
    const example = e ? ` The first: key ${keyText(e.key)} on ${safeText(e.shardId)} (sequence ${safeText(e.sequenceNumber)}): ${safeText(e.problem)}.` : '';
    out.push({
      id: 'corrupt-aggregates',
      message: `${plural(stats.corruptAggregates, 'KPL aggregate')} could not be read (the checksum matched but the contents did not parse): each is counted as one record under its own key.${example}`,
    });
  }
  // Records that failed the KPL checksum are noted with the keys report's warnings (render/keys-text.ts).
  if (stats.throttled > 0) {
    out.push({
      id: 'throttled',
      message: `${plural(stats.throttled, 'call')} were throttled and retried after a backoff: the stream's own consumers may have been throttled too. A lower --calls-per-second leaves them more room.`,
    });
  }
  return out;
}

export function renderLiveSummary(view: LiveView, color: ChalkInstance, width: number): string {
  const { plan, result } = view;
  const s = result.stats;
  const w = result.window;
  const how = plan.window.past ? `from ${safeText(plan.fromText)}` : 'from latest';
  const shards = plan.closed > 0 ? `${formatInt(plan.open)} open and ${formatInt(plan.closed)} closed` : `${formatInt(plan.open)} open`;
  const records =
    s.aggregates > 0
      ? `${plural(s.userRecords, 'record')} (${plural(s.kinesisRecords, 'Kinesis record')}; ${plural(s.aggregates, 'KPL aggregate')} de-aggregated)`
      : plural(s.userRecords, 'record');
  const calls = [
    `${formatInt(view.listShardsCalls)} ListShards`,
    `${formatInt(s.getShardIteratorCalls)} GetShardIterator`,
    `${formatInt(s.getRecordsCalls)} GetRecords`,
  ].join(', ');
  // Each line wrapped to the width, its continuation indented under its text.
  const line = (label: string, text: string) => wrap(`${label} ${text}`, width, '', ' '.repeat(label.length + 1));
  const lines = [
    color.bold(wrap(`Read from ${safeText(plan.stream)} (${safeText(plan.region)}${view.endpoint ? ` at ${echoValue(view.endpoint)}` : ''})`, width)),
    line('Window:', `arrivals ${isoSecond(w.startMs)} to ${isoSecond(w.endMs)} (${how}, ${formatMsCompact(w.endMs - w.startMs)})`),
    line('Shards read:', `${shards}${s.fromClosedShards > 0 ? `; ${plural(s.fromClosedShards, 'record')} from closed shards counted on today's open ones` : ''}`),
    line('Records:', records),
    line('API calls:', `${calls}${s.throttled > 0 ? `; ${formatInt(s.throttled)} throttled and retried` : ''}`),
  ];
  if (view.saved) {
    lines.push(wrap(`Saved: ${plural(view.saved.rows, 'record')} to ${echoValue(view.saved.path)} (kds keys analyze ${echoValue(view.saved.path)} reads them back)`, width));
  }
  const warnings = liveWarnings(view);
  if (warnings.length > 0) lines.push(...warnings.map((x) => bullet(x.message, width, color.yellow('!'))));
  return `${lines.join('\n')}\n`;
}

export function liveJson(view: LiveView): object {
  const { plan, result } = view;
  const s = result.stats;
  return {
    stream: plan.stream,
    region: plan.region,
    endpoint: view.endpoint ?? null,
    window: {
      from: plan.fromText,
      iterator: result.window.iterator,
      start: new Date(result.window.startMs).toISOString(),
      end: new Date(result.window.endMs).toISOString(),
      // The seconds read: a window in the past is cut at now, so this can be less than --seconds.
      seconds: (result.window.endMs - result.window.startMs) / 1000,
      clipped: plan.window.clipped ?? null,
    },
    stoppedBy: result.stoppedBy,
    shardsRead: { open: plan.open, closed: plan.closed },
    calls: {
      listShards: view.listShardsCalls,
      getShardIterator: s.getShardIteratorCalls,
      getRecords: s.getRecordsCalls,
      throttled: s.throttled,
      expiredIterators: s.expiredIterators,
      callsPerSecondPerShard: plan.callsPerSecond,
    },
    records: {
      kinesisRecords: s.kinesisRecords,
      userRecords: s.userRecords,
      dataBytes: s.dataBytes,
      kplAggregates: s.aggregates,
      corruptAggregates: s.corruptAggregates,
      corruptExamples: result.corruptExamples,
      checksumMismatches: s.checksumMismatches,
      fromClosedShards: s.fromClosedShards,
      beforeWindow: s.beforeWindow,
    },
    saved: view.saved ?? null,
    warnings: liveWarnings(view),
  };
}
