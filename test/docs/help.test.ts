/**
 * Every command's --help fits 80 columns, and every example in it runs without a usage error.
 * The commands are read from the program tree, so a new command is covered without a change here.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pool, ROOT, runLine, CONCURRENCY } from '../../scripts/doc-examples.mjs';
import { allCommands } from '../../src/commands/near-miss.js';
import { createProgram, loadCommands } from '../../src/program.js';
import { fakeIo, runKds } from '../helpers/io.js';

await loadCommands();
const paths: string[][] = [[], ...allCommands(createProgram(fakeIo().io)).map((c) => commandWords(c))];

function commandWords(command: { name(): string; parent: unknown }): string[] {
  const words: string[] = [];
  for (let c = command as { name(): string; parent: unknown } | null; c?.parent; c = c.parent as typeof c) words.unshift(c.name());
  return words;
}

/** AWS settings for examples that read a live stream: a closed local port and made-up keys. */
const OFFLINE_AWS = {
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example',
  AWS_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

const label = (path: readonly string[]): string => ['kds', ...path, '--help'].join(' ');

/** The "$ ..." lines of a help text's examples that run kds, without what follows a pipe into another program. */
function helpExamples(help: string): string[] {
  return help
    .split('\n')
    .map((line) => /^\s+\$ (.*)$/.exec(line)?.[1])
    .filter((cmd): cmd is string => cmd !== undefined && /(^|\|\s*)kds\b/.test(cmd))
    .map((cmd) => cmd.split('|').reduce((kept, part) => (/\bkds\b/.test(kept) ? kept : `${kept}${kept ? '|' : ''}${part}`), ''));
}

describe('help', () => {
  it('covers every command of the tree (help itself aside)', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['size', 'keys analyze', 'quiz drill', 'learn', 'completion']));
  });

  it.each(paths.map((p) => [label(p), p] as const))('%s fits 80 columns when piped', async (_, path) => {
    const r = await runKds([...path, '--help']);
    expect(r.code).toBe(0);
    const wide = r.stdout.split('\n').filter((line) => line.length > 80);
    expect(wide).toEqual([]);
  });

  it.each(paths.map((p) => [label(p), p] as const))('%s fits a 100-column terminal, and uses it', async (_, path) => {
    const r = await runKds([...path, '--help'], { stdoutIsTTY: true, columns: 100 });
    expect(r.stdout.split('\n').filter((line) => line.length > 100)).toEqual([]);
  });

  it.each(paths.map((p) => [label(p), p] as const))('%s follows COLUMNS=60 when piped', async (_, path) => {
    const r = await runKds([...path, '--help'], { env: { COLUMNS: '60' } });
    expect(r.stdout.split('\n').filter((line) => line.length > 60)).toEqual([]);
  });

  it('uses a wider COLUMNS too', async () => {
    const wide = await runKds(['size', '--help'], { env: { COLUMNS: '200' } });
    expect(Math.max(...wide.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(80);
  });
});

describe('the examples in help', async () => {
  const examples: [string, string][] = [];
  for (const path of paths) {
    const r = await runKds([...path, '--help']);
    for (const example of helpExamples(r.stdout)) examples.push([label(path), example]);
  }
  const home = mkdtempSync(join(tmpdir(), 'kds-help-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  // Run where the sample files they name are: a copy of docs/examples, so that an example that
  // writes a file (kds quiz export --output) cannot change the shipped ones. Several at a time.
  const samples = join(home, 'examples');
  cpSync(join(ROOT, 'docs', 'examples'), samples, { recursive: true });
  const results = await pool(
    examples.map(([, example], i) => () => {
      const stateDir = join(home, String(i));
      // A live stream's example must not reach AWS: it runs against an endpoint that refuses the
      // connection at once, with made-up credentials, so it gets as far as the first call.
      const env = example.includes('kinesis://') ? OFFLINE_AWS : {};
      return runLine(example, { cwd: samples, stateDir, home, env });
    }),
    CONCURRENCY,
  );

  it('are there: every command with examples has some', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples.map(([where, example], i) => [where, example, i] as const))('%s: %s runs', (_, example, i) => {
    const r = results[i];
    if (r === undefined) throw new Error(`no result for ${example}`);
    // An interactive command without a terminal refuses with exit 2 and says it needs one: that is
    // its contract, not a usage error. Exit 1 with nothing on stderr is a "no" answer (a wrong
    // quiz answer). Anything else, a missing sample file included, fails.
    if (example.includes('kinesis://')) {
      // Past the flags, to the first AWS call, which fails in one line: not a usage error.
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/answer|connect|reach/i);
    } else if (r.code === 2) expect(r.stderr).toMatch(/terminal/);
    else {
      // keys analyze says what it read the input as; that line is not a complaint.
      const stderr = r.stderr.replace(/^kds: read as .*\n/m, '');
      expect({ code: r.code === 1 ? 0 : r.code, stderr }).toEqual({ code: 0, stderr: '' });
    }
  });
});
