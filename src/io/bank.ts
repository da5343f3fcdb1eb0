/**
 * Reads a question bank from disk: DIR/<topic>/<id>.yaml, one question per file. Parses the YAML,
 * validates each file with the pure core, and maps every problem back to a line of its file.
 * Loaded only by the quiz commands (it pulls in the yaml package).
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Question } from '../core/quiz/question.js';
import { isTopic, topicOrder, TOPICS } from '../core/quiz/topics.js';
import { lintBank, validateQuestion, type BankEntry, type DataPath } from '../core/quiz/validate.js';
import { InputError } from '../errors.js';
import { packagePath } from './package-root.js';

export interface FileProblem {
  /** Absolute path of the file (or folder) at fault. */
  readonly file: string;
  /** 1-based line, when the problem sits on one. */
  readonly line?: number;
  readonly message: string;
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

/** The bank that ships with kds: questions/ at the root of the kds package. */
export function defaultBankDir(): string {
  return packagePath('questions');
}

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
      for (const file of entries(path)) {
        const filePath = join(path, file.name);
        if (!file.isFile()) continue;
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
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problems: [{ file, message: `cannot read the file: ${(error as Error).message}` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line,
    message: `YAML: ${e.message.split('\n')[0] ?? e.message}`,
  }));
  if (yamlProblems.length > 0) return { problems: yamlProblems };
  const data: unknown = doc.toJS();
  const { question, problems } = validateQuestion(data, { folder, name });
  const id = typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' ? data.id.trim() : undefined;
  return {
    ...(id ? { id } : {}),
    ...(question ? { question } : {}),
    problems: problems.map((p) => {
      const line = lineOf(doc, p.path, lineCounter);
      return line === undefined ? { file, message: p.message } : { file, line, message: p.message };
    }),
  };
}

/** The line of the deepest node that exists along the path (the key's value, an option...). */
function lineOf(doc: Document, path: DataPath, lineCounter: LineCounter): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
