import { describe, expect, it } from 'vitest';
import { shortShardIds } from '../../../src/render/shard-ids.js';

describe('shortShardIds', () => {
  it('cuts every id to the shortest tail of at least four characters that tells them apart', () => {
    expect(shortShardIds(['shardId-000000000002', 'shardId-000000000013'])).toEqual(['\u20260002', '\u20260013']);
    expect(shortShardIds(['shardId-000000010002', 'shardId-000000000002'])).toEqual(['\u202610002', '\u202600002']);
  });

  it('leaves an id whole when cutting it would save nothing', () => {
    expect(shortShardIds(['s-1', 'abcde'])).toEqual(['s-1', 'abcde']);
  });

  it('escapes what a terminal could act on', () => {
    expect(shortShardIds(['shardId-\u001b[31m0001'])[0]).not.toContain('\u001b');
  });
});
