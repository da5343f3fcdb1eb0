/**
 * The KinesisApi of src/core/live/api.ts on top of @aws-sdk/client-kinesis, which is imported here
 * on first use only.
 */
import type * as KinesisSdk from '@aws-sdk/client-kinesis';
import { STREAM } from '../../core/facts.js';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { ApiError, type IteratorStart, type KinesisApi, type RecordsPage, type ShardsPage, type StreamSummary } from '../../core/live/api.js';
import type { StreamRef } from '../../core/live/source.js';
import { mapAwsError, type CallContext } from './errors.js';
import { cjsExports, clientConfig, explicitEndpoint, quietSdk, type AwsSettings } from './settings.js';

type Sdk = typeof KinesisSdk;

export interface EfoConsumer {
  readonly name: string;
  readonly status: string;
}

export interface LiveStream {
  readonly api: KinesisApi;
  /** The Region the calls go to. */
  readonly region: string;
  /** The endpoint, when one was chosen explicitly. */
  readonly endpoint: string | undefined;
  /** Enhanced fan-out consumers (ListStreamConsumers); undefined when the endpoint lacks the call. */
  listConsumers(streamArn: string | undefined): Promise<EfoConsumer[] | undefined>;
  close(): void;
}

/** Opens a client for one stream. Region problems surface here, before any call. */
export async function openStream(ref: StreamRef, settings: AwsSettings, maxSockets: number): Promise<LiveStream> {
  quietSdk();
  const sdk: Sdk = cjsExports(await import('@aws-sdk/client-kinesis'));
  const config = await clientConfig({ ...settings, region: settings.region ?? ref.region }, 'KINESIS', maxSockets);
  const client: KinesisClient = new sdk.KinesisClient(config);
  const endpoint = explicitEndpoint(settings, 'KINESIS');
  let region: string;
  try {
    region = await client.config.region();
  } catch (error) {
    throw mapAwsError(error, { action: 'kinesis:DescribeStreamSummary', stream: ref.text, endpoint, profile: settings.profile });
  }
  const ctx = (action: string): CallContext => ({ action: `kinesis:${action}`, stream: ref.name, region, endpoint, profile: settings.profile });
  const id = ref.arn !== undefined ? { StreamARN: ref.arn } : { StreamName: ref.name };

  async function send<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw mapAwsError(error, ctx(action));
    }
  }

  const api: KinesisApi = {
    describeStream: () =>
      send('DescribeStreamSummary', async () => {
        const out = await client.send(new sdk.DescribeStreamSummaryCommand(id));
        const d = out.StreamDescriptionSummary;
        if (d === undefined) throw new Error('DescribeStreamSummary returned no summary');
        const metrics = (d.EnhancedMonitoring ?? []).flatMap((m) => m.ShardLevelMetrics ?? []);
        const summary: StreamSummary = {
          name: d.StreamName ?? ref.name,
          arn: d.StreamARN,
          status: d.StreamStatus ?? 'ACTIVE',
          mode: d.StreamModeDetails?.StreamMode,
          openShardCount: d.OpenShardCount,
          retentionHours: d.RetentionPeriodHours ?? STREAM.retentionDefaultHours.value,
          createdMs: d.StreamCreationTimestamp?.getTime(),
          shardLevelMetrics: metrics,
          maxRecordSizeKiB: d.MaxRecordSizeInKiB,
          consumerCount: d.ConsumerCount,
        };
        return summary;
      }),
    listShards: (nextToken) =>
      send('ListShards', async (): Promise<ShardsPage> => {
        const out = await client.send(new sdk.ListShardsCommand(nextToken === undefined ? id : { NextToken: nextToken }));
        return { shards: out.Shards ?? [], nextToken: out.NextToken };
      }),
    getShardIterator: (shardId: string, start: IteratorStart, signal?: AbortSignal) =>
      send('GetShardIterator', async () => {
        const input = {
          ...id,
          ShardId: shardId,
          ShardIteratorType: start.type,
          ...(start.type === 'AT_TIMESTAMP' ? { Timestamp: new Date(start.timestampMs) } : {}),
          ...(start.type === 'AFTER_SEQUENCE_NUMBER' ? { StartingSequenceNumber: start.sequenceNumber } : {}),
        };
        const out = await client.send(new sdk.GetShardIteratorCommand(input), { abortSignal: signal });
        if (out.ShardIterator === undefined) throw new ApiError('expired-iterator', `no iterator for ${shardId}`);
        return out.ShardIterator;
      }),
    getRecords: (iterator: string, limit: number, signal?: AbortSignal) =>
      send('GetRecords', async (): Promise<RecordsPage> => {
        const out = await client.send(
          new sdk.GetRecordsCommand({ ShardIterator: iterator, Limit: limit, ...(ref.arn !== undefined ? { StreamARN: ref.arn } : {}) }),
          { abortSignal: signal },
        );
        return { records: out.Records ?? [], nextIterator: out.NextShardIterator ?? undefined, millisBehindLatest: out.MillisBehindLatest };
      }),
  };

  return {
    api,
    region,
    endpoint,
    listConsumers: async (streamArn) => {
      const arn = streamArn ?? ref.arn;
      if (arn === undefined) return undefined;
      const consumers: EfoConsumer[] = [];
      let token: string | undefined;
      try {
        do {
          const out = await client.send(new sdk.ListStreamConsumersCommand(token === undefined ? { StreamARN: arn } : { StreamARN: arn, NextToken: token }));
          for (const c of out.Consumers ?? []) consumers.push({ name: c.ConsumerName ?? '', status: c.ConsumerStatus ?? '' });
          token = out.NextToken;
        } while (token !== undefined);
      } catch (error) {
        const mapped = mapAwsError(error, ctx('ListStreamConsumers'));
        if (/does not support/.test(mapped.message)) return undefined;
        throw mapped;
      }
      return consumers;
    },
    close: () => client.destroy(),
  };
}
