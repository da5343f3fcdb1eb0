/**
 * The bank that ships with kds (questions/) passes `kds quiz check`, so CI fails on a broken
 * question. It must hold at least 150 questions over every topic, the five practice questions of
 * the course word for word, and none of the wrong facts an audit found. (The bank is written apart from the quiz engine; it is merged into
 * questions/ before the engine lands, so these tests run on the real bank.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/core/quiz/topics.js';
import { questionsInSet } from '../../src/core/quiz/validate.js';
import { defaultBankDir, loadBank } from '../../src/io/bank.js';
import { createProgram, loadCommands } from '../../src/program.js';
import { fakeIo, runKds } from '../helpers/io.js';

const bank = loadBank(defaultBankDir());
const dir = bank.dir;

describe('the question bank in questions/', () => {
  it('passes kds quiz check: no problems in any file', () => {
    const problems = bank.problems.map((p) => `${p.file.slice(dir.length + 1)}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it('has at least 150 questions', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(150);
  });

  it('covers every topic of the course', () => {
    const covered = new Set(bank.questions.map((q) => q.topic));
    expect(TOPICS.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('has single- and multiple-answer questions at every difficulty', () => {
    const kinds = new Set(bank.questions.map((q) => q.difficulty));
    expect([...kinds].sort()).toEqual(['easy', 'hard', 'medium']);
    expect(bank.questions.some((q) => q.options.filter((o) => o.correct).length > 1)).toBe(true);
  });

  it.each([
    ['Q1: 4 shards, 6 MB/s, consumers falling behind', /4 shards[\s\S]*6 MB\/s/],
    ['Q2: Lambda consumers share the 2 MB/s read limit', /Lambda[\s\S]*2 MB\/s/],
    ['Q3: productCategory as the partition key, one hot shard', /productCategory/],
    ['Q4: archive to S3 as Parquet, partitioned by date, no code', /Parquet[\s\S]*(date|partition)/],
    ['Q5: a Lambda batch of 100 records with 3 failures', /100 records[\s\S]*3/],
  ])('holds the course practice question %s', (_name, pattern) => {
    expect(bank.questions.filter((q) => pattern.test(q.prompt)).map((q) => q.id)).not.toEqual([]);
  });
});

/** The five practice questions of the course, copied from issue 12 as the learners have them. */
const PRACTICE_PROMPTS = [
  'A Kinesis Data Stream has 4 shards. A producer is writing 6 MB/s of data. Consumers are falling behind. What is the correct action?',
  'A Kinesis stream has multiple Lambda consumers. The developer notices that all consumers are reading the same data, and there is noticeable read latency because they share the 2 MB/s per shard read limit. What is the recommended solution?',
  'A developer uses a partition key of "productCategory" for Kinesis records. The stream has 10 shards but one shard is handling 90% of all traffic. What is the root cause and solution?',
  'A developer needs to archive all Kinesis stream records to S3 in Parquet format, partitioned by date, without writing any custom code. Which service should be used?',
  'A developer uses a Lambda function as a Kinesis consumer. The function processes a batch of 100 records but 3 records fail. With default settings, what happens?',
];

describe('the practice set', () => {
  it('asks the five practice questions byte for byte as the course wrote them, in order', () => {
    expect(questionsInSet(bank.questions, 'practice').map((q) => q.prompt)).toEqual(PRACTICE_PROMPTS);
  });
});

describe('the facts the bank states', () => {
  const texts = bank.questions.flatMap((q) => [
    { id: q.id, text: q.prompt },
    { id: q.id, text: q.explanation },
    ...q.options.flatMap((o) => [{ id: q.id, text: o.text }, ...(o.why ? [{ id: q.id, text: o.why }] : [])]),
  ]);

  it('say the Region condition wherever 50 enhanced fan-out consumers appear', () => {
    // A sentence that gives 50 as an enhanced fan-out limit.
    const fifty = /\b50\b[^.]*\b(fan-out|EFO)\b|\b(fan-out|EFO)\b[^.]*\b50\b/i;
    const missing = texts.filter((t) => fifty.test(t.text) && !/Region/.test(t.text)).map((t) => `${t.id}: ${t.text}`);
    expect(missing).toEqual([]);
  });

  it('never name a Kafka topic as an on-failure destination for a Kinesis source', () => {
    const kafka = texts.filter((t) => /on-failure destination[^.]*Kafka topic/i.test(t.text) && !/Kafka (event )?sources? only/i.test(t.text));
    expect(kafka.map((t) => t.id)).toEqual([]);
  });

  it('cite the current developer guide paths, not the old kinesis/latest/dev ones', () => {
    const old = bank.questions.filter((q) => q.sources.some((s) => s.includes('/kinesis/latest/dev/')));
    expect(old.map((q) => q.id)).toEqual([]);
  });
});

describe('where the right option sits', () => {
  it('is spread evenly over the letters of the single-answer questions with four options', () => {
    const four = bank.questions.filter((q) => q.options.length === 4 && q.options.filter((o) => o.correct).length === 1);
    const counts = [0, 1, 2, 3].map((i) => four.filter((q) => q.options[i]?.correct).length);
    for (const n of counts) expect(n / four.length, `positions A-D: ${counts.join(', ')}`).toBeGreaterThan(0.2);
    for (const n of counts) expect(n / four.length, `positions A-D: ${counts.join(', ')}`).toBeLessThan(0.3);
  });
});

await loadCommands();

describe('the try commands of the bank', () => {
  // Commands that this build registers; a try for a command still to come is checked once it lands.
  const registered = new Set(createProgram(fakeIo().io).commands.map((c) => c.name()));
  const tries = bank.questions.flatMap((q) => (q.try ? [{ id: q.id, argv: q.try.split(/\s+/).slice(1) }] : []));

  it('are there for the questions that have one', () => {
    expect(tries.length).toBeGreaterThan(0);
  });

  it('run without error (the command exists and takes those flags)', async () => {
    const state = mkdtempSync(join(tmpdir(), 'kds-try-'));
    try {
      for (const { id, argv } of tries.filter((t) => registered.has(t.argv[0] ?? ''))) {
        const r = await runKds(argv, { env: { KDS_STATE_DIR: state } });
        expect(r.code, `${id}: kds ${argv.join(' ')}\n${r.stderr}`).toBe(0);
      }
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
