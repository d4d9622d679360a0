/**
 * Protections of SPEC §3.6 under enforcement: every role's path through the add-on, on the built
 * bundle, in an emulator that enforces protections per user as Sheets does (the test/emulator
 * fidelity tests cite the sources). The file belongs to an IT account, so the coordinator is an
 * editor like any other and passes only where the protections list them.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { ActionResult } from '../../src/contract';
import { t } from '../../src/i18n/index';
import { Desk, day } from './workflow-fixture';

const FILE_OWNER = 'it@example.com';
const OWNER = 'zhang.san@example.com'; // 张三, owner of the 市场部 task
const REQUESTER = 'wang.wu@example.com'; // 王五, 售后部 staff
const MARKET_HEAD = 'head.market@example.com';
const SALES_HEAD = 'head.sales@example.com';
const REFUSAL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function sidebar(desk: Desk, name: string, ...args: unknown[]): ActionResult {
  return desk.project.runFromSidebar(name, ...args) as ActionResult;
}

function said(result: ActionResult): string {
  return [result.message, ...(result.ok ? [] : Object.values(result.errors))].join('\n');
}

/** Types one cell over another as `user` would and fires onEdit with the value it replaced. */
function typeOver(desk: Desk, key: Parameters<Desk['cell']>[0], row: number, column: string, value: unknown) {
  const range = desk.cell(key, row, column);
  const oldValue = range.getValue();
  range.setValue(value as never);
  desk.project.call('onEdit', { range, source: desk.ss, value, oldValue });
}

/** Alerts the menus showed, none of which may be a protection refusal. */
function alerts(desk: Desk): string {
  return desk.ui
    .emuAlerts()
    .map((a) => a.message)
    .join('\n');
}

/**
 * A workbook set up by its coordinator (not the file's owner), a request approved and split from
 * the sidebar into a 市场部 task owned by 张三 and a 销售部 one owned by 李四, signed off by both heads.
 */
function signedOffDesk(): { desk: Desk; id: string; task: string } {
  const desk = new Desk('zh-CN', { emulator: { owner: FILE_OWNER } });
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const task = { dept: '市场部', owner: '张三', start: day(-2), due: day(7), deliverable: '方案经评审通过' };
  const split = sidebar(desk, 'splitRequest', {
    requestId: id,
    tasks: [
      { ...task, name: '新品推广方案初稿撰写' },
      { ...task, name: '销售培训材料制作', dept: '销售部', owner: '李四', due: day(9) },
    ],
  });
  assert.equal(split.ok, true, said(split));
  for (const head of [MARKET_HEAD, SALES_HEAD]) {
    const agreed = desk.as(head, () =>
      sidebar(desk, 'decideSignOff', { subject: 'split', ref: id, decision: 'agree', comment: '' }),
    );
    assert.equal(agreed.ok, true, said(agreed));
  }
  return { desk, id, task: String(desk.value('tasks', 2, 'id')) };
}

describe('every role through the add-on, with protections enforced', () => {
  let fixture: ReturnType<typeof signedOffDesk>;
  beforeAll(() => {
    fixture = signedOffDesk();
  });

  test('the coordinator, an editor but not the file owner, sets up, approves, splits; both heads sign off', () => {
    const { desk, id, task } = fixture;
    assert.match(id, /^XQ\d{9}$/);
    assert.match(task, /^RW\d{9}-01$/);
    assert.notEqual(desk.text('tasks', 2, 'baseline'), '', 'the split stamps the baseline');
    assert.equal(desk.text('tasks', 2, 'baseline'), desk.text('tasks', 2, 'due'));
    assert.ok(desk.value('requests', 2, 'approved') instanceof Date, 'approval stamps its time');
    assert.equal(desk.value('requests', 2, 'status'), '执行中');
    assert.doesNotMatch(alerts(desk), /protected cell/);
  });

  test('the owner posts progress from the sidebar: % and last update (⚙) of the task, Progress stamps and Change history are written', () => {
    const { desk, task } = fixture;
    const posted = desk.as(OWNER, () =>
      sidebar(desk, 'submitSidebarForm', 'progress', { task, summary: '方案撰写50%', pct: '50', delayReason: '无' }),
    );
    assert.equal(posted.ok, true, said(posted));
    assert.equal(desk.value('tasks', 2, 'pct'), 50);
    assert.ok(desk.value('tasks', 2, 'lastUpdate') instanceof Date);
    const progress = desk.sheet('progress').getLastRow();
    assert.match(desk.text('progress', progress, 'updatedBy'), /张三|zhang\.san@example\.com/);
    const history = desk.sheet('changeHistory');
    assert.match(
      history.getRange(history.getLastRow(), 1, 1, history.getLastColumn()).getValues()[0]!.join('|'),
      /张三|zhang\.san/,
    );
  });

  test('the coordinator validates, runs the checks and generates the weekly summary', () => {
    const { desk } = fixture;
    desk.project.call('validate_');
    desk.project.call('runChecksNow_');
    desk.project.call('weeklySummary_');
    assert.doesNotMatch(alerts(desk), /protected cell|保护/);
    assert.notEqual(desk.text('tasks', 2, 'health'), '', 'the scan writes health');
    assert.ok(desk.sheet('notificationLog').getLastRow() >= 1);
  });

  test('a requester files a request from the sidebar: its ID and submission time (⚙) are stamped', () => {
    const { desk } = fixture;
    const filed = desk.as(REQUESTER, () =>
      sidebar(desk, 'submitSidebarForm', 'request', {
        title: '售后响应手册制定',
        dept: '售后部',
        requester: REQUESTER,
        contact: '',
        goal: '客诉 48 小时内处理完毕',
        depts: '售后部',
        expected: day(30),
        resources: '',
        attachments: '',
      }),
    );
    assert.equal(filed.ok, true, said(filed));
    const row = desk.sheet('requests').getLastRow();
    assert.match(String(desk.value('requests', row, 'id')), /^XQ\d{9}$/);
    assert.ok(desk.value('requests', row, 'submitted') instanceof Date);
  });
});

describe('typed by hand: a person who is not a coordinator', () => {
  test('cannot type a baseline (原定截止) or a task ID, not even on their own task or in a row added later', () => {
    const { desk } = signedOffDesk();
    const before = desk.value('tasks', 2, 'baseline');
    desk.as(OWNER, () => {
      assert.throws(() => desk.cell('tasks', 2, 'baseline').setValue(day(30)), { message: REFUSAL });
      assert.throws(() => desk.cell('tasks', 2, 'id').setValue('RW999999999-01'), { message: REFUSAL });
    });
    assert.deepEqual(desk.value('tasks', 2, 'baseline'), before);
    const tasks = desk.sheet('tasks');
    tasks.insertRowsAfter(tasks.getMaxRows(), 5);
    const added = tasks.getMaxRows();
    desk.as(OWNER, () =>
      assert.throws(() => desk.cell('tasks', added, 'baseline').setValue(day(30)), { message: REFUSAL }),
    );
    desk.cell('tasks', added, 'baseline').setValue(day(30)); // the coordinator may
  });

  test('cannot type into Settings, Departments, People or the Notification log', () => {
    const { desk } = signedOffDesk();
    desk.as(MARKET_HEAD, () => {
      assert.throws(() => desk.sheet('settings').getRange(2, 2).setValue('x'), { message: REFUSAL });
      assert.throws(() => desk.cell('departments', 2, 'head').setValue(MARKET_HEAD), { message: REFUSAL });
      assert.throws(() => desk.sheet('people').appendRow(['赵六', 'zhao.liu@example.com']), { message: REFUSAL });
      assert.throws(() => desk.sheet('notificationLog').getRange(2, 1).setValue('x'), { message: REFUSAL });
    });
  });

  test('past the warning of a ⚙ column (%) or the Change history, the typed cell is restored with a note saying who may', () => {
    const { desk } = signedOffDesk();
    const history = desk.sheet('changeHistory');
    const last = history.getLastRow();
    const [pctBefore, historyBefore] = [desk.value('tasks', 2, 'pct'), history.getRange(last, 1).getValue()];
    desk.as(OWNER, () => {
      typeOver(desk, 'tasks', 2, 'pct', 100);
      const range = history.getRange(last, 1);
      const oldValue = range.getValue();
      range.setValue('篡改');
      desk.project.call('onEdit', { range, source: desk.ss, value: '篡改', oldValue });
    });
    // The guard's note: who typed what, restored to what it held.
    assert.equal(desk.value('tasks', 2, 'pct'), pctBefore);
    expect(desk.note('tasks', 2, 'pct')).toContain('张三 填写的「100」已恢复为');
    assert.deepEqual(history.getRange(last, 1).getValue(), historyBefore);
    expect(history.getRange(last, 1).getNote()).toContain('张三 填写的「篡改」已恢复为');
  });

  test('a task row a head types gets its ID and baseline from the coordinator’s next run, with a note meanwhile', () => {
    const { desk } = signedOffDesk();
    const { id } = desk.approvedRequest({ title: '渠道铺货' });
    // The head types the row's own cells; the ⚙ ones are not theirs to fill.
    const row = desk.sheet('tasks').getLastRow() + 1;
    desk.as(MARKET_HEAD, () => {
      for (const [column, value] of Object.entries(desk.taskRecord(id, { name: '渠道铺货执行', due: day(12) })))
        desk.cell('tasks', row, column).setValue(value as never);
      const range = desk.sheet('tasks').getRange(row, 1, 1, desk.sheet('tasks').getLastColumn());
      desk.project.call('onEdit', { range, source: desk.ss });
    });
    assert.equal(desk.value('tasks', row, 'id'), '');
    assert.equal(desk.value('tasks', row, 'baseline'), '');
    expect(desk.note('tasks', row, 'id')).toContain(t('zh-CN', 'wbStampForCoordinator'));
    desk.project.call('validate_');
    assert.match(String(desk.value('tasks', row, 'id')), new RegExp(`^RW${id.slice(2)}-01$`));
    assert.equal(desk.text('tasks', row, 'baseline'), desk.text('tasks', row, 'due'));
  });
});
