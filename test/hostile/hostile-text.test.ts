// Hostile text in a valid plan reaches no terminal, page or spreadsheet as code, whatever the
// text and whichever command shows it: the property behind injection.test.ts's examples.
import { afterAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers.js';
import { cells, htmlProblem, isFormula, markdownProblem, terminalUnsafe } from './checks.js';
import { EVERY_COMMAND, forEachPlanFile, runChecked } from './in-process.js';
import { counter, hostilePlanText, runs } from './mutate.js';

const { count, report } = counter();
afterAll(report);

/** What is wrong with a command's output for hostile text, if anything. */
function outputProblem(args: string[], r: RunResult): string | undefined {
  const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : undefined;
  const unsafeErr = terminalUnsafe(r.stderr);
  if (unsafeErr) return `stderr carries ${JSON.stringify(unsafeErr)}`;
  if (r.code !== 0) return undefined;
  if (format === 'html') return htmlProblem(r.stdout);
  if (format === 'markdown') return markdownProblem(r.stdout);
  if (format === 'csv' || format === 'tsv') return cells(r.stdout, format).find(isFormula);
  if (format === 'json') return (JSON.parse(r.stdout), terminalUnsafe(r.stdout));
  if (args[0] === 'export') return undefined; // a calendar file: its own escaping (ics.test.ts)
  // Terminal text: tables, show, summary text, the done/undo/log lines.
  const unsafe = terminalUnsafe(r.stdout);
  return unsafe && `stdout carries ${JSON.stringify(unsafe)}`;
}

describe('hostile text', () => {
  it('reaches no terminal, page or spreadsheet as code, through every command, also with FORCE_COLOR=1', async () => {
    let plans = 0;
    let outputs = 0;
    await forEachPlanFile(hostilePlanText, runs(30), async (file, text) => {
      count('hostile plans');
      plans++;
      for (const args of EVERY_COMMAND) {
        const r = await runChecked(file, args, text, { FORCE_COLOR: '1' });
        if (r.code === 0) outputs++;
        const problem = outputProblem(args, r);
        if (problem) throw new Error(`plan ${args.join(' ')}: ${problem}\ninput: ${JSON.stringify(text)}\noutput: ${JSON.stringify(r.stdout.slice(0, 2000))}`);
      }
    });
    // Every plan was tried, and most commands succeeded on them, so that their output was checked.
    expect(plans).toBe(runs(30));
    expect(outputs).toBeGreaterThan((runs(30) * EVERY_COMMAND.length) / 2);
  }, 3_600_000);
});
