// Hostile content never reaches a terminal, a browser or a spreadsheet as code. The plan is
// valid YAML: double-quoted strings carry control characters as escapes (\e, \x1b, \u202e).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/render/html.js';
import { run, testdir, type RunResult } from '../helpers.js';
import { SGR, cells, htmlProblem, isFormula, markdownProblem, terminalUnsafe } from './checks.js';

// A terminal would act on each of these: clear the screen, set the window title (OSC, ended by
// BEL), colour, move the cursor with an 8-bit CSI, and reverse the text's direction.
const CLEAR = '\x1b[2J';
const TITLE = '\x1b]0;pwned\x07';
const RED = '\x1b[31m';
const CSI8 = '\x9b1A';
const RTL = '\u202e';
const evil = (s: string) => `${s}${CLEAR}${TITLE}${RED}${CSI8}${RTL}`;

const HTML_ATTACKS = ['</title><script>alert(1)</script>', '" onmouseover="alert(1)', "<img src=x onerror=alert('x')>", '<svg onload=alert(1)>'];

const y = (s: string) => JSON.stringify(s); // a YAML double-quoted string

/** A valid plan with hostile text everywhere the plan has text. */
function hostilePlan(text: (field: string) => string): string {
  const dept = text('部门');
  return `schemaVersion: 1
year: 2024
title: ${y(text('标题'))}
annexTitle: ${y(text('附件标题'))}
departments: [${y(dept)}, 乙部]
tasks:
  - id: 1
    period: 1-2月
    content: ${y(text('内容一'))}
    departments: [${y(dept)}]
    completed:
      date: 2024-02-01
      by: ${y(text('张三'))}
      note: ${y(text('说明'))}
    log:
      - date: 2024-01-15
        note: ${y(text('进展'))}

  - id: 2
    period: 3-4月
    content: ${y(text('内容二'))}
    departments: [乙部, ${y(dept)}]
`;
}

/** A valid schema 2 plan with hostile text in its own columns, categories, fields, units, persons and records. */
function hostilePlan2(text: (field: string) => string): string {
  const dept = text('部门');
  const extra = text('考核要点');
  return `schemaVersion: 2
year: 2024
title: ${y(text('标题'))}
departments: [${y(dept)}, 乙部]
columns:
  - {title: ${y(text('序号'))}, key: id}
  - {title: ${y(text('工作任务'))}, key: content}
  - {title: ${y(extra)}}
  - {title: ${y(text('责任人'))}, key: owners}
  - {title: ${y(text('完成时限'))}, key: due}
tasks:
  - id: 1
    due: 6月底前
    content: ${y(text('内容一'))}
    departments: [${y(dept)}]
    support: [乙部]
    owners: [${y(text('王敏'))}]
    group: ${y(text('一、类别'))}
    fields: {${y(extra)}: ${y(text('要点'))}}
    cancelled: {date: 2024-02-01, reason: ${y(text('原因'))}}

  - id: 2
    period: 3-4月
    content: ${y(text('内容二'))}
    support: [${y(dept)}]
    group: ${y(text('二、类别'))}
`;
}

function expectTerminalSafe(r: RunResult, what: string) {
  for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    const unsafe = terminalUnsafe(text);
    expect(unsafe, `${what}: ${name} carries ${JSON.stringify(unsafe)} in ${JSON.stringify(text.slice(0, 400))}`).toBeUndefined();
  }
}

describe('terminal output shows control characters escaped, also with FORCE_COLOR=1', () => {
  const cwd = testdir({ 'plan.yaml': hostilePlan(evil) });
  const plan = (args: string[]) => run(['-f', 'plan.yaml', ...args, '--as-of', '2024-03-15'], { cwd, env: { FORCE_COLOR: '1' } });

  it.each([[['list']], [['list', '--status', 'done']], [['show', '1']], [['render']], [['summary']], [['render', '--format', 'markdown']], [['summary', '--format', 'markdown']], [['list', '--format', 'json']]])(
    'plan %j',
    (args) => {
      const r = plan(args);
      expect(r.code).toBe(0);
      expectTerminalSafe(r, args.join(' '));
      // What the text said stays readable, as escapes.
      expect(r.stdout).toMatch(/\\x1b|\\u001b/);
      if (!args.includes('json')) expect(r.stdout).toContain('\\u202e');
    },
  );

  const cwd2 = testdir({ 'plan.yaml': hostilePlan2(evil) });
  it.each([[['list']], [['show', '1']], [['render']], [['render', '--with-status']], [['summary']], [['departments']], [['render', '--format', 'markdown']], [['summary', '--format', 'markdown']]])(
    'schema 2: plan %j',
    (args) => {
      const r = run(['-f', 'plan.yaml', ...args, '--as-of', '2024-03-15'], { cwd: cwd2, env: { FORCE_COLOR: '1' } });
      expect(r.code, r.stderr).toBe(0);
      expectTerminalSafe(r, args.join(' '));
      expect(r.stdout).toMatch(/\\x1b|\\u001b/);
    },
  );

  it('colours come from the tool only', () => {
    const r = plan(['list']);
    expect(r.stdout.match(SGR)?.length).toBeGreaterThan(0);
    expect(r.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07\\x1b[31m\\x9b1A\\u202e');
  });

  it('done and log print what they recorded escaped', () => {
    const dir = testdir({ 'plan.yaml': hostilePlan(evil) });
    const write = (args: string[]) => run(['-f', 'plan.yaml', ...args, '--as-of', '2024-03-15'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    const done = write(['done', '2', '--by', evil('李四'), '--note', evil('好')]);
    expect(done.code).toBe(0);
    expectTerminalSafe(done, 'done');
    expect(done.stdout).toContain('李四\\x1b[2J');
    const log = write(['log', '2', evil('进展')]);
    expect(log.code).toBe(0);
    expectTerminalSafe(log, 'log');
    expect(log.stdout).toContain('进展\\x1b[2J');
    // What was written is what was given: escaping is for display only.
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain(y(evil('进展')));
  });

  it.each([
    ['an unknown department in the plan', hostilePlan(evil).replace('[乙部, ', `[${y(evil('丙部'))}, `), ['validate']],
    ['a bad period', hostilePlan(evil).replace('period: 3-4月', `period: ${y(evil('13月'))}`), ['list']],
    ['an unknown key', hostilePlan(evil).replace('year: 2024', `year: 2024\n${y(evil('colour'))}: red`), ['list']],
    ['a completion whose recorder is hostile', hostilePlan(evil), ['done', '1']],
    ['an unknown --department', hostilePlan(evil), ['list', '--department', evil('机关')]],
    ['a bad --period', hostilePlan(evil), ['list', '--period', evil('13月')]],
    ['an unknown option', hostilePlan(evil), ['list', `--${evil('x')}`]],
  ])('error messages quoting %s', (_name, text, args) => {
    const dir = testdir({ 'plan.yaml': text });
    const r = run(['-f', 'plan.yaml', ...args, '--as-of', '2024-03-15'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^plan: /);
    expectTerminalSafe(r, args.join(' '));
    expect(r.stderr).toMatch(/\\x1b|\\u001b/);
  });

  it("yaml's warnings (which quote keys raw) never reach stderr", () => {
    const dir = testdir({ 'plan.yaml': hostilePlan(evil).replace('year: 2024', `year: 2024\n? [${y(evil('k'))}]\n: 1`) });
    const r = run(['-f', 'plan.yaml', 'validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('plan: plan.yaml:'))).toBe(true);
    expectTerminalSafe(r, 'validate');
  });

  it('an error line never breaks in two', () => {
    const dir = testdir({ 'plan.yaml': hostilePlan(() => '甲\n部') });
    const r = run(['-f', 'plan.yaml', 'list', '--department', '乙\n部\u2028', '--as-of', '2024-03-15'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('validate shows hostile file names escaped, in its report and in GitHub annotations', () => {
    const name = `${CLEAR}${RTL}.yaml`;
    const dir = testdir({ [name]: hostilePlan(evil).replace('period: 3-4月', 'period: 13月') });
    const r = run(['validate', name], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expectTerminalSafe(r, 'validate');
    expect(r.stdout).toContain('::error file=\\x1b[2J\\u202e.yaml,line=');
  });

  it('completion values with control characters are left out', () => {
    const r = plan(['__complete', 'departments']);
    expect(r).toEqual({ code: 0, stdout: '乙部\n', stderr: '' });
  });
});

describe('HTML pages escape every value and run no script', () => {
  const pages = HTML_ATTACKS.flatMap((attack) => {
    const cwd = testdir({ 'plan.yaml': hostilePlan((field) => `${field}${attack}`), 'plan2.yaml': hostilePlan2((field) => `${field}${attack}`) });
    const page = (args: string[], file = 'plan.yaml') => run(['-f', file, ...args, '--as-of', '2024-03-15'], { cwd });
    return [
      [attack, 'render', page(['render', '--format', 'html', '--with-status'])],
      [attack, 'summary', page(['summary', '--format', 'html'])],
      [attack, 'render (schema 2: own columns, category rows)', page(['render', '--format', 'html', '--with-status'], 'plan2.yaml')],
      [attack, 'summary (schema 2)', page(['summary', '--format', 'html'], 'plan2.yaml')],
      [attack, 'document', page(['document', '--format', 'html'])],
      [attack, 'document (schema 2)', page(['document', '--format', 'html'], 'plan2.yaml')],
    ] as const;
  });

  it.each(pages)('%s in %s', (attack, _command, r) => {
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(htmlProblem(html)).toBeUndefined();
    // Inside tags (the tool's own: no < from the plan survives) nothing from the plan.
    for (const [tag] of html.matchAll(/<[^>]*>/g)) expect(tag).not.toContain('alert');
    expect(html).toContain(attack.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    // The policy comes first in <head>, before anything the plan wrote.
    const head = html.slice(0, html.indexOf('<title>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  });

  it('has a policy that allows no script, plug-in, frame, base or form target', () => {
    const directives = new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    // Nothing relaxes what default-src forbids, except inline styles and data: images.
    expect([...directives.keys()].sort()).toEqual(['base-uri', 'default-src', 'form-action', 'img-src', 'style-src']);
    expect(directives.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(['data:']);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('markdown carries no raw HTML and no control characters', () => {
  const attack = `${HTML_ATTACKS.join('')}[x](javascript:alert(1))${CLEAR}${RTL}`;
  const cwd = testdir({ 'plan.yaml': hostilePlan((field) => `${field}${attack}`), 'plan2.yaml': hostilePlan2((field) => `${field}${attack}`) });

  it.each([
    [['render', '--format', 'markdown', '--with-status']],
    [['summary', '--format', 'markdown']],
    [['list', '--format', 'markdown']],
    [['-f', 'plan2.yaml', 'render', '--format', 'markdown', '--with-status']],
    [['-f', 'plan2.yaml', 'summary', '--format', 'markdown']],
    [['document', '--format', 'markdown']],
    [['-f', 'plan2.yaml', 'document', '--format', 'markdown']],
  ])('plan %j', (args) => {
    const r = run(['-f', 'plan.yaml', ...args, '--as-of', '2024-03-15'], { cwd });
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(markdownProblem(md)).toBeUndefined();
    expect(md).toContain('\\[x\\](javascript:alert(1))');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\\\x1b\\[2J\\\\u202e');
  });
});

describe('CSV and TSV cells never start a formula', () => {
  // Cells a spreadsheet would run, and ordinary ones that must stay as they are.
  const FORMULAS = ['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];
  const plan = `schemaVersion: 1
year: 2024
title: t
departments: [${FORMULAS.map(y).join(', ')}, 3-4月组, 正常]
tasks:
${FORMULAS.map((f, i) => `  - id: ${i + 1}\n    period: 3-4月\n    content: ${y(f)}\n    departments: [${y(FORMULAS[(i + 1) % FORMULAS.length]!)}, 正常]\n`).join('\n')}
  - id: 9
    period: 3 - 4 月
    content: 零下-5度时的巡查
    departments: [3-4月组]
`;
  const cwd = testdir({ 'plan.yaml': plan });

  it.each(
    ['list', 'render', 'departments', 'periods'].flatMap((command) =>
      (['csv', 'tsv'] as const).flatMap((format) => [false, ...(command === 'list' ? [] : [true])].map((toFile) => [command, format, toFile] as const)),
    ),
  )('plan %s --format %s (to a file: %s)', (command, format, toFile) => {
    const out = `${command}.${format}`;
    const r = run(['-f', 'plan.yaml', command, '--format', format, ...(toFile ? ['-o', out] : []), '--as-of', '2024-03-15'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const text = toFile ? readFileSync(join(cwd, out), 'utf8') : r.stdout;
    const all = cells(text, format);
    expect(all.filter(isFormula)).toEqual([]);
    if (command === 'periods') {
      expect(all).toContain('3-4月');
      return;
    }
    if (command !== 'departments') {
      expect(all).toContain("'=HYPERLINK(\"http://x\",\"点我\")");
      if (command === 'list') expect(all).toContain('零下-5度时的巡查');
    }
    expect(all).toContain("'@SUM(A1)");
    expect(all).toContain("'-2+3");
    expect(all).toContain(command === 'departments' ? '3-4月组' : '3-4月');
  });
});
