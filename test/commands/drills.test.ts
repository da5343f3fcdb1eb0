/** Drills through the quiz: kds quiz drill, answering a drill by id, and drills inside sessions. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDrill } from '../../src/drills/index.js';
import { runKds, scriptedPrompter, type PromptCall } from '../helpers/io.js';

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-drill-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const env = () => ({ KDS_STATE_DIR: state });
const progress = () =>
  JSON.parse(readFileSync(join(state, 'progress.json'), 'utf8')) as { questions: Record<string, { topic: string; answers: number; right: number }> };

describe('kds quiz drill KIND --json', () => {
  it('prints the problem, its inputs, its options and its key', async () => {
    const r = await runKds(['quiz', 'drill', 'size', '--seed', '3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['kind', 'prompt', 'inputs', 'options', 'correct', 'explanation']));
    expect(out).toMatchObject({ kind: 'size', id: 'drill-size-3', inputs: { records: 6600, recordSize: 100, consumers: 1 }, correct: ['C'] });
  });

  it('gives inputs that kds size answers the same way', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const drill = JSON.parse((await runKds(['quiz', 'drill', 'size', '--seed', String(seed), '--json'])).stdout) as {
        inputs: { records: number; recordSize: number; keySize?: number; consumers: number; efoConsumers?: number };
        options: { letter: string; text: string }[];
        correct: string[];
      };
      const i = drill.inputs;
      const flags = ['--records', String(i.records), '--record-size', String(i.recordSize), '--consumers', String(i.consumers)];
      if (i.keySize) flags.push('--key-size', String(i.keySize));
      if (i.efoConsumers) flags.push('--efo-consumers', String(i.efoConsumers));
      const sized = JSON.parse((await runKds(['size', ...flags, '--json'])).stdout) as { minimumShards: number };
      const answer = drill.options.find((o) => o.letter === drill.correct[0]);
      expect(answer?.text).toBe(`${sized.minimumShards} shard${sized.minimumShards === 1 ? '' : 's'}`);
    }
  });

  it('rejects an unknown kind with exit 2', async () => {
    const r = await runKds(['quiz', 'drill', 'sizes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kds: command-argument value 'sizes' is invalid for argument 'kind'. Allowed choices are size, keys, compare.\n");
  });
});

describe('answering a drill by its id', () => {
  it('grades it, names the mistake, and records it under drill-<kind>', async () => {
    const drill = generateDrill('size', 3);
    const wrongIndex = drill.options.findIndex((o) => !o.correct && o.why?.includes('forgets'));
    const letter = String.fromCharCode(65 + wrongIndex);
    const wrong = await runKds(['quiz', 'answer', 'drill-size-3', letter], { env: env() });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('This count forgets the 1,000 records/s limit per shard');
    const right = await runKds(['quiz', 'answer', 'drill-size-3', 'c'], { env: env() });
    expect(right.code).toBe(0);
    expect(progress().questions['drill-size']).toMatchObject({ topic: 'capacity', answers: 2, right: 1 });
  });

  it('counts drills in kds quiz stats', async () => {
    await runKds(['quiz', 'answer', 'drill-size-3', 'c'], { env: env() });
    const stats = JSON.parse((await runKds(['quiz', 'stats', '--json'], { env: env() })).stdout) as {
      topics: { topic: string; answers: number; right: number }[];
    };
    expect(stats.topics.find((t) => t.topic === 'capacity')).toMatchObject({ answers: 1, right: 1 });
  });
});

describe('drills in a session', () => {
  /** Picks option A: right or wrong, every answer is recorded. */
  const firstOption = (call: PromptCall): unknown => call.choices.find((c) => typeof c.value === 'string' && /^[A-F]$/.test(c.value))?.value;

  it('asks only drills with --drill KIND, and repeats them with --seed', async () => {
    const calls: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const prompter = scriptedPrompter([firstOption, 'next', firstOption]);
      const r = await runKds(['quiz', '--drill', 'keys', '--count', '2', '--seed', '11'], {
        stdinIsTTY: true,
        stdoutIsTTY: true,
        columns: 100,
        prompter,
        env: env(),
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Which shard do its records go to?');
      expect(r.stdout).not.toMatch(/\b(capacity|consumers)-\d{3}\b/);
      calls.push(prompter.calls.filter((c) => c.message.startsWith('Your answer')).map((c) => c.choices.map((x) => x.name).join('|')));
    }
    expect(calls[0]).toEqual(calls[1]);
    expect(progress().questions['drill-keys']?.answers).toBe(4);
  });

  it('mixes drills into bank questions with --drill-ratio', async () => {
    const prompter = scriptedPrompter(Array.from({ length: 7 }, (_, i) => (i % 2 === 0 ? firstOption : 'next')));
    const r = await runKds(['quiz', '--drill', 'size', '--drill-ratio', '0.5', '--count', '4', '--seed', '5'], {
      stdinIsTTY: true,
      stdoutIsTTY: true,
      columns: 100,
      prompter,
      env: env(),
    });
    expect(r.code).toBe(0);
    const answered = Object.keys(progress().questions);
    expect(answered).toContain('drill-size');
    expect(answered.filter((id) => !id.startsWith('drill-'))).toHaveLength(2);
    expect(progress().questions['drill-size']?.answers).toBe(2);
  });

  it('rejects a ratio outside 0 to 1 and an unknown kind', async () => {
    expect((await runKds(['quiz', '--drill-ratio', '1.5'])).stderr).toBe(
      "kds: --drill-ratio expects a share of the questions from 0 to 1 (0.3 for three in ten), got '1.5' (too large).\n",
    );
    expect((await runKds(['quiz', '--drill', 'maths'])).stderr).toBe("kds: unknown drill kind 'maths' for --drill (kinds: size, keys, compare).\n");
  });
});
