/** The questions kds size asks in a terminal when no throughput flag was given. */
import type { Prompter } from '../../io/prompter.js';
import type { NumberOptionSpec } from '../../options/define.js';
import { parseNumberAnswer } from '../../options/number.js';
import { SIZE_OPTIONS, type SizeFlags } from './options.js';

function spec(name: string): NumberOptionSpec {
  const found = SIZE_OPTIONS.find((o) => o.name === name);
  if (found?.type !== 'number') throw new Error(`no numeric option ${name}`);
  return found;
}

/** Asks for one flag's value, validated by the same rule as the flag itself. */
async function askNumber(prompter: Prompter, name: string, message: string, fallback?: number): Promise<number> {
  const { rule } = spec(name);
  const validate = (raw: string): true | string => {
    try {
      parseNumberAnswer(`--${name}`, raw, rule);
      return true;
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

export async function askThroughput(prompter: Prompter, flags: SizeFlags): Promise<SizeFlags> {
  const how = await prompter.select('What do you know about the writes?', [
    { value: 'mbps', name: 'Bytes per second (MiB/s)', description: 'for example from the IncomingBytes metric' },
    { value: 'records', name: 'Records per second and their average size' },
  ] as const);
  let asked: Partial<SizeFlags>;
  if (how === 'mbps') {
    asked = { mbps: await askNumber(prompter, 'mbps', 'Write throughput, MiB/s:') };
  } else {
    asked = {
      records: await askNumber(prompter, 'records', 'Records per second:'),
      recordSize: await askNumber(prompter, 'record-size', 'Average record size, bytes:'),
    };
  }
  const consumers = await askNumber(prompter, 'consumers', 'Applications reading with shared throughput (GetRecords):', flags.consumers);
  const efoConsumers = await askNumber(prompter, 'efo-consumers', 'Enhanced fan-out consumers:', flags.efoConsumers);
  return { ...flags, ...asked, consumers, efoConsumers };
}

/** The flags that reproduce an interactive run, so the learner can script it next time. */
export function equivalentCommand(flags: SizeFlags): string {
  const parts = ['kds size'];
  if (flags.mbps !== undefined) parts.push(`--mbps ${flags.mbps}`);
  if (flags.records !== undefined) parts.push(`--records ${flags.records}`);
  if (flags.recordSize !== undefined) parts.push(`--record-size ${flags.recordSize}`);
  parts.push(`--consumers ${flags.consumers}`);
  if (flags.efoConsumers > 0) parts.push(`--efo-consumers ${flags.efoConsumers}`);
  return parts.join(' ');
}
