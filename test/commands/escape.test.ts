/**
 * Text from files and from the command line never reaches the terminal raw: a hostile --bank
 * question or --lessons file is shown escaped in every output (text, JSON, interactive) and
 * reported by the linters; error lines echo a user's value escaped and cut to a sane length.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/io/lessons.js';
import { TOPICS } from '../../src/core/quiz/topics.js';
import { fakeIo, runKds, scriptedPrompter, type PromptCall } from '../helpers/io.js';
import { run } from '../../src/cli.js';

/** Anything a terminal could act on; tab and newline are layout. */
// eslint-disable-next-line no-control-regex -- the characters under test
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LESSON_FIXTURE = fileURLToPath(new URL('../fixtures/lessons/alpha.md', import.meta.url));

const CSI = '\u001b[2J\u001b[31m';
const C1 = '\u009b31m';
const BIDI = '\u202e';
const DEL = '\u007f';

let dir: string;
let bank: string;
let lessons: string;
let state: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kds-escape-'));
  bank = join(dir, 'bank');
  lessons = join(dir, 'lessons');
  state = join(dir, 'state');
  mkdirSync(join(bank, 'retention'), { recursive: true });
  // YAML double quotes turn \e, \x9b and \u202e into the raw characters.
  writeFileSync(
    join(bank, 'retention', 'retention-001.yaml'),
    [
      'id: retention-001',
      'topic: retention',
      'difficulty: easy',
      'prompt: "How long\\e[2J\\e[31m can a stream keep records?\\x9b31m"',
      'options:',
      '  - text: "365 days.\\u202e"',
      '    correct: true',
      '  - text: "7 days.\\x7f"',
      '    why: "Seven\\e]0;pwned\\a days was the old maximum."',
      '  - text: 24 hours.',
      '    why: 24 hours is the default.',
      'hints:',
      '  - "In hours:\\e[5m 8,760."',
      'explanation: "Up to\\x9b2J 8,760 hours."',
      'sources:',
      '  - https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html',
      '',
    ].join('\n'),
  );
  mkdirSync(lessons);
  const alpha = readLesson().replace('title: Alpha lesson', `title: "Alpha\\e[31m lesson"`);
  writeFileSync(
    join(lessons, 'alpha.md'),
    alpha.replace('This is the opening paragraph', `This is${CSI} the opening${BIDI} paragraph${C1}`).replace('- another bullet', `- another${DEL} bullet`),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function readLesson(): string {
  return readFileSync(LESSON_FIXTURE, 'utf8');
}

const kds = (args: readonly string[]) => runKdsRaw(args);

/** Runs in-process and returns the output as written (escapes not stripped: colour is off). */
async function runKdsRaw(args: readonly string[], extra: Parameters<typeof fakeIo>[0] = {}) {
  const fake = fakeIo({ env: { KDS_STATE_DIR: state, NO_COLOR: '1' }, cwd: dir, ...extra });
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('a --bank question with escape sequences, C1 codes, DEL and bidi overrides', () => {
  it.each([
    ['quiz show --answer', ['quiz', 'show', 'retention-001', '--answer', '--bank', 'bank']],
    ['quiz show --answer --json', ['quiz', 'show', 'retention-001', '--answer', '--json', '--bank', 'bank']],
    ['quiz list', ['quiz', 'list', '--bank', 'bank']],
    ['quiz list --json', ['quiz', 'list', '--json', '--bank', 'bank']],
    ['quiz answer (wrong)', ['quiz', 'answer', 'retention-001', 'b', '--bank', 'bank']],
    ['quiz answer --json', ['quiz', 'answer', 'retention-001', 'b', '--json', '--bank', 'bank']],
    ['quiz check', ['quiz', 'check', 'bank']],
    ['quiz check --json', ['quiz', 'check', 'bank', '--json']],
  ])('%s writes nothing raw', async (_what, args) => {
    const r = await kds(args);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.code).toBeLessThanOrEqual(1);
  });

  it('is shown with its escapes visible', async () => {
    const r = await kds(['quiz', 'show', 'retention-001', '--answer', '--bank', 'bank']);
    expect(r.stdout).toContain('How long\\x1b[2J\\x1b[31m can a stream keep records?\\x9b31m');
    expect(r.stdout).toContain('365 days.\\u202e');
    expect(r.stdout).toContain('Seven\\x1b]0;pwned\\x07 days');
  });

  it('keeps the real text in JSON, escaped as JSON so that no terminal acts on it', async () => {
    const r = await kds(['quiz', 'show', 'retention-001', '--json', '--bank', 'bank']);
    expect(r.stdout).toContain('\\u202e');
    expect(r.stdout).toContain('\\u009b31m');
  });

  it('is reported by kds quiz check with its file and line, exit 1, and still asked', async () => {
    const r = await kds(['quiz', 'check', 'bank']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/retention-001\.yaml:4: the prompt holds control characters \(\\x1b, \\x9b\); they are shown escaped/);
    expect(r.stdout).toMatch(/retention-001\.yaml:6: option A holds a control character \(\\u202e\); it is shown escaped/);
    expect(r.stdout).toMatch(/retention-001\.yaml:9: the why of option B holds control characters \(\\x1b, \\x07\)/);
    const show = await kds(['quiz', 'show', 'retention-001', '--bank', 'bank']);
    expect(show.code).toBe(0);
    expect(show.stderr).toBe('kds: 1 question file holds control characters, shown escaped; see kds quiz check bank.\n');
  });

  it('reaches the interactive prompts escaped, choices included', async () => {
    const prompter = scriptedPrompter([(call: PromptCall) => (call.kind === 'select' ? call.choices[0]?.value : [call.choices[0]?.value])]);
    const r = await runKdsRaw(['quiz', '--bank', 'bank'], { stdinIsTTY: true, stdoutIsTTY: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    for (const call of prompter.calls) {
      expect(call.message).not.toMatch(RAW);
      for (const choice of call.choices) expect(`${choice.name}${choice.description ?? ''}${choice.short ?? ''}`).not.toMatch(RAW);
    }
  });
});

describe('a --lessons file with escape sequences', () => {
  it.each([
    ['the lesson, piped', ['learn', 'alpha', '--lessons', 'lessons'], 'Alpha\\x1b[31m lesson'],
    ['the lesson as JSON', ['learn', 'alpha', '--json', '--lessons', 'lessons'], 'Alpha\\u001b[31m lesson'],
    ['the list', ['learn', '--lessons', 'lessons'], 'Alpha\\x1b[31m lesson'],
  ])('%s writes nothing raw', async (_what, args, title) => {
    const r = await kds(args);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain(title);
  });

  it('is reported by the lesson linter, line by line', () => {
    const { problems, lessons: loaded } = loadLessons(lessons, TOPICS);
    expect(loaded.map((l) => l.id)).toEqual(['alpha']);
    expect(problems.map((p) => p.message)).toEqual([
      "'title' in the front matter holds a control character (\\x1b); it is shown escaped",
      'line 9: control characters (\\x1b, \\u202e, \\x9b) in the text; they are shown escaped',
      'line 18: a control character (\\x7f) in the text; it is shown escaped',
    ]);
  });
});

describe('a KDS_STATE_DIR with escape sequences in its name', () => {
  it.each([
    ['quiz stats', ['quiz', 'stats']],
    ['quiz reset --yes', ['quiz', 'reset', '--yes']],
    ['quiz import', ['quiz', 'import', '-']],
  ])('%s shows the path escaped', async (_what, args) => {
    const fake = fakeIo({ env: { KDS_STATE_DIR: join(dir, `st${CSI}ate`), NO_COLOR: '1' }, cwd: dir, stdin: '{"version": 1, "questions": {}, "sessions": []}' });
    const code = await run(args, fake.io);
    expect(code).toBe(0);
    expect(fake.stdout() + fake.stderr()).not.toMatch(RAW);
  });
});

describe('error lines that echo what the user typed', () => {
  const big = 'x'.repeat(100_000);
  it.each([
    ['an unknown question id of 100 KB', ['quiz', 'show', big]],
    ['an unknown lesson name of 100 KB', ['learn', big]],
    ['an unknown quiz command of 100 KB', ['quiz', big]],
    ['a number flag of 100 KB', ['size', '--mbps', big]],
    ['an unknown option of 100 KB', ['size', `--${big}`]],
    ['an unknown command of 100 KB', [big]],
  ])('%s: one short line', async (_what, args) => {
    const r = await runKds(args, { env: { KDS_STATE_DIR: state } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.length).toBeLessThan(1200);
  });

  it.each([
    ['a question id', ['quiz', 'show', `capacity-9${CSI}\nforged line`]],
    ['answer letters', ['quiz', 'answer', 'drill-size-3', `z${CSI}\nforged`]],
    ['a lesson name', ['learn', `x${BIDI}y\nforged`]],
    ['a quiz command', ['quiz', `stat${C1}s\nforged`]],
    ['a number', ['size', '--mbps', `6${CSI}\nforged`]],
    ['an option name', ['size', `--mb${CSI}ps`]],
    ['a choice', ['compare', '--recommend', '--ordering', `per${DEL}-key\nforged`]],
    ['a command name', [`si${CSI}ze\nforged`]],
  ])('%s: escaped, on one line', async (_what, args) => {
    const r = await runKdsRaw(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
