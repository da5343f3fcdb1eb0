import { describe, expect, it } from 'vitest';
import { decideColorLevel } from '../../../src/io/terminal.js';

describe('decideColorLevel', () => {
  it('colours a terminal and leaves a pipe plain', () => {
    expect(decideColorLevel({ flag: undefined, env: {}, isTTY: true })).toBeGreaterThan(0);
    expect(decideColorLevel({ flag: undefined, env: {}, isTTY: false })).toBe(0);
  });

  it('lets --no-color beat FORCE_COLOR and a terminal', () => {
    expect(decideColorLevel({ flag: false, env: { FORCE_COLOR: '3' }, isTTY: true })).toBe(0);
  });

  it('honours NO_COLOR, which chalk itself ignores', () => {
    expect(decideColorLevel({ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true })).toBe(0);
    expect(decideColorLevel({ flag: undefined, env: { NO_COLOR: '' }, isTTY: true })).toBeGreaterThan(0);
  });

  it('lets NO_COLOR beat FORCE_COLOR, and --color beat NO_COLOR', () => {
    expect(decideColorLevel({ flag: undefined, env: { NO_COLOR: '1', FORCE_COLOR: '1' }, isTTY: true })).toBe(0);
    expect(decideColorLevel({ flag: true, env: { NO_COLOR: '1' }, isTTY: false })).toBeGreaterThan(0);
  });

  it('forces colour into a pipe with FORCE_COLOR and turns it off with FORCE_COLOR=0', () => {
    expect(decideColorLevel({ flag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(1);
    expect(decideColorLevel({ flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(0);
  });

  it('keeps a dumb terminal plain', () => {
    expect(decideColorLevel({ flag: undefined, env: { TERM: 'dumb' }, isTTY: true })).toBe(0);
  });
});
