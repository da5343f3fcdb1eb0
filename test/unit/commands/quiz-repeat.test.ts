import { describe, expect, it } from 'vitest';
import { repeatCommand } from '../../../src/commands/quiz/options.js';

describe('the command that repeats a quiz session', () => {
  it('shows a --bank path escaped and quoted', () => {
    const options = { mode: 'practice', topics: [], difficulties: [], focus: 'all', count: 10, drills: { ratio: 0, kinds: [] }, bank: "my\u001b]0;x\u0007 bank's" } as unknown as Parameters<typeof repeatCommand>[0];
    expect(repeatCommand(options, 7)).toBe("kds quiz --bank 'my\\x1b]0;x\\x07 bank'\\''s' --seed 7");
  });
});
