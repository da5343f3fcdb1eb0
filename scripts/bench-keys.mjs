// npm run bench [-- --quick]
//
// Speed and memory of `kds keys analyze` (issue 15), each goal measured side by side and printed
// with its ratio and ok/FAIL (nothing here is a timed test):
//   1. 1M skewed rows: at most 0.7x the wall time of the build at commit 54c3431 (built from git
//      into .bench/base with this checkout's esbuild), with the same JSON output;
//   2. 10M skewed rows: within 2.3x of the C floor (../shared/bench/floor.c, built into .bench/),
//      peak RSS under 72 MiB (the stretch goal, 64 MiB, is printed too);
//   3. a second thread only where it wins: what this machine's load and the file size decide, and
//      what --threads 2 costs and gains;
//   4. exactness: the straightforward analyzer (scripts/bench-naive.mjs) agrees, and so do
//      --threads 2 and one thread; on 10M distinct keys the heavy hitters keep their exact counts.
// The machine may be busy: runs alternate between the two sides of each comparison, and medians
// are compared. Wall time and peak RSS come from /usr/bin/time around each spawned process.
//
// Data is generated deterministically into .bench/ (git-ignored) on the first run:
//   v3-skewed-1m.csv, v3-skewed-10m.csv  partition_key,bytes,timestamp: the shape of
//       ../shared/bench/gen.py: customer-<id> keys Zipf-distributed (s = 1.1) over 100,000 ids,
//       100 to 5,000 bytes, millisecond timestamps over 60 s (45 MB and 446 MB)
//   v2-uuids-10m.csv  partition_key,bytes; 10M distinct UUID-like keys plus three heavy hitters
//       with known counts (2%, 1% and 0.5% of rows)
// --quick skips the straightforward analyzer on 10M rows (about a minute) and takes fewer runs.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
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
/** The build the 1M goal is measured against (issue 15). */
const BASE_COMMIT = '54c3431';
const BASE = join(BENCH, 'base');
const FLOOR_SOURCE = process.env.KDS_FLOOR_C ?? join(ROOT, '..', 'shared', 'bench', 'floor.c');
const FLOOR = join(BENCH, 'floor');
/** Alternating pairs per comparison. */
const PAIRS = QUICK ? 3 : 7;
const PAIRS_10M = QUICK ? 3 : 5;

// ----------------------------------------------------------------------------------- data

/** Marsaglia's xorshift32: a small deterministic generator, good enough to draw keys. */
function xorshift(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** A 32-bit LCG, as the v2 files were made with (kept so that they need not be made again). */
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

/** The shape of ../shared/bench/gen.py (its own random numbers, so not the same bytes). */
function skewed(path, rows) {
  const ids = 100_000;
  const random = xorshift(42);
  const cumulative = new Float64Array(ids);
  let sum = 0;
  for (let r = 0; r < ids; r++) {
    sum += 1 / (r + 1) ** 1.1;
    cumulative[r] = sum;
  }
  // Rank r is customer-<order[r]>: ids shuffled so that rank is not id order.
  const order = Array.from({ length: ids }, (_, i) => i);
  for (let i = ids - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const names = order.map((id) => `customer-${id}`);
  const start = Date.UTC(2024, 0, 1);
  const spanMs = 60_000;
  let lastMs = -1;
  let stamp = '';
  writeRows(path, 'partition_key,bytes,timestamp', rows, (i) => {
    const u = random() * sum;
    let lo = 0;
    let hi = ids - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    const ms = Math.floor((i * spanMs) / rows);
    if (ms !== lastMs) {
      stamp = new Date(start + ms).toISOString();
      lastMs = ms;
    }
    return `${names[lo]},${100 + Math.floor(random() * 4901)},${stamp}`;
  });
}

/** Heavy hitters of the UUID file: key, every how many rows, at which offset. */
const HEAVY_HITTERS = [
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

/** The data files (scripts/bench.mjs announces them with these sizes): name, size, how to make it. */
const DATA = [
  ['v3-skewed-1m.csv', 44_600_000, (path) => skewed(path, 1_000_000)],
  ['v3-skewed-10m.csv', 446_000_000, (path) => skewed(path, 10_000_000)],
  ['v2-uuids-10m.csv', 401_000_000, (path) => uuids(path, 10_000_000)],
];

function ensure(name) {
  const [, , make] = DATA.find(([n]) => n === name);
  const path = join(BENCH, name);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path} ...\n`);
    make(path);
  }
  return path;
}

/** Data files of older generator versions, no longer read: removed, to give the space back. */
function removeStaleData() {
  const current = new Set(DATA.map(([name]) => name));
  for (const name of readdirSync(BENCH)) {
    if (/^v\d+-.*\.csv$/.test(name) && !current.has(name)) {
      rmSync(join(BENCH, name), { force: true });
      process.stderr.write(`removed ${join(BENCH, name)} (made by an older version of this bench)\n`);
    }
  }
}

// ----------------------------------------------------------------------------------- builds

/** Builds BASE_COMMIT into .bench/base once; returns its bin/kds.js, or a reason it cannot. */
function buildBase() {
  const bin = join(BASE, 'bin', 'kds.js');
  const stamp = join(BASE, '.built');
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === BASE_COMMIT) return { bin };
  rmSync(BASE, { recursive: true, force: true });
  mkdirSync(BASE, { recursive: true });
  // git archive | tar -x: the commit's files without touching this checkout.
  const archive = spawnSync('sh', ['-c', `git -C "${ROOT}" archive ${BASE_COMMIT} | tar -x -C "${BASE}"`], { encoding: 'utf8' });
  if (archive.status !== 0 || !existsSync(join(BASE, 'scripts', 'build.mjs'))) {
    return { reason: `git cannot give commit ${BASE_COMMIT} (a shallow clone?): ${(archive.stderr || '').trim().split('\n')[0]}` };
  }
  // No network for npm ci: the commit's build script runs on this checkout's node_modules (its
  // esbuild and the same major versions of commander, chalk, cli-table3, yaml and inquirer).
  symlinkSync(join(ROOT, 'node_modules'), join(BASE, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: BASE, encoding: 'utf8' });
  if (build.status !== 0) return { reason: `its build failed: ${(build.stderr || '').trim().split('\n')[0]}` };
  writeFileSync(stamp, BASE_COMMIT);
  return { bin };
}

/** Builds the C floor into .bench/floor; returns its path, or a reason it cannot. */
function buildFloor() {
  if (!existsSync(FLOOR_SOURCE)) return { reason: `${FLOOR_SOURCE} is not there (set KDS_FLOOR_C to its path)` };
  const cc = spawnSync('gcc', ['-O2', '-o', FLOOR, FLOOR_SOURCE, '-lcrypto', '-Wno-deprecated-declarations'], { encoding: 'utf8' });
  if (cc.error) return { reason: 'gcc is not installed (apt-get install -y gcc libssl-dev)' };
  if (cc.status !== 0) {
    const first = cc.stderr.trim().split('\n').find((l) => /error/.test(l)) ?? cc.stderr.trim().split('\n')[0];
    const hint = /openssl|crypto/.test(cc.stderr) ? ' (the OpenSSL headers: apt-get install -y libssl-dev)' : '';
    return { reason: `gcc failed${hint}: ${first}` };
  }
  return { bin: FLOOR };
}

// ----------------------------------------------------------------------------------- runs

const hasTime = existsSync(TIME);

/** Runs a command; returns wall seconds, peak RSS in MiB (or null) and stdout. */
function measure(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const options = { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } };
  const result = hasTime ? spawnSync(TIME, ['-f', '%e %M', command, ...args], options) : spawnSync(command, args, options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let rssMiB = null;
  if (hasTime) {
    const last = result.stderr.trim().split('\n').at(-1) ?? '';
    rssMiB = Number(last.split(' ')[1]) / 1024;
  }
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { seconds, rssMiB, stdout: result.stdout, stderr: result.stderr };
}

const node = (args, env) => measure(process.execPath, args, env);
const analyzeArgs = (bin, path, extra = []) => [bin, 'keys', 'analyze', path, '--shards', String(SHARDS), '--json', '--top', '5', ...extra];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Reads a file once, so that the runs after find it in the page cache: on a shared machine other
 * work may have pushed it out, and one run reading from disk is not what is being compared.
 */
function warm(path) {
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(1 << 20);
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

/** Runs each side `pairs` times, alternating; returns each side's runs. */
function alternate(pairs, sides) {
  const runs = sides.map(() => []);
  for (let i = 0; i < pairs; i++) {
    // Alternate which side goes first, so that neither always follows the other.
    const order = i % 2 === 0 ? sides.map((_, j) => j) : sides.map((_, j) => sides.length - 1 - j);
    for (const j of order) runs[j].push(sides[j]());
  }
  return runs;
}

const summary = (runs) => ({
  seconds: median(runs.map((r) => r.seconds)),
  all: runs.map((r) => r.seconds),
  rssMiB: runs.some((r) => r.rssMiB === null) ? null : Math.max(...runs.map((r) => r.rssMiB)),
  stdout: runs[0].stdout,
});

const fmt = (n, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mib = (m) => (m === null ? 'n/a' : `${fmt(m, 0)} MiB`);
const secs = (s) => `${fmt(s)} s`;
const list = (xs) => `[${xs.map((x) => fmt(x)).join(', ')}]`;
const mb = (path) => `${fmt(statSync(path).size / 1e6, 0)} MB`;

// ----------------------------------------------------------------------------------- output checks

/**
 * Fields of the JSON whose text changed on purpose since BASE_COMMIT, so that only the rest is
 * compared byte for byte: path -> why.
 */
const CHANGED_SINCE_BASE = {
  'diagnosis.summary': 'shares in the sentence are written with one decimal (25.0%, not 25%) since 7125984 ("one format for shares and bytes")',
};

/**
 * The current JSON cut down to the base's fields (fields added since are listed, not compared),
 * with the fields of CHANGED_SINCE_BASE taken from the base: equal text means the same output.
 */
function commonFields(base, current, path = '', added = []) {
  if (Object.hasOwn(CHANGED_SINCE_BASE, path)) return base;
  if (Array.isArray(base) && Array.isArray(current)) return current.map((c, i) => (i < base.length ? commonFields(base[i], c, `${path}[]`, added) : c));
  if (base !== null && current !== null && typeof base === 'object' && typeof current === 'object' && !Array.isArray(base)) {
    const out = {};
    for (const key of Object.keys(current)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (!Object.hasOwn(base, key)) {
        if (!added.includes(at)) added.push(at);
        continue;
      }
      out[key] = commonFields(base[key], current[key], at, added);
    }
    return out;
  }
  return current;
}

/** The straightforward analyzer's view: total, per-shard records, top keys. */
function agree(a, b) {
  const shards = (x) => x.shards.map((s) => s.records).join(',');
  const top = (x) => x.topKeys.map((k) => `${k.key}=${k.records}`).join(',');
  return a.totalRecords === b.totalRecords && shards(a) === shards(b) && top(a) === top(b);
}

// ----------------------------------------------------------------------------------- main

mkdirSync(BENCH, { recursive: true });
removeStaleData();
const files = {
  skewed1m: ensure('v3-skewed-1m.csv'),
  skewed10m: ensure('v3-skewed-10m.csv'),
  uuids10m: ensure('v2-uuids-10m.csv'),
};

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const say = (line = '') => process.stdout.write(`${line}\n`);
const checks = [];
/** status: 'ok' | 'FAIL' | 'skip' (could not be measured here; said why) | 'no' (a stretch goal not reached). */
const check = (what, ok, detail = '') => checks.push([ok === null ? 'skip' : ok ? 'ok' : 'FAIL', what, detail]);
const stretch = (what, ok, detail = '') => checks.push([ok === null ? 'skip' : ok ? 'ok' : 'no', what, detail]);
const load = () => loadavg().map((x) => fmt(x)).join(' ');
const results = { node: process.version, cpu, cpus: cpus().length, loadAtStart: loadavg() };

say(`kds keys analyze bench: Node ${process.version}, ${cpus().length} CPUs (${cpu}), load average ${load()}, ${SHARDS} shards`);
say(`Side by side: ${PAIRS} alternating pairs per comparison (${PAIRS_10M} on 10M rows), medians compared; peak RSS is the largest of the runs.`);
say();

// 1. 1M rows against the base build.
say(`1. ${mb(files.skewed1m)}, 1,000,000 skewed rows (${BASE_COMMIT} built from git into .bench/base):`);
const base = buildBase();
if (base.bin === undefined) {
  say(`   cannot build ${BASE_COMMIT}: ${base.reason}`);
  check(`1M rows: at most 0.7x the wall time of ${BASE_COMMIT}`, null, `the base build is missing: ${base.reason}`);
} else {
  warm(files.skewed1m);
  const [baseRuns, kdsRuns] = alternate(PAIRS, [() => node(analyzeArgs(base.bin, files.skewed1m)), () => node(analyzeArgs(KDS, files.skewed1m))]);
  const b = summary(baseRuns);
  const k = summary(kdsRuns);
  const ratio = k.seconds / b.seconds;
  say(`   ${BASE_COMMIT}  ${secs(b.seconds)} median ${list(b.all)}, peak RSS ${mib(b.rssMiB)}`);
  say(`   now      ${secs(k.seconds)} median ${list(k.all)}, peak RSS ${mib(k.rssMiB)}`);
  say(`   ratio    ${fmt(ratio)}x (goal: at most 0.70x)`);
  check(`1M rows: at most 0.7x the wall time of ${BASE_COMMIT}`, ratio <= 0.7, `${fmt(ratio)}x`);
  const added = [];
  const baseJson = JSON.parse(b.stdout);
  const same = JSON.stringify(commonFields(baseJson, JSON.parse(k.stdout), '', added), null, 2) === JSON.stringify(baseJson, null, 2);
  say(`   output   ${same ? 'the same JSON' : 'DIFFERENT JSON'} on every field ${BASE_COMMIT} has, byte for byte, except:`);
  for (const [path, why] of Object.entries(CHANGED_SINCE_BASE)) say(`              ${path}: ${why}`);
  say(`            fields added since (not compared): ${added.join(', ')}`);
  check(`1M rows: the same JSON as ${BASE_COMMIT}`, same);
  results.oneMillion = { base: { seconds: b.seconds, runs: b.all, rssMiB: b.rssMiB }, kds: { seconds: k.seconds, runs: k.all, rssMiB: k.rssMiB }, ratio, sameOutput: same, added };
}
say();

// 2. 10M rows against the C floor, and peak memory.
say(`2. ${mb(files.skewed10m)}, 10,000,000 skewed rows, against the C floor (${FLOOR_SOURCE}, mode memo):`);
const floor = buildFloor();
const kds10m = [];
if (floor.bin === undefined) {
  say(`   cannot build the C floor: ${floor.reason}`);
  for (let i = 0; i < PAIRS_10M; i++) kds10m.push(node(analyzeArgs(KDS, files.skewed10m)));
  check('10M rows: within 2.3x of the C floor', null, `cannot build the C floor: ${floor.reason}`);
} else {
  warm(files.skewed10m);
  const [floorRuns, kdsRuns] = alternate(PAIRS_10M, [() => measure(floor.bin, ['memo', files.skewed10m, String(SHARDS)]), () => node(analyzeArgs(KDS, files.skewed10m))]);
  kds10m.push(...kdsRuns);
  const f = summary(floorRuns);
  const k = summary(kdsRuns);
  const ratio = k.seconds / f.seconds;
  say(`   C floor  ${secs(f.seconds)} median ${list(f.all)}, peak RSS ${mib(f.rssMiB)} (the file is mapped into memory)`);
  say(`   kds      ${secs(k.seconds)} median ${list(k.all)}, peak RSS ${mib(k.rssMiB)}`);
  say(`   ratio    ${fmt(ratio)}x (goal: within 2.3x)`);
  check('10M rows: within 2.3x of the C floor', ratio <= 2.3, `${fmt(ratio)}x`);
  // The floor prints rows, distinct keys, per-shard counts and the top 10: the same job.
  const floorShards = f.stdout.split('\n').filter((l) => l.startsWith('shard ')).map((l) => Number(l.split(' ')[2])).join(',');
  const kdsJson = JSON.parse(k.stdout);
  check('10M rows: kds and the C floor agree on per-shard records', floorShards === kdsJson.shards.map((s) => s.records).join(','));
  results.tenMillion = { floor: { seconds: f.seconds, runs: f.all }, kds: { seconds: k.seconds, runs: k.all, rssMiB: k.rssMiB }, ratio };
}
const rss10m = summary(kds10m).rssMiB;
check('10M rows: peak RSS under 72 MiB', rss10m === null ? null : rss10m < 72, mib(rss10m));
stretch('10M rows: peak RSS under 64 MiB (the stretch goal; not reaching it fails nothing)', rss10m === null ? null : rss10m < 64, mib(rss10m));
say();

// 3. Threads.
say('3. A second thread: by default only for a file of 256 MiB or more when a core is idle.');
warm(files.skewed10m);
const textRun = node([KDS, 'keys', 'analyze', files.skewed10m, '--shards', String(SHARDS)]);
const threadsLine = /read on (\d+) threads/.exec(textRun.stdout);
const defaultThreads = threadsLine ? Number(threadsLine[1]) : 1;
say(`   now (load average ${load()} on ${cpus().length} cores) the 10M file is read on ${defaultThreads} thread${defaultThreads === 1 ? '' : 's'} by default`);
const oneMillionText = node([KDS, 'keys', 'analyze', files.skewed1m, '--shards', String(SHARDS)]);
check('the 1M file (45 MB) is read on one thread by default', !/read on \d+ threads/.test(oneMillionText.stdout));
const [oneRuns, twoRuns] = alternate(QUICK ? 2 : 3, [() => node(analyzeArgs(KDS, files.skewed10m, ['--threads', '1'])), () => node(analyzeArgs(KDS, files.skewed10m, ['--threads', '2']))]);
const one = summary(oneRuns);
const two = summary(twoRuns);
say(`   10M rows --threads 1  ${secs(one.seconds)} median ${list(one.all)}, peak RSS ${mib(one.rssMiB)}`);
say(`   10M rows --threads 2  ${secs(two.seconds)} median ${list(two.all)}, peak RSS ${mib(two.rssMiB)} (${fmt(two.seconds / one.seconds)}x the time, +${mib(two.rssMiB - one.rssMiB)})`);
check('10M rows: --threads 2 gives the same JSON as one thread', two.stdout === one.stdout);
const help = node([KDS, 'keys', 'analyze', '--help']).stdout;
check('--help says what a thread costs in memory', /--threads <N>[\s\S]*?each thread after the first\s+adds\s+about\s+\d+\s+MiB/.test(help));
results.threads = { defaultThreads, load: loadavg(), one: { seconds: one.seconds, runs: one.all, rssMiB: one.rssMiB }, two: { seconds: two.seconds, runs: two.all, rssMiB: two.rssMiB } };
say();

// 4. Exactness.
say('4. Exactness: the straightforward analyzer (readline, one createHash per row, BigInt, a Map):');
for (const [name, path, rows, kdsOut] of [
  ['1M', files.skewed1m, 1_000_000, () => node(analyzeArgs(KDS, files.skewed1m))],
  ['10M', files.skewed10m, 10_000_000, () => kds10m[0]],
]) {
  if (name === '10M' && QUICK) {
    say('   10M rows: skipped (--quick)');
    continue;
  }
  warm(path);
  const n = node([NAIVE, path, String(SHARDS)]);
  const k = kdsOut();
  const same = agree(JSON.parse(k.stdout), JSON.parse(n.stdout));
  say(`   ${name} rows: ${secs(n.seconds)} (${fmt(rows / n.seconds / 1e6)}M rows/s), peak RSS ${mib(n.rssMiB)}; ${same ? 'agrees' : 'DISAGREES'} on totals, per-shard records and top keys`);
  check(`${name} rows: kds and the straightforward analyzer agree`, same);
}
warm(files.uuids10m);
const uuidRuns = Array.from({ length: QUICK ? 1 : 3 }, () => node(analyzeArgs(KDS, files.uuids10m)));
const u = summary(uuidRuns);
const uJson = JSON.parse(u.stdout);
const expected = heavyCounts(10_000_000);
const top3 = uJson.topKeys.slice(0, 3).map((k) => [k.key, k.records]);
say(
  `   ${mb(files.uuids10m)}, 10M distinct UUID-like keys (past --max-keys: a heavy-hitter sketch): ${secs(u.seconds)} median ${list(u.all)}, peak RSS ${mib(u.rssMiB)}`,
);
say(`   heavy hitters ${top3.map(([k, r]) => `${k}=${r.toLocaleString('en-US')}`).join(', ')} (true: ${[...expected].map(([k, r]) => `${k}=${r.toLocaleString('en-US')}`).join(', ')})`);
check('10M distinct keys: the JSON says counts are approximate', uJson.approximate === true);
check('10M distinct keys: the three heavy hitters are the top keys with their exact counts', top3.every(([k, r]) => expected.get(k) === r));
check('10M distinct keys: shard totals add up to every row', uJson.shards.reduce((s, x) => s + x.records, 0) === 10_000_000);
check('10M distinct keys: peak RSS under 300 MiB', u.rssMiB === null || u.rssMiB < 300, mib(u.rssMiB));
results.uuids = { seconds: u.seconds, runs: u.all, rssMiB: u.rssMiB };
say();

say("CSV parsing alone (read every row's key field, no hashing), the 1M file:");
const parsers = ['kds', 'csv-parse', 'papaparse', 'split'];
const parse = {};
for (const p of parsers) {
  const out = JSON.parse(node([CSV, p, files.skewed1m]).stdout);
  parse[p] = out;
  say(`   ${p.padEnd(10)} ${secs(out.seconds)}  ${fmt(out.rows / out.seconds / 1e6)}M rows/s${p === 'split' ? ' (string split, no quoting: a floor, not a parser)' : ''}`);
}
check('CSV parsers read the same rows and key bytes', parsers.every((p) => parse[p].rows === parse.kds.rows && parse[p].keyBytes === parse.kds.keyBytes));
results.csvParsing = parse;
say();

for (const [status, what, detail] of checks) say(`${status.padEnd(4)}  ${what}${detail ? ` (${detail})` : ''}`);
say(`(load average at the end: ${load()})`);
results.checks = checks.map(([status, what, detail]) => ({ status, what, detail }));
results.loadAtEnd = loadavg();
writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
say(`(written to ${join(BENCH, 'results.json')})`);
process.exitCode = checks.some(([status]) => status === 'FAIL') ? 1 : 0;
