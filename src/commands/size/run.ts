/** kds size: flags -> SizeInput -> calculator -> report or JSON. */
import { sizeStream } from '../../core/size/size.js';
import { print, printJson, type Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { renderSize, sizeJson } from '../../render/size.js';
import { nextTime } from '../../render/text.js';
import { askThroughput, equivalentCommand } from './ask.js';
import { lacksThroughput, THROUGHPUT_HELP, toSizeInput, type SizeFlags } from './options.js';

export async function runSize(flags: SizeFlags, ctx: Context): Promise<void> {
  let resolved = flags;
  if (lacksThroughput(flags)) {
    if (!ctx.interactive || flags.json) {
      throw new UsageError(`the write throughput is missing: ${THROUGHPUT_HELP} (see kds size --help).`);
    }
    resolved = await askThroughput(await ctx.io.prompter(), flags);
    ctx.io.stderr.write(`${nextTime(equivalentCommand(resolved), ctx.width)}\n\n`);
  }
  const view = { result: sizeStream(toSizeInput(resolved)), streamName: resolved.streamName };
  if (resolved.json) printJson(ctx, sizeJson(view));
  else print(ctx, renderSize(view, ctx.color, ctx.width));
}
