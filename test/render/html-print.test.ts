import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { setLanguage } from '../../src/messages.js';
import { summarize } from '../../src/plan/summary.js';
import type { Plan } from '../../src/plan/types.js';
import { viewTasks } from '../../src/plan/view.js';
import type { Grid } from '../../src/render/grid.js';
import { annexPage, columnWidths, htmlTable } from '../../src/render/html.js';
import { SANS, SERIF, TITLE } from '../../src/render/print-css.js';
import { renderSummaryHtml } from '../../src/render/summary-html.js';
import { annexGrid } from '../../src/render/tasks.js';
import { SEED_PLAN } from '../helpers.js';

setLanguage('zh');

const { plan: seed } = await loadPlan(SEED_PLAN);
const annex = annexGrid(seed, viewTasks(seed, '2023-07-15'), { title: seed.annexTitle! });

describe('annex html for print', () => {
  const page = annexPage(annex, 'zh-CN');

  it('gives the columns fixed widths by kind: 序号 narrow, 计划时间 short, 负责部门 capped, 内容 the rest', () => {
    const [id, period, content, units] = columnWidths(annex);
    expect(content).toBeUndefined();
    expect(id).toBeLessThan(period!);
    expect(period).toBeGreaterThanOrEqual(5);
    // 局工会、组织人事处 (9 characters) on one line, and no wider than 11em.
    expect(units).toBeGreaterThanOrEqual(9);
    expect(units).toBeLessThanOrEqual(11);
    expect(page).toMatch(/<colgroup><col style="width: [\d.]+em"><col style="width: [\d.]+em"><col><col style="width: [\d.]+em"><\/colgroup>/);
    expect(page).toContain('table-layout: fixed;');
  });

  it('never makes a column narrower than its header', () => {
    const grid: Grid = { columns: ['序号', '很长的列标题啊', '内容'], rows: [['1', 'x', '一段很长很长很长很长很长很长很长的内容']] };
    expect(columnWidths(grid)[1]).toBeGreaterThanOrEqual(7);
  });

  it('puts the 附件 label above the title, in 黑体', () => {
    expect(page).toMatch(/<p class="annex-label">附件<\/p>\n<h1 class="annex-title">2023年市城管执法局工会主要工作计划表<\/h1>\n<table>/);
    expect(page).not.toContain('<caption>');
    expect(page).toContain(`h1, h2, h3, th, caption, .annex-label { font-family: ${SANS};`);
  });

  it('uses CJK font stacks for Windows and Linux, A4 pages with page numbers, rows kept whole, the header repeated', () => {
    expect(page).toContain(`body { font-family: ${SERIF};`);
    expect(SERIF).toMatch(/^"仿宋", .*"Noto Serif CJK SC".*serif$/);
    expect(SANS).toMatch(/^"黑体", .*"Microsoft YaHei".*"Noto Sans CJK SC".*sans-serif$/);
    expect(page).toContain(`font-family: ${TITLE}`);
    expect(page).toMatch(/@page \{ size: A4 portrait; margin: [^;]+;\s*@bottom-center \{ content: "— " counter\(page\) " —";/);
    expect(page).toContain('tr { break-inside: avoid;');
    expect(page).toContain('thead { display: table-header-group; }');
  });

  it('prints a table of more than four columns on a landscape page', () => {
    const wide: Grid = { title: 't', columns: ['a', 'b', 'c', 'd', 'e'], rows: [] };
    expect(annexPage(wide, 'zh-CN')).toContain('@page { size: A4 landscape;');
  });

  it('stays static and escaped: no script, no url, the title and cells escaped', () => {
    const hostile: Grid = { title: '<script>x</script>', columns: ['序号', '<b>'], rows: [['1', '"><img src=x>']] };
    const html = annexPage(hostile, 'zh-CN');
    expect(html).not.toMatch(/<script|<img|<b>|url\(|https?:/);
    expect(html).toContain('<h1 class="annex-title">&lt;script&gt;x&lt;/script&gt;</h1>');
    expect(htmlTable(hostile)).toContain('<td>&quot;&gt;&lt;img src=x&gt;</td>');
  });
});

describe('summary html: progress notes', () => {
  const plan: Plan = {
    schemaVersion: 1,
    year: 2024,
    title: '计划',
    departments: ['甲部'],
    tasks: [
      { id: 1, period: '全年', content: '全年<任务>', departments: ['甲部'], log: [{ date: '2024-05-01', note: '第二次 <b>' }] },
      { id: 2, period: '3月', content: '三月任务', departments: ['甲部'], log: [{ date: '2024-03-15', note: '场地已落实' }, { date: '2024-05-01', note: '同日' }] },
    ],
  };

  it('lists every log entry by date, then annex order, with its task, escaped', () => {
    const html = renderSummaryHtml(summarize(plan, '2024-07-15'), 'zh-CN');
    expect(html).toContain('<h2>进展记录 (3)</h2>');
    const rows = [...html.slice(html.indexOf('进展记录 (3)')).matchAll(/<tr><td>(\d{4}-\d\d-\d\d)<\/td><td class="num">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((r) => r.slice(1));
    expect(rows).toEqual([
      ['2024-03-15', '2', '三月任务', '场地已落实'],
      ['2024-05-01', '1', '全年&lt;任务&gt;', '第二次 &lt;b&gt;'],
      ['2024-05-01', '2', '三月任务', '同日'],
    ]);
  });

  it('says so when there are none', () => {
    const html = renderSummaryHtml(summarize({ ...plan, tasks: plan.tasks.map(({ log: _, ...t }) => t) }, '2024-07-15'), 'zh-CN');
    expect(html).toContain('<h2>进展记录 (0)</h2>\n<p>尚无进展记录。</p>');
  });
});
