/**
 * 满意度 on the dashboard (SPEC §2.11, §3.9): satisfaction = answers rating overall 4 or 5 ÷ answers,
 * on the live tile, in the monthly key figures, and per department rated in the latest round.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import { at } from '../support/days';
import { writeSheet } from '../support/sheets';
import { loadBundle } from '../support/bundle';

const COORDINATOR = 'pmo@corp.cn';

/** Four answers in July 2024: three satisfied (4, 5, 4), one not (2); two of them a Q3 round's. */
function desk(): LoadedProject {
  const project = loadBundle({ now: at('2024-07-31T10:00'), activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'requests', []);
  writeSheet(project, 'tasks', []);
  const answer = (overall: number) => ({ overall, clarity: 3, flow: 3, communication: 3, state: '已评价' });
  writeSheet(project, 'satisfaction', [
    { kind: '需求评价', ref: 'XQ202407001', rater: '李娜', ...answer(4), time: at('2024-07-10T10:00') },
    { kind: '需求评价', ref: 'XQ202407002', rater: '王芳', ...answer(2), time: at('2024-07-11T10:00') },
    {
      kind: '季度调研',
      ref: '2024-Q3',
      rater: '周主管',
      ratedDept: '销售部',
      ...answer(5),
      time: at('2024-07-12T10:00'),
    },
    {
      kind: '季度调研',
      ref: '2024-Q3',
      rater: '张伟',
      ratedDept: '销售部',
      ...answer(4),
      time: at('2024-07-12T11:00'),
    },
    {
      kind: '季度调研',
      ref: '2024-Q3',
      rater: '张伟',
      ratedDept: '设计部',
      state: '待评价',
      askedAt: at('2024-07-01T09:00'),
    },
  ]);
  return project;
}

function dashboard(project: LoadedProject): unknown[][] {
  project.call('refreshDashboard_');
  const sheet = project.emulator.spreadsheet.getSheetByName('看板');
  assert.ok(sheet);
  return sheet.getDataRange().getValues();
}

test('the satisfaction tile, the monthly figure and the table per department count answers of 4 or 5', () => {
  const project = desk();
  const rows = dashboard(project);
  const [labels = [], numbers = []] = rows.slice(3, 5);
  assert.equal(labels[8], '满意度');
  assert.equal(numbers[8], 0.75, 'three of four answers rate overall 4 or 5');
  const july = rows.find((row) => row[0] === '2024-07');
  assert.equal(july?.[8], 0.75, 'the monthly key figure is the same');
  const heading = rows.findIndex((row) => row[0] === '各部门满意度（季度调研） 2024-Q3');
  assert.ok(heading > 0, 'the table per department');
  assert.deepEqual(rows[heading + 1]?.slice(0, 4), ['被评部门', '答卷数', '满意度（4–5 分占比）', '平均总体评分']);
  assert.deepEqual(rows[heading + 2]?.slice(0, 4), ['销售部', 2, 1, 4.5]);
  assert.equal(rows[heading + 3]?.[0], '', '设计部 has no answer yet, so no row');

  // The tile is live: one more low answer, without a refresh, is counted at once.
  const sheet = project.emulator.spreadsheet.getSheetByName('满意度');
  sheet?.getRange(7, 5).setValue(1);
  const live = project.emulator.spreadsheet.getSheetByName('看板')?.getRange(5, 9).getValue();
  assert.equal(live, 0.6);
});

test('without any answer the tile says "—", never 0 %', () => {
  const project = loadBundle({ now: at('2024-07-31T10:00'), activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'requests', []);
  writeSheet(project, 'tasks', []);
  writeSheet(project, 'satisfaction', []);
  const rows = dashboard(project);
  assert.equal(rows[4]?.[8], '—');
});
