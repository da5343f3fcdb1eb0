/**
 * Checks one parsed question file and turns it into a Question, collecting every problem rather
 * than stopping at the first. The caller (io/bank.ts) parses the YAML and maps each problem's path
 * back to a line of the file; `lintBank` adds the checks that need the whole bank.
 */
import {
  correctCount,
  letterAt,
  MAX_OPTIONS,
  MIN_OPTIONS,
  numberWord,
  type Question,
  type QuestionOption,
} from './question.js';
import { DIFFICULTIES, isDifficulty, isTopic, TOPICS, type Topic } from './topics.js';

/** A path into the question data: ["options", 2, "why"]. Empty for the file as a whole. */
export type DataPath = readonly (string | number)[];

export interface Problem {
  readonly path: DataPath;
  readonly message: string;
}

/** Where the file sits: the folder is the topic, the file name (without .yaml) is the id. */
export interface FileLocation {
  readonly folder: string;
  readonly name: string;
}

export interface Validated {
  /** Present only when there were no problems. */
  readonly question?: Question;
  readonly problems: readonly Problem[];
}

export const QUESTION_FIELDS = [
  'id',
  'topic',
  'difficulty',
  'prompt',
  'options',
  'hints',
  'explanation',
  'sources',
  'try',
  'sets',
] as const;
export const OPTION_FIELDS = ['text', 'correct', 'why'] as const;
export const MIN_HINTS = 1;
export const MAX_HINTS = 3;
/** Hosts a source may point at; at least one source must be on the first. */
export const DOCS_HOST = 'docs.aws.amazon.com';
export const EXTRA_SOURCE_HOSTS = ['aws.amazon.com'] as const;

const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A set name: the word after `kds quiz --set`. */
export const SET_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Pages that moved: the Kinesis Data Streams developer guide lives under /streams/ now. */
const MOVED_SOURCES: readonly [RegExp, string][] = [
  [/^https:\/\/docs\.aws\.amazon\.com\/kinesis\/latest\/dev\//, 'https://docs.aws.amazon.com/streams/latest/dev/'],
];
const ID_NUMBER = /-\d{3}$/;
/** "(Choose two.)", "(Choose three)": how a multiple-answer prompt says how many to pick. */
const CHOOSE = /\(\s*choose\s+(\w+)\s*\.?\s*\)/i;
/** Options are shuffled in sessions, so none may point at the others by position. */
const POSITIONAL = /\b(?:all|none|both|neither) of the (?:above|options)\b/i;

/** The N of "(Choose N.)" in a prompt, or undefined when the prompt has none (or an unreadable one). */
export function chooseCount(prompt: string): number | 'unreadable' | undefined {
  const match = CHOOSE.exec(prompt);
  if (!match) return undefined;
  const word = (match[1] ?? '').toLowerCase();
  for (let n = 2; n <= MAX_OPTIONS; n++) if (numberWord(n) === word || String(n) === word) return n;
  return 'unreadable';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // A value is echoed short: a file may hold a megabyte in one string.
  const json = JSON.stringify(value);
  return `${typeof value} ${json.length > 60 ? `${json.slice(0, 56)}…${json.slice(-3)}` : json}`;
}

/** Text as written, or a number written without quotes (`text: 3`), as a string. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function normalized(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function validateQuestion(data: unknown, location: FileLocation): Validated {
  const problems: Problem[] = [];
  const add = (path: DataPath, message: string): void => void problems.push({ path, message });

  if (!isRecord(data)) {
    add([], `expected a mapping of fields (${QUESTION_FIELDS.join(', ')}), got ${describe(data)}`);
    return { problems };
  }
  for (const key of Object.keys(data)) {
    if (!(QUESTION_FIELDS as readonly string[]).includes(key)) {
      add([key], `unknown field '${key}' (fields: ${QUESTION_FIELDS.join(', ')})`);
    }
  }

  const requiredText = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) {
      add([], `'${key}' is missing`);
      return undefined;
    }
    const text = typeof value === 'string' ? value.trim() : undefined;
    if (text === undefined) add([key], `'${key}' must be text, got ${describe(value)}`);
    else if (text === '') add([key], `'${key}' is empty`);
    return text === '' ? undefined : text;
  };

  // id, topic, difficulty
  const id = requiredText('id');
  if (id !== undefined) {
    if (!ID_SHAPE.test(id)) {
      add(['id'], `id '${id}' may use only lowercase letters, digits and single hyphens`);
    } else if (!ID_NUMBER.test(id)) {
      add(['id'], `id '${id}' must end with a three-digit number, like '${location.folder}-001'`);
    }
    if (id !== location.name) add(['id'], `id '${id}' must equal the file name '${location.name}'`);
  }
  const topicText = requiredText('topic');
  let topic: Topic | undefined;
  if (topicText !== undefined) {
    if (!isTopic(topicText)) {
      add(['topic'], `unknown topic '${topicText}' (topics: ${TOPICS.join(', ')})`);
    } else {
      topic = topicText;
      if (topic !== location.folder) add(['topic'], `topic '${topic}' must equal the folder name '${location.folder}'`);
      else if (id !== undefined && ID_SHAPE.test(id) && !id.startsWith(`${topic}-`)) {
        add(['id'], `id '${id}' must start with its topic: '${topic}-NNN'`);
      }
    }
  }
  const difficultyText = requiredText('difficulty');
  if (difficultyText !== undefined && !isDifficulty(difficultyText)) {
    add(['difficulty'], `unknown difficulty '${difficultyText}' (difficulties: ${DIFFICULTIES.join(', ')})`);
  }

  const prompt = requiredText('prompt');
  const explanation = requiredText('explanation');

  // options
  const options: QuestionOption[] = [];
  const rawOptions = data.options;
  if (rawOptions === undefined || rawOptions === null) {
    add([], `'options' is missing (${MIN_OPTIONS} to ${MAX_OPTIONS} options, each with text)`);
  } else if (!Array.isArray(rawOptions)) {
    add(['options'], `'options' must be a list, got ${describe(rawOptions)}`);
  } else {
    if (rawOptions.length < MIN_OPTIONS || rawOptions.length > MAX_OPTIONS) {
      add(['options'], `a question has ${MIN_OPTIONS} to ${MAX_OPTIONS} options, this one has ${rawOptions.length}`);
    }
    const seen = new Map<string, number>();
    rawOptions.forEach((raw: unknown, i) => {
      const label = i < MAX_OPTIONS ? `option ${letterAt(i)}` : `option ${i + 1}`;
      if (!isRecord(raw)) {
        add(['options', i], `${label} must be a mapping with 'text' (and 'correct' or 'why'), got ${describe(raw)}`);
        return;
      }
      for (const key of Object.keys(raw)) {
        if (!(OPTION_FIELDS as readonly string[]).includes(key)) {
          add(['options', i, key], `${label}: unknown field '${key}' (fields: ${OPTION_FIELDS.join(', ')})`);
        }
      }
      const text = asText(raw.text);
      if (text === undefined) add(['options', i], `${label} has no text`);
      else if (text === '') add(['options', i, 'text'], `${label} has empty text`);
      if (raw.correct !== undefined && typeof raw.correct !== 'boolean') {
        add(['options', i, 'correct'], `${label}: 'correct' must be true or false, got ${describe(raw.correct)}`);
      }
      const correct = raw.correct === true;
      let why: string | undefined;
      if (raw.why !== undefined && raw.why !== null) {
        why = typeof raw.why === 'string' ? raw.why.trim() : undefined;
        if (why === undefined) add(['options', i, 'why'], `${label}: 'why' must be text, got ${describe(raw.why)}`);
      }
      if (!correct && (why === undefined || why === '')) {
        add(['options', i], `${label} is wrong, so it needs a 'why': what makes it tempting and why it is wrong`);
      }
      if (text) {
        const key = normalized(text);
        const first = seen.get(key);
        if (first !== undefined) add(['options', i, 'text'], `${label} repeats option ${letterAt(first)}`);
        else seen.set(key, i);
        if (POSITIONAL.test(text)) {
          add(['options', i, 'text'], `${label} refers to other options by position, but sessions shuffle options`);
        }
        options.push(why ? { text, correct, why } : { text, correct });
      }
    });
  }

  // the answer, and what the prompt says about it
  if (Array.isArray(rawOptions) && rawOptions.length > 0) {
    const flagged = rawOptions.filter((o) => isRecord(o) && o.correct === true).length;
    if (flagged === 0) add(['options'], `no option is marked 'correct: true'`);
    else if (flagged === rawOptions.length) add(['options'], 'every option is correct: at least one must be wrong');
    if (prompt !== undefined && flagged > 0) {
      const choose = chooseCount(prompt);
      if (choose === 'unreadable') {
        add(['prompt'], `the prompt's "(Choose ...)" should name a number from two to ${numberWord(MAX_OPTIONS)}`);
      } else if (flagged > 1 && choose === undefined) {
        add(['prompt'], `${flagged} options are correct, so the prompt must say "(Choose ${numberWord(flagged)}.)"`);
      } else if (flagged > 1 && choose !== flagged) {
        add(['prompt'], `the prompt says "(Choose ${numberWord(choose ?? 0)}.)" but ${flagged} options are correct`);
      } else if (flagged === 1 && choose !== undefined) {
        add(['prompt'], `the prompt says "(Choose ${numberWord(choose)}.)" but only one option is correct`);
      }
    }
  }

  // hints
  const hints: string[] = [];
  const rawHints = data.hints;
  if (rawHints === undefined || rawHints === null) {
    add([], `'hints' is missing (${MIN_HINTS} to ${MAX_HINTS}, gentle to strong)`);
  } else if (!Array.isArray(rawHints)) {
    add(['hints'], `'hints' must be a list, got ${describe(rawHints)}`);
  } else {
    if (rawHints.length < MIN_HINTS || rawHints.length > MAX_HINTS) {
      add(['hints'], `a question has ${MIN_HINTS} to ${MAX_HINTS} hints, this one has ${rawHints.length}`);
    }
    rawHints.forEach((hint: unknown, i) => {
      const text = typeof hint === 'string' ? hint.trim() : '';
      if (text === '') add(['hints', i], `hint ${i + 1} must be non-empty text`);
      else hints.push(text);
    });
  }

  // sources
  const sources: string[] = [];
  const rawSources = data.sources;
  if (rawSources === undefined || rawSources === null) {
    add([], `'sources' is missing (at least one https://${DOCS_HOST}/ page)`);
  } else if (!Array.isArray(rawSources)) {
    add(['sources'], `'sources' must be a list of URLs, got ${describe(rawSources)}`);
  } else {
    rawSources.forEach((raw: unknown, i) => {
      const problem = sourceProblem(raw);
      if (problem) add(['sources', i], `source ${i + 1}: ${problem}`);
      else sources.push((raw as string).trim());
    });
    const onDocs = sources.some((s) => new URL(s).hostname === DOCS_HOST);
    if (!onDocs) add(['sources'], `at least one source must be on https://${DOCS_HOST}/`);
  }

  // try
  let tryCommand: string | undefined;
  if (data.try !== undefined && data.try !== null) {
    tryCommand = typeof data.try === 'string' ? data.try.trim() : undefined;
    if (tryCommand === undefined || !/^kds\s+\S/.test(tryCommand)) {
      add(['try'], `'try' must be a kds command, like 'kds size --mbps 6', got ${describe(data.try)}`);
    }
  }

  // sets
  let sets: Record<string, number> | undefined;
  if (data.sets !== undefined && data.sets !== null) {
    if (!isRecord(data.sets) || Object.keys(data.sets).length === 0) {
      add(['sets'], `'sets' must map set names to places, like 'practice: 1', got ${describe(data.sets)}`);
    } else {
      sets = {};
      for (const [name, place] of Object.entries(data.sets)) {
        if (!SET_NAME.test(name)) add(['sets', name], `set name '${name}' may use only lowercase letters, digits and single hyphens`);
        else if (typeof place !== 'number' || !Number.isInteger(place) || place < 1) {
          add(['sets', name], `the place in set '${name}' must be a whole number from 1, got ${describe(place)}`);
        } else sets[name] = place;
      }
    }
  }

  if (problems.length > 0 || !id || !topic || !isDifficulty(difficultyText) || !prompt || !explanation) {
    return { problems };
  }
  const question: Question = {
    id,
    topic,
    difficulty: difficultyText,
    prompt,
    options,
    hints,
    explanation,
    sources,
    ...(tryCommand ? { try: tryCommand } : {}),
    ...(sets ? { sets } : {}),
  };
  return { question, problems };
}

function sourceProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return `expected a URL, got ${describe(raw)}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return `'${raw}' is not a URL`;
  }
  if (url.protocol !== 'https:') return `'${raw}' must use https`;
  for (const [moved, now] of MOVED_SOURCES) {
    if (moved.test(raw.trim())) return `'${raw}' is an old address; the page now lives under ${now}`;
  }
  const allowed = [DOCS_HOST, ...EXTRA_SOURCE_HOSTS];
  if (!allowed.includes(url.hostname)) {
    return `'${raw}' is not AWS documentation (allowed hosts: ${allowed.join(', ')})`;
  }
  return undefined;
}

/** A checked file, for the checks that span the bank. */
export interface BankEntry {
  readonly file: string;
  /** The id the file declares, valid or not. */
  readonly id?: string;
  /** Present when the file is valid. */
  readonly question?: Question;
}

export interface BankProblem {
  readonly file: string;
  readonly message: string;
}

/**
 * Checks across files: every id used once, and each set's places taken once each, from 1 with no
 * gap. (Per-file checks come from validateQuestion.)
 */
export function lintBank(entries: readonly BankEntry[]): BankProblem[] {
  const firstFile = new Map<string, string>();
  const problems: BankProblem[] = [];
  for (const { file, id } of entries) {
    if (id === undefined) continue;
    const first = firstFile.get(id);
    if (first === undefined) firstFile.set(id, file);
    else problems.push({ file, message: `id '${id}' is already used by ${first}` });
  }
  const places = new Map<string, Map<number, string>>();
  for (const { file, question } of entries) {
    for (const [set, place] of Object.entries(question?.sets ?? {})) {
      const taken = places.get(set) ?? new Map<number, string>();
      const other = taken.get(place);
      if (other !== undefined) problems.push({ file, message: `place ${place} in set '${set}' is already taken by ${other}` });
      else taken.set(place, file);
      places.set(set, taken);
    }
  }
  for (const [set, taken] of places) {
    const missing = Array.from({ length: Math.max(...taken.keys()) }, (_, i) => i + 1).filter((n) => !taken.has(n));
    const last = [...taken.entries()].sort((a, b) => b[0] - a[0])[0];
    if (missing.length > 0 && last) {
      problems.push({ file: last[1], message: `set '${set}' has no question in place ${missing.join(', ')}: places run 1, 2, 3... with no gap` });
    }
  }
  return problems;
}

/** The questions of a set, in their places. */
export function questionsInSet(questions: readonly Question[], set: string): Question[] {
  return questions
    .filter((q) => q.sets?.[set] !== undefined)
    .sort((a, b) => (a.sets?.[set] ?? 0) - (b.sets?.[set] ?? 0));
}

/** Every set name the questions use, sorted. */
export function setNames(questions: readonly Question[]): string[] {
  return [...new Set(questions.flatMap((q) => Object.keys(q.sets ?? {})))].sort();
}

/** True when the question can be answered: used to guard generated questions too. */
export function isAnswerable(question: Question): boolean {
  const n = correctCount(question);
  return n >= 1 && n < question.options.length && question.options.length <= MAX_OPTIONS;
}

/** Below this many single-answer questions, where the right option sits says nothing. */
export const POSITION_SAMPLE = 8;
/** Warn when more than this share of single-answer questions have the right option in one place. */
export const POSITION_SHARE = 0.5;

/**
 * Advice about the bank as a whole that does not make it invalid. Today: `kds quiz show` and
 * `kds quiz answer` letter the options in file order, so if the right option is nearly always in
 * the same place, a script or a learner can guess it.
 */
export function bankWarnings(questions: readonly Question[]): string[] {
  const single = questions.filter((q) => correctCount(q) === 1);
  if (single.length < POSITION_SAMPLE) return [];
  const positions = new Map<number, number>();
  for (const q of single) {
    const at = q.options.findIndex((o) => o.correct);
    positions.set(at, (positions.get(at) ?? 0) + 1);
  }
  const [at, count] = [...positions].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count / single.length <= POSITION_SHARE) return [];
  return [
    `the right option is ${letterAt(at)} in ${count} of ${single.length} single-answer questions; ` +
      'kds quiz show and answer letter options in file order, so vary where the right option sits',
  ];
}
