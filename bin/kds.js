#!/usr/bin/env node
'use strict';
// The kds binary. The program is one CommonJS bundle, dist/kds.cjs (scripts/build.mjs), compiled
// here with V8's code cache for the command being run, dist/cache/<command>.bin: made at build time
// by running that command once, it spares V8 parsing and compiling what the command runs.
// A cache made for another build, another Node or other V8 flags is not used: kds then compiles
// as usual (KDS_DEBUG=1 says so when V8 turns one down). This file is CommonJS (bin/package.json):
// an ES module entry point would start Node's module loader, which costs every command a few
// milliseconds.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'kds.cjs');
/** The commands with a cache of their own; the root help, --version and completion use "kds". */
const COMMANDS = new Set(['keys', 'size', 'compare', 'quiz', 'learn']);
/** The bundle's first line, `// kds build <id>`; a cache starts with the same 32 characters. */
const BUILD_LINE = /^\/\/ kds build ([0-9a-f]{32})\n/;

/** The cache that suits a command line: named for its first word when that is a command. */
function cacheName(argv) {
  return argv[0] !== undefined && COMMANDS.has(argv[0]) ? argv[0] : 'kds';
}

/**
 * Compiles and runs the bundle, with the named cache when it fits this build. Returns the bundle's
 * exports, the script (its createCachedData() makes a cache: scripts/startup/train-cache.cjs), the
 * build id, and what became of the cache: 'used', 'rejected' by V8 (made by another Node, or under
 * other V8 flags) or 'none' (missing, or made for another build).
 */
function compileKds(cache) {
  // Plain ASCII (the build checks): read as latin1, the cheapest way to a string.
  const source = readFileSync(BUNDLE, 'latin1');
  const id = BUILD_LINE.exec(source)?.[1];
  let cachedData;
  if (id !== undefined && cache !== undefined) {
    try {
      const data = readFileSync(join(DIST, 'cache', `${cache}.bin`));
      if (data.toString('latin1', 0, id.length) === id) cachedData = data.subarray(id.length);
    } catch {
      // No cache: compiled as usual.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST);
  const cacheUse = cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used';
  return { kds: module.exports, script, id, cache: cacheUse };
}

/**
 * The compiled bundle; undefined, after one line on stderr and exit code 1, when it was never built
 * (an install that skipped scripts).
 */
function built() {
  try {
    return compileKds(cacheName(process.argv.slice(2)));
  } catch (error) {
    if (error.code !== 'ENOENT' || error.path !== BUNDLE) throw error;
    process.stderr.write(`kds: ${BUNDLE} is missing: build kds first (npm run build in ${join(__dirname, '..')}).\n`);
    process.exitCode = 1;
    return undefined;
  }
}

if (require.main === module) {
  const compiled = built();
  if (compiled?.cache === 'rejected' && process.env.KDS_DEBUG === '1') {
    process.stderr.write('kds: the code cache does not fit this Node or its flags; compiled without it.\n');
  }
  void compiled?.kds.main();
} else {
  module.exports = { compileKds };
}
