// Command-line wiring only: commands, options, help text and examples. Each action loads its
// command module lazily, runs it, and hands the output to `emit`; errors become exit codes here.
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { STATUS_FILTERS, choiceArg, parseDateArg, parseEntryArg, parseMonthArg, parsePeriodArg, parseTaskId, parseYearArg } from './args.js';
import type { Context, Output } from './context.js';
import { isPlanError } from './errors.js';
import { stdoutIsTTY, writeStdout } from './io/stdout.js';
import { detectLanguage, m, setLanguage, type Lang } from './messages.js';
import { today } from './plan/dates.js';
import { suggest } from './plan/suggest.js';
import { displayWidth, escapeControls, escapeLine, wrapDisplay } from './render/terminal.js';
import { AGENDA_FORMATS, DOCUMENT_FORMATS, EXPORT_FORMATS, HISTORY_FORMATS, LIST_FORMATS, RECORD_FORMATS, RENDER_FORMATS, SHOW_FORMATS, SUMMARY_FORMATS, VALIDATE_FORMATS } from './formats.js';
import pkg from '../package.json';

const LANGS: readonly Lang[] = ['zh', 'en'];

/** Variadic task ids, each checked as it is parsed. */
const collectIds = (value: string, previous: number[] | undefined) => [...(previous ?? []), parseTaskId(value)];
const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Runs the CLI on `argv` (as process.argv) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const lang = preScanLanguage(argv.slice(2), io.env);
  setLanguage(lang);
  const program = buildProgram(io, lang);
  // The command being parsed, so that an unknown option is matched against its options only.
  let active: Command = program;
  program.hook('preSubcommand', (_program, sub) => void (active = sub));
  try {
    await program.parseAsync(argv);
    return io.exitCode;
  } catch (e) {
    return reportError(e, io, program, active);
  }
}

/** Where the CLI reads and writes; tests may pass their own. */
export interface Io {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY: boolean;
  columns: number | undefined;
  out: (s: string | Uint8Array) => void;
  err: (s: string) => void;
  exitCode: number;
}

function processIo(): Io {
  const tty = stdoutIsTTY();
  return {
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: tty,
    columns: tty ? process.stdout.columns : undefined,
    // A closed pipe (`plan list | head -1`) is not an error worth a message.
    out: tty ? (s) => void process.stdout.on('error', () => {}).write(s) : writeStdout,
    err: (s) => void process.stderr.write(s),
    exitCode: 0,
  };
}

function buildProgram(io: Io, lang: Lang): Command {
  const h = m.help;
  const f = h.names;
  const program = new Command('plan')
    .description(h.description)
    .version(pkg.version, '-V, --version', h.version)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand('help [command]', h.helpCommand)
    .option('-f, --file <path>', h.file)
    .option('--as-of <date>', h.asOf, parseDateArg('--as-of'))
    .option('--no-color', h.noColor)
    .addOption(choiceOption('--lang <lang>', h.lang, LANGS))
    .configureHelp(helpConfig())
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: () => {}, // reported by reportError, in the user's language
      getOutHelpWidth: () => io.columns ?? 80,
    })
    .showSuggestionAfterError(false)
    .exitOverride();
  program.addHelpText('after', examples([
    'plan list --period 3-4月',
    'plan list --department 女工委 --status open',
    'plan show 7',
    'plan done 7 --note "首期读书沙龙已举办"',
    'plan render --format markdown',
    'plan summary --format markdown',
    'plan validate plans/*.yaml',
    'plan init 2024 --from plans/2023.yaml',
    `plan export --format ics -o ${f.calendar}.ics`,
  ]));

  const context = (cmd: Command): Context => {
    const g = cmd.optsWithGlobals<{ file?: string; asOf?: string; color: boolean; lang?: Lang }>();
    return {
      ...(g.file !== undefined && { file: g.file }),
      asOf: g.asOf ?? today(),
      color: g.color,
      lang,
      env: io.env,
      cwd: io.cwd,
      stdoutIsTTY: io.stdoutIsTTY,
      ...(io.columns && { columns: io.columns }),
    };
  };
  const emit = (output: Output) => {
    if (output.stdout) io.out(output.stdout);
    for (const line of output.stderr ?? []) io.err(`plan: ${escapeLine(line)}\n`);
    io.exitCode = output.exitCode ?? 0;
  };
  const command = (name: string, summary: string, lines: string[]) =>
    program
      .command(name)
      .description(summary)
      .helpOption('-h, --help', h.helpOption)
      .configureHelp(helpConfig())
      .addHelpText('after', examples(lines));

  command('list', h.list.summary, [
    'plan list --period 3-4月',
    'plan list --month 4',
    'plan list --department 组织人事处 --format json',
    'plan list --status overdue --as-of 2023-07-01',
  ])
    .option('--period <period>', h.list.period, parsePeriodArg)
    .option('--month <month>', h.list.month, parseMonthArg)
    .option('--department <name>', h.list.department)
    .addOption(choiceOption('--status <status>', h.list.status, STATUS_FILTERS))
    .addOption(formatOption(LIST_FORMATS, 'table'))
    .action(async (opts, cmd: Command) => {
      const { list } = await import('./commands/list.js');
      emit(await list(opts, context(cmd)));
    });

  command('show', h.show.summary, ['plan show 7', 'plan show 7 --format json'])
    .argument('<id>', h.show.id, parseTaskId)
    .addOption(formatOption(SHOW_FORMATS, 'text'))
    .action(async (id: number, opts, cmd: Command) => {
      const { show } = await import('./commands/show.js');
      emit(await show(id, opts, context(cmd)));
    });

  command('render', h.render.summary, [
    'plan render',
    `plan render --format markdown > ${f.annex}.md`,
    `plan render --format html -o ${f.annex}.html`,
    `plan render --format xlsx -o ${f.annex}.xlsx`,
    `plan render --format docx -o ${f.annex}.docx`,
    'plan render --format tsv --with-status',
  ])
    .addOption(formatOption(RENDER_FORMATS, 'table'))
    .option('--with-status', h.render.withStatus, false)
    .option('-o, --output <file>', h.render.output)
    .action(async (opts, cmd: Command) => {
      const { render } = await import('./commands/render.js');
      emit(await render(opts, context(cmd)));
    });

  command('done', h.done.summary, [
    'plan done 7',
    'plan done 7 --note "首期读书沙龙已举办"',
    'plan done 1 2 3 --date 2023-02-20 --by 张三',
    'plan done 7 --force --date 2023-04-28',
  ])
    .argument('<id...>', h.done.ids, collectIds)
    .option('--date <date>', h.done.date, parseDateArg('--date'))
    .option('--by <name>', h.done.by)
    .option('--note <text>', h.done.note)
    .option('--force', h.done.force, false)
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (ids: number[], opts, cmd: Command) => {
      const { done } = await import('./commands/record.js');
      emit(await done(ids, opts, context(cmd)));
    });

  command('undo', h.undo.summary, ['plan undo 7', 'plan undo 1 2 3'])
    .argument('<id...>', h.undo.ids, collectIds)
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (ids: number[], opts, cmd: Command) => {
      const { undo } = await import('./commands/record.js');
      emit(await undo(ids, opts, context(cmd)));
    });

  command('log', h.log.summary, ['plan log 22 "第一季度竞赛已启动"', 'plan log 22 "评比结果已公示" --date 2023-06-30'])
    .argument('<id>', h.show.id, parseTaskId)
    .argument('<note>', h.log.note)
    .option('--date <date>', h.log.date, parseDateArg('--date'))
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (id: number, note: string, opts, cmd: Command) => {
      const { log } = await import('./commands/record.js');
      emit(await log(id, note, opts, context(cmd)));
    });

  command('unlog', h.unlog.summary, ['plan unlog 22', 'plan unlog 22 1'])
    .argument('<id>', h.show.id, parseTaskId)
    .argument('[n]', h.unlog.n, parseEntryArg)
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (id: number, n: number | undefined, opts, cmd: Command) => {
      const { unlog } = await import('./commands/record.js');
      emit(await unlog(id, n, opts, context(cmd)));
    });

  const taskOptions = (c: Command) =>
    c
      .option('--content <text>', h.add.content)
      .option('--period <period>', h.add.period, parsePeriodArg)
      .option('--due <due>', h.add.due)
      .option('--department <name...>', h.add.department)
      .option('--support <name...>', h.add.support)
      .option('--owner <name...>', h.add.owner)
      .option('--group <title>', h.add.group)
      .option('--field <title=value...>', h.add.field)
      .option('--new-department', h.add.newDepartment);

  taskOptions(
    command('add', h.add.summary, [
      'plan add --content "职工书法比赛" --period 5月 --department 机关工会',
      'plan add --content "“书香城管”读书沙龙（第二期）" --period 9-10月 --department 局工会 机关工会 --after 7',
      'plan add --content "完成年度职工技能竞赛" --due 2024.09 --department 组宣部 --support 财务部 --owner 王敏',
      'plan add --content "心理健康讲座" --period 6月 --department 心理服务中心 --new-department --commit',
    ]),
  )
    .option('--id <n>', h.add.id, parseTaskId)
    .option('--after <id>', h.add.after, parseTaskId)
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (opts, cmd: Command) => {
      const { add } = await import('./commands/change.js');
      emit(await add(opts, context(cmd)));
    });

  taskOptions(
    command('edit', h.edit.summary, [
      'plan edit 12 --period 9-10月 --note "因场地调整"',
      'plan edit 7 --content "“书香城管”读书沙龙（全年四期）"',
      'plan edit 3 --department 局工会 组织人事处',
      'plan edit 5 --field 考核要点=参赛职工不少于200人 --unset owners',
    ]).argument('<id>', h.show.id, parseTaskId),
  )
    .option('--unset <key...>', h.edit.unset)
    .option('--note <text>', h.edit.note)
    .option('--date <date>', h.edit.date, parseDateArg('--date'))
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (id: number, opts, cmd: Command) => {
      const { edit } = await import('./commands/change.js');
      emit(await edit(id, opts, context(cmd)));
    });

  command('cancel', h.cancel.summary, ['plan cancel 9 --reason "上级通知取消"', 'plan cancel 9 --reason "并入第10项" --date 2024-06-01', 'plan cancel 9 --undo'])
    .argument('<id>', h.show.id, parseTaskId)
    .option('--reason <text>', h.cancel.reason)
    .option('--date <date>', h.cancel.date, parseDateArg('--date'))
    .option('--undo', h.cancel.undo, false)
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (id: number, opts, cmd: Command) => {
      const { cancel } = await import('./commands/record.js');
      emit(await cancel(id, opts, context(cmd)));
    });

  command('remove', h.remove.summary, ['plan remove 26', 'plan remove 9 --force'])
    .argument('<id>', h.show.id, parseTaskId)
    .option('--force', h.remove.force, false)
    .addOption(commitOption())
    .addOption(formatOption(RECORD_FORMATS, 'text'))
    .action(async (id: number, opts, cmd: Command) => {
      const { remove } = await import('./commands/change.js');
      emit(await remove(id, opts, context(cmd)));
    });

  command('history', h.history.summary, ['plan history 7', 'plan history', 'plan history --limit 20 --format markdown >> "$GITHUB_STEP_SUMMARY"'])
    .argument('[id]', h.history.id, parseTaskId)
    .option('--limit <n>', h.history.limit)
    .addOption(formatOption(HISTORY_FORMATS, 'table'))
    .action(async (id: number | undefined, opts, cmd: Command) => {
      const { history } = await import('./commands/history.js');
      emit(await history(id, opts, context(cmd)));
    });

  command('serve', h.serve.summary, ['plan serve', 'plan serve --port 0 --open', 'plan serve --host 0.0.0.0 --token "$PLAN_SERVE_TOKEN" --commit'])
    .option('--port <n>', h.serve.port, '8080')
    .option('--host <address>', h.serve.host, '127.0.0.1')
    .option('--open', h.serve.open, false)
    .option('--token <token>', h.serve.token)
    .addOption(commitOption())
    .action(async (opts, cmd: Command) => {
      const { serve } = await import('./commands/serve.js');
      const g = cmd.optsWithGlobals<{ asOf?: string; lang?: Lang }>();
      emit(await serve({ ...opts, ...(g.lang && { lang: g.lang }), ...(g.asOf && { asOf: g.asOf }) }, context(cmd), { out: (s) => io.out(s) }));
    });

  command('agenda', h.agenda.summary, ['plan agenda', 'plan agenda --days 14 --department 女工委', 'plan agenda --format markdown >> "$GITHUB_STEP_SUMMARY"'])
    .option('--days <n>', h.agenda.days, '30')
    .option('--department <name>', h.list.department)
    .addOption(formatOption(AGENDA_FORMATS, 'table'))
    .action(async (opts, cmd: Command) => {
      const { agenda } = await import('./commands/agenda.js');
      emit(await agenda(opts, context(cmd)));
    });

  command('summary', h.summary.summary, [
    'plan summary',
    'plan summary --as-of 2023-12-31',
    'plan summary --format markdown >> "$GITHUB_STEP_SUMMARY"',
    'plan summary --format html -o summary.html',
    'plan summary --format json --fail-on-overdue',
  ])
    .addOption(formatOption(SUMMARY_FORMATS, 'text'))
    .option('-o, --output <file>', h.summary.output)
    .option('--fail-on-overdue', h.summary.failOnOverdue, false)
    .action(async (opts, cmd: Command) => {
      const { summary } = await import('./commands/summary.js');
      emit(await summary(opts, context(cmd)));
    });

  command('document', h.document.summary, [
    `plan document -o ${f.document}.html`,
    `plan document --format docx -o ${f.document}.docx`,
    `plan document --format markdown > ${f.document}.md`,
  ])
    .addOption(formatOption(DOCUMENT_FORMATS, 'html'))
    .option('-o, --output <file>', h.document.output)
    .action(async (opts, cmd: Command) => {
      const { document } = await import('./commands/document.js');
      emit(await document(opts, context(cmd)));
    });

  command('validate', h.validate.summary, ['plan validate', 'plan validate plans/*.yaml', 'plan validate --format json plans/*.yaml'])
    .argument('[files...]', h.validate.files)
    .addOption(formatOption(VALIDATE_FORMATS, 'text'))
    .action(async (files: string[], opts, cmd: Command) => {
      const { validate } = await import('./commands/validate.js');
      emit(await validate(files, opts, context(cmd)));
    });

  command('init', h.init.summary, [
    'plan init 2024 --from plans/2023.yaml',
    'plan init 2024',
    `plan init 2024 --from plans/2023.yaml -o ${f.drafts}/2024.yaml`,
  ])
    .argument('<year>', h.init.year, parseYearArg('<year>'))
    .option('--from <plan>', h.init.from)
    .option('-o, --output <file>', h.init.output)
    .action(async (year: number, opts, cmd: Command) => {
      const { init } = await import('./commands/init.js');
      emit(await init(year, opts, context(cmd)));
    });

  command('import', h.import.summary, [
    `plan import ${f.annex}.txt`,
    `plan import ${f.annex}.csv --year 2024`,
    `plan import ${f.annex}.md -o plans/2024.yaml`,
    `plan import ${f.annex}.docx --columns '完成时限=due,参加范围=field'`,
    `plan import ${f.annex}.xlsx --sheet 2 --default-period 全年`,
  ])
    .argument('<file>', h.import.file)
    .option('--year <year>', h.import.year, parseYearArg('--year'))
    .option('--columns <map>', h.import.columns)
    .option('--default-period <period>', h.import.defaultPeriod)
    .option('--sheet <sheet>', h.import.sheet)
    .option('-o, --output <file>', h.init.output)
    .action(async (file: string, opts, cmd: Command) => {
      const { importAnnex } = await import('./commands/import.js');
      emit(await importAnnex(file, opts, context(cmd)));
    });

  command('export', h.export.summary, [`plan export --format ics -o ${f.calendar}.ics`, `plan export --as-of 2023-06-30 > ${f.calendar}.ics`])
    .addOption(formatOption(EXPORT_FORMATS, 'ics'))
    .option('-o, --output <file>', h.render.output)
    .action(async (opts, cmd: Command) => {
      const { exportPlan } = await import('./commands/export.js');
      emit(await exportPlan(opts, context(cmd)));
    });

  command('migrate', h.migrate.summary, ['plan migrate', 'plan migrate -f plans/2023.yaml --commit'])
    .addOption(commitOption())
    .action(async (opts, cmd: Command) => {
      const { migrate } = await import('./commands/migrate.js');
      emit(await migrate(opts, context(cmd)));
    });

  command('departments', h.departments.summary, ['plan departments', `plan departments --format csv -o ${f.tally}.csv --as-of 2023-06-30`])
    .addOption(formatOption(LIST_FORMATS, 'table'))
    .option('-o, --output <file>', h.render.output)
    .action(async (opts, cmd: Command) => {
      const { departments } = await import('./commands/departments.js');
      emit(await departments(opts, context(cmd)));
    });

  command('periods', h.periods.summary, ['plan periods', 'plan periods --format markdown --as-of 2023-06-30'])
    .addOption(formatOption(LIST_FORMATS, 'table'))
    .option('-o, --output <file>', h.render.output)
    .action(async (opts, cmd: Command) => {
      const { periods } = await import('./commands/periods.js');
      emit(await periods(opts, context(cmd)));
    });

  command('completion', h.completion.summary, [
    'plan completion bash > ~/.local/share/bash-completion/completions/plan',
    'plan completion zsh > ~/.zfunc/_plan',
    'plan completion fish > ~/.config/fish/completions/plan.fish',
  ])
    .addArgument(new Argument('<shell>', h.completion.shell).choices(SHELLS).argParser(choiceArg('completion', SHELLS)))
    .action(async (shell: (typeof SHELLS)[number]) => {
      const { completion } = await import('./commands/completion.js');
      emit(await completion(shell, program));
    });

  // Called by the completion scripts (as COMPLETE_COMMAND): never fails, never shows in help.
  program
    .command('__complete', { hidden: true })
    .argument('[what]')
    .allowExcessArguments()
    .allowUnknownOption()
    .action(async (what: string | undefined, _opts, cmd: Command) => {
      const { complete } = await import('./commands/completion.js');
      emit(await complete(what, context(cmd)));
    });

  return program;
}

/** An option taking one of `choices`: checked by our parser (messages in the user's language), listed for completion. */
function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices(choices).argParser(choiceArg(flags.split(' ')[0]!, choices));
}

function commitOption(): Option {
  return new Option('--commit', m.help.commit).default(false);
}

function formatOption(formats: readonly string[], fallback: string): Option {
  return choiceOption('--format <format>', m.help.format(formats), formats).default(fallback);
}

function examples(lines: string[]): string {
  return `\n${m.help.examples}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Help in the user's language, with East Asian wide characters measured as two columns and
 * Chinese wrapped between characters (commander breaks only at spaces).
 */
function helpConfig(): Partial<Help> {
  return {
    showGlobalOptions: true,
    styleTitle: (s: string) => m.help.titles[s] ?? s,
    displayWidth,
    boxWrap: (s: string, width: number) => wrapDisplay(s, width),
    // Commander leaves a description unwrapped when less room than this is left beside the
    // options; a narrow terminal then wraps it anywhere.
    minWidthToWrap: 16,
    optionDescription: (option: Option) => {
      const shown = option.defaultValue !== undefined && option.defaultValue !== false && !option.negate;
      return shown ? `${option.description} (${m.help.default}${option.defaultValue})` : option.description;
    },
    // Commander would add its own English "choices: …"; descriptions name the choices already.
    argumentDescription: (argument: Argument) => argument.description,
  };
}

/** `--lang` must be known before the help texts are built, so it is read ahead of commander. */
function preScanLanguage(args: string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const v = (a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined)?.trim().toLowerCase();
    if (v !== undefined && (LANGS as readonly string[]).includes(v)) return v as Lang;
  }
  return detectLanguage(undefined, env);
}

/**
 * Prints an error as `plan: …` lines and returns its exit code; a stack trace only with DEBUG=plan.
 * Messages quote the plan file and the command line, so each line is made safe for the terminal
 * here: control characters and line breaks in them are shown escaped, never acted on.
 */
function reportError(e: unknown, io: Io, program: Command, active: Command): number {
  const say = (line: string) => io.err(`plan: ${escapeLine(line)}\n`);
  if (isPlanError(e)) {
    e.lines.forEach(say);
    return e.exitCode;
  }
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    if (e.code === 'commander.help') return 2; // `plan` with no command: the help went to stderr
    say(commanderMessage(e, program, active));
    return 2;
  }
  const err = e as Error;
  say(m.unexpected(err?.message ?? String(e)));
  if (/\bplan\b/.test(io.env.DEBUG ?? '')) io.err(`${escapeControls(err?.stack ?? '')}\n`);
  return 1;
}

/** Commander's usage errors, reworded from the catalogue with our own "did you mean". */
function commanderMessage(e: CommanderError, program: Command, active: Command): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const hint = (word: string, known: string[]) => {
    const s = suggest(word, known);
    return s ? m.didYouMean(s) : '';
  };
  switch (e.code) {
    case 'commander.unknownCommand':
      return m.unknownCommand(quoted, hint(quoted, program.createHelp().visibleCommands(program).map((c) => c.name())));
    case 'commander.unknownOption': {
      const flags = [...new Set([program, active])].flatMap((c) => c.options.map((o) => o.long ?? ''));
      return m.unknownOption(quoted, hint(quoted.split('=')[0]!, flags.filter(Boolean)));
    }
    case 'commander.missingArgument':
      return m.missingArgument(quoted);
    case 'commander.optionMissingArgument':
      return m.missingOptionValue(quoted.split(/[ ,]/)[0] ?? quoted);
    case 'commander.excessArguments':
      return m.tooManyArguments(quoted);
    default:
      return m.usageOther(e.message.replace(/^error: /, ''));
  }
}
