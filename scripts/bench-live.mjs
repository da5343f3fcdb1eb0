// Live read bench (part of npm run bench): `kds keys analyze kinesis://NAME` against kinesalite.
//
// Starts kinesalite in this process on a random local port, creates a 64-shard stream, puts
// 100,000 records (Zipf-skewed keys over 10,000 ids, 100-byte payloads), then runs the built kds on
// it from trim-horizon three times. Reports records/s read (the median run) and peak RSS (the
// largest, from /usr/bin/time), next to a plain SDK loop that reads the same records shard after
// shard, as a measure of what the emulator itself can serve.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const KDS = join(ROOT, 'bin', 'kds.js');
const TIME = '/usr/bin/time';
const SHARDS = 64;
const RECORDS = Number(process.env.KDS_BENCH_LIVE_RECORDS ?? 100_000);
const RUNS = 3;
const STREAM = 'bench';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const require = createRequire(import.meta.url);
const kinesalite = require('kinesalite');
const K = require('@aws-sdk/client-kinesis');
const { NodeHttpHandler } = require('@smithy/node-http-handler');

const AWS_ENV = { AWS_ACCESS_KEY_ID: 'AKIDBENCH', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };

function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Runs node with args without blocking this process (kinesalite answers from it). */
function measure(args, env) {
  return new Promise((resolve, reject) => {
    const hasTime = existsSync(TIME);
    const started = process.hrtime.bigint();
    const child = hasTime
      ? spawn(TIME, ['-f', '%e %M', process.execPath, ...args], { env: { ...process.env, ...env } })
      : spawn(process.execPath, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`kds exited ${code}: ${stderr}`));
      const last = stderr.trim().split('\n').at(-1) ?? '';
      const rssMiB = hasTime ? Number(last.split(' ')[1]) / 1024 : null;
      resolve({ seconds, rssMiB, stdout });
    });
  });
}

async function main() {
  const server = kinesalite({ createStreamMs: 0, updateStreamMs: 0, deleteStreamMs: 0, shardLimit: 10_000 });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const client = new K.KinesisClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: AWS_ENV.AWS_SECRET_ACCESS_KEY },
    requestHandler: new NodeHttpHandler(),
  });
  try {
    await client.send(new K.CreateStreamCommand({ StreamName: STREAM, ShardCount: SHARDS }));
    const keys = 10_000;
    const cumulative = new Float64Array(keys);
    let sum = 0;
    for (let i = 0; i < keys; i++) {
      sum += 1 / (i + 1) ** 1.1;
      cumulative[i] = sum;
    }
    const random = lcg(7);
    const pick = () => {
      const u = random() * sum;
      let lo = 0;
      let hi = keys - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return `device-${String(lo).padStart(5, '0')}`;
    };
    const payload = new Uint8Array(100).fill(120);
    const putStarted = process.hrtime.bigint();
    for (let i = 0; i < RECORDS; i += 500) {
      const Records = Array.from({ length: Math.min(500, RECORDS - i) }, () => ({ PartitionKey: pick(), Data: payload }));
      const out = await client.send(new K.PutRecordsCommand({ StreamName: STREAM, Records }));
      if (out.FailedRecordCount) throw new Error(`${out.FailedRecordCount} records failed`);
    }
    const putSeconds = Number(process.hrtime.bigint() - putStarted) / 1e9;

    // What the emulator serves to one plain reader: every shard from trim-horizon, one after another.
    const rawStarted = process.hrtime.bigint();
    let rawRecords = 0;
    const { Shards } = await client.send(new K.ListShardsCommand({ StreamName: STREAM }));
    for (const s of Shards) {
      let it = (await client.send(new K.GetShardIteratorCommand({ StreamName: STREAM, ShardId: s.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      for (;;) {
        const r = await client.send(new K.GetRecordsCommand({ ShardIterator: it, Limit: 10_000 }));
        rawRecords += r.Records.length;
        if (r.Records.length === 0) break;
        it = r.NextShardIterator;
      }
    }
    const rawSeconds = Number(process.hrtime.bigint() - rawStarted) / 1e9;

    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await measure([KDS, 'keys', 'analyze', `kinesis://${STREAM}`, '--endpoint-url', endpoint, '--from', 'trim-horizon', '--json'], AWS_ENV);
      const total = JSON.parse(run.stdout).totalRecords;
      if (total !== RECORDS) throw new Error(`kds counted ${total} records, expected ${RECORDS}`);
      runs.push(run);
    }
    const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)];
    const rss = runs.some((r) => r.rssMiB === null) ? null : Math.max(...runs.map((r) => r.rssMiB));
    const fmt = (n) => Math.round(n).toLocaleString('en-US');
    console.log(`Live read: kds keys analyze kinesis://${STREAM} --from trim-horizon (kinesalite, ${SHARDS} shards, ${fmt(RECORDS)} records)`);
    console.log(`  put ${fmt(RECORDS)} records with PutRecords       ${putSeconds.toFixed(1).padStart(6)} s`);
    console.log(`  one SDK reader, shard after shard       ${rawSeconds.toFixed(2).padStart(6)} s  ${fmt(rawRecords / rawSeconds).padStart(8)} records/s`);
    console.log(`  kds, median of ${RUNS} (whole process)       ${median.seconds.toFixed(2).padStart(6)} s  ${fmt(RECORDS / median.seconds).padStart(8)} records/s, peak RSS ${rss === null ? 'n/a' : `${fmt(rss)} MiB`}`);
  } finally {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

await main();
