/**
 * The bank that ships with kds (questions/) passes `kds quiz check`, so CI fails on a broken
 * question. It must hold at least 60 questions over all 12 topics, and the five practice
 * questions of the course. (The bank is written apart from the quiz engine; it is merged into
 * questions/ before the engine lands, so these tests run on the real bank.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/core/quiz/topics.js';
import { defaultBankDir, loadBank } from '../../src/io/bank.js';
import { createProgram } from '../../src/program.js';
import { fakeIo, runKds } from '../helpers/io.js';

const bank = loadBank(defaultBankDir());
const dir = bank.dir;

describe('the question bank in questions/', () => {
  it('passes kds quiz check: no problems in any file', () => {
    const problems = bank.problems.map((p) => `${p.file.slice(dir.length + 1)}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it('has at least 60 questions', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
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
