/**
 * Old weekly summaries fold into one sheet (SPEC §3.7): after Monday's summary, the tick turns every
 * summary older than summaryKeepWeeks into one line (title, period, headline) of 周报汇总 and
 * removes its sheet; the recent ones stay whole, and folding again adds nothing.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ReportDesk, at } from './reports-fixture';

/** A summary sheet of `week` as writeReport leaves one: title, period, a blank line, the headline. */
function pastSummary(desk: ReportDesk, week: number): void {
  const sheet = desk.ss.insertSheet(`周报 2024-W${String(week).padStart(2, '0')}`);
  sheet
    .getRange(1, 1, 5, 1)
    .setValues([[`周报 2024-W${week}`], [`第 ${week} 周`], [''], [`本周完成 ${week} 项`], ['本周完成的任务']]);
}

test('the Monday tick folds the summaries older than summaryKeepWeeks into 周报汇总, once', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.setting('coordinators', 'coordinator@example.com');
  desk.setting('summaryKeepWeeks', 4);
  for (const week of [20, 23, 24, 25, 26, 27]) pastSummary(desk, week);
  desk.project.emulator.clock.set(at('2024-07-15T09:00'));
  desk.project.call('tick_');

  // The report week is W28: the 4 summaries W25 … W28 stay whole.
  const summaries = desk.ss
    .getSheets()
    .map((sheet) => sheet.getName())
    .filter((title) => title.startsWith('周报 '));
  assert.deepEqual(summaries.sort(), ['周报 2024-W25', '周报 2024-W26', '周报 2024-W27', '周报 2024-W28']);
  const fold = desk.ss.getSheetByName('周报汇总');
  assert.ok(fold);
  assert.deepEqual(fold.getDataRange().getValues(), [
    ['周报', '周期', '概要'],
    ['周报 2024-W20', '第 20 周', '本周完成 20 项'],
    ['周报 2024-W23', '第 23 周', '本周完成 23 项'],
    ['周报 2024-W24', '第 24 周', '本周完成 24 项'],
  ]);
  assert.deepEqual([fold.getMaxRows(), fold.getMaxColumns()], [4, 3], 'sized to its lines');

  // A week later W25 folds too; what was folded is not folded again.
  desk.project.emulator.clock.set(at('2024-07-22T09:00'));
  desk.project.call('tick_');
  assert.deepEqual(
    fold
      .getDataRange()
      .getValues()
      .map((row) => row[0]),
    ['周报', '周报 2024-W20', '周报 2024-W23', '周报 2024-W24', '周报 2024-W25'],
  );
});
