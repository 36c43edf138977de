import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { parsePeriod } from '../../src/plan/period.js';
import { SEED_PLAN, SEED_TEXT } from '../helpers.js';

const seed = readFileSync(SEED_TEXT, 'utf8');
const { plan } = await loadPlan(SEED_PLAN);

/** The seed's annex rows: blank period cells continue the row above. */
function seedAnnex() {
  const lines = seed.split('\n');
  const header = lines.findIndex((l) => l.startsWith('序 号'));
  let period = '';
  return lines
    .slice(header + 1)
    .filter((l) => /^\d+\t/.test(l))
    .map((l) => {
      const [id, p, content, departments] = l.split('\t');
      if (p!.trim()) period = p!;
      return { id: Number(id), period, content: content!, departments: departments!.split('、') };
    });
}

describe('plans/2023.yaml is the seed document', () => {
  it('has all 25 annex tasks verbatim, periods canonical', () => {
    const annex = seedAnnex();
    expect(annex).toHaveLength(25);
    expect(plan.tasks.map((t) => ({ id: t.id, period: t.period, content: t.content, departments: t.departments }))).toEqual(
      annex.map((r) => ({ ...r, period: parsePeriod(r.period)!.label })),
    );
  });

  it('keeps the header data', () => {
    expect(plan).toMatchObject({
      schemaVersion: 2,
      year: 2023,
      title: '2023年市城管执法局工会工作计划',
      issuer: '上海市城市管理行政执法局工会委员会',
      docNumber: '沪城管工〔2023〕1号',
      issued: '2023-02-13',
      annexTitle: '2023年市城管执法局工会主要工作计划表',
      departments: ['局工会', '机关工会', '女工委', '组织人事处'],
    });
  });

  it('keeps the narrative word for word (page breaks joined)', () => {
    const parts = [plan.intro];
    for (const s of plan.sections ?? []) {
      parts.push(`${s.label}、${s.title}`);
      if (s.text) parts.push(s.text);
      for (const i of s.items ?? []) parts.push(`（${i.label}）${i.title}。${i.text}`);
    }
    const narrative = seed.slice(seed.indexOf('2023 年，是全面'), seed.indexOf('附件：')).replace(/\s*\n\s*/g, '');
    expect(parts.join('')).toBe(narrative);
    expect(plan.sections?.map((s) => s.label)).toEqual(['一', '二', '三', '四']);
  });

  it('has no completion records and tells editors where its schema is', () => {
    expect(plan.tasks.some((t) => t.completed || t.log)).toBe(false);
    expect(readFileSync(SEED_PLAN, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/plan.schema.json');
  });
});
