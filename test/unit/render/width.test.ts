import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutMiddle } from '../../../src/core/quote.js';
import { cutMiddleToWidth, displayWidth } from '../../../src/render/width.js';

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
