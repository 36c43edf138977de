'use strict';

// The page of `plan serve` (docs/serve.md): the plan's annex as a table or a board, a panel per
// task with its history and actions, live updates when the file changes on disk. Plain script, no
// build step. Every plan value reaches the DOM as text (textContent, createElement), never as HTML.

const STRINGS = {
  zh: {
    loading: '正在读取计划…',
    loadFailed: '无法读取计划：',
    asOf: (date) => `截至 ${date}`,
    file: (file) => `文件 ${file}`,
    commits: '每次写入后提交 git',
    views: { label: '视图', table: '表格', board: '看板', summary: '总结', summaryTitle: '下载全年总结 (网页)' },
    addTask: '新增任务',
    downloads: '下载',
    exports: { 'annex.xlsx': '附件表格 (Excel)', 'annex.docx': '附件表格 (Word)', 'annex.html': '附件表格 (网页)', 'calendar.ics': '日历 (.ics)', 'summary.html': '全年总结 (网页)' },
    filters: { label: '筛选', period: '计划时间', month: '月份', department: '部门', status: '状态', search: '搜索', searchHint: '内容、责任人、附加列', all: '全部', clear: '清除筛选' },
    month: (n) => `${n}月`,
    count: (n) => `共 ${n} 项`,
    noTasks: '没有符合条件的任务',
    boardBy: { label: '看板分列', period: '按计划时间', month: '按月份' },
    noPeriod: '(无计划时间)',
    keys: { id: '序号', period: '计划时间', due: '完成时限', time: '起止日期', content: '内容', departments: '负责部门', support: '配合单位', owners: '责任人', group: '类别', status: '状态' },
    none: '—',
    panel: { task: (id) => `任务 ${id}`, add: '新增任务', close: '关闭', actions: '操作' },
    record: { completed: '完成', cancelled: '取消', log: '进展记录', noLog: '暂无进展记录', by: (by) => `，${by}` },
    actions: { done: '标记完成', undo: '撤销完成', log: '记录进展', cancel: '取消任务', restore: '恢复', edit: '编辑' },
    form: {
      date: '日期',
      by: '完成人',
      note: '备注',
      logNote: '进展',
      reason: '取消原因',
      editNote: '修改原因 (写入进展记录)',
      submit: '提交',
      dismiss: '收起',
      saving: '正在保存…',
      newDepartment: '新部门：把名录中没有的单位加入部门名录',
      listHint: '多个用逗号或“、”分隔',
      registry: (names) => `名录：${names}`,
      periodHint: '如 3-4月、第二季度、全年',
      dueHint: '如 6月底前、2024.09',
      undoIntro: (c) => `将删除完成记录 (${c.date}${c.by ? `，${c.by}` : ''})。`,
      restoreIntro: (c) => `将撤销 ${c.date} 的取消，任务恢复为未完成。`,
      nothingChanged: '没有修改任何内容',
      contentRequired: '内容不能为空',
      noteRequired: '请填写进展',
    },
    conflict: { title: '此任务已被他人修改，未写入', seen: '你看到的版本', current: '文件中的当前版本', gone: '此任务已不在文件中', take: '采用当前版本', close: '关闭' },
    live: {
      changed: '此任务已被他人修改：上面显示的是文件中的当前内容，你填写的内容仍保留。',
      gone: '此任务已从文件中删除。',
      offline: '与服务器的连接已断开，页面可能不是最新的；正在重连…',
      online: '已重新连接',
    },
    history: { title: '变化记录', loading: '正在读取变化记录…', empty: '没有变化记录', uncommitted: '(未提交)' },
    token: { title: '需要访问口令', intro: '此页面设置了访问口令，请输入启动 plan serve 时给出的口令。', label: '口令', submit: '进入', wrong: '口令不正确', needed: '需要先输入访问口令' },
    errors: { network: '无法连接到服务器', forbidden: '请求被拒绝 (页面可能已过期，请刷新)', tooLarge: '内容太长', http: (status) => `出错了 (HTTP ${status})` },
    saved: '已保存',
  },
  en: {
    loading: 'Reading the plan…',
    loadFailed: 'Cannot read the plan: ',
    asOf: (date) => `as of ${date}`,
    file: (file) => `file ${file}`,
    commits: 'each write is committed to git',
    views: { label: 'View', table: 'Table', board: 'Board', summary: 'Summary', summaryTitle: 'Download the year’s summary (web page)' },
    addTask: 'New task',
    downloads: 'Downloads',
    exports: { 'annex.xlsx': 'Annex (Excel)', 'annex.docx': 'Annex (Word)', 'annex.html': 'Annex (web page)', 'calendar.ics': 'Calendar (.ics)', 'summary.html': 'Summary (web page)' },
    filters: { label: 'Filters', period: 'Period', month: 'Month', department: 'Unit', status: 'Status', search: 'Search', searchHint: 'content, owners, extra columns', all: 'All', clear: 'Clear filters' },
    month: (n) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][n - 1],
    count: (n) => `${n} task${n === 1 ? '' : 's'}`,
    noTasks: 'No task matches the filters',
    boardBy: { label: 'Board columns', period: 'By period', month: 'By month' },
    noPeriod: '(no period)',
    keys: { id: 'No.', period: 'Period', due: 'Due', time: 'Dates', content: 'Content', departments: 'Units', support: 'Support', owners: 'Owners', group: 'Group', status: 'Status' },
    none: '—',
    panel: { task: (id) => `Task ${id}`, add: 'New task', close: 'Close', actions: 'Actions' },
    record: { completed: 'Done', cancelled: 'Cancelled', log: 'Progress', noLog: 'No progress notes yet', by: (by) => `, ${by}` },
    actions: { done: 'Mark done', undo: 'Undo done', log: 'Log progress', cancel: 'Cancel task', restore: 'Restore', edit: 'Edit' },
    form: {
      date: 'Date',
      by: 'Done by',
      note: 'Note',
      logNote: 'Progress',
      reason: 'Reason',
      editNote: 'Why (goes into the progress log)',
      submit: 'Save',
      dismiss: 'Close form',
      saving: 'Saving…',
      newDepartment: 'New unit: add units not in the register to it',
      listHint: 'separate several with commas or “、”',
      registry: (names) => `register: ${names}`,
      periodHint: 'e.g. 3-4月, 第二季度, 全年',
      dueHint: 'e.g. 6月底前, 2024.09',
      undoIntro: (c) => `This removes the completion (${c.date}${c.by ? `, ${c.by}` : ''}).`,
      restoreIntro: (c) => `This undoes the cancellation of ${c.date}; the task is open again.`,
      nothingChanged: 'Nothing was changed',
      contentRequired: 'The content cannot be empty',
      noteRequired: 'Write the progress note',
    },
    conflict: { title: 'Someone else changed this task; nothing was written', seen: 'The version you saw', current: 'The version in the file now', gone: 'The task is no longer in the file', take: 'Use the current version', close: 'Close' },
    live: {
      changed: 'Someone else changed this task: the details above are the file’s current ones; what you typed is kept.',
      gone: 'This task was removed from the file.',
      offline: 'Lost the connection to the server; the page may be behind the file. Reconnecting…',
      online: 'Connected again',
    },
    history: { title: 'History', loading: 'Reading the history…', empty: 'No changes recorded.', uncommitted: '(uncommitted)' },
    token: { title: 'Access token needed', intro: 'This page is protected: enter the token plan serve was started with.', label: 'Token', submit: 'Enter', wrong: 'Wrong token', needed: 'Enter the access token first' },
    errors: { network: 'Cannot reach the server', forbidden: 'Request refused (the page may be stale: reload it)', tooLarge: 'Too much text', http: (status) => `Something went wrong (HTTP ${status})` },
    saved: 'Saved',
  },
};

const LANG = document.documentElement.lang === 'en' ? 'en' : 'zh';
const T = STRINGS[LANG];
const CSRF = document.querySelector('meta[name="plan-csrf"]')?.getAttribute('content') ?? '';
const EXPORTS = ['annex.xlsx', 'annex.docx', 'annex.html', 'calendar.ics', 'summary.html'];
/** What separates names typed into one box: commas (either width), 、, semicolons, new lines. */
const NAME_SPLIT = /[,，、;；\n]+/;
/** How long a success message stays in the status line. */
const SAY_MS = 10000;
/** How long to wait before opening the event stream again once the browser gave up on it. */
const RECONNECT_MS = 5000;

const state = {
  /** The body of GET /api/plan, as last read. */
  plan: null,
  view: 'table',
  boardBy: 'period',
  filters: { period: '', month: '', department: '', status: '', search: '' },
  /** The fetch of the plan under way, and whether another was asked for meanwhile. */
  loading: null,
  again: false,
  events: null,
  /** The event stream was lost (the page may be behind the file until it is back). */
  offline: false,
};

/** The side panel: one task (or the new-task form), its open form, the parts re-rendered on updates. */
const panel = {
  mode: null, // 'task' | 'add' | null (never opened)
  id: null,
  shownVersion: null,
  historyVersion: null,
  opener: null, // data-testid of what opened it, to give focus back
  form: null,
  parts: null,
};

let uid = 0;
let sayTimer;

const $ = (id) => document.getElementById(id);

// DOM helpers.

/**
 * An element with attributes and children. Strings become text nodes; `testid` sets
 * data-testid, `on<event>` a listener, `value`/`checked` the property; null, undefined
 * and false are left out. Nothing here parses HTML.
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'testid') el.dataset.testid = v;
    else if (k === 'value') value = v;
    else if (k === 'checked') el.checked = true;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  if (value !== undefined) el.value = value;
  return el;
}

/** Runs a re-render of `scope`; gives focus back to the element with the same data-testid when the focused one was replaced. */
function keepFocus(scope, render) {
  const active = document.activeElement;
  const id = active && scope.contains(active) ? active.dataset?.testid : undefined;
  render();
  if (id && !document.body.contains(active)) scope.querySelector(`[data-testid="${CSS.escape(id)}"]`)?.focus();
}

/** Names as the annex joins them (with 、, in either language: the names are the plan's). */
function joinNames(names) {
  return (names ?? []).join('、');
}

function splitNames(text) {
  return text.split(NAME_SPLIT).map((s) => s.trim()).filter(Boolean);
}

function sameList(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Shows a line in the status line (aria-live); a success fades after a while, an error stays. */
function say(text, kind = 'ok') {
  const line = $('status-line');
  clearTimeout(sayTimer);
  line.className = `status-line ${kind}`;
  line.textContent = text;
  if (kind === 'ok') sayTimer = setTimeout(() => (line.textContent = ''), SAY_MS);
}

// Talking to the server.

/** A JSON request: `{status, body}`; status 0 when the server cannot be reached. A 401 for the token opens the token prompt. */
async function request(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.headers['X-Plan-CSRF'] = CSRF;
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch {
    return { status: 0, body: null };
  }
  const data = await res.json().catch(() => null);
  if (res.status === 401 && data?.error === 'token' && url !== '/api/login') askToken();
  return { status: res.status, body: data };
}

/** The lines to show for a refused request: the CLI's own messages when there are some. */
function messagesOf({ status, body }) {
  if (Array.isArray(body?.messages) && body.messages.length) return body.messages.map(String);
  if (typeof body?.message === 'string' && body.message) return [body.message];
  if (status === 0) return [T.errors.network];
  if (status === 401) return [T.token.needed];
  if (status === 403) return [T.errors.forbidden];
  if (status === 413) return [T.errors.tooLarge];
  return [T.errors.http(status)];
}

/** Fetches the plan and renders it; asks made while one is under way are folded into one more fetch. */
async function loadPlan() {
  if (state.loading) {
    state.again = true;
    return state.loading;
  }
  state.loading = (async () => {
    do {
      state.again = false;
      const res = await request('GET', '/api/plan');
      if (res.status === 200 && res.body) applyPlan(res.body);
      else if (res.status !== 401) showLoadError(res);
    } while (state.again);
  })();
  try {
    await state.loading;
  } finally {
    state.loading = null;
  }
}

function applyPlan(plan) {
  state.plan = plan;
  $('loading').hidden = true;
  $('filters').hidden = false;
  renderHeader();
  syncOptions();
  renderViews();
  refreshPanel();
  if (!state.events) connectEvents();
}

function showLoadError(res) {
  const text = messagesOf(res).join(' ');
  if (state.plan) return say(text, 'error');
  $('loading').hidden = false;
  $('loading').textContent = T.loadFailed + text;
}

/** The server's events: `plan` with the file's version whenever the file changes (and once on connecting). */
function connectEvents() {
  if (typeof EventSource === 'undefined') return;
  const events = new EventSource('/api/events');
  state.events = events;
  events.addEventListener('plan', (e) => {
    let version;
    try {
      ({ version } = JSON.parse(e.data));
    } catch {
      return;
    }
    if (state.plan && version !== state.plan.version) loadPlan();
  });
  events.addEventListener('open', () => {
    if (state.offline) say(T.live.online);
    state.offline = false;
  });
  events.addEventListener('error', () => {
    if (state.events !== events) return;
    if (!state.offline) say(T.live.offline, 'warning');
    state.offline = true;
    // The browser retries by itself unless the answer was not a stream (a 401, a server gone).
    if (events.readyState !== EventSource.CLOSED) return;
    state.events = null;
    setTimeout(() => {
      if (!state.events) connectEvents();
    }, RECONNECT_MS);
  });
}

// The page's frame: header, view switch, filters, downloads.

function buildChrome() {
  $('views').setAttribute('aria-label', T.views.label);
  $('views').append(
    h('button', { type: 'button', class: 'view-button', testid: 'view-table', 'aria-pressed': 'true', onclick: () => setView('table') }, T.views.table),
    h('button', { type: 'button', class: 'view-button', testid: 'view-board', 'aria-pressed': 'false', onclick: () => setView('board') }, T.views.board),
    h('a', { class: 'view-button', href: '/export/summary.html', download: 'summary.html', title: T.views.summaryTitle, testid: 'view-summary' }, T.views.summary),
  );
  $('tools').append(h('button', { type: 'button', class: 'primary', testid: 'add-task', onclick: openAdd }, T.addTask));
  buildFilters();
  buildBoardFrame();
  $('footer').append(
    h('h2', { class: 'footer-title' }, T.downloads),
    h('ul', { class: 'downloads' }, ...EXPORTS.map((name) => h('li', {}, h('a', { href: `/export/${name}`, download: name, testid: `download-${name.replace('.', '-')}` }, T.exports[name])))),
  );
  $('table-view').addEventListener('click', onListClick);
  $('table-view').addEventListener('keydown', onRowKey);
  $('board-view').addEventListener('click', onListClick);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('panel').hidden && $('token').hidden) {
      e.preventDefault();
      closePanel();
    }
  });
}

function renderHeader() {
  const p = state.plan;
  $('plan-title').textContent = p.title;
  document.title = p.title;
  const meta = [h('span', {}, T.asOf(p.asOf)), h('span', {}, T.file(p.file))];
  if (p.commit) meta.push(h('span', { class: 'tag' }, T.commits));
  $('plan-meta').replaceChildren(...meta);
}

function setView(view) {
  state.view = view;
  for (const b of $('views').querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.testid === `view-${view}`));
  renderViews();
}

function buildFilters() {
  const f = T.filters;
  const select = (name, label) => {
    const id = `filter-${name}`;
    const el = h('select', { id, testid: id, onchange: () => setFilter(name, el.value) }, h('option', { value: '' }, f.all));
    return { el, wrap: h('div', { class: 'filter' }, h('label', { for: id }, label), el) };
  };
  const period = select('period', f.period);
  const month = select('month', f.month);
  for (let m = 1; m <= 12; m++) month.el.append(h('option', { value: String(m) }, T.month(m)));
  const department = select('department', f.department);
  const status = select('status', f.status);
  const search = h('input', { type: 'search', id: 'search', testid: 'search', placeholder: f.searchHint, autocomplete: 'off', oninput: () => setFilter('search', search.value.trim()) });
  const clear = h('button', { type: 'button', class: 'link-button', testid: 'filter-clear', onclick: clearFilters }, f.clear);
  $('filters').setAttribute('aria-label', f.label);
  $('filters').append(
    period.wrap,
    month.wrap,
    department.wrap,
    status.wrap,
    h('div', { class: 'filter filter-search' }, h('label', { for: 'search' }, f.search), search),
    h('div', { class: 'filter-end' }, h('span', { id: 'count', class: 'count', testid: 'count' }), clear),
  );
}

function setFilter(name, value) {
  state.filters[name] = value;
  renderViews();
}

function clearFilters() {
  for (const name of Object.keys(state.filters)) state.filters[name] = '';
  for (const el of $('filters').querySelectorAll('select, input')) el.value = '';
  renderViews();
}

/** Fills the selects and datalists from the plan; a select is rebuilt only when its choices changed, keeping its value. */
function syncOptions() {
  const p = state.plan;
  const units = [...new Set([...p.departments, ...p.tasks.flatMap((t) => [...t.departments, ...t.support])])];
  fillSelect('period', periodsOf(p).map((x) => [x, x]));
  fillSelect('department', units.map((x) => [x, x]));
  fillSelect('status', Object.entries(p.statuses));
  fillDatalist('periods-list', p.periods);
  fillDatalist('groups-list', [...new Set(p.tasks.map((t) => t.group).filter(Boolean))]);
}

function fillSelect(name, choices) {
  const el = $(`filter-${name}`);
  const key = JSON.stringify(choices);
  if (el.dataset.choices === key) return;
  el.dataset.choices = key;
  const keep = state.filters[name];
  el.replaceChildren(h('option', { value: '' }, T.filters.all), ...choices.map(([value, label]) => h('option', { value }, label)));
  el.value = choices.some(([value]) => value === keep) ? keep : '';
  state.filters[name] = el.value;
}

function fillDatalist(id, values) {
  $(id).replaceChildren(...values.map((value) => h('option', { value })));
}

/** The plan's periods in its order, then any a task has that the list lacks. */
function periodsOf(p) {
  return [...new Set([...p.periods, ...p.tasks.map((t) => t.period).filter(Boolean)])];
}

// Table and board.

function matches(task, f) {
  if (f.period && task.period !== f.period) return false;
  if (f.month && !(task.months ?? []).includes(Number(f.month))) return false;
  if (f.department && !task.departments.includes(f.department) && !task.support.includes(f.department)) return false;
  if (f.status && task.status !== f.status) return false;
  if (f.search) {
    const q = f.search.toLocaleLowerCase();
    const texts = [task.content, ...task.owners, ...Object.values(task.fields ?? {})];
    if (!texts.some((s) => String(s).toLocaleLowerCase().includes(q))) return false;
  }
  return true;
}

function renderViews() {
  if (!state.plan) return;
  const tasks = state.plan.tasks.filter((t) => matches(t, state.filters));
  $('count').textContent = T.count(tasks.length);
  $('table-view').hidden = state.view !== 'table';
  $('board-view').hidden = state.view !== 'board';
  if (state.view === 'table') keepFocus($('table-view'), () => renderTable(tasks));
  else keepFocus($('board-view'), () => renderBoard(tasks));
}

function statusName(status) {
  return state.plan?.statuses?.[status] ?? status;
}

/** A task's cell in one of the plan's columns (no key: an extra field, by its title). */
function cellText(task, column) {
  switch (column.key) {
    case undefined:
      return task.fields?.[column.title] ?? '';
    case 'id':
      return String(task.id);
    case 'departments':
    case 'support':
    case 'owners':
      return joinNames(task[column.key]);
    default:
      return task[column.key] ?? '';
  }
}

function renderTable(tasks) {
  const columns = state.plan.columns;
  const width = columns.length + 1;
  const body = h('tbody');
  let group = null;
  for (const task of tasks) {
    // A category row where the group changes, as the annex has them.
    if (task.group !== null && task.group !== group) body.append(h('tr', { class: 'group-row' }, h('th', { colspan: width, scope: 'rowgroup' }, task.group)));
    group = task.group;
    body.append(taskRow(task, columns));
  }
  if (!tasks.length) body.append(h('tr', { class: 'empty-row' }, h('td', { colspan: width }, T.noTasks)));
  const head = h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: `col-${c.key ?? 'extra'}` }, c.title)), h('th', { scope: 'col', class: 'col-status' }, T.keys.status));
  $('table-view').replaceChildren(h('div', { class: 'table-scroll' }, h('table', { class: 'tasks' }, h('thead', {}, head), body)));
}

function taskRow(task, columns) {
  const row = h('tr', { class: `task-row${isOpen(task.id) ? ' selected' : ''}`, tabindex: '0', testid: `task-row-${task.id}`, 'data-id': task.id });
  for (const c of columns) row.append(h('td', { class: `col-${c.key ?? 'extra'}`, 'data-label': c.title }, cellText(task, c)));
  row.append(statusCell(task.status));
  return row;
}

function statusCell(status) {
  return h('td', { class: `col-status status status-${status}`, 'data-status': status, 'data-label': T.keys.status }, statusName(status));
}

function statusBadge(status) {
  return h('span', { class: `badge status status-${status}`, 'data-status': status }, statusName(status));
}

/** The board's frame, built once: the column switch (per period or per month) above the columns. */
function buildBoardFrame() {
  const by = (value) =>
    h('button', { type: 'button', class: 'view-button', testid: `board-by-${value}`, 'aria-pressed': String(state.boardBy === value), onclick: () => setBoardBy(value) }, T.boardBy[value]);
  $('board-view').append(h('div', { class: 'board-bar', role: 'group', 'aria-label': T.boardBy.label }, by('period'), by('month')), h('div', { id: 'board', class: 'board' }));
}

function setBoardBy(value) {
  state.boardBy = value;
  for (const b of $('board-view').querySelectorAll('.board-bar button')) b.setAttribute('aria-pressed', String(b.dataset.testid === `board-by-${value}`));
  renderViews();
}

/**
 * One column per period (or per month, a task in every month it spans). A task's first card is
 * `card-<id>`; its cards in later months are `card-<id>-<month>`, so each test hook stays unique.
 */
function renderBoard(tasks) {
  const byMonth = state.boardBy === 'month';
  const columns = byMonth
    ? Array.from({ length: 12 }, (_, i) => ({ label: T.month(i + 1), key: i + 1, has: (t) => (t.months ?? []).includes(i + 1) }))
    : periodsOf(state.plan).map((p) => ({ label: p, key: p, has: (t) => t.period === p }));
  if (!byMonth && tasks.some((t) => !t.period)) columns.push({ label: T.noPeriod, key: 'none', has: (t) => !t.period });
  const seen = new Set();
  const board = columns.map((col) => {
    const items = tasks.filter(col.has);
    const cards = items.map((t) => {
      const testid = seen.has(t.id) ? `card-${t.id}-${col.key}` : `card-${t.id}`;
      seen.add(t.id);
      return h('li', {}, card(t, testid));
    });
    return h(
      'section',
      { class: 'board-col', 'aria-label': col.label },
      h('h2', { class: 'board-head' }, h('span', {}, col.label), h('span', { class: 'board-count' }, String(items.length))),
      cards.length ? h('ul', { class: 'cards' }, cards) : h('p', { class: 'muted board-empty' }, T.none),
    );
  });
  $('board').replaceChildren(...board);
}

function card(task, testid) {
  return h(
    'button',
    { type: 'button', class: `card card-${task.status}${isOpen(task.id) ? ' selected' : ''}`, testid, 'data-id': task.id },
    h('span', { class: 'card-top' }, h('span', { class: 'card-id' }, `#${task.id}`), statusBadge(task.status)),
    h('span', { class: 'card-content' }, task.content),
    h('span', { class: 'card-units' }, joinNames(task.departments)),
  );
}

function onListClick(e) {
  const target = e.target.closest('[data-id]');
  if (target) openTask(Number(target.dataset.id), target.dataset.testid);
}

function onRowKey(e) {
  const row = e.target.closest('tr[data-id]');
  if (!row || e.target !== row) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    openTask(Number(row.dataset.id), row.dataset.testid);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const rows = [...$('table-view').querySelectorAll('tr[data-id]')];
    rows[rows.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
  }
}

function isOpen(id) {
  return panel.mode === 'task' && panel.id === id && !$('panel').hidden;
}

// The task panel.

function findTask(id) {
  return state.plan?.tasks.find((t) => t.id === id);
}

function upsertTask(task) {
  const tasks = state.plan.tasks;
  const at = tasks.findIndex((t) => t.id === task.id);
  if (at >= 0) tasks[at] = task;
  else tasks.push(task);
}

/** The title a key has in this plan's columns, else the page's own word for it. */
function keyTitle(key) {
  return state.plan.columns.find((c) => c.key === key)?.title ?? T.keys[key];
}

function extraColumns() {
  return state.plan.columns.filter((c) => !c.key);
}

/** Opens the panel on a task; the same task's panel (an unfinished form with it) is shown again as it was left. */
function openTask(id, opener) {
  const task = findTask(id);
  if (!task) return;
  if (panel.mode !== 'task' || panel.id !== id) buildTaskPanel(task);
  showPanel(opener);
  refreshPanel();
}

function openAdd() {
  if (!state.plan) return;
  if (panel.mode !== 'add') {
    buildPanelFrame('add', null, T.panel.add);
    openForm('add', null);
  }
  showPanel('add-task');
  panel.form?.el.querySelector('input, textarea')?.focus();
}

function buildTaskPanel(task) {
  buildPanelFrame('task', task.id, T.panel.task(task.id));
}

/** The panel's fixed parts: title and close button, details, actions, notice, conflict box, form, history. */
function buildPanelFrame(mode, id, title) {
  Object.assign(panel, { mode, id, shownVersion: null, historyVersion: null, form: null });
  const parts = {
    title: h('h2', { id: 'panel-title', class: 'panel-title', tabindex: '-1' }, title),
    notice: h('p', { class: 'notice', testid: 'live-notice', role: 'status', hidden: true }),
    conflict: h('div', { class: 'conflict-slot' }),
    details: h('div', { class: 'details' }),
    actions: h('div', { class: 'actions', role: 'group', 'aria-label': T.panel.actions }),
    form: h('div', { class: 'form-slot' }),
    history: h('div', { class: 'history', testid: 'history' }),
  };
  panel.parts = parts;
  const close = h('button', { type: 'button', class: 'close', testid: 'panel-close', 'aria-label': T.panel.close, title: T.panel.close, onclick: closePanel }, '×');
  const history = mode === 'task' && h('section', { class: 'history-section' }, h('h3', {}, T.history.title), parts.history);
  $('panel').replaceChildren(
    h('div', { class: 'panel-head' }, parts.title, close),
    // The notice and the conflict box are about the form below them, so they sit just above it.
    h('div', { class: 'panel-body' }, parts.details, parts.actions, parts.notice, parts.conflict, parts.form, history),
  );
}

function showPanel(opener) {
  panel.opener = opener ?? null;
  const wasHidden = $('panel').hidden;
  $('panel').hidden = false;
  document.body.classList.add('panel-open');
  markSelected();
  if (wasHidden || !$('panel').contains(document.activeElement)) panel.parts.title.focus();
}

function closePanel() {
  if ($('panel').hidden) return;
  $('panel').hidden = true;
  document.body.classList.remove('panel-open');
  markSelected();
  const back = panel.opener && document.querySelector(`[data-testid="${CSS.escape(panel.opener)}"]`);
  if (back) back.focus();
}

function markSelected() {
  for (const el of document.querySelectorAll('.task-row, .card')) el.classList.toggle('selected', isOpen(Number(el.dataset.id)));
}

/**
 * Brings the panel's read-only parts up to the plan as now read. An open form is never rebuilt:
 * when its task changed meanwhile (not by this page's own write), the panel says so instead.
 */
function refreshPanel() {
  if (panel.mode !== 'task' || !panel.parts) return;
  const task = findTask(panel.id);
  if (!task) {
    showNotice(T.live.gone);
    panel.parts.actions.replaceChildren();
    return;
  }
  const changed = panel.shownVersion !== null && panel.shownVersion !== task.version;
  panel.shownVersion = task.version;
  panel.parts.details.replaceChildren(taskDetails(task));
  if (!panel.form) keepFocus(panel.parts.actions, () => renderActions(task));
  if (changed && panel.form && !panel.form.submitting) showNotice(T.live.changed);
  loadHistoryIfStale();
}

function showNotice(text) {
  panel.parts.notice.textContent = text;
  panel.parts.notice.hidden = false;
}

function hideNotice() {
  panel.parts.notice.hidden = true;
  panel.parts.notice.textContent = '';
}

/** A task's details as rows of a definition list; with `other`, rows that differ from it are marked. */
function taskDetails(task, other) {
  const rows = detailRows(task);
  const theirs = other ? new Map(detailRows(other).map((r) => [r.label, r.text])) : undefined;
  return h(
    'dl',
    { class: 'fields' },
    rows.map((r) => h('div', { class: `field-row${theirs && theirs.get(r.label) !== r.text ? ' differs' : ''}` }, h('dt', {}, r.label), h('dd', {}, r.node ?? r.text))),
  );
}

/** Every field of a task, in the annex's order, then its records: `{label, text, node?}`. */
function detailRows(task) {
  const rows = [];
  const add = (label, text, node) => rows.push({ label, text: text || T.none, node });
  add(keyTitle('period'), task.period);
  if (task.due) add(keyTitle('due'), task.due);
  if (task.start && task.end) add(T.keys.time, task.start === task.end ? task.start : `${task.start} – ${task.end}`);
  add(keyTitle('content'), task.content);
  add(keyTitle('departments'), joinNames(task.departments));
  if (task.support.length) add(keyTitle('support'), joinNames(task.support));
  if (task.owners.length) add(keyTitle('owners'), joinNames(task.owners));
  if (task.group) add(keyTitle('group'), task.group);
  const titles = [...new Set([...extraColumns().map((c) => c.title), ...Object.keys(task.fields ?? {})])];
  for (const title of titles) add(title, task.fields?.[title] ?? '');
  add(T.keys.status, statusName(task.status), statusBadge(task.status));
  if (task.completed) {
    const c = task.completed;
    add(T.record.completed, `${c.date}${c.by ? T.record.by(c.by) : ''}${c.note ? ` ${c.note}` : ''}`);
  }
  if (task.cancelled) add(T.record.cancelled, `${task.cancelled.date}${task.cancelled.reason ? ` ${task.cancelled.reason}` : ''}`);
  const log = task.log ?? [];
  const logText = log.map((e) => `${e.date} ${e.note}`).join('\n');
  add(T.record.log, logText || T.record.noLog, log.length ? h('ol', { class: 'log' }, log.map((e) => h('li', {}, h('time', { datetime: e.date }, e.date), ' ', e.note))) : h('span', { class: 'muted' }, T.record.noLog));
  return rows;
}

/** The actions a task's state allows, in the order the buttons show. */
function actionsFor(task) {
  const done = task.completed !== null;
  const cancelled = task.cancelled !== null;
  return [!done && !cancelled && 'done', done && 'undo', 'log', !done && !cancelled && 'cancel', cancelled && 'restore', 'edit'].filter(Boolean);
}

function renderActions(task) {
  panel.parts.actions.replaceChildren(
    ...actionsFor(task).map((kind) =>
      h('button', { type: 'button', class: `action action-${kind}`, testid: FORMS[kind].testid, 'data-action': kind, 'aria-expanded': String(panel.form?.kind === kind), onclick: () => openForm(kind, findTask(panel.id)) }, T.actions[kind]),
    ),
  );
}

// Forms.

/** A labelled input: `{name, input, wrap}`; the input's data-testid is `field-<name>` unless given. */
function field(name, label, { value = '', type = 'text', multiline = false, hint, list, testid = `field-${name}`, required = false } = {}) {
  const id = `f-${name.replace(/[^a-z0-9-]/gi, '')}-${++uid}`;
  if (type === 'checkbox') {
    const input = h('input', { type, id, name, testid, checked: Boolean(value) });
    return { name, input, wrap: h('div', { class: 'field check' }, input, h('label', { for: id }, label)) };
  }
  const hintEl = hint && h('small', { id: `${id}-hint`, class: 'hint' }, hint);
  const attrs = { id, name, testid, value, 'aria-describedby': hintEl && hintEl.id, 'aria-required': required && 'true' };
  const input = multiline ? h('textarea', { ...attrs, rows: '3' }) : h('input', { ...attrs, type, list, autocomplete: 'off' });
  return { name, input, wrap: h('div', { class: 'field' }, h('label', { for: id }, label), input, hintEl) };
}

const trimmed = (form, name) => form.inputs[name]?.value.trim() ?? '';

/** Only the keys given a value: an empty box sends nothing. */
function given(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== '' && v !== undefined && !(Array.isArray(v) && !v.length)));
}

/** The values a task's boxes start with, by input name (`extra:<title>` for the plan's extra columns). */
function taskValues(task) {
  const values = {
    content: task?.content ?? '',
    // As the file has it (a task with only a due shows the due as its period label).
    period: (task?.written ? task.written.period : task?.period) ?? '',
    due: task?.due ?? '',
    departments: joinNames(task?.departments),
    support: joinNames(task?.support),
    owners: joinNames(task?.owners),
    group: task?.group ?? '',
  };
  for (const c of extraColumns()) values[`extra:${c.title}`] = task?.fields?.[c.title] ?? '';
  return values;
}

/** The boxes of a task's keys, for adding and editing; schema 1 plans have only period, content, units. */
function taskFields(task) {
  const v = taskValues(task);
  const schema2 = state.plan.schemaVersion >= 2;
  const units = state.plan.departments.length ? `${T.form.listHint} (${T.form.registry(joinNames(state.plan.departments))})` : T.form.listHint;
  return [
    field('content', keyTitle('content'), { value: v.content, multiline: true, required: true }),
    field('period', keyTitle('period'), { value: v.period, list: 'periods-list', hint: T.form.periodHint }),
    schema2 && field('due', keyTitle('due'), { value: v.due, hint: T.form.dueHint }),
    field('departments', keyTitle('departments'), { value: v.departments, hint: units }),
    schema2 && field('support', keyTitle('support'), { value: v.support, hint: T.form.listHint }),
    schema2 && field('owners', keyTitle('owners'), { value: v.owners, hint: T.form.listHint }),
    schema2 && field('group', keyTitle('group'), { value: v.group, list: 'groups-list' }),
    ...(schema2 ? extraColumns().map((c) => field(`extra:${c.title}`, c.title, { value: v[`extra:${c.title}`], testid: `field-extra-${c.title}` })) : []),
  ].filter(Boolean);
}

const TEXT_KEYS = ['content', 'period', 'due', 'group'];
const LIST_KEYS = ['departments', 'support', 'owners'];

/** An edit's body: only what the user changed from the version the form started from; emptied keys are unset. */
function editBody(form) {
  const base = taskValues(form.base);
  const body = {};
  const unset = [];
  for (const key of TEXT_KEYS) {
    if (!form.inputs[key]) continue;
    const now = trimmed(form, key);
    if (now === base[key].trim()) continue;
    if (now) body[key] = now;
    else if (key === 'content') return { errors: [T.form.contentRequired] };
    else unset.push(key);
  }
  for (const key of LIST_KEYS) {
    if (!form.inputs[key]) continue;
    const now = splitNames(form.inputs[key].value);
    if (sameList(now, form.base[key] ?? [])) continue;
    if (now.length) body[key] = now;
    else unset.push(key);
  }
  const fields = {};
  for (const c of extraColumns()) {
    const name = `extra:${c.title}`;
    if (!form.inputs[name]) continue;
    const now = trimmed(form, name);
    if (now === base[name].trim()) continue;
    if (now) fields[c.title] = now;
    else unset.push(c.title);
  }
  if (Object.keys(fields).length) body.fields = fields;
  if (unset.length) body.unset = unset;
  if (!Object.keys(body).length) return { errors: [T.form.nothingChanged] };
  return { body: { ...body, ...given({ note: trimmed(form, 'note') }) } };
}

function addBody(form) {
  const body = given(Object.fromEntries(TEXT_KEYS.map((key) => [key, trimmed(form, key)])));
  for (const key of LIST_KEYS) if (form.inputs[key]) Object.assign(body, given({ [key]: splitNames(form.inputs[key].value) }));
  const fields = given(Object.fromEntries(extraColumns().map((c) => [c.title, trimmed(form, `extra:${c.title}`)])));
  if (Object.keys(fields).length) body.fields = fields;
  if (form.inputs.newDepartment.checked) body.newDepartment = true;
  return { body };
}

/** Each action's form: its button's test hook, its boxes, its request. */
const FORMS = {
  done: {
    testid: 'action-done',
    fields: () => [field('date', T.form.date, { type: 'date', value: state.plan.asOf }), field('by', T.form.by), field('note', T.form.note, { multiline: true })],
    body: (f) => ({ body: given({ date: trimmed(f, 'date'), by: trimmed(f, 'by'), note: trimmed(f, 'note') }) }),
    url: (id) => `/api/tasks/${id}/done`,
  },
  undo: {
    testid: 'action-undo',
    intro: (task) => T.form.undoIntro(task.completed),
    fields: () => [],
    body: () => ({ body: {} }),
    url: (id) => `/api/tasks/${id}/undo`,
  },
  log: {
    testid: 'action-log',
    fields: () => [field('note', T.form.logNote, { multiline: true, required: true }), field('date', T.form.date, { type: 'date', value: state.plan.asOf })],
    body: (f) => (trimmed(f, 'note') ? { body: given({ note: trimmed(f, 'note'), date: trimmed(f, 'date') }) } : { errors: [T.form.noteRequired] }),
    url: (id) => `/api/tasks/${id}/log`,
  },
  cancel: {
    testid: 'action-cancel',
    fields: () => [field('reason', T.form.reason, { multiline: true }), field('date', T.form.date, { type: 'date', value: state.plan.asOf })],
    body: (f) => ({ body: given({ reason: trimmed(f, 'reason'), date: trimmed(f, 'date') }) }),
    url: (id) => `/api/tasks/${id}/cancel`,
  },
  // Restoring is the cancel endpoint with `undo`; its button keeps the cancel button's hook.
  restore: {
    testid: 'action-cancel',
    intro: (task) => T.form.restoreIntro(task.cancelled),
    fields: () => [],
    body: () => ({ body: { undo: true } }),
    url: (id) => `/api/tasks/${id}/cancel`,
  },
  edit: {
    testid: 'action-edit',
    fields: (task) => [...taskFields(task), field('note', T.form.editNote, { multiline: true })],
    body: editBody,
    url: (id) => `/api/tasks/${id}/edit`,
  },
  add: {
    fields: () => [...taskFields(null), field('newDepartment', T.form.newDepartment, { type: 'checkbox', testid: 'field-new-department' })],
    body: addBody,
    url: () => '/api/tasks',
  },
};

/** Opens an action's form under the buttons (the same one again just takes focus). */
function openForm(kind, task) {
  if (panel.form?.kind === kind) return panel.form.el.querySelector('input, textarea, button[type=submit]')?.focus();
  const spec = FORMS[kind];
  const fields = spec.fields(task);
  const title = kind === 'add' ? T.panel.add : T.actions[kind];
  const errors = h('ul', { class: 'form-errors', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', testid: 'submit' }, kind === 'add' || kind === 'edit' ? T.form.submit : T.actions[kind]);
  const dismiss = kind !== 'add' && h('button', { type: 'button', class: 'link-button', testid: 'form-dismiss', onclick: () => closeForm() }, T.form.dismiss);
  const el = h(
    'form',
    { class: `action-form form-${kind}`, novalidate: true, 'aria-label': title },
    kind !== 'add' && h('h3', {}, title),
    spec.intro && h('p', { class: 'intro' }, spec.intro(task)),
    errors,
    fields.map((f) => f.wrap),
    h('div', { class: 'form-buttons' }, submit, dismiss),
  );
  const form = { kind, el, errors, submit, inputs: Object.fromEntries(fields.map((f) => [f.name, f.input])), base: task, version: task?.version, submitting: false };
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    submitForm(form);
  });
  el.addEventListener('input', (e) => (e.target.dataset.dirty = '1'));
  panel.form = form;
  panel.parts.form.replaceChildren(el);
  panel.parts.conflict.replaceChildren();
  hideNotice();
  for (const b of panel.parts.actions.querySelectorAll('button')) b.setAttribute('aria-expanded', String(b.dataset.action === kind));
  (el.querySelector('input, textarea') ?? submit).focus();
}

/** Closes the open form; focus goes back to its action's button. */
function closeForm({ focus = true } = {}) {
  const kind = panel.form?.kind;
  panel.form = null;
  panel.parts.form.replaceChildren();
  panel.parts.conflict.replaceChildren();
  hideNotice();
  const task = findTask(panel.id);
  if (panel.mode === 'task' && task) renderActions(task);
  if (!focus) return;
  const button = panel.parts.actions.querySelector(`[data-action="${kind}"]`);
  (button ?? panel.parts.title).focus();
}

function showFormErrors(form, lines) {
  form.errors.replaceChildren(...lines.map((line) => h('li', {}, line)));
  form.errors.hidden = false;
}

function setSubmitting(form, on) {
  form.submitting = on;
  form.submit.disabled = on;
  form.el.setAttribute('aria-busy', String(on));
}

async function submitForm(form) {
  if (form.submitting) return;
  form.errors.hidden = true;
  const spec = FORMS[form.kind];
  const made = spec.body(form);
  if (made.errors) return showFormErrors(form, made.errors);
  const body = form.kind === 'add' ? made.body : { ...made.body, version: form.version };
  setSubmitting(form, true);
  say(T.form.saving, 'busy');
  const res = await request('POST', spec.url(form.base?.id), body);
  setSubmitting(form, false);
  if (res.status === 200 && res.body) return written(form, res.body);
  $('status-line').textContent = '';
  if (res.status === 409 && res.body?.error === 'conflict') return showConflict(form, res.body);
  showFormErrors(form, messagesOf(res));
}

/** A write went through: the server's own line, the task as now written, the rest of the plan fetched again if it moved on. */
function written(form, body) {
  say(body.warning ? `${body.message || T.saved} ${body.warning}` : body.message || T.saved, body.warning ? 'warning' : 'ok');
  if (body.task) upsertTask(body.task);
  const still = panel.form === form; // not closed, nor another task opened, while it was sent
  if (still && form.kind === 'add') panel.mode = null; // the next "new task" starts from an empty form
  else if (still) closeForm({ focus: false });
  renderViews();
  refreshPanel();
  if (still && form.kind === 'add' && body.task) openTask(body.task.id, `task-row-${body.task.id}`);
  else if (still) panel.parts.title.focus();
  if (body.version !== state.plan.version) loadPlan();
}

/** The task changed since the form was opened: both versions side by side, nothing retried. */
function showConflict(form, body) {
  const current = body.current ?? null;
  const take = h('button', { type: 'button', class: 'primary', testid: 'conflict-take', onclick: () => takeCurrent(form, current) }, current ? T.conflict.take : T.conflict.close);
  const box = h(
    'section',
    { class: 'conflict', testid: 'conflict', role: 'alert' },
    h('h3', {}, T.conflict.title),
    body.message && h('p', {}, body.message),
    h(
      'div',
      { class: 'conflict-cols' },
      h('div', { class: 'conflict-col' }, h('h4', {}, T.conflict.seen), taskDetails(form.base, current ?? undefined)),
      h('div', { class: 'conflict-col' }, h('h4', {}, T.conflict.current), current ? taskDetails(current, form.base) : h('p', {}, T.conflict.gone)),
    ),
    h('div', { class: 'form-buttons' }, take),
  );
  hideNotice();
  panel.parts.conflict.replaceChildren(box);
  take.focus();
}

/**
 * Takes the file's version: the panel shows it, the form now writes against it. In an edit form
 * the boxes the user did not touch take the current values; what they typed stays.
 */
function takeCurrent(form, current) {
  panel.parts.conflict.replaceChildren();
  hideNotice();
  if (!current) {
    state.plan.tasks = state.plan.tasks.filter((t) => t.id !== form.base.id);
    panel.mode = null;
    closePanel();
    renderViews();
    loadPlan();
    return;
  }
  upsertTask(current);
  if (form.kind === 'edit') {
    const values = taskValues(current);
    for (const [name, input] of Object.entries(form.inputs)) if (name in values && !input.dataset.dirty) input.value = values[name];
  }
  form.base = current;
  form.version = current.version;
  panel.shownVersion = current.version;
  renderViews();
  if (actionsFor(current).includes(form.kind)) {
    refreshPanel();
    (form.el.querySelector('input, textarea') ?? form.submit).focus();
  } else {
    closeForm({ focus: false });
    refreshPanel();
    panel.parts.title.focus();
  }
  loadPlan();
}

// History.

/** Reads the open task's history when the panel shows a version it was not read for. */
function loadHistoryIfStale() {
  if (panel.mode !== 'task' || $('panel').hidden) return;
  const task = findTask(panel.id);
  if (task && panel.historyVersion !== task.version) loadHistory(task);
}

async function loadHistory(task) {
  const slot = panel.parts.history;
  panel.historyVersion = task.version;
  slot.setAttribute('aria-busy', 'true');
  if (!slot.firstChild) slot.append(h('p', { class: 'muted' }, T.history.loading));
  const res = await request('GET', `/api/tasks/${task.id}/history`);
  if (panel.parts?.history !== slot) return; // the panel moved on to another task meanwhile
  slot.removeAttribute('aria-busy');
  if (res.status !== 200 || !Array.isArray(res.body?.entries)) {
    panel.historyVersion = null; // try again on the next update
    return slot.replaceChildren(h('p', { class: 'muted history-error' }, messagesOf(res).join(' ')));
  }
  const entries = [...res.body.entries].reverse(); // newest first
  slot.replaceChildren(entries.length ? h('ol', { class: 'history-list' }, entries.map(historyItem)) : h('p', { class: 'muted' }, T.history.empty));
}

function historyItem(entry) {
  const when = entry.date ? entry.date.slice(0, 16).replace('T', ' ') : T.history.uncommitted;
  return h(
    'li',
    { title: entry.subject ?? undefined },
    h('span', { class: 'history-meta' }, h('time', { datetime: entry.date ?? undefined }, when), entry.author && h('span', { class: 'author' }, entry.author), entry.commit && h('code', {}, entry.commit.slice(0, 7))),
    h('span', { class: 'history-change' }, entry.text ?? String(entry.change?.kind ?? '')), // in the server's words, as `plan history` prints it
  );
}

// The access token.

/** Asks for the server's access token once; after a good one the plan (and the events) load again. */
function askToken() {
  const box = $('token');
  if (!box.hidden) return;
  if (!state.plan) $('loading').textContent = T.token.needed;
  const input = h('input', { type: 'password', id: 'token-input', testid: 'field-token', autocomplete: 'current-password', required: true });
  const errors = h('p', { class: 'form-errors', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', testid: 'token-submit' }, T.token.submit);
  const form = h(
    'form',
    { class: 'token-box', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'token-title', testid: 'token' },
    h('h2', { id: 'token-title' }, T.token.title),
    h('p', {}, T.token.intro),
    errors,
    h('div', { class: 'field' }, h('label', { for: 'token-input' }, T.token.label), input),
    h('div', { class: 'form-buttons' }, submit),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    const res = await request('POST', '/api/login', { token: input.value });
    submit.disabled = false;
    if (res.status !== 200) {
      errors.textContent = res.status === 401 ? T.token.wrong : messagesOf(res).join(' ');
      errors.hidden = false;
      input.select();
      return;
    }
    box.hidden = true;
    box.replaceChildren();
    state.events?.close();
    state.events = null;
    loadPlan();
  });
  box.replaceChildren(form);
  box.hidden = false;
  input.focus();
}

// Start.

$('loading').textContent = T.loading;
$('plan-title').textContent = document.title; // the server's, until the plan is read
buildChrome();
loadPlan();
