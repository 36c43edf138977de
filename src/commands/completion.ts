import type { Argument, Command, Option } from 'commander';
import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { viewTasks } from '../plan/view.js';
import { completionScript, type CompletionSpec, type OptionSpec, type Shell, type Values } from '../render/completion.js';
import { hasControls } from '../render/terminal.js';
import { openPlan } from './common.js';

/** The hidden command the scripts call for values that depend on the plan. */
export const COMPLETE_COMMAND = '__complete';
// Commands that take task ids; done/undo/log complete ids even in a build that lacks them.
const ID_COMMANDS = ['show', 'done', 'undo', 'log'];
const FILE_OPTIONS = ['--file', '--output', '--from'];

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
  });
  return {
    program: program.name(),
    helper: COMPLETE_COMMAND,
    idCommands: ID_COMMANDS,
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
  if (o.long === '--department') return { kind: 'plan', plan: 'departments' };
  if (o.long === '--period') return { kind: 'plan', plan: 'periods' };
  if (o.long !== undefined && FILE_OPTIONS.includes(o.long)) return { kind: 'files' };
  return { kind: 'free' };
}

function argumentValues(command: string, a: Argument): Values {
  if (a.argChoices) return { kind: 'choices', choices: a.argChoices };
  if (ID_COMMANDS.includes(command) || a.name() === 'id') return { kind: 'plan', plan: 'ids' };
  if (a.name() === 'command') return { kind: 'commands' };
  if (/^files?$/.test(a.name())) return { kind: 'files' };
  return { kind: 'free' };
}

/** `plan __complete departments|ids|periods`: one value a line from the current plan; nothing, and success, on any error. */
export async function complete(what: string | undefined, ctx: Context): Promise<Output> {
  try {
    const { plan } = await openPlan(ctx);
    const values =
      what === 'departments' ? plan.departments
      : what === 'ids' ? plan.tasks.map((t) => String(t.id))
      : what === 'periods' ? [...new Set(viewTasks(plan, ctx.asOf).map((t) => t.period))]
      : [];
    // The shell shows these as they are: a value with control characters or line breaks is left out.
    return { stdout: values.filter((v) => !hasControls(v)).map((v) => `${v}\n`).join('') };
  } catch {
    return {};
  }
}
