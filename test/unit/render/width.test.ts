import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cutMiddle } from '../../../src/core/quote.js';
import { wrap } from '../../../src/render/text.js';
import { cutMiddleToWidth, displayWidth } from '../../../src/render/width.js';

/** Code points where kds measures on purpose unlike string-width 4: emoji and zero-width marks. */
const OWN_RULE = /[\p{Emoji}\p{Emoji_Component}\p{Mn}\p{Me}\p{Cf}\p{Cs}]/u;

describe('displayWidth', () => {
  it('measures every other code point as string-width 4 (cli-table3) did', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0x3ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      if (OWN_RULE.test(ch)) continue;
      if (displayWidth(ch) !== stringWidth(ch)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('gives emoji two columns, marks and colour codes none', () => {
    expect(displayWidth('a\u0301')).toBe(1);
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('🇯🇵')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
    expect(displayWidth('©')).toBe(1);
    expect(displayWidth('x\u200by')).toBe(2);
    expect(displayWidth('ｋｄｓ')).toBe(6);
  });
});

describe('cutMiddleToWidth', () => {
  it('counts a wide character as the two columns it takes', () => {
    expect(displayWidth('注文番号')).toBe(8);
    expect(cutMiddleToWidth('注文番号-12345', 14)).toBe('注文番号-12345');
    expect(cutMiddleToWidth('注文番号注文番号注文番号', 10)).toBe('注文番\u2026号');
    expect(cutMiddleToWidth('👍👍👍👍👍👍', 7)).toBe('👍👍\u2026👍');
  });

  it('never passes the width, and cuts plain text as cutMiddle does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1, max: 60 }), (text, columns) => {
        expect(displayWidth(cutMiddleToWidth(text, columns))).toBeLessThanOrEqual(Math.max(columns, 1));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]{0,90}$/), fc.integer({ min: 2, max: 60 }), (text, columns) => {
        expect(cutMiddleToWidth(text, columns)).toBe(cutMiddle(text, columns));
      }),
    );
  });
});

describe('wrap', () => {
  it('measures a line in terminal columns, so wide text wraps within the width', () => {
    const text = Array.from({ length: 12 }, () => '注文番号').join(' ');
    const lines = wrap(text, 20).split('\n');
    expect(lines[0]).toBe('注文番号 注文番号');
    expect(Math.max(...lines.map((l) => displayWidth(l)))).toBeLessThanOrEqual(20);
  });
});
