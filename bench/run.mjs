#!/usr/bin/env node
// `npm run bench`: whole-process timings of plan commands on plans of 25, 2,000 and 10,000 tasks
// (the bundled plan, the most an office has, and a stress size), as medians and as ratios against
// bare `node` (and Taskwarrior's `task`, when installed) measured in the same run, interleaved
// so that machine noise hits all alike. Reads are timed warm (the plan read before, as in use),
// cold (one task changed since the last read, as after a `git pull`) and never read before (no
// cache entry: a fresh clone, or PLAN_NO_CACHE=1), and on the first run after an install (no
// compiled code kept either).
//
//   node bench/run.mjs [--runs N] [--sizes 25,2000,10000] [--no-task]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/plan.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', 15));
const SIZES = option('--sizes', '25,2000,10000').split(',').map(Number);
const withTask = !args.includes('--no-task') && spawnSync('task', ['--version'], { encoding: 'utf8' }).status === 0;
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const work = mkdtempSync(join(tmpdir(), 'plan-bench-'));
const env = { ...process.env, NO_COLOR: '1', PLAN_FILE: '', PLAN_CACHE_DIR: join(work, 'cache') };
const forgetPlans = () => {
  for (const f of existsSync(env.PLAN_CACHE_DIR) ? readdirSync(env.PLAN_CACHE_DIR) : []) if (f.endsWith('.json')) rmSync(join(env.PLAN_CACHE_DIR, f));
};
const empty = join(work, 'empty.js');
writeFileSync(empty, '');

/** A command to time: argv, and an optional step before each run (not timed). */
const cmd = (label, argv, prepare) => ({ label, argv, prepare, times: [] });
// The first run after an install keeps its caches apart, so that the other commands keep theirs.
const fresh = { ...env, PLAN_CACHE_DIR: join(work, 'fresh-cache') };

function runOnce(c) {
  c.prepare?.();
  const start = process.hrtime.bigint();
  const r = spawnSync(c.argv[0], c.argv.slice(1), { cwd: work, env: c.env ?? env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${c.argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  c.times.push(ms);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs every command `runs` times, round-robin, after one warm-up round: each command's median,
 * and its times round by round (for ratios between runs of the same round, seconds apart).
 */
function measure(commands, runs) {
  for (const c of commands) runOnce(c);
  for (const c of commands) c.times = [];
  for (let i = 0; i < runs; i++) for (const c of commands) runOnce(c);
  return Object.fromEntries(commands.map((c) => [c.label, { ms: median(c.times), times: [...c.times] }]));
}

/** Peak resident memory of one run, in MB (GNU time), when /usr/bin/time is there. */
function peakMemory(argv) {
  if (!time) return undefined;
  const r = spawnSync(time, ['-f', '%M', ...argv], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(r.stderr.trim().split('\n').pop()) / 1024;
}

/** A Taskwarrior database with the same tasks, one project per period (so `project:p3_4` = `--period 3-4月`). */
function taskwarrior(plan, dir) {
  mkdirSync(dir, { recursive: true });
  const rc = join(dir, 'taskrc');
  // Taskwarrior's defaults, as a user has them (only the prompts are off).
  writeFileSync(rc, `data.location=${dir}\nconfirmation=off\nnews.version=2.6.0\n`);
  const tasks = [];
  let cur;
  for (const line of plan.split('\n')) {
    let m;
    if ((m = /^ {2}- id: (\d+)/.exec(line))) tasks.push((cur = { description: '', project: '', status: 'pending', entry: '20230101T000000Z' }));
    else if ((m = /^ {4}period: (.*)/.exec(line))) cur.project = `p${m[1].replace(/[^0-9A-Za-z]+/g, '_')}`;
    else if ((m = /^ {4}content: (.*)/.exec(line))) cur.description = m[1];
  }
  const file = join(dir, 'import.json');
  writeFileSync(file, JSON.stringify(tasks));
  execFileSync('task', [`rc:${rc}`, 'import', file], { stdio: 'ignore', env: { ...env, TASKRC: rc } });
  return rc;
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`;
console.log(`plan bench — ${machine}; medians of ${RUNS} runs (fewer on the largest plan); ratios: medians of the ratios within each round\n`);

const results = [];
const node = cmd('node (empty file)', [process.execPath, empty]);
for (const n of SIZES) {
  const file = join(work, `plan-${n}.yaml`);
  const pristine = `${file}.orig`;
  writeFileSync(pristine, n === 25 ? readFileSync(join(root, 'plans/2023.yaml'), 'utf8') : generatePlan(n));
  copyFileSync(pristine, file);
  const mid = Math.max(1, Math.floor(n / 2) - 1);
  const plan = (label, ...a) => cmd(label, [process.execPath, bin, '-f', file, '--as-of', '2023-05-01', ...a]);
  // A task's content changed, back and forth between rounds: the cache entry is one task behind.
  let flip = false;
  const changeOneTask = () => {
    const text = readFileSync(pristine, 'utf8');
    writeFileSync(file, (flip = !flip) ? text.replace(/(\n {4}content: )/, '$1（改）') : text);
  };
  const afterRead = () => (copyFileSync(pristine, file), spawnSync(process.execPath, [bin, '-f', file, 'list', '--format', 'json'], { cwd: work, env, stdio: 'ignore' }));
  const commands = [
    node,
    plan('list --period 3-4月', 'list', '--period', '3-4月'),
    { ...plan('list, one task changed', 'list', '--period', '3-4月'), prepare: changeOneTask },
    // The plan's cache entries (*.json) go; the compiled code kept beside them stays, as it does for a user.
    { ...plan('list, never read before', 'list', '--period', '3-4月'), prepare: forgetPlans },
    // Nothing kept at all, as on the first run after an install.
    { ...plan('list, first run after install', 'list', '--period', '3-4月'), env: fresh, prepare: () => rmSync(fresh.PLAN_CACHE_DIR, { recursive: true, force: true }) },
    plan('list --format json', 'list', '--period', '3-4月', '--format', 'json'),
    plan('render', 'render'),
    plan('summary', 'summary'),
    // A moved period: the task's lines and a log entry, checked against the whole plan.
    { ...plan('edit --period (middle task)', 'edit', String(mid), '--period', '9-10月'), prepare: afterRead },
    // A new block at the end, the whole new text read back; then with a unit added to the registry.
    { ...plan('add', 'add', '--content', '新增任务', '--period', '5月', '--department', '局工会'), prepare: afterRead },
    { ...plan('add --new-department', 'add', '--content', '新增任务', '--period', '5月', '--department', '新部门', '--new-department'), prepare: afterRead },
    // As in use, the plan was read before (so its cache entry is there) when a task is marked done;
    // last in the round, so the next round's first list finds one task changed, as the text says.
    { ...plan('done (middle task)', 'done', String(mid), '--force'), prepare: afterRead },
  ];
  if (withTask && n >= 1000 && n <= 10000) {
    const data = join(work, `task-${n}`);
    const rc = taskwarrior(readFileSync(pristine, 'utf8'), data);
    const snapshot = `${data}.snapshot`;
    cpSync(data, snapshot, { recursive: true });
    const task = (label, ...a) => cmd(label, ['task', `rc:${rc}`, ...a]);
    commands.push(
      task('task project:p3_4 list', 'project:p3_4', 'list'),
      task('task summary', 'summary'),
      { ...task('task <middle> done', String(mid), 'done'), prepare: () => (rmSync(data, { recursive: true }), cpSync(snapshot, data, { recursive: true })) },
    );
  }
  const m = measure(commands, n >= 100000 ? Math.min(RUNS, 3) : RUNS);
  const memory = peakMemory([process.execPath, bin, '-f', file, '--as-of', '2023-05-01', 'list', '--period', '3-4月']);
  results.push({ n, bytes: statSync(pristine).size, m, memory });
}
rmSync(work, { recursive: true, force: true });

// Report
const fmt = (ms) => `${ms.toFixed(0)} ms`;
// The median of the ratios within each round: this machine's speed drifts over seconds, and
// not alike for every program, so runs of one round (seconds apart) are what compare best.
const ratio = (a, b) => (a && b ? `${median(a.times.map((t, i) => t / b.times[i])).toFixed(2)}×` : '–');
for (const { n, bytes, m, memory } of results) {
  console.log(`### ${n.toLocaleString('en')} tasks (${(bytes / 1024).toFixed(0)} KiB)${memory ? `, peak RSS of list: ${memory.toFixed(0)} MB` : ''}\n`);
  console.log('| command | median | × bare node | × task |');
  console.log('|---|---:|---:|---:|');
  const base = m['node (empty file)'];
  const taskOf = { 'list --period 3-4月': 'task project:p3_4 list', summary: 'task summary', 'done (middle task)': 'task <middle> done' };
  for (const [label, measured] of Object.entries(m)) {
    const vsTask = taskOf[label];
    console.log(`| \`${label}\` | ${fmt(measured.ms)} | ${ratio(measured, base)} | ${label.startsWith('task') || label.startsWith('node') ? '' : ratio(measured, m[vsTask])} |`);
  }
  console.log('');
}
// Growth: time above bare node start-up, per 1,000 tasks, between sizes. Linear growth keeps it flat.
const sized = results.filter((r) => r.n >= 1000);
if (sized.length > 1) {
  console.log('Growth (ms per 1,000 tasks between sizes, above the smaller size):\n');
  console.log('| command | ' + sized.slice(1).map((r, i) => `${sized[i].n}→${r.n}`).join(' | ') + ' |');
  console.log('|---|' + sized.slice(1).map(() => '---:').join('|') + '|');
  for (const label of Object.keys(sized[0].m).filter((l) => !l.startsWith('node') && !l.startsWith('task'))) {
    const cells = sized.slice(1).map((r, i) => ((r.m[label].ms - sized[i].m[label].ms) / ((r.n - sized[i].n) / 1000)).toFixed(1));
    console.log(`| \`${label}\` | ${cells.join(' | ')} |`);
  }
}
