/**
 * What kds quiz prints for people: questions, hints, feedback, the end-of-session summary, the list,
 * one question, the bank check and the stats. Data in, strings out; colour only through the given
 * chalk instance.
 */
import type { ChalkInstance } from 'chalk';
import type { Suggestion } from '../core/quiz/guide.js';
import { LAST_BOX } from '../core/quiz/leitner.js';
import type { Grade, PresentedOption, PresentedQuestion } from '../core/quiz/present.js';
import type { ProgressStats, SessionRecord } from '../core/quiz/progress.js';
import { correctLetters, isMultipleAnswer, numberWord, type Question } from '../core/quiz/question.js';
import type { AnsweredQuestion, SessionSummary } from '../core/quiz/session.js';
import { formatMsClock } from './duration.js';
import { formatNumber, formatPercent, plural } from './format.js';
import { renderTable } from './table.js';
import { linkLines, shellLines, wrap } from './text.js';

/** Prose reads badly in very wide terminals. */
export const MAX_PROSE_WIDTH = 100;
const MAX_COMMAND_COLUMN = 44;

export function proseWidth(width: number): number {
  return Math.max(30, Math.min(width, MAX_PROSE_WIDTH));
}

/**
 * Splits bank text into the lines to wrap: a blank line starts a paragraph, a line starting with
 * "- " or "* " is a list item, and any other line break is a space (authors wrap their YAML freely).
 */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current.join(' '));
    current = [];
  };
  for (const raw of text.trim().split('\n')) {
    const line = raw.trim();
    if (line === '') flush();
    else if (/^[-*] /.test(line)) {
      flush();
      current.push(line);
    } else current.push(line);
  }
  flush();
  return out;
}

/** Bank text wrapped to the width, each line starting with the indent. */
export function prose(text: string, width: number, indent = ''): string {
  const bulleted = (p: string): boolean => /^[-*] /.test(p);
  const parts = paragraphs(text);
  return parts
    .map((p, i) => {
      const wrapped = wrap(p, width, indent, bulleted(p) ? `${indent}  ` : indent);
      // A blank line between paragraphs; list items follow each other.
      const previous = parts[i - 1];
      return previous === undefined || (bulleted(p) && bulleted(previous)) ? wrapped : `\n${wrapped}`;
    })
    .join('\n');
}

/** The first line of a prompt, cut to fit: for lists and reviews. */
export function excerpt(text: string, max: number): string {
  const flat = paragraphs(text).join(' ');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, Math.max(1, max - 3));
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length > max / 2 ? atWord : cut).replace(/[.,;:]+$/, '')}...`;
}

// --- a session ---------------------------------------------------------------------------------

export interface SessionHeader {
  readonly mode: 'practice' | 'exam';
  readonly questions: number;
  /** "all topics", "capacity, consumers", "missed last time"... */
  readonly scope: string;
  readonly seed: number;
  readonly timeLimitMinutes?: number;
}

export function renderSessionHeader(h: SessionHeader, color: ChalkInstance, width: number): string {
  const w = proseWidth(width);
  const title = `kds quiz: ${h.mode === 'exam' ? 'exam' : 'practice'}, ${plural(h.questions, 'question')} (${h.scope})`;
  const lines = [color.bold(title)];
  if (h.mode === 'exam') {
    const time =
      h.timeLimitMinutes === undefined
        ? 'no time limit'
        : `${formatNumber(h.timeLimitMinutes)} ${h.timeLimitMinutes === 1 ? 'minute' : 'minutes'}`;
    lines.push(wrap(`Exam rules: no hints and no feedback until the end; ${time}. Ctrl+C stops and scores what you answered.`, w));
  } else {
    lines.push(
      wrap('Answer with the arrow keys and Enter; hints are in the list. Ctrl+C ends with your summary.', w),
    );
  }
  return lines.join('\n');
}

export interface QuestionPosition {
  readonly index: number;
  readonly total: number;
  /** An exam question answered before: the letters chosen then. */
  readonly answered?: readonly string[];
}

export function formatTimeLeft(ms: number): string {
  // Rounded up: "0:00 left" only once the time is out.
  return `${formatMsClock(Math.ceil(ms / 1000) * 1000)} left`;
}

/** The question's header rule and prompt (the options are the prompt's choices). */
export function renderQuestion(
  presented: PresentedQuestion,
  position: QuestionPosition,
  color: ChalkInstance,
  width: number,
): string {
  const w = proseWidth(width);
  const q = presented.question;
  const parts = [`Question ${position.index + 1} of ${position.total}`, q.topic, q.difficulty];
  if (position.answered !== undefined) parts.push(`answered ${letters(position.answered)}`);
  const label = ` ${parts.join(' · ')} `;
  const rule = `──${label}${'─'.repeat(Math.max(2, w - label.length - 2))}`;
  return `\n${color.dim(rule)}\n${color.bold(prose(q.prompt, w))}\n\n`;
}

/** "B. text" wrapped under itself, to fit after the prompt's own marker (2 or 3 columns). */
export function choiceName(option: PresentedOption, width: number, marker: number): string {
  const lead = `${option.letter}. `;
  return wrap(paragraphs(option.text).join(' '), Math.max(20, proseWidth(width) - marker - 1), lead, ' '.repeat(marker + lead.length));
}

/** What the learner chose, said once the list has cleared itself: no verdict, no colour of one. */
export function renderAnswerEcho(chosen: readonly string[], color: ChalkInstance): string {
  return `${color.dim(chosen.length === 1 ? 'Your answer:' : 'Your answers:')} ${letters(chosen)}`;
}

/** Said under a question left open by Ctrl+C, so that it does not look like it still waits. */
export function renderStoppedAt(index: number, color: ChalkInstance, why: 'stop' | 'time' = 'stop'): string {
  return color.yellow(`${why === 'time' ? 'Time ran out' : 'Stopped'} at question ${index + 1}, which was not answered.`);
}

/** A short line between exam prompts ("Question 3 is flagged for review."). */
export function renderExamNote(text: string, color: ChalkInstance): string {
  return color.dim(text);
}

/** The top of an exam's review screen: the rule and the counts. */
export function renderExamReviewHeader(
  counts: { readonly answered: number; readonly unanswered: number; readonly flagged: number },
  total: number,
  color: ChalkInstance,
  width: number,
): string {
  const w = proseWidth(width);
  const parts = [`${counts.answered} of ${total} answered`, `${counts.unanswered} not answered`, `${counts.flagged} flagged`];
  return [
    '',
    color.dim(`── Review ${'─'.repeat(Math.max(2, w - 10))}`),
    wrap(`${parts.join(' · ')}. Open a question to answer it or change its answer, or submit the exam.`, w),
    '',
  ].join('\n');
}

/** One question on the review screen: number, answer or not, flag, and the start of the prompt. */
export function renderReviewChoice(
  presented: PresentedQuestion,
  index: number,
  chosen: readonly string[] | undefined,
  flagged: boolean,
  width: number,
): string {
  const number = String(index + 1).padStart(2);
  const state = (chosen === undefined ? 'not answered' : `answered ${chosen.join(',')}`).padEnd(14);
  const flag = flagged ? '⚑' : ' ';
  const lead = `${number}. ${state} ${flag} `;
  // The list draws a 2-column marker before each line.
  return `${lead}${excerpt(presented.question.prompt, Math.max(10, proseWidth(width) - lead.length - 3))}`;
}

export function renderHint(hint: string, n: number, total: number, color: ChalkInstance, width: number): string {
  const label = `Hint ${n} of ${total}: `;
  return color.yellow(wrap(paragraphs(hint).join(' '), proseWidth(width), label, ' '.repeat(label.length)));
}

function letters(list: readonly string[]): string {
  return list.length === 0 ? 'nothing' : list.join(', ');
}

function optionLine(option: PresentedOption, width: number, indent = '  '): string {
  return wrap(paragraphs(option.text).join(' '), width, `${indent}${option.letter}. `, `${indent}   `);
}

/** Right or wrong, the right answer, why the wrong picks are wrong, the explanation, source, try. */
export function renderFeedback(
  presented: PresentedQuestion,
  grade: Grade,
  how: { readonly revealed: boolean; readonly hintsUsed: number; readonly unanswered?: boolean },
  color: ChalkInstance,
  width: number,
): string {
  const w = proseWidth(width);
  const out: string[] = [];
  const answer = letters(grade.correct);
  if (how.unanswered) {
    out.push(color.red.bold(`✗ Not answered; the answer is ${answer}.`));
  } else if (how.revealed) {
    out.push(color.yellow(`The answer is ${answer}.`));
  } else if (grade.right) {
    const hinted = how.hintsUsed > 0 ? ` (with ${plural(how.hintsUsed, 'hint')})` : '';
    out.push(color.green.bold(`✓ Right${hinted}: ${answer}.`));
  } else {
    out.push(color.red.bold(`✗ Not quite: you chose ${letters(grade.chosen)}; the answer is ${answer}.`));
  }
  for (const option of presented.options.filter((o) => o.correct)) out.push(color.green(optionLine(option, w)));
  for (const option of grade.wrongPicks) {
    out.push('');
    out.push(color.red(optionLine(option, w).replace(/^ {2}/, '✗ ')));
    if (option.why) out.push(prose(option.why, w, '     '));
  }
  for (const option of grade.missed) {
    // A single-answer question already said what the answer is; a multiple-answer one says what was left out.
    if (how.revealed || grade.chosen.length === 0 || grade.correct.length === 1) continue;
    out.push('');
    out.push(color.yellow(`You missed ${option.letter}.`) + (option.why ? ` ${paragraphs(option.why).join(' ')}` : ''));
  }
  out.push('');
  out.push(prose(presented.question.explanation, w));
  const sources = sourceLines(presented.question, color, w);
  if (sources.length > 0) out.push('', ...sources);
  return out.join('\n');
}

function sourceLines(question: Question, color: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  const [first, ...more] = question.sources;
  if (first) out.push(...linkLines('Source:', first, width, '', color.dim));
  for (const s of more) out.push(...linkLines('Also:  ', s, width, '', color.dim));
  if (question.try) {
    const lines = shellLines(`$ ${question.try}`, width - 8, '').split('\n');
    out.push(lines.map((line, i) => `${i === 0 ? color.dim('Try:    ') : '        '}${color.cyan(line)}`).join('\n'));
  }
  return out;
}

export interface SummaryExtras {
  readonly suggestions: readonly Suggestion[];
  /** The command that repeats the session (same seed); none when the choice depended on progress. */
  readonly repeat?: string;
  /** Where progress was saved, or undefined when saving failed. */
  readonly progressPath?: string;
  /** Exams: how long it took, and the limit if there was one (milliseconds). */
  readonly time?: { readonly usedMs: number; readonly limitMs?: number };
}

export function renderSummary(
  summary: SessionSummary,
  extras: SummaryExtras,
  color: ChalkInstance,
  width: number,
): string {
  const w = proseWidth(width);
  const out: string[] = ['', color.bold(`── Summary ${'─'.repeat(Math.max(2, w - 11))}`)];
  if (summary.ended === 'interrupted' || summary.ended === 'stopped') {
    out.push(`Stopped after ${summary.answered} of ${plural(summary.questions, 'question')}; the answers you gave are saved.`);
  } else if (summary.ended === 'time') {
    const left = summary.questions - summary.answered;
    out.push(color.yellow(`Time is up: ${plural(left, 'question')} not answered${left > 0 ? ', counted as wrong' : ''}.`));
  } else if (summary.mode === 'exam' && summary.unanswered.length > 0) {
    const left = summary.unanswered.length;
    out.push(color.yellow(`Submitted with ${plural(left, 'question')} not answered, counted as wrong.`));
  }
  if (summary.score === undefined) {
    out.push('No answers given, so there is no score.');
  } else {
    const helped = summary.rightWithHints === 0 ? '' : ` (${summary.rightWithHints} of the right answers came after a hint)`;
    const hints = summary.hintsUsed === 0 ? '' : ` · ${plural(summary.hintsUsed, 'hint')} used${helped}`;
    out.push(
      `${color.bold('Score:')} ${summary.right} of ${summary.outOf} (${formatPercent(summary.score, 0)})${hints}`,
    );
  }
  if (extras.time !== undefined) {
    const limit = extras.time.limitMs === undefined ? '' : ` of ${formatMsClock(extras.time.limitMs)}`;
    out.push(`${color.bold('Time:')} ${formatMsClock(extras.time.usedMs)}${limit}`);
  }
  if (summary.topics.length > 0) {
    out.push('');
    out.push(
      renderTable(
        {
          head: ['Topic', 'Asked', 'Right', 'Score', ...(summary.mode === 'practice' ? ['Hints'] : [])],
          rows: summary.topics.map((t) => [
            t.topic,
            String(t.asked),
            String(t.right),
            formatPercent(t.asked === 0 ? 0 : t.right / t.asked, 0),
            ...(summary.mode === 'practice' ? [String(t.hintsUsed)] : []),
          ]),
          align: ['left', 'right', 'right', 'right', 'right'],
        },
        color,
      ),
    );
  }
  if (summary.mode === 'exam' && summary.review.length > 0) {
    out.push('');
    const skipped = summary.review.some((r) => r.unanswered === true);
    out.push(color.bold(skipped ? 'Review of the questions you missed or did not answer:' : 'Review of the questions you missed:'));
    for (const missed of summary.review) out.push('', renderExamReview(missed, color, width));
    out.push('');
  } else if (summary.missed.length > 0) {
    out.push('');
    out.push(color.bold(`To review (${summary.missed.length}):`));
    const idWidth = Math.max(...summary.missed.map((m) => m.presented.question.id.length));
    for (const m of summary.missed) {
      const id = m.presented.question.id;
      out.push(`  ${id.padEnd(idWidth)}  ${excerpt(m.presented.question.prompt, Math.max(20, w - idWidth - 4))}`);
    }
  }
  if (summary.unanswered.length > 0 && summary.review.length === 0 && summary.ended === 'time') {
    out.push('');
    out.push(wrap(`Not answered: ${summary.unanswered.map((q) => q.id).join(', ')}.`, w));
  }
  if (summary.missed.length > 0) {
    out.push(`Ask them again: ${color.cyan('kds quiz --review')} (and ${color.cyan('kds quiz --due')} in the days to come).`);
  }
  if (extras.suggestions.length > 0) {
    out.push('');
    out.push(color.bold('Look at:'));
    // Commands line up in a column; a command too long for it gets a line of its own.
    const fitting = extras.suggestions.map((s) => s.command.length + 2).filter((n) => n <= MAX_COMMAND_COLUMN);
    const cmdWidth = Math.max(0, ...fitting);
    for (const s of extras.suggestions) {
      const cmd = `$ ${s.command}`;
      if (cmd.length <= cmdWidth && cmdWidth + 4 + s.what.length <= w) {
        out.push(`  ${color.cyan(cmd.padEnd(cmdWidth))}  ${color.dim(s.what)}`);
      } else {
        out.push(`  ${color.cyan(cmd)}`);
        out.push(color.dim(wrap(s.what, w, '      ')));
      }
    }
  }
  out.push('');
  if (extras.repeat !== undefined) out.push(`${color.dim('Same questions again:')} ${extras.repeat}`);
  out.push(
    extras.progressPath === undefined
      ? color.yellow('Progress could not be saved this time (see the warning above).')
      : `${color.dim('Progress:')} kds quiz stats ${color.dim(`(saved in ${extras.progressPath})`)}`,
  );
  return out.join('\n');
}

/** One missed exam question, shown in full after the exam. */
export function renderExamReview(answer: AnsweredQuestion, color: ChalkInstance, width: number): string {
  const w = proseWidth(width);
  const q = answer.presented.question;
  const head = color.dim(`${q.id} · ${q.topic} · ${q.difficulty}`);
  const feedback = renderFeedback(
    answer.presented,
    answer.grade,
    { revealed: answer.revealed, hintsUsed: answer.hintsUsed, unanswered: answer.unanswered === true },
    color,
    width,
  );
  return [head, color.bold(prose(q.prompt, w)), '', feedback].join('\n');
}

// --- non-interactive commands ------------------------------------------------------------------

/** What a question list shows of each question. */
export type ListedQuestion = Pick<Question, 'id' | 'difficulty' | 'prompt'>;

/** A table of questions: id (which names the topic), difficulty, and the start of the prompt. */
export function renderQuestionList(questions: readonly ListedQuestion[], color: ChalkInstance, width: number): string {
  if (questions.length === 0) return 'No questions match.';
  const idWidth = Math.max(2, ...questions.map((q) => q.id.length));
  const levelWidth = Math.max(5, ...questions.map((q) => q.difficulty.length));
  // Each column is padded by one space on each side, with one space between columns.
  const room = Math.max(20, width - (idWidth + levelWidth) - 3 * 2 - 2 - 1);
  const table = renderTable(
    {
      head: ['ID', 'LEVEL', 'QUESTION'],
      rows: questions.map((q) => [q.id, q.difficulty, excerpt(q.prompt, room)]),
    },
    color,
  );
  return `${table}\n\n${plural(questions.length, 'question')} · kds quiz show ID · kds quiz answer ID LETTER`;
}

export function renderShow(presented: PresentedQuestion, withAnswer: boolean, color: ChalkInstance, width: number): string {
  const w = proseWidth(width);
  const q = presented.question;
  const out = [color.dim(`${q.id} · ${q.topic} · ${q.difficulty}`), color.bold(prose(q.prompt, w)), ''];
  for (const option of presented.options) {
    if (!withAnswer) {
      out.push(optionLine(option, w));
      continue;
    }
    const mark = option.correct ? color.green('✓') : color.red('✗');
    out.push(optionLine(option, w).replace(/^ {2}/, `${mark} `));
    if (option.why) out.push(color.dim(prose(option.why, w, '     ')));
  }
  out.push('');
  if (!withAnswer) {
    const many = isMultipleAnswer(q) ? ` (${numberWord(correctLetters(q).length)} letters)` : '';
    out.push(`Answer with: kds quiz answer ${q.id} LETTER${many}`, `The key:     kds quiz show ${q.id} --answer`);
    return out.join('\n');
  }
  out.push(`${color.bold('Answer:')} ${letters(presented.options.filter((o) => o.correct).map((o) => o.letter))}`);
  out.push('');
  out.push(prose(q.explanation, w));
  if (q.hints.length > 0) {
    out.push('');
    q.hints.forEach((hint, i) => out.push(wrap(paragraphs(hint).join(' '), w, `Hint ${i + 1}: `, '        ')));
  }
  out.push('');
  out.push(...sourceLines(q, color, w));
  return out.join('\n');
}

export interface CheckReport {
  readonly dir: string;
  readonly files: number;
  readonly questions: readonly Question[];
  readonly problems: readonly { readonly where: string; readonly message: string }[];
  /** Advice that does not fail the check. */
  readonly warnings: readonly string[];
}

export function renderCheck(report: CheckReport, color: ChalkInstance): string {
  const out = report.problems.map((p) => `${p.where}: ${p.message}`);
  out.push(...report.warnings.map((w) => color.yellow(`warning: ${w}`)));
  if (out.length > 0) out.push('');
  const files = new Set(report.problems.map((p) => p.where.replace(/:\d+$/, ''))).size;
  if (report.problems.length === 0) {
    const topics = new Set(report.questions.map((q) => q.topic)).size;
    out.push(color.green(`✓ ${plural(report.questions.length, 'question')} in ${plural(topics, 'topic')}: no problems.`));
  } else {
    out.push(
      color.red(
        `✗ ${plural(report.problems.length, 'problem')} in ${plural(files, 'file')} ` +
          `(${plural(report.files, 'question file')} read, ${report.questions.length} valid).`,
      ),
    );
  }
  return out.join('\n');
}

function sessionLine(s: SessionRecord): string {
  const when = s.at.slice(0, 16).replace('T', ' ');
  // As in the session summary: a submitted or timed-out exam is scored over all its questions.
  const outOf = s.mode === 'exam' && (s.ended === 'time' || s.ended === 'finished') ? s.questions : s.answered;
  const score = outOf === 0 ? 'no answers' : `${s.right}/${outOf} (${formatPercent(s.right / outOf, 0)})`;
  const ended = s.ended === 'finished' ? '' : s.ended === 'time' ? ', time ran out' : ', stopped early';
  return `  ${when}  ${s.mode.padEnd(8)}  ${score}${ended}`;
}

export function renderStats(stats: ProgressStats, path: string, color: ChalkInstance, width: number): string {
  const w = proseWidth(width);
  const out: string[] = [];
  if (stats.answers === 0) {
    out.push(`No answers yet. ${stats.questions} questions are waiting: kds quiz`);
    out.push(color.dim(`Progress file: ${path}`));
    return out.join('\n');
  }
  const accuracy = formatPercent(stats.right / stats.answers, 0);
  out.push(
    wrap(
      `${color.bold('Progress:')} ${stats.seen} of ${stats.questions} questions answered; ${plural(stats.answers, 'answer')}, ` +
        `${stats.right} right (${accuracy}); ${plural(stats.hintsUsed, 'hint')} used.`,
      w,
    ),
  );
  const next = stats.nextDue ? `; the next one ${stats.nextDue.slice(0, 16).replace('T', ' ')} UTC` : '';
  out.push(wrap(`Due for review now: ${stats.due} (kds quiz --due)${next}.`, w));
  out.push(wrap(`Missed last time: ${stats.toReview} (kds quiz --review).`, w));
  const box = (n: number): number => stats.boxes.find((b) => b.box === n)?.questions ?? 0;
  const boxes = stats.boxes
    .filter((b) => b.box > 0)
    .map((b) => `${b.questions} in box ${b.box}${b.box === LAST_BOX ? ' (mastered)' : ''}`)
    .join(', ');
  out.push(wrap(`Leitner boxes: ${boxes}; ${box(0)} never answered.`, w));
  out.push('');
  out.push(
    renderTable(
      {
        head: ['Topic', 'Seen', 'Answers', 'Right', 'Score', 'Mastered'],
        rows: stats.topics
          .filter((t) => t.questions > 0 || t.answers > 0)
          .map((t) => [
            t.topic,
            `${t.seen}/${t.questions}`,
            String(t.answers),
            String(t.right),
            t.answers === 0 ? '-' : formatPercent(t.right / t.answers, 0),
            String(t.mastered),
          ]),
        align: ['left', 'right', 'right', 'right', 'right', 'right'],
      },
      color,
    ),
  );
  if (stats.sessions.length > 0) {
    out.push('');
    out.push(color.bold('Recent sessions (UTC):'));
    for (const s of stats.sessions) out.push(sessionLine(s));
  }
  out.push('');
  out.push(color.dim(`Progress file: ${path}`));
  return out.join('\n');
}
