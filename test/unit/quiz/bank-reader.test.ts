import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBankDir, loadBank } from '../../../src/io/bank.js';
import { InputError } from '../../../src/errors.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/quiz/', import.meta.url));
const BANK = join(FIXTURES, 'bank');
const BROKEN = join(FIXTURES, 'broken');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A bank folder built from { 'topic/id.yaml': text }. */
function bankOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kds-bank-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('reading a question bank', () => {
  it('loads every question of a valid bank, in course order, and ignores other files', () => {
    const bank = loadBank(BANK);
    expect(bank.problems).toEqual([]);
    expect(bank.files).toBe(5);
    expect(bank.questions.map((q) => q.id)).toEqual([
      'capacity-001',
      'capacity-002',
      'partition-keys-001',
      'consumers-001',
      'retention-001',
    ]);
    expect(bank.questions[0]).toMatchObject({
      topic: 'capacity',
      difficulty: 'medium',
      prompt: 'A stream has 4 shards and a producer writes 6 MiB/s.\nWhat fixes the write throttling?',
      hints: ['How much can one shard accept per second?', 'Compare 4 times that with 6 MiB/s.'],
      try: 'kds size --mbps 6 --current-shards 4',
    });
    expect(bank.questions[0]?.options.map((o) => o.correct)).toEqual([false, false, true, false]);
  });

  it('reports every problem of a broken bank with its file and line, and keeps the valid questions', () => {
    const bank = loadBank(BROKEN);
    const seen = bank.problems.map((p) => `${p.file.slice(BROKEN.length + 1)}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    expect(seen).toEqual([
      'capacity/capacity-001.yaml:8: YAML: All sequence items must start at the same column',
      "capacity/capacity-002.yaml:2: topic 'consumers' must equal the folder name 'capacity'",
      "capacity/capacity-002.yaml:3: unknown difficulty 'insane' (difficulties: easy, medium, hard)",
      "capacity/capacity-002.yaml:11: 'explanation' is empty",
      'capacity/capacity-002.yaml:6: a question has 3 to 6 options, this one has 2',
      'capacity/capacity-002.yaml:8: option B repeats option A',
      'capacity/capacity-002.yaml:10: a question has 1 to 3 hints, this one has 0',
      "capacity/capacity-002.yaml:13: source 1: 'http://example.com/page' must use https",
      'capacity/capacity-002.yaml:13: at least one source must be on https://docs.aws.amazon.com/',
      "capacity/capacity-003.yaml:16: unknown field 'explaination' (fields: id, topic, difficulty, prompt, options, hints, explanation, sources, try, sets)",
      "capacity/capacity-003.yaml: 'explanation' is missing",
      "capacity/capacity-003.yaml:9: option B is wrong, so it needs a 'why': what makes it tempting and why it is wrong",
      'capacity/capacity-003.yaml:12: option D refers to other options by position, but sessions shuffle options',
      'capacity/capacity-003.yaml:4: the prompt says "(Choose two.)" but only one option is correct',
      'capacity/capacity-003.yaml:18: at least one source must be on https://docs.aws.amazon.com/',
      `capacity/capacity-003.yaml:19: 'try' must be a kds command, like 'kds size --mbps 6', got string "aws kinesis list-shards"`,
      "capacity/capacity-004.yaml:1: id 'capacity-005' must equal the file name 'capacity-004'",
      'consumers/Consumers-001.yaml: expected a mapping of fields (id, topic, difficulty, prompt, options, hints, explanation, sources, try, sets), got a list',
      'consumers/consumers-01.yml: question files end in .yaml, not .yml',
      'stray.yaml: question files belong in a topic folder, such as capacity/stray.yaml',
      "streams: 'streams' is not a topic folder (topics: capacity, partition-keys, producers, consumers, retention, resharding, firehose, integrations, kds-vs-sqs, errors, monitoring, security, cost)",
      "capacity/capacity-005.yaml: id 'capacity-005' is already used by capacity/capacity-004.yaml",
    ]);
    expect(bank.questions.map((q) => q.id)).toEqual(['capacity-005']);
  });

  it('reports each YAML error on its own line, duplicate keys included', () => {
    const dir = bankOf({ 'cost/cost-001.yaml': 'id: cost-001\nid: cost-002\ntopic: [unclosed\n' });
    const bank = loadBank(dir);
    expect(bank.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual(
      bank.problems.map(() => [expect.any(Number), 'YAML']),
    );
    expect(bank.problems.length).toBeGreaterThanOrEqual(2);
    expect(bank.problems[0]).toMatchObject({ line: 2, message: 'YAML: Map keys must be unique' });
  });

  it('is an input error when the folder does not exist', () => {
    expect(() => loadBank(join(FIXTURES, 'nope'))).toThrow(InputError);
    expect(() => loadBank(join(FIXTURES, 'nope'))).toThrow(/no question bank at .*nope: expected a folder of topic folders/);
  });

  it('finds the bank that ships with kds next to the package, not the working directory', () => {
    expect(defaultBankDir()).toBe(fileURLToPath(new URL('../../../questions', import.meta.url)));
  });
});
