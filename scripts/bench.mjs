// npm run bench [-- --quick]: every speed and memory goal, measured (never asserted by a timed test).
// 1. start-up against a bare `node -e 0` (scripts/bench-startup.mjs);
// 2. kds keys analyze on generated data next to a straightforward analyzer (scripts/bench-keys.mjs);
// 3. kds keys analyze kinesis://NAME on a 64-shard kinesalite stream (scripts/bench-live.mjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchStartup } from './bench-startup.mjs';

const startupOk = benchStartup();
console.log();
const keys = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-keys.mjs', import.meta.url)), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
console.log();
const live = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-live.mjs', import.meta.url))], { stdio: 'inherit' });
process.exitCode = startupOk && keys.status === 0 && live.status === 0 ? 0 : 1;
