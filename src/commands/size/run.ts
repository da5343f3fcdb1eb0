/** kds size: flags -> SizeInput -> calculator -> report or JSON. */
import { sizeStream } from '../../core/size/size.js';
import { print, printJson, type Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { renderSize, sizeJson } from '../../render/size.js';
import { nextTime } from '../../render/text.js';
import { askThroughput, equivalentCommand } from './ask.js';
import { isStreamRef } from '../../core/live/source.js';
import { echoValue } from '../../render/escape.js';
import { rejectSizeHistoryFlags } from '../live-input.js';
import type { LiveSizeFlags } from '../live-options.js';
import { lacksThroughput, THROUGHPUT_HELP, toSizeInput, type SizeFlags } from './options.js';

export async function runSize(flags: SizeFlags & LiveSizeFlags, ctx: Context, stream?: string): Promise<void> {
  if (stream !== undefined) {
    if (!isStreamRef(stream)) throw new UsageError(`kds size takes no file: give kinesis://NAME (or a stream ARN) to size a stream, got '${echoValue(stream)}'.`);
    // The live code (CloudWatch, ListShards, the SDK's loading) loads only for a stream.
    const { runLiveSize } = await import('./live.js');
    return runLiveSize(stream, flags, ctx);
  }
  rejectSizeHistoryFlags(flags);
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
