import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  isDue,
  markLessonRead,
  mergeProgress,
  parseProgress,
  progressStats,
  recordAnswer,
  recordOf,
  recordSession,
  SESSION_HISTORY,
  type SessionRecord,
} from '../../../src/core/quiz/progress.js';
import { question } from '../../helpers/quiz.js';

const T = Date.UTC(2026, 10, 25, 12);
const DAY = 86_400_000;

const record = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  topic: 'cost',
  box: 1,
  answers: 1,
  right: 1,
  hintsUsed: 0,
  last: 'right',
  lastAnswered: '2026-01-01T00:00:00Z',
  due: '2026-01-01T00:00:00Z',
  ...overrides,
});

const session = (at: number, right = 1): SessionRecord => ({
  at: new Date(at).toISOString(),
  mode: 'practice',
  questions: 2,
  answered: 2,
  right,
  hintsUsed: 0,
  ended: 'finished',
});

describe('recording answers', () => {
  it('files a first right answer in box 2, due a day later', () => {
    const state = recordAnswer(emptyProgress(), { id: 'capacity-001', topic: 'capacity', right: true, hintsUsed: 0, at: T });
    expect(recordOf(state, 'capacity-001')).toEqual({
      topic: 'capacity',
      box: 2,
      answers: 1,
      right: 1,
      hintsUsed: 0,
      last: 'right',
      lastAnswered: '2026-11-25T12:00:00.000Z',
      due: '2026-11-26T12:00:00.000Z',
    });
  });

  it('sends a miss back to box 1, due at once, and keeps the counts', () => {
    let state = recordAnswer(emptyProgress(), { id: 'q-001', topic: 'capacity', right: true, hintsUsed: 0, at: T });
    state = recordAnswer(state, { id: 'q-001', topic: 'capacity', right: true, hintsUsed: 1, at: T + DAY });
    state = recordAnswer(state, { id: 'q-001', topic: 'capacity', right: false, hintsUsed: 0, at: T + 2 * DAY });
    const r = recordOf(state, 'q-001');
    expect(r).toMatchObject({ box: 1, answers: 3, right: 2, hintsUsed: 1, last: 'wrong' });
    expect(r && isDue(r, T + 2 * DAY)).toBe(true);
  });

  it('leaves the state it was given untouched', () => {
    const before = emptyProgress();
    recordAnswer(before, { id: 'a-001', topic: 'cost', right: true, hintsUsed: 0, at: T });
    expect(before).toEqual(emptyProgress());
  });

  it('treats any id as data, "__proto__" and "constructor" included', () => {
    let state = recordAnswer(emptyProgress(), { id: '__proto__', topic: 'cost', right: true, hintsUsed: 0, at: T });
    state = recordAnswer(state, { id: 'constructor', topic: 'cost', right: false, hintsUsed: 0, at: T });
    expect(recordOf(state, '__proto__')?.box).toBe(2);
    expect(recordOf(state, 'constructor')?.last).toBe('wrong');
    expect(recordOf(state, 'toString')).toBeUndefined();
    const parsed = parseProgress(JSON.parse(JSON.stringify(state)));
    expect(parsed.ok && recordOf(parsed.state, '__proto__')?.box).toBe(2);
    expect(Object.getPrototypeOf(parsed.ok ? parsed.state.questions : null)).toBe(Object.prototype);
  });

  it('keeps the last sessions only', () => {
    let state = emptyProgress();
    for (let i = 0; i < SESSION_HISTORY + 5; i++) state = recordSession(state, session(T + i));
    expect(state.sessions).toHaveLength(SESSION_HISTORY);
    expect(state.sessions[0]?.at).toBe(new Date(T + 5).toISOString());
  });
});

describe('reading the progress file', () => {
  it('reads back whatever recording wrote (JSON round trip)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('capacity-001', 'capacity-002', 'cost-001', 'drill-size'),
            right: fc.boolean(),
            hintsUsed: fc.integer({ min: 0, max: 3 }),
            days: fc.integer({ min: 0, max: 400 }),
          }),
          { maxLength: 20 },
        ),
        (events) => {
          let state = emptyProgress();
          for (const e of events) state = recordAnswer(state, { ...e, topic: 'capacity', at: T + e.days * DAY });
          state = recordSession(state, session(T));
          expect(parseProgress(JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, state });
        },
      ),
    );
  });

  it.each([
    ['an array', [], 'it is not a JSON object'],
    ['no version', { questions: {}, sessions: [] }, 'its format version is undefined, expected 1'],
    ['a newer version', { version: 2, questions: {}, sessions: [] }, 'it has format version 2, written by a newer kds (this one reads 1)'],
    ['questions not an object', { version: 1, questions: [], sessions: [] }, "'questions' is not an object"],
    ['a box out of range', { version: 1, questions: { a: { topic: 'x', box: 9, answers: 1, right: 1, hintsUsed: 0, last: 'right', lastAnswered: '2026-01-01T00:00:00Z', due: '2026-01-01T00:00:00Z' } }, sessions: [] }, "the record of question 'a' is malformed"],
    ['a bad date', { version: 1, questions: { a: { topic: 'x', box: 1, answers: 1, right: 1, hintsUsed: 0, last: 'right', lastAnswered: 'yesterday', due: '2026-01-01T00:00:00Z' } }, sessions: [] }, "the record of question 'a' is malformed"],
    ['a bad session', { version: 1, questions: {}, sessions: [{ at: '2026-01-01T00:00:00Z', mode: 'speed' }] }, 'a session in its history is malformed'],
    ['more right than answered', { version: 1, questions: { a: record({ answers: 2, right: 3 }) }, sessions: [] }, "the record of question 'a' is malformed"],
    ['a count of 1e308', { version: 1, questions: { a: record({ answers: 1e308, right: 1 }) }, sessions: [] }, "the record of question 'a' is malformed"],
    ['no answers at all', { version: 1, questions: { a: record({ answers: 0, right: 0 }) }, sessions: [] }, "the record of question 'a' is malformed"],
    ['last right but never right', { version: 1, questions: { a: record({ answers: 2, right: 0, last: 'right' }) }, sessions: [] }, "the record of question 'a' is malformed"],
    ['a session with more answered than asked', { version: 1, questions: {}, sessions: [{ ...session(T), questions: 2, answered: 3, right: 1 }] }, 'a session in its history is malformed'],
    ['a session with more right than answered', { version: 1, questions: {}, sessions: [{ ...session(T), answered: 1, right: 2 }] }, 'a session in its history is malformed'],
  ])('rejects %s, saying why', (_what, data, reason) => {
    expect(parseProgress(data)).toEqual({ ok: false, reason });
  });
});

describe('progress stats', () => {
  const bank = [
    question({ id: 'capacity-001', topic: 'capacity' }),
    question({ id: 'capacity-002', topic: 'capacity' }),
    question({ id: 'cost-001', topic: 'cost' }),
  ];

  it('counts answers, boxes, what is due and what to review, per topic', () => {
    let state = recordAnswer(emptyProgress(), { id: 'capacity-001', topic: 'capacity', right: true, hintsUsed: 0, at: T });
    state = recordAnswer(state, { id: 'cost-001', topic: 'cost', right: false, hintsUsed: 1, at: T });
    state = recordAnswer(state, { id: 'drill-size', topic: 'capacity', right: true, hintsUsed: 0, at: T });
    state = recordSession(state, session(T));
    const stats = progressStats(state, bank, T + 60_000);
    expect(stats).toMatchObject({
      questions: 3,
      seen: 2,
      answers: 3,
      right: 2,
      hintsUsed: 1,
      due: 1,
      toReview: 1,
      nextDue: '2026-11-26T12:00:00.000Z',
      boxes: [
        { box: 0, questions: 1 },
        { box: 1, questions: 1 },
        { box: 2, questions: 1 },
        { box: 3, questions: 0 },
        { box: 4, questions: 0 },
        { box: 5, questions: 0 },
      ],
    });
    expect(stats.topics.find((t) => t.topic === 'capacity')).toEqual({
      topic: 'capacity',
      questions: 2,
      seen: 1,
      answers: 2,
      right: 2,
      mastered: 0,
    });
    expect(stats.topics.find((t) => t.topic === 'cost')).toMatchObject({ answers: 1, right: 0 });
    expect(stats.topics).toHaveLength(13);
    expect(stats.sessions).toHaveLength(1);
  });

  it('says nothing is due a minute before, and everything answered is due a day after', () => {
    const state = recordAnswer(emptyProgress(), { id: 'capacity-001', topic: 'capacity', right: true, hintsUsed: 0, at: T });
    expect(progressStats(state, bank, T + DAY - 60_000).due).toBe(0);
    expect(progressStats(state, bank, T + DAY).due).toBe(1);
  });
});

describe('merging progress from elsewhere (kds quiz import)', () => {
  const at = (days: number) => T + days * DAY;
  const answer = (state: ReturnType<typeof emptyProgress>, id: string, right: boolean, days: number) =>
    recordAnswer(state, { id, topic: 'capacity', right, hintsUsed: 0, at: at(days) });

  it('adds what only the import has and keeps what only the disk has', () => {
    const disk = answer(emptyProgress(), 'only-here', true, 0);
    const incoming = answer(emptyProgress(), 'only-there', false, 1);
    const merged = mergeProgress(disk, incoming);
    expect(Object.keys(merged.state.questions).sort()).toEqual(['only-here', 'only-there']);
    expect(merged.state.questions['only-here']).toEqual(disk.questions['only-here']);
    expect(merged.state.questions['only-there']).toEqual(incoming.questions['only-there']);
    expect(merged.counts).toEqual({ questionsAdded: 1, questionsMerged: 0, sessionsAdded: 0, lessonsAdded: 0 });
  });

  it('takes the box and due date of the later answer, and the larger of each count', () => {
    let disk = answer(emptyProgress(), 'q', true, 0);
    disk = answer(disk, 'q', true, 2);
    disk = answer(disk, 'q', true, 5);
    const incoming = answer(emptyProgress(), 'q', false, 9);
    const merged = mergeProgress(disk, incoming).state.questions.q;
    expect(merged).toMatchObject({ answers: 3, right: 3, last: 'wrong', box: 1, due: incoming.questions.q?.due });
    expect(parseProgress(JSON.parse(JSON.stringify(mergeProgress(disk, incoming).state))).ok).toBe(true);
  });

  it('changes nothing when the same file is imported twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom('a', 'b', '__proto__'), right: fc.boolean(), days: fc.integer({ min: 0, max: 90 }) }), { maxLength: 12 }),
        fc.array(fc.record({ id: fc.constantFrom('a', 'c'), right: fc.boolean(), days: fc.integer({ min: 0, max: 90 }) }), { maxLength: 12 }),
        (mine, theirs) => {
          let disk = emptyProgress();
          for (const e of mine) disk = answer(disk, e.id, e.right, e.days);
          disk = recordSession(markLessonRead(disk, 'shards', at(3)), session(at(4)));
          let incoming = emptyProgress();
          for (const e of theirs) incoming = answer(incoming, e.id, e.right, e.days);
          incoming = recordSession(markLessonRead(incoming, 'cost', at(1)), session(at(2)));
          const once = mergeProgress(disk, incoming).state;
          const twice = mergeProgress(once, incoming);
          expect(twice.state).toEqual(once);
          expect(twice.counts).toEqual({ questionsAdded: 0, questionsMerged: 0, sessionsAdded: 0, lessonsAdded: 0 });
          expect(parseProgress(JSON.parse(JSON.stringify(once)))).toEqual({ ok: true, state: once });
        },
      ),
    );
  });

  it('keeps both histories of sessions in time order, and the first reading of each lesson', () => {
    const disk = recordSession(markLessonRead(emptyProgress(), 'shards', at(5)), session(at(3)));
    const incoming = recordSession(recordSession(markLessonRead(emptyProgress(), 'shards', at(1)), session(at(1))), session(at(3)));
    const { state, counts } = mergeProgress(disk, incoming);
    expect(state.sessions.map((s) => s.at)).toEqual([new Date(at(1)).toISOString(), new Date(at(3)).toISOString()]);
    expect(state.lessons).toEqual({ shards: new Date(at(1)).toISOString() });
    expect(counts).toMatchObject({ sessionsAdded: 1, lessonsAdded: 0 });
  });
});
