import { describe, expect, it } from 'vitest';
import { isStreamRef, parseStreamRef } from '../../../src/core/live/source.js';

describe('stream references', () => {
  it('repeats a long reference cut in the middle, quoted', () => {
    expect(() => parseStreamRef(`kinesis://${'a b'.repeat(200)}`)).toThrow(/^the stream "kinesis:\/\/a ba b.{26}\u2026.{17}" is not kinesis:\/\/NAME/);
  });

  it('tells a stream from a file', () => {
    expect(isStreamRef('kinesis://orders')).toBe(true);
    expect(isStreamRef('arn:aws:kinesis:eu-west-1:123456789012:stream/orders')).toBe(true);
    expect(isStreamRef('arn:aws-cn:kinesis:cn-north-1:123456789012:stream/orders')).toBe(true);
    expect(isStreamRef('orders.csv')).toBe(false);
    expect(isStreamRef('kinesis.csv')).toBe(false);
    expect(isStreamRef('-')).toBe(false);
  });

  it('reads kinesis://NAME', () => {
    expect(parseStreamRef('kinesis://orders')).toEqual({ name: 'orders', text: 'kinesis://orders' });
    expect(parseStreamRef('kinesis://my_stream.v2-test/')).toMatchObject({ name: 'my_stream.v2-test' });
  });

  it('reads the name and Region of an ARN', () => {
    const arn = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders';
    expect(parseStreamRef(arn)).toEqual({ name: 'orders', arn, region: 'eu-west-1', text: arn });
  });

  it.each(['kinesis://', 'kinesis://a b', `kinesis://${'x'.repeat(129)}`, 'kinesis://orders/x'])('rejects %j with the name rule', (text) => {
    expect(() => parseStreamRef(text)).toThrow(/is not kinesis:\/\/NAME: a stream name is 1 to 128/);
  });

  it.each(['arn:aws:kinesis:eu-west-1:123:stream/orders', 'arn:aws:kinesis:eu-west-1:123456789012:table/orders'])('rejects the ARN %j', (text) => {
    expect(() => parseStreamRef(text)).toThrow(/is not a stream ARN: expected arn:aws:kinesis:REGION:ACCOUNT:stream\/NAME/);
  });
});
