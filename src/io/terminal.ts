/** Decides, once per run, whether output may be coloured. */
export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorInputs {
  /** --color (true), --no-color (false), neither (undefined). */
  readonly flag: boolean | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
}

/**
 * Order: an explicit flag wins; then NO_COLOR (any non-empty value, https://no-color.org);
 * then FORCE_COLOR (0/false off, 1-3 or empty on); then the terminal: a TTY that is not "dumb".
 */
export function decideColorLevel({ flag, env, isTTY }: ColorInputs): ColorLevel {
  if (flag === false) return 0;
  if (flag === true) return Math.max(1, forcedLevel(env.FORCE_COLOR) ?? 1) as ColorLevel;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const forced = forcedLevel(env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

function forcedLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return 1;
  if (value === 'false' || value === '0') return 0;
  const n = Number(value);
  if (n === 1 || n === 2 || n === 3) return n;
  return undefined;
}
