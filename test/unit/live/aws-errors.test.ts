import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/live/api.js';
import { InputError, InterruptedError, UsageError } from '../../../src/errors.js';
import { liveError } from '../../../src/io/aws/open-stream.js';
import { mapAwsError } from '../../../src/io/aws/errors.js';
import { checkAwsFlags, explicitEndpoint, NoThrottleRetry } from '../../../src/io/aws/settings.js';

function awsError(name: string, message = 'm', extra: Record<string, unknown> = {}): Error {
  const e = new Error(message);
  e.name = name;
  Object.assign(e, extra);
  return e;
}

const ctx = { action: 'kinesis:GetRecords', stream: 'orders', region: 'eu-west-1' };

describe('mapAwsError', () => {
  it.each(['ProvisionedThroughputExceededException', 'LimitExceededException', 'ThrottlingException', 'KMSThrottlingException'])(
    'hands %s back to the reader as throttling',
    (name) => {
      const e = mapAwsError(awsError(name), ctx);
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('throttled');
    },
  );

  it('hands an expired iterator and an aborted call back to the reader', () => {
    expect((mapAwsError(awsError('ExpiredIteratorException'), ctx) as ApiError).code).toBe('expired-iterator');
    expect((mapAwsError(awsError('AbortError'), ctx) as ApiError).code).toBe('aborted');
  });

  it('names the stream and the Region when the stream is not found', () => {
    const e = mapAwsError(awsError('ResourceNotFoundException', 'Stream orders under account 1 not found.'), ctx);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('stream orders was not found in eu-west-1: check the name, or pass --region.');
  });

  it('names the refused IAM action from the message, else the call', () => {
    expect(mapAwsError(awsError('AccessDeniedException', 'User: x is not authorized to perform: kinesis:ListShards on resource: y'), ctx).message).toMatch(
      /may not call kinesis:ListShards on orders/,
    );
    expect(mapAwsError(awsError('AccessDeniedException', 'no'), ctx).message).toMatch(/may not call kinesis:GetRecords on orders/);
  });

  it('tells expired credentials from rejected ones and missing ones', () => {
    expect(mapAwsError(awsError('ExpiredTokenException'), ctx).message).toMatch(/^the AWS credentials have expired/);
    expect(mapAwsError(awsError('UnrecognizedClientException'), ctx).message).toMatch(/^AWS in eu-west-1 rejected the AWS credentials/);
    expect(mapAwsError(awsError('CredentialsProviderError', 'Could not load credentials from any providers'), ctx).message).toMatch(/^no AWS credentials found/);
    expect(mapAwsError(awsError('CredentialsProviderError', 'Could not load credentials from any providers'), { ...ctx, profile: 'dev' }).message).toMatch(
      /^no AWS credentials found for profile dev/,
    );
  });

  it('makes a missing Region a usage error', () => {
    expect(mapAwsError(new Error('Region is missing'), ctx)).toBeInstanceOf(UsageError);
  });

  it('says which endpoint could not be reached, from the cause chain', () => {
    const e = mapAwsError(awsError('Error', 'connect failed', { cause: { code: 'ECONNREFUSED' } }), { ...ctx, endpoint: 'http://127.0.0.1:1' });
    expect(e.message).toBe('could not reach the endpoint http://127.0.0.1:1 (ECONNREFUSED) for kinesis:GetRecords: check the network and that the endpoint is running, then rerun.');
    expect(mapAwsError(awsError('TimeoutError', 'timed out'), ctx).message).toMatch(/^could not reach AWS in eu-west-1 \(no answer\)/);
  });

  it('keeps an unknown error to one escaped line', () => {
    const e = mapAwsError(awsError('WeirdException', 'line one\nline two\u001b[31m', { $metadata: { httpStatusCode: 418 } }), ctx);
    expect(e.message).toBe('kinesis:GetRecords failed: WeirdException (HTTP 418): line one\\nline two\\x1b[31m');
  });
});

describe('AWS settings', () => {
  it('takes the Kinesis endpoint from --endpoint-url, then AWS_ENDPOINT_URL_KINESIS, then AWS_ENDPOINT_URL', () => {
    expect(explicitEndpoint({ endpointUrl: 'http://a', env: { AWS_ENDPOINT_URL_KINESIS: 'http://b' } }, 'KINESIS')).toBe('http://a');
    expect(explicitEndpoint({ env: { AWS_ENDPOINT_URL_KINESIS: 'http://b', AWS_ENDPOINT_URL: 'http://c' } }, 'KINESIS')).toBe('http://b');
    expect(explicitEndpoint({ env: { AWS_ENDPOINT_URL: 'http://c' } }, 'KINESIS')).toBe('http://c');
    expect(explicitEndpoint({ endpointUrl: 'http://a', env: {} }, 'CLOUDWATCH')).toBeUndefined();
    expect(explicitEndpoint({ env: { AWS_ENDPOINT_URL_CLOUDWATCH: 'http://d' } }, 'CLOUDWATCH')).toBe('http://d');
  });

  it('retries connection and server errors twice, and never throttling', async () => {
    const retry = new NoThrottleRetry();
    const first = await retry.acquireInitialRetryToken();
    await expect(retry.refreshRetryTokenForRetry(first, { errorType: 'THROTTLING' })).rejects.toThrow();
    await expect(retry.refreshRetryTokenForRetry(first, { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
    const second = await retry.refreshRetryTokenForRetry(first, { errorType: 'TRANSIENT' });
    const third = await retry.refreshRetryTokenForRetry(second, { errorType: 'SERVER_ERROR' });
    expect(third.getRetryCount()).toBe(2);
    await expect(retry.refreshRetryTokenForRetry(third, { errorType: 'TRANSIENT' })).rejects.toThrow();
  });
});

describe('liveError', () => {
  it('ends the command with an input error when a throttled or expired call reaches it unhandled', () => {
    const throttled = liveError(new ApiError('throttled', 'Rate exceeded for stream orders'));
    expect(throttled).toBeInstanceOf(InputError);
    expect((throttled as Error).message).toBe('AWS throttled a call (Rate exceeded for stream orders): try again later.');
    expect(liveError(new ApiError('expired-iterator', 'old'))).toBeInstanceOf(InputError);
  });

  it('takes an aborted call for Ctrl+C', () => {
    expect(liveError(new ApiError('aborted', 'stopped'))).toBeInstanceOf(InterruptedError);
  });

  it('leaves errors it does not know alone', () => {
    const e = new TypeError('x');
    expect(liveError(e)).toBe(e);
  });
});

describe('checkAwsFlags', () => {
  it('repeats a bad --endpoint-url or --region escaped and cut, as every echoed value', () => {
    expect(() => checkAwsFlags({ endpointUrl: `ftp://\u001b[2J${'x'.repeat(300)}` })).toThrow(/^--endpoint-url expects a URL such as http:\/\/127\.0\.0\.1:4567, got 'ftp:\/\/\\x1b\[2Jx{29}\u2026x{17}'\.$/);
    expect(() => checkAwsFlags({ region: 'EU WEST\n1' })).toThrow("--region expects a Region name such as us-east-1, got 'EU WEST\\n1'.");
  });
});
