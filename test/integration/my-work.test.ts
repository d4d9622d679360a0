/**
 * The sidebar's server side for issue 22 point 7 (SPEC §4), on the built bundle as each person:
 * My work (my open tasks with health, sign-offs and action items waiting for me, read column by
 * column) and the call that selects an item's row; the card's state-aware offers (no acceptance for
 * the owner, nothing to post on a done task, an outsider told why, the delay-reason bound the server
 * checks with); blocking with a reason, refused field by field and recorded once on a retry; the
 * request card; and pickers from Departments and People.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import type { ActionResult, MyWork, SidebarSetup, SidebarState } from '../../src/contract';
import { columnDef, headerText, sheetTitle, type SheetKey } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { writeSheet } from '../support/sheets';
import { at } from '../support/days';

const COORDINATOR = 'pmo@corp.cn';
const OWNER = 'zhangwei@corp.cn';
const REQUESTER = 'lina@corp.cn';
const HEAD = 'head.market@corp.cn';
const SALES_HEAD = 'wangqiang@corp.cn';
const STAFF = 'wangfang@corp.cn';
const TASK = 'RW202407001-01';
const TOKEN = '0123456789abcdef0123456789abcdef';

/**
 * 张伟 (市场部) owns three tasks of 李娜's request in execution (one done) and one of her second
 * request, whose split waits for 周主管 and 王强; 王芳 owns a 销售部 task; the log holds an open action
 * item of 张伟's, a done one and one of 王芳's. Thursday 2024-07-11 10:00.
 */
function setUp(): LoadedProject {
  const project = loadBundle({ now: at('2024-07-11T10:00'), activeUser: OWNER });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'departments', [
    { name: '市场部', head: '周主管' },
    { name: '销售部', head: '王强' },
  ]);
  writeSheet(project, 'people', [
    { name: '张伟', email: OWNER, dept: '市场部' },
    { name: '李娜', email: REQUESTER, dept: '销售部' },
    { name: '周主管', email: HEAD, dept: '市场部' },
    { name: '王强', email: SALES_HEAD, dept: '销售部' },
    { name: '王芳', email: STAFF, dept: '销售部' },
  ]);
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '新品上市', dept: '销售部', requester: '李娜', goal: '销量', status: '执行中' },
    { id: 'XQ202407002', title: '渠道大会', dept: '销售部', requester: '李娜', goal: '签约', status: '待会签' },
  ]);
  const task = { request: 'XQ202407001', dept: '市场部', owner: '张伟', start: at('2024-07-08T00:00') };
  writeSheet(project, 'tasks', [
    { ...task, id: TASK, name: '渠道方案', due: at('2024-07-19T00:00'), status: '进行中', health: '滞后' },
    { ...task, id: 'RW202407001-02', name: '海报', due: at('2024-07-10T00:00'), status: '已完成', health: '已完成' },
    { ...task, id: 'RW202407001-03', name: '报价', dept: '销售部', owner: '王芳', due: at('2024-07-12T00:00') },
    { ...task, id: 'RW202407001-04', name: '物料清单', due: at('2024-07-15T00:00'), status: '未开始', health: '正常' },
    { ...task, id: 'RW202407002-01', request: 'XQ202407002', name: '会场', due: at('2024-07-30T00:00') },
  ]);
  writeSheet(project, 'signOffs', [
    { subject: '分工', ref: 'XQ202407002', signer: '周主管', decision: '待签', requestedAt: at('2024-07-10T09:00') },
    { subject: '分工', ref: 'XQ202407002', signer: '王强', decision: '待签', requestedAt: at('2024-07-10T09:00') },
  ]);
  writeSheet(project, 'communications', [
    {
      date: at('2024-07-09T00:00'),
      ref: 'XQ202407001',
      topic: '方案评审',
      actions: '提供参数',
      actionOwner: '张伟',
      actionDue: at('2024-07-12T00:00'),
      actionStatus: '未完成',
    },
    {
      date: at('2024-07-09T00:00'),
      ref: 'XQ202407001',
      topic: '周会',
      actions: '发周报',
      actionOwner: '张伟',
      actionStatus: '已完成',
    },
    {
      date: at('2024-07-10T00:00'),
      ref: 'XQ202407001',
      topic: '报价会',
      actions: '报价单',
      actionOwner: '王芳',
      actionStatus: '未完成',
    },
  ]);
  writeSheet(project, 'progress', []);
  writeSheet(project, 'changeHistory', []);
  writeSheet(project, 'notificationLog', []);
  return project;
}

function as<T>(project: LoadedProject, user: string, name: string, ...args: unknown[]): T {
  project.emulator.session.emuSetActiveUser(user);
  // As google.script.run hands it to the page: plain JSON, not the bundle's own objects.
  return JSON.parse(JSON.stringify(project.runFromSidebar(name, ...args) ?? null)) as T;
}

function select(project: LoadedProject, key: SheetKey, row: number): void {
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'));
  assert.ok(sheet);
  project.emulator.spreadsheet.setActiveSheet(sheet);
  sheet.setActiveRange(sheet.getRange(row, 1));
}

function rows(project: LoadedProject, key: SheetKey): unknown[][] {
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'));
  return (sheet?.getDataRange().getValues() ?? []).slice(1).filter((row) => row.some((cell) => cell !== ''));
}

function cell(project: LoadedProject, key: SheetKey, row: number, column: string): unknown {
  const values = project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'))!.getDataRange().getValues();
  return values[row - 1]![values[0]!.indexOf(headerText(columnDef(key, column as never), 'zh-CN'))];
}

function cardOf(project: LoadedProject, user: string, row = 2): NonNullable<SidebarState['card']> {
  select(project, 'tasks', row);
  const card = as<SidebarState>(project, user, 'getSidebarState').card;
  assert.ok(card, 'a task card');
  return card;
}

describe('My work', () => {
  test('the owner sees their open tasks soonest due first with health, and their open action items', () => {
    const project = setUp();
    const work = as<MyWork>(project, OWNER, 'getMyWork');
    assert.deepEqual(
      work.sections.map((section) => section.kind),
      ['tasks', 'actions'],
      'no sign-off waits for 张伟, so that section is left out',
    );
    const [tasks, actions] = work.sections;
    assert.equal(tasks!.title, '我的任务（3）');
    assert.deepEqual(
      tasks!.items.map((item) => [item.target.id, item.title, item.healthCode]),
      [
        ['RW202407001-04', '物料清单', 'onTrack'],
        [TASK, '渠道方案', 'lagging'],
        ['RW202407002-01', '会场', ''],
      ],
      'the done task and 王芳’s are not listed',
    );
    assert.match(tasks!.items[1]!.detail, /截止 2024-07-19/);
    assert.equal(tasks!.items[1]!.health, '滞后');
    assert.deepEqual(
      actions!.items.map((item) => [item.title, item.target]),
      [['提供参数', { sheet: 'communications', id: '方案评审', row: 2 }]],
      'the done item and 王芳’s are not listed',
    );
    assert.match(actions!.items[0]!.detail, /截止 2024-07-12 · 来自「方案评审」/);
  });

  test('a head sees the split waiting for their sign-off, which selects the request', () => {
    const project = setUp();
    const work = as<MyWork>(project, HEAD, 'getMyWork');
    const signOffs = work.sections.find((section) => section.kind === 'signOffs');
    assert.ok(signOffs, JSON.stringify(work));
    assert.equal(signOffs.items.length, 1);
    assert.equal(signOffs.items[0]!.title, '任务分工 · 渠道大会');
    assert.deepEqual(signOffs.items[0]!.target, { sheet: 'requests', id: 'XQ202407002' });
  });

  test('My work reads only the columns it shows, not whole sheets', () => {
    const project = setUp();
    project.emulator.calls.reset();
    as<MyWork>(project, OWNER, 'getMyWork');
    const cells = project.emulator.calls.cells();
    const read = Object.values(cells).reduce((sum, n) => sum + n, 0);
    // Tasks: header (≥ 24) + 5 rows × the span id…health; not 6 rows × every column.
    const tasksWhole = 6 * rows(project, 'tasks')[0]!.length;
    assert.ok(read > 0);
    assert.ok(
      read < tasksWhole + 6 * 9 + 10 * 8,
      `read ${read} cells (${JSON.stringify(cells)}); Tasks alone is ${tasksWhole}`,
    );
  });

  test('the page’s poll reads neither Requests nor Tasks while no row is selected and nothing waits to be signed', () => {
    const project = setUp();
    const tasks = project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!;
    const width = tasks.getLastColumn();
    const filler = Array.from({ length: 300 }, (_, i) => [`RW202407001-${100 + i}`, ...new Array(width - 1).fill('x')]);
    tasks.getRange(tasks.getLastRow() + 1, 1, filler.length, width).setValues(filler);
    select(project, 'people', 2);
    project.emulator.calls.reset();
    const state = as<SidebarState>(project, OWNER, 'getSidebarState');
    assert.deepEqual([state.card, state.request, state.signOffs], [null, null, []]);
    const read = Object.values(project.emulator.calls.cells()).reduce((sum, n) => sum + n, 0);
    assert.ok(read < 300 * width, `read ${read} cells; Tasks alone is ${tasks.getLastRow() * width}`);
  });

  test('a click selects the item’s row, found by ID now, and the card follows', () => {
    const project = setUp();
    // A row inserted above since My work was read: the item is found where it is now.
    project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!.insertRowBefore(2);
    assert.equal(as<boolean>(project, OWNER, 'selectMyWorkItem', { sheet: 'tasks', id: TASK }), true);
    const state = as<SidebarState>(project, OWNER, 'getSidebarState');
    assert.equal(state.card?.id, TASK);
    assert.equal(project.emulator.spreadsheet.getActiveSheet().getActiveRange()?.getRow(), 3);

    assert.equal(
      as<boolean>(project, OWNER, 'selectMyWorkItem', { sheet: 'communications', id: '方案评审', row: 2 }),
      true,
    );
    assert.equal(project.emulator.spreadsheet.getActiveSheet().getName(), sheetTitle('communications', 'zh-CN'));
    assert.equal(as<boolean>(project, OWNER, 'selectMyWorkItem', { sheet: 'tasks', id: 'RW209912001-01' }), false);
    assert.throws(() => as(project, OWNER, 'selectMyWorkItem', { sheet: 'settings', id: 'x' }), /Not a My work item/);
  });

  test('an editor Apps Script does not name has no My work', () => {
    const project = setUp();
    assert.deepEqual(as<MyWork>(project, '', 'getMyWork'), { sections: [] });
  });
});

describe('the card offers only what the user may do now', () => {
  test('the owner gets no acceptance; a coordinator does; a done task takes no progress, plan change or block', () => {
    const project = setUp();
    const owners = cardOf(project, OWNER);
    assert.equal(owners.mayAccept, false);
    assert.equal(owners.takesProgress, true);
    assert.equal(owners.mayBlock, true);
    assert.equal(owners.postRefusal, '');
    assert.equal(cardOf(project, COORDINATOR).mayAccept, true);
    const done = cardOf(project, OWNER, 3);
    assert.deepEqual(
      [done.takesProgress, done.takesPlanChange, done.mayAccept, done.mayBlock],
      [false, false, false, false],
    );
  });

  test('an outsider is told why they may not post, and the server refuses the same', () => {
    const project = setUp();
    const card = cardOf(project, STAFF);
    assert.match(card.postRefusal, /张伟/);
    assert.equal(card.mayBlock, false);
    const result = as<ActionResult>(
      project,
      STAFF,
      'submitSidebarForm',
      'progress',
      { task: TASK, summary: '', pct: '' },
      TOKEN,
    );
    assert.equal(result.ok, false);
    assert.ok(result.message.includes(card.postRefusal.slice(0, 12)), result.message);
  });

  test('the delay reason is required below the card’s bound, as the server checks it', () => {
    const project = setUp();
    const card = cardOf(project, OWNER);
    assert.ok(card.delayReasonBelowPct !== null && card.plannedPct !== null);
    assert.equal(card.delayReasonBelowPct, card.plannedPct - 20, 'the plan less the lag threshold (20)');
    const below = Math.ceil(card.delayReasonBelowPct) - 1;
    const behind = as<ActionResult>(
      project,
      OWNER,
      'submitSidebarForm',
      'progress',
      { task: TASK, summary: '写了一半', pct: String(below) },
      'a'.repeat(32),
    );
    assert.equal(behind.ok, false);
    assert.ok(!behind.ok && 'delayReason' in behind.errors, JSON.stringify(behind));
    const atBound = as<ActionResult>(
      project,
      OWNER,
      'submitSidebarForm',
      'progress',
      { task: TASK, summary: '写了一半', pct: String(Math.ceil(card.delayReasonBelowPct)) },
      'b'.repeat(32),
    );
    assert.equal(atBound.ok, true, atBound.message);
  });
});

describe('blocked with a reason', () => {
  const block = (project: LoadedProject, user: string, payload: unknown, token = TOKEN) =>
    as<ActionResult>(project, user, 'submitSidebarForm', 'block', payload, token);

  test('the owner blocks: status 阻塞, a Progress entry and a Change history row, once on a retry', () => {
    const project = setUp();
    const first = block(project, OWNER, { task: TASK, delayReason: '等待销售部大客户数据' });
    assert.equal(first.ok, true, first.message);
    assert.match(first.message, /已标记为阻塞/);
    const retry = block(project, OWNER, { task: TASK, delayReason: '等待销售部大客户数据' });
    assert.equal(retry.ok, true);
    assert.equal(cell(project, 'tasks', 2, 'status'), '阻塞');
    assert.equal(cell(project, 'tasks', 2, 'delayReason'), '等待销售部大客户数据');
    const progress = rows(project, 'progress');
    assert.equal(progress.length, 1, 'one Progress entry however often the click is retried');
    assert.ok(progress[0]!.includes('阻塞：等待销售部大客户数据'));
    assert.ok(progress[0]!.includes('等待销售部大客户数据'));
    const history = rows(project, 'changeHistory').map((row) => row.join('|'));
    assert.equal(history.filter((row) => row.includes('等待销售部大客户数据')).length, 1, history.join('\n'));
    assert.equal(history.filter((row) => row.includes('进行中') && row.includes('阻塞')).length, 1, history.join('\n'));
    // The card says it as a sentence and no longer offers blocking.
    const card = cardOf(project, OWNER);
    assert.ok(
      card.history.some((line) => line.sentence === '张伟 标记阻塞：「等待销售部大客户数据」'),
      JSON.stringify(card.history),
    );
    assert.equal(card.mayBlock, false);

    // Posting progress unblocks it.
    const posted = as<ActionResult>(
      project,
      OWNER,
      'submitSidebarForm',
      'progress',
      { task: TASK, summary: '数据已到', pct: '40' },
      'c'.repeat(32),
    );
    assert.equal(posted.ok, true, posted.message);
    assert.equal(cell(project, 'tasks', 2, 'status'), '进行中');
  });

  test('refusals: an outsider before any field, a done task, an empty reason on its field', () => {
    const project = setUp();
    const outsider = block(project, STAFF, { task: TASK, delayReason: '' });
    assert.equal(outsider.ok, false);
    assert.deepEqual(
      Object.keys(!outsider.ok ? outsider.errors : {}),
      ['task'],
      'told who may, not that the reason is missing',
    );
    assert.match(outsider.message, /张伟/);
    const done = block(project, OWNER, { task: 'RW202407001-02', delayReason: '没人' }, 'd'.repeat(32));
    assert.equal(done.ok, false);
    assert.match(done.message, /已完成.*只有「未开始、进行中」的任务可以标记阻塞/);
    const empty = block(project, OWNER, { task: TASK, delayReason: '  ' }, 'e'.repeat(32));
    assert.equal(empty.ok, false);
    assert.deepEqual(!empty.ok && empty.errors, { delayReason: '必填。' });
    const notText = block(project, OWNER, { task: TASK, delayReason: 42 }, 'f'.repeat(32));
    assert.equal(notText.ok, false);
    assert.ok(!notText.ok && 'delayReason' in notText.errors);
    assert.deepEqual(rows(project, 'progress'), []);
    assert.deepEqual(rows(project, 'changeHistory'), []);
    assert.equal(cell(project, 'tasks', 2, 'status'), '进行中');
  });
});

describe('the request card', () => {
  test('a request waiting for sign-off names who it waits for, with its tasks and sign-offs', () => {
    const project = setUp();
    select(project, 'requests', 3);
    const state = as<SidebarState>(project, REQUESTER, 'getSidebarState');
    assert.equal(state.card, null);
    assert.equal(state.hint, '');
    const request = state.request;
    assert.ok(request);
    assert.equal(request.title, '渠道大会');
    assert.equal(request.status, '待会签');
    assert.equal(request.requester, '李娜');
    assert.equal(request.waitingFor, '等待 周主管、王强 会签');
    assert.deepEqual(
      request.tasks.map((task) => [task.name, task.owner, task.due]),
      [['会场', '张伟', '2024-07-30']],
    );
    assert.deepEqual(request.signOffs, [
      { signer: '周主管', decision: '待签' },
      { signer: '王强', decision: '待签' },
    ]);
  });

  test('a request in execution counts its open tasks', () => {
    const project = setUp();
    select(project, 'requests', 2);
    const request = as<SidebarState>(project, OWNER, 'getSidebarState').request;
    assert.equal(request?.waitingFor, '各负责人完成 3 项未完成任务，0 项待验收');
    assert.equal(request?.tasks.length, 4);
  });
});

test('pickers: departments by name, people shown by name and sent as their email', () => {
  const project = setUp();
  const setup = as<SidebarSetup>(project, OWNER, 'getSidebarSetup');
  const field = (form: string, key: string) =>
    setup.forms.find((spec) => spec.key === form)?.fields.find((spec) => spec.key === key);
  assert.deepEqual(field('request', 'dept')?.options, [
    { value: '市场部', label: '市场部' },
    { value: '销售部', label: '销售部' },
  ]);
  const requester = field('request', 'requester');
  assert.equal(requester?.input, 'select');
  assert.equal(requester?.initial, OWNER);
  assert.deepEqual(requester?.options?.[0], { value: OWNER, label: '张伟' });
  assert.equal(field('communication', 'actionOwner')?.input, 'select');
  // The server still checks: a department Departments does not list is refused on its field.
  const filed = as<ActionResult>(
    project,
    OWNER,
    'submitSidebarForm',
    'request',
    { title: '新品', dept: '不存在部', requester: OWNER, goal: '销量' },
    'g'.repeat(32),
  );
  assert.equal(filed.ok, false);
  assert.ok(!filed.ok && 'dept' in filed.errors, JSON.stringify(filed));
});
