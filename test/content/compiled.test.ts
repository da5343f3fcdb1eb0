/**
 * The bank and lessons compiled into dist/ by npm run build are exactly what the readers make of
 * the YAML and markdown files, so the built kds shows what kds quiz check and kds learn check lint.
 * (npm test builds before it runs the tests; a stale dist/ fails here.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/core/quiz/topics.js';
import { loadBank } from '../../src/io/bank.js';
import { loadLessons } from '../../src/io/lessons.js';
import {
  bankFromCompiled,
  COMPILED_BANK,
  COMPILED_LESSONS,
  COMPILED_LISTING,
  defaultBankDir,
  defaultLessonDir,
  listingOf,
  type CompiledBank,
} from '../../src/io/shipped-content.js';

const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));
const compiled = (name: string): unknown => {
  if (!existsSync(dist(name))) throw new Error(`dist/${name} is missing: run npm run build first`);
  return JSON.parse(readFileSync(dist(name), 'utf8'));
};

describe('the compiled content in dist/', () => {
  it('gives the bank the YAML reader gives: every question, field for field, and every problem', () => {
    const fromFiles = loadBank(defaultBankDir());
    expect(fromFiles.questions.length).toBeGreaterThan(100);
    expect(bankFromCompiled(compiled(COMPILED_BANK) as CompiledBank, defaultBankDir())).toStrictEqual(fromFiles);
  });

  it('lists what the bank holds: each question\'s id, topic, difficulty and prompt, in order, and its problems', () => {
    const bank = compiled(COMPILED_BANK) as CompiledBank;
    const listing = compiled(COMPILED_LISTING);
    expect(listing).toStrictEqual(listingOf(bank));
    expect(listingOf(bank).questions[0]).toStrictEqual({
      id: bank.questions[0]?.id,
      topic: bank.questions[0]?.topic,
      difficulty: bank.questions[0]?.difficulty,
      prompt: bank.questions[0]?.prompt,
    });
  });

  it('gives the lessons the markdown reader gives', () => {
    const fromFiles = loadLessons(defaultLessonDir(), TOPICS);
    expect(fromFiles.lessons.length).toBeGreaterThan(10);
    expect(compiled(COMPILED_LESSONS)).toStrictEqual(fromFiles);
  });

  it('maps a compiled problem back to its file in the bank folder', () => {
    const bank = bankFromCompiled({ questions: [], files: 1, problems: [{ file: 'capacity/x.yaml', line: 3, message: 'm' }] }, '/b');
    expect(bank).toStrictEqual({ dir: '/b', questions: [], files: 1, problems: [{ file: '/b/capacity/x.yaml', line: 3, message: 'm' }] });
  });
});
