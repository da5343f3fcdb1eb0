/** Lints the lessons kds ships, runs every live example and every "try" command, and checks the width. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/core/quiz/topics.js';
import { defaultLessonDir, loadLessons } from '../../src/io/lessons.js';
import { evaluateExample } from '../../src/learn/examples.js';
import { renderLesson } from '../../src/render/lesson.js';
import { runKds } from '../helpers/io.js';

const { lessons, problems } = loadLessons(defaultLessonDir(), TOPICS);
const plain = new Chalk({ level: 0 });

describe('the lessons', () => {
  it('have no problems', () => {
    expect(problems).toEqual([]);
  });

  it('cover the course in at least 8 lessons, in order 1..N', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i + 1));
    for (const id of ['shards', 'records', 'partition-keys', 'producers', 'consumers', 'lambda', 'kcl', 'resharding', 'compare']) {
      expect(lessons.map((l) => l.id)).toContain(id);
    }
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: every live example computes', (_id, lesson) => {
    for (const block of lesson.blocks) {
      if (block.kind === 'example') expect(evaluateExample(block.directive).lines.length).toBeGreaterThan(0);
    }
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: renders within 80 columns', (_id, lesson) => {
    const text = renderLesson(lesson, { width: 80, color: plain, position: 'lesson 1 of 1', example: (b) => evaluateExample(b.directive) });
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('suggest try commands that run', async () => {
    const state = mkdtempSync(join(tmpdir(), 'kds-lesson-try-'));
    try {
      for (const lesson of lessons) {
        for (const command of lesson.try) {
          const argv = command.split(/\s+/).slice(1);
          // A quiz session needs a terminal; its topic must exist.
          if (argv[0] === 'quiz' && argv[1] === '--topic') {
            expect(TOPICS as readonly string[]).toContain(argv[2]);
            continue;
          }
          const r = await runKds(argv, { env: { KDS_STATE_DIR: state } });
          expect(r.code, `${lesson.id}: ${command}\n${r.stderr}`).toBe(0);
        }
      }
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
