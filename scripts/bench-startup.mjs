// Start-up benchmark: kds commands against a bare `node -e 0`, run side by side in alternating
// order, median of many runs. Goal (issue 2): `kds --help` and `kds size ...` within 1.8x.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/kds.js', import.meta.url));
const GOAL = 1.8;

export function benchStartup(runs = 21) {
  const cases = [
    ['node -e 0', ['-e', '0']],
    ['kds --help', [bin, '--help']],
    ['kds size --mbps 6', [bin, 'size', '--mbps', '6']],
    ['kds size --mbps 6 --json', [bin, 'size', '--mbps', '6', '--json']],
  ];
  const times = new Map(cases.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of cases) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
      times.get(name).push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(times.get('node -e 0'));
  const rows = cases.map(([name]) => {
    const ms = median(times.get(name));
    return { name, ms, ratio: ms / base };
  });
  console.log(`Start-up, median of ${runs} alternating runs (goal: within ${GOAL}x of node -e 0)`);
  for (const { name, ms, ratio } of rows) {
    const verdict = name === 'node -e 0' ? '' : ratio <= GOAL ? '  ok' : '  OVER';
    console.log(`  ${name.padEnd(26)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
  }
  return rows.every((r) => r.ratio <= GOAL);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = benchStartup(Number(process.argv[2] ?? 21)) ? 0 : 1;
}
