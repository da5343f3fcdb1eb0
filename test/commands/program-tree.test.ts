/**
 * kds registers only the command that the first word of the command line names (src/program.ts):
 * everything that command can print must read as it does with the whole tree registered.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, createProgram } from '../../src/program.js';
import { fakeIo, runKds } from '../helpers/io.js';

/** What parsing argv prints and throws, with one command registered or all of them. */
async function outcome(argv: readonly string[], firstWord: string | undefined): Promise<{ stdout: string; stderr: string; error: string }> {
  const fake = fakeIo();
  let error = '';
  try {
    await createProgram(fake.io, firstWord).parseAsync([...argv], { from: 'user' });
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
    for (const name of names) expect(createProgram(fakeIo().io, name).commands.map((c) => c.name())).toEqual([name]);
    for (const first of [undefined, '--help', 'help', 'sise', '--no-color']) {
      expect(createProgram(fakeIo().io, first).commands.map((c) => c.name())).toEqual(names);
    }
  });

  it('gives every command and subcommand the help it has in the whole tree', () => {
    const whole = descendants(createProgram(fakeIo().io), []);
    expect(whole.length).toBeGreaterThan(COMMANDS.length);
    for (const { path, command } of whole) {
      const alone = descendants(createProgram(fakeIo().io, path[0]), []).find((d) => d.path.join(' ') === path.join(' '));
      expect(alone?.command.helpInformation(), path.join(' ')).toBe(command.helpInformation());
    }
  });

  it('prints the same help, errors and suggestions as the whole tree', async () => {
    for (const { path } of descendants(createProgram(fakeIo().io), [])) {
      for (const argv of [[...path, '--help'], [...path, '--nope'], [...path, '--jsn'], [...path, 'one', 'two', 'three']]) {
        const first = argv[0];
        expect(await outcome(argv, first), argv.join(' ')).toEqual(await outcome(argv, undefined));
      }
    }
  });

  it('still lists every command in the root help and suggests one for a typo', async () => {
    const help = await runKds(['--help']);
    for (const [name] of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect((await runKds(['quz'])).stderr).toBe("kds: unknown command 'quz' (Did you mean quiz?)\n");
  });
});
