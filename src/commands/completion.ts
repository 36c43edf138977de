import type { Argument, Command, Option } from 'commander';
import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { SETTABLE_KEYS } from '../plan/edits.js';
import { UNIT_FIELDS, planColumns } from '../plan/fields.js';
import type { Plan, Task } from '../plan/types.js';
import { viewTasks } from '../plan/view.js';
import { completionScript, type CompletionSpec, type OptionSpec, type PlanValues, type Shell, type Values } from '../render/completion.js';
import { hasControls } from '../render/terminal.js';
import { openPlan } from './common.js';

/** The hidden command the scripts call for values that depend on the plan. */
export const COMPLETE_COMMAND = '__complete';

const plan = (kind: string, pairs?: true): PlanValues => ({ kind: 'plan', plan: kind, ...(pairs && { pairs }) });

/**
 * What each command's task id completes to. Commands this build lacks get the entry all the
 * same (their case arm is harmless), so that scripts from an older build keep working.
 */
export const ID_ARGUMENTS: Readonly<Record<string, PlanValues>> = {
  show: plan('ids'),
  log: plan('ids'),
  edit: plan('ids'),
  remove: plan('ids'),
  history: plan('ids'),
  done: plan('open-ids'),
  cancel: plan('open-ids'),
  undo: plan('done-ids'),
  unlog: plan('logged-ids'),
};

/** What an option's value completes to, by its long flag (an option with choices lists those). */
export const OPTION_VALUES: Readonly<Record<string, Values>> = {
  '--department': plan('departments'),
  '--support': plan('departments'),
  '--period': plan('periods'),
  '--after': plan('ids'),
  '--field': plan('fields', true),
  '--unset': plan('unset-keys'),
  '--file': { kind: 'files' },
  '--output': { kind: 'files' },
  '--from': { kind: 'files' },
};

/** The keys `plan edit --unset` takes by name (content cannot be unset; see change.ts). */
export const UNSET_KEYS: readonly string[] = SETTABLE_KEYS.filter((k) => k !== 'content');

/** The annex's extra columns, by title. */
const extraTitles = (p: Plan) => planColumns(p).filter((c) => !c.key).map((c) => c.title);
const ids = (tasks: readonly Task[]) => tasks.map((t) => String(t.id));

/** `plan __complete <kind>`: the values of each kind, from the current plan. */
export const COMPLETE_KINDS: ReadonlyMap<string, (p: Plan, ctx: Context) => readonly string[]> = new Map<string, (p: Plan, ctx: Context) => readonly string[]>([
  // The registry, then any unit a task names that it lacks.
  ['departments', (p) => [...new Set([...p.departments, ...p.tasks.flatMap((t) => UNIT_FIELDS.flatMap((k) => t[k] ?? []))])]],
  ['ids', (p) => ids(p.tasks)],
  ['open-ids', (p) => ids(p.tasks.filter((t) => !t.completed && !t.cancelled))],
  ['done-ids', (p) => ids(p.tasks.filter((t) => t.completed))],
  ['logged-ids', (p) => ids(p.tasks.filter((t) => t.log?.length))],
  ['periods', (p, ctx) => [...new Set(viewTasks(p, ctx.asOf).map((t) => t.period))]],
  // `--field 标题=值` splits at the first `=`, so a title holding one cannot be set that way.
  ['fields', (p) => extraTitles(p).filter((t) => !/[=＝]/.test(t)).map((t) => `${t}=`)],
  ['unset-keys', (p) => [...new Set([...UNSET_KEYS, ...extraTitles(p)])]],
]);

export async function completion(shell: Shell, program: Command): Promise<Output> {
  return { stdout: completionScript(shell, completionSpec(program), m.completionHeader(program.name(), shell)) };
}

/** The command line as the completion scripts need it, read from the commander program itself. */
export function completionSpec(program: Command): CompletionSpec {
  const help = program.createHelp();
  const option = (o: Option): OptionSpec => ({
    flags: [o.short, o.long].filter((f): f is string => f !== undefined),
    description: o.description,
    ...((o.required || o.optional) && { values: optionValues(o) }),
    ...(o.variadic && { variadic: true }),
  });
  return {
    program: program.name(),
    helper: COMPLETE_COMMAND,
    idCommands: ID_ARGUMENTS,
    globalOptions: help.visibleOptions(program).map(option),
    commands: help.visibleCommands(program).map((c) => ({
      name: c.name(),
      description: c.description(),
      options: help.visibleOptions(c).map(option),
      ...(c.registeredArguments[0] && { args: argumentValues(c.name(), c.registeredArguments[0]) }),
    })),
  };
}

function optionValues(o: Option): Values {
  if (o.argChoices) return { kind: 'choices', choices: o.argChoices };
  return (o.long !== undefined && Object.hasOwn(OPTION_VALUES, o.long) && OPTION_VALUES[o.long]) || { kind: 'free' };
}

function argumentValues(command: string, a: Argument): Values {
  if (a.argChoices) return { kind: 'choices', choices: a.argChoices };
  if (Object.hasOwn(ID_ARGUMENTS, command)) return ID_ARGUMENTS[command]!;
  if (a.name() === 'id') return plan('ids');
  if (a.name() === 'command') return { kind: 'commands' };
  if (/^files?$/.test(a.name())) return { kind: 'files' };
  return { kind: 'free' };
}

/** `plan __complete <kind>`: one value a line from the current plan; nothing, and success, on any error. */
export async function complete(what: string | undefined, ctx: Context): Promise<Output> {
  try {
    const values = what === undefined ? undefined : COMPLETE_KINDS.get(what);
    if (!values) return {};
    const { plan: p } = await openPlan(ctx);
    // The shell shows these as they are: a value with control characters or line breaks is left out.
    return { stdout: values(p, ctx).filter((v) => !hasControls(v)).map((v) => `${v}\n`).join('') };
  } catch {
    return {};
  }
}
