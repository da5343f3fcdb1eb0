import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KdsCommand } from '../../../src/commands/kds-command.js';
import { closest, editDistance, suggestCommand } from '../../../src/commands/near-miss.js';
import { runKds } from '../../helpers/io.js';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('size', 'size')).toBe(0);
    expect(editDistance('sise', 'size')).toBe(1);
    expect(editDistance('analyse', 'analyze')).toBe(1);
    expect(editDistance('stast', 'stats')).toBe(1);
    expect(editDistance('lst', 'list')).toBe(1);
    expect(editDistance('', 'quiz')).toBe(4);
  });

  it('is symmetric and zero only for equal words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('suggests only close words, the closest ones', () => {
    expect(closest('siez', ['size', 'keys', 'quiz'])).toEqual(['size']);
    expect(closest('banana', ['size', 'keys', 'quiz'])).toEqual([]);
    expect(closest('xy', ['quiz'])).toEqual([]);
  });
});

describe('finding your way (the command tree)', () => {
  it.each([
    [['drill'], "kds: unknown command 'drill' (Did you mean kds quiz drill?)\n"],
    [['analyze', 'orders.csv'], "kds: unknown command 'analyze' (Did you mean kds keys analyze?)\n"],
    [['analyse'], "kds: unknown command 'analyse' (Did you mean kds keys analyze?)\n"],
    [['stats'], "kds: unknown command 'stats' (Did you mean kds quiz stats?)\n"],
    [['sise'], "kds: unknown command 'sise' (Did you mean size?)\n"],
    [['keys', 'analyse'], "kds: unknown command 'analyse' (Did you mean analyze?)\n"],
    [['quiz', 'lst'], "kds: unknown quiz command 'lst' (Did you mean kds quiz list?)\n"],
    [['frobnicate'], "kds: unknown command 'frobnicate' (kds --help lists the commands)\n"],
  ])('kds %j suggests the command that was meant', async (argv, stderr) => {
    expect(await runKds(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it.each([
    [['size', '--mbs', '6'], "kds: unknown option '--mbs' (Did you mean --mbps?)\n"],
    [['quiz', 'list', '--topc', 'cost'], "kds: unknown option '--topc' (Did you mean --topic?)\n"],
    [['quiz', '--tpic', 'cost'], "kds: unknown option '--tpic' (Did you mean --topic?)\n"],
    [['size', '--no-colr'], "kds: unknown option '--no-colr' (Did you mean --no-color?)\n"],
    // --seed belongs to quiz sessions and drills, not to kds size: no suggestion from elsewhere.
    [['size', '--sed', '3'], "kds: unknown option '--sed' (kds size --help lists its flags)\n"],
    [['quiz', 'stats', '--answer'], "kds: unknown option '--answer' (--answer is a flag of kds quiz show, kds quiz drill)\n"],
    [['--mbps', '6'], "kds: unknown option '--mbps' (--mbps is a flag of kds size, kds compare)\n"],
  ])('kds %j suggests only flags that command takes', async (argv, stderr) => {
    expect(await runKds(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it.each([
    [['keys', 'analyze'], "kds: missing required argument 'file' (usage: kds keys analyze [options] <file>)\n"],
    [['quiz', 'answer'], "kds: missing required argument 'id' (usage: kds quiz answer [options] <id> <letters...>)\n"],
    [['keys', 'analyze', 'x.csv', '--shards'], "kds: option '--shards <N>' needs a value (kds keys analyze --help says what it takes)\n"],
  ])('kds %j says what is missing and where the usage is', async (argv, stderr) => {
    expect(await runKds(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('escapes what the user typed when it echoes it', async () => {
    const r = await runKds(['dr\u001b[2Jill']);
    expect(r.stderr).toBe("kds: unknown command 'dr\\x1b[2Jill' (kds --help lists the commands)\n");
  });
});

describe('suggestions follow the tree, whatever it holds', () => {
  // A tree with commands kds does not have yet: the suggestions come from the tree, not a list.
  const root = new KdsCommand('kds');
  const keys = root.command('keys');
  keys.command('analyze');
  keys.command('route');
  root.command('quiz').command('drill');

  it('finds a command one level down by its exact name', () => {
    expect(suggestCommand(root, 'route')).toBe(' (Did you mean kds keys route?)');
    expect(suggestCommand(root, 'drill')).toBe(' (Did you mean kds quiz drill?)');
  });

  it('prefers a sibling typo, and says nothing when nothing is close', () => {
    expect(suggestCommand(root, 'kyes')).toBe(' (Did you mean keys?)');
    expect(suggestCommand(root, 'zzzzzz')).toBe('');
  });
});
