/** kds quiz drill KIND: one generated problem, for people or (with --json) for scripts and tests. */
import { presentInFileOrder } from '../../core/quiz/present.js';
import { seedFromTime } from '../../core/quiz/random.js';
import { print, printJson, type Context } from '../../context.js';
import { drillQuestion, generateDrill, type DrillKind } from '../../drills/index.js';
import { drillJson } from '../../render/quiz-json.js';
import { renderShow } from '../../render/quiz.js';

export interface DrillFlags {
  readonly seed?: number;
  readonly answer?: boolean;
  readonly json?: boolean;
}

export function runDrill(kind: DrillKind, flags: DrillFlags, ctx: Context): void {
  const seed = flags.seed ?? seedFromTime(ctx.io.now());
  const drill = generateDrill(kind, seed);
  const presented = presentInFileOrder(drillQuestion(drill));
  if (flags.json) {
    printJson(ctx, drillJson(drill, presented, seed));
    return;
  }
  print(ctx, renderShow(presented, flags.answer === true, ctx.color, ctx.width));
}
