import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePlan } from '../../bench/generate.mjs';
import { ROOT, run, testdir } from '../helpers.js';

// Plans big enough for the cache of parsed plans (src/io/cache.ts) to be used.
describe('big plans and the plan cache', () => {
  const setup = () => {
    const cwd = testdir({ 'plans/2023.yaml': generatePlan(1200) });
    const cache = join(cwd, 'cache');
    const plan = (args: string[], env: Record<string, string> = {}) => run([...args, '--as-of', '2023-05-01'], { cwd, env: { PLAN_CACHE_DIR: cache, ...env } });
    return { cwd, cache, file: join(cwd, 'plans/2023.yaml'), plan };
  };
  // Long enough for a file's last change to be settled (src/io/file-state.ts).
  const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  const traced = (plan: ReturnType<typeof setup>['plan'], args: string[]) => {
    const r = plan(args, { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/error/i);
    return { stdout: r.stdout, crypto: /crypto: (\w+)/.exec(r.stderr)![1], opened: /opened: (.*)/.exec(r.stderr)![1], v8: /v8: (\w+)/.exec(r.stderr)![1] };
  };
  const ids = (stdout: string) => (JSON.parse(stdout) as { id: number; status: string }[]).map((t) => `${t.id}:${t.status}`);

  it('gives the same answers from the cache, and never a stale one', () => {
    const { cache, file, plan } = setup();
    const first = plan(['list', '--period', '3-4月', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(readdirSync(cache)).toHaveLength(1);
    expect(plan(['list', '--period', '3-4月', '--format', 'json']).stdout).toBe(first.stdout);

    // Edited by hand: the cache entry no longer matches the text, so the file is read again.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 11\n    period: 3-4月\n', '  - id: 11\n    period: 5-6月\n'));
    const edited = ids(plan(['list', '--period', '3-4月', '--format', 'json']).stdout);
    expect(edited).not.toContain('11:overdue');
    expect(edited).toHaveLength(ids(first.stdout).length - 1);

    // Made invalid by hand: reported as such, located, whatever the cache held.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 11\n    period: 5-6月', '  - id: 11\n    period: 13月'));
    const invalid = plan(['list']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^plan: plans\/2023\.yaml:\d+:13: tasks\[10\]\.period "13月"/);
  });

  it('answers every reading command from the cache as without it, also after done, undo and log', () => {
    const { file, plan } = setup();
    // A content whose JSON needs escapes is recorded as JSON, not as its bare bytes.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/(  - id: 599\n.*\n    content: ).*/, '$1"第599项 \\"引号\\" 与 \\\\ 反斜杠"'));
    expect(readFileSync(file, 'utf8')).toContain('content: "第599项 \\"引号\\" 与 \\\\ 反斜杠"');
    const reads = [
      ['list', '--format', 'json'],
      ['list', '--period', '3-4月', '--department', '女工委', '--status', 'overdue', '--format', 'csv'],
      ['list', '--month', '7'],
      ['show', '599', '--format', 'json'],
      ['summary', '--format', 'json'],
      ['summary'],
      ['departments', '--format', 'json'],
      ['periods'],
      ['render', '--format', 'markdown'],
    ];
    const same = () => {
      for (const args of reads) {
        const cached = plan(args);
        expect(cached.code, args.join(' ')).toBe(0);
        expect(cached.stdout, args.join(' ')).toBe(plan(args, { PLAN_NO_CACHE: '1' }).stdout);
      }
    };
    same();
    expect(plan(['done', '599', '600', '--date', '2023-04-02']).code).toBe(0);
    same();
    expect(plan(['undo', '600']).code).toBe(0);
    expect(plan(['log', '1', '进展顺利']).code).toBe(0);
    same();
  }, 60_000);

  it('reads neither the plan file nor node:crypto while the file is in the state its entry was stamped with', () => {
    const { file, plan } = setup();
    const args = ['list', '--period', '3-4月', '--format', 'json'];
    settle();
    const first = plan(args).stdout; // parses the plan, stamps the entry with the file's state
    expect(traced(plan, args)).toMatchObject({ stdout: first, crypto: 'false', opened: '' });

    // Touched: the same bytes in a new state. They are read and hashed once, and stamped again.
    utimesSync(file, new Date(), new Date());
    settle();
    expect(traced(plan, args)).toMatchObject({ stdout: first, crypto: 'true', opened: '2023.yaml' });
    expect(traced(plan, args)).toMatchObject({ stdout: first, crypto: 'false', opened: '' });

    // Rewritten in place with other bytes of the same size: seen at once.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 11\n    period: 3-4月\n', '  - id: 11\n    period: 5-6月\n'));
    expect(ids(plan(args).stdout)).toEqual(ids(first).filter((t) => !t.startsWith('11:')));
  });

  it('tells V8 to optimise later for a busy command on a cached plan only (node:v8 loaded)', () => {
    const { plan } = setup();
    settle();
    plan(['periods']); // fills the cache
    const tuned = String(process.versions.v8.startsWith('11.3.')); // Node 20's V8, where it was measured
    expect(traced(plan, ['summary']).v8).toBe(tuned);
    expect(traced(plan, ['list', '--status', 'overdue']).v8).toBe(tuned);
    expect(traced(plan, ['render', '--format', 'csv']).v8).toBe(tuned);
    expect(traced(plan, ['show', '5']).v8).toBe('false');
    expect(traced(plan, ['periods']).v8).toBe('false');
    const parsed = plan(['summary'], { PLAN_NO_CACHE: '1', NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` });
    expect(/v8: (\w+)/.exec(parsed.stderr)![1]).toBe('false');
  });

  it('reports a cache entry damaged where lengths cannot tell, removes it, and reads the plan the next time', () => {
    const { cache, plan } = setup();
    const shown = plan(['show', '5', '--format', 'json']).stdout;
    const entry = join(cache, readdirSync(cache)[0]!);
    const bytes = readFileSync(entry);
    const record = bytes.indexOf(',"第5项') + 1; // task 5's record: its content's string
    expect(record).toBeGreaterThan(0);
    bytes[record] = 0x21; // "!": it no longer parses
    writeFileSync(entry, bytes);
    const r = plan(['show', '5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`plan: 缓存文件 ${entry} 已损坏，现已删除 (请再运行一次该命令)\n`);
    expect(existsSync(entry)).toBe(false);
    expect(plan(['show', '5', '--format', 'json']).stdout).toBe(shown);
  });

  it('removes the entry an earlier build kept for the same plan', () => {
    const { cache, file, plan } = setup();
    const legacy = join(cache, createHash('sha256').update(realpathSync(file)).digest('hex').slice(0, 24));
    mkdirSync(cache);
    writeFileSync(`${legacy}.bin`, 'an entry as earlier builds wrote it');
    writeFileSync(`${legacy}.json`, '{}');
    expect(plan(['list', '--format', 'json']).code).toBe(0);
    expect(readdirSync(cache)).toHaveLength(1);
    expect(existsSync(`${legacy}.bin`) || existsSync(`${legacy}.json`)).toBe(false);
  });

  it('does not cache a plan whose ids an int32 cannot hold, and still finds its tasks', () => {
    const { cache, file, plan } = setup();
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 5\n', '  - id: 5000000000\n'));
    const listed = plan(['list', '--format', 'json']);
    expect(JSON.parse(listed.stdout)[4].id).toBe(5000000000);
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
    expect(plan(['show', '705032704']).stderr).toContain('5000000000'); // that id as an int32 is not a task; the real ids are listed
    expect(plan(['done', '6']).code).toBe(0);
  });

  it('ignores a damaged cache and can be turned off', () => {
    const { cache, plan } = setup();
    const first = plan(['list', '--month', '7', '--format', 'json']).stdout;
    const [entry] = readdirSync(cache);
    writeFileSync(join(cache, entry!), readFileSync(join(cache, entry!), 'utf8').slice(0, 200));
    expect(plan(['list', '--month', '7', '--format', 'json']).stdout).toBe(first);
    const off = setup();
    expect(off.plan(['list', '--format', 'json'], { PLAN_NO_CACHE: '1' }).code).toBe(0);
    expect(existsSync(off.cache)).toBe(false);
  });

  it('records completion in a big plan with a minimal diff, and the next read sees it', () => {
    const { file, plan } = setup();
    const before = readFileSync(file, 'utf8');
    expect(plan(['list', '--format', 'json']).code).toBe(0); // fills the cache
    expect(plan(['done', '599', '--force', '--date', '2023-04-02']).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const removed = before.split('\n').filter((l, i, all) => !after.split('\n').includes(l) && all.indexOf(l) === i);
    expect(removed.every((l) => /^ {4}completed:|^ {6}(date|by):/.test(l) || l === '')).toBe(true);
    expect((parse(after) as { tasks: { id: number; completed?: object }[] }).tasks[598]!.completed).toEqual({ date: '2023-04-02' });
    const shown = JSON.parse(plan(['show', '599', '--format', 'json']).stdout);
    expect(shown.completed).toEqual({ date: '2023-04-02' });
    expect(plan(['validate']).code).toBe(0);
    expect(plan(['log', '600', '场地已落实']).code).toBe(0);
    expect(JSON.parse(plan(['show', '600', '--format', 'json']).stdout).log.at(-1)).toEqual({ date: '2023-05-01', note: '场地已落实' });
  });

  it('keys the cache by the exact bytes: a byte-order mark, or bytes that are not UTF-8, are read again', () => {
    const { cache, file, plan } = setup();
    const bare = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bare]));
    const first = plan(['list', '--format', 'json']).stdout;
    expect(plan(['done', '7', '--force', '--date', '2023-04-02']).code).toBe(0);
    const edited = readFileSync(file);
    expect([...edited.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const entries = readdirSync(cache);
    expect(entries).toHaveLength(1);
    // The entry done wrote is for the new bytes: the next read uses it and sees the completion.
    expect(readFileSync(join(cache, entries[0]!), 'utf8')).toContain('"completed":{"date":"2023-04-02"}');
    expect(ids(plan(['list', '--format', 'json']).stdout)).toEqual(ids(first).map((t) => (t.startsWith('7:') ? '7:done' : t)));

    // Same text without the mark: other bytes, another stamp; then a byte that is not UTF-8.
    writeFileSync(file, edited.subarray(3));
    expect(ids(plan(['list', '--format', 'json']).stdout)).toContain('7:done');
    const broken = Buffer.from(edited.subarray(3));
    broken[broken.indexOf('content: ') + 9] = 0xff;
    writeFileSync(file, broken);
    const r = plan(['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: plans\/2023\.yaml:\d+:\d+: /);
  });
});
