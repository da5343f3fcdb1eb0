/**
 * kds completion bash|zsh|fish: each script parses in its shell, and completes the words a user
 * expects: commands, subcommands, flags, flag values, question ids and lesson names. bash is
 * driven through COMP_WORDS and the completion function; fish through `complete -C`; zsh through
 * its completion function with the completion builtins replaced by ones that print. zsh and fish
 * are tested where they are installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/core/quiz/topics.js';
import { loadBank, defaultBankDir } from '../../src/io/bank.js';
import { createProgram, loadCommands } from '../../src/program.js';
import { fakeIo, runKds } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'kds-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function script(shell: string): Promise<string> {
  const r = await runKds(['completion', shell]);
  expect(r.code).toBe(0);
  const path = join(dir, `kds.${shell}`);
  writeFileSync(path, r.stdout);
  return path;
}

function installed(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

const ids = loadBank(defaultBankDir()).questions.map((q) => q.id);
// What the tree holds today, so that a new command or flag does not make these tests stale.
await loadCommands();
const program = createProgram(fakeIo().io);
const sub = (name: string) => program.commands.find((c) => c.name() === name)!;
const quizCommands = sub('quiz').commands.map((c) => c.name()).filter((n) => n !== 'help');
const sizeFlagsM = sub('size').options.map((o) => o.long ?? '').filter((f) => f.startsWith('--m'));

describe('kds completion bash', async () => {
  const path = await script('bash');

  /** The words bash would offer with the cursor at the end of `line` (a trailing space starts a new word). */
  function complete(line: string): string[] {
    const words = line.split(' ');
    const program = [
      `source ${JSON.stringify(path)}`,
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_kds_complete',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    return execFileSync('bash', ['--norc', '-c', program], { encoding: 'utf8', cwd: dir }).split('\n').filter((w) => w !== '');
  }

  it('is valid bash (bash -n) and registers itself for kds', () => {
    expect(spawnSync('bash', ['-n', path]).status).toBe(0);
    expect(execFileSync('bash', ['--norc', '-c', `source ${JSON.stringify(path)}; complete -p kds`], { encoding: 'utf8' })).toContain('_kds_complete');
  });

  it.each([
    ['kds ', ['size', 'keys', 'compare', 'quiz', 'learn', 'completion']],
    ['kds q', ['quiz']],
    ['kds quiz ', quizCommands],
    ['kds quiz dr', ['drill']],
    ['kds quiz drill ', ['size', 'keys', 'compare']],
    ['kds keys ', ['analyze', 'route']],
    ['kds size --m', sizeFlagsM],
    ['kds size --mbps 6 --cu', ['--current-shards']],
    ['kds keys analyze x.csv --fo', ['--format']],
    ['kds keys analyze x.csv --format ', ['auto', 'csv', 'tsv', 'lines', 'jsonl', 'get-records']],
    ['kds quiz --topic part', ['partition-keys']],
    ['kds quiz --topic capacity,co', ['capacity,consumers', 'capacity,cost']],
    ['kds quiz --topic = ret', ['retention']],
    ['kds quiz --mode ', ['practice', 'exam']],
    ['kds quiz --drill ', ['size', 'keys', 'compare']],
    ['kds quiz --set ', ['practice']],
    ['kds quiz list --difficulty ', ['easy', 'medium', 'hard']],
    ['kds compare --ordering ', ['none', 'per-key', 'global']],
    ['kds learn part', ['partition-keys']],
    ['kds learn ch', ['check']],
    ['kds learn lam', ['lambda']],
    ['kds completion ', ['bash', 'zsh', 'fish']],
    ['kds quiz show capacity-00', ids.filter((id) => id.startsWith('capacity-00'))],
    ['kds quiz answer errors-00', ids.filter((id) => id.startsWith('errors-00'))],
    ['kds quiz answer errors-001 ', []],
    ['kds size --mbps ', []],
  ])('%j completes to the expected words', (line, expected) => {
    expect(complete(line)).toEqual(expected);
  });

  it('completes file names for a file argument and folders for --bank', () => {
    writeFileSync(join(dir, 'orders.csv'), 'partition_key\na\n');
    expect(complete('kds keys analyze ord')).toEqual(['orders.csv']);
    expect(complete('kds quiz --bank /pro')).toEqual(['/proc']);
  });

  it('offers every question id of the bank it ships', () => {
    expect(complete('kds quiz show ')).toEqual(ids);
    expect(ids.length).toBeGreaterThan(50);
  });
});

describe.runIf(installed('zsh'))('kds completion zsh', async () => {
  const path = await script('zsh');

  it('is valid zsh (zsh -n)', () => {
    expect(spawnSync('zsh', ['-n', path]).status).toBe(0);
  });

  /** Runs the completion function on `line`, with compadd and friends printing what they were given. */
  function complete(line: string): string {
    const words = line.split(' ');
    const program = [
      'compdef() { :; }',
      'compadd() { [[ $1 == -- ]] && shift; print -r -- "$*"; }',
      '_describe() { local -a entries; entries=("${(@P)4}"); print -r -- "${(j: :)${entries[@]%%:*}}"; }',
      '_files() { print -r -- "(files $*)"; }',
      'compset() { :; }',
      `source ${JSON.stringify(path)}`,
      `words=(${words.map((w) => `'${w}'`).join(' ')})`,
      `CURRENT=${words.length}`,
      '_kds',
    ].join('\n');
    return execFileSync('zsh', ['-f', '-c', program], { encoding: 'utf8' }).trim();
  }

  it.each([
    ['kds ', 'size keys compare quiz learn completion'],
    ['kds quiz ', quizCommands.join(' ')],
    ['kds quiz --topic ', TOPICS.join(' ')],
    ['kds keys analyze ', '(files )'],
    ['kds quiz --bank ', '(files -/)'],
    ['kds completion ', 'bash zsh fish'],
    ['kds learn ', expect.stringMatching(/^shards records partition-keys .* check$/)],
    ['kds quiz show ', ids.join(' ')],
  ])('%j completes to the expected words', (line, expected) => {
    expect(complete(line)).toEqual(expected);
  });

  it('offers flags with their descriptions', () => {
    expect(complete('kds size -')).toContain('--mbps');
  });
});

describe.runIf(installed('fish'))('kds completion fish', async () => {
  const path = await script('fish');

  it('is valid fish (fish -n)', () => {
    expect(spawnSync('fish', ['-n', path]).status).toBe(0);
  });

  function complete(line: string): string[] {
    const out = execFileSync('fish', ['--no-config', '-c', `source ${JSON.stringify(path)}; complete -C ${JSON.stringify(line)}`], {
      encoding: 'utf8',
      cwd: dir,
    });
    return out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t')[0] as string);
  }

  it.each([
    ['kds q', ['quiz']],
    ['kds quiz sh', ['show']],
    ['kds quiz drill ', ['compare', 'keys', 'size']],
    ['kds quiz --topic capacity,co', ['capacity,consumers', 'capacity,cost']],
    ['kds quiz --topic=ret', ['--topic=retention']],
    ['kds size --mb', ['--mbps']],
    ['kds learn lam', ['lambda']],
    ['kds quiz show capacity-00', ids.filter((id) => id.startsWith('capacity-00'))],
  ])('%j completes to the expected words', (line, expected) => {
    expect(complete(line)).toEqual(expected);
  });
});
