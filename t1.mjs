import kinesalite from 'kinesalite';
const server = kinesalite({ createStreamMs: 0, updateStreamMs: 0, deleteStreamMs: 0 });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const t0 = performance.now();
const K = await import('@aws-sdk/client-kinesis');
const { NodeHttpHandler } = await import('@smithy/node-http-handler');
console.log('import ms', performance.now() - t0);
const c = new K.KinesisClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, requestHandler: new NodeHttpHandler() });
await c.send(new K.CreateStreamCommand({ StreamName: 's', ShardCount: 3 }));
const d = await c.send(new K.DescribeStreamSummaryCommand({ StreamName: 's' }));
console.log(d.StreamDescriptionSummary);
await c.send(new K.PutRecordCommand({ StreamName: 's', PartitionKey: 'ü', Data: new Uint8Array([1,2,3]) }));
const ls = await c.send(new K.ListShardsCommand({ StreamName: 's' }));
console.log(JSON.stringify(ls.Shards));
for (const s of ls.Shards) {
  const it = await c.send(new K.GetShardIteratorCommand({ StreamName: 's', ShardId: s.ShardId, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(Date.now() - 60000) }));
  const r = await c.send(new K.GetRecordsCommand({ ShardIterator: it.ShardIterator }));
  console.log(s.ShardId, r.Records.length, r.MillisBehindLatest, r.Records[0]);
}
try { await c.send(new K.DescribeStreamSummaryCommand({ StreamName: 'nope' })); } catch (e) { console.log(e.name, e.message, e.$metadata); }
try { await c.send(new K.ListStreamConsumersCommand({ StreamARN: d.StreamDescriptionSummary.StreamARN })); } catch (e) { console.log(e.name, e.message); }
server.close(() => {});
