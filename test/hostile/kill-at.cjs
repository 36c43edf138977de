// Preloaded with `node --require` by crash-safety.test.ts: kills the process (SIGKILL, as the
// OOM killer or a power cut would) at one point of a write, named by PLAN_TEST_KILL_AT.
const fs = require('node:fs');

const die = () => {
  process.kill(process.pid, 'SIGKILL');
  for (;;); // never return to the writer
};
const at = process.env.PLAN_TEST_KILL_AT;
const patch = (name, wrap) => {
  const original = fs[name];
  fs[name] = function (...args) {
    return wrap(original.bind(fs), ...args);
  };
};

// The lock is taken: nothing written yet.
if (at === 'locked') patch('linkSync', (link, from, to) => (link(from, to), String(to).endsWith('.lock') ? die() : undefined));
// Half of the new content is in the temporary file.
if (at === 'writing') patch('writeSync', (write, fd, buffer, offset, length, ...rest) => (typeof buffer !== 'string' && length > 1000 ? (write(fd, buffer, offset, Math.floor(length / 2)), die()) : write(fd, buffer, offset, length, ...rest)));
// The plan's renames only (the cache of big plans, src/io/plan-cache.ts, renames its entries too).
const isPlan = (to) => String(to).endsWith('.yaml');
// The temporary file is complete, not yet renamed.
if (at === 'renaming') patch('renameSync', (rename, from, to) => (isPlan(to) ? die() : rename(from, to)));
// Renamed into place; the lock is still held.
if (at === 'renamed') patch('renameSync', (rename, from, to) => (rename(from, to), isPlan(to) ? die() : undefined));
