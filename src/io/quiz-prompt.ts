/**
 * The prompt that asks a quiz question, built on @inquirer/core: the options (one to choose, or
 * several to tick), then buttons set apart under a rule (hint, flag, previous, next...), an
 * optional live countdown in the message line, and a help line that names every key.
 *
 * Unlike inquirer's checkbox it has no "a all / i invert" keys, its buttons can be pressed but
 * never ticked, and its "tick N" message names no count that could go stale.
 */
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isSpaceKey,
  isUpKey,
  useEffect,
  useKeypress,
  usePagination,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import { styleText } from 'node:util';

export interface QuizPromptChoice {
  readonly value: string;
  /** May span several lines (the caller wraps long options). */
  readonly name: string;
}

export interface QuizPromptAction {
  readonly value: string;
  readonly name: string;
  /** "h", "f", "left", "right"...: presses the button from anywhere in the list. */
  readonly key?: string;
}

export interface QuizPromptConfig {
  readonly message: string;
  readonly choices: readonly QuizPromptChoice[];
  readonly actions?: readonly QuizPromptAction[];
  readonly picks: number;
  readonly checked?: readonly string[];
  readonly status?: string;
  /** A countdown shown in the message line, redrawn every second. */
  readonly clock?: { readonly deadline: number; readonly now: () => number; readonly label: (msLeft: number) => string };
  /** Lines of the list shown at once; the rest scrolls. */
  readonly pageSize?: number;
}

export type QuizPromptValue =
  | { readonly kind: 'answer'; readonly values: readonly string[] }
  | { readonly kind: 'action'; readonly action: string; readonly values: readonly string[] };

type Item =
  | { readonly type: 'option'; readonly choice: QuizPromptChoice }
  | { readonly type: 'rule' }
  | { readonly type: 'action'; readonly action: QuizPromptAction };

const POINTER = '❯';
const TICKED = '◉';
const UNTICKED = '◯';
const TICK_INTERVAL_MS = 250;
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

const KEY_LABELS: Readonly<Record<string, string>> = { left: '←', right: '→' };

function itemsOf(config: QuizPromptConfig): Item[] {
  const items: Item[] = config.choices.map((choice) => ({ type: 'option', choice }));
  const actions = config.actions ?? [];
  if (actions.length > 0) {
    items.push({ type: 'rule' });
    for (const action of actions) items.push({ type: 'action', action });
  }
  return items;
}

function keyMatches(key: KeypressEvent, wanted: string): boolean {
  return !key.ctrl && key.name === wanted;
}

/** The help line: every key that does something, in the order a learner needs them. */
function helpLine(config: QuizPromptConfig): string {
  const keys: [string, string][] = [['↑↓', 'move']];
  if (config.picks > 1) keys.push(['space', 'tick'], ['⏎', 'submit']);
  else keys.push(['⏎', 'choose']);
  for (const action of config.actions ?? []) {
    if (action.key !== undefined) keys.push([KEY_LABELS[action.key] ?? action.key, action.name.replace(/ \(.*\)$/, '').toLowerCase()]);
  }
  return keys.map(([key, what]) => `${styleText('bold', key)} ${styleText('dim', what)}`).join(styleText('dim', ' • '));
}

export const quizPrompt = createPrompt<QuizPromptValue, QuizPromptConfig>((config, done) => {
  const items = itemsOf(config);
  const multiple = config.picks > 1;
  const firstChecked = config.choices.findIndex((c) => config.checked?.includes(c.value));
  const [active, setActive] = useState(multiple || firstChecked < 0 ? 0 : firstChecked);
  const [ticked, setTicked] = useState<readonly string[]>(multiple ? (config.checked ?? []) : []);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const clock = config.clock;
  const [msLeft, setMsLeft] = useState(clock ? clock.deadline - clock.now() : 0);

  useEffect(() => {
    if (!clock) return undefined;
    // Redraws only when the shown text changes (setState ignores an equal value).
    const timer = setInterval(() => setMsLeft(Math.max(0, Math.ceil((clock.deadline - clock.now()) / 1000)) * 1000), TICK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  const finish = (value: QuizPromptValue): void => {
    setStatus('done');
    done(value);
  };
  const move = (step: 1 | -1): void => {
    let next = active;
    do next += step;
    while (next >= 0 && next < items.length && items[next]?.type === 'rule');
    if (next >= 0 && next < items.length) setActive(next);
  };
  const toggle = (value: string): void => {
    setTicked(ticked.includes(value) ? ticked.filter((v) => v !== value) : [...ticked, value]);
  };

  useKeypress((key) => {
    if (status !== 'idle') return;
    setError(undefined);
    const pressed = (config.actions ?? []).find((a) => a.key !== undefined && keyMatches(key, a.key));
    if (pressed) {
      finish({ kind: 'action', action: pressed.value, values: ticked });
      return;
    }
    if (isUpKey(key)) move(-1);
    else if (isDownKey(key)) move(1);
    else if (isNumberKey(key)) {
      const index = Number(key.name) - 1;
      const choice = config.choices[index];
      if (choice === undefined) return;
      setActive(index);
      if (multiple) toggle(choice.value);
    } else if (isSpaceKey(key) && multiple) {
      const item = items[active];
      if (item?.type === 'option') toggle(item.choice.value);
    } else if (isEnterKey(key)) {
      const item = items[active];
      if (item?.type === 'action') finish({ kind: 'action', action: item.action.value, values: ticked });
      else if (item?.type === 'option' && !multiple) finish({ kind: 'answer', values: [item.choice.value] });
      else if (ticked.length === config.picks) {
        // In the order of the list, whatever the order of ticking.
        finish({ kind: 'answer', values: config.choices.map((c) => c.value).filter((v) => ticked.includes(v)) });
      } else {
        const word = NUMBER_WORDS[config.picks] ?? String(config.picks);
        setError(`Tick exactly ${word} options with space, then press Enter.`);
      }
    }
  });

  if (status === 'done') return '';
  const parts = [styleText('bold', config.message)];
  if (config.status) parts.push(styleText('yellow', config.status));
  if (clock) parts.push(styleText(msLeft <= 60_000 ? 'yellow' : 'dim', clock.label(msLeft)));
  const header = `${styleText('blue', '?')} ${parts.join(styleText('dim', ' · '))}`;

  const page = usePagination({
    items,
    active,
    loop: false,
    pageSize: Math.max(3, config.pageSize ?? items.length),
    renderItem: ({ item, isActive }) => {
      if (item.type === 'rule') return styleText('dim', '  ──────');
      const cursor = isActive ? POINTER : ' ';
      const highlight = (text: string): string => (isActive ? styleText('cyan', text) : text);
      if (item.type === 'action') {
        const key = item.action.key === undefined ? '' : styleText('dim', ` [${KEY_LABELS[item.action.key] ?? item.action.key}]`);
        return `${highlight(`${cursor} ${item.action.name}`)}${key}`;
      }
      if (!multiple) return highlight(`${cursor} ${item.choice.name}`);
      const box = ticked.includes(item.choice.value) ? styleText('green', TICKED) : UNTICKED;
      return highlight(`${cursor}${box} ${item.choice.name}`);
    },
  });
  const lines = [header, page, ' ', ...(error ? [styleText('red', `> ${error}`)] : []), helpLine(config)];
  return lines.join('\n');
});
