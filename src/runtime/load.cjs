// Copied to dist/load.cjs by bin/build.mjs. Each dist/<name>.cjs is a one-line stub that loads the
// bundle dist/bundles/<name>.cjs here, so that compiled code is reused between runs: compiling our
// bundles is a large share of a short run. Where Node has a compile cache (22.1+) it keeps it;
// on Node 20 this file keeps V8 code caches of its own, made on the user's machine by the Node
// that reads them (a cache is only valid for the V8 that made it, so none is shipped).
'use strict';
const { join } = require('node:path');
const nodeModule = require('node:module');

// Replaced by the build: caches of one build are never offered to another.
const BUILD = '__PLAN_BUILD__';

/** The cache directory, as src/io/plan-cache.ts chooses it; none with PLAN_NO_CACHE=1. */
function cacheDir(env) {
  if (env.PLAN_NO_CACHE === '1') return undefined;
  if (env.PLAN_CACHE_DIR) return env.PLAN_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(require('node:os').homedir(), '.cache'), 'plan');
}

const dir = cacheDir(process.env);

if (nodeModule.enableCompileCache) {
  if (dir) nodeModule.enableCompileCache(join(dir, 'node-compile-cache'));
  // Bundles require each other by relative name, which resolves inside bundles/ from here on.
  module.exports = (name) => require(`./bundles/${name}.cjs`);
} else {
  module.exports = v8CacheLoader(dir && join(dir, `code-${process.version}-${process.arch}-${BUILD}`));
}

/** Loads bundles through vm.Script with a code cache in `codeDir`, written at exit for bundles that had none. */
function v8CacheLoader(codeDir) {
  const { readFileSync } = require('node:fs');
  const { Script } = require('node:vm');
  const uncached = [];
  if (codeDir) process.once('exit', () => saveCaches(codeDir, uncached));
  return function load(name) {
    const file = join(__dirname, 'bundles', `${name}.cjs`);
    let cachedData;
    try {
      if (codeDir) cachedData = readFileSync(join(codeDir, `${name}.v8`));
    } catch {
      // none yet: compiled as usual, and cached at exit
    }
    const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n});`;
    const script = new Script(source, { filename: file, cachedData });
    if (codeDir && (!cachedData || script.cachedDataRejected)) uncached.push([name, script]);
    const module = { exports: {} };
    // Relative requires resolve beside the stubs, so lazy bundles load through here too.
    script.runInThisContext()(module.exports, nodeModule.createRequire(join(__dirname, `${name}.cjs`)), module, file, join(__dirname, 'bundles'));
    return module.exports;
  };
}

/**
 * Writes the code cache of each bundle loaded without one: at exit, when the functions this run
 * used are compiled and so kept. Written whole and renamed into place; a cache directory that
 * cannot be written costs nothing but the cache.
 */
function saveCaches(codeDir, scripts) {
  if (!scripts.length) return;
  const { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
  try {
    const parent = join(codeDir, '..');
    if (mkdirSync(codeDir, { recursive: true }) !== undefined) {
      // A new build or Node version: the caches of earlier ones are of no further use.
      for (const entry of readdirSync(parent)) {
        if (entry.startsWith('code-') && join(parent, entry) !== codeDir) rmSync(join(parent, entry), { recursive: true, force: true });
      }
    }
    for (const [name, script] of scripts) {
      const cache = join(codeDir, `${name}.v8`);
      writeFileSync(`${cache}.${process.pid}`, script.createCachedData());
      renameSync(`${cache}.${process.pid}`, cache);
    }
  } catch {
    // read-only or full: run without a cache
  }
}
