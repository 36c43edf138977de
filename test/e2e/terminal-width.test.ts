import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, run, seedPlan, testdir } from '../helpers.js';

// Output as a terminal of a given width shows it: plan runs in a pseudo-terminal (tmux, else
// script), so that it sees a TTY and its width. tmux also says whether a line wrapped.
const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const TMUX = has('tmux', ['-V']);
const SCRIPT = !TMUX && has('script', ['--version']);
const SKIP = !TMUX && !SCRIPT;
if (SKIP) console.log('terminal-width: skipped, neither tmux nor script is installed to run plan in a pseudo-terminal');

const ASOF = ['--as-of', '2023-05-01', '--lang', 'zh'];
/** Characters a wrapped line must not start with. */
const NO_LINE_START = /^[、，。；：！？）」』》】”,.;:!?)]/;
const BORDERS = /[│┌┐└┘├┤┬┴┼─]/;

const dir = testdir();
const plain = join(dir, 'plain.yaml');
const emoji = join(dir, 'emoji.yaml');
writeFileSync(plain, seedPlan());
writeFileSync(
  emoji,
  seedPlan()
    .replace('content: 机关春节联欢活动', 'content: 机关春节联欢活动🎉')
    .replace('content: 年度总结计划、预决算编制', 'content: 年度总结计划、预决算编制，报局党委审定；完成后（含附件）报市总工会✅，并在机关内公示。'),
);
for (const file of [plain, emoji]) expect(run(['done', '3', '-f', file, ...ASOF], { cwd: dir }).code).toBe(0);

const conf = join(dir, 'tmux.conf');
writeFileSync(conf, 'set -g remain-on-exit on\nset -g history-limit 20000\n');
const sockets: string[] = [];
afterAll(() => {
  for (const socket of sockets) spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
});

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const env = cleanEnv({ NO_COLOR: undefined, FORCE_COLOR: '1', LC_ALL: 'C.UTF-8' });

/** What a terminal `width` columns wide shows for `plan args`: its lines, and how many rows they took. */
async function terminal(width: number, args: string[]): Promise<{ lines: string[]; rows: number }> {
  const command = ['exec', process.execPath, BIN, ...args].map(quote).join(' ');
  if (!TMUX) {
    const r = spawnSync('script', ['-qec', `stty cols ${width} rows 500; ${command}`, '/dev/null'], { cwd: dir, env, encoding: 'utf8' });
    const lines = r.stdout.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/);
    return { lines: trimEnd(lines), rows: NaN };
  }
  const socket = `plan-width-${process.pid}-${sockets.length}`;
  sockets.push(socket);
  const tmux = (...a: string[]) => spawnSync('tmux', ['-u', '-L', socket, '-f', conf, ...a], { cwd: dir, env, encoding: 'utf8' });
  expect(tmux('new-session', '-d', '-x', String(width), '-y', '500', '-s', 'w', command).status).toBe(0);
  for (let i = 0; i < 200 && tmux('display-message', '-p', '-t', 'w', '#{pane_dead}').stdout.trim() !== '1'; i++) await new Promise((r) => setTimeout(r, 25));
  // remain-on-exit keeps the pane to capture, and says so on its last line.
  const capture = (...a: string[]) => trimEnd(tmux('capture-pane', '-p', '-t', 'w', '-S', '-', '-E', '-', ...a).stdout.replace(/\nPane is dead [^\n]*\n*$/, '').split('\n'));
  // -J joins the rows of a line the terminal wrapped; without it each row is a line.
  const lines = capture('-J');
  const rows = capture().length;
  tmux('kill-server');
  return { lines, rows };
}

/** The lines without trailing spaces, blank lines at the end (the rest of the screen) dropped. */
function trimEnd(lines: string[]): string[] {
  const out = lines.map((l) => l.trimEnd());
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
}

/** Each piece of text between borders, spaces aside: what must not start with closing punctuation. */
const pieces = (line: string) => line.split(BORDERS).map((p) => p.trim()).filter(Boolean);

describe.skipIf(SKIP)('output fits the terminal', () => {
  const commands: [string, string[]][] = [
    ['list (✓)', ['list', '-f', plain, ...ASOF]],
    ['list (✓, emoji)', ['list', '-f', emoji, ...ASOF]],
    ['render', ['render', '-f', plain, ...ASOF]],
    ['render (emoji)', ['render', '-f', emoji, '--with-status', ...ASOF]],
    ['summary', ['summary', '-f', plain, ...ASOF]],
    ['--help', ['--help', '--lang', 'zh']],
    ['list --help', ['list', '--help', '--lang', 'zh']],
  ];
  const cases = [60, 80, 120].flatMap((width) => commands.map(([name, args]) => [width, name, args] as const));

  it.each(cases)('at %i columns: plan %s', async (width, _name, args) => {
    const { lines, rows } = await terminal(width, args);
    expect(lines.length).toBeGreaterThan(10);
    const tooWide = lines.filter((l) => stringWidth(l) > width);
    expect(tooWide, `lines wider than ${width} columns`).toEqual([]);
    if (TMUX) expect(rows, 'rows the terminal wrapped').toBe(lines.length);
    const badStarts = lines.filter((l) => pieces(l).some((p) => NO_LINE_START.test(p)));
    expect(badStarts, 'lines starting with closing punctuation').toEqual([]);
  });

  it('shows the ✓ and the emoji, wrapped but whole', async () => {
    const { lines } = await terminal(60, ['list', '-f', emoji, ...ASOF]);
    const text = lines.join('\n');
    expect(text).toContain('✓ 已完成');
    expect(text).toContain('🎉');
    expect(text).toContain('✅');
  });
});
