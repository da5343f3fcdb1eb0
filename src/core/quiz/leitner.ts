/**
 * Leitner boxes: every answered question sits in box 1 to 5. A right answer without hints moves it
 * up one box, a right answer that needed a hint keeps it where it is, a wrong answer sends it back
 * to box 1. Each box has a review interval: box 1 is due again at once (the next session), box 5
 * after two weeks. So missed questions come back soon and known ones rarely.
 */

export const FIRST_BOX = 1;
export const LAST_BOX = 5;
const DAY_MS = 86_400_000;

/** Days until a question in box N (index N - 1) is due again. */
export const REVIEW_AFTER_DAYS: readonly number[] = [0, 1, 3, 7, 14];

export interface Outcome {
  readonly right: boolean;
  readonly hintsUsed: number;
}

/** The box after an answer; `box` is undefined for a question never answered before (box 1). */
export function nextBox(box: number | undefined, outcome: Outcome): number {
  const current = clampBox(box ?? FIRST_BOX);
  if (!outcome.right) return FIRST_BOX;
  if (outcome.hintsUsed > 0) return current;
  return Math.min(LAST_BOX, current + 1);
}

/** When a question that landed in `box` at `answeredAt` (ms) is due again (ms). */
export function dueAfter(box: number, answeredAt: number): number {
  return answeredAt + (REVIEW_AFTER_DAYS[clampBox(box) - 1] ?? 0) * DAY_MS;
}

export function clampBox(box: number): number {
  if (!Number.isFinite(box)) return FIRST_BOX;
  return Math.min(LAST_BOX, Math.max(FIRST_BOX, Math.round(box)));
}
