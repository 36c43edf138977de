// Copied to dist/load.cjs by bin/build.mjs. Each dist/<name>.cjs is a one-line stub that loads the
// bundle dist/bundles/<name>.cjs here, with the V8 code cache dist/bundles/<name>.v8 that the
// build recorded: compiling our bundles was a sixth of a short run's time. A cache made by another
// Node version is rejected by V8, and the bundle is then compiled as usual.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { createRequire } = require('node:module');

const recording = process.env.PLAN_RECORD_CODE_CACHE === '1';
const loaded = [];

module.exports = function load(name) {
  const file = join(__dirname, 'bundles', `${name}.cjs`);
  let cachedData;
  try {
    cachedData = readFileSync(join(__dirname, 'bundles', `${name}.v8`));
  } catch {
    // no cache: compile
  }
  // The build stored each bundle as ASCII, inside the CommonJS function wrapper (bin/build.mjs).
  const script = new Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
  if (recording) loaded.push([name, script]);
  const module = { exports: {} };
  // Relative requires resolve beside the stubs, so lazy bundles load through here too.
  script.runInThisContext()(module.exports, createRequire(join(__dirname, `${name}.cjs`)), module, file, join(__dirname, 'bundles'));
  return module.exports;
};

// The build runs typical commands with PLAN_RECORD_CODE_CACHE=1: at exit, every bundle used has
// its functions compiled, and that is what the cache keeps.
if (recording) {
  process.on('exit', () => {
    for (const [name, script] of loaded) {
      const cache = join(__dirname, 'bundles', `${name}.v8`);
      writeFileSync(`${cache}.${process.pid}`, script.createCachedData());
      renameSync(`${cache}.${process.pid}`, cache);
    }
  });
}
