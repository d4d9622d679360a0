/**
 * The cell budget (SPEC §3.7), on the built bundle: the daily scan counts the workbook's cells;
 * past each cellBudgetWarn threshold (70 %, 85 % of 10,000,000) coordinators get one notice
 * through the digest, Automation ▸ Status shows the figure and what archiving would free, and at
 * the limit the scan says so and records and sends nothing.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { writeSheet } from '../support/sheets';
import { at } from '../support/days';

const COORDINATOR = 'pmo@corp.cn';

function setUp(): LoadedProject {
  const project = loadBundle({ now: at('2024-07-11T09:00'), activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'departments', [{ name: '市场部', head: 'head@corp.cn', sponsor: 'vp@corp.cn' }]);
  writeSheet(project, 'people', [{ name: '员工', email: 'owner@corp.cn', dept: '市场部' }]);
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '新品上市', dept: '市场部', requester: '员工', goal: '销量', status: '执行中' },
  ]);
  writeSheet(project, 'tasks', [
    {
      id: 'RW202407001-01',
      request: 'XQ202407001',
      name: '方案',
      dept: '市场部',
      owner: '员工',
      start: at('2024-07-01T00:00'),
      due: at('2024-08-30T00:00'),
      status: '进行中',
      pct: 0.2,
      lastUpdate: at('2024-07-10T08:00'),
    },
  ]);
  return project;
}

/** Grows a sheet of the workbook's own until the whole workbook holds `cells`. */
function growTo(project: LoadedProject, cells: number): void {
  const book = project.emulator.spreadsheet;
  const big = book.getSheetByName('历史数据') ?? book.insertSheet('历史数据');
  const others = book.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  const rows = Math.ceil((cells - others) / big.getMaxColumns());
  big.insertRowsAfter(big.getMaxRows(), rows);
}

const budgetMails = (project: LoadedProject) =>
  project.emulator.mail.outbox.filter((mail) => mail.to.includes(COORDINATOR) && /单元格/.test(mail.subject));
const lastAlert = (project: LoadedProject) => project.emulator.ui.emuAlerts().at(-1)?.message ?? '';

test('past 70 % and again past 85 % coordinators get one notice each; Status shows the figure', () => {
  const project = setUp();
  project.call('runChecksNow_');
  assert.equal(budgetMails(project).length, 0, 'a small workbook: no notice');

  growTo(project, 7_200_000);
  project.call('runChecksNow_');
  const [first] = budgetMails(project);
  assert.ok(first, 'the coordinator is told at 72 %');
  assert.match(first.body, /占 Google 上限 10,000,000 的 72%（提醒线 70%）/);
  project.emulator.clock.advanceHours(2);
  project.call('runChecksNow_');
  assert.equal(budgetMails(project).length, 1, 'not again within the cooldown');

  growTo(project, 8_600_000);
  project.emulator.clock.advanceHours(1);
  project.call('runChecksNow_');
  assert.equal(budgetMails(project).length, 2, 'a higher threshold is a new notice');
  assert.match(budgetMails(project)[1]!.body, /的 86%（提醒线 85%）/);

  project.call('automationStatus_');
  assert.match(
    lastAlert(project),
    /单元格：已用 8,6\d\d,\d{3} \/ 10,000,000（86%）；「归档已完成需求」现在可从工作表移出 0 个单元格/,
  );
});

test('at the limit the scan says so and records and sends nothing, however often it runs', () => {
  const project = setUp();
  growTo(project, 10_000_000);
  const logRows = () =>
    project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))?.getLastRow() ?? 0;
  const before = logRows();
  for (let run = 0; run < 3; run++) {
    project.call('runChecksNow_');
    assert.match(
      lastAlert(project),
      /达到 Google 的 10,000,000 上限：通知记录无法再增加，因此本次没有记录、也没有发送任何通知/,
    );
    project.emulator.clock.advanceHours(1);
  }
  assert.equal(project.emulator.mail.outbox.length, 0);
  assert.equal(logRows(), before);
});
