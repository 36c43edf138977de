import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSET_KEYS } from '../../src/commands/completion.js';
import { BIN, cleanEnv, fishComplete, run, testdir } from '../helpers.js';

// Open, done, cancelled and logged tasks, extra columns, and a unit only a task names.
const PLAN = `schemaVersion: 2
year: 2024
title: 2024年区总工会重点工作任务分解表
departments: [办公室, 组宣部, 财务部]
columns:
  - {title: 序号, key: id}
  - {title: 工作任务, key: content}
  - {title: 考核要点}
  - {title: 备注}
  - {title: 牵头单位, key: departments}
  - {title: 配合单位, key: support}
  - {title: 完成时限, key: due}
tasks:
  - id: 1
    due: 2024.09
    content: 完成年度职工技能竞赛
    departments: [组宣部]
    support: [财务部]

  - id: 2
    due: '2024.10'
    content: 职工书屋建设
    departments: [组宣部]
    completed: {date: 2024-03-01}

  - id: 3
    period: 每月
    content: 月度工作例会
    departments: [办公室]
    log:
      - date: 2024-01-25
        note: 一月例会

  - id: 4
    period: 5月、10月
    content: 春秋两季慰问
    departments: [办公室]
    cancelled: {date: 2024-04-01, reason: 上级通知取消}

  - id: 5
    due: 6月底前
    content: 困难职工帮扶
    departments: [办公室]
    completed: {date: 2024-05-01}
    log:
      - date: 2024-04-25
        note: 走访
`;

describe('plan __complete, by what a command takes', () => {
  const repo = testdir({ 'plans/2024.yaml': PLAN });
  const complete = (kind: string, cwd = repo) => run(['--as-of', '2024-04-15', '__complete', kind], { cwd });

  it.each([
    ['ids', '1\n2\n3\n4\n5\n'],
    ['open-ids', '1\n3\n'],
    ['done-ids', '2\n5\n'],
    ['logged-ids', '3\n5\n'],
    ['departments', '办公室\n组宣部\n财务部\n'],
    ['fields', '考核要点=\n备注=\n'],
    ['unset-keys', [...UNSET_KEYS, '考核要点', '备注'].map((k) => `${k}\n`).join('')],
  ])('%s', (kind, stdout) => {
    expect(complete(kind)).toEqual({ code: 0, stdout, stderr: '' });
  });

  it('prints nothing and succeeds with no plan, an invalid plan or an unknown kind', () => {
    for (const [kind, cwd] of [['open-ids', testdir()], ['fields', testdir({ 'plans/2024.yaml': 'tasks: [' })], ['bogus', repo], ['constructor', repo]] as const) {
      expect(complete(kind, cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('offers for --unset exactly the keys plan edit --unset takes by name', () => {
    const r = run(['edit', '1', '--unset', 'bogus', '--lang', 'en'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(/expected one of (.*), or an extra column's title/.exec(r.stderr)?.[1]?.split(', ')).toEqual(UNSET_KEYS);
  });
});

describe('plan completion scripts, driven in the shells', () => {
  const repo = testdir({ 'plans/2024.yaml': PLAN });
  // A `plan` on PATH for the scripts to call back, running this build under this node.
  const bin = testdir({ plan: `#!/bin/sh\nexec "${process.execPath}" "${BIN}" --as-of 2024-04-15 "$@"\n` });
  chmodSync(join(bin, 'plan'), 0o755);
  const shellEnv = cleanEnv({ PATH: `${bin}:${process.env.PATH}` });
  const has = (cmd: string) => spawnSync(cmd, ['--version']).status === 0;
  const script = (shell: string) => {
    const r = run(['completion', shell], { cwd: repo });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const file = join(testdir(), `plan.${shell}`);
    writeFileSync(file, r.stdout);
    return file;
  };

  it('bash: ids by state, --field titles with no space after, --unset keys and departments', () => {
    const file = script('bash');
    // compopt works only inside a real completion: stubbed to show what was asked of it.
    const complete = (...words: string[]) => {
      const r = spawnSync('bash', ['-c', `source "$0"; compopt() { COMPOPT+=("$*"); }; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _plan; printf '%s\\n' "\${COMPREPLY[@]}" "\${COMPOPT[@]/#/compopt }"`, file, ...words], {
        cwd: repo,
        env: shellEnv,
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(complete('plan', 'done', '')).toEqual(['1', '3']);
    expect(complete('plan', 'done', '1', '')).toEqual(['1', '3']);
    expect(complete('plan', 'cancel', '')).toEqual(['1', '3']);
    expect(complete('plan', 'undo', '')).toEqual(['2', '5']);
    expect(complete('plan', 'unlog', '')).toEqual(['3', '5']);
    for (const command of ['show', 'log', 'edit', 'remove', 'history']) expect(complete('plan', command, '')).toEqual(['1', '2', '3', '4', '5']);
    expect(complete('plan', 'edit', '3', '--field', '')).toEqual(['考核要点=', '备注=', 'compopt -o nospace']);
    expect(complete('plan', 'edit', '3', '--field', '备')).toEqual(['备注=', 'compopt -o nospace']);
    // bash splits `考核要点=x` into three words; the value is the user's to type.
    expect(complete('plan', 'edit', '3', '--field', '考核要点', '=')).toEqual([]);
    expect(complete('plan', 'edit', '3', '--field', '考核要点', '=', 'x')).toEqual([]);
    expect(complete('plan', 'edit', '3', '--field', '考核要点', '=', 'x', '')).toEqual(['考核要点=', '备注=', 'compopt -o nospace']);
    expect(complete('plan', 'edit', '3', '--unset', '')).toEqual([...UNSET_KEYS, '考核要点', '备注']);
    expect(complete('plan', 'edit', '3', '--unset', 'owners', 'gr')).toEqual(['group']);
    expect(complete('plan', 'edit', '3', '--unset', 'owners', '--commit', '')).toEqual(['1', '2', '3', '4', '5']);
    expect(complete('plan', 'add', '--support', '')).toEqual(['办公室', '组宣部', '财务部']);
    expect(complete('plan', 'edit', '3', '--department', '办公室', '组')).toEqual(['组宣部']);
    expect(complete('plan', 'add', '--after', '')).toEqual(['1', '2', '3', '4', '5']);
    expect(complete('plan', 'list', '--format', '=', 't')).toEqual(['table', 'tsv']);
    expect(complete('plan', 'add', '--period', '')).toContain('每月');
  });

  it.skipIf(!has('shellcheck'))('bash: the script passes shellcheck', () => {
    const r = spawnSync('shellcheck', ['-s', 'bash', script('bash')], { encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!has('zsh'))('zsh: ids by state, --field titles with no suffix (compadd stubbed)', () => {
    const file = script('zsh');
    const stubs = 'compdef() { : }; compadd() { print -rl -- "$*" }; _describe() { print -rl -- "${(@P)2}" }; _files() { print FILES }; compset() { : }';
    const complete = (...words: string[]) => {
      const r = spawnSync('zsh', ['-c', `${stubs}; source "$0"; words=("$@"); CURRENT=$#; _plan`, file, ...words], { cwd: repo, env: shellEnv, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(complete('plan', 'done', '')).toEqual(['-- 1 3']);
    expect(complete('plan', 'undo', '')).toEqual(['-- 2 5']);
    expect(complete('plan', 'unlog', '')).toEqual(['-- 3 5']);
    expect(complete('plan', 'history', '')).toEqual(['-- 1 2 3 4 5']);
    expect(complete('plan', 'edit', '3', '--field', '')).toEqual(['-S  -- 考核要点= 备注=']);
    expect(complete('plan', 'edit', '3', '--field', '考核要点=')).toEqual([]);
    expect(complete('plan', 'edit', '3', '--field=')).toEqual(['-S  -- 考核要点= 备注=']);
    expect(complete('plan', 'edit', '3', '--field', 'a=1', '')).toEqual(['-S  -- 考核要点= 备注=']);
    expect(complete('plan', 'edit', '3', '--unset', 'owners', '')).toEqual([`-- ${[...UNSET_KEYS, '考核要点', '备注'].join(' ')}`]);
    expect(complete('plan', 'edit', '--support', '')).toEqual(['-- 办公室 组宣部 财务部']);
  });

  it.skipIf(!has('fish'))('fish: ids by state, --field titles, --unset keys after others', () => {
    const file = script('fish');
    const complete = (line: string) => fishComplete(file, line, { cwd: repo, env: shellEnv });
    expect(complete('plan done ')).toEqual(['1', '3']);
    expect(complete('plan undo ')).toEqual(['2', '5']);
    expect(complete('plan unlog ')).toEqual(['3', '5']);
    expect(complete('plan history ')).toEqual(['1', '2', '3', '4', '5']);
    expect(complete('plan edit 3 --field ')).toEqual(['备注=', '考核要点=']);
    expect(complete('plan edit 3 --field 考核要点=')).toEqual([]);
    expect(complete('plan edit 3 --field 考核要点=x ')).toEqual(['备注=', '考核要点=']);
    expect(complete('plan edit 3 --unset owners ')).toEqual([...UNSET_KEYS, '备注', '考核要点'].sort());
    expect(complete('plan edit 3 --unset owners --commit ')).toEqual(['1', '2', '3', '4', '5']);
    expect(complete('plan add --support ')).toEqual(['办公室', '组宣部', '财务部'].sort());
  });
});
