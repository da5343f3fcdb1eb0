import { backgroundColorNames, Chalk, foregroundColorNames, modifierNames, type ChalkInstance } from 'chalk';
import { describe, expect, it } from 'vitest';
import { plainColor } from '../../../src/render/plain-color.js';

const chalk = new Chalk({ level: 0 });
const STYLES = [...modifierNames, ...foregroundColorNames, ...backgroundColorNames];

/** Calls a chain of styles on an instance: chain(c, ['red', 'bold'])('x') is c.red.bold('x'). */
function chain(c: ChalkInstance, names: readonly string[]): (...args: unknown[]) => string {
  let styled: unknown = c;
  for (const name of names) styled = (styled as Record<string, unknown>)[name];
  return styled as (...args: unknown[]) => string;
}

const ARGUMENTS: unknown[][] = [['text'], ['two', 'words'], [42], [''], [], ['a\nb'], [undefined]];

describe('plainColor', () => {
  it('has every style chalk has, and each returns what chalk returns at level 0', () => {
    for (const name of STYLES) {
      expect(typeof chain(plainColor, [name]), name).toBe('function');
      for (const args of ARGUMENTS) expect(chain(plainColor, [name])(...args)).toBe(chain(chalk, [name])(...args));
    }
  });

  it('chains like chalk, visible included, and chooses colours by value', () => {
    for (const names of [['red', 'bold'], ['bgYellow', 'dim', 'underline'], ['visible'], ['green', 'visible', 'bold'], ['visible', 'red']]) {
      for (const args of ARGUMENTS) expect(chain(plainColor, names)(...args), names.join('.')).toBe(chain(chalk, names)(...args));
    }
    expect(plainColor.hex('#ff8800').bold('x')).toBe(chalk.hex('#ff8800').bold('x'));
    expect(plainColor.bgAnsi256(200)('x', 'y')).toBe(chalk.bgAnsi256(200)('x', 'y'));
    expect(plainColor('a', 'b')).toBe(chalk('a', 'b'));
  });

  it('says its level is 0 and has nothing chalk lacks', () => {
    expect(plainColor.level).toBe(0);
    expect((plainColor as unknown as Record<string, unknown>).then).toBeUndefined();
    expect((plainColor as unknown as Record<string, unknown>).purple).toBeUndefined();
  });
});
