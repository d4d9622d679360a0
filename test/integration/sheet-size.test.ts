/**
 * Generated sheets are sized to their content (SPEC §3.7): every cell of a sheet counts against
 * the spreadsheet's 10,000,000, so a weekly summary or an archive keeps no spare 1,000 × 26 grid.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { HELPER_COLUMN, HELPER_WIDTH } from '../../src/gas/dashboardFormulas';
import { ReportDesk } from './reports-fixture';

function grid(desk: ReportDesk, title: string) {
  const sheet = desk.project.emulator.spreadsheet.getSheetByName(title);
  assert.ok(sheet, title);
  return {
    grid: [sheet.getMaxRows(), sheet.getMaxColumns()],
    content: [sheet.getLastRow(), sheet.getLastColumn()],
  };
}

test('the weekly summary and the archive hold exactly the rows and columns they fill', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  const summary = grid(desk, '周报 2024-W28');
  assert.deepEqual(summary.grid, summary.content);

  desk.project.call('archiveCompleted_');
  const archive = grid(desk, '归档 2024');
  assert.deepEqual(archive.grid, archive.content);
});

test('the dashboard holds exactly its visible tables and helper rows, and grows with the tasks at the next refresh', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.project.call('refreshDashboard_');
  const first = grid(desk, '看板');
  assert.deepEqual(first.grid, first.content);
  // Helper formulas cover every Tasks row and 500 below it.
  const taskRows = desk.sheet('tasks').getLastRow();
  assert.deepEqual(first.grid, [taskRows + 500, HELPER_COLUMN + HELPER_WIDTH - 1]);
  desk.put(
    'tasks',
    Array.from({ length: 600 }, (_, i) => ({ id: `RW202407001-${100 + i}`, request: 'XQ202407001', name: `任务${i}` })),
  );
  desk.project.call('refreshDashboard_');
  const grown = grid(desk, '看板');
  assert.deepEqual(grown.grid, grown.content);
  assert.deepEqual(grown.grid, [taskRows + 600 + 500, HELPER_COLUMN + HELPER_WIDTH - 1]);
});
