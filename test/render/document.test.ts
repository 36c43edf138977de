import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { setLanguage } from '../../src/messages.js';
import type { Plan } from '../../src/plan/types.js';
import { viewTasks } from '../../src/plan/view.js';
import { documentParts } from '../../src/render/document.js';
import { documentHtml } from '../../src/render/document-html.js';
import { documentMarkdown } from '../../src/render/document-markdown.js';
import { annexHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { annexGrid } from '../../src/render/tasks.js';
import { SEED_PLAN } from '../helpers.js';

setLanguage('zh');

const { plan: seed } = await loadPlan(SEED_PLAN);
const annexOf = (plan: Plan) => annexGrid(plan, viewTasks(plan, '2023-07-15'), { title: plan.annexTitle ?? plan.title });

/** A schema 1 plan numbering its parts with `no`, without header, notice or imprint. */
const bare: Plan = {
  schemaVersion: 1,
  year: 2024,
  title: '2024年工作计划',
  departments: ['甲部'],
  sections: [{ no: '一', title: '第一部分', text: '正文。', items: [{ no: 1, title: '小项', text: '说明' }, { no: '（二）', title: '已编号！', text: '文字' }] }],
  tasks: [{ id: 1, period: '1月', content: '任务', departments: ['甲部'] }],
};

describe('document parts', () => {
  it('takes every part of the seed, numbered and dated as a 公文 writes them', () => {
    const p = documentParts(seed, seed.annexTitle!);
    expect(p).toMatchObject({
      issuerMark: '上海市城市管理行政执法局工会委员会文件',
      docNumber: '沪城管工〔2023〕1号',
      notice: { title: '关于印发《2023年市城管执法局工会工作计划》的通知', to: '各基层工会、局机关处室工会小组', date: '2023年2月13日' },
      title: '2023年市城管执法局工会工作计划',
      annexNote: '附件：2023年市城管执法局工会主要工作计划表',
      imprint: { by: '上海市城市管理行政执法局办公室', printed: '2023年2月13日印发' },
    });
    expect(p.sections.map((s) => s.heading)).toEqual([
      '一、坚持高站位引领，在凝聚思想共识上下功夫',
      '二、坚持高质量发展，在动员建功立业上下功夫',
      '三、坚持高效能服务，在叫响工会品牌上下功夫',
      '四、坚持高标准要求，在夯实自身建设上下功夫',
    ]);
    expect(p.sections[1]!.items[0]!.heading).toBe('（一）认真做好典型选树。');
  });

  it('reads schema 1 `no`, keeps a number already decorated, and omits what the plan lacks', () => {
    const p = documentParts(bare, '附表');
    expect(Object.keys(p)).toEqual(['title', 'sections', 'annexNote']);
    expect(p.sections[0]!.heading).toBe('一、第一部分');
    expect(p.sections[0]!.items.map((i) => i.heading)).toEqual(['（1）小项。', '（二）已编号！']);
  });
});

describe('document html', () => {
  const html = documentHtml(seed, annexOf(seed), 'zh-CN');

  it('lays out the notice in order: masthead, red rule, notice, plan, annex on its own page, imprint', () => {
    const order = [
      '<div class="issuer-mark"',
      '<p class="doc-number">沪城管工〔2023〕1号</p>',
      '<hr class="red-rule">',
      '<h1>关于印发《2023年市城管执法局工会工作计划》的通知</h1>',
      '<p class="to">各基层工会、局机关处室工会小组：</p>',
      '<p class="date">2023年2月13日</p>',
      '<section class="plan">\n<h1>2023年市城管执法局工会工作计划</h1>',
      '<h2>一、坚持高站位引领，在凝聚思想共识上下功夫</h2>',
      '<p><span class="item-heading">（一）认真做好典型选树。</span>积极培育',
      '<p class="annex-note">附件：2023年市城管执法局工会主要工作计划表</p>',
      '<section class="annex">\n<p class="annex-label">附件</p>',
      '<footer class="imprint"><span>上海市城市管理行政执法局办公室</span><span>2023年2月13日印发</span></footer>',
    ].map((s) => html.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('市城管执法局工会工作的<strong>总体思路</strong>是');
  });

  it('draws the annex table as render html does', () => {
    expect(html).toContain(annexHtml(annexOf(seed)));
    expect(html).toContain('<td rowspan="4" class="merged">1-2月</td>');
  });

  it('uses the GB/T 9704 page: A4, 37/26/35/28 mm margins, 仿宋 16pt on 28pt lines, page numbers', () => {
    expect(html).toContain('@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm;');
    expect(html).toContain('@page annex { size: A4 portrait;');
    expect(html).toMatch(/body \{ font-family: "仿宋"[^;]*; font-size: 16pt; line-height: 28pt;/);
    expect(html).toContain('counter(page)');
    expect(html).toContain('.annex { page: annex;');
  });

  it('works for a schema 1 plan without header, notice or imprint, starting with the title', () => {
    const page = documentHtml(bare, annexOf(bare), 'zh-CN');
    expect(page).not.toMatch(/class="(masthead|notice|imprint)"/);
    expect(page).toContain('<section class="plan first">\n<h1>2024年工作计划</h1>');
    expect(page).toContain('<h2>一、第一部分</h2>');
  });

  it('escapes every value and stays static', () => {
    const evil: Plan = { ...bare, title: '<script>x</script>', issuer: '"><img src=x>', intro: '**<b>粗</b>** & <i>', sections: [] };
    const page = documentHtml(evil, annexOf(evil), 'zh-CN');
    expect(page).not.toMatch(/<script|<img|<b>|<i>|url\(|https?:/);
    expect(page).toContain('<strong>&lt;b&gt;粗&lt;/b&gt;</strong> &amp; &lt;i&gt;');
  });
});

describe('document markdown', () => {
  const md = documentMarkdown(seed, annexOf(seed));

  it('has the same parts as headings and paragraphs, and the annex as the markdown table', () => {
    expect(md.startsWith('**上海市城市管理行政执法局工会委员会文件**\n\n沪城管工〔2023〕1号\n\n---\n\n# 关于印发《2023年市城管执法局工会工作计划》的通知\n\n各基层工会、局机关处室工会小组：\n\n')).toBe(true);
    expect(md).toContain('\n\n# 2023年市城管执法局工会工作计划\n\n');
    expect(md).toContain('\n\n## 一、坚持高站位引领，在凝聚思想共识上下功夫\n\n');
    expect(md).toContain('\n\n**（一）认真做好典型选树**。积极培育');
    expect(md).toContain('工作的**总体思路**是');
    const { title: _, ...table } = annexOf(seed);
    expect(md).toContain(`**附件**\n\n## 2023年市城管执法局工会主要工作计划表\n\n${renderMarkdown(table)}`);
    expect(md.endsWith('---\n\n上海市城市管理行政执法局办公室　2023年2月13日印发\n\n---\n')).toBe(true);
  });

  it('escapes text so that it cannot start a block or inject html', () => {
    const evil: Plan = { ...bare, title: '# 不是标题 <b>', intro: '- 不是列表\n1. 也不是', sections: [] };
    const out = documentMarkdown(evil, annexOf(evil));
    expect(out).toContain('# \\# 不是标题 &lt;b&gt;');
    expect(out).toContain('\\- 不是列表\n\n1\\. 也不是');
  });
});
