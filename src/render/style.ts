import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import { m } from '../messages.js';
import type { Status } from '../plan/types.js';
import { colorLevel } from './terminal.js';

/** A chalk of the given level (0 = plain text). */
export function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}

/** The chalk for a command's standard output: coloured only as colorLevel allows. */
export function chalkFor(ctx: Pick<Context, 'color' | 'stdoutIsTTY' | 'env'>): ChalkInstance {
  return makeChalk(colorLevel({ color: ctx.color, isTTY: ctx.stdoutIsTTY, env: ctx.env }));
}

/** A status as the terminal shows it: done green with ✓, overdue red, current yellow, upcoming dim. */
export function paintStatus(status: Status, chalk: ChalkInstance): string {
  const label = m.status[status];
  switch (status) {
    case 'done':
      return chalk.green(`✓ ${label}`);
    case 'overdue':
      return chalk.red(label);
    case 'current':
      return chalk.yellow(label);
    case 'upcoming':
      return chalk.dim(label);
  }
}
