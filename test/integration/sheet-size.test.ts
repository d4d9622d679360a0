/**
 * Generated sheets are sized to their content (SPEC §3.7): every cell of a sheet counts against
 * the spreadsheet's 10,000,000, so a weekly summary or an archive keeps no spare 1,000 × 26 grid.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
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
