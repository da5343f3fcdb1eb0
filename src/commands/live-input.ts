/** Which kds size flags need a stream (kinesis://NAME) to mean anything. */
import { UsageError } from '../errors.js';
import type { LiveSizeFlags } from './live-options.js';

/** Usage error for kds size flags that only mean something with kinesis://NAME (--region also sets the prices). */
export function rejectSizeHistoryFlags(flags: LiveSizeFlags): void {
  const only: [unknown, string][] = [
    [flags.days, '--days'],
    [flags.percentile, '--percentile'],
    [flags.profile, '--profile'],
    [flags.endpointUrl, '--endpoint-url'],
  ];
  for (const [value, flag] of only) {
    if (value !== undefined) throw new UsageError(`${flag} sizes a stream from its history: give kinesis://NAME (or a stream ARN) as well.`);
  }
}
