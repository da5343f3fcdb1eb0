// Fills a local Kinesis emulator with a stream to try `kds keys analyze kinesis://orders` on.
//
//   npx kinesalite --port 4567 --createStreamMs 0 &      (from a clone, after npm ci)
//   export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
//   node docs/examples/live-demo.mjs http://127.0.0.1:4567
//
// Creates the stream `orders` with 4 shards and writes 3,000 records, a quarter of them under one
// key (customer-42); 40 records under sensor-7 that its producer pins to the first shard with an
// explicit hash key (0), though the key's MD5 routes it to the third; and 10 KPL-aggregated
// records holding 50 user records each (made with awslabs' aws-kinesis-agg, as a KPL producer
// would send them).
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { TextEncoder } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const require = createRequire(import.meta.url);
const K = require('@aws-sdk/client-kinesis');
const { NodeHttpHandler } = require('@smithy/node-http-handler');
const agg = require('aws-kinesis-agg');

const endpoint = process.argv[2] ?? 'http://127.0.0.1:4567';
const client = new K.KinesisClient({ endpoint, region: process.env.AWS_REGION ?? 'us-east-1', requestHandler: new NodeHttpHandler() });
const enc = new TextEncoder();

await client.send(new K.CreateStreamCommand({ StreamName: 'orders', ShardCount: 4 }));
for (let i = 0; i < 3000; i += 500) {
  const Records = Array.from({ length: 500 }, (_, j) => {
    const n = i + j;
    const key = n % 4 === 0 ? 'customer-42' : `customer-${1000 + ((n * 7919) % 500)}`;
    return { PartitionKey: key, Data: enc.encode(JSON.stringify({ order: n, total: (n % 97) * 1.5 })) };
  });
  await client.send(new K.PutRecordsCommand({ StreamName: 'orders', Records }));
}
await client.send(
  new K.PutRecordsCommand({
    StreamName: 'orders',
    Records: Array.from({ length: 40 }, (_, i) => ({ PartitionKey: 'sensor-7', ExplicitHashKey: '0', Data: enc.encode(`{"reading":${i}}`) })),
  }),
);
for (let a = 0; a < 10; a++) {
  const users = Array.from({ length: 50 }, (_, j) => ({ partitionKey: `device-${(a * 50 + j) % 120}`, data: Buffer.from(`reading ${a}.${j}`) }));
  const packed = await new Promise((resolve, reject) => {
    const out = [];
    agg.aggregate(users, (record, done) => (out.push(record), done()), () => resolve(out), reject);
  });
  for (const record of packed) {
    await client.send(new K.PutRecordCommand({ StreamName: 'orders', PartitionKey: record.partitionKey, Data: record.data }));
  }
}
client.destroy();
console.log('stream orders: 3,040 records (40 with an explicit hash key) and 10 KPL aggregates of 50 user records');
