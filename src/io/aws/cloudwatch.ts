/**
 * GetMetricData through @aws-sdk/client-cloudwatch (imported on first use): batches of at most 500
 * metrics and 100,800 data points, every page followed, throttling handed back as ApiError.
 */
import type * as CloudWatchSdk from '@aws-sdk/client-cloudwatch';
import type { MetricResult } from '../../core/cloudwatch/demand.js';
import { batchSize, type MetricQuery } from '../../core/cloudwatch/period.js';
import { retryThrottled, type Clock } from '../../core/live/retry.js';
import { mapAwsError } from './errors.js';
import { cjsExports, clientConfig, explicitEndpoint, quietSdk, type AwsSettings } from './settings.js';

type Sdk = typeof CloudWatchSdk;

export interface CloudWatchReader {
  /** Results for every query over [startMs, endMs), pages merged in order. */
  getMetricData(queries: readonly MetricQuery[], startMs: number, endMs: number): Promise<MetricResult[]>;
  /** GetMetricData calls made so far. */
  readonly calls: number;
  readonly endpoint: string | undefined;
  close(): void;
}

export async function openCloudWatch(settings: AwsSettings, region: string, stream: string, clock: Clock, onThrottle: () => void): Promise<CloudWatchReader> {
  quietSdk();
  const sdk: Sdk = cjsExports(await import('@aws-sdk/client-cloudwatch'));
  const client = new sdk.CloudWatchClient({ ...(await clientConfig(settings, 'CLOUDWATCH', 8)), region });
  const endpoint = explicitEndpoint(settings, 'CLOUDWATCH');
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    endpoint,
    async getMetricData(queries, startMs, endMs) {
      const first = queries[0];
      const points = first ? Math.ceil((endMs - startMs) / 1000 / first.MetricStat.Period) : 1;
      const size = batchSize(points);
      const out: MetricResult[] = [];
      for (let i = 0; i < queries.length; i += size) {
        const batch = queries.slice(i, i + size).map((q) => ({
          Id: q.Id,
          MetricStat: {
            Metric: { Namespace: q.MetricStat.Metric.Namespace, MetricName: q.MetricStat.Metric.MetricName, Dimensions: [...q.MetricStat.Metric.Dimensions] },
            Period: q.MetricStat.Period,
            Stat: q.MetricStat.Stat,
          },
          ReturnData: q.ReturnData,
        }));
        let token: string | undefined;
        do {
          const input = { MetricDataQueries: batch, StartTime: new Date(startMs), EndTime: new Date(endMs), ScanBy: 'TimestampAscending' as const, NextToken: token };
          const send = async () => {
            calls++;
            try {
              return await client.send(new sdk.GetMetricDataCommand(input));
            } catch (error) {
              throw mapAwsError(error, { action: 'cloudwatch:GetMetricData', stream, region, endpoint, profile: settings.profile });
            }
          };
          const answer = await retryThrottled('GetMetricData', send, clock, onThrottle);
          out.push(...(answer.MetricDataResults ?? []));
          token = answer.NextToken;
        } while (token !== undefined);
      }
      return out;
    },
    close: () => client.destroy(),
  };
}
