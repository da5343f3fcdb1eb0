/**
 * What the learner has done, as data: one record per question answered (its Leitner box, counts,
 * last result, when it is due) and a short history of sessions. Pure transitions; io/progress-store.ts
 * reads and writes the file.
 */
import { clampBox, dueAfter, FIRST_BOX, LAST_BOX, nextBox } from './leitner.js';
import type { Question } from './question.js';
import { TOPICS, type Topic } from './topics.js';

export const PROGRESS_VERSION = 1;
/** Sessions kept in the history (oldest dropped first). */
export const SESSION_HISTORY = 50;

export interface QuestionRecord {
  /** The topic when it was last answered, so stats work for generated questions and removed ones. */
  readonly topic: string;
  readonly box: number;
  readonly answers: number;
  readonly right: number;
  readonly hintsUsed: number;
  readonly last: 'right' | 'wrong';
  /** ISO 8601. */
  readonly lastAnswered: string;
  /** ISO 8601: from then on, `kds quiz --due` asks it again. */
  readonly due: string;
}

export type SessionMode = 'practice' | 'exam';
/** finished: every question answered; stopped: the learner chose to stop; interrupted: Ctrl+C; time: the exam's limit. */
export type SessionEnd = 'finished' | 'stopped' | 'interrupted' | 'time';
export const SESSION_ENDS: readonly SessionEnd[] = ['finished', 'stopped', 'interrupted', 'time'];

export interface SessionRecord {
  readonly at: string;
  readonly mode: SessionMode;
  /** Questions in the session, answered or not. */
  readonly questions: number;
  readonly answered: number;
  readonly right: number;
  readonly hintsUsed: number;
  readonly ended: SessionEnd;
}

export interface ProgressState {
  readonly version: typeof PROGRESS_VERSION;
  readonly questions: Readonly<Record<string, QuestionRecord>>;
  readonly sessions: readonly SessionRecord[];
  /** Lessons read with kds learn: lesson id -> when first read (ISO 8601). Absent in older files. */
  readonly lessons: Readonly<Record<string, string>>;
}

export interface AnswerEvent {
  readonly id: string;
  readonly topic: string;
  readonly right: boolean;
  readonly hintsUsed: number;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

export function emptyProgress(): ProgressState {
  return { version: PROGRESS_VERSION, questions: {}, sessions: [], lessons: {} };
}

/** The record of one question, or undefined (safe for any id, "__proto__" included). */
export function recordOf(state: ProgressState, id: string): QuestionRecord | undefined {
  return Object.hasOwn(state.questions, id) ? state.questions[id] : undefined;
}

/** Files one answer: counts, last result, Leitner box and next due date. */
export function recordAnswer(state: ProgressState, event: AnswerEvent): ProgressState {
  const before = recordOf(state, event.id);
  const box = nextBox(before?.box, event);
  const record: QuestionRecord = {
    topic: event.topic,
    box,
    answers: (before?.answers ?? 0) + 1,
    right: (before?.right ?? 0) + (event.right ? 1 : 0),
    hintsUsed: (before?.hintsUsed ?? 0) + event.hintsUsed,
    last: event.right ? 'right' : 'wrong',
    lastAnswered: new Date(event.at).toISOString(),
    due: new Date(dueAfter(box, event.at)).toISOString(),
  };
  return { ...state, questions: { ...state.questions, [event.id]: record } };
}

export function recordSession(state: ProgressState, session: SessionRecord): ProgressState {
  return { ...state, sessions: [...state.sessions, session].slice(-SESSION_HISTORY) };
}

/** Notes that a lesson was read; the first reading's date is kept. */
export function markLessonRead(state: ProgressState, id: string, at: number): ProgressState {
  if (Object.hasOwn(state.lessons, id)) return state;
  const lessons: Record<string, string> = {};
  for (const [key, value] of Object.entries(state.lessons)) setOwn(lessons, key, value);
  setOwn(lessons, id, new Date(at).toISOString());
  return { ...state, lessons };
}

export function isLessonRead(state: ProgressState, id: string): boolean {
  return Object.hasOwn(state.lessons, id);
}

export function isDue(record: QuestionRecord, now: number): boolean {
  return Date.parse(record.due) <= now;
}

/** Missed last time: what `kds quiz --review` asks. */
export function isMissed(record: QuestionRecord | undefined): boolean {
  return record?.last === 'wrong';
}

export type ParsedProgress =
  | { readonly ok: true; readonly state: ProgressState }
  | { readonly ok: false; readonly reason: string };

/** Sets an own property even for keys such as "__proto__", which plain assignment would not. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
/** A count kds could have written: a whole number, exact in a double (1e308 is no count). */
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks data read from the progress file; anything unexpected makes the whole file unreadable. */
export function parseProgress(data: unknown): ParsedProgress {
  if (!isRecordObject(data)) return { ok: false, reason: 'it is not a JSON object' };
  if (data.version !== PROGRESS_VERSION) {
    const newer = typeof data.version === 'number' && data.version > PROGRESS_VERSION;
    return {
      ok: false,
      reason: newer
        ? `it has format version ${data.version}, written by a newer kds (this one reads ${PROGRESS_VERSION})`
        : `its format version is ${JSON.stringify(data.version)}, expected ${PROGRESS_VERSION}`,
    };
  }
  if (!isRecordObject(data.questions)) return { ok: false, reason: "'questions' is not an object" };
  if (!Array.isArray(data.sessions)) return { ok: false, reason: "'sessions' is not a list" };
  const questions: Record<string, QuestionRecord> = {};
  for (const [id, raw] of Object.entries(data.questions)) {
    if (
      !isRecordObject(raw) ||
      typeof raw.topic !== 'string' ||
      !isCount(raw.box) ||
      raw.box < FIRST_BOX ||
      raw.box > LAST_BOX ||
      !isCount(raw.answers) ||
      !isCount(raw.right) ||
      !isCount(raw.hintsUsed) ||
      raw.answers < 1 ||
      raw.right > raw.answers ||
      (raw.last !== 'right' && raw.last !== 'wrong') ||
      (raw.last === 'right' && raw.right < 1) ||
      !isIsoDate(raw.lastAnswered) ||
      !isIsoDate(raw.due)
    ) {
      return { ok: false, reason: `the record of question '${id}' is malformed` };
    }
    Object.defineProperty(questions, id, {
      value: {
        topic: raw.topic,
        box: clampBox(raw.box),
        answers: raw.answers,
        right: raw.right,
        hintsUsed: raw.hintsUsed,
        last: raw.last,
        lastAnswered: raw.lastAnswered,
        due: raw.due,
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const sessions: SessionRecord[] = [];
  for (const raw of data.sessions) {
    if (
      !isRecordObject(raw) ||
      !isIsoDate(raw.at) ||
      (raw.mode !== 'practice' && raw.mode !== 'exam') ||
      !isCount(raw.questions) ||
      !isCount(raw.answered) ||
      !isCount(raw.right) ||
      !isCount(raw.hintsUsed) ||
      raw.answered > raw.questions ||
      raw.right > raw.answered ||
      !SESSION_ENDS.includes(raw.ended as SessionEnd)
    ) {
      return { ok: false, reason: 'a session in its history is malformed' };
    }
    sessions.push({
      at: raw.at,
      mode: raw.mode,
      questions: raw.questions,
      answered: raw.answered,
      right: raw.right,
      hintsUsed: raw.hintsUsed,
      ended: raw.ended as SessionEnd,
    });
  }
  const lessons: Record<string, string> = {};
  if (data.lessons !== undefined) {
    if (!isRecordObject(data.lessons)) return { ok: false, reason: "'lessons' is not an object" };
    for (const [id, at] of Object.entries(data.lessons)) {
      if (!isIsoDate(at)) return { ok: false, reason: `the reading date of lesson '${id}' is malformed` };
      setOwn(lessons, id, at);
    }
  }
  return { ok: true, state: { version: PROGRESS_VERSION, questions, sessions, lessons } };
}

export interface MergeCounts {
  /** Questions only the import had. */
  readonly questionsAdded: number;
  /** Questions both had, where the import changed the record. */
  readonly questionsMerged: number;
  readonly sessionsAdded: number;
  readonly lessonsAdded: number;
}

/**
 * One question answered in two places: the later answer decides the box, the last result and
 * the due date; each count is the larger of the two. Taking the larger (not the sum) makes an
 * import idempotent: the same file imported twice changes nothing.
 */
function mergeRecord(mine: QuestionRecord, theirs: QuestionRecord): QuestionRecord {
  const later = Date.parse(theirs.lastAnswered) > Date.parse(mine.lastAnswered) ? theirs : mine;
  return {
    ...later,
    answers: Math.max(mine.answers, theirs.answers),
    right: Math.max(mine.right, theirs.right),
    hintsUsed: Math.max(mine.hintsUsed, theirs.hintsUsed),
  };
}

const sameRecord = (a: QuestionRecord, b: QuestionRecord): boolean =>
  a.topic === b.topic &&
  a.box === b.box &&
  a.answers === b.answers &&
  a.right === b.right &&
  a.hintsUsed === b.hintsUsed &&
  a.last === b.last &&
  a.lastAnswered === b.lastAnswered &&
  a.due === b.due;

const sessionKey = (s: SessionRecord): string =>
  [s.at, s.mode, s.questions, s.answered, s.right, s.hintsUsed, s.ended].join('|');

/**
 * Progress from elsewhere (an export) merged into this one: nothing here is dropped. Questions
 * only one side has are kept as they are; sessions are the union of both histories in time order
 * (the latest SESSION_HISTORY); a lesson keeps its first reading.
 */
export function mergeProgress(mine: ProgressState, theirs: ProgressState): { state: ProgressState; counts: MergeCounts } {
  const questions: Record<string, QuestionRecord> = {};
  for (const [id, record] of Object.entries(mine.questions)) setOwn(questions, id, record);
  let questionsAdded = 0;
  let questionsMerged = 0;
  for (const [id, record] of Object.entries(theirs.questions)) {
    const existing = recordOf(mine, id);
    if (existing === undefined) {
      questionsAdded++;
      setOwn(questions, id, record);
      continue;
    }
    const merged = mergeRecord(existing, record);
    if (!sameRecord(merged, existing)) questionsMerged++;
    setOwn(questions, id, merged);
  }

  const seen = new Set(mine.sessions.map(sessionKey));
  const mineKeys = new Set(seen);
  const added = theirs.sessions.filter((s) => !seen.has(sessionKey(s)) && seen.add(sessionKey(s)));
  const sessions = [...mine.sessions, ...added]
    .map((s, order) => ({ s, order }))
    .sort((a, b) => Date.parse(a.s.at) - Date.parse(b.s.at) || a.order - b.order)
    .map(({ s }) => s)
    .slice(-SESSION_HISTORY);

  const lessons: Record<string, string> = {};
  for (const [id, at] of Object.entries(mine.lessons)) setOwn(lessons, id, at);
  let lessonsAdded = 0;
  for (const [id, at] of Object.entries(theirs.lessons)) {
    if (!Object.hasOwn(lessons, id)) {
      lessonsAdded++;
      setOwn(lessons, id, at);
    } else if (Date.parse(at) < Date.parse(lessons[id] ?? at)) {
      setOwn(lessons, id, at);
    }
  }
  return {
    state: { version: PROGRESS_VERSION, questions, sessions, lessons },
    counts: { questionsAdded, questionsMerged, sessionsAdded: sessions.filter((x) => !mineKeys.has(sessionKey(x))).length, lessonsAdded },
  };
}

export interface TopicStats {
  readonly topic: Topic;
  /** Questions of this topic in the bank. */
  readonly questions: number;
  /** Of those, answered at least once. */
  readonly seen: number;
  /** Answers given in this topic (generated questions included). */
  readonly answers: number;
  readonly right: number;
  /** Bank questions of this topic in the last box. */
  readonly mastered: number;
}

export interface ProgressStats {
  readonly questions: number;
  readonly seen: number;
  readonly answers: number;
  readonly right: number;
  readonly hintsUsed: number;
  /** Bank questions due for review now. */
  readonly due: number;
  /** Bank questions missed last time. */
  readonly toReview: number;
  /** When the next question not yet due becomes due (ISO), if any. */
  readonly nextDue?: string;
  /** Bank questions per box; box 0 counts the ones never answered. */
  readonly boxes: readonly { readonly box: number; readonly questions: number }[];
  readonly topics: readonly TopicStats[];
  /** The latest sessions, oldest first. */
  readonly sessions: readonly SessionRecord[];
}

export const RECENT_SESSIONS = 10;

export function progressStats(state: ProgressState, bank: readonly Question[], now: number): ProgressStats {
  const records = Object.entries(state.questions);
  const boxes = new Map<number, number>();
  for (let box = 0; box <= LAST_BOX; box++) boxes.set(box, 0);
  let due = 0;
  let toReview = 0;
  let nextDue: number | undefined;
  for (const question of bank) {
    const record = recordOf(state, question.id);
    const box = record ? record.box : 0;
    boxes.set(box, (boxes.get(box) ?? 0) + 1);
    if (!record) continue;
    if (isDue(record, now)) due++;
    else nextDue = Math.min(nextDue ?? Infinity, Date.parse(record.due));
    if (isMissed(record)) toReview++;
  }
  const topics: TopicStats[] = TOPICS.map((topic) => {
    const inBank = bank.filter((q) => q.topic === topic);
    const answered = records.filter(([, r]) => r.topic === topic).map(([, r]) => r);
    return {
      topic,
      questions: inBank.length,
      seen: inBank.filter((q) => recordOf(state, q.id) !== undefined).length,
      answers: answered.reduce((sum, r) => sum + r.answers, 0),
      right: answered.reduce((sum, r) => sum + r.right, 0),
      mastered: inBank.filter((q) => recordOf(state, q.id)?.box === LAST_BOX).length,
    };
  });
  const all = records.map(([, r]) => r);
  return {
    questions: bank.length,
    seen: bank.filter((q) => recordOf(state, q.id) !== undefined).length,
    answers: all.reduce((sum, r) => sum + r.answers, 0),
    right: all.reduce((sum, r) => sum + r.right, 0),
    hintsUsed: all.reduce((sum, r) => sum + r.hintsUsed, 0),
    due,
    toReview,
    ...(nextDue === undefined ? {} : { nextDue: new Date(nextDue).toISOString() }),
    boxes: [...boxes].map(([box, questions]) => ({ box, questions })),
    topics,
    sessions: state.sessions.slice(-RECENT_SESSIONS),
  };
}
