/**
 * SPEC §2 "Layout for people" and §5: a new workbook reads left to right as people read a row
 * (ID and name frozen, then owner, due, status, health, %), shows dates as dates and percents as
 * percents, and setup removes the untouched empty sheet a new spreadsheet starts with.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { headerText, sheetDef } from '../../src/domain/schema';
import { Desk } from './workflow-fixture';

const column = (desk: Desk, key: 'tasks' | 'requests', columnKey: string) => {
  const def = sheetDef(key).columns.find((c) => c.key === columnKey)!;
  return desk.headers(key).indexOf(headerText(def, desk.lang)) + 1;
};

test('a new Tasks sheet starts with ID and name, frozen, then owner, due, status, health and %', () => {
  const desk = new Desk('zh-CN');
  assert.deepEqual(desk.headers('tasks').slice(0, 7), [
    '任务编号 ⚙',
    '任务名称',
    '第一责任人',
    '截止时间',
    '完成状态',
    '健康度 ⚙',
    '完成百分比 ⚙',
  ]);
  assert.equal(desk.sheet('tasks').getFrozenColumns(), 2);
  assert.deepEqual(desk.headers('requests').slice(0, 6), [
    '需求编号 ⚙',
    '需求名称',
    '需求部门',
    '发起人',
    '期望完成时间',
    '状态',
  ]);
  assert.equal(desk.sheet('requests').getFrozenColumns(), 2);
  // Widths of the columns before status and health: both start within the first 1,000 px.
  const tasks = desk.sheet('tasks');
  const left = (c: number) =>
    Array.from({ length: c - 1 }, (_, i) => tasks.getColumnWidth(i + 1)).reduce((a, b) => a + b, 0);
  assert.ok(left(column(desk, 'tasks', 'health')) + tasks.getColumnWidth(column(desk, 'tasks', 'health')) <= 1000);
});

test('due dates show without a time unless one was given; stamps with their time; the task % with a % sign', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  desk.paste('tasks', [desk.taskRecord(id, { due: '2030-07-15' }), desk.taskRecord(id, { due: '2030-07-16 18:00' })]);
  const tasks = desk.sheet('tasks');
  const due = column(desk, 'tasks', 'due');
  assert.equal(tasks.getRange(2, due).getDisplayValue(), '2030-07-15');
  assert.match(tasks.getRange(3, due).getDisplayValue(), /^2030-07-16 18:00/);
  assert.equal(tasks.getRange(2, column(desk, 'tasks', 'start')).getNumberFormat(), 'yyyy-mm-dd');
  assert.equal(tasks.getRange(2, column(desk, 'tasks', 'lastUpdate')).getNumberFormat(), 'yyyy-mm-dd hh:mm');
  const pct = tasks.getRange(2, column(desk, 'tasks', 'pct'));
  pct.setValue(80);
  assert.equal(pct.getDisplayValue(), '80%');
  assert.equal(pct.getValue(), 80, 'the value stays 0–100');
});

test('setup removes the untouched empty default sheet, and keeps one somebody used', () => {
  const fresh = new Desk('zh-CN', { setUp: false });
  assert.ok(fresh.ss.getSheetByName('工作表1'), 'a new spreadsheet starts with 工作表1');
  fresh.setUp('zh-CN');
  assert.equal(fresh.ss.getSheetByName('工作表1'), null);
  // SPEC §2.8: the dashboard is the first tab after setup, then the data sheets in their order.
  assert.deepEqual(
    fresh.ss
      .getSheets()
      .slice(0, 2)
      .map((sheet) => sheet.getName()),
    ['看板', '需求申请'],
  );

  const used = new Desk('en', { setUp: false });
  used.ss.getSheetByName('Sheet1')!.getRange('C3').setNote('keep me');
  used.setUp('en');
  assert.ok(used.ss.getSheetByName('Sheet1'), 'a note is a touch');
  const typed = new Desk('en', { setUp: false });
  typed.ss.getSheetByName('Sheet1')!.getRange('A1').setValue('mine');
  typed.setUp('en');
  assert.ok(typed.ss.getSheetByName('Sheet1'), 'a value is a touch');
});

test('a workbook set up by an earlier version keeps its column order and frozen columns', () => {
  const desk = new Desk('zh-CN', { setUp: false });
  const sheet = desk.ss.insertSheet('任务分工');
  const old = [
    '任务编号',
    '所属需求',
    '任务名称',
    '任务描述',
    '责任部门',
    '第一责任人',
    '截止时间',
    '交付成果标准',
    '完成状态',
  ];
  sheet.getRange(1, 1, 1, old.length).setValues([old]);
  desk.setUp('zh-CN');
  assert.deepEqual(desk.headers('tasks').slice(0, old.length), old);
  assert.equal(desk.sheet('tasks').getFrozenColumns(), 0);
});
