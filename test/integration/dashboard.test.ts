import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ReportDesk, at } from './reports-fixture';

/** The dashboard as a user reads it: tiles (a label over a number), then tables labelled in column A. */
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
    /** The tiles as label → number. */
    tiles: () => {
      const [labels, numbers] = values()
        .slice(3, 5)
        .map((row) => row.slice(0, 9));
      return Object.fromEntries(labels!.filter((l) => l !== '').map((l, i) => [l, numbers![i]]));
    },
    request: (id: string) => rowOf(id).slice(0, 7),
    dept: (name: string) => rowOf(name).slice(1, 4),
    month: (label: string) => rowOf(label).slice(1, 9),
    top: (heading: string) => {
      const rows = values();
      const start = rows.findIndex((row) => row[0] === heading);
      return rows.slice(start + 2, start + 12).map((row) => row.slice(0, 6));
    },
  };
}

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

test('the dashboard is the first tab: live KPI tiles, a row per open request, departments and the most overdue', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.project.call('refreshDashboard_');
  assert.equal(desk.lastAlert(), '「看板」已刷新。');
  const b = board(desk);
  const sheet = desk.ss.getSheetByName(b.title)!;
  assert.equal(desk.ss.getSheets()[0]!.getName(), '看板');
  const tiles = b.tiles();
  assert.deepEqual(
    { ...tiles, 按期完成率: Math.round(Number(tiles['按期完成率']) * 1000) },
    {
      逾期: 1,
      滞后: 1,
      未更新: 0,
      阻塞: 0,
      待会签需求: 0,
      待验收任务: 0,
      待批计划变更: 0,
      // RW202406001-01 was accepted after its baseline; the other two accepted tasks in time.
      按期完成率: 667,
      满意度: '—',
    },
  );
  assert.equal(sheet.getRange('H5').getDisplayValue(), '67%');
  // The overdue tile is red while it counts something, the others only when they do.
  const coloured = sheet.getConditionalFormatRules().filter((rule) => rule.getRanges()[0]!.getA1Notation() === 'A5');
  assert.equal(coloured[0]!.getBooleanCondition()!.getBackground(), '#f4c7c3');

  assert.deepEqual(b.request('XQ202407001'), [
    'XQ202407001',
    '2024年Q3新品上市推广方案',
    '市场部',
    0.375,
    '1 逾期 · 1 滞后 · 0 未更新',
    serial(2024, 7, 10),
    '李四',
  ]);
  assert.deepEqual(b.dept('销售部'), [2, 1, 2]);
  assert.deepEqual(b.dept('售后部'), [1, 0, 0]);
  assert.deepEqual(b.dept('市场部'), [0, 0, 0]);
  const top = b.top('逾期最久的 10 项任务');
  assert.deepEqual([...top[0]!.slice(0, 4), top[0]![5]], ['RW202407001-02', '销售培训材料<制作>', '销售部', '李四', 2]);
  // The due date as a date serial under a date format. (Sheets would hand back a Date here; the
  // emulator returns the serial for INDEX results: see the report.)
  const due = sheet.getRange(b.row('逾期最久的 10 项任务') + 2, 5);
  assert.equal(due.getNumberFormat(), 'yyyy-mm-dd');
  assert.equal(top[0]![4], serial(2024, 7, 10));
  assert.deepEqual(top[1], ['', '', '', '', '', '']);

  // The owner's task is accepted: the dashboard changes at once.
  desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202407001-02'), 'status').setValue('已完成');
  assert.equal(b.tiles()['逾期'], 0);
  assert.deepEqual(b.dept('销售部'), [1, 0, 0]);
  assert.deepEqual(b.top('逾期最久的 10 项任务')[0], ['', '', '', '', '', '']);
  // And the clock: next Wednesday evening the untouched lagging task is overdue too.
  desk.project.emulator.clock.set(at('2024-07-22T09:00'));
  assert.equal(b.tiles()['逾期'], 2);
});

test('"on time" is the acceptance against the baseline due, on the tile and in the months, not the last update', () => {
  const desk = new ReportDesk('zh-CN').example();
  // The owner's last update came before the baseline (6/3); the acceptance failed on 6/4 and passed on 6/5.
  desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202406001-01'), 'lastUpdate').setValue(at('2024-06-03T10:00'));
  desk.project.call('refreshDashboard_');
  const b = board(desk);
  assert.equal(Math.round(Number(b.tiles()['按期完成率']) * 1000), 667);
  // June: the one task accepted then was late, and it was the one task due then.
  assert.deepEqual(b.month('2024-06').slice(0, 2), [0, 1]);
  assert.deepEqual(b.month('2024-05').slice(0, 2), [1, 0]);
  assert.equal(b.month('2024-07')[7], '—', 'satisfaction is not measured');
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
  assert.equal(b.tiles()['Overdue'], 1);
  assert.equal(b.tiles()['Lagging'], 1);
  assert.equal(b.request('XQ202407001')[3], 0.375);
  assert.deepEqual(b.dept('销售部'), [2, 1, 2]);
  assert.equal(b.top('The 10 most overdue tasks')[0]![0], 'RW202407001-02');
});

test('refreshing writes only the dashboard sheet, keeps its two charts and hides the helper columns', () => {
  const desk = new ReportDesk('zh-CN').example();
  const before = desk.snapshot(['看板']);
  desk.project.call('refreshDashboard_');
  desk.project.call('refreshDashboard_');
  assert.deepEqual(desk.snapshot(['看板']), before);
  const sheet = desk.ss.getSheetByName('看板')!;
  const charts = sheet.getCharts();
  assert.deepEqual(
    charts.map((c) => c.emuChartType()),
    ['COLUMN', 'LINE'],
  );
  assert.equal(charts[1]!.getOptions().get('title'), '近六个月关键指标');
  assert.equal(
    charts[1]!.getRanges()[0]!.getA1Notation(),
    `A${board(desk).row('月份')}:C${board(desk).row('2024-07')}`,
  );
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

test('the key figures are judged against the targets of Settings, and their labels say so', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.project.call('refreshDashboard_');
  const b = board(desk);
  const labels = () => b.month('月份').slice(3, 5);
  const july = () => b.month('2024-07').slice(2, 4);
  assert.deepEqual(labels(), ['24 小时内响应', '签批及时率（48 小时）']);
  // July's one review took 24 working hours: within the default target, not within 8.
  assert.deepEqual(july(), [24, 1]);
  desk.setting('responseTargetHours', 8);
  desk.project.call('refreshDashboard_');
  assert.deepEqual(labels(), ['8 小时内响应', '签批及时率（48 小时）']);
  assert.deepEqual(july(), [24, 0]);
});
