/** kds quiz in-process, with a fake terminal, a scripted prompter and a temporary progress folder. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptTimeoutError } from '../../src/io/prompter.js';
import { loadBank } from '../../src/io/bank.js';
import { run } from '../../src/cli.js';
import { ctrlC, fakeIo, runKds, scriptedPrompter, type FakeIoOptions, type PromptCall } from '../helpers/io.js';

const BANK = fileURLToPath(new URL('../fixtures/quiz/bank', import.meta.url));
const BROKEN = fileURLToPath(new URL('../fixtures/quiz/broken', import.meta.url));
const T = Date.UTC(2026, 10, 25, 12);

let state: string;
beforeEach(() => {
  state = mkdtempSync(join(tmpdir(), 'kds-quiz-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const progressFile = (): string => join(state, 'progress.json');
const progress = (): { questions: Record<string, { box: number; last: string; answers: number }>; sessions: { ended: string; right: number; answered: number }[] } =>
  JSON.parse(readFileSync(progressFile(), 'utf8'));

function quiz(args: readonly string[], options: FakeIoOptions = {}) {
  return runKds(['quiz', ...args], { ...options, env: { KDS_STATE_DIR: state, ...options.env } });
}

/** A terminal with a scripted learner. */
function tty(answers: readonly unknown[], extra: FakeIoOptions = {}) {
  const prompter = scriptedPrompter(answers);
  return { prompter, options: { stdinIsTTY: true, stdoutIsTTY: true, columns: 100, prompter, ...extra } satisfies FakeIoOptions };
}

// The learner knows the answers: which option texts are right, from the fixture bank itself.
const rightTexts = new Set(loadBank(BANK).questions.flatMap((q) => q.options.filter((o) => o.correct).map((o) => o.text)));
const textOf = (name: string): string => name.replace(/^[A-F]\. /, '').replace(/\s+/g, ' ').trim();
const isLetter = (value: unknown): boolean => typeof value === 'string' && /^[A-F]$/.test(value);

function pick(call: PromptCall, want: boolean): unknown {
  const options = call.choices.filter((c) => isLetter(c.value));
  const matching = options.filter((c) => rightTexts.has(textOf(c.name)) === want);
  if (call.options.picks === 1) return matching[0]?.value;
  return want ? matching.map((c) => c.value) : [matching[0]?.value, ...options.filter((c) => rightTexts.has(textOf(c.name))).map((c) => c.value)].slice(0, 2);
}
const right = (call: PromptCall): unknown => pick(call, true);
const wrong = (call: PromptCall): unknown => pick(call, false);
const hint = (): unknown => 'hint';
const reveal = (): unknown => 'reveal';
const actionsOf = (call: PromptCall | undefined): string[] =>
  ((call?.options.actions ?? []) as { value: string }[]).map((a) => a.value);
const answerPrompts = (calls: readonly PromptCall[]) => calls.filter((c) => c.message.startsWith('Your answer'));

describe('kds quiz without a terminal', () => {
  it('exits 2 and names the commands that work without one', async () => {
    const r = await quiz(['--bank', BANK]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'kds: kds quiz asks its questions in a terminal, and stdin or stdout is not one. Without a terminal, use ' +
        'kds quiz list | show ID | answer ID LETTER... | drill KIND | check | stats (see kds quiz --help).\n',
    );
  });

  it('also refuses when only stdout is a terminal', async () => {
    expect((await quiz(['--bank', BANK], { stdoutIsTTY: true })).code).toBe(2);
  });
});

describe('a practice session', () => {
  it('gives hints on request, feedback after each answer, and a summary; progress is saved', async () => {
    const { prompter, options } = tty([hint, right, 'next', wrong]);
    const r = await quiz(['--bank', BANK, '--topic', 'capacity', '--seed', '3'], { ...options, now: T });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kds quiz: practice, 2 questions \(capacity\)\n/);
    expect(r.stdout).toContain('Question 1 of 2 · capacity');
    expect(r.stdout).toMatch(/Hint 1 of \d: /);
    expect(r.stdout).toMatch(/✓ Right \(with 1 hint\): [A-D](, [A-D])?\./);
    expect(r.stdout).toMatch(/✗ Not quite: you chose [A-D](, [A-D])?; the answer is [A-D](, [A-D])?\./);
    expect(r.stdout).toContain('Source: https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html');
    expect(r.stdout).toContain('Score: 1 of 2 (50%) · 1 hint used (1 of the right answers came after a hint)');
    expect(r.stdout).toMatch(/ capacity +2 +1 +50% +1\n/);
    expect(r.stdout).toContain('Ask them again: kds quiz --review');
    expect(r.stdout).toContain('Same questions again: kds quiz --topic capacity --bank');
    expect(r.stdout).toContain('--seed 3');

    // The hint was offered in the list, then the list was asked again without a spent hint.
    const asks = answerPrompts(prompter.calls);
    expect(asks).toHaveLength(3);
    expect(actionsOf(asks[0])).toEqual(['hint', 'reveal']);
    expect(asks[0]?.choices.every((c) => isLetter(c.value))).toBe(true);
    expect(prompter.asked).toContain('What next?');

    const saved = progress();
    expect(Object.keys(saved.questions).sort()).toEqual(['capacity-001', 'capacity-002']);
    expect(Object.values(saved.questions).map((q) => q.box).sort()).toEqual([1, 1]);
    expect(saved.sessions).toEqual([
      { at: '2026-11-25T12:00:00.000Z', mode: 'practice', questions: 2, answered: 2, right: 1, hintsUsed: 1, ended: 'finished' },
    ]);
  });

  it('asks a "(Choose two.)" question as a list that wants exactly two ticks', async () => {
    const { prompter, options } = tty([right]);
    const r = await quiz(['--bank', BANK, '--topic', 'capacity', '--difficulty', 'hard'], options);
    expect(r.code).toBe(0);
    const [ask] = answerPrompts(prompter.calls);
    expect(ask?.message).toBe('Your answers (choose two)');
    expect(ask?.options.picks).toBe(2);
    // The hint and the answer are buttons, never options that can be ticked.
    expect(ask?.choices.every((c) => isLetter(c.value))).toBe(true);
    expect(actionsOf(ask)).toEqual(['hint', 'reveal']);
    expect(r.stdout).toMatch(/\nYour answers: [A-E], [A-E]\n/);
    expect(r.stdout).toContain('Score: 1 of 1 (100%)');
  });

  it('keeps ticked options ticked when a hint is asked for, and echoes no "(hint)"', async () => {
    const { prompter, options } = tty([(call: PromptCall) => [(right(call) as string[])[0], 'hint'], right]);
    const r = await quiz(['--bank', BANK, '--topic', 'capacity', '--difficulty', 'hard'], options);
    const [first, second] = answerPrompts(prompter.calls);
    const firstPick = (right(first as PromptCall) as string[])[0];
    expect(second?.options.checked).toEqual([firstPick]);
    expect(actionsOf(first)).toEqual(['hint', 'reveal']);
    expect(actionsOf(second)).toEqual(['reveal']);
    expect(r.stdout).not.toContain('(hint)');
    expect(r.stdout).toMatch(/Hint 1 of 1: /);
  });

  it('echoes the answer plainly before the verdict: no green check on a wrong answer', async () => {
    const { options } = tty([wrong]);
    const r = await quiz(['--bank', BANK, '--topic', 'retention'], options);
    const echo = r.stdout.indexOf('Your answer: ');
    expect(echo).toBeGreaterThan(0);
    expect(r.stdout.indexOf('✗ Not quite')).toBeGreaterThan(echo);
    expect(r.stdout).not.toContain('✔');
  });

  it('shows the answer on request and counts it as wrong', async () => {
    const { options } = tty([reveal]);
    const r = await quiz(['--bank', BANK, '--topic', 'retention'], options);
    expect(r.stdout).toContain('The answer is ');
    expect(r.stdout).toContain('Score: 0 of 1 (0%)');
    expect(progress().questions['retention-001']?.last).toBe('wrong');
  });

  it('stops when the learner asks to, with the summary, exit 0', async () => {
    const { options } = tty([right, 'stop']);
    const r = await quiz(['--bank', BANK, '--count', '3', '--seed', '1'], options);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Stopped after 1 of 3 questions; the answers you gave are saved.');
    expect(progress().sessions[0]?.ended).toBe('stopped');
  });

  it('repeats the same questions in the same order with the same options for the same seed', async () => {
    const first = tty([right, 'next', right, 'next', right]);
    const second = tty([right, 'next', right, 'next', right]);
    await quiz(['--bank', BANK, '--count', '3', '--seed', '42'], first.options);
    await quiz(['--bank', BANK, '--count', '3', '--seed', '42'], second.options);
    const names = (calls: PromptCall[]) => answerPrompts(calls).map((c) => c.choices.map((x) => x.name).join('|'));
    expect(names(second.prompter.calls)).toEqual(names(first.prompter.calls));
  });

  it('picks a seed from the clock when none is given, and prints it so the session can be repeated', async () => {
    const { options } = tty([right]);
    const r = await quiz(['--bank', BANK, '--count', '1'], { ...options, now: T });
    expect(r.stdout).toMatch(/Same questions again: kds quiz --count 1 --bank \S+ --seed \d+\n/);
  });
});

describe('Ctrl+C in a session', () => {
  it('keeps the answers given, prints the summary and exits 130', async () => {
    const { options } = tty([right, 'next', ctrlC()]);
    const r = await quiz(['--bank', BANK, '--topic', 'capacity', '--seed', '3'], options);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Stopped after 1 of 2 questions; the answers you gave are saved.');
    expect(r.stdout).toContain('Score: 1 of 1 (100%)');
    expect(r.stderr).toBe('kds: stopped with Ctrl+C.\n');
    const saved = progress();
    expect(Object.keys(saved.questions)).toHaveLength(1);
    expect(saved.sessions[0]).toMatchObject({ ended: 'interrupted', answered: 1, right: 1 });
  });

  it('at the "What next?" prompt, too', async () => {
    const { options } = tty([wrong, ctrlC()]);
    const r = await quiz(['--bank', BANK, '--topic', 'capacity', '--seed', '3'], options);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Score: 0 of 1 (0%)');
  });

  it('between prompts (a SIGINT outside a prompt): stops before asking anything more', async () => {
    const prompter = scriptedPrompter([
      (call: PromptCall) => {
        fake.interrupt();
        return right(call);
      },
    ]);
    const fake = fakeIo({ stdinIsTTY: true, stdoutIsTTY: true, prompter, env: { KDS_STATE_DIR: state } });
    const code = await run(['quiz', '--bank', BANK, '--topic', 'retention,consumers,partition-keys'], fake.io);
    expect(code).toBe(130);
    expect(prompter.asked).toEqual(['Your answer']);
    expect(fake.stdout()).toContain('Stopped after 1 of 3 questions');
  });

  it('before any answer: exit 130, no score, nothing saved', async () => {
    const { options } = tty([ctrlC()]);
    const r = await quiz(['--bank', BANK], options);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('No answers given, so there is no score.');
    expect(existsSync(progressFile())).toBe(false);
  });

  it('says the open question was not answered, above the summary', async () => {
    const { options } = tty([right, 'next', ctrlC()]);
    const r = await quiz(['--bank', BANK, '--topic', 'capacity', '--seed', '3'], options);
    const stopped = r.stdout.indexOf('Stopped at question 2, which was not answered.');
    expect(stopped).toBeGreaterThan(r.stdout.indexOf('Question 2 of 2'));
    expect(r.stdout.indexOf('── Summary')).toBeGreaterThan(stopped);
  });
});

describe('an exam', () => {
  it('offers no hints, gives no feedback until the end, then scores by topic and reviews the misses', async () => {
    const { prompter, options } = tty([wrong, right, right, 'submit']);
    const r = await quiz(['--bank', BANK, '--mode', 'exam', '--count', '3', '--seed', '5'], options);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kds quiz: exam, 3 questions \(all topics\)\nExam rules: no hints and no feedback until the end; no time limit/);
    for (const ask of answerPrompts(prompter.calls)) {
      expect(ask.choices.every((c) => isLetter(c.value))).toBe(true);
      expect(actionsOf(ask)).not.toContain('hint');
    }
    expect(prompter.asked).not.toContain('What next?');
    const summaryAt = r.stdout.indexOf('── Summary');
    expect(r.stdout.indexOf('Not quite')).toBeGreaterThan(summaryAt);
    expect(r.stdout).not.toContain('✓ Right');
    expect(r.stdout).toContain('Score: 2 of 3 (67%)\nTime: 0:00\n');
    expect(r.stdout).toContain('Review of the questions you missed:');
    expect(r.stdout).toMatch(/ Topic +Asked +Right +Score\n/);
    expect(progress().sessions[0]).toMatchObject({ ended: 'finished', answered: 3, right: 2 });
  });

  it('ends when the time limit runs out during a question; unanswered questions count as wrong', async () => {
    let clock = T;
    const { prompter, options } = tty([
      (call: PromptCall) => {
        clock += 2 * 60_000;
        return right(call);
      },
      () => new PromptTimeoutError(),
    ]);
    const r = await quiz(['--bank', BANK, '--mode', 'exam', '--count', '3', '--seed', '5', '--time-limit', '3'], { ...options, now: () => clock });
    expect(r.code).toBe(0);
    // Every prompt counts down to the same deadline.
    const [first, second] = answerPrompts(prompter.calls);
    expect(first?.options.deadline).toBe(T + 3 * 60_000);
    expect(second?.options.deadline).toBe(T + 3 * 60_000);
    expect(r.stdout).toContain('Time ran out at question 2, which was not answered.');
    expect(r.stdout).toContain('Time is up: 2 questions not answered, counted as wrong.');
    expect(r.stdout).toContain('Score: 1 of 3 (33%)\nTime: 3:00 of 3:00\n');
    // The same full summary as a submitted exam: the topic table and the review, unanswered ones included.
    expect(r.stdout).toMatch(/ Topic +Asked +Right +Score\n/);
    expect(r.stdout).toContain('Review of the questions you missed or did not answer:');
    expect(r.stdout.match(/✗ Not answered; the answer is [A-E]/g)).toHaveLength(2);
    expect(progress().sessions[0]).toMatchObject({ ended: 'time', answered: 1 });
  });

  it('ends before the next question when the time is already up', async () => {
    let clock = T;
    const { prompter, options } = tty([
      (call: PromptCall) => {
        clock += 5 * 60_000;
        return wrong(call);
      },
    ]);
    const r = await quiz(['--bank', BANK, '--mode', 'exam', '--count', '2', '--time-limit', '4'], { ...options, now: () => clock });
    expect(answerPrompts(prompter.calls)).toHaveLength(1);
    expect(r.stdout).toContain('Time is up: 1 question not answered, counted as wrong.');
    expect(r.stdout).toContain('Score: 0 of 2 (0%)');
  });
});

describe('an exam that moves like the real one', () => {
  it('flags, moves back and forth, reviews answered, unanswered and flagged, changes an answer, then submits', async () => {
    const { prompter, options } = tty([
      'flag', // question 1 flagged, not answered
      'next', // on to question 2
      'previous', // back to question 1
      'next',
      right, // question 2 answered: the review screen comes next
      'submit', // submit with question 1 unanswered...
      'back', // ...but go back to the review
      '0', // open question 1
      wrong, // answer it: on to question 2, answered before
      'review',
      '0', // open question 1 again and change the answer
      right,
      'review',
      'submit',
    ]);
    const r = await quiz(['--bank', BANK, '--mode', 'exam', '--topic', 'retention,consumers', '--seed', '2'], { ...options, now: T });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Question 1 is flagged for review.');
    expect(r.stdout).toContain('1 of 2 answered · 1 not answered · 1 flagged.');
    expect(r.stdout).toContain('2 of 2 answered · 0 not answered · 1 flagged.');
    expect(r.stdout).toMatch(/Question 2 of 2 · \S+ · \S+ · answered [A-C] /);
    const lists = prompter.calls.filter((c) => c.kind === 'quizList');
    const flaggedAsk = lists[1];
    expect(flaggedAsk?.options.status).toBe('⚑ flagged');
    expect(actionsOf(flaggedAsk)).toEqual(['flag', 'next', 'review']);
    expect(lists.find((c) => c.message.endsWith('Submit anyway?'))?.message).toBe(
      '1 of 2 questions is not answered and will count as wrong. Submit anyway?',
    );
    // The changed answer is the one scored, and the answers are recorded once, at the end.
    expect(r.stdout).toContain('Score: 2 of 2 (100%)');
    const saved = progress();
    expect(Object.values(saved.questions).map((q) => q.answers)).toEqual([1, 1]);
    expect(saved.sessions[0]).toMatchObject({ mode: 'exam', ended: 'finished', answered: 2, right: 2 });
  });

  it('scores a submitted exam over every question, and reviews the unanswered ones with their answer', async () => {
    const { options } = tty(['review', 'submit', 'submit']);
    const r = await quiz(['--bank', BANK, '--mode', 'exam', '--topic', 'retention', '--seed', '2'], options);
    expect(r.stdout).toContain('Submitted with 1 question not answered, counted as wrong.');
    expect(r.stdout).toContain('Score: 0 of 1 (0%)');
    expect(r.stdout).toMatch(/ retention +1 +0 +0%\n/);
    expect(r.stdout).toContain('✗ Not answered; the answer is ');
  });
});

describe('a named set', () => {
  it('--set practice asks exactly the set, in its order', async () => {
    const { prompter, options } = tty([right, 'next', right]);
    const r = await quiz(['--bank', BANK, '--set', 'practice', '--seed', '9'], options);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kds quiz: practice, 2 questions \(the practice set, in order\)\n/);
    const order = [...r.stdout.matchAll(/Question \d of 2 · (\S+)/g)].map((m) => m[1]);
    expect(order).toEqual(['consumers', 'retention']);
    expect(answerPrompts(prompter.calls)).toHaveLength(2);
    expect(r.stdout).toContain('Same questions again: kds quiz --set practice --bank');
  });

  it('names the sets there are when the set is unknown, and refuses filters that would change the set', async () => {
    const unknown = await quiz(['--bank', BANK, '--set', 'mock'], tty([]).options);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("kds: no question set 'mock' in the bank (sets: practice).\n");
    const filtered = await quiz(['--bank', BANK, '--set', 'practice', '--topic', 'capacity'], tty([]).options);
    expect(filtered.code).toBe(2);
    expect(filtered.stderr).toBe('kds: --set practice asks its own questions in its own order: leave out --topic and --difficulty.\n');
    const twice = await quiz(['--bank', BANK, '--set', 'practice', '--review'], tty([]).options);
    expect(twice.stderr).toBe('kds: --set practice and --review choose questions in two different ways: use one of them.\n');
  });
});

describe('an exam blueprint', () => {
  it('--blueprint developer draws by the exam guide\'s domain weights and says so', async () => {
    const { prompter, options } = tty([right, right, right, 'submit']);
    const r = await quiz(['--bank', BANK, '--mode', 'exam', '--blueprint', 'developer', '--count', '3', '--seed', '1'], options);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kds quiz: exam, 3 questions \(AWS Certified Developer - Associate \(DVA-C02\) domain weights\)\n/);
    expect(answerPrompts(prompter.calls)).toHaveLength(3);
    expect(r.stdout).toContain('Same questions again: kds quiz --mode exam --blueprint developer --count 3 --bank');
  });

  it('rejects an unknown blueprint, and --topic with one', async () => {
    const unknown = await quiz(['--blueprint', 'architect'], tty([]).options);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("argument 'architect' is invalid");
    const topic = await quiz(['--blueprint', 'data-engineer', '--topic', 'cost'], tty([]).options);
    expect(topic.stderr).toBe("kds: --blueprint data-engineer chooses the topics by the exam's domain weights: leave out --topic.\n");
  });
});

describe('choosing the questions', () => {
  it('--review asks only what was missed last time, and says so when nothing is left', async () => {
    expect((await quiz(['answer', 'retention-001', 'b', '--bank', BANK])).code).toBe(1);
    const { prompter, options } = tty([right]);
    const r = await quiz(['--bank', BANK, '--review'], options);
    expect(r.stdout).toMatch(/^kds quiz: practice, 1 question \(all topics; missed last time\)/);
    expect(answerPrompts(prompter.calls)[0]?.choices.map((c) => textOf(c.name))).toContain('365 days.');
    const again = await quiz(['--bank', BANK, '--review'], tty([]).options);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to review: /);
  });

  it('--due asks what its Leitner box says is due, not what was never answered', async () => {
    const fresh = await quiz(['--bank', BANK, '--due'], tty([]).options);
    expect(fresh.stdout).toBe('Nothing is due for review: questions become due after you answer them. Start with kds quiz.\n');
    await quiz(['answer', 'retention-001', 'b', '--bank', BANK], { now: T });
    await quiz(['answer', 'consumers-001', 'b', '--bank', BANK], { now: T });
    const { prompter, options } = tty([right]);
    const r = await quiz(['--bank', BANK, '--due'], { ...options, now: T + 1000 });
    expect(r.stdout).toMatch(/^kds quiz: practice, 1 question \(all topics; due for review\)/);
    expect(answerPrompts(prompter.calls)).toHaveLength(1);
    expect(answerPrompts(prompter.calls)[0]?.choices.map((c) => textOf(c.name))).toContain('365 days.');
  });

  it('says which flags matched nothing', async () => {
    const r = await quiz(['--bank', BANK, '--topic', 'security'], tty([]).options);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kds: no question matches in security (the bank has 5; kds quiz list shows them).\n');
  });

  it.each([
    // In a terminal (100 columns here) a long message wraps under itself.
    [['--topic', 'kafka'], "kds: unknown topic 'kafka' for --topic (topics: capacity, partition-keys, producers, consumers,\n     retention, resharding, firehose, integrations, kds-vs-sqs, errors, monitoring, security, cost).\n"],
    [['--difficulty', 'expert'], "kds: unknown difficulty 'expert' for --difficulty (difficulties: easy, medium, hard).\n"],
    [['--mode', 'quick'], "kds: option '--mode <MODE>' argument 'quick' is invalid. Allowed choices are practice, exam.\n"],
    [['--count', '0'], "kds: --count expects a whole number of questions from 1 to 10,000, got '0' (too small).\n"],
    [['--seed', '-1'], "kds: --seed expects a whole number of seed values from 0 to 4,294,967,295, got '-1' (negative).\n"],
    [['--review', '--due'], 'kds: --review and --due choose questions in two different ways: use one of them.\n'],
    [['--time-limit', '10'], 'kds: --time-limit 10 needs --mode exam: practice has no clock.\n'],
    [['lst'], "kds: unknown quiz command 'lst' (Did you mean kds quiz list?)\n"],
    [['xyz'], "kds: unknown quiz command 'xyz' (commands: list, show, answer, drill, check, stats, reset, export,\n     import; see kds quiz --help).\n"],
  ])('rejects %j with exit 2', async (args, stderr) => {
    const r = await quiz([...args], tty([]).options);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
  });

  it('takes topics repeated or separated by commas, in any case', async () => {
    const r = await quiz(['list', '--bank', BANK, '--topic', 'Retention', '--topic', 'consumers,retention', '--json']);
    expect(JSON.parse(r.stdout).map((q: { id: string }) => q.id)).toEqual(['consumers-001', 'retention-001']);
  });
});

describe('kds quiz list and show', () => {
  it('lists questions as JSON: id, topic, difficulty, prompt', async () => {
    const r = await quiz(['list', '--bank', BANK, '--topic', 'capacity', '--json'], { env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: 'capacity-001',
        topic: 'capacity',
        difficulty: 'medium',
        prompt: 'A stream has 4 shards and a producer writes 6 MiB/s.\nWhat fixes the write throttling?',
      },
      { id: 'capacity-002', topic: 'capacity', difficulty: 'hard', prompt: 'Which two limits apply to writes on one shard? (Choose two.)' },
    ]);
  });

  it('lists questions as a table that fits the terminal', async () => {
    const r = await quiz(['list', '--bank', BANK], { stdoutIsTTY: true, columns: 72 });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ ID +LEVEL +QUESTION$/);
    expect(lines).toHaveLength(8);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(72);
    expect(lines.at(-1)).toBe('5 questions · kds quiz show ID · kds quiz answer ID LETTER');
  });

  it('shows a question in file order, without the answer unless asked', async () => {
    const r = await quiz(['show', 'capacity-002', '--bank', BANK, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 'capacity-002',
      topic: 'capacity',
      difficulty: 'hard',
      prompt: 'Which two limits apply to writes on one shard? (Choose two.)',
      choose: 2,
      options: [
        { letter: 'A', text: '2 MiB/s of writes.' },
        { letter: 'B', text: '1 MiB/s of writes.' },
        { letter: 'C', text: '5 writes per second.' },
        { letter: 'D', text: '1,000 records per second.' },
      ],
    });
    const text = await quiz(['show', 'capacity-002', '--bank', BANK]);
    expect(text.stdout).toContain('  B. 1 MiB/s of writes.\n');
    expect(text.stdout).toContain('Answer with: kds quiz answer capacity-002 LETTER (two letters)');
    expect(text.stdout).not.toContain('Answer: ');
  });

  it('shows the key with --answer --json', async () => {
    const r = await quiz(['show', 'capacity-002', '--answer', '--json', '--bank', BANK]);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 'capacity-002',
      topic: 'capacity',
      difficulty: 'hard',
      prompt: 'Which two limits apply to writes on one shard? (Choose two.)',
      choose: 2,
      options: [
        { letter: 'A', text: '2 MiB/s of writes.', why: '2 MiB/s is the shared read limit.' },
        { letter: 'B', text: '1 MiB/s of writes.' },
        { letter: 'C', text: '5 writes per second.', why: 'Five per second is the GetRecords call limit.' },
        { letter: 'D', text: '1,000 records per second.' },
      ],
      correct: ['B', 'D'],
      explanation: 'A shard accepts 1 MiB/s or 1,000 records/s of writes, whichever comes first.',
      sources: [
        'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
        'https://aws.amazon.com/kinesis/data-streams/faqs/',
      ],
      hints: ['One limit counts bytes, the other counts records.'],
    });
  });

  it('names the valid ids when the id is unknown (exit 2)', async () => {
    const r = await quiz(['show', 'capacity-009', '--bank', BANK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kds: unknown question 'capacity-009' (capacity questions: capacity-001, capacity-002); kds quiz list shows all 5.\n");
  });
});

describe('kds quiz answer', () => {
  it('exits 0 for a right answer, prints the feedback and records it', async () => {
    const r = await quiz(['answer', 'capacity-001', 'c', '--bank', BANK], { now: T });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ Right: C\.\n {2}C\. Raise the shard count to at least 6\.\n/);
    expect(r.stdout).toContain(
      'Each shard accepts up to 1 MiB/s of writes, so 4 shards take 4 MiB/s and the\nrest is throttled.\n\nSix shards or more fix it.\n',
    );
    expect(r.stdout).toContain('Try:    $ kds size --mbps 6 --current-shards 4');
    expect(progress().questions['capacity-001']).toMatchObject({ box: 2, last: 'right', answers: 1 });
  });

  it('exits 1 for a wrong answer, saying why the pick is wrong, and records it', async () => {
    const r = await quiz(['answer', 'capacity-001', 'A', '--bank', BANK]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^✗ Not quite: you chose A; the answer is C\./);
    expect(r.stdout).toContain('✗ A. Add KCL workers to the consumer.\n     Workers read; they add no write capacity.');
    expect(progress().questions['capacity-001']).toMatchObject({ box: 1, last: 'wrong' });
  });

  it('grades a multiple answer given as one word or several, in any order', async () => {
    expect((await quiz(['answer', 'capacity-002', 'db', '--bank', BANK])).code).toBe(0);
    expect((await quiz(['answer', 'capacity-002', 'B', 'd', '--bank', BANK])).code).toBe(0);
    const half = await quiz(['answer', 'capacity-002', 'b', '--bank', BANK, '--json']);
    expect(half.code).toBe(1);
    expect(JSON.parse(half.stdout)).toMatchObject({ id: 'capacity-002', right: false, chosen: ['B'], correct: ['B', 'D'] });
    expect(progress().questions['capacity-002']).toMatchObject({ answers: 3, last: 'wrong', box: 1 });
  });

  it('rejects a letter that is not an option (exit 2), naming the valid ones, and records nothing', async () => {
    const r = await quiz(['answer', 'retention-001', 'd', '--bank', BANK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kds: 'd' is not an option of retention-001: choose from A, B, C (kds quiz show retention-001).\n");
    expect(existsSync(progressFile())).toBe(false);
  });
});

describe('kds quiz check', () => {
  it('passes a valid bank', async () => {
    const r = await quiz(['check', BANK]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ 5 questions in 4 topics: no problems.\n');
  });

  it('reports every problem of a broken bank as file:line: message and exits 1', async () => {
    const r = await quiz(['check', '--bank', BROKEN], { cwd: BROKEN });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('capacity/capacity-001.yaml:8: YAML: All sequence items must start at the same column');
    expect(lines).toContain('capacity/capacity-004.yaml:1: id \'capacity-005\' must equal the file name \'capacity-004\'');
    expect(lines.at(-1)).toBe('✗ 22 problems in 9 files (6 question files read, 1 valid).');
  });

  it('prints the problems as JSON with --json', async () => {
    const r = await quiz(['check', BROKEN, '--json']);
    const data = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(data).toMatchObject({ dir: BROKEN, files: 6, questions: 1 });
    expect(data.problems[0]).toEqual({
      file: join(BROKEN, 'capacity', 'capacity-001.yaml'),
      line: 8,
      message: 'YAML: All sequence items must start at the same column',
    });
  });

  it('treats an empty folder as a problem, and a missing one as an input error', async () => {
    const empty = await quiz(['check', state]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain(': no question files here (expected DIR/<topic>/<id>.yaml)');
    const missing = await quiz(['check', join(state, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kds: no question bank at .*nope: /);
  });

  it('refuses two different banks at once', async () => {
    expect((await quiz(['check', BANK, '--bank', BROKEN])).code).toBe(2);
  });
});

describe('kds quiz stats and reset', () => {
  it('reports progress as JSON', async () => {
    await quiz(['answer', 'capacity-001', 'c', '--bank', BANK], { now: T });
    await quiz(['answer', 'retention-001', 'b', '--bank', BANK], { now: T });
    const r = await quiz(['stats', '--json', '--bank', BANK], { now: T + 1000 });
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats).toMatchObject({
      file: progressFile(),
      questions: 5,
      seen: 2,
      answers: 2,
      right: 1,
      due: 1,
      toReview: 1,
      nextDue: '2026-11-26T12:00:00.000Z',
    });
    expect(stats.topics.find((t: { topic: string }) => t.topic === 'capacity')).toEqual({
      topic: 'capacity',
      questions: 2,
      seen: 1,
      answers: 1,
      right: 1,
      mastered: 0,
    });
  });

  it('reports progress for people', async () => {
    const empty = await quiz(['stats', '--bank', BANK]);
    expect(empty.stdout).toMatch(/^No answers yet\. 5 questions are waiting: kds quiz\n/);
    await quiz(['answer', 'capacity-001', 'c', '--bank', BANK], { now: T });
    const r = await quiz(['stats', '--bank', BANK], { now: T });
    expect(r.stdout).toContain('Progress: 1 of 5 questions answered; 1 answer, 1 right (100%); 0 hints used.');
    expect(r.stdout).toMatch(/ capacity +1\/2 +1 +1 +100% +0\n/);
  });

  it('reads a corrupt progress file as empty with a warning, and moves it aside at the next save', async () => {
    writeFileSync(progressFile(), '{ not json');
    const r = await quiz(['stats', '--bank', BANK], { now: T });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^kds: the progress file .*progress\.json is unreadable \(not JSON: .*\); progress starts afresh, and the file is moved aside at the next save\.\n$/);
    expect(readdirSync(state)).toEqual(['progress.json']);
    const answered = await quiz(['answer', 'retention-001', 'a', '--bank', BANK], { now: T });
    expect(answered.stderr).toMatch(/^kds: the progress file .*progress\.json is unreadable \(not JSON: .*\); it was moved to .*progress\.json\.corrupt-2026-11-25T12-00-00-000Z and progress starts afresh\.\n$/);
    expect(readdirSync(state).sort()).toEqual(['progress.json', 'progress.json.corrupt-2026-11-25T12-00-00-000Z']);
    expect(readFileSync(join(state, 'progress.json.corrupt-2026-11-25T12-00-00-000Z'), 'utf8')).toBe('{ not json');
  });

  it('reset asks first, in a terminal, and does nothing on "no"', async () => {
    await quiz(['answer', 'capacity-001', 'c', '--bank', BANK]);
    const { prompter, options } = tty([false]);
    const r = await quiz(['reset'], options);
    expect(prompter.asked).toEqual(['Forget all your progress: 1 question and 0 sessions?']);
    expect(r.stdout).toBe('Nothing changed.\n');
    expect(existsSync(progressFile())).toBe(true);
  });

  it('reset without a terminal needs --yes (exit 2), and --yes forgets everything', async () => {
    await quiz(['answer', 'capacity-001', 'c', '--bank', BANK]);
    const refused = await quiz(['reset']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'kds: kds quiz reset asks before it forgets all your progress: 1 question and 0 sessions, and there is no terminal to ask in: add --yes.\n',
    );
    const done = await quiz(['reset', '--yes']);
    expect(done.code).toBe(0);
    expect(done.stdout).toBe('Forgot all your progress: 1 question and 0 sessions.\n');
    expect(existsSync(progressFile())).toBe(false);
    expect((await quiz(['reset', '--yes'])).stdout).toMatch(/^Nothing to reset: no progress saved yet/);
  });

  it('reset --topic forgets only those topics', async () => {
    await quiz(['answer', 'capacity-001', 'c', '--bank', BANK]);
    await quiz(['answer', 'retention-001', 'a', '--bank', BANK]);
    const r = await quiz(['reset', '--topic', 'retention', '--yes']);
    expect(r.stdout).toBe('Forgot your progress on 1 question (retention).\n');
    expect(Object.keys(progress().questions)).toEqual(['capacity-001']);
  });
});
