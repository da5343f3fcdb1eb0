import { describe, expect, it } from 'vitest';
import { parseNumberAnswer } from '../../../src/options/number.js';
import { runKds, scriptedPrompter, type PromptCall } from '../../helpers/io.js';

const RULE = { min: 0, minExclusive: true, max: 1_048_576, unit: 'MiB/s' } as const;

describe('a number typed at a prompt', () => {
  it.each([
    ['5,000', 5000],
    ['1,048,576', 1_048_576],
    ['1,000.5', 1000.5],
    [' 6 ', 6],
    ['5000', 5000],
  ])('reads %j as %d, thousands separators included', (raw, value) => {
    expect(parseNumberAnswer('--mbps', raw, RULE)).toBe(value);
  });

  it.each(['5,00', '50,00,000', ',500', '5,000,', '1,0000', '5.000,5'])('refuses %j: commas only as thousands separators', (raw) => {
    expect(() => parseNumberAnswer('--mbps', raw, RULE)).toThrow(`got '${raw}'`);
  });

  it('keeps the flag rules: range and whole numbers', () => {
    expect(() => parseNumberAnswer('--mbps', '2,000,000', RULE)).toThrow('(too large)');
    expect(() => parseNumberAnswer('--records', '1,000.5', { integer: true, min: 1, max: 1e9, unit: 'records' })).toThrow('(not a whole number)');
  });

  it('lets kds size take "5,000" records per second in a terminal', async () => {
    const answers = ['records', '5,000', '100', '1', '0', '', false, '', 'us-east-1'];
    const validations: (true | string)[] = [];
    const prompter = scriptedPrompter(
      answers.map((a) => (call: PromptCall) => {
        const validate = call.options.validate as ((v: string) => true | string) | undefined;
        if (validate && typeof a === 'string') validations.push(validate(a));
        return a;
      }),
    );
    const r = await runKds(['size'], { stdinIsTTY: true, stdoutIsTTY: true, prompter });
    expect(validations.every((v) => v === true)).toBe(true);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Next time: kds size --records 5000 --record-size 100 --consumers 1\n');
  });
});
