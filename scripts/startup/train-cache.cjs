// Makes one code cache for bin/kds.js (run by scripts/build.mjs): runs `kds ARGS...` once, compiled
// without a cache, then writes the build id and V8's cache of everything the run compiled to FILE.
// Usage: node scripts/startup/train-cache.cjs FILE NAME ARGS...  (NAME: the cache's command)
'use strict';
const { writeFileSync } = require('node:fs');
const { compileKds } = require('../../bin/kds.js');

const [file, , ...args] = process.argv.slice(2);
process.argv = [process.argv[0], 'kds', ...args];
const { kds, script, id } = compileKds(undefined);
kds.main().then(() => {
  // V8 stamps a cache with its flags as they are now, and a run of kds keys analyze on a small
  // input turned the optimiser off (holdBackOptimizer in src/io/io.ts): turned back on, the flags
  // are Node's defaults again, those a cache is checked against when kds starts.
  require('node:v8').setFlagsFromString('--turbofan');
  writeFileSync(file, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
});
