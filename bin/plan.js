#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry starts Node's ESM loader and its thread pool, ~8 ms.
require('../dist/cli.cjs').main(process.argv).then((code) => (process.exitCode = code));
