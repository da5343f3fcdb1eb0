/**
 * A cell's lines drawn one under another must each carry their own colour: a style opened on one
 * line and closed on a later one is closed at the end of each line and reopened at the start of
 * the next. This is cli-table3's rule (its `colorizeLines`), kept so tables read the same.
 */

/** A colour (SGR) code, with its parameters captured. */
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const SGR = /\u001b\[((?:\d*;){0,5}\d*)m/g;

interface Toggle {
  readonly on: string;
  readonly off: string;
}

/** The attributes tracked by name, each with the codes that switch it on and off. */
const TOGGLES: Readonly<Record<string, Toggle>> = {
  bold: { on: '\u001b[1m', off: '\u001b[22m' },
  italics: { on: '\u001b[3m', off: '\u001b[23m' },
  underline: { on: '\u001b[4m', off: '\u001b[24m' },
  inverse: { on: '\u001b[7m', off: '\u001b[27m' },
  strikethrough: { on: '\u001b[9m', off: '\u001b[29m' },
};

/** Code -> the attribute it sets and to what. */
const BY_CODE = new Map<string, { name: string; to: boolean }>(
  Object.entries(TOGGLES).flatMap(([name, t]) => [
    [t.on, { name, to: true }],
    [t.off, { name, to: false }],
  ]),
);

interface State {
  foreground?: string;
  background?: string;
  /** Attributes in the order they were first set. */
  readonly attributes: Map<string, boolean>;
}

function update(state: State, code: string, params: string): void {
  const n = params ? parseInt(params.split(';')[0] ?? '', 10) : 0;
  if ((n >= 30 && n <= 39) || (n >= 90 && n <= 97)) {
    state.foreground = code;
    return;
  }
  if ((n >= 40 && n <= 49) || (n >= 100 && n <= 107)) {
    state.background = code;
    return;
  }
  if (n === 0) {
    state.foreground = undefined;
    state.background = undefined;
    state.attributes.clear();
    return;
  }
  const set = BY_CODE.get(code);
  if (set) state.attributes.set(set.name, set.to);
}

function read(line: string): State {
  const state: State = { attributes: new Map() };
  for (const match of line.matchAll(SGR)) update(state, match[0], match[1] ?? '');
  return state;
}

/** The line with whatever is still open at its end closed. */
function close(state: State, line: string): string {
  let out = line;
  for (const [name, on] of state.attributes) if (on) out += TOGGLES[name]?.off ?? '';
  if (state.background && state.background !== '\u001b[49m') out += '\u001b[49m';
  if (state.foreground && state.foreground !== '\u001b[39m') out += '\u001b[39m';
  return out;
}

/** The line with whatever was open at the end of the previous one reopened. */
function reopen(state: State, line: string): string {
  let out = line;
  for (const [name, on] of state.attributes) if (on) out = (TOGGLES[name]?.on ?? '') + out;
  if (state.background && state.background !== '\u001b[49m') out = state.background + out;
  if (state.foreground && state.foreground !== '\u001b[39m') out = state.foreground + out;
  return out;
}

export function colorizeLines(lines: readonly string[]): string[] {
  let state: State = { attributes: new Map() };
  return lines.map((line) => {
    const reopened = reopen(state, line);
    state = read(reopened);
    return close(state, reopened);
  });
}
