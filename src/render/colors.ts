import { Chalk } from 'chalk';
import type { Paint } from './style.js';

/** Chalk of a colour level; loaded by painter() only when there is colour to paint. */
export function makeChalk(level: 1 | 2 | 3): Paint {
  return new Chalk({ level });
}
