import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day } from './workflow-fixture';

function departmentList(desk: Desk, name: string, rows: unknown[][]) {
  const sheet = desk.ss.insertSheet(name);
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows as never);
  sheet.emuSelect('A1');
  return sheet;
}

test('Import sheet maps a department task list by header, imports valid rows and reports each rejected one', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const source = departmentList(desk, '销售部任务', [
    ['截止日期', '负责人', '任务', '我们的备注'],
    [day(10), '李四', '销售培训材料制作', 'A'],
    [day(12), '李四、王五', '渠道铺货执行', 'B'],
    ['', '', '', ''],
    ['下周', '王五', '售后响应手册制定', 'C'],
  ]);
  const before = source.getDataRange().getValues();
  desk.answer('OK', id);
  desk.project.call('importSheet_');

  const report = desk.lastAlert();
  assert.match(report, new RegExp(`已导入 1 个任务：RW${id.slice(2)}-01。未导入 2 行`));
  assert.match(report, /销售部任务 · 第 3 行「第一责任人」：只能填一位第一责任人/);
  assert.match(report, /销售部任务 · 第 5 行「截止时间」：“下周”不是日期/);
  assert.match(report, /第 2 行「交付成果标准」：必填/, 'the missing standard is reported, not blocking');
  assert.deepEqual(source.getDataRange().getValues(), before, 'the source sheet is untouched');

  assert.equal(desk.value('tasks', 2, 'name'), '销售培训材料制作');
  assert.equal(desk.value('tasks', 2, 'owner'), '李四');
  assert.equal(desk.value('tasks', 2, 'dept'), '市场部', 'the lead department when the list has none');
  assert.equal(desk.value('tasks', 2, 'status'), '未开始');
  assert.equal(desk.text('tasks', 2, 'baseline'), desk.text('tasks', 2, 'due'));
  assert.equal(desk.sheet('tasks').getLastRow(), 2);
});

test('Import sheet refuses a list without task, owner and due columns, an unapproved request, and its own sheets', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  departmentList(desk, 'Sales list', [
    ['Task', 'Comment'],
    ['Training deck', 'x'],
  ]);
  desk.answer('OK', id);
  desk.project.call('importSheet_');
  assert.match(desk.lastAlert(), /"Sales list" lacks the columns Primary owner, Due; nothing was imported/);

  const [pending] = desk.paste('requests', [desk.requestRecord()]);
  departmentList(desk, 'Sales list 2', [
    ['Task', 'Owner', 'Due'],
    ['Training deck', '李四', day(5)],
  ]);
  desk.answer('OK', String(desk.value('requests', pending!, 'id')));
  desk.project.call('importSheet_');
  assert.match(desk.lastAlert(), /is "Pending review"; this only works for: Approved/);

  desk.select('tasks', 1);
  desk.project.call('importSheet_');
  assert.match(desk.lastAlert(), /Open the department's own task list first/);
  assert.equal(desk.sheet('tasks').getLastRow(), 1);
});
