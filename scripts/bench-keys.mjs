// npm run bench [-- --quick]
//
// Speed and memory of `kds keys analyze` on generated data, next to a straightforward analyzer
// (scripts/bench-naive.mjs) run in the same bench, plus CSV parsing alone with csv-parse,
// papaparse and the kds scanner (the evidence behind writing our own parser).
//
// Data is generated deterministically into .bench/ (git-ignored) on the first run:
//   skewed-1m.csv, skewed-10m.csv  partition_key,bytes,timestamp; Zipf (s = 1.1) over 100,000 keys
//   uuids-10m.csv                  partition_key,bytes; 10M distinct UUID-like keys plus three
//                                  heavy hitters with known counts (2%, 1% and 0.5% of rows)
// Wall time and peak RSS come from /usr/bin/time around each spawned process.
// --quick skips the straightforward analyzer on 10M rows (it takes about a minute).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '.bench');
const KDS = join(ROOT, 'bin', 'kds.js');
const NAIVE = join(ROOT, 'scripts', 'bench-naive.mjs');
const CSV = join(ROOT, 'scripts', 'bench-csv.mjs');
const QUICK = process.argv.includes('--quick');
const TIME = '/usr/bin/time';
const SHARDS = 4;
const GENERATOR_VERSION = 2;

// ----------------------------------------------------------------------------------- data

/** A small deterministic generator (32-bit LCG); good enough to shuffle keys. */
function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function writeRows(path, header, rowCount, rowAt) {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let batch = [header];
  for (let i = 0; i < rowCount; i++) {
    batch.push(rowAt(i));
    if (batch.length === 50000) {
      writeSync(fd, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) writeSync(fd, `${batch.join('\n')}\n`);
  closeSync(fd);
  renameSync(tmp, path);
}

function skewed(path, rows) {
  const keys = 100_000;
  const cumulative = new Float64Array(keys);
  let sum = 0;
  for (let i = 0; i < keys; i++) {
    sum += 1 / (i + 1) ** 1.1;
    cumulative[i] = sum;
  }
  const random = lcg(42);
  const names = Array.from({ length: keys }, (_, i) => `user-${String(i).padStart(6, '0')}`);
  const start = Date.UTC(2026, 0, 1) / 1000;
  const seconds = new Map();
  const stamp = (s) => {
    let text = seconds.get(s);
    if (text === undefined) {
      text = new Date(s * 1000).toISOString().replace('.000Z', 'Z');
      seconds.set(s, text);
    }
    return text;
  };
  writeRows(path, 'partition_key,bytes,timestamp', rows, (i) => {
    const u = random() * sum;
    let lo = 0;
    let hi = keys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return `${names[lo]},${200 + ((i * 7919) % 800)},${stamp(start + Math.floor(i / 20000))}`;
  });
}

/** Heavy hitters of the UUID file: key, every how many rows, at which offset. */
export const HEAVY_HITTERS = [
  ['hot-key-1', 50, 0],
  ['hot-key-2', 100, 1],
  ['hot-key-3', 200, 3],
];

function uuids(path, rows) {
  const random = lcg(7);
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(random() * 16)];
    return s;
  };
  writeRows(path, 'partition_key,bytes', rows, (i) => {
    for (const [key, every, offset] of HEAVY_HITTERS) if (i % every === offset) return `${key},100`;
    return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)},100`;
  });
}

/** Exact counts of the heavy hitters in a file of `rows` rows, from the generator's rule. */
function heavyCounts(rows) {
  const counts = new Map(HEAVY_HITTERS.map(([k]) => [k, 0]));
  for (let i = 0; i < rows; i++) {
    for (const [key, every, offset] of HEAVY_HITTERS) {
      if (i % every === offset) {
        counts.set(key, counts.get(key) + 1);
        break;
      }
    }
  }
  return counts;
}

function ensure(name, make, rows) {
  const path = join(BENCH, `v${GENERATOR_VERSION}-${name}`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path} ...\n`);
    make(path, rows);
  }
  return path;
}

// ----------------------------------------------------------------------------------- runs

const hasTime = existsSync(TIME);

/** Runs node with args; returns wall seconds, peak RSS in MiB (or null) and stdout. */
function measure(args) {
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync(TIME, ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let rssMiB = null;
  if (hasTime) {
    const last = result.stderr.trim().split('\n').at(-1) ?? '';
    const [, kb] = last.split(' ');
    rssMiB = Number(kb) / 1024;
  }
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return { seconds: wall, rssMiB, stdout: result.stdout };
}

const fmt = (n, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (rows, s) => `${fmt(rows / s / 1e6)}M/s`;
const mib = (m) => (m === null ? 'n/a' : `${fmt(m, 0)} MiB`);
const mb = (path) => `${fmt(statSync(path).size / 1e6, 0)} MB`;

/** kds is cheap to run: take the median of RUNS runs (this machine is noisy), and the largest RSS. */
const RUNS = 3;

function kds(path) {
  const runs = Array.from({ length: RUNS }, () => measure([KDS, 'keys', 'analyze', path, '--shards', String(SHARDS), '--json', '--top', '5']));
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(RUNS / 2)];
  const rssMiB = runs.some((r) => r.rssMiB === null) ? null : Math.max(...runs.map((r) => r.rssMiB));
  return { seconds: median.seconds, all: runs.map((r) => r.seconds), rssMiB, json: JSON.parse(median.stdout) };
}

function naive(path) {
  const run = measure([NAIVE, path, String(SHARDS)]);
  return { ...run, json: JSON.parse(run.stdout) };
}

function agree(a, b) {
  const shardsA = a.shards.map((s) => s.records).join(',');
  const shardsB = b.shards.map((s) => s.records).join(',');
  const topA = a.topKeys.map((k) => `${k.key}=${k.records}`).join(',');
  const topB = b.topKeys.map((k) => `${k.key}=${k.records}`).join(',');
  return a.totalRecords === b.totalRecords && shardsA === shardsB && topA === topB;
}

// ----------------------------------------------------------------------------------- main

mkdirSync(BENCH, { recursive: true });
const files = {
  skewed1m: ensure('skewed-1m.csv', skewed, 1_000_000),
  skewed10m: ensure('skewed-10m.csv', skewed, 10_000_000),
  uuids10m: ensure('uuids-10m.csv', uuids, 10_000_000),
};

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
const say = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
say(`kds keys analyze bench: Node ${process.version}, ${cpus().length} CPUs (${cpu}), ${SHARDS} shards`);
say();

const results = {};
const checks = [];
say(`kds: median of ${RUNS} runs (all runs in brackets), largest peak RSS; naive: one run`);
say('input                      rows         kds: time  rows/s     peak RSS   naive: time  rows/s    peak RSS   speed-up');
for (const [name, path, rows, runNaive] of [
  ['skewed-1m', files.skewed1m, 1_000_000, true],
  ['skewed-10m', files.skewed10m, 10_000_000, !QUICK],
]) {
  const k = kds(path);
  const n = runNaive ? naive(path) : undefined;
  results[name] = { kds: { seconds: k.seconds, runs: k.all, rssMiB: k.rssMiB }, naive: n ? { seconds: n.seconds, rssMiB: n.rssMiB } : null };
  say(
    `${`${name}.csv (${mb(path)})`.padEnd(26)} ${rows.toLocaleString('en-US').padEnd(12)} ` +
      `${fmt(k.seconds).padStart(6)} s  ${rate(rows, k.seconds).padEnd(9)}  ${mib(k.rssMiB).padEnd(9)}  ` +
      (n
        ? `${fmt(n.seconds).padStart(7)} s  ${rate(rows, n.seconds).padEnd(8)}  ${mib(n.rssMiB).padEnd(9)}  ${fmt(n.seconds / k.seconds, 1)}x`
        : 'skipped (--quick)'),
  );
  say(`${''.padEnd(39)} [${k.all.map((x) => fmt(x)).join(', ')}]`);
  if (n) checks.push([`${name}: kds and the straightforward analyzer agree on shard totals and top keys`, agree(k.json, n.json)]);
  if (name === 'skewed-10m') {
    checks.push([`${name}: under 5 s`, k.seconds < 5]);
    if (n) checks.push([`${name}: at least 10x the straightforward analyzer`, n.seconds / k.seconds >= 10]);
  }
  checks.push([`${name}: peak RSS under 150 MiB`, k.rssMiB === null || k.rssMiB < 150]);
}

const u = kds(files.uuids10m);
results['uuids-10m'] = { kds: { seconds: u.seconds, runs: u.all, rssMiB: u.rssMiB }, naive: null };
say(
  `${`uuids-10m.csv (${mb(files.uuids10m)})`.padEnd(26)} ${(10_000_000).toLocaleString('en-US').padEnd(12)} ` +
    `${fmt(u.seconds).padStart(6)} s  ${rate(10_000_000, u.seconds).padEnd(9)}  ${mib(u.rssMiB).padEnd(9)}  not run (its Map of 10M strings needs over 1 GiB)`,
);
say(`${''.padEnd(39)} [${u.all.map((x) => fmt(x)).join(', ')}]`);
const expected = heavyCounts(10_000_000);
const top3 = u.json.topKeys.slice(0, 3).map((k) => [k.key, k.records]);
say(
  `  approximate: ${u.json.approximate}; heavy hitters ${top3.map(([k, r]) => `${k}=${r.toLocaleString('en-US')}`).join(', ')} ` +
    `(true: ${[...expected].map(([k, r]) => `${k}=${r.toLocaleString('en-US')}`).join(', ')})`,
);
checks.push(['uuids-10m: peak RSS under 300 MiB', u.rssMiB === null || u.rssMiB < 300]);
checks.push(['uuids-10m: JSON says key counts are approximate', u.json.approximate === true]);
checks.push(['uuids-10m: the three heavy hitters are the top keys with their exact counts', top3.every(([k, r]) => expected.get(k) === r)]);
checks.push(['uuids-10m: shard totals add up to every row', u.json.shards.reduce((s, x) => s + x.records, 0) === 10_000_000]);

say();
say('CSV parsing alone (read every row\'s key field, no hashing), skewed-1m.csv:');
const parsers = ['kds', 'csv-parse', 'papaparse', 'split'];
const parse = {};
for (const p of parsers) {
  const run = measure([CSV, p, files.skewed1m]);
  const out = JSON.parse(run.stdout);
  parse[p] = { seconds: out.seconds, rows: out.rows, keyBytes: out.keyBytes };
  say(`  ${p.padEnd(10)} ${fmt(out.seconds)} s  ${rate(out.rows, out.seconds).padEnd(9)} ${(out.seconds * 10).toFixed(1)} s per 10M rows${p === 'split' ? ' (string split, no quoting: a floor, not a parser)' : ''}`);
}
checks.push(['CSV parsers read the same rows and key bytes', parsers.every((p) => parse[p].rows === parse.kds.rows && parse[p].keyBytes === parse.kds.keyBytes)]);
results.csvParsing = parse;

say();
for (const [what, ok] of checks) say(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
results.checks = checks.map(([what, ok]) => ({ what, ok }));
results.node = process.version;
results.cpu = cpu;
const out = join(BENCH, 'results.json');
const fd = openSync(out, 'w');
writeSync(fd, `${JSON.stringify(results, null, 2)}\n`);
closeSync(fd);
say(`(written to ${out})`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
