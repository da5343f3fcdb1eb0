// A stand-in for CloudWatch's GetMetricData, to try `kds size kinesis://orders` without AWS (no
// CloudWatch emulator installs from npm). It answers for any stream with made-up but steady
// traffic: a daily swing between about 5 and 25 records/s of 190 bytes, read by two consumers,
// and one five-minute burst of about 2,200 records/s, 3 days and 7 hours before the end of the
// look-back, in which 9,000 writes were refused. Per-shard metrics are left empty.
//
//   node docs/examples/cloudwatch-demo.mjs 4580 &
//   export AWS_ENDPOINT_URL_CLOUDWATCH=http://127.0.0.1:4580
//   kds size kinesis://orders --endpoint-url http://127.0.0.1:4567
//
// It speaks the AWS JSON 1.0 protocol the SDK uses for CloudWatch; any credentials are accepted.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import process from 'node:process';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const RECORD_BYTES = 190;

/** The minute sums of each metric for the minute starting at t (epoch ms), given the look-back's end. */
function minute(t, endMs) {
  const ofDay = (t % DAY) / MINUTE;
  let records = Math.round(900 + 600 * Math.sin((2 * Math.PI * (ofDay - 360)) / 1440));
  const burst = Math.floor((endMs - 3 * DAY - 7 * 60 * MINUTE) / MINUTE) * MINUTE;
  let refused = 0;
  let readThrottled = 0;
  if (t >= burst && t < burst + 5 * MINUTE) {
    records += 130_000;
    readThrottled = 40;
    if (t === burst + 2 * MINUTE) refused = 9000;
  }
  return {
    IncomingRecords: records,
    IncomingBytes: records * RECORD_BYTES,
    WriteProvisionedThroughputExceeded: refused,
    'GetRecords.Bytes': 2 * records * RECORD_BYTES,
    ReadProvisionedThroughputExceeded: readThrottled,
  };
}

function answer(body) {
  const start = body.StartTime * 1000;
  const end = body.EndTime * 1000;
  const results = body.MetricDataQueries.map((q) => {
    const stat = q.MetricStat;
    const period = stat.Period * 1000;
    const perShard = (stat.Metric.Dimensions ?? []).some((d) => d.Name === 'ShardId');
    const timestamps = [];
    const values = [];
    if (!perShard) {
      // Newest first, as CloudWatch returns them.
      for (let t = Math.floor((end - 1) / period) * period; t >= start; t -= period) {
        let sum = 0;
        for (let m = t; m < t + period; m += MINUTE) sum += minute(m, end)[stat.Metric.MetricName] ?? 0;
        timestamps.push(t / 1000);
        values.push(sum);
      }
    }
    return { Id: q.Id, Label: stat.Metric.MetricName, Timestamps: timestamps, Values: values, StatusCode: 'Complete' };
  });
  return { MetricDataResults: results, Messages: [] };
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop();
    const type = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'demo' };
    if (operation !== 'GetMetricData') {
      res.writeHead(400, { ...type, 'x-amzn-errortype': 'UnknownOperationException' });
      res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `this stand-in answers GetMetricData only, not ${operation}` }));
      return;
    }
    res.writeHead(200, type);
    res.end(JSON.stringify(answer(JSON.parse(Buffer.concat(chunks).toString('utf8')))));
  });
});

const port = Number(process.argv[2] ?? 4580);
server.listen(port, '127.0.0.1', () => {
  console.log(`CloudWatch stand-in at http://127.0.0.1:${server.address().port}`);
});
