/**
 * The question bank and the lessons that ship with kds. Their YAML and markdown files are the
 * source (kds quiz check and kds learn check lint them); scripts/build.mjs compiles them with the
 * same readers into dist/bank.json and dist/lessons.json, so that a command reads one JSON file
 * instead of parsing 150 YAML files. Run from the sources there is nothing compiled, and the
 * commands read the files (src/io/bank.ts, src/io/lessons.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD } from '../build-info.js';
import type { Question } from '../core/quiz/question.js';
import type { FileProblem, LoadedBank } from './bank.js';
import type { LessonSet } from './lessons.js';
import { packagePath } from './package-root.js';

export const COMPILED_BANK = 'bank.json';
export const COMPILED_LISTING = 'bank-list.json';
export const COMPILED_LESSONS = 'lessons.json';

/** The bank that ships with kds: questions/ at the root of the kds package. */
export function defaultBankDir(): string {
  return packagePath('questions');
}

/** The lessons that ship with kds: src/lessons/ in the kds package. */
export function defaultLessonDir(): string {
  return packagePath('src', 'lessons');
}

/** A loaded bank as JSON: each problem names its file relative to the bank's folder. */
export interface CompiledBank {
  readonly questions: readonly Question[];
  readonly files: number;
  readonly problems: readonly FileProblem[];
}

/** The bank as the reader returned it, from its compiled form and the folder it was in. */
export function bankFromCompiled(compiled: CompiledBank, dir: string): LoadedBank {
  return {
    dir,
    questions: compiled.questions,
    files: compiled.files,
    problems: compiled.problems.map((p) => ({ ...p, file: join(dir, p.file) })),
  };
}

/** What a question list shows and filters on. */
export type ListedQuestion = Pick<Question, 'id' | 'topic' | 'difficulty' | 'prompt'>;

/** The part of a compiled bank a question list reads: a file a seventh of the bank's size. */
export interface CompiledListing {
  readonly questions: readonly ListedQuestion[];
  readonly problems: readonly FileProblem[];
}

export function listingOf(bank: CompiledBank): CompiledListing {
  return { questions: bank.questions.map(({ id, topic, difficulty, prompt }) => ({ id, topic, difficulty, prompt })), problems: bank.problems };
}

function readCompiled(name: string): unknown {
  // The bundle's chunks and the compiled content sit side by side in dist/.
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
}

/** The shipped bank from its compiled form; undefined when kds runs from its sources. */
export function shippedBank(): LoadedBank | undefined {
  return BUILD === undefined ? undefined : bankFromCompiled(readCompiled(COMPILED_BANK) as CompiledBank, defaultBankDir());
}

/** The shipped bank's listing (problems naming their files); undefined when kds runs from its sources. */
export function shippedListing(): CompiledListing | undefined {
  if (BUILD === undefined) return undefined;
  const listing = readCompiled(COMPILED_LISTING) as CompiledListing;
  const dir = defaultBankDir();
  return { questions: listing.questions, problems: listing.problems.map((p) => ({ ...p, file: join(dir, p.file) })) };
}

/** The shipped lessons from their compiled form; undefined when kds runs from its sources. */
export function shippedLessons(): LessonSet | undefined {
  return BUILD === undefined ? undefined : (readCompiled(COMPILED_LESSONS) as LessonSet);
}
