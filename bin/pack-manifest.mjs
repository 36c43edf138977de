#!/usr/bin/env node
// `npm pack` and `npm publish` run this as prepack (`strip`) and postpack (`restore`): the
// published package.json carries no scripts, nor what only the checkout needs (its dev
// dependencies, their overrides and their install-script policy), since the tarball ships the
// built dist/ and a `prepare` script there would only make every install of it warn (npm lists
// it as an install script to approve). The checkout keeps `prepare`, so `npm install` builds.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const kept = join(root, 'package.json.unpacked');

if (process.argv[2] === 'strip') {
  // An interrupted pack left the stripped file behind: the kept original is the one to strip.
  const text = existsSync(kept) ? readFileSync(kept, 'utf8') : readFileSync(manifest, 'utf8');
  writeFileSync(kept, text);
  const { scripts, devDependencies, allowScripts, overrides, ...published } = JSON.parse(text);
  writeFileSync(manifest, `${JSON.stringify(published, null, 2)}\n`);
} else if (process.argv[2] === 'restore') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  throw new Error('usage: pack-manifest.mjs strip|restore');
}
