import { yamlScalar } from '../src/io/yaml-text.js';
import type { Completion } from '../src/plan/types.js';

/**
 * A plan's text with `completed` blocks written by hand at the end of the given tasks' blocks,
 * as `plan done` will write them (text through yamlScalar, so any text is safe).
 */
export function withCompletions(planText: string, records: Record<number, Completion>): string {
  const lines = planText.split('\n');
  for (const [id, record] of Object.entries(records)) {
    const start = lines.findIndex((l) => l === `  - id: ${id}`);
    if (start < 0) throw new Error(`no task ${id} in the plan`);
    let end = start + 1;
    while (end < lines.length && lines[end]!.startsWith('    ')) end++;
    const block = [
      '    completed:',
      `      date: ${record.date}`,
      ...(record.by !== undefined ? [`      by: ${yamlScalar(record.by)}`] : []),
      ...(record.note !== undefined ? [`      note: ${yamlScalar(record.note)}`] : []),
    ];
    lines.splice(end, 0, ...block);
  }
  return lines.join('\n');
}

/** The hand-made completions of the README's sample summary of plans/2023.yaml. */
export const README_COMPLETIONS: Record<number, Completion> = {
  1: { date: '2023-01-18', by: '局工会', note: '走访一线中队 12 个' },
  2: { date: '2023-01-16', by: '机关工会' },
  3: { date: '2023-02-03' },
  4: { date: '2023-02-24', by: '局工会', note: '预决算已报市建设交通工会' },
  5: { date: '2023-03-08', by: '女工委' },
  7: { date: '2023-04-20', by: '张三', note: '首期读书沙龙' },
  9: { date: '2023-06-01' },
};
