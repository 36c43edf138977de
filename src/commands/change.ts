import type { Context, Output } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import { updatePlanFile } from '../io/save.js';
import { m } from '../messages.js';
import { applyEdit, type Change, type SettableKey, type TaskEdit } from '../plan/edits.js';
import { NAME_SEPARATOR, planColumns } from '../plan/fields.js';
import { suggest } from '../plan/suggest.js';
import { adjustmentNote, changeNote, keyEdits, nextId, splitNames, type KeyChanges } from '../plan/task-change.js';
import { isTime, parseTime } from '../plan/time.js';
import type { Plan, Task } from '../plan/types.js';
import { viewTask } from '../plan/view.js';
import { escapeControls } from '../render/terminal.js';
import { checkDepartment, oneTask, planFile } from './common.js';
import { committer, report, subject, type WriteOptions } from './write.js';

// The commands that change what a task is: add, edit, remove.

/** The task keys as the options give them (lists may repeat and hold several names). */
export interface TaskOptions {
  content?: string;
  period?: string;
  due?: string;
  department?: string[];
  support?: string[];
  owner?: string[];
  group?: string;
  field?: string[];
  /** Add units not in the registry to it, rather than refuse them. */
  newDepartment?: boolean;
}

export interface AddOptions extends TaskOptions, WriteOptions {
  id?: number;
  after?: number;
}

/** `plan add`: a new task, in the file's own layout, after the last task (or `--after ID`). */
export async function add(opts: AddOptions, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  let registered: string[] = [];
  const update = await updatePlanFile(
    file,
    (plan): Change => {
      const input = taskInput(file, plan, opts);
      registered = input.register;
      const { period, due, departments, support, owners, group, fields } = input.changes;
      if (!input.changes.content) throw usageError(m.change.emptyContent);
      if (!period && !due) throw usageError(m.change.needsTime(plan.schemaVersion));
      if (plan.schemaVersion === 1 && !departments?.length) throw usageError(m.change.needsDepartment);
      const id = opts.id ?? nextId(plan);
      if (plan.tasks.some((t) => t.id === id)) throw new PlanError(m.change.idTaken(file, id));
      const task: Task = {
        id,
        ...(period && { period }),
        ...(due && { due }),
        content: input.changes.content,
        ...(departments?.length && { departments }),
        ...(support?.length && { support }),
        ...(owners?.length && { owners }),
        ...(group && { group }),
        ...(fields && Object.values(fields).some(Boolean) && { fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) }),
      };
      const after = opts.after === undefined ? plan.tasks.length - 1 : oneTask(file, plan, opts.after);
      return { edits: [{ index: after, op: 'insert', task }], register: registered };
    },
    committer(file, opts, ctx, (u) => m.commitMessage.add(u.tasks[0]!.id, subject(u.tasks[0]!.content))),
  );
  const task = update.tasks[0]!;
  return withNotes(report(update, opts.format, ctx, m.change.added(task.id, escapeControls(task.content))), registered, opts.format);
}

export interface EditOptions extends TaskOptions, WriteOptions {
  unset?: string[];
  note?: string;
  date?: string;
}

/**
 * `plan edit <id>`: changes only the keys given (their lines; the rest of the task stays byte
 * for byte). A moved period or due leaves a dated log entry `计划时间由A调整为B`, with `--note`
 * as the reason, as offices report adjustments in the yearly summary.
 */
export async function edit(id: number, opts: EditOptions, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  let registered: string[] = [];
  let keys: SettableKey[] = [];
  let logged: string | undefined;
  const update = await updatePlanFile(
    file,
    (plan): Change => {
      const index = oneTask(file, plan, id);
      const task = plan.tasks[index]!;
      const input = taskInput(file, plan, opts);
      registered = input.register;
      const changes: KeyChanges = { ...input.changes, ...unsetKeys(file, plan, task, opts.unset ?? [], input.changes.fields) };
      if (Object.keys(changes).length === 0) throw usageError(m.change.noChanges);
      if (input.changes.content === '') throw usageError(m.change.emptyContent);
      const edits = keyEdits(task, index, changes);
      const result = edits.reduce(applyEdit, task);
      if (!result.period && !result.due) throw usageError(m.change.unsetNeedsTime);
      if (plan.schemaVersion === 1 && !result.departments?.length) throw usageError(m.change.needsDepartment);
      keys = edits.map((e) => (e as { key: SettableKey }).key);
      if (!edits.length) return { edits: [], register: registered };
      const times = (['period', 'due'] as const).filter((k) => keys.includes(k));
      const note = times.length ? times.map((k) => adjustmentNote(k, task[k], result[k], opts.note)).join('；') : opts.note?.trim() ? changeNote(keys, opts.note) : undefined;
      logged = note;
      const log: TaskEdit[] = note ? [{ index, op: 'log', entry: { date: opts.date ?? ctx.asOf, note } }] : [];
      return { edits: [...edits, ...log], register: registered };
    },
    committer(file, opts, ctx, (u) => m.commitMessage.edit(id, keys.map((k) => m.change.keyName[k]!), subject(u.tasks[0]!.content))),
  );
  if (!keys.length) return withNotes({ stdout: `${m.change.nothingToChange(id)}\n` }, registered, opts.format);
  const out = report({ ...update, tasks: update.tasks.slice(0, 1) }, opts.format, ctx, m.change.edited(id, keys.map((k) => m.change.keyName[k]!)));
  const withLog = logged && opts.format === 'text' ? { ...out, stdout: `${out.stdout}${m.recordedLog(id, opts.date ?? ctx.asOf, escapeControls(logged))}\n` } : out;
  return withNotes(withLog, registered, opts.format);
}

/** `plan remove <id>`: removes a task's block; one with records only with --force. */
export async function remove(id: number, opts: WriteOptions & { force?: boolean }, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  const update = await updatePlanFile(
    file,
    (plan) => {
      const index = oneTask(file, plan, id);
      const task = plan.tasks[index]!;
      const records = [
        ...(task.completed ? [m.change.records.completed] : []),
        ...(task.cancelled ? [m.change.records.cancelled] : []),
        ...(task.log?.length ? [m.change.records.log(task.log.length)] : []),
      ];
      if (records.length && !opts.force) throw new PlanError(m.change.hasRecords(file, id, m.list(records)));
      return [{ index, op: 'remove' }];
    },
    committer(file, opts, ctx, (u) => m.commitMessage.remove(id, subject(u.tasks[0]!.content))),
  );
  const view = viewTask(update.tasks[0]!, update.year, ctx.asOf);
  const units = escapeControls(view.departments.join(NAME_SEPARATOR));
  return report(update, opts.format, ctx, m.change.removed(id, escapeControls(view.content), escapeControls(view.period), units));
}

/** The task keys the options give, checked against the plan, and the units to add to its registry. */
function taskInput(file: string, plan: Plan, opts: TaskOptions): { changes: KeyChanges & { content?: string }; register: string[] } {
  const v2 = (option: string) => {
    if (plan.schemaVersion === 1) throw new PlanError(m.change.needsSchema2(file, option));
  };
  const register: string[] = [];
  const units = (option: string, values: string[] | undefined) => {
    const names = splitNames(values);
    for (const name of names ?? []) {
      if (plan.departments.includes(name) || register.includes(name)) continue;
      if (!opts.newDepartment) checkDepartment(plan, name);
      register.push(name);
    }
    return names;
  };
  const changes: KeyChanges & { content?: string } = {};
  if (opts.content !== undefined) changes.content = opts.content.trim();
  if (opts.period !== undefined) changes.period = timeLabel('--period', opts.period, plan.year, 'period');
  if (opts.due !== undefined) {
    v2('--due');
    changes.due = timeLabel('--due', opts.due, plan.year, 'due');
  }
  if (opts.department !== undefined) changes.departments = units('--department', opts.department)!;
  if (opts.support !== undefined) {
    v2('--support');
    changes.support = units('--support', opts.support)!;
  }
  if (opts.owner !== undefined) {
    v2('--owner');
    changes.owners = splitNames(opts.owner)!;
  }
  if (opts.group !== undefined) {
    v2('--group');
    changes.group = opts.group.trim();
  }
  if (opts.field !== undefined) {
    v2('--field');
    changes.fields = fieldValues(plan, opts.field);
  }
  // An empty list or text given is the key removed.
  for (const key of ['departments', 'support', 'owners', 'group'] as const) {
    const value = changes[key];
    if (value !== undefined && value !== null && value.length === 0) changes[key] = null;
  }
  return { changes, register };
}

/** A time option's canonical label in the plan's year; exit 2 naming the accepted forms. */
function timeLabel(option: string, value: string, year: number, role: 'period' | 'due'): string {
  const time = parseTime(value, year, role);
  if (isTime(time)) return time.label;
  throw usageError(time.problem === 'otherYear' ? m.periodOtherYear(option, value, year) : m.badPeriod(option, value));
}

/** The extra columns' titles of a plan (what `--field` and `--unset` may name). */
const extraTitles = (plan: Plan) => planColumns(plan).filter((c) => !c.key).map((c) => c.title);

function unknownField(plan: Plan, title: string): PlanError {
  const known = extraTitles(plan);
  const hint = suggest(title, known);
  return usageError(m.change.unknownField(title, known, hint ? m.didYouMean(hint) : ''));
}

/** `--field 标题=值` pairs as the task's fields (an empty value is the field removed, marked by ''). */
function fieldValues(plan: Plan, pairs: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.search(/[=＝]/);
    const title = pair.slice(0, at).trim();
    if (at < 1 || !title) throw usageError(m.change.badField(pair));
    if (!extraTitles(plan).includes(title)) throw unknownField(plan, title);
    fields[title] = pair.slice(at + 1).trim();
  }
  return fields;
}

const UNSETTABLE: readonly SettableKey[] = ['period', 'due', 'departments', 'support', 'owners', 'group', 'fields'];

/**
 * The keys `--unset` removes, merged with the fields `--field` sets: a key name, or an extra
 * column's title (that one field). A task's fields are set as a whole, the others kept.
 */
function unsetKeys(file: string, plan: Plan, task: Task, names: readonly string[], setFields: Record<string, string> | null | undefined): KeyChanges {
  const changes: KeyChanges = {};
  let fields: Record<string, string> | undefined = setFields ? { ...task.fields, ...setFields } : undefined;
  for (const name of names.map((n) => n.trim())) {
    if ((UNSETTABLE as readonly string[]).includes(name)) {
      if (name !== 'period' && plan.schemaVersion === 1) throw new PlanError(m.change.needsSchema2(file, `--unset ${name}`));
      if (name === 'fields') fields = {};
      else changes[name as SettableKey] = null;
    } else if (extraTitles(plan).includes(name)) {
      fields = { ...(fields ?? task.fields) };
      delete fields[name];
    } else {
      const hint = suggest(name, [...UNSETTABLE, ...extraTitles(plan)]);
      throw usageError(m.change.badUnset(name, UNSETTABLE, hint ? m.didYouMean(hint) : ''));
    }
  }
  if (fields !== undefined) {
    const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
    changes.fields = Object.keys(kept).length ? kept : null;
  }
  return changes;
}

/** A line saying which units were added to the registry (text format only). */
function withNotes(out: Output, registered: readonly string[], format: string): Output {
  if (!registered.length || format !== 'text') return out;
  return { ...out, stdout: `${out.stdout ?? ''}${m.change.registered(registered.map(escapeControls))}\n` };
}
