/** The questions kds size asks in a terminal when no throughput flag was given. */
import { PRICE_REGION, REGION_CODES, REGION_NAMES, REGION_PRICES } from '../../core/facts.js';
import type { Prompter } from '../../io/prompter.js';
import type { NumberOptionSpec } from '../../options/define.js';
import { parseNumberAnswer } from '../../options/number.js';
import { SIZE_OPTIONS, type SizeFlags } from './options.js';

function spec(name: string): NumberOptionSpec {
  const found = SIZE_OPTIONS.find((o) => o.name === name);
  if (found?.type !== 'number') throw new Error(`no numeric option ${name}`);
  return found;
}

/** A check beyond the flag's own rule: returns true, or what is wrong with the value. */
type Check = (value: number) => true | string;

/** Asks for one flag's value, validated by the same rule as the flag itself (and `check`, if given). */
async function askNumber(prompter: Prompter, name: string, message: string, fallback?: number, check?: Check): Promise<number> {
  const { rule } = spec(name);
  const validate = (raw: string): true | string => {
    try {
      return check?.(parseNumberAnswer(`--${name}`, raw, rule)) ?? true;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const answer = await prompter.input(message, {
    ...(fallback === undefined ? {} : { default: String(fallback) }),
    validate,
  });
  return parseNumberAnswer(`--${name}`, answer, rule);
}

/** Like askNumber, but an empty answer skips the question. */
async function askOptional(prompter: Prompter, name: string, message: string, check?: Check): Promise<number | undefined> {
  const { rule } = spec(name);
  const validate = (raw: string): true | string => {
    if (raw.trim() === '') return true;
    try {
      return check?.(parseNumberAnswer(`--${name}`, raw, rule)) ?? true;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const answer = await prompter.input(message, { validate });
  return answer.trim() === '' ? undefined : parseNumberAnswer(`--${name}`, answer, rule);
}

type Unit = 'mbps' | 'records';

/** Average, surge, consumer speed and lag budget: each skipped when its flag was given. */
async function askTraffic(prompter: Prompter, flags: SizeFlags, unit: Unit): Promise<Partial<SizeFlags>> {
  const asked: { -readonly [K in keyof SizeFlags]?: SizeFlags[K] } = {};
  const inUnit = unit === 'mbps' ? 'MiB/s' : 'records per second';
  const peak = (unit === 'mbps' ? flags.mbps : flags.records) ?? 0;
  const notAbove: Check = (v) => v <= peak || `The average cannot be above the peak of ${peak}.`;
  const notBelow: Check = (v) => v >= peak || `A surge is above the peak of ${peak}.`;
  if (flags.averageMbps === undefined && flags.averageRecords === undefined) {
    const average = await askOptional(prompter, `average-${unit}`, `Long-run average, ${inUnit} (Enter: the peak):`, notAbove);
    if (average !== undefined) asked[unit === 'mbps' ? 'averageMbps' : 'averageRecords'] = average;
  }
  let surge = flags.surgeSeconds !== undefined;
  if (!surge && flags.surgeMbps === undefined && flags.surgeRecords === undefined) {
    surge = await prompter.confirm('Does the traffic surge above the peak for short bursts?', { default: false });
    if (surge) {
      asked[unit === 'mbps' ? 'surgeMbps' : 'surgeRecords'] = await askNumber(prompter, `surge-${unit}`, `Surge, ${inUnit}:`, undefined, notBelow);
      asked.surgeSeconds = await askNumber(prompter, 'surge-seconds', 'How long a surge lasts, seconds:');
    }
  }
  const readers = (flags.consumers ?? 0) + (flags.efoConsumers ?? 0);
  if (unit === 'records' && readers > 0 && flags.consumerSpeed === undefined) {
    const speed = await askOptional(
      prompter,
      'consumer-speed',
      'Records per second the slowest consumer processes from one shard (Enter: skip):',
    );
    if (speed !== undefined) asked.consumerSpeed = speed;
  }
  if (surge && readers > 0 && flags.maxLagSeconds === undefined) {
    const lag = await askOptional(prompter, 'max-lag-seconds', 'Lag budget: seconds to catch up after a surge (Enter: none):');
    if (lag !== undefined) asked.maxLagSeconds = lag;
  }
  return asked;
}

export async function askThroughput(prompter: Prompter, flags: SizeFlags): Promise<SizeFlags> {
  const how = await prompter.select('What do you know about the writes at the peak?', [
    { value: 'mbps', name: 'Bytes per second (MiB/s)', description: 'for example from the IncomingBytes metric' },
    { value: 'records', name: 'Records per second and their average size' },
  ] as const);
  let asked: Partial<SizeFlags>;
  if (how === 'mbps') {
    asked = { mbps: await askNumber(prompter, 'mbps', 'Peak write throughput, MiB/s:') };
  } else {
    asked = {
      records: await askNumber(prompter, 'records', 'Peak records per second:'),
      recordSize: await askNumber(prompter, 'record-size', 'Average record size, bytes:'),
    };
  }
  const consumers = await askNumber(prompter, 'consumers', 'Applications reading with shared throughput (GetRecords):', flags.consumers);
  const efoConsumers = await askNumber(prompter, 'efo-consumers', 'Enhanced fan-out consumers:', flags.efoConsumers);
  const traffic = await askTraffic(prompter, { ...flags, ...asked, consumers, efoConsumers }, how);
  const region = await prompter.select(
    'Region for prices:',
    REGION_CODES.map((code) => ({
      value: code,
      name: `${code}  ${REGION_NAMES[code]}${REGION_PRICES[code].value === null ? ' (us-east-1 prices)' : ''}`,
    })),
    { default: flags.region ?? PRICE_REGION },
  );
  return { ...flags, ...asked, consumers, efoConsumers, ...traffic, region };
}

/** The flags that reproduce an interactive run, so the learner can script it next time. */
export function equivalentCommand(flags: SizeFlags): string {
  const parts = ['kds size'];
  const add = (flag: string, value: number | string | undefined) => {
    if (value !== undefined) parts.push(`--${flag} ${value}`);
  };
  add('mbps', flags.mbps);
  add('records', flags.records);
  add('record-size', flags.recordSize);
  add('average-mbps', flags.averageMbps);
  add('average-records', flags.averageRecords);
  add('surge-mbps', flags.surgeMbps);
  add('surge-records', flags.surgeRecords);
  add('surge-seconds', flags.surgeSeconds);
  parts.push(`--consumers ${flags.consumers}`);
  if (flags.efoConsumers > 0) parts.push(`--efo-consumers ${flags.efoConsumers}`);
  add('consumer-speed', flags.consumerSpeed);
  add('lambda-concurrency-per-shard', flags.lambdaConcurrencyPerShard);
  add('max-lag-seconds', flags.maxLagSeconds);
  if (flags.region !== undefined && flags.region !== PRICE_REGION) parts.push(`--region ${flags.region}`);
  if (flags.discount !== undefined && flags.discount > 0) parts.push(`--discount ${flags.discount}`);
  return parts.join(' ');
}
