/**
 * The command class of the kds tree: commander's, with two changes that hold for every command.
 * - Errors for an unknown command or flag suggest what was meant, from the whole tree (near-miss.ts);
 *   without a near miss, they and a missing argument or flag value say where the usage is.
 * - Help text added with addHelpText fits the help width (the terminal's, or COLUMNS, or 80): a
 *   line too long for it wraps under its own indent, a "$ command" line with shell continuations.
 */
import { Command, type AddHelpTextContext, type AddHelpTextPosition, type Option } from 'commander';
import { echoValue } from '../render/escape.js';
import { shellLines, visibleLength, wrap } from '../render/text.js';
import { commandPath, suggestCommand, suggestOption } from './near-miss.js';

/**
 * Help text made to fit width; what fits is kept as written. A paragraph of prose (lines that start
 * at the margin) is wrapped again as a whole; an indented line wraps under its own indent; a
 * "$ command" line breaks with shell continuations, so that it can still be pasted.
 */
export function fitHelpText(text: string, width: number): string {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\S/.test(line) && !line.endsWith(':')) {
      let end = i;
      while (end + 1 < lines.length && /^\S/.test(lines[end + 1] as string)) end++;
      const paragraph = lines.slice(i, end + 1);
      out.push(paragraph.some((l) => visibleLength(l) > width) ? wrap(paragraph.join(' '), width) : paragraph.join('\n'));
      i = end;
      continue;
    }
    if (visibleLength(line) <= width) {
      out.push(line);
      continue;
    }
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    const command = /^(\s*)\$ (.*)$/.exec(line);
    out.push(command ? shellLines(`$ ${command[2]}`, width, indent) : wrap(line.trim(), width, indent, indent));
  }
  return out.join('\n');
}

export class KdsCommand extends Command {
  override createCommand(name?: string): Command {
    return new KdsCommand(name);
  }

  override addHelpText(position: AddHelpTextPosition, text: string | ((context: AddHelpTextContext) => string)): this {
    return super.addHelpText(position, (context) => {
      const raw = typeof text === 'function' ? text(context) : text;
      const width = context.command.configureOutput().getOutHelpWidth?.() ?? 80;
      return fitHelpText(raw, width);
    });
  }

  unknownCommand(): never {
    const word = this.args[0] ?? '';
    const suggestion = suggestCommand(this, word) || ` (${commandPath(this)} --help lists the commands)`;
    return this.error(`error: unknown command '${echoValue(word)}'${suggestion}`, { code: 'commander.unknownCommand' });
  }

  unknownOption(flag: string): void {
    // commander keeps allowUnknownOption() on the instance; it skips this error when set.
    if ((this as unknown as { _allowUnknownOption: boolean })._allowUnknownOption) return;
    const suggestion = suggestOption(this, flag) || ` (${commandPath(this)} --help lists its flags)`;
    this.error(`error: unknown option '${echoValue(flag)}'${suggestion}`, { code: 'commander.unknownOption' });
  }

  missingArgument(name: string): void {
    this.error(`error: missing required argument '${name}' (usage: ${commandPath(this)} ${this.usage()})`, { code: 'commander.missingArgument' });
  }

  optionMissingArgument(option: Option): void {
    this.error(`error: option '${option.flags}' needs a value (${commandPath(this)} --help says what it takes)`, { code: 'commander.optionMissingArgument' });
  }
}
