// Start-up benchmark (issue 15): each command the issue lists, and `kds --help`, against a bare
// `node -e 0`, run side by side in alternating order. Goal: every one within 1.5x.
//
// The machine this runs on is shared and noisy, so each round runs every case once (in a rotating
// order) and a command's ratio is the median over rounds of its time divided by `node -e 0`'s
// time in the same round. What each command runs is counted too (the bundle's modules it
// evaluates, through scripts/startup/loads.mjs in an untimed run): a measure that noise does not
// move. Usage: node scripts/bench-startup.mjs [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadsOf } from './startup/loads.mjs';
import { keysCsv } from './startup/sample.mjs';

const bin = fileURLToPath(new URL('../bin/kds.js', import.meta.url));
const GOAL = 1.5;
const KEY_ROWS = 1_000;

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function benchStartup(rounds = 31) {
  const dir = mkdtempSync(join(tmpdir(), 'kds-bench-startup-'));
  try {
    const csv = join(dir, `keys-${KEY_ROWS}.csv`);
    writeFileSync(csv, keysCsv(KEY_ROWS));
    // A fresh progress store, so that kds learn reads the same (empty) progress every time.
    const env = { ...process.env, KDS_STATE_DIR: join(dir, 'state') };
    delete env.FORCE_COLOR;
    const cases = [
      ['node -e 0', ['-e', '0']],
      ['kds --help', ['--help']],
      ['kds quiz list', ['quiz', 'list']],
      ['kds learn', ['learn']],
      ['kds compare', ['compare']],
      [`kds keys analyze (${KEY_ROWS.toLocaleString('en-US')} rows)`, ['keys', 'analyze', csv]],
      ['kds size --mbps 6', ['size', '--mbps', '6']],
    ].map(([name, args], i) => ({ name, args: i === 0 ? args : [bin, ...args], kds: i === 0 ? undefined : args, times: [] }));

    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < cases.length; k++) {
        const c = cases[(round + k) % cases.length];
        const start = process.hrtime.bigint();
        const r = spawnSync(process.execPath, c.args, { stdio: ['ignore', 'ignore', 'pipe'], env });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
        c.times.push(ms);
      }
    }

    const base = cases[0].times;
    console.log(`Start-up against a bare \`node -e 0\`: ${rounds} rounds, every case once per round in rotating order`);
    console.log(`(ratio: the median over rounds of time / node -e 0's time in the same round; goal: within ${GOAL}x)`);
    console.log(`  ${'command'.padEnd(30)} ${'median'.padStart(9)}  ${'ratio'.padStart(6)}        ${'modules run'.padStart(11)}`);
    let ok = true;
    for (const c of cases) {
      const ratio = median(c.times.map((t, i) => t / base[i]));
      let verdict = '';
      let loaded = '';
      if (c.kds) {
        verdict = ratio <= GOAL ? 'ok' : 'OVER';
        ok &&= ratio <= GOAL;
        loaded = String(loadsOf(c.kds, { env }).modules.length).padStart(11);
      }
      console.log(`  ${c.name.padEnd(30)} ${`${median(c.times).toFixed(1)} ms`.padStart(9)}  ${`${ratio.toFixed(2)}x`.padStart(6)}  ${verdict.padEnd(4)}  ${loaded}`);
    }
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = benchStartup(Number(process.argv[2] ?? 31)) ? 0 : 1;
}
