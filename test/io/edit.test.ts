import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { shiftRanges, spliceEdits } from '../../src/io/edit.js';
import { fastParse, fastParseTask, rangesOf } from '../../src/io/fast-yaml.js';
import { taskSpans } from '../../src/io/yaml-check.js';
import { applyEdits, type TaskEdit } from '../../src/plan/edits.js';
import type { Plan } from '../../src/plan/types.js';

const head = 'schemaVersion: 1\nyear: 2023\ntitle: T\ndepartments: [甲, 乙]\n';

// Plans in the layouts people write by hand; every edit must splice cleanly into each.
const layouts: Record<string, string> = {
  spec: `${head}tasks:\n  - id: 1\n    period: 1-2月\n    content: 一\n    departments: [甲]\n\n  - id: 2\n    period: 3-4月\n    content: 二\n    departments: [甲, 乙]\n`,
  comments: `# top\n${head}tasks:  # the annex\n  # first\n  - id: 1   # one\n    period: 1-2月 # when\n    content: "一"\n    departments: [甲]    # aligned\n    # trailing comment in the block\n\n  - id: 2\n    period: '3-4月'\n    content: >-\n      二\n    departments:\n      - 甲\n      - 乙\n# end\n`,
  unindented: `${head}tasks:\n- id: 1\n  period: 1-2月\n  content: 一\n  departments: [甲]\n- id: 2\n  period: 3-4月\n  content: 二\n  departments: [甲, 乙]\n`,
  fourSpaces: `${head}tasks:\n    -   id: 1\n        period: 1-2月\n        content: 一\n        departments: [甲]\n\n    -   id: 2\n        period: 3-4月\n        content: 二\n        departments: [甲, 乙]\n`,
  noFinalBreak: `${head}tasks:\n  - id: 1\n    period: 1-2月\n    content: 一\n    departments: [甲]\n\n  - id: 2\n    period: 3-4月\n    content: 二\n    departments: [甲, 乙]`,
  crlf: `${head}tasks:\n  - id: 1\n    period: 1-2月\n    content: 一\n    departments: [甲]\n\n  - id: 2\n    period: 3-4月\n    content: 二\n    departments: [甲, 乙]\n`.replace(/\n/g, '\r\n'),
  flow: `${head}tasks:\n  - {id: 1, period: 1-2月, content: 一, departments: [甲]}\n  - { id: 2, period: 3-4月, content: 二, departments: [甲, 乙] }\n`,
  withRecords: `${head}tasks:\n  - id: 1\n    period: 1-2月\n    content: 一\n    departments: [甲]\n    log:\n      - date: 2023-01-05\n        note: 开始\n    completed: {date: 2023-02-01}\n\n  - id: 2\n    period: 3-4月\n    content: 二\n    departments: [甲, 乙]\n    log: []\n`,
};

const edits: Record<string, TaskEdit> = {
  complete: { index: 0, op: 'complete', completion: { date: '2023-04-20', by: '张三', note: '好: 完成, #1' } },
  completeSecond: { index: 1, op: 'complete', completion: { date: '2023-04-20' } },
  log: { index: 0, op: 'log', entry: { date: '2023-03-15', note: '场地已落实' } },
  logSecond: { index: 1, op: 'log', entry: { date: '2023-03-15', note: 'yes' } },
};

/** Splices with the task spans of both readers; they must agree where the fast one reads the text. */
const apply = (text: string, es: TaskEdit[]) => {
  const yamlSpans = taskSpans(parseDocument(text));
  const viaYaml = spliceEdits(text, (i) => yamlSpans[i], es).text;
  const fast = fastParse(text);
  if (fast) {
    expect(spliceEdits(text, (i) => fast.tasks[i], es).text).toBe(viaYaml);
    // A task read alone from its block is where the whole parse says it is.
    fast.tasks.forEach((span, i) => expect(fastParseTask(text, span.start, span.end)?.span).toEqual(span));
  }
  return viaYaml;
};

describe('spliceEdits', () => {
  for (const [layout, text] of Object.entries(layouts)) {
    describe(layout, () => {
      const plan = parse(text) as Plan;
      for (const [name, edit] of Object.entries(edits)) {
        it(`${name} reads back as intended and changes nothing else`, () => {
          const out = apply(text, [edit]);
          expect(parse(out)).toEqual(applyEdits(plan, [edit]));
          // Every original line is still there, in order: the edit only added or replaced task lines.
          const kept = text.split('\n').filter((l) => !out.split('\n').includes(l));
          if (layout === 'flow') expect(kept).toEqual([text.split('\n')[5 + edit.index]]); // only the task's own line
          else if (layout !== 'withRecords') expect(kept).toEqual([]);
          if (layout === 'crlf') expect(out.replace(/\r\n/g, '')).not.toContain('\n');
        });
      }
      it('done then undo gives back the original text', () => {
        const open = plan.tasks.findIndex((t) => !t.completed);
        const done = apply(text, [{ index: open, op: 'complete', completion: { date: '2023-05-01', by: 'Ann' } }]);
        expect(apply(done, [{ index: open, op: 'uncomplete' }])).toBe(text);
      });
    });
  }

  it('knows where every task is after the edits without reading the text again', () => {
    for (const [layout, text] of Object.entries(layouts)) {
      const fast = fastParse(text);
      if (!fast) continue;
      for (const es of [[edits.complete!], [edits.log!], [edits.complete!, edits.logSecond!], [{ index: 0, op: 'uncomplete' as const }]]) {
        if (es[0]!.op === 'uncomplete' && !(parse(text) as Plan).tasks[0]!.completed) continue;
        const out = spliceEdits(text, (i) => fast.tasks[i], es);
        expect(shiftRanges(out.splices, rangesOf(fast.tasks)), layout).toEqual(rangesOf(fastParse(out.text)!.tasks));
      }
    }
  });

  it('replaces an existing completion in place (--force)', () => {
    const text = layouts.withRecords!;
    const out = apply(text, [{ index: 0, op: 'complete', completion: { date: '2023-02-10' } }]);
    expect(out).toContain('        note: 开始\n    completed:\n      date: 2023-02-10\n\n  - id: 2');
  });

  it('removes a completion that is not the last key', () => {
    const text = `${head}tasks:\n  - id: 1\n    completed:\n      date: 2023-02-01\n    period: 1-2月\n    content: 一\n    departments: [甲]\n`;
    expect(apply(text, [{ index: 0, op: 'uncomplete' }])).toBe(`${head}tasks:\n  - id: 1\n    period: 1-2月\n    content: 一\n    departments: [甲]\n`);
  });

  it('edits several tasks at once', () => {
    const text = layouts.spec!;
    const out = apply(text, [edits.complete!, edits.completeSecond!]);
    expect((parse(out) as Plan).tasks.map((t) => t.completed?.date)).toEqual(['2023-04-20', '2023-04-20']);
  });

  it('quotes values that YAML would read otherwise', () => {
    const out = apply(layouts.spec!, [{ index: 0, op: 'complete', completion: { date: '2023-04-20', by: 'yes', note: '- 123' } }]);
    expect(out).toContain('      by: "yes"\n      note: "- 123"\n');
  });
});

describe('spliceEdits: key edits and the records that undo them', () => {
  // Each edit on task 0 (which every layout has), checked against what `yaml` reads back.
  const keyEdits: Record<string, TaskEdit> = {
    setContent: { index: 0, op: 'set', key: 'content', value: '一（修订）: 新' },
    setPeriod: { index: 0, op: 'set', key: 'period', value: '5-6月' },
    setDepartments: { index: 0, op: 'set', key: 'departments', value: ['乙', '甲'] },
    addSupport: { index: 0, op: 'set', key: 'support', value: ['乙'] },
    addDue: { index: 0, op: 'set', key: 'due', value: '6月底前' },
    addFields: { index: 0, op: 'set', key: 'fields', value: { 考核要点: '不少于 200 人', 备注: 'yes' } },
    cancel: { index: 0, op: 'cancel', cancellation: { date: '2023-06-01', reason: '上级通知: 取消' } },
    unsetPeriod: { index: 0, op: 'unset', key: 'period' },
  };
  for (const [layout, text] of Object.entries(layouts)) {
    const plan = parse(text) as Plan;
    for (const [name, edit] of Object.entries(keyEdits)) {
      it(`${layout}: ${name} reads back as intended, touching only task 1`, () => {
        const out = apply(text, [edit]);
        expect(parse(out)).toEqual(applyEdits(plan, [edit]));
        // Task 2's lines and the header are as they were.
        const second = text.slice(text.indexOf('id: 2'));
        expect(out.endsWith(second)).toBe(true);
        expect(out.startsWith(text.slice(0, text.indexOf('id: 1')))).toBe(true);
        if (layout === 'crlf') expect(out.replace(/\r\n/g, '')).not.toContain('\n');
      });
    }
    it(`${layout}: a key added then removed gives back the text`, () => {
      for (const key of ['support', 'owners', 'group'] as const) {
        const value = key === 'group' ? '一、类别' : ['乙'];
        const added = apply(text, [{ index: 0, op: 'set', key, value } as TaskEdit]);
        expect(apply(added, [{ index: 0, op: 'unset', key }])).toBe(text);
      }
      const cancelled = apply(text, [keyEdits.cancel!]);
      expect(apply(cancelled, [{ index: 0, op: 'uncancel' }])).toBe(text);
    });
    // (withRecords' second task has `log: []`: removing its only entry removes the key, as applyEdit does.)
    it.skipIf(layout === 'withRecords')(`${layout}: a log entry added then removed gives back the text`, () => {
      const logged = apply(text, [{ index: 1, op: 'log', entry: { date: '2023-03-15', note: '场地, 已落实' } }]);
      const count = (parse(logged) as Plan).tasks[1]!.log!.length;
      expect(apply(logged, [{ index: 1, op: 'unlog', position: count - 1 }])).toBe(text);
    });
  }

  it('removes a log entry from the middle of a block list, and keeps a comment after a scalar', () => {
    const text = `${head}tasks:\n  - id: 1\n    period: 1-2月  # 原定\n    content: 一\n    departments: [甲]\n    log:\n      - date: 2023-01-05\n        note: 开始\n      - date: 2023-01-06\n        note: 中间\n      - date: 2023-01-07\n        note: 最后\n`;
    expect(apply(text, [{ index: 0, op: 'unlog', position: 1 }])).toBe(text.replace('      - date: 2023-01-06\n        note: 中间\n', ''));
    expect(apply(text, [{ index: 0, op: 'set', key: 'period', value: '3月' }])).toContain('    period: 3月  # 原定\n');
  });

  it('writes block lists where the task has them, and adds a key before the keys that follow it', () => {
    const text = `${head}tasks:\n  - id: 1\n    period: 1-2月\n    content: 一\n    departments:\n      - 甲\n    completed:\n      date: 2023-02-01\n`;
    const out = apply(text, [{ index: 0, op: 'set', key: 'support', value: ['乙'] }]);
    expect(out).toBe(text.replace('      - 甲\n', '      - 甲\n    support:\n      - 乙\n'));
  });
});
