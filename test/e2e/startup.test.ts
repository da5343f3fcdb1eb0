/**
 * What each command runs when it starts (issue 15): timings cannot be tested, the structure can.
 * The built binary runs with V8's coverage on (scripts/startup/loads.mjs), which says which of the
 * bundle's modules it evaluated, and with a preload that lists Node's built-in modules it loaded.
 * `npm run bench` measures the time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMeta, loadsOf, origin, type Loads } from '../../scripts/startup/loads.mjs';
import { keysCsv } from '../../scripts/startup/sample.mjs';
import { run as runInProcess } from '../../src/cli.js';
import { fakeIo } from '../helpers/io.js';
import { BIN, spawnKds } from '../helpers/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'kds-startup-test-'));
const keysFile = join(dir, 'keys-1000.csv');
writeFileSync(keysFile, keysCsv(1000));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV = { KDS_STATE_DIR: join(dir, 'state'), NO_COLOR: '1', FORCE_COLOR: undefined };
const FIXTURE_BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));

/** Packages no command may load unless its output needs them. */
const HEAVY = ['yaml', '@inquirer/prompts', '@inquirer/core', 'cli-table3', 'string-width', 'chalk', 'proper-lockfile'];
const isAwsSdk = (p: string): boolean => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/') || p.startsWith('@aws-crypto/');

/** The commands issue 15 times, and kds --help. */
const COMMANDS: readonly (readonly string[])[] = [
  ['--help'],
  ['quiz', 'list'],
  ['learn'],
  ['compare'],
  ['keys', 'analyze', keysFile],
  ['keys', 'analyze', keysFile, '--json'],
  ['size', '--mbps', '6'],
];

function run(args: readonly string[], env: Record<string, string | undefined> = ENV): Loads {
  const loads = loadsOf(args, { env });
  expect(loads.status, `${args.join(' ')}: ${loads.stderr}`).toBe(0);
  return loads;
}

const meta = buildMeta();

describe('the bundle', () => {
  it('holds no AWS SDK: that is dist/aws.cjs, loaded only by the commands that reach AWS', () => {
    const inputs = Object.keys(meta.outputs['dist/kds.cjs']?.inputs ?? {});
    expect(inputs.length).toBeGreaterThan(100);
    expect(inputs.map(origin).filter(isAwsSdk)).toEqual([]);
  });
});

describe('what each command loads', () => {
  const loaded = new Map(COMMANDS.map((args) => [args.join(' '), run(args)]));
  /** What kds --help runs: start-up, and no command. */
  const startup = new Set(loaded.get('--help')?.modules);
  /** The source modules a run evaluated beyond start-up: the command's own work. */
  const lazyModules = (loads: Loads): string[] => loads.modules.filter((m) => !startup.has(m));

  it('evaluates no package but commander to start: nothing a command loads only when it needs it', () => {
    expect(loaded.get('--help')?.packages).toEqual(['commander']);
  });

  it('loads no parser, prompt library, table library, colour library, lock library or AWS SDK it does not use', () => {
    for (const [name, loads] of loaded) {
      expect(loads.packages.filter((p) => HEAVY.includes(p) || isAwsSdk(p)), name).toEqual([]);
    }
  });

  it('never loads Node\'s child_process (commander keeps it for subcommands kds does not have)', () => {
    for (const [name, loads] of loaded) expect(loads.builtins, name).not.toContain('child_process');
  });

  it('loads the worker-thread machinery only for a file large enough to read on two threads', () => {
    for (const [name, loads] of loaded) expect(loads.builtins, name).not.toContain('worker_threads');
    // A file past the first read (about 2.4 MB), asked for two threads (by default they wait for
    // a larger file and an idle core, which a test run cannot promise).
    const large = join(dir, 'keys-60000.csv');
    writeFileSync(large, keysCsv(60_000));
    expect(run(['keys', 'analyze', large, '--threads', '2'], ENV).builtins).toContain('worker_threads');
  });

  it('reads the compiled bank and lessons, not their YAML or the calculators behind drills and examples', () => {
    for (const name of ['quiz list', 'learn']) {
      const modules = loaded.get(name)?.modules ?? [];
      expect(modules).toContain('src/io/shipped-content.ts');
      expect(modules.filter((m) => ['src/io/bank.ts', 'src/io/lessons.ts', 'src/drills/index.ts', 'src/learn/examples.ts'].includes(m)), name).toEqual([]);
    }
  });

  it('loads one command\'s work: after start-up, kds size loads no keys, compare, quiz or lesson code', () => {
    const loads = loaded.get('size --mbps 6');
    if (loads === undefined) throw new Error('kds size did not run');
    const modules = lazyModules(loads);
    expect(modules).toContain('src/commands/size/run.ts');
    expect(modules.filter((m) => /^src\/(core|commands|render)\/.*(keys|compare|quiz|learn|lesson)/.test(m))).toEqual([]);
  });

  it('parses YAML for a bank of one\'s own, and loads chalk when colour is forced: what is lazy still loads', () => {
    expect(run(['quiz', 'list', '--bank', FIXTURE_BANK]).packages).toContain('yaml');
    expect(run(['size', '--mbps', '6'], { ...ENV, NO_COLOR: undefined, FORCE_COLOR: '1' }).packages).toContain('chalk');
  });
});

describe('the root help and version', () => {
  it('load no command: the help lists the commands as the build read them from the whole tree', () => {
    const commandModules = (loads: Loads): string[] => loads.modules.filter((m) => /^src\/commands\/[^/]+\//.test(m));
    expect(commandModules(run(['size', '--help']))).toContain('src/commands/size/index.ts');
    for (const argv of [[], ['--help'], ['help'], ['--version']]) expect(commandModules(run(argv)), argv.join(' ')).toEqual([]);
  });

  it('read exactly as the whole tree has them, at any width', async () => {
    for (const columns of ['80', '44']) {
      for (const argv of [[], ['--help'], ['-h'], ['help'], ['--version'], ['-V']]) {
        const built = await spawnKds(argv, { env: { NO_COLOR: '1', COLUMNS: columns } });
        const whole = fakeIo({ env: { NO_COLOR: '1', COLUMNS: columns } });
        const code = await runInProcess(argv, whole.io, { tree: 'whole' });
        expect(built, `${argv.join(' ')} at ${columns} columns`).toEqual({ code, stdout: whole.stdout(), stderr: whole.stderr() });
      }
    }
  });
});

describe('V8\'s optimiser', () => {
  /** The functions V8 chose to optimise during `kds keys analyze FILE` (node --trace-opt). */
  const optimised = (file: string): string[] => {
    const traced = spawnSync(process.execPath, ['--trace-opt', BIN, 'keys', 'analyze', file, '--json'], { encoding: 'utf8', env: { ...process.env, ...ENV } });
    expect(traced.status, traced.stderr).toBe(0);
    return [...traced.stdout.matchAll(/^\[marking \S+ <JSFunction (\S+)/gm)].map((m) => m[1]!);
  };

  it('is held back for an input read whole at once: the row loop would be optimised after the input is counted', () => {
    expect(optimised(keysFile)).toEqual([]);
  });

  it('optimises the row loop of an input past the first read (64 KiB)', () => {
    const larger = join(dir, 'keys-5000.csv');
    writeFileSync(larger, keysCsv(5000));
    expect(optimised(larger)).toContain('countRows');
  });
});
