import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ReportDesk, at } from './reports-fixture';

/** The dashboard as a user reads it: label in column A, computed values to its right. */
function board(desk: ReportDesk) {
  const title = desk.l('看板', 'Dashboard');
  const values = () => desk.values(title);
  const indexOf = (label: string, after = '') => {
    const rows = values();
    const from = after === '' ? 0 : rows.findIndex((row) => row[0] === after);
    const index = rows.findIndex((row, i) => i > from && row[0] === label);
    if (index < 0) throw new Error(`no row ${label}`);
    return index;
  };
  const rowOf = (label: string, after = '') => values()[indexOf(label, after)]!;
  return {
    title,
    /** 1-based sheet row of a label. */
    row: (label: string) => indexOf(label) + 1,
    metric: (label: string, after = '') => rowOf(label, after)[1],
    dept: (name: string) => rowOf(name).slice(1, 4),
    top: (heading: string) => {
      const rows = values();
      const start = rows.findIndex((row) => row[0] === heading);
      return rows.slice(start + 2, start + 12).map((row) => row.slice(0, 6));
    },
  };
}

test('the dashboard counts requests and tasks with live formulas that follow a status change without a refresh', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.project.call('refreshDashboard_');
  assert.equal(desk.lastAlert(), '「看板」已刷新。');
  const b = board(desk);
  const sheet = desk.ss.getSheetByName(b.title)!;
  const status = desk.cell('requests', 2, 'status').getA1Notation().replace(/\d+$/, '');
  assert.ok(sheet.getRange('B5').getFormula().startsWith(`=COUNTIF('需求申请'!$${status}:$${status},"待审核")`));

  assert.deepEqual(
    ['待审核', '待修改', '已立项', '已驳回', '已完成', '已归档'].map((s) => b.metric(s, '需求状态')),
    [1, 0, 1, 0, 1, 0],
  );
  assert.equal(b.metric('任务总数'), 6);
  assert.equal(b.metric('已完成', '任务'), 3);
  assert.equal(b.metric('进行中', '任务'), 2);
  assert.equal(b.metric('逾期', '任务'), 1);
  assert.equal(b.metric('滞后', '任务'), 1);
  assert.equal(b.metric('阻塞', '任务'), 0);
  // RW202406001-01 delivered after its baseline; the other two done tasks in time.
  assert.equal(Math.round(Number(b.metric('按期完成率')) * 1000), 667);
  assert.equal(sheet.getRange(`B${b.row('按期完成率')}`).getDisplayValue(), '67%');
  assert.deepEqual(b.dept('销售部'), [2, 1, 2]);
  assert.deepEqual(b.dept('售后部'), [1, 0, 0]);
  assert.deepEqual(b.dept('市场部'), [0, 0, 0]);
  const top = b.top('逾期最久的 10 项任务');
  assert.deepEqual([...top[0]!.slice(0, 4), top[0]![5]], ['RW202407001-02', '销售培训材料<制作>', '销售部', '李四', 2]);
  // The due date as a date serial under a date format. (Sheets would hand back a Date here; the
  // emulator returns the serial for INDEX results: see the report.)
  const due = sheet.getRange(b.row('逾期最久的 10 项任务') + 2, 5);
  assert.equal(due.getNumberFormat(), 'yyyy-mm-dd');
  assert.equal(top[0]![4], (Date.UTC(2024, 6, 10) - Date.UTC(1899, 11, 30)) / 86_400_000);
  assert.deepEqual(top[1], ['', '', '', '', '', '']);

  // The owner's task is accepted: the dashboard changes at once.
  desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202407001-02'), 'status').setValue('已完成');
  assert.equal(b.metric('已完成', '任务'), 4);
  assert.equal(b.metric('逾期', '任务'), 0);
  assert.deepEqual(b.dept('销售部'), [1, 0, 0]);
  assert.deepEqual(b.top('逾期最久的 10 项任务')[0], ['', '', '', '', '', '']);
  // And the clock: next Wednesday evening the untouched lagging task is overdue too.
  desk.project.emulator.clock.set(at('2024-07-22T09:00'));
  assert.equal(b.metric('逾期', '任务'), 2);
});

test('columns are found by their headers at refresh time, wherever users moved them', () => {
  const desk = new ReportDesk('en').example();
  const tasks = desk.sheet('tasks');
  tasks.insertColumnsBefore(1, 2);
  tasks.getRange('A1:B1').setValues([['My notes', 'Priority']]);
  desk.sheet('requests').insertColumnsBefore(1, 1);
  desk.project.call('refreshDashboard_');
  const b = board(desk);
  assert.equal(desk.lastAlert(), '"Dashboard" is refreshed.');
  assert.equal(b.metric('Pending review'), 1);
  assert.equal(b.metric('Total'), 6);
  assert.equal(b.metric('Overdue', 'Tasks'), 1);
  assert.deepEqual(b.dept('销售部'), [2, 1, 2]);
  assert.equal(b.top('The 10 most overdue tasks')[0]![0], 'RW202407001-02');
});

test('refreshing writes only the dashboard sheet, keeps one pair of charts and hides the helper columns', () => {
  const desk = new ReportDesk('zh-CN').example();
  const before = desk.snapshot(['看板']);
  desk.project.call('refreshDashboard_');
  desk.project.call('refreshDashboard_');
  assert.deepEqual(desk.snapshot(['看板']), before);
  const sheet = desk.ss.getSheetByName('看板')!;
  const charts = sheet.getCharts();
  assert.deepEqual(
    charts.map((c) => c.emuChartType()),
    ['PIE', 'COLUMN'],
  );
  assert.equal(charts[0]!.getOptions().get('title'), '需求状态');
  assert.equal(charts[0]!.getRanges()[0]!.getA1Notation(), 'A4:B12');
  assert.ok(sheet.isColumnHiddenByUser(15));
  assert.ok(!sheet.isColumnHiddenByUser(2));
});

test('holidays and the work week of Settings count working days overdue', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.setting('holidays', '2024-07-11');
  desk.project.call('refreshDashboard_');
  // Due Wednesday 7/10; Thursday is a holiday: one working day late on Friday.
  assert.deepEqual(board(desk).dept('销售部'), [2, 1, 1]);
});
