// The message catalogue: every word the tool prints, in Chinese (default) and English.
import type { Status } from './plan/types.js';

export type Lang = 'zh' | 'en';

const zhList = (items: readonly (string | number)[]) => items.join('、');
const enList = (items: readonly (string | number)[]) => items.join(', ');
const q = (s: unknown) => JSON.stringify(text(s));
/** Any value from a plan as text: a mapping with a `toString` key, or one that contains itself (aliases), too. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' || v === null) return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return Array.isArray(v) ? '[…]' : '{…}';
  }
}
/** The first items of a list that may be long (a registry of thousands), then `…`. */
const some = (items: readonly string[]) => (items.length > 20 ? [...items.slice(0, 20), '…'] : items);
/** Line numbers for a message: the first ten, then `…`. */
const firstLines = (lines: readonly number[]) => (lines.length > 10 ? [...lines.slice(0, 10), '…'] : lines);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

/**
 * Examples of accepted time expressions, for messages (the forms are documented in docs/file-format.md;
 * a test holds each to be one). A split window is shown with `/`, as `、` joins the list.
 */
export const TIME_EXAMPLES: readonly string[] = ['7月', '3-4月', '第二季度', '上半年', '全年', '3月上旬', '5月/10月', '6月底前', '长期', '每月'];
const zhHint = (s?: string) => (s ? `；是否想输入 ${q(s)}？` : '');
const enHint = (s?: string) => (s ? `; did you mean ${q(s)}?` : '');
const pathWith = (root: string) => (path: readonly (string | number)[]) =>
  path.length === 0 ? root : path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
const zhPath = pathWith('文件顶层');
const enPath = pathWith('the plan');

const zh = {
  lang: 'zh' as Lang,
  list: zhList,
  didYouMean: (s: string) => zhHint(s),

  status: { done: '已完成', overdue: '已逾期', current: '进行中', upcoming: '未开始', cancelled: '已取消' } as Record<Status, string>,
  columns: { status: '状态' },
  departmentSeparator: '、',

  // Loading and validating a plan file
  fileNotFound: '文件不存在 (应为一个计划文件的路径)',
  notAFile: '不是文件 (应为一个计划文件的路径)',
  readFailed: (reason: string) => `无法读取：${reason}`,
  writeFailed: (reason: string) => `无法写入：${reason} (应为一个可写的路径)`,
  fsReason: (code: string | undefined, fallback: string) =>
    ({
      ENOENT: '所在目录不存在',
      ENOTDIR: '路径中有一段不是目录',
      EACCES: '没有写入权限',
      EPERM: '没有写入权限',
      EROFS: '文件系统只读',
      EISDIR: '这是一个目录',
      ENOSPC: '磁盘空间不足',
      EDQUOT: '超出磁盘配额',
      ELOOP: '符号链接循环',
    })[code ?? ''] ?? fallback,
  lockBusy: (lock: string, owner: string) =>
    `计划文件正被另一个进程修改 (锁文件 ${lock}，持有者 ${owner})；请稍后重试。若该进程已不存在，可删除锁文件：rm ${JSON.stringify(lock)}`,
  lockFailed: (lock: string, reason: string) => `无法创建锁文件 ${lock}：${reason} (应为可写的目录)`,
  notUtf8: '不是 UTF-8 编码的文本 (应为 UTF-8 编码的 YAML 文件)',
  cacheDamaged: (entry: string) => `缓存文件 ${entry} 已损坏，现已删除 (请再运行一次该命令)`,
  emptyFile: '文件是空的 (应为一个计划：schemaVersion、year、title、departments、tasks)',
  yamlSyntax: (message: string) => `YAML 语法错误：${message}`,
  moreSyntaxErrors: (n: number) => `另有 ${n} 个 YAML 语法错误未列出 (请先改正上面的错误)`,
  tooDeep: '列表或映射嵌套过深 (计划文件只需嵌套几层)',
  mergeConflict: (lines: readonly number[]) =>
    `文件中有未解决的 git 合并冲突 (第 ${zhList(firstLines(lines))} 行有冲突标记；请先解决冲突，删除 <<<<<<<、=======、>>>>>>> 标记后再运行)`,
  fileTooLarge: (size: number, max: number) => `文件过大：${mib(size)} (计划文件最大 ${mib(max)})`,
  tooLargeForYaml: (size: number, max: number) =>
    `文件有问题或超出简单格式，而它过大 (${mib(size)})，无法用完整的 YAML 解析器逐项检查 (这样的文件最大 ${mib(max)}；plan 写出的简单格式最大 32 MiB)`,
  notAMapping: '文件顶层不是键值映射 (应为 schemaVersion: 1、year: 2023 这样的键值对)',
  unsupportedVersion: (v: unknown, known: readonly number[]) =>
    `schemaVersion ${typeof v === 'number' ? v : q(v)} 不受支持 (本工具支持的版本：${zhList(known)})`,
  problems: {
    wrongType: (path: string, actual: string, expected: string[]) =>
      `${path} 是${typeName.zh(actual)} (应为${expected.map(typeName.zh).join('或')})`,
    missingKey: (path: string, key: string) => `${path} 缺少 ${q(key)} (这是必填项)`,
    unknownKey: (path: string, key: string, allowed: string[], hint?: string) =>
      `${path} 中有未知的键 ${q(key)} (应为：${zhList(allowed)}${zhHint(hint)})`,
    notADate: (path: string, v: unknown) => `${path} ${q(v)} 不是日期 (应为 YYYY-MM-DD 格式的日历日期)`,
    tooSmall: (path: string, v: unknown, min: number) => `${path} 为 ${v} (应不小于 ${min})`,
    tooLarge: (path: string, v: unknown, max: number) => `${path} 为 ${v} (应不大于 ${max})`,
    emptyText: (path: string) => `${path} 为空 (应为非空文本)`,
    emptyList: (path: string) => `${path} 为空列表 (应至少有一项)`,
    duplicateItem: (path: string, v: unknown) => `${path} 中 ${q(v)} 重复 (各项应互不相同)`,
    wrongValue: (path: string, v: unknown, expected: unknown) => `${path} 为 ${q(v)} (应为 ${expected})`,
    schemaOther: (path: string, message: string) => `${path} 不符合格式：${message}`,
    duplicateId: (path: string, id: number, first: readonly (string | number)[]) => `${path} ${id} 与 ${zhPath(first)} 的序号重复 (序号应唯一)`,
    unknownDepartmentInPlan: (path: string, d: string, registry: readonly string[], hint?: string) =>
      `${path} ${q(d)} 不在部门名录 departments 中 (应为：${zhList(some(registry))}${zhHint(hint)})`,
    badPeriodInPlan: (path: string, v: string) =>
      `${path} ${q(v)} 不是有效的计划时间 (应为如 7月、3-4月、第二季度、上半年、全年)`,
    badTimeInPlan: (path: string, v: string) => `${path} ${q(v)} 不是有效的时间 (应为如 ${zhList(TIME_EXAMPLES)})`,
    otherYearInPlan: (path: string, v: string, year: number, planYear: number) =>
      `${path} ${q(v)} 写的是 ${year} 年，不在计划年度内 (应为 ${planYear} 年内的时间，如 ${zhList(TIME_EXAMPLES)})`,
    noTime: (path: string) => `${path} 既没有 period 也没有 due (应至少有其一：period 为计划时间，due 为完成时限)`,
    doneAndCancelled: (path: string) => `${path} 已取消的任务不能同时有完成记录 completed (应二者只有其一)`,
    unknownField: (path: string, title: string, extra: readonly string[]) =>
      `${path} 没有名为 ${q(title)} 的列 (应为 columns 中无 key 的列之一${extra.length ? `：${zhList(extra)}` : '；请在 columns 中加一列 {title: ' + title + '}'})`,
    duplicateColumn: (path: string, v: string) => `${path} ${q(v)} 重复 (每个列标题和 key 只能出现一次)`,
    noContentColumn: (path: string) => `${path} 中没有内容列 (应有一列 {title: 内容, key: content})`,
    reservedTitle: (path: string, title: string) => `${path} 用了保留的名称 ${q(title)} 作列标题 (应为其他标题，如“备注”)`,
},
  /** `tasks[6].period` for ['tasks', 6, 'period']. */
  path: zhPath,

  // Recording progress
  cannotEdit: (reason: string) => `无法在不改动其他内容的前提下修改该任务：${reason} (应为 plans/2023.yaml 那样的块格式任务)`,
  alreadyDone: (file: string, id: number, date: string, by?: string) =>
    `${file}: 任务 ${id} 已于 ${date} 完成${by ? `，记录人 ${by}` : ''} (如需改写完成记录，请加 --force)`,
  isCancelled: (file: string, id: number, date: string) => `${file}: 任务 ${id} 已于 ${date} 取消，不能记录完成 (应为未取消的任务；如需恢复，请删除该任务的 cancelled)`,
  notDone: (file: string, id: number) => `${file}: 任务 ${id} 尚未完成，没有可撤销的完成记录 (应为已完成的任务)`,
  emptyNote: '进展内容为空 (应为一段文字，如 "场地已落实")',
  recordedDone: (ids: number[], date: string, by?: string) => `已记录完成：任务 ${zhList(ids)} (${date}${by ? `，${by}` : ''})`,
  recordedUndo: (ids: number[]) => `已撤销完成记录：任务 ${zhList(ids)}`,
  recordedLog: (id: number, date: string, note: string) => `已记录进展：任务 ${id} (${date})：${note}`,
  change: {
    needsSchema2: (file: string, option: string) =>
      `${file}: ${option} 需要 schema 版本 2 的计划文件 (本文件为版本 1；可先运行 plan migrate 升级)`,
    emptyContent: '--content 为空 (应为任务内容，如 "开展职工技能竞赛")',
    needsTime: (schemaVersion: number): string =>
      schemaVersion === 1 ? '缺少 --period (应为任务的计划时间，如 3-4月、全年)' : '缺少 --period 或 --due (应至少有计划时间或完成时限之一，如 --period 3-4月、--due 6月底前)',
    needsDepartment: '缺少 --department (schema 版本 1 的任务至少有一个负责部门)',
    idTaken: (file: string, id: number) => `${file}: 已有序号为 ${id} 的任务 (应为未使用的序号；不写 --id 时自动取最大序号加 1)`,
    badField: (v: string) => `--field ${q(v)} 格式不对 (应为 标题=值，如 考核要点=参赛职工不少于200人)`,
    unknownField: (title: string, known: readonly string[], hint: string) =>
      `没有名为 ${q(title)} 的附加列 (${known.length ? `本计划的附加列：${zhList(known)}` : '本计划没有附加列；请先在 columns 中加一列 {title: ' + title + '}'}${hint})`,
    badUnset: (v: string, allowed: readonly string[], hint: string) => `--unset ${q(v)} 不能删除 (可删除：${zhList(allowed)}，或附加列的标题${hint})`,
    unsetNeedsTime: '删除后任务既没有计划时间也没有完成时限 (应至少保留其一)',
    nothingToChange: (id: number) => `任务 ${id} 没有变化 (给出的值与文件中相同，未写入)`,
    noChanges: '没有要修改的内容 (应给出 --content、--period、--due、--department、--support、--owner、--group、--field 或 --unset 之一)',
    keyName: {
      period: '计划时间', due: '完成时限', content: '内容', departments: '负责部门', support: '配合单位', owners: '责任人', group: '类别', fields: '附加列',
    } as Record<string, string>,
    added: (id: number, content: string) => `已新增任务 ${id}：${content}`,
    edited: (id: number, keys: readonly string[]) => `已修改任务 ${id}：${zhList(keys)}`,
    removed: (id: number, content: string, time: string, units: string) => `已删除任务 ${id}：${content} (${time}${units ? `，${units}` : ''})`,
    hasRecords: (file: string, id: number, records: string) => `${file}: 任务 ${id} 已有 ${records}，删除会丢失这些记录 (确需删除请加 --force；或用 plan cancel ${id} 标记为取消)`,
    records: { completed: '完成记录', log: (n: number) => `${n} 条进展记录`, cancelled: '取消记录' },
    cancelled: (id: number, date: string, reason?: string) => `已取消任务 ${id} (${date}${reason ? `：${reason}` : ''})`,
    uncancelled: (id: number) => `已恢复任务 ${id} (删除了取消记录)`,
    alreadyCancelled: (file: string, id: number, date: string) => `${file}: 任务 ${id} 已于 ${date} 取消 (如需恢复，请用 plan cancel ${id} --undo)`,
    notCancelled: (file: string, id: number) => `${file}: 任务 ${id} 没有取消记录 (应为已取消的任务)`,
    cancelDone: (file: string, id: number, date: string) => `${file}: 任务 ${id} 已于 ${date} 完成，不能取消 (如确需取消，请先 plan undo ${id})`,
    needsReason: '缺少 --reason (应为取消的原因，如 "上级通知取消")',
    noLog: (file: string, id: number) => `${file}: 任务 ${id} 没有进展记录 (应为有进展记录的任务)`,
    noLogEntry: (file: string, id: number, n: number, count: number) => `${file}: 任务 ${id} 没有第 ${n} 条进展记录 (应为 1 到 ${count})`,
    unlogged: (id: number, n: number, date: string, note: string) => `已删除任务 ${id} 的第 ${n} 条进展记录 (${date}：${note})`,
    registered: (names: readonly string[]) => `已把 ${zhList(names)} 加入部门名录`,
    badEntry: (v: string) => `${q(v)} 不是进展记录的序号 (应为正整数，如 1 表示第一条)`,
  },
  commitMessage: {
    done: (ids: string, what: string) => `plan: 完成任务 ${ids}${what}`,
    undo: (ids: string, what: string) => `plan: 撤销任务 ${ids} 的完成记录${what}`,
    log: (id: number, what: string) => `plan: 记录任务 ${id} 的进展${what}`,
    unlog: (id: number, what: string) => `plan: 删除任务 ${id} 的一条进展记录${what}`,
    cancel: (id: number, what: string) => `plan: 取消任务 ${id}${what}`,
    uncancel: (id: number, what: string) => `plan: 恢复任务 ${id}${what}`,
    add: (id: number, what: string) => `plan: 新增任务 ${id}${what}`,
    edit: (id: number, keys: readonly string[], what: string) => `plan: 修改任务 ${id} 的${zhList(keys)}${what}`,
    remove: (id: number, what: string) => `plan: 删除任务 ${id}${what}`,
    migrate: 'plan: 计划文件升级为 schema 版本 2',
    /** The task's content, shortened, after the message. */
    what: (content: string) => ` (${content})`,
  },
  git: {
    commitFailed: (file: string, why: string) => `${file}: 文件已写入，但 git 提交失败：${why} (可修正后自行 git commit)`,
    noGit: '找不到 git 命令',
    notRepo: '文件不在 git 仓库中',
    neverCommitted: '文件还没有提交到 git，没有变化记录 (应为已提交的计划文件；可先 git add、git commit，或写入时加 --commit)',
    failed: (why: string) => `git 出错：${why}`,
  },

  // Finding the plan file
  noPlanFile: (looked: string[]) => `找不到计划文件 (已查找：${zhList(looked)}；可用 -f 指定文件)`,
  severalPlanFiles: (wanted: string, found: string[]) =>
    `没有 ${wanted}，而 plans/ 中有多个计划文件：${zhList(found)} (用 -f 指定其中之一)`,

  // Command-line arguments
  badDate: (option: string, v: string) => `${option} ${q(v)} 不是日期 (应为 YYYY-MM-DD 格式的日历日期，如 2023-04-20)`,
  badPeriod: (option: string, v: string) => `${option} ${q(v)} 不是计划时间 (应为如 ${zhList(TIME_EXAMPLES)})`,
  periodOtherYear: (option: string, v: string, year: number) => `${option} ${q(v)} 不在计划年度 ${year} 年内 (应为该年内的时间，如 ${zhList(TIME_EXAMPLES)})`,
  badMonth: (option: string, v: string) => `${option} ${q(v)} 不是月份 (应为 1 到 12 的整数)`,
  badChoice: (option: string, v: string, allowed: readonly string[], hint: string) =>
    `${option} ${q(v)} 无效 (应为：${zhList(allowed)}${hint})`,
  badTaskId: (v: string) => `${q(v)} 不是任务序号 (应为正整数，如 7)`,
  unknownDepartment: (v: string, registry: readonly string[], hint: string) =>
    `--department ${q(v)} 不是本计划的部门 (应为：${zhList(some(registry))}${hint})`,
  unknownTask: (file: string, id: number, known: string) => `${file}: 没有序号为 ${id} 的任务 (本计划的序号为 ${known})`,
  unknownCommand: (v: string, hint: string) => `未知命令 ${q(v)} (可用命令见 plan --help${hint})`,
  unknownOption: (v: string, hint: string) => `未知选项 ${q(v)} (可用选项见 --help${hint})`,
  missingArgument: (name: string) => `缺少参数 <${name}> (用法见 --help)`,
  missingOptionValue: (option: string) => `选项 ${option} 缺少值 (用法见 --help)`,
  tooManyArguments: (command: string) => `命令 ${command} 的参数过多 (用法见 plan ${command} --help)`,
  usageOther: (message: string) => `${message} (用法见 --help)`,
  binaryToTerminal: (format: string) => `--format ${format} 输出的是二进制文件，不能显示在终端上 (应加 -o FILE 写入文件，或重定向到文件)`,
  unexpected: (message: string) => `内部错误：${message} (设置 DEBUG=plan 可查看详细信息)`,

  // Output
  validFile: (file: string, n: number) => `${file}：有效 (${n} 项任务)`,
  invalidFile: (file: string, n: number) => `${file}：${n} 个问题`,
  taskCount: (n: number) => `共 ${n} 项`,
  noTasks: '没有符合条件的任务',
  show: {
    task: '任务',
    completedBy: (by: string) => `，${by}`,
    log: '进展记录',
    cancelled: '已取消',
    none: '无',
  },

  summary: {
    heading: (title: string) => `${title}执行情况`,
    asOf: (date: string) => `截至 ${date}`,
    figures: { total: '任务总数', done: '已完成', overdue: '已逾期', current: '进行中', upcoming: '未开始', cancelled: '已取消', rate: '完成率' },
    byPeriod: '按计划时间',
    byDepartment: '按负责部门',
    overdueTasks: '逾期任务',
    completions: '完成记录',
    cancellations: '已取消的任务 (不计入完成率)',
    count: (heading: string, n: number) => `${heading} (${n})`,
    columns: { department: '负责部门', tasks: '任务数', progress: '完成进度', date: '完成日期', by: '完成人', note: '说明', cancelledDate: '取消日期', reason: '原因' },
    rest: '其余',
    chartBar: (label: string, done: number, overdue: number, rest: number) => `${label}：已完成 ${done}，已逾期 ${overdue}，其余 ${rest}`,
    noOverdue: '没有逾期任务。',
    noCompletions: '尚无完成记录。',
    showAll: (n: number) => `展开全部 ${n} 项`,
    chart: (heading: string) => `${heading}：已完成、已逾期与其余任务数`,
    failOnOverdue: (n: number) => `有 ${n} 项任务已逾期 (因 --fail-on-overdue 以退出码 1 结束)`,
    progress: '进展记录',
    noProgress: '尚无进展记录。',
    progressColumns: { date: '日期', note: '进展' },
  },
  /** The fixed words of a 公文 (GB/T 9704) as `plan document` lays it out. */
  document: {
    issuerMark: (issuer: string) => `${issuer}文件`,
    annex: '附件',
    annexNote: (title: string) => `附件：${title}`,
    date: (iso: string) => {
      const [y, mo, d] = iso.split('-').map(Number);
      return `${y}年${mo}月${d}日`;
    },
    printed: (date: string) => `${date}印发`,
  },
  // Everyday use: new plans (init, import), calendar export, tallies, shell completion
  badYear: (what: string, v: string) => `${what} ${q(v)} 不是年份 (应为四位数的年份，如 2024)`,
  migrate: {
    done: (file: string, n: number) => `已将 ${file} 升级为 schema 版本 2 (改动 ${n} 处：schemaVersion 与正文编号 no → label)`,
    already: (file: string) => `${file} 已是 schema 版本 2，无需升级`,
    notValidAfter: (file: string) => `${file}: 升级为 schema 版本 2 后不能通过检查，文件未改动 (请先改正下列问题)`,
  },
  office: {
    notDocx: (file: string, reason: string) => `${file}: 不是有效的 Word 文档 (${reason})`,
    notXlsx: (file: string, reason: string) => `${file}: 不是有效的 Excel 工作簿 (${reason})`,
    notOffice: (file: string) => `${file}: 是 ZIP 压缩包，但既不是 Word 文档 (.docx) 也不是 Excel 工作簿 (.xlsx)`,
    oldFormat: (file: string) => `${file}: 是旧版 Word 97-2003 (.doc) 或 Excel 97-2003 (.xls) 文件，plan 只读 .docx 和 .xlsx (请在 Word、Excel 或 WPS 中另存为 .docx 或 .xlsx)`,
    inflatedTooLarge: (file: string, entry: string, max: number) => `${file}: 其中的 ${entry} 解压后超过 ${mib(max)}，不像是正常的文档 (文件可能已损坏)`,
    noSheet: (file: string, sheet: string, names: readonly string[]) => `${file}: 没有工作表 ${q(sheet)} (工作簿中的工作表：${zhList(some(names))}；--sheet 可写名称或序号 1-${names.length})`,
    sheetNotWorkbook: (file: string) => `${file}: --sheet 只用于 Excel 工作簿 (.xlsx) (Word 文档中的附件表会自动找出，请去掉 --sheet)`,
  },
  newPlan: {
    exists: (file: string) => `${file}: 文件已存在，不会覆盖 (请用 -o 指定另一个文件，或先移走它)`,
    created: (file: string, tasks: number, departments: number) => `已创建 ${file} (${tasks} 项任务，${departments} 个部门)`,
    skeletonHint: '请把示例部门和示例任务改为实际内容，再用 plan validate 检查。',
  },
  importer: {
    noHeader: (file: string) =>
      `${file}: 找不到附件表的表头 (应有一行列名，含内容列，如 内容、工作内容、工作任务，以及另一列，如 序号、计划时间、完成时限、负责部门；或按月份、“牵头单位：”列出的编号事项)`,
    noRows: '表头下面没有任务 (应至少有一行任务)',
    badId: (v: string) => `序号 ${q(v)} 不是正整数 (应为 1、2、3 这样的序号)`,
    duplicateId: (id: number, line: number) => `序号 ${id} 与第 ${line} 行重复 (序号应唯一)`,
    badPeriod: (v: string) => `计划时间 ${q(v)} 无效 (应为如 7月、3-4月、第二季度、上半年、全年)`,
    firstPeriodBlank: '计划时间为空，而上面没有可沿用的计划时间 (第一行任务应写明计划时间)',
    noContent: '内容为空 (每行任务应写明工作内容)',
    noDepartments: '负责部门为空 (应为一个或多个部门，用“、”分隔)',
    unclosedQuote: 'CSV 的引号没有闭合 (应为成对的英文双引号 ")',
    notUtf8: '不是 UTF-8 编码的文本 (Excel 中请另存为“CSV UTF-8”；Word 表格可复制后粘贴为纯文本)',
    noYear: (file: string) => `${file}: 无法确定计划年度：表头上方没有含四位年份的标题 (请用 --year 指定，如 --year 2024)`,
    badDue: (v: string) => `完成时限 ${q(v)} 无效 (应为如 6月底前、9月、第三季度、年底前)`,
    otherYear: (v: string, year: number, planYear: number) => `时间 ${q(v)} 属于 ${year} 年，不在计划年度 ${planYear} 内 (应为本年度的时间；年度不对可用 --year ${year} 指定)`,
    noTime: '没有时间：计划时间和完成时限都为空，上面也没有可沿用的时间 (请填写时间，或用 --default-period 指定，如 --default-period 全年)',
    noHeaderSeen: (where: string, cells: readonly string[], columns: string) =>
      `${where}: 找不到附件表的表头：最像表头的一行是 ${cells.map(q).join(' | ')}，其中没有可识别的内容列，或只有内容列 (可用 --columns 指明各列，如 --columns '${columns}')`,
    keptFields: (titles: readonly string[]) => `这些列没有对应的任务字段，已按原标题保留为附加列：${zhList(titles)} (如需改为其他字段，可用 --columns '${titles[0]}=owners' 这样指定)`,
    splitTimes: (n: number, title: string) => `${n} 项任务内容开头的时间已移入“${title}”列`,
    defaultPeriod: (n: number, period: string) => `表中没有时间列，${n} 项任务的计划时间记为 ${period} (可用 --default-period 指定其他时间，如 --default-period 上半年)`,
    columnsSyntax: (entry: string) =>
      `--columns 中的 ${q(entry)} 无效 (应为 列标题=字段，用逗号分隔，如 完成时限=due,参加范围=field；字段：id、period、due、content、departments、support、owners、group、field、ignore)`,
    columnsKey: (key: string, hint?: string) =>
      `--columns 中的字段 ${q(key)} 未知 (${hint ? `是否想输入 ${q(hint)}？` : ''}字段：id、period、due、content、departments、support、owners、group、field、ignore)`,
    columnsDuplicate: (key: string) => `--columns 把多列都指定为 ${key} (除 field、ignore 外，每个字段只能对应一列)`,
    columnsNotInHeader: (title: string, cells: readonly string[]) => `--columns 中的列标题 ${q(title)} 不在表头中 (表头的列：${zhList(cells)})`,
    badDefaultPeriod: (v: string) => `--default-period ${q(v)} 不是时间 (应为如 全年、上半年、3-4月、6月底前)`,
    sheetNotWorkbook: (file: string) => `${file}: --sheet 只用于 Excel 工作簿 (.xlsx) (文本文件只有一张表，请去掉 --sheet)`,
  },
  ics: {
    period: (period: string, start: string, end: string) => `计划时间：${period} (${start} 至 ${end})`,
    departments: (list: string) => `负责部门：${list}`,
    status: (status: string, asOf: string) => `状态：${status} (截至 ${asOf})`,
    completed: (date: string) => `完成日期：${date}`,
    support: (list: string) => `配合单位：${list}`,
    owners: (list: string) => `责任人：${list}`,
    cancelled: (date: string, reason?: string) => `已于 ${date} 取消${reason ? `：${reason}` : ''}`,
  },
  tally: { department: '部门', total: '任务数', leadTotal: '牵头任务数', done: '已完成', overdue: '已逾期', supportTotal: '配合任务数', supportDone: '配合已完成', supportOverdue: '配合已逾期' },
  completionHeader: (program: string, shell: string) => `${program} 的 ${shell} 补全脚本，由 \`${program} completion ${shell}\` 生成；安装方法见 README`,

  agenda: {
    heading: (title: string) => `${title}：近期工作提醒`,
    asOf: (date: string) => `截至 ${date}`,
    overdue: '已逾期',
    current: '进行中',
    upcoming: (days: number) => `${days} 天内开始`,
    recurring: '定期任务：本期尚无进展记录',
    ongoing: (quiet: number) => `全年/长期任务：近 ${quiet} 天无进展记录`,
    count: (heading: string, n: number) => `${heading} (${n})`,
    columns: { ended: '应完成于', overdue: '逾期', until: '截止', daysLeft: '剩余', starts: '开始', daysUntil: '距开始', occurrence: '本期', lastLog: '最近进展' },
    days: (n: number) => `${n} 天`,
    endsToday: '今天截止',
    inDays: (n: number) => (n === 1 ? '明天' : `${n} 天后`),
    overdueBy: (n: number, missed: readonly string[]) => (missed.length ? `${n} 天 (${zhList(missed)}无进展记录)` : `${n} 天`),
    lastLog: (date: string, n: number) => (n === 0 ? `${date} (今天)` : `${date} (${n} 天前)`),
    neverLogged: '无',
    ongoingLogged: (n: number, quiet: number) => `另有 ${n} 项全年/长期任务近 ${quiet} 天内有进展记录，未列出。`,
    empty: (date: string, days: number) => `截至 ${date} 没有需要关注的任务 (没有逾期或进行中的任务，${days} 天内也没有要开始的任务)`,
    badDays: (option: string, v: string) => `${option} ${q(v)} 不是天数 (应为 0 到 366 的整数，如 14)`,
  },
  history: {
    heading: (title: string) => `${title}：变化记录`,
    taskHeading: (id: number, content: string) => `任务 ${id} 的变化记录 (${content})`,
    empty: '没有变化记录',
    notInHistory: (file: string, id: number) => `${file}: 任务 ${id} 不在计划文件中，也不在它的 git 历史中 (应为计划中有过的任务序号)`,
    columns: { date: '日期', author: '提交者', commit: '提交', task: '任务', change: '变化' },
    uncommitted: '(未提交)',
    keyName: {
      content: '内容', period: '计划时间', due: '完成时限', departments: '负责部门', support: '配合单位', owners: '责任人', group: '类别', fields: '附加列', completed: '完成记录', cancelled: '取消记录',
    } as Record<string, string>,
    planKeyName: {
      schemaVersion: '文件格式版本', year: '年度', title: '计划标题', docNumber: '文号', issued: '印发日期', annexTitle: '附件表标题', departments: '部门名录', columns: '附件表的列',
    } as Record<string, string>,
    none: '(无)',
    created: (n: number) => `创建计划文件 (${n} 项任务)`,
    invalid: '这一版计划文件无效，未比较',
    added: (content: string) => `新增：${content}`,
    removed: (content: string) => `删除：${content}`,
    changed: (what: string, from: string, to: string) => `${what}：${from} → ${to}`,
    completed: (date: string, by?: string, note?: string) => `完成 (${date}${by ? `，${by}` : ''})${note ? `：${note}` : ''}`,
    uncompleted: (date: string) => `撤销完成 (原为 ${date})`,
    cancelled: (date: string, reason?: string) => `取消 (${date})${reason ? `：${reason}` : ''}`,
    uncancelled: (date: string) => `恢复 (撤销 ${date} 的取消)`,
    logged: (date: string, note: string) => `进展 (${date})：${note}`,
    unlogged: (date: string, note: string) => `删除进展 (${date})：${note}`,
    badLimit: (v: string) => `--limit ${q(v)} 不是条数 (应为正整数，如 20)`,
  },
  serve: {
    listening: (url: string, file: string) => `计划页面：${url} (文件：${file}；按 Ctrl+C 停止)`,
    needsToken: (host: string) => `--host ${q(host)} 不是本机地址，须用 --token 或 PLAN_SERVE_TOKEN 设置访问口令 (应为 --host 127.0.0.1，或加 --token)`,
    badPort: (v: string) => `--port ${q(v)} 不是端口号 (应为 0 到 65535 的整数，0 表示任选空闲端口)`,
    cannotListen: (host: string, port: number, why: string) => `无法在 ${host}:${port} 启动：${why} (可换一个 --port，或用 --port 0)`,
    badBody: '请求内容不是 JSON 对象 (应为如 {"version": "…"} 的对象)',
    noVersion: '请求缺少 version (应为页面读到的任务版本)',
    badValue: (key: string) => `${q(key)} 的值类型不对 (应为文本，部门等为文本列表)`,
    missing: (key: string) => `缺少 ${q(key)}`,
    conflict: (id: number) => `任务 ${id} 在你打开后已被修改，未写入 (请查看当前版本后再操作)`,
  },
  help: {
    description: '管理以 YAML 保存在 git 中的年度工作计划：按时间、部门、状态查看任务，记录完成情况，输出附件表。',
    file: '计划文件 (默认：$PLAN_FILE，否则 plans/<年份>.yaml，否则 plans/ 中唯一的 .yaml)',
    asOf: '以该日期 (YYYY-MM-DD) 作为“今天”计算状态 (默认：今天)',
    noColor: '不使用颜色',
    lang: '输出语言：zh 或 en (默认：由 LC_ALL/LC_MESSAGES/LANG 决定，否则 zh)',
    version: '显示版本号',
    helpOption: '显示帮助',
    helpCommand: '显示某个命令的帮助',
    format: (formats: readonly string[]) => `输出格式：${zhList(formats)}`,
    examples: '示例：',
    list: {
      summary: '按附件顺序列出任务，可按时间、月份、部门、状态筛选',
      period: '时间，如 3-4月、三、四月份、Q2、上半年、6月底前、每月 (含义相同即可)',
      month: '月份 1-12：时间覆盖该月的任务 (含全年、长期、每月任务)',
      department: '牵头 (负责) 或配合的单位',
      status: '状态：done (已完成)、overdue (已逾期)、current (进行中)、upcoming (未开始)、cancelled (已取消)、open (未完成且未取消)',
    },
    show: { summary: '显示一项任务的全部信息，包括完成记录和进展记录', id: '任务序号' },
    render: {
      summary: '输出附件“主要工作计划表”',
      withStatus: '增加“状态”列',
      output: '写入文件而不是标准输出',
    },
    validate: { summary: '检查计划文件的格式和内容，列出所有问题', files: '要检查的文件 (默认：当前计划文件)' },
    done: {
      summary: '记录任务已完成 (多个序号：全部成功或全部不变)',
      ids: '任务序号，可多个',
      date: '完成日期 YYYY-MM-DD (默认：--as-of 的日期，即今天)',
      by: '记录人 (默认：git config user.name)',
      note: '完成情况说明',
      force: '改写已有的完成记录',
    },
    undo: { summary: '删除任务的完成记录', ids: '任务序号，可多个' },
    log: { summary: '为任务追加一条进展记录 (适合全年任务)', note: '进展内容', date: '日期 YYYY-MM-DD (默认：今天)' },
    summary: {
      summary: '年度执行情况总结：完成率、逾期任务，按计划时间和部门统计',
      output: '写入文件而不是标准输出',
      failOnOverdue: '有逾期任务时 (照常输出后) 以退出码 1 结束，供 CI 把关',
    },
    document: {
      summary: '输出整份发文：版头 (发文机关、发文字号)、通知、正文各部分、附件表和版记，按 GB/T 9704 公文格式排版',
      output: '写入文件而不是标准输出 (docx 输出到终端时必须指定)',
    },
    default: '默认：',
    /** File names in the examples. */
    names: { annex: '附件', calendar: '工作计划', document: '通知', drafts: '草稿', tally: '部门统计' },
    titles: { 'Usage:': '用法：', 'Options:': '选项：', 'Arguments:': '参数：', 'Commands:': '命令：', 'Global Options:': '全局选项：' } as Record<string, string>,
    init: {
      summary: '新建某一年的计划：可填写的模板，或用 --from 沿用去年的计划',
      year: '计划年度，如 2024',
      from: '沿用这个计划的标题、部门、正文和任务 (去掉完成记录、进展记录和印发日期，年份改为新年度)',
      output: '写入的文件 (默认：plans/<年份>.yaml；不覆盖已有文件)',
    },
    import: {
      summary: '从附件表生成计划：Word、Excel 文件，Word 表格复制出的文本、CSV、Markdown 表格，或按月份、“牵头单位：”列出的事项',
      file: '附件表文件',
      year: '计划年度 (默认：表格上方各行或文档标题中的四位年份)',
      columns: "指明各列对应的字段，如 '完成时限=due,参加范围=field,工作任务=group' (字段：id、period、due、content、departments、support、owners、group、field、ignore)",
      defaultPeriod: '没有时间的任务记为此计划时间，如 全年 (默认：表中没有时间列时记为全年)',
      sheet: 'Excel 工作簿中的工作表：名称或序号 (默认：第一张)',
    },
    export: { summary: '导出为日历文件 (iCalendar)：每项任务一个覆盖其计划时间的全天日程' },
    departments: { summary: '按单位统计牵头与配合的任务数、已完成和已逾期 (按名录顺序)' },
    migrate: { summary: '把 schema 版本 1 的计划文件升级为版本 2 (只改 schemaVersion 和 no: 两种行)' },
    periods: { summary: '按计划时间统计任务数、已完成和已逾期 (按附件顺序)' },
    commit: '写入后用 git 提交计划文件 (只提交该文件；也可设 PLAN_AUTO_COMMIT=1)',
    add: {
      summary: '新增一项任务 (按文件原有格式写在最后一项或 --after 指定的任务之后)',
      content: '任务内容',
      period: '计划时间，如 3-4月、第二季度、全年',
      due: '完成时限，如 6月底前、2024.09 (schema 2)',
      department: '负责 (牵头) 单位，可多个；须在部门名录中',
      support: '配合单位，可多个 (schema 2)',
      owner: '责任人，可多个 (schema 2)',
      group: '所属类别，如 一、建功立业 (schema 2)',
      field: '附加列的值：标题=值，可多个 (schema 2)',
      id: '序号 (默认：最大序号加 1)',
      after: '写在这项任务之后 (默认：最后)',
      newDepartment: '把名录中没有的单位加入部门名录，而不是报错',
    },
    edit: {
      summary: '修改任务的内容、时间、单位等 (只改动给出的项；时间调整会记入进展记录)',
      unset: '删除这些项：period、due、departments、support、owners、group、fields，或某个附加列的标题',
      note: '调整原因 (写入进展记录)',
      date: '调整日期 YYYY-MM-DD (默认：今天)',
    },
    cancel: {
      summary: '把任务标记为取消 (schema 2；取消的任务不计入完成率)',
      reason: '取消原因，如 "上级通知取消"',
      date: '取消日期 YYYY-MM-DD (默认：今天)',
      undo: '删除取消记录，恢复任务',
    },
    remove: { summary: '从计划中删除一项任务 (有完成或进展记录的任务须加 --force)', force: '即使任务有完成、取消或进展记录也删除' },
    unlog: { summary: '删除任务的一条进展记录 (默认：最后一条)', n: '第几条 (从 1 起；默认：最后一条)' },
    agenda: {
      summary: '近期工作提醒：已逾期、进行中 (剩余天数)、即将开始的任务，本期尚无进展记录的定期任务',
      days: '列出多少天内开始的任务 (0-366)',
    },
    history: {
      summary: '任务或整个计划的变化记录，来自计划文件的 git 历史：何时、谁、改了什么',
      id: '任务序号 (省略：整个计划)',
      limit: '只列出最近的多少条',
    },
    serve: {
      summary: '启动本机网页：查看附件表和看板，标记完成、记录进展、修改任务 (与命令行写入同样安全)',
      port: '端口 (0-65535；0：任选空闲端口)',
      host: '监听地址 (非本机地址须设 --token)',
      open: '启动后在浏览器中打开',
      token: '访问口令 (也可用 PLAN_SERVE_TOKEN)；页面中输入一次',
    },
    completion: { summary: '输出 shell 补全脚本：bash、zsh 或 fish (安装方法见 README)', shell: 'bash、zsh 或 fish' },
  },
};

export type Messages = typeof zh;

const en: Messages = {
  lang: 'en',
  list: enList,
  didYouMean: (s: string) => enHint(s),

  status: { done: 'done', overdue: 'overdue', current: 'current', upcoming: 'upcoming', cancelled: 'cancelled' },
  columns: { status: 'Status' },
  departmentSeparator: '、',

  fileNotFound: 'no such file (expected the path of a plan file)',
  notAFile: 'not a file (expected the path of a plan file)',
  readFailed: (reason: string) => `cannot read it: ${reason}`,
  writeFailed: (reason: string) => `cannot write it: ${reason} (expected a writable path)`,
  fsReason: (code: string | undefined, fallback: string) =>
    ({
      ENOENT: 'its folder does not exist',
      ENOTDIR: 'part of the path is not a folder',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'read-only file system',
      EISDIR: 'it is a folder',
      ENOSPC: 'no space left on the device',
      EDQUOT: 'disk quota exceeded',
      ELOOP: 'a loop of symbolic links',
    })[code ?? ''] ?? fallback,
  lockBusy: (lock: string, owner: string) =>
    `the plan file is being changed by another process (lock ${lock}, held by ${owner}); try again shortly. If that process is gone, remove the lock: rm ${JSON.stringify(lock)}`,
  lockFailed: (lock: string, reason: string) => `cannot create the lock ${lock}: ${reason} (expected a writable directory)`,
  notUtf8: 'not UTF-8 text (expected a UTF-8 encoded YAML file)',
  cacheDamaged: (entry: string) => `the cache entry ${entry} was damaged and has been removed (run the command again)`,
  emptyFile: 'the file is empty (expected a plan: schemaVersion, year, title, departments, tasks)',
  yamlSyntax: (message: string) => `YAML syntax error: ${message}`,
  moreSyntaxErrors: (n: number) => `${n} more YAML syntax error${n === 1 ? '' : 's'} not listed (fix the ones above first)`,
  tooDeep: 'lists or mappings nested too deeply (expected the few levels a plan has)',
  mergeConflict: (lines: readonly number[]) =>
    `unresolved git merge conflict (conflict markers on line${lines.length === 1 ? '' : 's'} ${enList(firstLines(lines))}; resolve the merge and remove the <<<<<<<, =======, >>>>>>> markers first)`,
  fileTooLarge: (size: number, max: number) => `the file is too large: ${mib(size)} (expected a plan file of at most ${mib(max)})`,
  tooLargeForYaml: (size: number, max: number) =>
    `the file has problems or goes beyond the simple layout, and at ${mib(size)} it is too large to check in detail with the full YAML parser (expected at most ${mib(max)} for such a file; 32 MiB in the simple layout plan writes)`,
  notAMapping: 'the top level is not a mapping (expected keys such as schemaVersion: 1, year: 2023)',
  unsupportedVersion: (v: unknown, known: readonly number[]) =>
    `schemaVersion ${typeof v === 'number' ? v : q(v)} is not supported (this tool reads schema version ${enList(known)})`,
  problems: {
    wrongType: (path: string, actual: string, expected: string[]) =>
      `${path} is ${typeName.en(actual)} (expected ${expected.map(typeName.en).join(' or ')})`,
    missingKey: (path: string, key: string) => `${path} lacks ${q(key)} (it is required)`,
    unknownKey: (path: string, key: string, allowed: string[], hint?: string) =>
      `${path} has an unknown key ${q(key)} (expected one of: ${enList(allowed)}${enHint(hint)})`,
    notADate: (path: string, v: unknown) => `${path} ${q(v)} is not a date (expected a calendar date as YYYY-MM-DD)`,
    tooSmall: (path: string, v: unknown, min: number) => `${path} is ${v} (expected at least ${min})`,
    tooLarge: (path: string, v: unknown, max: number) => `${path} is ${v} (expected at most ${max})`,
    emptyText: (path: string) => `${path} is empty (expected some text)`,
    emptyList: (path: string) => `${path} is an empty list (expected at least one item)`,
    duplicateItem: (path: string, v: unknown) => `${path} lists ${q(v)} twice (expected each item once)`,
    wrongValue: (path: string, v: unknown, expected: unknown) => `${path} is ${q(v)} (expected ${expected})`,
    schemaOther: (path: string, message: string) => `${path} does not match the schema: ${message}`,
    duplicateId: (path: string, id: number, first: readonly (string | number)[]) => `${path} ${id} is already the id of ${enPath(first)} (expected unique ids)`,
    unknownDepartmentInPlan: (path: string, d: string, registry: readonly string[], hint?: string) =>
      `${path} ${q(d)} is not in the departments registry (expected one of: ${enList(some(registry))}${enHint(hint)})`,
    badPeriodInPlan: (path: string, v: string) =>
      `${path} ${q(v)} is not a period (expected e.g. 7月, 3-4月, 第二季度, 上半年, 全年)`,
    badTimeInPlan: (path: string, v: string) => `${path} ${q(v)} is not a time (expected e.g. ${enList(TIME_EXAMPLES)})`,
    otherYearInPlan: (path: string, v: string, year: number, planYear: number) =>
      `${path} ${q(v)} is in ${year}, outside the plan year (expected a time in ${planYear}, e.g. ${enList(TIME_EXAMPLES)})`,
    noTime: (path: string) => `${path} has neither period nor due (expected at least one: period for when, due for by when)`,
    doneAndCancelled: (path: string) => `${path}: a cancelled task cannot also have a completion record (expected one of the two)`,
    unknownField: (path: string, title: string, extra: readonly string[]) =>
      `${path} names no column ${q(title)} (expected one of the keyless columns in columns${extra.length ? `: ${enList(extra)}` : '; add a column {title: ' + title + '}'})`,
    duplicateColumn: (path: string, v: string) => `${path} ${q(v)} appears twice (expected each column title and key once)`,
    noContentColumn: (path: string) => `${path} has no content column (expected a column {title: 内容, key: content})`,
    reservedTitle: (path: string, title: string) => `${path} uses the reserved name ${q(title)} as a column title (expected another title, such as 备注)`,
},
  path: enPath,

  cannotEdit: (reason: string) => `cannot change this task without touching anything else: ${reason} (expected a block-style task as in plans/2023.yaml)`,
  alreadyDone: (file: string, id: number, date: string, by?: string) =>
    `${file}: task ${id} was already done on ${date}${by ? ` by ${by}` : ''} (use --force to replace the record)`,
  isCancelled: (file: string, id: number, date: string) => `${file}: task ${id} was cancelled on ${date} and cannot be marked done (expected a task not cancelled; to restore it, remove its cancelled record)`,
  notDone: (file: string, id: number) => `${file}: task ${id} is not done, so there is no completion to undo (expected a done task)`,
  emptyNote: 'the note is empty (expected some text, such as "venue booked")',
  recordedDone: (ids: number[], date: string, by?: string) => `recorded as done: task ${enList(ids)} (${date}${by ? `, ${by}` : ''})`,
  recordedUndo: (ids: number[]) => `removed the completion of task ${enList(ids)}`,
  recordedLog: (id: number, date: string, note: string) => `logged for task ${id} (${date}): ${note}`,
  change: {
    needsSchema2: (file: string, option: string) => `${file}: ${option} needs a schema version 2 plan (this file is version 1; run plan migrate first)`,
    emptyContent: '--content is empty (expected what the task is, such as "hold the skills contest")',
    needsTime: (schemaVersion: number): string =>
      schemaVersion === 1 ? '--period is missing (expected when the task happens, such as 3-4月 or 全年)' : '--period or --due is missing (expected at least one, such as --period 3-4月 or --due 6月底前)',
    needsDepartment: '--department is missing (a schema version 1 task has at least one responsible department)',
    idTaken: (file: string, id: number) => `${file}: there is already a task ${id} (expected an unused id; without --id the next after the highest is used)`,
    badField: (v: string) => `--field ${q(v)} is not title=value (expected e.g. 考核要点=参赛职工不少于200人)`,
    unknownField: (title: string, known: readonly string[], hint: string) =>
      `there is no extra column ${q(title)} (${known.length ? `this plan's extra columns: ${enList(known)}` : 'this plan has none; add {title: ' + title + '} to its columns first'}${hint})`,
    badUnset: (v: string, allowed: readonly string[], hint: string) => `--unset ${q(v)} cannot be removed (expected one of ${enList(allowed)}, or an extra column's title${hint})`,
    unsetNeedsTime: 'the task would have neither a period nor a due date (expected at least one)',
    nothingToChange: (id: number) => `task ${id} is unchanged (the values given are those in the file; nothing written)`,
    noChanges: 'nothing to change (expected one of --content, --period, --due, --department, --support, --owner, --group, --field or --unset)',
    keyName: {
      period: 'period', due: 'due', content: 'content', departments: 'departments', support: 'support', owners: 'owners', group: 'group', fields: 'fields',
    } as Record<string, string>,
    added: (id: number, content: string) => `added task ${id}: ${content}`,
    edited: (id: number, keys: readonly string[]) => `changed task ${id}: ${enList(keys)}`,
    removed: (id: number, content: string, time: string, units: string) => `removed task ${id}: ${content} (${time}${units ? `, ${units}` : ''})`,
    hasRecords: (file: string, id: number, records: string) => `${file}: task ${id} has ${records}, which removing it would lose (add --force to remove it anyway, or mark it cancelled with plan cancel ${id})`,
    records: { completed: 'a completion', log: (n: number) => `${n} log entr${n === 1 ? 'y' : 'ies'}`, cancelled: 'a cancellation' },
    cancelled: (id: number, date: string, reason?: string) => `cancelled task ${id} (${date}${reason ? `: ${reason}` : ''})`,
    uncancelled: (id: number) => `restored task ${id} (its cancellation removed)`,
    alreadyCancelled: (file: string, id: number, date: string) => `${file}: task ${id} was already cancelled on ${date} (to restore it: plan cancel ${id} --undo)`,
    notCancelled: (file: string, id: number) => `${file}: task ${id} is not cancelled (expected a cancelled task)`,
    cancelDone: (file: string, id: number, date: string) => `${file}: task ${id} was done on ${date} and cannot be cancelled (to cancel it anyway, plan undo ${id} first)`,
    needsReason: '--reason is missing (expected why it is cancelled, such as "上级通知取消")',
    noLog: (file: string, id: number) => `${file}: task ${id} has no log entries (expected a task with progress notes)`,
    noLogEntry: (file: string, id: number, n: number, count: number) => `${file}: task ${id} has no log entry ${n} (expected 1 to ${count})`,
    unlogged: (id: number, n: number, date: string, note: string) => `removed log entry ${n} of task ${id} (${date}: ${note})`,
    registered: (names: readonly string[]) => `added ${enList(names)} to the departments registry`,
    badEntry: (v: string) => `${q(v)} is not a log entry number (expected a positive whole number, 1 for the first)`,
  },
  commitMessage: {
    done: (ids: string, what: string) => `plan: task ${ids} done${what}`,
    undo: (ids: string, what: string) => `plan: undo completion of task ${ids}${what}`,
    log: (id: number, what: string) => `plan: progress note on task ${id}${what}`,
    unlog: (id: number, what: string) => `plan: remove a progress note of task ${id}${what}`,
    cancel: (id: number, what: string) => `plan: cancel task ${id}${what}`,
    uncancel: (id: number, what: string) => `plan: restore task ${id}${what}`,
    add: (id: number, what: string) => `plan: add task ${id}${what}`,
    edit: (id: number, keys: readonly string[], what: string) => `plan: change ${enList(keys)} of task ${id}${what}`,
    remove: (id: number, what: string) => `plan: remove task ${id}${what}`,
    migrate: 'plan: migrate the plan file to schema version 2',
    what: (content: string) => ` (${content})`,
  },
  git: {
    commitFailed: (file: string, why: string) => `${file}: the file is written, but git commit failed: ${why} (fix it and commit by hand)`,
    noGit: 'git is not installed',
    notRepo: 'the file is not in a git repository',
    neverCommitted: 'the file was never committed to git, so it has no history (expected a committed plan file; git add and git commit it, or write with --commit)',
    failed: (why: string) => `git failed: ${why}`,
  },

  noPlanFile: (looked: string[]) => `no plan file found (looked for ${enList(looked)}; name one with -f)`,
  severalPlanFiles: (wanted: string, found: string[]) =>
    `there is no ${wanted} and plans/ holds several plans: ${enList(found)} (name one with -f)`,

  badDate: (option: string, v: string) => `${option} ${q(v)} is not a date (expected a calendar date as YYYY-MM-DD, e.g. 2023-04-20)`,
  badPeriod: (option: string, v: string) => `${option} ${q(v)} is not a period (expected e.g. ${enList(TIME_EXAMPLES)})`,
  periodOtherYear: (option: string, v: string, year: number) => `${option} ${q(v)} is not in the plan year ${year} (expected a time of that year, e.g. ${enList(TIME_EXAMPLES)})`,
  badMonth: (option: string, v: string) => `${option} ${q(v)} is not a month (expected a whole number from 1 to 12)`,
  badChoice: (option: string, v: string, allowed: readonly string[], hint: string) =>
    `${option} ${q(v)} is not valid (expected one of: ${enList(allowed)}${hint})`,
  badTaskId: (v: string) => `${q(v)} is not a task id (expected a positive whole number such as 7)`,
  unknownDepartment: (v: string, registry: readonly string[], hint: string) =>
    `--department ${q(v)} is not a department of this plan (expected one of: ${enList(some(registry))}${hint})`,
  unknownTask: (file: string, id: number, known: string) => `${file}: there is no task ${id} (this plan's ids are ${known})`,
  unknownCommand: (v: string, hint: string) => `unknown command ${q(v)} (see plan --help${hint})`,
  unknownOption: (v: string, hint: string) => `unknown option ${q(v)} (see --help${hint})`,
  missingArgument: (name: string) => `missing argument <${name}> (see --help)`,
  missingOptionValue: (option: string) => `option ${option} needs a value (see --help)`,
  tooManyArguments: (command: string) => `too many arguments for ${command} (see plan ${command} --help)`,
  usageOther: (message: string) => `${message} (see --help)`,
  binaryToTerminal: (format: string) => `--format ${format} is a binary file and is not shown on a terminal (expected -o FILE, or a redirect to a file)`,
  unexpected: (message: string) => `internal error: ${message} (set DEBUG=plan for details)`,

  validFile: (file: string, n: number) => `${file}: valid (${n} tasks)`,
  invalidFile: (file: string, n: number) => `${file}: ${n} problem${n === 1 ? '' : 's'}`,
  taskCount: (n: number) => `${n} task${n === 1 ? '' : 's'}`,
  noTasks: 'No tasks match.',
  show: {
    task: 'Task',
    completedBy: (by: string) => `, ${by}`,
    log: 'Progress log',
    cancelled: 'Cancelled',
    none: 'none',
  },

  summary: {
    heading: (title: string) => `${title}: progress`,
    asOf: (date: string) => `As of ${date}`,
    figures: { total: 'Tasks', done: 'Done', overdue: 'Overdue', current: 'Current', upcoming: 'Upcoming', cancelled: 'Cancelled', rate: 'Completion' },
    byPeriod: 'By period',
    byDepartment: 'By department',
    overdueTasks: 'Overdue tasks',
    completions: 'Completions',
    cancellations: 'Cancelled tasks (not counted in the completion rate)',
    count: (heading: string, n: number) => `${heading} (${n})`,
    columns: { department: 'Department', tasks: 'Tasks', progress: 'Progress', date: 'Date', by: 'By', note: 'Note', cancelledDate: 'Cancelled', reason: 'Reason' },
    rest: 'other',
    chartBar: (label: string, done: number, overdue: number, rest: number) => `${label}: ${done} done, ${overdue} overdue, ${rest} other`,
    noOverdue: 'No task is overdue.',
    noCompletions: 'No task has been completed yet.',
    showAll: (n: number) => `Show all ${n}`,
    chart: (heading: string) => `${heading}: tasks done, overdue and the rest`,
    failOnOverdue: (n: number) => `${n} task${n === 1 ? ' is' : 's are'} overdue (exit code 1 because of --fail-on-overdue)`,
    progress: 'Progress log',
    noProgress: 'No progress has been logged yet.',
    progressColumns: { date: 'Date', note: 'Progress' },
  },
  document: {
    issuerMark: (issuer: string) => issuer,
    annex: 'Annex',
    annexNote: (title: string) => `Annex: ${title}`,
    date: (iso: string) => iso,
    printed: (date: string) => `issued ${date}`,
  },
  badYear: (what: string, v: string) => `${what} ${q(v)} is not a year (expected four digits, e.g. 2024)`,
  migrate: {
    done: (file: string, n: number) => `upgraded ${file} to schema version 2 (${n} changes: schemaVersion, and the narrative's no → label)`,
    already: (file: string) => `${file} is schema version 2 already; nothing to do`,
    notValidAfter: (file: string) => `${file}: as schema version 2 it would not pass the checks; the file is unchanged (fix these first)`,
  },
  office: {
    notDocx: (file: string, reason: string) => `${file}: not a valid Word document (${reason})`,
    notXlsx: (file: string, reason: string) => `${file}: not a valid Excel workbook (${reason})`,
    notOffice: (file: string) => `${file}: a ZIP archive, but neither a Word document (.docx) nor an Excel workbook (.xlsx)`,
    oldFormat: (file: string) => `${file}: an old Word 97-2003 (.doc) or Excel 97-2003 (.xls) file; plan reads .docx and .xlsx only (save it as .docx or .xlsx in Word, Excel or WPS)`,
    inflatedTooLarge: (file: string, entry: string, max: number) => `${file}: its part ${entry} inflates to more than ${mib(max)}, which no real document does (the file may be damaged)`,
    noSheet: (file: string, sheet: string, names: readonly string[]) => `${file}: no worksheet ${q(sheet)} (the workbook has ${enList(some(names))}; --sheet takes a name or a number 1-${names.length})`,
    sheetNotWorkbook: (file: string) => `${file}: --sheet is for Excel workbooks (.xlsx) only (the annex table of a Word document is found by itself; leave --sheet out)`,
  },
  newPlan: {
    exists: (file: string) => `${file}: the file exists; it is not overwritten (name another file with -o, or move it away first)`,
    created: (file: string, tasks: number, departments: number) =>
      `created ${file} (${tasks} task${tasks === 1 ? '' : 's'}, ${departments} department${departments === 1 ? '' : 's'})`,
    skeletonHint: 'Replace the example department and task with the real ones, then check with plan validate.',
  },
  importer: {
    noHeader: (file: string) =>
      `${file}: no header row of an annex table found (expected a row of column names with a content column, e.g. 内容, 工作内容, 工作任务 or Content, and another, e.g. 序号, 计划时间, 完成时限, 负责部门; or numbered items under months or with 牵头单位： lines)`,
    noRows: 'no tasks under the header row (expected at least one task)',
    badId: (v: string) => `the number ${q(v)} is not a positive whole number (expected 1, 2, 3 …)`,
    duplicateId: (id: number, line: number) => `the number ${id} is already used on line ${line} (expected unique numbers)`,
    badPeriod: (v: string) => `the period ${q(v)} is not valid (expected e.g. 7月, 3-4月, 第二季度, 上半年, 全年)`,
    firstPeriodBlank: 'the period is blank and there is no period above to continue (expected the first task to name its period)',
    noContent: 'the content is blank (expected the work of the task)',
    noDepartments: 'no responsible department (expected one or more, joined by “、”)',
    unclosedQuote: 'a CSV quote is not closed (expected a pair of " around the field)',
    notUtf8: 'not UTF-8 text (in Excel save as “CSV UTF-8”; copy a Word table and paste it as plain text)',
    noYear: (file: string) => `${file}: cannot tell the plan year: no title with a 4-digit year above the header row (name it with --year, e.g. --year 2024)`,
    badDue: (v: string) => `the due time ${q(v)} is not valid (expected e.g. 6月底前, 9月, 第三季度, 年底前)`,
    otherYear: (v: string, year: number, planYear: number) => `the time ${q(v)} is in ${year}, not in the plan year ${planYear} (expected a time of the plan year; name another year with --year ${year})`,
    noTime: 'no time: the period and the due time are blank and there is none above to continue (expected a time, or name one with --default-period, e.g. --default-period 全年)',
    noHeaderSeen: (where: string, cells: readonly string[], columns: string) =>
      `${where}: no header row of an annex table found: the most header-like row is ${cells.map(q).join(' | ')}, with no content column it knows, or nothing beside it (name the columns with --columns, e.g. --columns '${columns}')`,
    keptFields: (titles: readonly string[]) => `kept as extra fields under their own titles, as no task key matches them: ${enList(titles)} (to read one as another key, name it, e.g. --columns '${titles[0]}=owners')`,
    splitTimes: (n: number, title: string) => `the time at the start of ${n} tasks' content is moved to the column “${title}”`,
    defaultPeriod: (n: number, period: string) => `the table has no time column: ${n} tasks get the period ${period} (name another with --default-period, e.g. --default-period 上半年)`,
    columnsSyntax: (entry: string) =>
      `--columns: ${q(entry)} is not valid (expected title=key, comma-separated, e.g. 完成时限=due,参加范围=field; keys: id, period, due, content, departments, support, owners, group, field, ignore)`,
    columnsKey: (key: string, hint?: string) =>
      `--columns: unknown key ${q(key)} (${hint ? `did you mean ${q(hint)}? ` : ''}keys: id, period, due, content, departments, support, owners, group, field, ignore)`,
    columnsDuplicate: (key: string) => `--columns names several columns ${key} (expected each key but field and ignore once)`,
    columnsNotInHeader: (title: string, cells: readonly string[]) => `--columns: the title ${q(title)} is not in the header row (its columns: ${enList(cells)})`,
    badDefaultPeriod: (v: string) => `--default-period ${q(v)} is not a time (expected e.g. 全年, 上半年, 3-4月, 6月底前)`,
    sheetNotWorkbook: (file: string) => `${file}: --sheet is for Excel workbooks (.xlsx) only (a text file holds one table; leave --sheet out)`,
  },
  ics: {
    period: (period: string, start: string, end: string) => `Period: ${period} (${start} to ${end})`,
    departments: (list: string) => `Departments: ${list}`,
    status: (status: string, asOf: string) => `Status: ${status} (as of ${asOf})`,
    completed: (date: string) => `Done on: ${date}`,
    support: (list: string) => `Co-operating: ${list}`,
    owners: (list: string) => `Responsible: ${list}`,
    cancelled: (date: string, reason?: string) => `Cancelled on ${date}${reason ? `: ${reason}` : ''}`,
  },
  tally: { department: 'Department', total: 'Tasks', leadTotal: 'Leading', done: 'Done', overdue: 'Overdue', supportTotal: 'Supporting', supportDone: 'Supp. done', supportOverdue: 'Supp. overdue' },
  completionHeader: (program: string, shell: string) => `${shell} completion for ${program}, made by \`${program} completion ${shell}\`; the README says how to install it`,

  agenda: {
    heading: (title: string) => `${title}: agenda`,
    asOf: (date: string) => `As of ${date}`,
    overdue: 'Overdue',
    current: 'Current',
    upcoming: (days: number) => `Starting within ${days} day${days === 1 ? '' : 's'}`,
    recurring: 'Recurring: nothing logged for this occurrence yet',
    ongoing: (quiet: number) => `Year-round (全年/长期): nothing logged in ${quiet} days`,
    count: (heading: string, n: number) => `${heading} (${n})`,
    columns: { ended: 'Due by', overdue: 'Overdue by', until: 'Ends', daysLeft: 'Left', starts: 'Starts', daysUntil: 'Starts in', occurrence: 'Occurrence', lastLog: 'Last logged' },
    days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    endsToday: 'ends today',
    inDays: (n: number) => (n === 1 ? 'tomorrow' : `in ${n} days`),
    overdueBy: (n: number, missed: readonly string[]) => {
      const days = `${n} day${n === 1 ? '' : 's'}`;
      return missed.length ? `${days} (${enList(missed)} not logged)` : days;
    },
    lastLog: (date: string, n: number) => (n === 0 ? `${date} (today)` : `${date} (${n} day${n === 1 ? '' : 's'} ago)`),
    neverLogged: 'never',
    ongoingLogged: (n: number, quiet: number) => `${n} more year-round task${n === 1 ? ' was' : 's were'} logged in the last ${quiet} days and ${n === 1 ? 'is' : 'are'} not listed.`,
    empty: (date: string, days: number) => `Nothing needs attention as of ${date} (no task is overdue or current, and none starts within ${days} day${days === 1 ? '' : 's'}).`,
    badDays: (option: string, v: string) => `${option} ${q(v)} is not a number of days (expected a whole number from 0 to 366, e.g. 14)`,
  },
  history: {
    heading: (title: string) => `${title}: history`,
    taskHeading: (id: number, content: string) => `History of task ${id} (${content})`,
    empty: 'No changes recorded.',
    notInHistory: (file: string, id: number) => `${file}: there is no task ${id}, now or in the file's git history (expected the id of a task the plan has had)`,
    columns: { date: 'Date', author: 'Author', commit: 'Commit', task: 'Task', change: 'Change' },
    uncommitted: '(uncommitted)',
    keyName: {
      content: 'content', period: 'period', due: 'due', departments: 'departments', support: 'support', owners: 'owners', group: 'group', fields: 'field', completed: 'completion', cancelled: 'cancellation',
    } as Record<string, string>,
    planKeyName: {
      schemaVersion: 'schema version', year: 'year', title: 'title', docNumber: 'document number', issued: 'issued', annexTitle: 'annex title', departments: 'departments registry', columns: 'annex columns',
    } as Record<string, string>,
    none: '(none)',
    created: (n: number) => `plan file created (${n} task${n === 1 ? '' : 's'})`,
    invalid: 'this version of the plan file is not valid; not compared',
    added: (content: string) => `added: ${content}`,
    removed: (content: string) => `removed: ${content}`,
    changed: (what: string, from: string, to: string) => `${what}: ${from} → ${to}`,
    completed: (date: string, by?: string, note?: string) => `done (${date}${by ? `, ${by}` : ''})${note ? `: ${note}` : ''}`,
    uncompleted: (date: string) => `completion undone (was ${date})`,
    cancelled: (date: string, reason?: string) => `cancelled (${date})${reason ? `: ${reason}` : ''}`,
    uncancelled: (date: string) => `restored (cancellation of ${date} undone)`,
    logged: (date: string, note: string) => `progress (${date}): ${note}`,
    unlogged: (date: string, note: string) => `progress removed (${date}): ${note}`,
    badLimit: (v: string) => `--limit ${q(v)} is not a count (expected a positive whole number, e.g. 20)`,
  },
  serve: {
    listening: (url: string, file: string) => `plan page: ${url} (file: ${file}; Ctrl+C stops it)`,
    needsToken: (host: string) => `--host ${q(host)} is not this machine, so it needs an access token: --token or PLAN_SERVE_TOKEN (expected --host 127.0.0.1, or a --token)`,
    badPort: (v: string) => `--port ${q(v)} is not a port (expected a whole number from 0 to 65535; 0 picks a free one)`,
    cannotListen: (host: string, port: number, why: string) => `cannot listen on ${host}:${port}: ${why} (try another --port, or --port 0)`,
    badBody: 'the request is not a JSON object (expected an object such as {"version": "…"})',
    noVersion: 'the request has no version (expected the version of the task the page read)',
    badValue: (key: string) => `${q(key)} has the wrong type (expected text, or a list of text for units)`,
    missing: (key: string) => `${q(key)} is missing`,
    conflict: (id: number) => `task ${id} changed since you opened it; nothing was written (look at the current version first)`,
  },
  help: {
    description: 'Manage a yearly work plan kept as YAML in git: list tasks by period, department or status, record completion, render the annex table.',
    file: 'plan file (default: $PLAN_FILE, else plans/<year>.yaml, else the only .yaml in plans/)',
    asOf: 'compute status as of this date (YYYY-MM-DD) (default: today)',
    noColor: 'do not use colour',
    lang: 'output language: zh or en (default: from LC_ALL/LC_MESSAGES/LANG, else zh)',
    version: 'print the version',
    helpOption: 'show help',
    helpCommand: 'show help for a command',
    format: (formats: readonly string[]) => `output format: ${enList(formats)}`,
    examples: 'Examples:',
    list: {
      summary: 'list tasks in annex order, filtered by period, month, department or status',
      period: 'time such as 3-4月, 三、四月份, Q2, 上半年, 6月底前, 每月 (the same meaning)',
      month: 'month 1-12: tasks whose time overlaps it (全年, 长期 and 每月 tasks too)',
      department: 'a unit that leads or supports the task',
      status: 'status: done, overdue, current, upcoming, cancelled, open (neither done nor cancelled)',
    },
    show: { summary: 'show one task in full, with its completion and progress log', id: 'task id' },
    render: {
      summary: 'render the annex table (主要工作计划表)',
      withStatus: 'add a status column',
      output: 'write to this file instead of standard output',
    },
    validate: { summary: 'check plan files against the schema and the rules; list every problem', files: 'files to check (default: the current plan file)' },
    done: {
      summary: 'record that tasks are done (several ids: all or none)',
      ids: 'task ids, one or more',
      date: 'date done, YYYY-MM-DD (default: the --as-of date, i.e. today)',
      by: 'who did or recorded it (default: git config user.name)',
      note: 'a note on how it was done',
      force: 'replace an existing completion record',
    },
    undo: { summary: "remove tasks' completion records", ids: 'task ids, one or more' },
    log: { summary: 'append a progress note to a task (for year-round tasks)', note: 'what progressed', date: 'date, YYYY-MM-DD (default: today)' },
    summary: {
      summary: 'the yearly summary: completion rate, overdue tasks, figures by period and by department',
      output: 'write to this file instead of standard output',
      failOnOverdue: 'exit with code 1 (after the output) when any task is overdue, as a CI gate',
    },
    document: {
      summary: 'the whole notice as filed: header (issuer, document number), notice, narrative, the annex table and the imprint, laid out as a GB/T 9704 official document',
      output: 'write to this file instead of standard output (required for docx on a terminal)',
    },
    default: 'default: ',
    names: { annex: 'annex', calendar: 'work-plan', document: 'notice', drafts: 'drafts', tally: 'departments' },
    titles: {},
    init: {
      summary: "start a year's plan: a template to fill in, or last year's plan carried over with --from",
      year: 'the plan year, e.g. 2024',
      from: 'carry over the title, departments, narrative and tasks of this plan (without completions, logs and issue dates; the year changed)',
      output: 'the file to write (default: plans/<year>.yaml; an existing file is never overwritten)',
    },
    import: {
      summary: 'build a plan from the annex table: a Word or Excel file, text copied from a Word table, CSV, a markdown table, or numbered items under month headings or followed by lead-unit lines',
      file: 'the annex table file',
      year: 'the plan year (default: the 4-digit year in a line above the table or in the document title)',
      columns: "what each column is, by its title, e.g. 'Deadline=due,Scope=field,Task=group' (keys: id, period, due, content, departments, support, owners, group, field, ignore)",
      defaultPeriod: 'the period of tasks without a time, e.g. H1 (default: the whole year when the table has no time column)',
      sheet: 'the worksheet of an Excel workbook: its name or number (default: the first)',
    },
    export: { summary: 'export as a calendar (iCalendar): one all-day event per task spanning its period' },
    departments: { summary: 'count tasks led and supported, done and overdue per unit (registry order)' },
    migrate: { summary: 'upgrade a schema version 1 plan file to version 2 (changes only the schemaVersion and no: lines)' },
    periods: { summary: 'count tasks, done and overdue per period (annex order)' },
    commit: 'commit the plan file with git after writing it (that file only; or set PLAN_AUTO_COMMIT=1)',
    add: {
      summary: 'add a task (in the file’s own layout, after the last task or the one --after names)',
      content: 'what the task is',
      period: 'when it happens, such as 3-4月, 第二季度, 全年',
      due: 'by when, such as 6月底前, 2024.09 (schema 2)',
      department: 'responsible (lead) units, one or more; each in the registry',
      support: 'co-operating units, one or more (schema 2)',
      owner: 'responsible persons, one or more (schema 2)',
      group: 'its category, such as 一、建功立业 (schema 2)',
      field: 'an extra column’s value: title=value, one or more (schema 2)',
      id: 'its id (default: one more than the highest)',
      after: 'put it after this task (default: last)',
      newDepartment: 'add units missing from the registry to it instead of refusing them',
    },
    edit: {
      summary: 'change a task’s content, time, units and so on (only the keys given; a moved time is logged)',
      unset: 'remove these keys: period, due, departments, support, owners, group, fields, or an extra column’s title',
      note: 'why it changed (written to the log)',
      date: 'date of the change, YYYY-MM-DD (default: today)',
    },
    cancel: {
      summary: 'mark a task cancelled (schema 2; cancelled tasks do not count against the completion rate)',
      reason: 'why, such as "上级通知取消"',
      date: 'date cancelled, YYYY-MM-DD (default: today)',
      undo: 'remove the cancellation, restoring the task',
    },
    remove: { summary: 'remove a task from the plan (one with a completion or log needs --force)', force: 'remove it even with a completion, cancellation or log' },
    unlog: { summary: 'remove one of a task’s log entries (default: the last)', n: 'which one, from 1 (default: the last)' },
    agenda: {
      summary: 'what needs attention: overdue tasks, current ones with the days left, those starting soon, recurring ones not logged this occurrence',
      days: 'list the tasks starting within this many days (0-366)',
    },
    history: {
      summary: 'the changes to a task or the whole plan, from the plan file’s git history: when, by whom, what',
      id: 'task id (omitted: the whole plan)',
      limit: 'list only the most recent this many',
    },
    serve: {
      summary: 'start a local web page: the annex and a board; mark done, log progress, edit tasks (as safely as the CLI writes)',
      port: 'port (0-65535; 0: any free port)',
      host: 'address to listen on (one not of this machine needs --token)',
      open: 'open the page in the browser once started',
      token: 'access token (or PLAN_SERVE_TOKEN), entered once in the page',
    },
    completion: { summary: 'print a shell completion script: bash, zsh or fish (README says how to install it)', shell: 'bash, zsh or fish' },
  },
};

const typeName = {
  zh: (t: string) =>
    ({ string: '文本', integer: '整数', number: '数字', boolean: '布尔值', array: '列表', object: '键值映射', null: '空值' })[t] ?? t,
  en: (t: string) =>
    ({ string: 'text', integer: 'a whole number', number: 'a number', boolean: 'a boolean', array: 'a list', object: 'a mapping', null: 'null' })[t] ?? t,
};

// One copy of this module serves every bundle (bin/build.mjs bundles it on its own), so the
// language chosen at start-up is the one all of them speak.

/** The active catalogue; set once at start-up by `setLanguage`. */
export let m: Messages = zh;

export function setLanguage(lang: Lang): void {
  m = lang === 'en' ? en : zh;
}

/** The language asked for by `--lang`, else by the locale (LC_ALL, LC_MESSAGES, LANG), else Chinese. */
export function detectLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const wanted = flag ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  return /^en\b|^en[_-]/i.test(wanted) ? 'en' : 'zh';
}
