import { describe, expect, it } from 'vitest';
import { fitHelpText } from '../../../src/commands/kds-command.js';
import { outputWidth } from '../../../src/context.js';

describe('help text fitted to a width', () => {
  it('keeps what fits as written', () => {
    const text = '\nExamples:\n  $ kds size --mbps 6\n      shards for 6 MiB/s\n';
    expect(fitHelpText(text, 80)).toBe(text);
  });

  it('wraps a paragraph at the margin as a whole, and an indented line under its indent', () => {
    const text = 'one two three four five\nsix seven\n\n    alpha beta gamma delta';
    expect(fitHelpText(text, 16)).toBe('one two three\nfour five six\nseven\n\n    alpha beta\n    gamma delta');
  });

  it('breaks a long "$ command" with shell continuations, a flag kept with its value', () => {
    const out = fitHelpText('  $ kds size --mbps 20 --efo-consumers 4 --retention-hours 168', 40);
    expect(out).toBe('  $ kds size --mbps 20 \\\n      --efo-consumers 4 \\\n      --retention-hours 168');
    expect(out.split('\n').every((l) => l.length <= 40)).toBe(true);
  });
});

describe('the output width', () => {
  const out = (isTTY: boolean, columns?: number) => ({ isTTY, columns, write: () => undefined });
  it('is the terminal width in a terminal, whatever COLUMNS says', () => {
    expect(outputWidth(out(true, 132), { COLUMNS: '60' })).toBe(132);
  });
  it('is COLUMNS when piped, else 80', () => {
    expect(outputWidth(out(false), { COLUMNS: '100' })).toBe(100);
    expect(outputWidth(out(false), {})).toBe(80);
    expect(outputWidth(out(false), { COLUMNS: 'wide' })).toBe(80);
    expect(outputWidth(out(false), { COLUMNS: '0' })).toBe(80);
  });
});
