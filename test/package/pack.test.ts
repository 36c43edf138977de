import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_PLAN, cleanEnv, testdir } from '../helpers.js';

// The tarball as `npm pack` makes it (bin/pack-manifest.mjs strips the manifest at prepack),
// installed into an empty folder as a user would: it must run with no build and no dependencies.
// The build itself is not rerun here (other tests use dist/ meanwhile): the tarball is packed from
// a copy of what the package ships, after the same strip; .ci/run packs the real way too.
describe('the published package', () => {
  const staging = testdir();
  for (const path of ['package.json', 'README.md', 'LICENSE', 'bin/plan.js', 'bin/package.json', 'bin/pack-manifest.mjs', 'dist', 'schemas']) {
    cpSync(join(ROOT, path), join(staging, path), { recursive: true });
  }
  const env = cleanEnv({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
  const npm = (args: string[], cwd: string) => {
    const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    return r;
  };
  execFileSync(process.execPath, [join(staging, 'bin/pack-manifest.mjs'), 'strip'], { env });
  const out = join(staging, 'out');
  mkdirSync(out);
  npm(['pack', '--ignore-scripts', '--pack-destination', out], staging);
  const tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

  it('ships what runs and nothing else: no sources, tests or code caches', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files.filter((f) => f.startsWith('package/dist/bundles/')).length).toBeGreaterThan(10);
    const outside = files.filter((f) => !/^package\/(dist\/|schemas\/)/.test(f)).sort();
    expect(outside).toEqual(['package/LICENSE', 'package/README.md', 'package/bin/package.json', 'package/bin/plan.js', 'package/package.json']);
    expect(files.filter((f) => !/\.(cjs|json|txt)$|\/(LICENSE|README\.md|plan\.js)$/.test(f))).toEqual([]);
    expect(files).toContain('package/dist/THIRD-PARTY-LICENSES.txt');
  });

  it('has a manifest with no scripts to run and no dependencies to fetch', () => {
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest).toMatchObject({ name: 'yearplan', bin: { plan: 'bin/plan.js' }, license: 'MIT' });
    expect(manifest.private).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.repository.url).toMatch(/^git\+https:/);
  });

  it('installs into an empty folder without a warning, and `plan` runs there', () => {
    const project = testdir({ 'package.json': '{"name":"office","version":"1.0.0","private":true}\n' });
    const install = npm(['install', '--offline', tarball], project);
    expect(install.stderr).not.toMatch(/install-scripts|prepare/);
    const plan = join(project, 'node_modules/.bin/plan');
    expect(execFileSync(plan, ['--version'], { env, encoding: 'utf8' }).trim()).toBe(version);
    const listed = execFileSync(plan, ['list', '-f', SEED_PLAN, '--period', '3-4月', '--as-of', '2023-04-10'], { cwd: project, env, encoding: 'utf8' });
    expect(listed).toContain('“三八”妇女节活动');
    expect(listed).toContain('共 3 项');
  });
});
