import { describe, expect, it } from 'vitest';
import { planChanges, planHistory, taskChanges, type CommitInfo, type Version } from '../../src/plan/history.js';
import type { Plan, Task } from '../../src/plan/types.js';

const commit = (hash: string, author = '张三'): CommitInfo => ({ hash, author, email: `${author}@example.org`, date: '2023-04-01T09:00:00+08:00', subject: hash });
const plan = (tasks: Task[]): Plan => ({ schemaVersion: 2, year: 2023, title: '计划', departments: ['甲部', '乙部'], tasks });
const t = (id: number, more: Partial<Task> = {}): Task => ({ id, period: '3-4月', content: `任务${id}`, departments: ['甲部'], ...more });

describe('taskChanges', () => {
  it('names each key that changed, with the values before and after', () => {
    const changes = taskChanges(t(1), t(1, { period: '5-6月', content: '新内容', departments: ['甲部', '乙部'], owners: ['李四'], group: '一、组织', fields: { 备注: '新' } }));
    expect(changes.map((c) => c.change)).toEqual([
      { kind: 'changed', key: 'content', from: '任务1', to: '新内容' },
      { kind: 'changed', key: 'period', from: '3-4月', to: '5-6月' },
      { kind: 'changed', key: 'departments', from: ['甲部'], to: ['甲部', '乙部'] },
      { kind: 'changed', key: 'owners', from: null, to: ['李四'] },
      { kind: 'changed', key: 'group', from: null, to: '一、组织' },
      { kind: 'changed', key: 'fields', field: '备注', from: null, to: '新' },
    ]);
  });

  it('tells completion, cancellation and their undoing apart from edits', () => {
    expect(taskChanges(t(1), t(1, { completed: { date: '2023-04-20', by: '王五', note: '已办' } }))[0]!.change).toEqual({ kind: 'completed', date: '2023-04-20', by: '王五', note: '已办' });
    expect(taskChanges(t(1, { completed: { date: '2023-04-20' } }), t(1))[0]!.change).toEqual({ kind: 'uncompleted', date: '2023-04-20' });
    expect(taskChanges(t(1, { completed: { date: '2023-04-20' } }), t(1, { completed: { date: '2023-04-21' } }))[0]!.change).toEqual({ kind: 'changed', key: 'completed', from: '2023-04-20', to: '2023-04-21' });
    expect(taskChanges(t(1), t(1, { cancelled: { date: '2023-05-01', reason: '上级取消' } }))[0]!.change).toEqual({ kind: 'cancelled', date: '2023-05-01', reason: '上级取消' });
    expect(taskChanges(t(1, { cancelled: { date: '2023-05-01' } }), t(1))[0]!.change).toEqual({ kind: 'uncancelled', date: '2023-05-01' });
  });

  it('compares log entries as a multiset: kept ones are no change, duplicates are counted', () => {
    const a = { date: '2023-03-01', note: 'a' };
    const b = { date: '2023-03-02', note: 'b' };
    const c = { date: '2023-03-03', note: 'c' };
    expect(taskChanges(t(1, { log: [a, b] }), t(1, { log: [a, b] }))).toEqual([]);
    expect(taskChanges(t(1, { log: [a, b] }), t(1, { log: [a, c] })).map((x) => x.change)).toEqual([
      { kind: 'unlogged', ...b },
      { kind: 'logged', ...c },
    ]);
    expect(taskChanges(t(1, { log: [a] }), t(1, { log: [a, a] })).map((x) => x.change)).toEqual([{ kind: 'logged', ...a }]);
    expect(taskChanges(t(1, { log: [a, a] }), t(1, { log: [a] })).map((x) => x.change)).toEqual([{ kind: 'unlogged', ...a }]);
  });

  it('an empty list and no list are the same', () => {
    expect(taskChanges(t(1, { support: [] }), t(1))).toEqual([]);
  });
});

describe('planChanges', () => {
  it('added tasks come with their records; removed tasks are named', () => {
    const changes = planChanges(plan([t(1), t(2)]), plan([t(1), t(3, { completed: { date: '2023-04-01' } })]));
    expect(changes).toEqual([
      { id: 3, change: { kind: 'added', content: '任务3' } },
      { id: 3, change: { kind: 'completed', date: '2023-04-01' } },
      { id: 2, change: { kind: 'removed', content: '任务2' } },
    ]);
  });

  it('a task object shared with the version before is not compared (it is the same)', () => {
    const one = t(1);
    const a = plan([one]);
    const b = plan([one]);
    one.content = 'changed under it';
    expect(planChanges(a, b)).toEqual([]);
  });
});

describe('planHistory', () => {
  const versions: Version[] = [
    { commit: commit('a1'), plan: plan([t(1), t(2)]) },
    { commit: commit('b2', '李四'), plan: plan([t(1, { completed: { date: '2023-04-20' } }), t(2)]) },
    { commit: commit('c3') }, // not readable
    { commit: commit('d4'), plan: plan([t(1, { completed: { date: '2023-04-20' } }), t(2, { period: '9月' })]) },
    { commit: null, plan: plan([t(1), t(2, { period: '9月' })]) },
  ];

  it('the whole plan: created, then every change, an unreadable version marked and passed over', () => {
    expect(planHistory(versions).map((e) => [e.commit?.hash ?? null, e.id ?? null, e.change.kind])).toEqual([
      ['a1', null, 'created'],
      ['b2', 1, 'completed'],
      ['c3', null, 'invalid'],
      ['d4', 2, 'changed'],
      [null, 1, 'uncompleted'],
    ]);
  });

  it('one task: its first appearance as added, then only its changes', () => {
    expect(planHistory(versions, 1).map((e) => [e.commit?.hash ?? null, e.change.kind])).toEqual([
      ['a1', 'added'],
      ['b2', 'completed'],
      [null, 'uncompleted'],
    ]);
    expect(planHistory(versions, 2).map((e) => [e.commit?.hash ?? null, e.change.kind])).toEqual([
      ['a1', 'added'],
      ['d4', 'changed'],
    ]);
    expect(planHistory(versions, 9)).toEqual([]);
  });

  it('a task there from the first version with records brings them as changes', () => {
    const first: Version[] = [{ commit: commit('a1'), plan: plan([t(1, { log: [{ date: '2023-03-01', note: '开始' }] })]) }];
    expect(planHistory(first, 1).map((e) => e.change.kind)).toEqual(['added', 'logged']);
  });

  it('a merge reports only what is unlike every parent; its parents are compared with their own', () => {
    const base = plan([t(1), t(2), t(3)]);
    const left = plan([t(1, { completed: { date: '2023-04-20' } }), t(2), t(3)]);
    const right = plan([t(1), t(2, { period: '9月' })]); // task 3 removed on this branch
    const merged = plan([t(1, { completed: { date: '2023-04-20' } }), t(2, { period: '10月' }), t(4)]);
    const versions: Version[] = [
      { commit: commit('a'), plan: base },
      { commit: commit('l'), plan: left, parents: [0] },
      { commit: commit('r'), plan: right, parents: [0] },
      { commit: commit('m'), plan: merged, parents: [1, 2] },
    ];
    expect(planHistory(versions).map((e) => `${e.commit!.hash} ${e.id ?? '-'} ${e.change.kind}`)).toEqual([
      'a - created',
      'l 1 completed',
      'r 2 changed',
      'r 3 removed',
      'm 2 changed', // the merge's own resolution, against the first parent
      'm 4 added',
    ]);
    expect(planHistory(versions, 2).at(-1)!.change).toEqual({ kind: 'changed', key: 'period', from: '3-4月', to: '10月' });
  });

  it('a version after an unreadable one is compared with the readable ancestor', () => {
    const versions: Version[] = [{ commit: commit('a'), plan: plan([t(1)]) }, { commit: commit('b'), parents: [0] }, { commit: commit('c'), plan: plan([t(1, { content: '改' })]), parents: [1] }];
    expect(planHistory(versions).map((e) => e.change.kind)).toEqual(['created', 'invalid', 'changed']);
  });

  it('the whole plan also tells its own keys changed: registry, schema version, columns; a task history does not', () => {
    const one = plan([t(1)]);
    const two: Plan = { ...one, schemaVersion: 2, departments: ['甲部', '乙部', '丙部'], columns: [{ title: '序号', key: 'id' }, { title: '备注' }] };
    const versions: Version[] = [{ commit: commit('a'), plan: { ...one, schemaVersion: 1 } }, { commit: commit('b'), plan: two }];
    expect(planHistory(versions).slice(1).map((e) => e.change)).toEqual([
      { kind: 'plan', key: 'schemaVersion', from: '1', to: '2' },
      { kind: 'plan', key: 'departments', from: ['甲部', '乙部'], to: ['甲部', '乙部', '丙部'] },
      { kind: 'plan', key: 'columns', from: null, to: ['序号', '备注'] },
    ]);
    expect(planHistory(versions, 1).map((e) => e.change.kind)).toEqual(['added']);
  });

  it('no readable version: nothing but the invalid ones', () => {
    expect(planHistory([{ commit: commit('a1') }])).toEqual([{ commit: commit('a1'), change: { kind: 'invalid' } }]);
    expect(planHistory([{ commit: commit('a1') }], 1)).toEqual([]);
  });
});
