/**
 * What chalk does at colour level 0, without loading chalk: every style, however chained, returns
 * its text as given (`visible` returns nothing). Output that is never coloured (a pipe, NO_COLOR,
 * --no-color, JSON) uses this; chalk itself loads only when colour is on.
 */
import type { ChalkInstance } from 'chalk';

const MODIFIERS = ['reset', 'bold', 'dim', 'italic', 'underline', 'overline', 'inverse', 'hidden', 'strikethrough'];
const COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey'];
const BRIGHT = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'].map((c) => `${c}Bright`);
const FOREGROUND = [...COLOURS, ...BRIGHT];
const STYLES = new Set([...MODIFIERS, ...FOREGROUND, ...FOREGROUND.map((c) => `bg${c[0]?.toUpperCase()}${c.slice(1)}`)]);
/** Styles chosen by value: chalk.hex('#ff8800')(text). */
const MODELS = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

function styleProxy(call: (...args: unknown[]) => string, empty: () => unknown, self: () => unknown): unknown {
  return new Proxy(call, {
    get(target, property) {
      if (property === 'level') return 0;
      if (property === 'visible') return empty();
      if (typeof property === 'string' && STYLES.has(property)) return self();
      if (typeof property === 'string' && MODELS.has(property)) return () => self();
      return Reflect.get(target, property);
    },
  });
}

// chalk joins several arguments with spaces, and makes one argument a string by concatenation.
const join = (args: unknown[]): string => (args.length === 1 ? '' + args[0] : args.join(' '));
/** Once `visible` is in a chain, at level 0 the chain writes nothing. */
const EMPTY: unknown = styleProxy(() => '', () => EMPTY, () => EMPTY);
const STYLED: unknown = styleProxy((...args) => join(args), () => EMPTY, () => STYLED);

/** The colour instance for output that is never coloured. */
export const plainColor = styleProxy((...args) => args.join(' '), () => EMPTY, () => STYLED) as ChalkInstance;
