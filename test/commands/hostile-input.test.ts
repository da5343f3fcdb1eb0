/**
 * A property over every command: random argv, random bytes as files, as stdin and as the progress
 * file, run in-process (no terminal, colour off). Whatever comes in, kds ends with a known exit
 * code, never reports an internal error, says what went wrong in a few lines, and writes no raw
 * control character. The seed is fixed and the runs are bounded, so CI cannot flake.
 *
 * The arguments are mostly well formed (a command's own flags with plausible or hostile values),
 * so that most runs get past the parser and feed the bytes to the command itself.
 */
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { fakeIo } from '../helpers/io.js';

/** Anything a terminal could act on; tab and newline are layout. */
// eslint-disable-next-line no-control-regex -- the characters under test
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const EXIT_CODES = [0, 1, 2, 3, 130];
const SEED = 20_261_125;
const RUNS = 250;
/** "A few lines": a message and a notice or two. Help text (it starts "Usage:") is the exception. */
const MAX_STDERR_LINES = 4;

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));
const LESSON = fileURLToPath(new URL('../fixtures/lessons/alpha.md', import.meta.url));

// Values: stand-ins for paths (replaced by the run's files), numbers, words, anything at all.
const hostile = fc.string({ unit: 'binary', maxLength: 24 });
const place = fc.constantFrom('@file', '@file', '@file', '@bank', '@lessons', '@dir', '@missing', '-');
const num = fc.oneof(
  fc.constantFrom('0', '1', '2', '6', '1000', '-5', '1e-400', '1e400', '1234567890123456.5', '0.99999999999999999', '0x10', 'NaN', '.5'),
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.double().map(String),
  hostile,
);
const word = (...words: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: hostile });
const BOOL = null;

interface CommandSpec {
  readonly prefix: readonly string[];
  readonly positional: fc.Arbitrary<string[]>;
  readonly flags: Readonly<Record<string, fc.Arbitrary<string> | null>>;
}

const none = fc.constant<string[]>([]);
const ids = word('capacity-001', 'capacity-009', 'retention-001', 'drill-size-3', 'drill-keys-7', 'nope-001');

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  size: {
    prefix: ['size'],
    positional: none,
    flags: {
      '--mbps': num, '--records': num, '--record-size': num, '--key-size': num, '--kpl': BOOL, '--consumers': num,
      '--efo-consumers': num, '--headroom': num, '--retention-hours': num, '--current-shards': num, '--stream-name': hostile, '--json': BOOL,
    },
  },
  keys: {
    prefix: ['keys', 'analyze'],
    positional: place.map((p) => [p]),
    flags: {
      '--shards': num, '--shard-map': place, '--format': word('csv', 'jsonl', 'text', 'auto'), '--key-column': word('partition_key', 'key', '1', '2'),
      '--bytes-column': word('bytes', '3'), '--time-column': word('timestamp', '4'), '--count-column': word('count'), '--sample-rate': num,
      '--strict': BOOL, '--max-keys': num, '--hot-ratio': num, '--by': word('records', 'bytes'), '--top': num, '--salt': num,
      '--fail-on-hot': BOOL, '--json': BOOL,
    },
  },
  compare: {
    prefix: ['compare'],
    positional: none,
    flags: {
      '--services': word('kds,sqs-standard', 'msk', 'all'), '--all': BOOL, '--rows': word('ordering', 'retention'), '--sources': BOOL,
      '--recommend': BOOL, '--replay': BOOL, '--replay-days': num, '--consumers': num, '--ordering': word('none', 'per-key', 'global'),
      '--exactly-once': BOOL, '--destination': word('s3', 'custom', 'redshift'), '--no-code': BOOL, '--latency-ms': num,
      '--max-message-kb': num, '--mbps': num, '--messages-per-sec': num, '--json': BOOL,
    },
  },
  quiz: {
    prefix: ['quiz'],
    positional: none,
    flags: { '--topic': word('capacity', 'cost'), '--count': num, '--seed': num, '--mode': word('exam', 'practice'), '--review': BOOL, '--bank': place },
  },
  'quiz list': { prefix: ['quiz', 'list'], positional: none, flags: { '--topic': word('capacity', 'retention'), '--difficulty': word('easy', 'hard'), '--json': BOOL, '--bank': place } },
  'quiz show': { prefix: ['quiz', 'show'], positional: ids.map((id) => [id]), flags: { '--answer': BOOL, '--json': BOOL, '--bank': place } },
  'quiz answer': {
    prefix: ['quiz', 'answer'],
    positional: fc.tuple(ids, fc.array(word('a', 'b', 'c', 'a c', 'z'), { minLength: 1, maxLength: 2 })).map(([id, letters]) => [id, ...letters]),
    flags: { '--json': BOOL, '--bank': place },
  },
  'quiz drill': { prefix: ['quiz', 'drill'], positional: word('size', 'keys', 'compare').map((k) => [k]), flags: { '--seed': num, '--answer': BOOL, '--json': BOOL } },
  'quiz check': { prefix: ['quiz', 'check'], positional: fc.option(place, { nil: undefined }).map((p) => (p === undefined ? [] : [p])), flags: { '--json': BOOL } },
  'quiz stats': { prefix: ['quiz', 'stats'], positional: none, flags: { '--json': BOOL, '--bank': place } },
  'quiz reset': { prefix: ['quiz', 'reset'], positional: none, flags: { '--yes': BOOL, '--topic': word('capacity'), '--bank': place } },
  'quiz export': { prefix: ['quiz', 'export'], positional: none, flags: { '--output': fc.oneof(place, hostile), '--json': BOOL } },
  'quiz import': { prefix: ['quiz', 'import'], positional: place.map((p) => [p]), flags: { '--json': BOOL } },
  learn: { prefix: ['learn'], positional: fc.option(word('alpha', 'beta', 'shards', 'capacity'), { nil: undefined }).map((n) => (n === undefined ? [] : [n])), flags: { '--json': BOOL, '--lessons': place } },
};

/** The flags of a command in a random order, each with a value drawn for it. */
function flagsOf(spec: CommandSpec): fc.Arbitrary<string[]> {
  const names = Object.keys(spec.flags);
  return fc.shuffledSubarray(names, { maxLength: Math.min(4, names.length) }).chain((picked) =>
    fc.tuple(...picked.map((name) => spec.flags[name] ?? fc.constant(''))).map((values) =>
      picked.flatMap((name, i) => (spec.flags[name] === null ? [name] : [name, values[i] ?? ''])),
    ),
  );
}

/** Text with anything in it, shaped like what the commands read: CSV keys, a question, a lesson, JSON. */
const content: fc.Arbitrary<Uint8Array | string> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 12 }).map((keys) => `partition_key\n${keys.join('\n')}\n`),
  fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), { minLength: 6, maxLength: 6 }).map(([prompt, a, b, c, why, hint]) =>
    // JSON is YAML: a valid question whose every text is hostile.
    JSON.stringify({
      id: 'capacity-009', topic: 'capacity', difficulty: 'easy', prompt,
      options: [{ text: `1 ${a}`, correct: true }, { text: `2 ${b}`, why }, { text: `3 ${c}`, why }],
      hints: [hint], explanation: `${prompt} ${why}`, sources: ['https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html'],
    }),
  ),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => `---\nid: beta\ntitle: "${text.slice(0, 10)}"\ntopic: capacity\norder: 2\ntry: [kds size --mbps 1]\n---\n${text}\n`),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);

interface Scenario {
  readonly command: string;
  readonly argv: readonly string[];
  readonly file: Uint8Array | string;
  readonly stdin: Uint8Array | string;
  readonly progress: Uint8Array | string | undefined;
  readonly noise: string | undefined;
}

const scenarios: fc.Arbitrary<Scenario> = fc
  .constantFrom(...Object.keys(COMMANDS))
  .chain((command) => {
    const spec = COMMANDS[command] as CommandSpec;
    return fc.record({
      command: fc.constant(command),
      positional: spec.positional,
      flags: flagsOf(spec),
      // One run in five gets a stray word somewhere: a usage error, mostly.
      noise: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.oneof(hostile, fc.constantFrom('--', '-h', '--no-color', '--bogus', '-x')) },
      ),
      at: fc.nat(),
      file: content,
      stdin: content,
      progress: fc.option(content, { nil: undefined }),
    });
  })
  .map(({ command, positional, flags, noise, at, file, stdin, progress }) => {
    const args = [...positional, ...flags];
    if (noise !== undefined) args.splice(at % (args.length + 1), 0, noise);
    return { command, argv: [...(COMMANDS[command]?.prefix ?? []), ...args], file, stdin, progress, noise };
  });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kds-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lays the run's files out in a folder of its own; returns the argv with the stand-ins replaced. */
function layOut(s: Scenario, index: number): { argv: string[]; state: string; cwd: string } {
  const cwd = join(dir, `run-${index}`);
  const state = join(cwd, 'state');
  cpSync(BANK, join(cwd, 'bank'), { recursive: true });
  mkdirSync(join(cwd, 'lessons'), { recursive: true });
  mkdirSync(state, { recursive: true });
  cpSync(LESSON, join(cwd, 'lessons', 'alpha.md'));
  writeFileSync(join(cwd, 'input'), s.file);
  writeFileSync(join(cwd, 'bank', 'capacity', 'capacity-009.yaml'), s.file);
  writeFileSync(join(cwd, 'lessons', 'beta.md'), s.file);
  if (s.progress !== undefined) writeFileSync(join(state, 'progress.json'), s.progress);
  const paths: Record<string, string> = { '@file': 'input', '@bank': 'bank', '@lessons': 'lessons', '@dir': 'state', '@missing': 'missing.csv' };
  return { argv: s.argv.map((a) => paths[a] ?? a), state, cwd };
}

async function runScenario(s: Scenario, index: number) {
  const { argv, state, cwd } = layOut(s, index);
  const fake = fakeIo({ env: { KDS_STATE_DIR: state, NO_COLOR: '1' }, cwd, stdin: s.stdin, columns: 80 });
  let code: number | undefined;
  let thrown: unknown;
  try {
    code = await run(argv, fake.io);
  } catch (error) {
    thrown = error;
  }
  return { argv, code, thrown, stdout: fake.stdout(), stderr: fake.stderr() };
}

/**
 * Keys and shard ids are escaped by render/keys*.ts (another branch). Until that lands the keys
 * report's stdout is not held to the rule; once it does, this probe turns the check on.
 */
let keysEscaped = false;
beforeAll(async () => {
  const probe = await runScenario(
    { command: 'keys', argv: ['keys', 'analyze', '@file', '--shards', '2'], file: 'partition_key\n\u202eevil\u0085\nplain\n', stdin: '', progress: undefined, noise: undefined },
    -1,
  );
  keysEscaped = !RAW.test(probe.stdout);
});

describe('any argv and any bytes, to every command', () => {
  it(`ends with a known exit code, no internal error, a few lines on stderr and no raw control character (${RUNS} runs)`, async () => {
    let index = 0;
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(scenarios, async (s) => {
        const r = await runScenario(s, index++);
        const shown = JSON.stringify(r.argv);
        expect(r.thrown, `threw for ${shown}`).toBeUndefined();
        expect(EXIT_CODES, `exit ${r.code} for ${shown}`).toContain(r.code);
        codes.set(r.code ?? -1, (codes.get(r.code ?? -1) ?? 0) + 1);
        expect(r.stderr, `internal error for ${shown}`).not.toMatch(/internal error/);
        if (!r.stderr.startsWith('Usage: kds')) {
          expect(r.stderr.trimEnd().split('\n').length, `stderr for ${shown}:\n${r.stderr}`).toBeLessThanOrEqual(MAX_STDERR_LINES);
        }
        expect(r.stderr, `raw control character on stderr for ${shown}`).not.toMatch(RAW);
        if (s.command !== 'keys' || keysEscaped) {
          expect(r.stdout, `raw control character on stdout for ${shown}`).not.toMatch(RAW);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The property is only worth something if most runs reach the commands: not all usage errors.
    expect((codes.get(0) ?? 0) + (codes.get(1) ?? 0) + (codes.get(3) ?? 0)).toBeGreaterThan(RUNS / 3);
  });
});
