/**
 * Reads a question bank from disk: DIR/<topic>/<id>.yaml, one question per file. Parses the YAML,
 * validates each file with the pure core, and maps every problem back to a line of its file.
 * Loaded only by the quiz commands (it pulls in the yaml package).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { letterAt, LETTERS, type Question } from '../core/quiz/question.js';
import { isTopic, topicOrder, TOPICS } from '../core/quiz/topics.js';
import { lintBank, validateQuestion, type BankEntry, type DataPath } from '../core/quiz/validate.js';
import { InputError } from '../errors.js';
import { unsafeCharacters } from '../render/escape.js';
import { FileShapeError, readCheckedFile } from './checked-read.js';

export { defaultBankDir } from './shipped-content.js';

export interface FileProblem {
  /** Absolute path of the file (or folder) at fault. */
  readonly file: string;
  /** 1-based line, when the problem sits on one. */
  readonly line?: number;
  readonly message: string;
  /** The file's question still loads (shown escaped): the problem is its control characters. */
  readonly kept?: boolean;
}

export interface LoadedBank {
  readonly dir: string;
  /** The valid questions, in course order of topics, then by id. */
  readonly questions: readonly Question[];
  /** Question files read (valid or not). */
  readonly files: number;
  readonly problems: readonly FileProblem[];
}

export const QUESTION_EXTENSION = '.yaml';
/** A question is a few KiB; a file over this is not one. */
export const MAX_QUESTION_BYTES = 256 * 1024;

function entries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Loads every question under dir. Problems in files never stop the load: the valid questions are
 * returned next to a list of every problem. A missing or unreadable folder is an InputError.
 */
export function loadBank(dir: string): LoadedBank {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new InputError(
      `no question bank at ${dir}: expected a folder of topic folders, such as ${join(dir, 'capacity', `capacity-001${QUESTION_EXTENSION}`)}.`,
    );
  }
  const problems: FileProblem[] = [];
  const validated: BankEntry[] = [];
  for (const entry of entries(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isTopic(entry.name)) {
        problems.push({ file: path, message: `'${entry.name}' is not a topic folder (topics: ${TOPICS.join(', ')})` });
        continue;
      }
      let files: Dirent[];
      try {
        files = entries(path);
      } catch (error) {
        problems.push({ file: path, message: `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      for (const file of files) {
        const filePath = join(path, file.name);
        // Links are followed, and whatever is not a small regular file is reported when read.
        if (file.isDirectory()) continue;
        if (file.name.endsWith('.yml')) {
          problems.push({ file: filePath, message: `question files end in ${QUESTION_EXTENSION}, not .yml` });
        } else if (file.name.endsWith(QUESTION_EXTENSION)) {
          const result = readQuestionFile(filePath, entry.name, file.name.slice(0, -QUESTION_EXTENSION.length));
          problems.push(...result.problems);
          validated.push({
            file: filePath,
            ...(result.id === undefined ? {} : { id: result.id }),
            ...(result.question ? { question: result.question } : {}),
          });
        }
      }
    } else if (entry.isFile() && (entry.name.endsWith(QUESTION_EXTENSION) || entry.name.endsWith('.yml'))) {
      problems.push({ file: path, message: `question files belong in a topic folder, such as capacity/${entry.name}` });
    }
  }
  // Bank-wide problems name the other file relative to the bank folder.
  const relativeEntries = validated.map((e) => ({ ...e, file: relative(dir, e.file) }));
  problems.push(...lintBank(relativeEntries).map((p) => ({ file: join(dir, p.file), message: p.message })));
  const questions = validated
    .flatMap((e) => (e.question ? [e.question] : []))
    .sort((a, b) => topicOrder(a.topic, b.topic) || a.id.localeCompare(b.id));
  return { dir, questions, files: validated.length, problems };
}

/** Parses and validates one file; every YAML error and every check gets its own line. */
export function readQuestionFile(
  file: string,
  folder: string,
  name: string,
): { id?: string; question?: Question; problems: FileProblem[] } {
  let text: string;
  try {
    text = readCheckedFile(file, MAX_QUESTION_BYTES, 'a question file');
  } catch (error) {
    const reason = error instanceof FileShapeError ? `it ${error.message}` : (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { problems: [{ file, message: `cannot read the file: ${reason}` }] };
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  let data: unknown;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => ({
      file,
      line: lineCounter.linePos(e.pos[0]).line,
      message: `YAML: ${e.message.split('\n')[0] ?? e.message}`,
    }));
    if (yamlProblems.length > 0) return { problems: yamlProblems };
    // Throws on what parses but cannot be built: more than 100 aliases (a "billion laughs"), ...
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { problems: [{ file, message: `YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const { question, problems } = validateQuestion(data, { folder, name });
  const id = typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' ? data.id.trim() : undefined;
  const at = (path: DataPath, message: string, kept?: boolean): FileProblem => {
    const line = lineOf(doc, path, lineCounter);
    return { file, ...(line === undefined ? {} : { line }), message, ...(kept ? { kept } : {}) };
  };
  return {
    ...(id ? { id } : {}),
    ...(question ? { question } : {}),
    problems: [
      ...problems.map((p) => at(p.path, p.message)),
      ...controlCharacters(data).map((c) => at(c.path, c.message, question !== undefined)),
    ],
  };
}

/** "the prompt", "option B", "the why of option B", "hint 2": where a text sits in a question. */
function fieldName(path: DataPath): string {
  const [key, index, sub] = path;
  if (key === 'options' && typeof index === 'number') {
    const option = index < LETTERS.length ? `option ${letterAt(index)}` : `option ${index + 1}`;
    return sub === undefined || sub === 'text' ? option : `the ${String(sub)} of ${option}`;
  }
  if (key === 'hints' && typeof index === 'number') return `hint ${index + 1}`;
  if (key === 'sources' && typeof index === 'number') return `source ${index + 1}`;
  if (path.length === 1 && typeof key === 'string') return ['prompt', 'explanation'].includes(key) ? `the ${key}` : `'${key}'`;
  return `'${path.join('.')}'`;
}

/** Every text of the file that holds characters a terminal would act on (they are shown escaped). */
function controlCharacters(data: unknown, path: DataPath = []): { path: DataPath; message: string }[] {
  if (typeof data === 'string') {
    const found = unsafeCharacters(data.replace(/\r?\n|\t/g, ' '));
    if (found.length === 0) return [];
    const some = found.length === 1 ? 'a control character' : 'control characters';
    return [{ path, message: `${fieldName(path)} holds ${some} (${found.join(', ')}); ${found.length === 1 ? 'it is' : 'they are'} shown escaped` }];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => controlCharacters(item, [...path, i]));
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).flatMap(([key, value]) => controlCharacters(value, [...path, key]));
  }
  return [];
}

/** The line of the deepest node that exists along the path (the key's value, an option...). */
function lineOf(doc: Document, path: DataPath, lineCounter: LineCounter): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
