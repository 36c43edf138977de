#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would start Node's ESM loader and its thread pool.
require('../dist/cli.cjs').main(process.argv).then((code) => (process.exitCode = code));
