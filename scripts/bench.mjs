// npm run bench [-- --quick]: every speed and memory goal, measured (never asserted by a timed test).
// 1. start-up against a bare `node -e 0` (scripts/bench-startup.mjs);
// 2. kds keys analyze (issue 15): 1M rows against the build of 54c3431, 10M rows against a C floor,
//    threads, exactness against a straightforward analyzer (scripts/bench-keys.mjs);
// 3. kds keys analyze kinesis://NAME on a 64-shard kinesalite stream (scripts/bench-live.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchStartup } from './bench-startup.mjs';

// Said before anything runs: how much disk the generated data takes, and where. The files are
// those of scripts/bench-keys.mjs (their sizes measured once; the generator is deterministic),
// and `base`, the build of the commit its first goal compares with.
const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.bench');
const DATA_FILES = [
  ['v3-skewed-1m.csv', 44_600_000],
  ['v3-skewed-10m.csv', 446_000_000],
  ['v2-uuids-10m.csv', 401_000_000],
  ['base', 4_000_000],
];
const mb = (bytes) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
const total = DATA_FILES.reduce((sum, [, bytes]) => sum + bytes, 0);
const missing = DATA_FILES.filter(([name]) => !existsSync(join(BENCH_DIR, name)));
const toWrite = missing.reduce((sum, [, bytes]) => sum + bytes, 0);
console.log(`npm run bench: its generated test data takes about ${mb(total)} in ${BENCH_DIR}/ (git-ignored).`);
if (toWrite === 0) {
  console.log('It is all there from an earlier run: nothing is written. Delete the folder to free the space.');
} else {
  console.log(`This run writes about ${mb(toWrite)} of it (${missing.length} of ${DATA_FILES.length} files); later runs reuse it. Delete the folder to free the space.`);
  const probe = existsSync(BENCH_DIR) && statSync(BENCH_DIR).isDirectory() ? BENCH_DIR : join(BENCH_DIR, '..');
  const free = statfsSync(probe).bavail * statfsSync(probe).bsize;
  if (free < toWrite * 1.1) {
    console.error(`Only ${mb(free)} free there: not enough. Free some space and run it again.`);
    process.exit(1);
  }
}
console.log();

const startupOk = benchStartup();
console.log();
const keys = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-keys.mjs', import.meta.url)), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
console.log();
const live = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-live.mjs', import.meta.url))], { stdio: 'inherit' });
process.exitCode = startupOk && keys.status === 0 && live.status === 0 ? 0 : 1;
