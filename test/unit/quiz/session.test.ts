import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS, suggestionsFor, TOPIC_GUIDE } from '../../../src/core/quiz/guide.js';
import { answerEvent, sessionRecord, summarizeSession } from '../../../src/core/quiz/session.js';
import { TOPICS } from '../../../src/core/quiz/topics.js';
import { answered, question } from '../../helpers/quiz.js';

const cap1 = question({ id: 'capacity-001', topic: 'capacity', try: 'kds size --mbps 6 --current-shards 4' });
const cap2 = question({ id: 'capacity-002', topic: 'capacity' });
const cons = question({ id: 'consumers-001', topic: 'consumers' });
const cost = question({ id: 'cost-001', topic: 'cost' });

describe('scoring a session', () => {
  it('scores right answers over answers given, counts hints, and lists topics in course order', () => {
    const answers = [
      answered(cons, 'right', { hintsUsed: 2 }),
      answered(cap1, 'wrong', { hintsUsed: 1 }),
      answered(cap2, 'right'),
      answered(cost, 'wrong', { revealed: true }),
    ];
    const s = summarizeSession('practice', [cons, cap1, cap2, cost], answers, 'finished');
    expect(s).toMatchObject({ questions: 4, answered: 4, right: 2, rightWithHints: 1, hintsUsed: 3, outOf: 4, score: 0.5 });
    expect(s.topics).toEqual([
      { topic: 'capacity', asked: 2, right: 1, hintsUsed: 1 },
      { topic: 'consumers', asked: 1, right: 1, hintsUsed: 2 },
      { topic: 'cost', asked: 1, right: 0, hintsUsed: 0 },
    ]);
    expect(s.missed.map((m) => m.presented.question.id)).toEqual(['capacity-001', 'cost-001']);
    expect(s.unanswered).toEqual([]);
  });

  it('scores only the answers given when the learner stops early', () => {
    const s = summarizeSession('exam', [cap1, cap2, cons], [answered(cap1, 'right')], 'interrupted');
    expect(s).toMatchObject({ answered: 1, outOf: 1, score: 1 });
    expect(s.unanswered.map((q) => q.id)).toEqual(['capacity-002', 'consumers-001']);
  });

  it('counts unanswered questions as wrong when an exam runs out of time', () => {
    const s = summarizeSession('exam', [cap1, cap2, cons, cost], [answered(cap1, 'right')], 'time');
    expect(s).toMatchObject({ answered: 1, right: 1, outOf: 4, score: 0.25 });
  });

  it('has no score when nothing was answered', () => {
    expect(summarizeSession('practice', [cap1], [], 'interrupted').score).toBeUndefined();
  });

  it('records a generated question under its progress id', () => {
    const drill = question({ id: 'drill-size-42-3', progressId: 'drill-size', topic: 'capacity', hints: [], sources: [] });
    expect(answerEvent(answered(drill, 'wrong'), 7)).toEqual({ id: 'drill-size', topic: 'capacity', right: false, hintsUsed: 0, at: 7 });
  });

  it('turns answers and sessions into progress-file entries', () => {
    const a = answered(cap1, 'right', { hintsUsed: 1 });
    expect(answerEvent(a, 5)).toEqual({ id: 'capacity-001', topic: 'capacity', right: true, hintsUsed: 1, at: 5 });
    const s = summarizeSession('practice', [cap1, cap2], [a], 'stopped');
    expect(sessionRecord(s, Date.UTC(2026, 10, 25))).toEqual({
      at: '2026-11-25T00:00:00.000Z',
      mode: 'practice',
      questions: 2,
      answered: 1,
      right: 1,
      hintsUsed: 1,
      ended: 'stopped',
    });
  });
});

describe('what to look at after a session', () => {
  it('suggests the try commands of missed questions first, then the lessons, then the commands of topics whose misses had no try', () => {
    const s = summarizeSession('practice', [cap1, cons, cap2], [answered(cap1, 'wrong'), answered(cons, 'wrong'), answered(cap2, 'right')], 'finished');
    expect(suggestionsFor(s).map((x) => x.command)).toEqual([
      'kds size --mbps 6 --current-shards 4',
      'kds learn shards',
      'kds learn consumers',
      'kds size --mbps 6 --consumers 3',
      'kds size --mbps 6 --efo-consumers 3',
    ]);
  });

  it('suggests only the Lambda lesson for a missed errors question, no unrelated kds size command', () => {
    const lambda = question({ id: 'errors-001', topic: 'errors' });
    const s = summarizeSession('practice', [lambda], [answered(lambda, 'wrong')], 'finished');
    expect(suggestionsFor(s)).toEqual([{ command: 'kds learn lambda', what: 'the lesson on errors' }]);
  });

  it('points every topic to a lesson that exists', async () => {
    const { loadLessons, defaultLessonDir } = await import('../../../src/io/lessons.js');
    const ids = loadLessons(defaultLessonDir(), TOPICS).lessons.map((l) => l.id);
    for (const topic of TOPICS) expect(ids).toContain(TOPIC_GUIDE[topic].lesson);
  });

  it('suggests the lesson of a topic once it has one, and nothing when all was right', () => {
    const guide = { ...TOPIC_GUIDE, cost: { commands: [], lesson: 'cost' } };
    const missed = summarizeSession('practice', [cost], [answered(cost, 'wrong')], 'finished');
    expect(suggestionsFor(missed, guide)).toEqual([{ command: 'kds learn cost', what: 'the lesson on cost' }]);
    const perfect = summarizeSession('practice', [cost], [answered(cost, 'right')], 'finished');
    expect(suggestionsFor(perfect)).toEqual([]);
  });

  it('keeps the list short', () => {
    const qs = TOPICS.map((topic, i) => question({ id: `${topic}-00${i}`, topic }));
    const s = summarizeSession('practice', qs, qs.map((q) => answered(q, 'wrong')), 'finished');
    expect(suggestionsFor(s)).toHaveLength(MAX_SUGGESTIONS);
  });

  it('only suggests kds commands', () => {
    for (const topic of TOPICS) for (const s of TOPIC_GUIDE[topic].commands) expect(s.command).toMatch(/^kds (size|keys|compare|learn)\b/);
  });
});
