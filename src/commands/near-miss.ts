/**
 * Finding your way: a command or flag that is not quite right gets the one that was meant.
 * - `kds drill`, `kds analyze`: a command that exists deeper in the tree -> "kds quiz drill".
 * - `kds sise`: a typo of a command at the same level -> "size" (commander's wording).
 * - `kds size --mbs`: a typo of a flag -> only the flags of that command, never a parent's.
 * Everything is read from the command tree, so new commands and flags are covered.
 */
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { echoValue } from '../render/escape.js';

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The candidates closest to word, when close enough to be a typo (at most 2 edits, and not most of the word). */
export function closest(word: string, candidates: readonly string[]): string[] {
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    const distance = editDistance(word, candidate);
    const similar = distance <= 2 && (candidate.length - distance) / candidate.length > 0.4;
    if (!similar || distance > best) continue;
    if (distance < best) found = [];
    best = distance;
    found.push(candidate);
  }
  return found.sort();
}

/** "kds quiz drill" for the drill command under quiz. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Every command under root, depth first, root excluded; `help` is commander's and not listed. */
export function allCommands(root: Command): Command[] {
  const out: Command[] = [];
  const visit = (command: Command): void => {
    for (const sub of command.commands) {
      if (sub.name() === 'help') continue;
      out.push(sub);
      visit(sub);
    }
  };
  visit(root);
  return out;
}

function longFlags(command: Command): string[] {
  const options: readonly Option[] = command.createHelp().visibleOptions(command);
  return options.map((o) => o.long).filter((f): f is string => f !== undefined);
}

function rootOf(command: Command): Command {
  let c = command;
  while (c.parent !== null) c = c.parent;
  return c;
}

/** Roots registered with only the command that runs, and how to build their whole tree. */
const wholeTrees = new WeakMap<Command, () => Command>();

/**
 * Says how to build the whole tree of a root that holds only the command that runs (see
 * src/program.ts): suggestions look for commands and flags all over the tree, so an error builds
 * it, and nothing else pays for it.
 */
export function setWholeTree(root: Command, build: () => Command): void {
  wholeTrees.set(root, build);
}

/** The whole command tree that `command` belongs to, built now when its root holds less. */
function wholeTreeOf(command: Command): Command {
  const root = rootOf(command);
  return wholeTrees.get(root)?.() ?? root;
}

/** The names of the commands under `parent` in the whole tree (commander's `help` left out). */
function subcommandNames(parent: Command): string[] {
  const path = commandPath(parent);
  const whole = wholeTreeOf(parent);
  const same = parent.parent === null ? whole : allCommands(whole).find((c) => commandPath(c) === path);
  return (same ?? parent).commands.map((c) => c.name()).filter((n) => n !== 'help');
}

/** What to say after "unknown command 'word'": a sibling with a typo, else a command elsewhere. */
export function suggestCommand(parent: Command, word: string): string {
  const typo = closest(word, subcommandNames(parent));
  if (typo.length > 0) return ` (Did you mean ${typo.join(' or ')}?)`;
  const here = commandPath(parent);
  const elsewhere = allCommands(wholeTreeOf(parent)).filter((c) => c.parent === null || commandPath(c.parent) !== here);
  const exact = elsewhere.filter((c) => c.name() === word);
  const near = exact.length > 0 ? exact : elsewhere.filter((c) => closest(word, [c.name()]).length > 0);
  if (near.length === 0) return '';
  return ` (Did you mean ${near.map(commandPath).join(' or ')}?)`;
}

/**
 * What to say after "unknown option '--flag'": a flag this command takes (its own, and the global
 * ones commander reads anywhere, such as --no-color), never another command's; when nothing is
 * close, the commands that do take that flag.
 */
export function suggestOption(command: Command, flag: string): string {
  if (!flag.startsWith('--')) return '';
  const name = flag.split('=')[0] as string;
  const accepted = [...longFlags(command), ...(command.parent === null ? [] : longFlags(rootOf(command)))];
  const own = closest(name, accepted);
  if (own.length > 0) return ` (Did you mean ${own.join(' or ')}?)`;
  const owners = allCommands(wholeTreeOf(command)).filter((c) => longFlags(c).includes(name));
  if (owners.length === 0) return '';
  return ` (${name} is a flag of ${owners.map(commandPath).join(', ')})`;
}

/**
 * A default subcommand (`kds quiz` runs `kds quiz start`) receives the words commander could not
 * match: when the first is a near miss of a sibling, say so before the command runs.
 */
export function checkDefaultCommandWords(actionCommand: Command): void {
  const parent = actionCommand.parent;
  const word = actionCommand.args[0];
  if (parent === null || word === undefined || actionCommand.registeredArguments.length > 0) return;
  const siblings = subcommandNames(parent).filter((n) => n !== actionCommand.name());
  const typo = closest(word, siblings);
  if (typo.length > 0) {
    throw new UsageError(`unknown ${parent.name()} command '${echoValue(word)}' (Did you mean ${typo.map((t) => `${commandPath(parent)} ${t}`).join(' or ')}?)`);
  }
}
