/**
 * kds loads and registers only the command that the first word of the command line names
 * (src/program.ts): everything it prints must read as it does with the whole tree.
 */
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { createProgram, loadCommands, STANDALONE } from '../../src/program.js';
import { fakeIo } from '../helpers/io.js';

/** What a command line prints and exits with: with the tree kds builds for it, or the whole tree. */
async function outcome(argv: readonly string[], tree: 'fit' | 'whole'): Promise<{ code: number; stdout: string; stderr: string }> {
  const fake = fakeIo();
  const code = await run(argv, fake.io, { tree });
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** Each command under a command, with the words that reach it. */
function descendants(command: Command, path: readonly string[]): { path: string[]; command: Command }[] {
  return command.commands.flatMap((c) => {
    const here = [...path, c.name()];
    return [{ path: here, command: c }, ...descendants(c, here)];
  });
}

const names = (program: Command): string[] => program.commands.map((c) => c.name());

describe('one command registered', () => {
  beforeAll(() => loadCommands());

  it('registers only the command the first word names, and every command otherwise', () => {
    for (const name of STANDALONE) expect(names(createProgram(fakeIo().io, [name, '--json']))).toEqual([name]);
    expect(names(createProgram(fakeIo().io, ['--no-color', '--color', 'size', '--mbps', '6']))).toEqual(['size']);
    // The whole tree adds kds completion, which writes its script from the whole tree.
    for (const argv of [[], ['--help'], ['help', 'size'], ['sise'], ['--help', 'size'], ['-V', 'size'], ['completion', 'bash']]) {
      expect(names(createProgram(fakeIo().io, argv))).toEqual([...STANDALONE, 'completion']);
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
    expect(whole.length).toBeGreaterThan(STANDALONE.length);
    for (const { path, command } of whole) {
      const alone = descendants(createProgram(fakeIo().io, path), []).find((d) => d.path.join(' ') === path.join(' '));
      expect(alone?.command.helpInformation(), path.join(' ')).toBe(command.helpInformation());
    }
  });

  it('prints the same help, errors and suggestions (commands and flags from all over the tree) as the whole tree', async () => {
    const elsewhere = [['--answer'], ['--shards', '4'], ['--mbps', '6'], ['drill'], ['analyze'], ['lst']];
    for (const { path } of descendants(createProgram(fakeIo().io), [])) {
      for (const argv of [[...path, '--help'], [...path, '--nope'], [...path, '--jsn'], [...path, 'one', 'two', 'three'], ...elsewhere.map((e) => [...path, ...e])]) {
        expect(await outcome(argv, 'fit'), argv.join(' ')).toEqual(await outcome(argv, 'whole'));
      }
    }
  });

  it('runs a command the same either way', async () => {
    for (const argv of [['size', '--mbps', '6'], ['--no-color', 'size', '--mbps', '6', '--jsn'], ['compare', '--json'], ['quiz', 'list', '--topic', 'retention'], ['learn', '--json']]) {
      expect(await outcome(argv, 'fit'), argv.join(' ')).toEqual(await outcome(argv, 'whole'));
    }
  });

  it('still lists every command in the root help and suggests one for a typo', async () => {
    const help = await outcome(['--help'], 'fit');
    for (const name of STANDALONE) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect((await outcome(['quz'], 'fit')).stderr).toBe("kds: unknown command 'quz' (Did you mean quiz?)\n");
  });
});
