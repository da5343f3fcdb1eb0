// The straightforward analyzer the bench compares against: a line reader, one MD5 object per
// row, BigInt comparison against each shard's start, a Map of key counts. Prints JSON like
// `kds keys analyze --json` (totalRecords, per-shard records, top keys) so that the bench can
// check that both agree.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [file, shardArg = '4'] = process.argv.slice(2);
const n = BigInt(shardArg);
const space = 1n << 128n;
const starts = Array.from({ length: Number(n) }, (_, i) => (BigInt(i) * space) / n);

const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
let keyColumn = -1;
const shardRecords = new Array(Number(n)).fill(0);
const counts = new Map();
let total = 0;
for await (const line of lines) {
  if (keyColumn < 0) {
    keyColumn = line.split(',').indexOf('partition_key');
    continue;
  }
  if (line.length === 0) continue;
  const key = line.split(',')[keyColumn];
  const hash = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
  let shard = 0;
  for (let i = starts.length - 1; i >= 0; i--) {
    if (hash >= starts[i]) {
      shard = i;
      break;
    }
  }
  shardRecords[shard]++;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  total++;
}
const topKeys = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([key, records]) => ({ key, records }));
process.stdout.write(`${JSON.stringify({ totalRecords: total, shards: shardRecords.map((records) => ({ records })), topKeys })}\n`);
