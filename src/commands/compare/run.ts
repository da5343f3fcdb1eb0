/** kds compare: the matrix, or with --recommend, the advisor. Flags -> core -> render. */
import { buildMatrix } from '../../core/compare/matrix.js';
import { recommend } from '../../core/compare/recommend.js';
import type { Workload } from '../../core/compare/workload.js';
import { print, printJson, type Context } from '../../context.js';
import { ExitStatus, UsageError } from '../../errors.js';
import { matrixJson, recommendationJson, renderMatrix, renderRecommendation } from '../../render/compare.js';
import { nextTime } from '../../render/text.js';
import { DEFAULT_HEADROOM_PERCENT } from '../size/options.js';
import { askWorkload } from './ask.js';
import {
  chooseRows,
  chooseServices,
  equivalentCommand,
  givenMatrixFlags,
  givenWorkloadFlags,
  toWorkload,
  WORKLOAD_FLAG_NAMES,
  type CompareFlags,
} from './options.js';

export async function runCompare(flags: CompareFlags, ctx: Context): Promise<void> {
  if (flags.recommend === true) {
    await runRecommend(flags, ctx);
    return;
  }
  const workload = givenWorkloadFlags(flags);
  if (workload.length > 0) {
    throw new UsageError(
      `${workload.join(', ')} ${workload.length === 1 ? 'describes' : 'describe'} a workload for the advisor: add --recommend, as in kds compare --recommend ${workload.join(' ')}.`,
    );
  }
  const matrix = buildMatrix(chooseServices(flags), chooseRows(flags));
  if (flags.json === true) printJson(ctx, matrixJson(matrix));
  else print(ctx, renderMatrix(matrix, ctx.color, ctx.width, { sources: flags.sources === true }));
}

async function runRecommend(flags: CompareFlags, ctx: Context): Promise<void> {
  const matrixFlags = givenMatrixFlags(flags);
  if (matrixFlags.length > 0) {
    throw new UsageError(`${matrixFlags.join(', ')} ${matrixFlags.length === 1 ? 'shapes' : 'shape'} the matrix, not --recommend: drop ${matrixFlags.length === 1 ? 'it' : 'them'}.`);
  }
  let workload: Workload;
  if (givenWorkloadFlags(flags).length === 0) {
    if (!ctx.interactive || flags.json === true) {
      throw new UsageError(
        `--recommend needs workload flags when it cannot ask${flags.json === true ? ' (--json never asks)' : ' (no terminal)'}: ` +
          `${WORKLOAD_FLAG_NAMES.join(', ')}. See kds compare --help.`,
      );
    }
    workload = await askWorkload(await ctx.io.prompter());
    ctx.io.stderr.write(`${nextTime(equivalentCommand(workload), ctx.width)}\n\n`);
  } else {
    workload = toWorkload(flags);
  }
  const result = recommend(workload, { headroom: DEFAULT_HEADROOM_PERCENT / 100 });
  if (flags.json === true) printJson(ctx, recommendationJson(result, workload));
  else print(ctx, renderRecommendation(result, ctx.color, ctx.width));
  // The command ran and its answer is "nothing fits": say so in the exit status too.
  if (result.recommendation === undefined) throw new ExitStatus(1);
}
