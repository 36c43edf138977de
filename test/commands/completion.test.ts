import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { COMPLETE_KINDS, ID_ARGUMENTS, OPTION_VALUES, complete, completionSpec } from '../../src/commands/completion.js';
import type { Plan } from '../../src/plan/types.js';
import { completionScript } from '../../src/render/completion.js';
import { testdir } from '../helpers.js';

const PLAN: Plan = {
  schemaVersion: 2,
  year: 2024,
  title: 't',
  departments: ['办公室', '组宣部'],
  columns: [
    { title: '序号', key: 'id' },
    { title: '工作任务', key: 'content' },
    { title: '考核要点' },
    { title: '备注' },
    { title: 'a=b' },
    { title: '完成时限', key: 'due' },
  ],
  tasks: [
    { id: 1, due: '2024.09', content: '开着', departments: ['组宣部'], support: ['财务部'] },
    { id: 2, due: '2024.09', content: '做完了', completed: { date: '2024-03-01' }, log: [{ date: '2024-02-01', note: 'n' }] },
    { id: 3, due: '2024.09', content: '取消了', cancelled: { date: '2024-03-01' } },
    { id: 4, due: '2024.09', content: '有记录', log: [{ date: '2024-02-01', note: 'n' }] },
  ],
};
const ctx = (over: Partial<Context> = {}): Context => ({ asOf: '2024-04-01', color: false, lang: 'zh', env: {}, cwd: testdir(), stdoutIsTTY: false, ...over });

describe('__complete kinds', () => {
  it.each([
    ['departments', ['办公室', '组宣部', '财务部']],
    ['ids', ['1', '2', '3', '4']],
    ['open-ids', ['1', '4']],
    ['done-ids', ['2']],
    ['logged-ids', ['2', '4']],
    ['fields', ['考核要点=', '备注=']],
    ['unset-keys', ['period', 'due', 'departments', 'support', 'owners', 'group', 'fields', '考核要点', '备注', 'a=b']],
  ])('%s', (kind, values) => {
    expect(COMPLETE_KINDS.get(kind)!(PLAN, ctx())).toEqual(values);
  });

  it('prints nothing, and succeeds, for an unknown kind, an inherited name or no plan', async () => {
    for (const kind of [undefined, 'bogus', 'constructor', '__proto__', 'toString']) expect(await complete(kind, ctx())).toEqual({});
    expect(await complete('ids', ctx())).toEqual({});
  });
});

describe('completionSpec', () => {
  const program = new Command('plan').option('-f, --file <path>');
  program.command('done').argument('<id...>').option('--date <date>');
  program.command('undo').argument('<id...>');
  program.command('unlog').argument('<id>').argument('[n]');
  program.command('cancel').argument('<id>').option('--undo');
  program.command('edit').argument('<id>').option('--field <title=value...>').option('--unset <key...>').option('--support <name...>').option('--department <name...>');
  program.command('show').argument('<id>');
  const spec = completionSpec(program);
  const command = (name: string) => spec.commands.find((c) => c.name === name)!;

  it('takes what ids complete to from one table, history included', () => {
    expect(command('done').args).toEqual({ kind: 'plan', plan: 'open-ids' });
    expect(command('cancel').args).toEqual({ kind: 'plan', plan: 'open-ids' });
    expect(command('undo').args).toEqual({ kind: 'plan', plan: 'done-ids' });
    expect(command('unlog').args).toEqual({ kind: 'plan', plan: 'logged-ids' });
    expect(command('show').args).toEqual({ kind: 'plan', plan: 'ids' });
    expect(ID_ARGUMENTS.history).toEqual({ kind: 'plan', plan: 'ids' });
    expect(spec.idCommands).toBe(ID_ARGUMENTS);
  });

  it('takes option values from one table, variadic options marked', () => {
    const options = Object.fromEntries(command('edit').options.map((o) => [o.flags.at(-1), o]));
    expect(options['--field']).toMatchObject({ values: { kind: 'plan', plan: 'fields', pairs: true }, variadic: true });
    expect(options['--unset']).toMatchObject({ values: { kind: 'plan', plan: 'unset-keys' }, variadic: true });
    expect(options['--support']!.values).toEqual(OPTION_VALUES['--department']);
    expect(command('done').options[0]).toEqual({ flags: ['--date'], description: '', values: { kind: 'free' } });
    expect(spec.globalOptions[0]!.values).toEqual({ kind: 'files' });
  });

  it('writes the hooks into each script', () => {
    const bash = completionScript('bash', spec, 'h');
    expect(bash).toContain(`'done'|'cancel') _plan_dynamic "$cur" 'open-ids' ;;`);
    expect(bash).toContain(`'undo') _plan_dynamic "$cur" 'done-ids' ;;`);
    expect(bash).toContain(`'unlog') _plan_dynamic "$cur" 'logged-ids' ;;`);
    expect(bash).toContain(`'edit'|'show'|'log'|'remove'|'history') _plan_dynamic "$cur" 'ids' ;;`);
    expect(bash).toContain(`"edit --field") compopt -o nospace 2>/dev/null; _plan_dynamic "$cur" 'fields'; return ;;`);
    expect(bash).toContain(`"edit --unset") _plan_dynamic "$cur" 'unset-keys'; return ;;`);
    expect(bash).toContain(`"edit --support") _plan_dynamic "$cur" 'departments'; return ;;`);
    expect(bash).toContain(`"edit --field"|"edit --unset"|"edit --support"|"edit --department") prev=`);

    const zsh = completionScript('zsh', spec, 'h');
    expect(zsh).toContain(`('done'|'cancel') compadd -- \${(f)"$(_plan_values 'open-ids')"} ;;`);
    expect(zsh).toContain(`("edit --field") [[ $cur == *=* ]] || compadd -S '' -- \${(f)"$(_plan_values 'fields')"}; return ;;`);
    expect(zsh).toContain(`("edit --unset") compadd -- \${(f)"$(_plan_values 'unset-keys')"}; return ;;`);

    const fish = completionScript('fish', spec, 'h');
    expect(fish).toContain(`complete -c plan -n '__plan_using done cancel' -a '(__plan_values open-ids)'`);
    expect(fish).toContain(`complete -c plan -n '__plan_using undo' -a '(__plan_values done-ids)'`);
    expect(fish).toContain(`complete -c plan -n '__plan_using unlog' -a '(__plan_values logged-ids)'`);
    expect(fish).toContain(`complete -c plan -n '__plan_using edit' -l field -x -a '(__plan_pairs fields)'`);
    expect(fish).toContain(`complete -c plan -n '__plan_using edit; and __plan_variadic --unset' -a '(__plan_values unset-keys)'`);
    expect(fish).toContain(`complete -c plan -n '__plan_using edit show log remove history; and not __plan_variadic --field --unset --support --department' -a '(__plan_values ids)'`);
  });
});
