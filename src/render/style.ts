import type { Context } from '../context.js';
import { m } from '../messages.js';
import type { Status } from '../plan/types.js';
import { colorLevel } from './terminal.js';

/** The styles plan's output is painted with: chalk's, when there is colour. */
export interface Paint {
  bold: (text: string) => string;
  dim: (text: string) => string;
  green: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
}

const same = (text: string) => text;

/** No colour: what chalk of level 0 does, without loading chalk (most runs are piped). */
export const PLAIN: Paint = { bold: same, dim: same, green: same, red: same, yellow: same };

/** The styles of a colour level (0 = plain text); chalk is loaded only when there is colour. */
export async function painter(level: 0 | 1 | 2 | 3): Promise<Paint> {
  return level === 0 ? PLAIN : (await import('./colors.js')).makeChalk(level);
}

/** The styles for a command's standard output: coloured only as colorLevel allows. */
export function paintFor(ctx: Pick<Context, 'color' | 'stdoutIsTTY' | 'env'>): Promise<Paint> {
  return painter(colorLevel({ color: ctx.color, isTTY: ctx.stdoutIsTTY, env: ctx.env }));
}

/** A status as the terminal shows it, uncoloured: done with a ✓. */
export function statusText(status: Status): string {
  return status === 'done' ? `✓ ${m.status.done}` : m.status[status];
}

/** The colour of a status: done green, overdue red, current yellow, upcoming and cancelled dim. */
export function statusStyle(status: Status, style: Paint): (text: string) => string {
  switch (status) {
    case 'done':
      return style.green;
    case 'overdue':
      return style.red;
    case 'current':
      return style.yellow;
    case 'upcoming':
    case 'cancelled':
      return style.dim;
  }
}

/** A status as the terminal shows it, coloured. */
export function paintStatus(status: Status, style: Paint): string {
  return statusStyle(status, style)(statusText(status));
}
