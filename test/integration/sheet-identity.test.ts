/**
 * SPEC §3.4, sheets known by identity: a renamed sheet is still found, an unrelated sheet is never
 * adopted, written or emptied, and a data sheet missing a required column is reported and left
 * out instead of producing false notices. The built bundle, set up from the menu.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day, type Lang } from './workflow-fixture';

/** A set-up workbook with its directory, a request in execution and one overdue task of 张三's. */
function withOverdueTask(lang: Lang): { desk: Desk; taskRow: number } {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const {
    taskRows: [taskRow],
  } = desk.executingRequest([{ start: day(-20), due: day(-3) }]);
  return { desk, taskRow: taskRow! };
}

const checksNow = (desk: Desk) => {
  desk.project.call('runChecksNow_');
  return desk.lastAlert();
};

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a renamed Tasks sheet is still checked by Validate and monitored by the scan`, () => {
    const { desk, taskRow } = withOverdueTask(lang);
    desk.paste('tasks', [desk.taskRecord(String(desk.value('tasks', taskRow, 'request')), { owner: 'nobody-known' })]);
    const tasks = desk.sheet('tasks');
    tasks.setName(lang === 'en' ? 'Our work' : '我们的任务');
    desk.project.call('validate_');
    assert.doesNotMatch(desk.lastAlert(), /没有发现问题|no problems/, 'the unknown owner is still found');
    checksNow(desk);
    const health = tasks.getRange(taskRow, desk.col('tasks', 'health')).getValue();
    assert.equal(health, lang === 'en' ? 'Overdue' : '逾期');
    assert.ok(desk.project.emulator.mail.outbox.length > 0, 'the overdue task is still escalated');
  });
}

test('an unrelated sheet is never adopted as the Notification log, before or after the log is deleted', () => {
  const desk = new Desk('zh-CN', { setUp: false });
  const memo = desk.ss.insertSheet('我的备忘');
  memo.getRange(1, 1, 2, 2).setValues([
    ['备注', '内容'],
    ['周会', '每周一 10:00'],
  ]);
  desk.setUp('zh-CN');
  const dashboard = desk.ss.getSheetByName('看板')!;
  const before = { memo: memo.getDataRange().getValues(), dashboard: dashboard.getDataRange().getValues() };
  assert.deepEqual(before.memo, [
    ['备注', '内容'],
    ['周会', '每周一 10:00'],
  ]);
  const log = desk.sheet('notificationLog');
  assert.notEqual(log.getSheetId(), memo.getSheetId());

  desk.ss.deleteSheet(log);
  desk.setUp('zh-CN');
  assert.ok(desk.ss.getSheetByName('通知记录'), 'setup makes a new log');
  assert.deepEqual(memo.getDataRange().getValues(), before.memo, 'the memo is untouched');
  assert.deepEqual(dashboard.getDataRange().getValues(), before.dashboard, 'the dashboard is not taken for the log');
});

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: Tasks without its primary-owner column is reported and escalates nobody`, () => {
    const { desk, taskRow } = withOverdueTask(lang);
    const tasks = desk.sheet('tasks');
    tasks.deleteColumn(desk.col('tasks', 'owner'));
    const alert = checksNow(desk);
    assert.match(alert, lang === 'en' ? /lacks columns: Primary owner/ : /缺少列：第一责任人/);
    assert.deepEqual(
      desk.project.emulator.mail.outbox.map((m) => m.subject),
      [],
      'no "no valid owner" escalation for every task',
    );
    assert.equal(tasks.getRange(taskRow, desk.col('tasks', 'health')).getValue(), '', 'nothing computed from a guess');
    desk.project.call('validate_');
    assert.match(desk.lastAlert(), lang === 'en' ? /lacks columns: Primary owner/ : /缺少列：第一责任人/);
  });
}

test('Validate says a deleted data sheet is missing instead of "no problems"', () => {
  const desk = new Desk('en');
  desk.ss.deleteSheet(desk.sheet('tasks'));
  desk.project.call('validate_');
  assert.match(desk.lastAlert(), /There is no Tasks sheet/);
});
