/**
 * kinesalite, the in-process Kinesis emulator, on a random port of 127.0.0.1, and an SDK client
 * pointed at it to set streams up. The emulator routes partition keys by MD5 as Kinesis does.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import * as K from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const require = createRequire(import.meta.url);
const kinesalite = require('kinesalite') as (options: Record<string, unknown>) => Server;

/** Fake credentials and no instance metadata: the SDK's default chain finds these and nothing else. */
export const TEST_AWS_ENV: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Sets TEST_AWS_ENV in process.env (the SDK reads it there); returns the function that restores it. */
export function useTestAwsEnv(extra: Record<string, string | undefined> = {}): () => void {
  const saved = new Map<string, string | undefined>();
  const all = { ...TEST_AWS_ENV, AWS_CONFIG_FILE: '/nonexistent/kds-test-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kds-test-credentials', AWS_PROFILE: undefined, ...extra };
  for (const [k, v] of Object.entries(all)) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export interface Emulator {
  readonly endpoint: string;
  readonly client: K.KinesisClient;
  close(): Promise<void>;
}

export async function startKinesalite(): Promise<Emulator> {
  const server = kinesalite({ createStreamMs: 0, updateStreamMs: 0, deleteStreamMs: 0, shardLimit: 10_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new K.KinesisClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    requestHandler: new NodeHttpHandler(),
  });
  return {
    endpoint,
    client,
    close: () =>
      new Promise<void>((resolve) => {
        client.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function createStream(emu: Emulator, name: string, shards: number): Promise<void> {
  await emu.client.send(new K.CreateStreamCommand({ StreamName: name, ShardCount: shards }));
}

export interface Put {
  readonly key: string;
  readonly data?: Uint8Array | string;
  readonly explicitHashKey?: string;
}

/** Puts records in order (500 per call); returns the shard each landed on. */
export async function putRecords(emu: Emulator, name: string, records: readonly Put[]): Promise<string[]> {
  const shards: string[] = [];
  for (let i = 0; i < records.length; i += 500) {
    const batch = records.slice(i, i + 500).map((r) => ({
      PartitionKey: r.key,
      Data: typeof r.data === 'string' ? new TextEncoder().encode(r.data) : (r.data ?? new TextEncoder().encode('x')),
      ...(r.explicitHashKey === undefined ? {} : { ExplicitHashKey: r.explicitHashKey }),
    }));
    const out = await emu.client.send(new K.PutRecordsCommand({ StreamName: name, Records: batch }));
    if (out.FailedRecordCount) throw new Error(`${out.FailedRecordCount} records failed`);
    for (const r of out.Records ?? []) shards.push(r.ShardId!);
  }
  return shards;
}

export async function listShards(emu: Emulator, name: string): Promise<K.Shard[]> {
  return (await emu.client.send(new K.ListShardsCommand({ StreamName: name }))).Shards ?? [];
}

export async function split(emu: Emulator, name: string, shardId: string, at: string): Promise<void> {
  await emu.client.send(new K.SplitShardCommand({ StreamName: name, ShardToSplit: shardId, NewStartingHashKey: at }));
}

export async function merge(emu: Emulator, name: string, shardId: string, adjacent: string): Promise<void> {
  await emu.client.send(new K.MergeShardsCommand({ StreamName: name, ShardToMerge: shardId, AdjacentShardToMerge: adjacent }));
}
