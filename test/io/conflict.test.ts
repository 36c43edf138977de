import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanError } from '../../src/errors.js';
import { conflictMarkerLines } from '../../src/io/conflict.js';
import { checkPlanText, loadPlan, readPlanSource } from '../../src/io/load.js';
import { setLanguage } from '../../src/messages.js';
import { miniPlan, testdir } from '../helpers.js';

setLanguage('en');

/** A plan whose task 1 was changed on two branches: git's markers around its content line. */
const conflicted = (eol = '\n', diff3 = false) =>
  miniPlan().replace(
    '    content: 第一项\n',
    ['<<<<<<< HEAD', '    content: 第一项甲', ...(diff3 ? ['||||||| base', '    content: 第一项'] : []), '=======', '    content: 第一项乙', '>>>>>>> other', ''].join('\n'),
  ).replace(/\n/g, eol);

describe('conflictMarkerLines', () => {
  // Lines of miniPlan(): the content line of task 1 is line 8.
  it.each([
    ['LF', conflicted(), [8, 10, 12]],
    ['CRLF', conflicted('\r\n'), [8, 10, 12]],
    ['a BOM', `\ufeff${conflicted()}`, [8, 10, 12]],
    ['a BOM and CRLF', `\ufeff${conflicted('\r\n')}`, [8, 10, 12]],
    ['diff3 (a base section)', conflicted('\n', true), [8, 10, 12, 14]],
    ['markers on the first and the last line, no final line break', '<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> b', [1, 3, 5]],
    ['a marker without a label', '<<<<<<<\na\n=======\nb\n>>>>>>>\n', [1, 3, 5]],
    ['only the closing marker left', 'a: 1\n>>>>>>> other\n', [2]],
  ])('finds the markers with %s', (_, text, lines) => {
    expect(conflictMarkerLines(text)).toEqual(lines);
  });

  it.each([
    ['no markers', miniPlan()],
    ['a lone =======, as a heading underline would be', 'a\n=======\nb\n'],
    ['a lone ||||||| line', '|||||||\n'],
    ['markers that do not start their line', 'a: |\n  <<<<<<< HEAD\n  =======\n  >>>>>>> b\n'],
    ['longer or shorter runs', '<<<<<<<< x\n========\n>>>>>> x\n'],
    ['text after =======', '<<<<<<<x\n======= x\n>>>>>>>x\n'],
  ])('finds none with %s', (_, text) => {
    expect(conflictMarkerLines(text)).toEqual([]);
  });
});

describe('a plan with conflict markers', () => {
  const MESSAGE = 'p.yaml:8:1: unresolved git merge conflict (conflict markers on lines 8, 10, 12; resolve the merge and remove the <<<<<<<, =======, >>>>>>> markers first)';

  it.each([
    ['LF', conflicted()],
    ['CRLF', conflicted('\r\n')],
  ])('is one problem at the first marker (%s)', async (_, text) => {
    expect(await checkPlanText('p.yaml', text)).toEqual({ problems: [MESSAGE] });
  });

  it('is one problem with diff3 markers, the base marker listed', async () => {
    const { problems } = await checkPlanText('p.yaml', conflicted('\n', true));
    expect(problems).toEqual(['p.yaml:8:1: unresolved git merge conflict (conflict markers on lines 8, 10, 12, 14; resolve the merge and remove the <<<<<<<, =======, >>>>>>> markers first)']);
  });

  it('counts lines in a file with a BOM as the file has them', async () => {
    const dir = testdir({ 'p.yaml': `\ufeff${conflicted('\r\n')}` });
    const file = join(dir, 'p.yaml');
    expect(await checkPlanText('p.yaml', readPlanSource(file).text)).toEqual({ problems: [MESSAGE] });
  });

  it('lists ten lines, then …', async () => {
    const tasks = Array.from({ length: 6 }, (_, i) => `  - id: ${i + 1}\n<<<<<<< HEAD\n    period: 1月\n=======\n    period: 2月\n>>>>>>> b\n    content: 项${i + 1}\n    departments: [甲部]\n`).join('\n');
    const { problems } = await checkPlanText('p.yaml', miniPlan(tasks));
    expect(problems).toEqual(['p.yaml:7:1: unresolved git merge conflict (conflict markers on lines 7, 9, 11, 16, 18, 20, 25, 27, 29, 34, …; resolve the merge and remove the <<<<<<<, =======, >>>>>>> markers first)']);
  });

  it('says it in Chinese by default', async () => {
    setLanguage('zh');
    try {
      const { problems } = await checkPlanText('p.yaml', conflicted());
      expect(problems).toEqual(['p.yaml:8:1: 文件中有未解决的 git 合并冲突 (第 8、10、12 行有冲突标记；请先解决冲突，删除 <<<<<<<、=======、>>>>>>> 标记后再运行)']);
    } finally {
      setLanguage('en');
    }
  });

  it('is one problem also when the cache holds the plan as it was before the merge', async () => {
    // Big enough to be read through the cache (load.ts), with a task changed on both branches.
    const tasks = Array.from({ length: 600 }, (_, i) => `  - id: ${i + 1}\n    period: 1-2月\n    content: 第${i + 1}项工作的内容\n    departments: [甲部]\n`).join('\n');
    const text = miniPlan(tasks);
    expect(text.length).toBeGreaterThan(32 * 1024);
    const dir = testdir({ 'p.yaml': text });
    const file = join(dir, 'p.yaml');
    const env = { PLAN_CACHE_DIR: mkdtempSync(join(tmpdir(), 'plan-cache-')) };
    expect((await loadPlan(file, readPlanSource(file), env)).plan.tasks).toHaveLength(600);
    expect((await loadPlan(file, readPlanSource(file), env)).plan.tasks).toHaveLength(600); // from the cache
    expect(readdirSync(env.PLAN_CACHE_DIR)).toHaveLength(1);
    writeFileSync(file, text.replace('    content: 第7项工作的内容\n', '<<<<<<< HEAD\n    content: 甲\n=======\n    content: 乙\n>>>>>>> other\n'));
    const error = await loadPlan(file, readPlanSource(file), env).then(() => undefined, (e: unknown) => e);
    expect(isPlanError(error) && error.lines).toEqual([
      `${file}:38:1: unresolved git merge conflict (conflict markers on lines 38, 40, 42; resolve the merge and remove the <<<<<<<, =======, >>>>>>> markers first)`,
    ]);
  });

  it('is not looked for in a valid plan: markers inside a literal block or a quoted value are text', async () => {
    const markers = '<<<<<<< HEAD\n=======\n>>>>>>> other';
    const literal = miniPlan().replace('    content: 第一项\n', `    content: |\n${markers.replace(/^/gm, '      ')}\n`);
    const quoted = miniPlan().replace('    content: 第二项\n', `    content: ${JSON.stringify(markers)}\n`);
    for (const text of [literal, quoted]) {
      const { plan, problems } = await checkPlanText('p.yaml', text);
      expect(problems).toEqual([]);
      expect(plan!.tasks.map((t) => t.content)).toContain(text === literal ? `${markers}\n` : markers);
    }
  });

  it('is not the message for a plan that fails without markers', async () => {
    const { problems } = await checkPlanText('p.yaml', miniPlan().replace('    content: 第一项\n', '    content: 第一项\n: bad\n'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toContain('merge conflict');
  });
});
