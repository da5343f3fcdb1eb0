/** kds keys route KEY...: each key's MD5, hash key and shard, as Kinesis routes it. */
import { print, printJson, type Context } from '../../context.js';
import { STREAM } from '../../core/facts.js';
import { explicitHashKeyProblem } from '../../core/keys/hash-key.js';
import { routeKey } from '../../core/keys/route.js';
import { isStreamRef } from '../../core/live/source.js';
import { UsageError } from '../../errors.js';
import type { AwsFlags } from '../../io/aws/settings.js';
import { echoValue } from '../../render/escape.js';
import { plural } from '../../render/format.js';
import { renderRoutes, routesJson } from '../../render/keys-route.js';
import { DEFAULT_SHARDS } from './options.js';
import { loadShardMap, type StreamChoice } from './stream-map.js';

export interface KeysRouteFlags extends AwsFlags {
  readonly shards?: number;
  readonly shardMap?: string;
  readonly explicitHashKey?: string;
  readonly json?: boolean;
}

export interface KeysRouteInput {
  readonly keys: readonly string[];
  readonly stream: StreamChoice;
  readonly explicitHashKey: bigint | undefined;
  readonly json: boolean;
  /** How to reach AWS for --shard-map kinesis://NAME. */
  readonly aws: AwsFlags;
}

export function toKeysRouteInput(keys: readonly string[], flags: KeysRouteFlags): KeysRouteInput {
  if (flags.shards !== undefined && flags.shardMap !== undefined) {
    throw new UsageError(`--shards ${flags.shards} and --shard-map both describe the stream: pass one of them.`);
  }
  const max = STREAM.partitionKeyMaxChars.value;
  for (const key of keys) {
    if (key.length === 0 || key.length > max) {
      throw new UsageError(`a partition key has 1 to ${max} characters, got ${key.length === 0 ? 'an empty one' : `'${echoValue(key)}' (${key.length})`}.`);
    }
  }
  const fromStream = flags.shardMap !== undefined && isStreamRef(flags.shardMap);
  for (const [value, flag] of [[flags.region, '--region'], [flags.profile, '--profile'], [flags.endpointUrl, '--endpoint-url']] as const) {
    if (value !== undefined && !fromStream) throw new UsageError(`${flag} is for reading a stream: give --shard-map kinesis://NAME (or a stream ARN) as well.`);
  }
  let explicitHashKey: bigint | undefined;
  if (flags.explicitHashKey !== undefined) {
    const problem = explicitHashKeyProblem(flags.explicitHashKey);
    if (problem !== undefined) throw new UsageError(`--explicit-hash-key '${echoValue(flags.explicitHashKey)}' is invalid: ${problem}.`);
    explicitHashKey = BigInt(flags.explicitHashKey);
  }
  return {
    keys,
    stream:
      flags.shardMap !== undefined
        ? { kind: 'map', file: flags.shardMap }
        : { kind: 'simulated', shards: flags.shards ?? DEFAULT_SHARDS, isDefault: flags.shards === undefined },
    explicitHashKey,
    json: flags.json === true,
    aws: { region: flags.region, profile: flags.profile, endpointUrl: flags.endpointUrl },
  };
}

export async function runKeysRoute(keys: readonly string[], flags: KeysRouteFlags, ctx: Context): Promise<void> {
  const input = toKeysRouteInput(keys, flags);
  const map = await loadShardMap(input.stream, ctx, input.aws);
  const routes = input.keys.map((key) => routeKey(map, key, input.explicitHashKey));
  if (input.json) {
    printJson(ctx, routesJson(routes, map));
    return;
  }
  const stream = input.stream;
  const note =
    stream.kind === 'simulated' && stream.isDefault
      ? `The default is ${plural(map.shards.length, 'simulated shard')} (a new on-demand stream's write capacity): pass --shards N or --shard-map FILE for your stream.`
      : undefined;
  print(ctx, renderRoutes(routes, map, ctx.width, stream.kind === 'map' ? stream.file : undefined, note));
}
