import { m } from '../messages.js';
import { percent, type Counts, type Summary } from '../plan/summary.js';
import type { Grid } from './grid.js';
import { columnTitle, listGrid } from './tasks.js';

/** The summary's tables, shared by the text, markdown and HTML renderers. */
export interface SummaryGrids {
  /** One row: total, done, overdue, current, upcoming, cancelled (when any), completion rate. */
  figures: Grid;
  byPeriod: Grid;
  byDepartment: Grid;
  overdue: Grid;
  completions: Grid;
  cancellations: Grid;
  /** Progress notes: date, task id, content, note. */
  progress: Grid;
}

/** A group's tally with the name it is shown under. */
export type LabelledTally = Counts & { label: string };

/** The tallies by period and by department, each labelled with its period or department. */
export function labelledTallies(s: Summary): { byPeriod: LabelledTally[]; byDepartment: LabelledTally[] } {
  return {
    byPeriod: s.byPeriod.map((t) => ({ ...t, label: t.period })),
    byDepartment: s.byDepartment.map((t) => ({ ...t, label: t.department })),
  };
}

/** The summary as tables; `progress` writes a group's progress cell (a bar, or a bare percentage). */
export function summaryGrids(s: Summary, progress: (t: Counts) => string): SummaryGrids {
  const f = m.summary.figures;
  const c = m.summary.columns;
  const groups = labelledTallies(s);
  const tallies = (label: string, rows: LabelledTally[]): Grid => ({
    columns: [label, c.tasks, f.done, f.overdue, c.progress],
    rows: rows.map((t) => [t.label, String(t.total), String(t.done), String(t.overdue), progress(t)]),
    rightAligned: [1, 2, 3],
  });
  return {
    figures: {
      // A plan without cancelled tasks (every schema 1 plan) shows no column for them.
      columns: [f.total, f.done, f.overdue, f.current, f.upcoming, ...(s.cancelled ? [f.cancelled] : []), f.rate],
      rows: [[...[s.total, s.done, s.overdue, s.current, s.upcoming, ...(s.cancelled ? [s.cancelled] : [])].map(String), progress(s)]],
      rightAligned: s.cancelled ? [0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4],
    },
    byPeriod: tallies(columnTitle('period'), groups.byPeriod),
    byDepartment: tallies(c.department, groups.byDepartment),
    overdue: listGrid(s.overdueTasks, {}),
    completions: {
      columns: [c.date, columnTitle('id'), columnTitle('content'), c.by, c.note],
      rows: s.completions.map(({ task, completed }) => [completed.date, String(task.id), task.content, completed.by ?? '', completed.note ?? '']),
      rightAligned: [1],
    },
    cancellations: {
      columns: [c.cancelledDate, columnTitle('id'), columnTitle('content'), c.reason],
      rows: s.cancellations.map(({ task, cancelled }) => [cancelled.date, String(task.id), task.content, cancelled.reason ?? '']),
      rightAligned: [1],
    },
    progress: {
      columns: [m.summary.progressColumns.date, columnTitle('id'), columnTitle('content'), m.summary.progressColumns.note],
      rows: s.progress.map(({ task, entry }) => [entry.date, String(task.id), task.content, entry.note]),
      rightAligned: [1],
    },
  };
}

/** `40%`: the whole-number share of done tasks. */
export function percentText(t: Counts): string {
  return `${percent(t)}%`;
}

/** `████░░░░░░ 40%`: a bar of `width` cells filled as the displayed percentage, then that percentage. */
export function progressBar(t: Counts, width = 10): string {
  const pct = percent(t);
  const filled = Math.round((pct * width) / 100);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${pct}%`;
}
