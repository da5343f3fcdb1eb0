/** Paragraphs for a terminal: wrapped to a width, measured without colour escapes; words for a shell. */
import { stripVTControlCharacters } from 'node:util';
import { safeText } from './escape.js';
import { displayWidth } from './width.js';

/** The terminal columns text takes: escape codes none, a wide character or an emoji two. */
export function visibleLength(text: string): number {
  return displayWidth(stripVTControlCharacters(text));
}

/**
 * Wraps text at spaces so that no line is wider than width (a word longer than the width keeps its
 * own line). The first line starts with `first`, later lines with `rest` (a hanging indent).
 */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(visibleLength(first))): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = out.length === 0 ? first : rest;
    let lineHasWord = false;
    for (const word of paragraph.split(' ').filter((w) => w.length > 0)) {
      const candidate = lineHasWord ? `${line} ${word}` : `${line}${word}`;
      if (lineHasWord && visibleLength(candidate) > width) {
        out.push(line);
        line = `${rest}${word}`;
      } else {
        line = candidate;
      }
      lineHasWord = true;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** A bulleted item with a hanging indent: "- text that wraps\n  under itself". */
export function bullet(text: string, width: number, mark = '-'): string {
  return wrap(text, width, `${mark} `, ' '.repeat(visibleLength(mark) + 1));
}

/**
 * A shell command that fits the width, broken with backslash continuations between arguments so
 * that it can still be pasted into a shell. A flag stays on the same line as its value.
 */
export function shellLines(command: string, width: number, indent = '  '): string {
  const units: string[] = [];
  for (const word of command.split(' ')) {
    const last = units.length - 1;
    if (units.length > 0 && !word.startsWith('-') && units[last]?.startsWith('-')) units[last] += ` ${word}`;
    else units.push(word);
  }
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (line === '') line = `${indent}${unit}`;
    else if (`${line} ${unit}`.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `${indent}    ${unit}`;
    } else line = `${line} ${unit}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** "Next time: kds ...", the command that repeats an interactive run, fitted to the width. */
export function nextTime(command: string, width: number): string {
  const label = 'Next time: ';
  const lines = shellLines(command, width - label.length, '').split('\n');
  return lines.map((line, i) => (i === 0 ? label : ' '.repeat(label.length)) + line).join('\n');
}

/** Text in single quotes for a POSIX shell: a quote inside is closed, escaped and reopened. */
export function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A word for a command line shown to a person, to copy into a shell: escaped for the terminal
 * first (a file name cannot act on it), kept as it is when plain, single-quoted otherwise.
 */
export function shellWord(word: string): string {
  const safe = safeText(word);
  return /^[\w./:@%+=,-]+$/.test(safe) ? safe : singleQuoted(safe);
}

/**
 * A labelled link (`Source: https://...`) that never breaks the link, which a terminal could then
 * no longer open: on the label's line when both fit the width, else on a line of its own, indented
 * two more than the label when that fits, or as deep as the label. A link too long for any line
 * stays after its label. `style` dresses the label.
 */
export function linkLines(label: string, url: string, width: number, indent = '', style = (s: string) => s): string[] {
  const oneLine = `${indent}${style(label)} ${url}`;
  if (visibleLength(`${indent}${label} ${url}`) <= width) return [oneLine];
  const pad = [`${indent}  `, indent].find((p) => visibleLength(`${p}${url}`) <= width);
  return pad === undefined ? [oneLine] : [`${indent}${style(label.trimEnd())}`, `${pad}${url}`];
}
