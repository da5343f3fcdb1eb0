/**
 * Options are data: each command lists its flags once (name, value, help, rule, default) and this
 * module turns the list into commander options. The same list feeds help text and tests.
 */
import { Option, type Command } from 'commander';
import { parseNumberFlag, type NumberRule } from './number.js';

interface BaseSpec {
  /** Long flag without dashes: "mbps", "record-size". */
  readonly name: string;
  readonly description: string;
  /** Help group heading, for commands with many flags. */
  readonly group?: string;
}

export interface NumberOptionSpec extends BaseSpec {
  readonly type: 'number';
  /** Placeholder shown in help: "N", "BYTES". */
  readonly value: string;
  readonly rule: NumberRule;
  readonly default?: number;
}

export interface StringOptionSpec extends BaseSpec {
  readonly type: 'string';
  readonly value: string;
  readonly choices?: readonly string[];
  readonly default?: string;
}

export interface BooleanOptionSpec extends BaseSpec {
  readonly type: 'boolean';
}

export type OptionSpec = NumberOptionSpec | StringOptionSpec | BooleanOptionSpec;

export function toCommanderOption(spec: OptionSpec): Option {
  const flag = `--${spec.name}`;
  if (spec.type === 'boolean') {
    const option = new Option(flag, spec.description);
    if (spec.group) option.helpGroup(spec.group);
    return option;
  }
  const option = new Option(`${flag} <${spec.value}>`, spec.description);
  if (spec.type === 'number') {
    option.argParser((raw: string) => parseNumberFlag(flag, raw, spec.rule));
  } else if (spec.choices) {
    option.choices(spec.choices);
  }
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.group) option.helpGroup(spec.group);
  return option;
}

export function addOptions(command: Command, specs: readonly OptionSpec[]): Command {
  for (const spec of specs) command.addOption(toCommanderOption(spec));
  return command;
}

/** commander's camelCase key for a flag name: "record-size" -> "recordSize". */
export function optionKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
