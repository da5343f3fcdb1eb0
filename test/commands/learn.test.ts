/**
 * kds learn in-process: the list, one lesson piped and paged in a terminal, JSON, progress, and
 * kds learn check. In test/fixtures/lessons-broken, beta.md passes the checks of one file but its
 * example does not compute and its try commands name no command and no topic; gamma.md's id is
 * not its file name.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ctrlC, runKds, scriptedPrompter, type FakeIoOptions, type PromptCall } from '../helpers/io.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/lessons', import.meta.url));
const BROKEN = fileURLToPath(new URL('../fixtures/lessons-broken', import.meta.url));
let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-learn-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const learn = (args: string[], options: FakeIoOptions = {}) =>
  runKds(['learn', ...args], { ...options, env: { KDS_STATE_DIR: state, ...options.env } });
const lessonsRead = () => (JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8')) as { lessons: Record<string, string> }).lessons;
const terminal = (answers: unknown[]) => {
  const prompter = scriptedPrompter(answers);
  return { prompter, options: { stdinIsTTY: true, stdoutIsTTY: true, prompter } satisfies FakeIoOptions };
};

describe('kds learn (list)', () => {
  it('lists the lessons as [{ id, title, topic }] with --json', async () => {
    const r = await learn(['--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; title: string; topic: string }[];
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(list[0]).toEqual({ id: 'shards', title: 'Shards and capacity modes', topic: 'capacity' });
    for (const item of list) expect(Object.keys(item)).toEqual(['id', 'title', 'topic']);
  });

  it('shows which lessons were read and the next one to read', async () => {
    await learn(['shards']);
    const r = await learn([]);
    expect(r.stdout).toContain('Lessons (1 of 13 read)');
    expect(r.stdout).toMatch(/1 +shards +Shards and capacity modes +yes/);
    expect(r.stdout).toContain('Next: kds learn records');
  });

  it('shows the quiz score of each lesson topic', async () => {
    await runKds(['quiz', 'answer', 'drill-size-3', 'c'], { env: { KDS_STATE_DIR: state } });
    const r = await learn([]);
    expect(r.stdout).toMatch(/1 +shards +Shards and capacity modes +- +1\/1/);
  });
});

describe('kds learn LESSON (piped)', () => {
  it('prints the whole lesson plainly within 80 columns, with live examples and what to try', async () => {
    const r = await learn(['shards']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Shards and capacity modes  (lesson 1 of 13, quiz topic capacity)');
    expect(r.stdout).toContain('  $ kds size --mbps 6 --current-shards 4');
    expect(r.stdout).toContain('  | Minimum 6 shards, write bytes bind; recommended 8 with 25% headroom.');
    expect(r.stdout).toContain('  | From 4 shards: 4 -> 8, 1 update-shard-count call.');
    expect(r.stdout).toContain('Practise\n  kds quiz --topic capacity');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(lessonsRead()).toHaveProperty('shards');
  });

  it('finds a lesson by its quiz topic too', async () => {
    expect((await learn(['retention'])).stdout).toContain('Records, retention and replay');
  });

  it('gives the lesson as data with --json, examples computed', async () => {
    const r = await learn(['shards', '--json']);
    const lesson = JSON.parse(r.stdout) as { id: string; topic: string; practise: string; blocks: { kind: string; command?: string; lines?: string[] }[] };
    expect(lesson).toMatchObject({ id: 'shards', topic: 'capacity', practise: 'kds quiz --topic capacity' });
    const example = lesson.blocks.find((b) => b.kind === 'example');
    expect(example?.command).toBe('kds size --mbps 6 --current-shards 4');
    expect(example?.lines?.[0]).toBe('Minimum 6 shards, write bytes bind; recommended 8 with 25% headroom.');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('exits 2 for an unknown lesson and names the lessons', async () => {
    const r = await learn(['sharding']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kds: no lesson 'sharding' \(lessons: shards, records, partition-keys, .*\)\.\n$/);
  });

  it('reads lessons from another folder with --lessons', async () => {
    const r = await learn(['--lessons', FIXTURE, 'alpha']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Alpha lesson  (lesson 1 of 1, quiz topic capacity)');
  });
});

describe('kds learn LESSON (in a terminal)', () => {
  it('lists the lessons once, as the menu itself, with what was read and the quiz score', async () => {
    await learn(['shards']);
    const { prompter, options } = terminal(['']);
    const r = await learn([], options);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lessons (1 of');
    expect(r.stdout).not.toContain('Shards and capacity modes');
    const menu = prompter.calls[0]?.choices.map((c) => c.name) ?? [];
    expect(menu[0]).toMatch(/^ 1\. Shards and capacity modes +read$/);
    expect(menu.at(-1)).toBe('Quit');
  });

  it('cuts long pages into screens that fit an 80x24 terminal, so nothing scrolls away before the menu', async () => {
    const onward = (call: PromptCall) => (call.choices.some((c) => c.value === 'more') ? 'more' : 'quit');
    const { prompter, options } = terminal(Array(40).fill(onward));
    const r = await learn(['shards'], { ...options, columns: 80, rows: 24 });
    expect(r.code).toBe(0);
    const screens = r.stdout.split(/\n(?=\n)/).filter((s) => s.trim() !== '');
    for (const screen of screens) expect(screen.split('\n').length, screen).toBeLessThanOrEqual(24 - 9 + 1);
    expect(prompter.calls.some((c) => c.choices.some((x) => x.name.endsWith('(continued)')))).toBe(true);
  });

  it('goes a page at a time and offers the next lesson at the end', async () => {
    const { prompter, options } = terminal(['more', 'quit']);
    const r = await learn(['--lessons', FIXTURE, 'alpha'], { ...options, rows: 60 });
    expect(r.code).toBe(0);
    expect(prompter.calls.map((c) => c.choices.map((x) => x.name))).toEqual([
      ['Continue: Second page', 'All lessons', 'Quit'],
      ['Back a page', 'All lessons', 'Quit'],
    ]);
    const [first, second] = r.stdout.split('Second page');
    expect(first).toContain('This is the opening paragraph');
    expect(first).not.toContain('Try it');
    expect(second).toContain('Try it');
    expect(lessonsRead()).toHaveProperty('alpha');
  });

  it('moves on to the next lesson', async () => {
    const onward = (call: PromptCall) => (call.choices.some((c) => c.value === 'more') ? 'more' : 'next');
    const { prompter, options } = terminal([...Array(12).fill(onward), 'quit']);
    const r = await learn(['shards'], options);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Records, retention and replay  (lesson 2 of 13');
    expect(prompter.calls.some((c) => c.choices.some((x) => x.name === 'Next lesson: Records, retention and replay'))).toBe(true);
  });

  it('exits 130 on Ctrl+C', async () => {
    const { options } = terminal([ctrlC()]);
    expect((await learn(['shards'], options)).code).toBe(130);
  });
});

describe('kds learn check', () => {
  it('passes the lessons kds ships', async () => {
    const r = await learn(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ \d+ lessons: no problems\.\n$/);
  });

  it('lists every problem of a broken folder, with warnings for topics no lesson teaches, and exits 1', async () => {
    const r = await learn(['check', '--lessons', BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('beta.md: the example {{size --mbps lots}} does not compute: ');
    expect(r.stdout).toContain('beta.md: try "kds sizes --mbps 6" names no kds command (commands: size, keys, compare, quiz, learn)');
    expect(r.stdout).toContain('beta.md: try "kds quiz --topic kafka" names no quiz topic');
    expect(r.stdout).toContain('gamma.md: id must equal the file name (gamma)');
    expect(r.stdout).toContain('warning: the quiz topic security sends learners to the lesson security, which is not here');
    expect(r.stdout).toMatch(/✗ \d+ problems in 2 files\.\n$/);
  });

  it('reports as JSON with --json', async () => {
    const r = await learn(['check', '--lessons', BROKEN, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { lessons: number; problems: { file: string; message: string }[]; warnings: string[] };
    expect(report.lessons).toBe(1);
    expect(report.problems.map((p) => p.file).sort()).toEqual(['beta.md', 'beta.md', 'beta.md', 'gamma.md']);
  });
});

describe('kds quiz reset and the lessons read', () => {
  it('forgets the quiz progress but keeps the lessons read', async () => {
    await learn(['shards']);
    await runKds(['quiz', 'answer', 'drill-size-3', 'c'], { env: { KDS_STATE_DIR: state } });
    const r = await runKds(['quiz', 'reset', '--yes'], { env: { KDS_STATE_DIR: state } });
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8')) as { questions: object; lessons: object };
    expect(saved.questions).toEqual({});
    expect(Object.keys(saved.lessons)).toEqual(['shards']);
  });
});
