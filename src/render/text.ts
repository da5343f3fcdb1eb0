/** Paragraphs for a terminal: wrapped to a width, measured without colour escapes. */
import { stripVTControlCharacters } from 'node:util';

export function visibleLength(text: string): number {
  return stripVTControlCharacters(text).length;
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
 * that it can still be pasted into a shell.
 */
export function shellLines(command: string, width: number, indent = '  '): string {
  const words = command.split(' ');
  const lines: string[] = [];
  let line = indent;
  for (const word of words) {
    const next = line.trim().length === 0 ? `${line}${word}` : `${line} ${word}`;
    if (line.trim().length > 0 && next.length + 2 > width && word.startsWith('--')) {
      lines.push(`${line} \\`);
      line = `${indent}    ${word}`;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
