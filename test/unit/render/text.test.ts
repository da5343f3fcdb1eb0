import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bullet, linkLines, shellLines, shellWord, singleQuoted, visibleLength, wrap } from '../../../src/render/text.js';

describe('wrap', () => {
  it('breaks at spaces so that no line passes the width', () => {
    expect(wrap('one two three four', 9)).toBe('one two\nthree\nfour');
  });

  it('hangs later lines under a bullet', () => {
    expect(bullet('alpha beta gamma delta', 12)).toBe('- alpha beta\n  gamma\n  delta');
  });

  it('never makes a line wider than the width unless one word is wider', () => {
    const words = fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(words, fc.integer({ min: 12, max: 100 }), (ws, width) => {
        const text = ws.join(' ');
        for (const line of wrap(text, width).split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(width);
        expect(wrap(text, width).split(/\s+/).join(' ')).toBe(text);
      }),
    );
  });
});

describe('shellLines', () => {
  it('breaks a long command before a flag, keeping each flag with its value', () => {
    const command = 'aws kinesis update-shard-count --stream-name my-stream --target-shard-count 8 --scaling-type UNIFORM_SCALING';
    const lines = shellLines(command, 80).split('\n');
    expect(lines).toEqual([
      '  aws kinesis update-shard-count --stream-name my-stream \\',
      '      --target-shard-count 8 --scaling-type UNIFORM_SCALING',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines.join(' ').replace(/ \\ +/g, ' ').trim()).toBe(command);
  });

  it('leaves a short command on one line', () => {
    expect(shellLines('aws kinesis list-shards', 80)).toBe('  aws kinesis list-shards');
  });
});

describe('shellWord and singleQuoted', () => {
  it('keeps a plain word, single-quotes anything else, and closes a quote inside', () => {
    expect(shellWord('shardId-000000000001')).toBe('shardId-000000000001');
    expect(shellWord('a,b/c.d')).toBe('a,b/c.d');
    expect(shellWord('my bank')).toBe("'my bank'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(singleQuoted('plain')).toBe("'plain'");
  });

  it('escapes what a terminal could act on before it quotes', () => {
    expect(shellWord('bank\u001b[2J')).toBe("'bank\\x1b[2J'");
  });
});

describe('linkLines', () => {
  const url = 'https://example.com/a/long/page.html'; // 36 characters
  it('keeps a link after its label when both fit, else gives it a line of its own, never broken', () => {
    expect(linkLines('source:', url, 80, '    ')).toEqual([`    source: ${url}`]);
    expect(linkLines('source:', url, 44, '    ')).toEqual(['    source:', `      ${url}`]);
    expect(linkLines('source:', url, 41, '    ')).toEqual(['    source:', `    ${url}`]);
    expect(linkLines('source:', url, 30, '    ')).toEqual([`    source: ${url}`]);
  });

  it('dresses the label only', () => {
    expect(linkLines('Also:  ', url, 40, '', (s) => `<${s}>`)).toEqual(['<Also:>', `  ${url}`]);
  });
});
