/**
 * kds registers only the command that the first word of the command line names (src/program.ts):
 * everything that command can print must read as it does with the whole tree registered.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, createProgram } from '../../src/program.js';
import { fakeIo, runKds } from '../helpers/io.js';

/** What parsing argv prints and throws, with one command registered or all of them. */
async function outcome(argv: readonly string[], words: readonly string[]): Promise<{ stdout: string; stderr: string; error: string }> {
  const fake = fakeIo();
  let error = '';
  try {
    await createProgram(fake.io, words).parseAsync([...argv], { from: 'user' });
  } catch (e) {
    error = `${(e as Error).name}: ${(e as Error).message}`;
  }
  return { stdout: fake.stdout(), stderr: fake.stderr(), error };
}

/** Each command under a command, with the words that reach it. */
function descendants(command: Command, path: readonly string[]): { path: string[]; command: Command }[] {
  return command.commands.flatMap((c) => {
    const here = [...path, c.name()];
    return [{ path: here, command: c }, ...descendants(c, here)];
  });
}

describe('one command registered', () => {
  it('registers only the command the first word names, and every command otherwise', () => {
    const names = COMMANDS.map(([name]) => name);
    for (const name of names) expect(createProgram(fakeIo().io, [name, '--json']).commands.map((c) => c.name())).toEqual([name]);
    // The whole tree adds kds completion, which writes its script from the whole tree.
    for (const argv of [[], ['--help'], ['help', 'size'], ['sise'], ['--no-color', 'size'], ['completion', 'bash']]) {
      expect(createProgram(fakeIo().io, argv).commands.map((c) => c.name())).toEqual([...names, 'completion']);
    }
  });

  it('registers only the quiz subcommand the second word names, and all of them otherwise', () => {
    const quiz = (argv: string[]) => createProgram(fakeIo().io, argv).commands[0]?.commands.map((c) => c.name());
    expect(quiz(['quiz', 'list', '--json'])).toEqual(['list']);
    expect(quiz(['quiz', 'answer', 'capacity-001', 'a'])).toEqual(['answer']);
    for (const argv of [['quiz'], ['quiz', '--topic', 'capacity'], ['quiz', 'lst'], ['quiz', '--help']]) {
      expect(quiz(argv)).toEqual(['start', 'list', 'show', 'answer', 'drill', 'check', 'stats', 'export', 'import', 'reset']);
    }
  });

  it('gives every command and subcommand the help it has in the whole tree', () => {
    const whole = descendants(createProgram(fakeIo().io), []);
    expect(whole.length).toBeGreaterThan(COMMANDS.length);
    for (const { path, command } of whole) {
      const alone = descendants(createProgram(fakeIo().io, path), []).find((d) => d.path.join(' ') === path.join(' '));
      expect(alone?.command.helpInformation(), path.join(' ')).toBe(command.helpInformation());
    }
  });

  it('prints the same help, errors and suggestions (commands and flags from all over the tree) as the whole tree', async () => {
    for (const { path } of descendants(createProgram(fakeIo().io), [])) {
      const others = [['--answer'], ['--shards', '4'], ['--mbps', '6'], ['drill'], ['analyze'], ['lst']];
      for (const argv of [[...path, '--help'], [...path, '--nope'], [...path, '--jsn'], [...path, 'one', 'two', 'three'], ...others.map((o) => [...path, ...o])]) {
        expect(await outcome(argv, argv), argv.join(' ')).toEqual(await outcome(argv, []));
      }
    }
  });

  it('still lists every command in the root help and suggests one for a typo', async () => {
    const help = await runKds(['--help']);
    for (const [name] of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect((await runKds(['quz'])).stderr).toBe("kds: unknown command 'quz' (Did you mean quiz?)\n");
  });
});
