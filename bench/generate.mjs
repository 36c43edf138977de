// Generates plan files of any size in the SPEC layout, for `npm run bench` and for tests that
// compare the fast reader with `yaml` on generated plans.

const DEPARTMENTS = ['局工会', '机关工会', '女工委', '组织人事处', '办公室', '执法总队', '宣传处', '财务处'];
const PERIODS = ['1-2月', '3-4月', '5-6月', '7-8月', '9-10月', '11-12月', '全年', '第二季度', '上半年', '7月'];
const WORDS = ['组织', '职工', '慰问', '活动', '“书香城管”', '读书沙龙', '疗休养', '体检', '竞赛', '培训', '宣传', '评选', '(在职、退休职工)', '走访', '保障'];

/** A deterministic pseudo-random generator (mulberry32), so the same size gives the same plan. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plan of `n` tasks for `year`: about a tenth done, some with logs, periods cycling through
 * the canonical forms so that `--period 3-4月` selects about a tenth.
 */
export function generatePlan(n, { year = 2023, seed = n } = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const lines = [
    '# yaml-language-server: $schema=../schemas/plan.schema.json',
    'schemaVersion: 1',
    `year: ${year}`,
    `title: ${year}年生成的工作计划（${n} 项）`,
    `annexTitle: ${year}年主要工作计划表`,
    `departments: [${DEPARTMENTS.join(', ')}]`,
    '',
    'tasks:',
  ];
  for (let id = 1; id <= n; id++) {
    const words = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(WORDS)).join('');
    const deps = rnd() < 0.4 ? [pick(DEPARTMENTS), pick(DEPARTMENTS)].filter((d, i, a) => a.indexOf(d) === i) : [pick(DEPARTMENTS)];
    lines.push(`  - id: ${id}`, `    period: ${PERIODS[id % PERIODS.length]}`, `    content: 第${id}项${words}`, `    departments: [${deps.join(', ')}]`);
    if (rnd() < 0.1) lines.push('    completed:', `      date: ${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`, '      by: 张三');
    if (rnd() < 0.05) lines.push('    log:', `      - date: ${year}-03-15`, '        note: 场地已落实');
    lines.push('');
  }
  return lines.join('\n');
}
