/**
 * SPEC §3.4 for Validate's notes and highlights: a problem's mark lands on the row it is about,
 * found when the mark is written, even when a user inserted a row after Validate read the sheet.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk } from './workflow-fixture';

/** Validate's error and warning colours. */
const HIGHLIGHTS = ['#f4c7c3', '#fce8b2'];

test('a row inserted between read and write does not move a problem’s note onto another task', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const type = (key: 'requests' | 'tasks', records: readonly Record<string, unknown>[]) => {
    const sheet = desk.sheet(key);
    const width = sheet.getLastColumn();
    const lines = records.map((record) => {
      const line: unknown[] = new Array(width).fill('');
      for (const [column, value] of Object.entries(record)) line[desk.col(key, column) - 1] = value;
      return line;
    });
    sheet.getRange(sheet.getLastRow() + 1, 1, lines.length, width).setValues(lines as never);
  };
  // Typed without onEdit: Validate gives the rows their IDs in one write, and the user's row goes
  // in right after it, when Validate has read Tasks and not yet marked them.
  type('tasks', [
    desk.taskRecord(id, { name: 'Clean task' }),
    desk.taskRecord(id, { name: 'Broken task', dependsOn: 'RW209901001-01' }),
  ]);
  type('requests', [desk.requestRecord({ title: 'Another request' })]);
  const tasks = desk.sheet('tasks');
  let written = false;
  let inserted = false;
  desk.calls.observe((method) => {
    if (written && !inserted) {
      inserted = true;
      tasks.insertRowBefore(2);
    }
    written ||= method === 'Sheets.Spreadsheets.Values.batchUpdate';
  });

  desk.project.call('validate_');
  assert.ok(inserted, 'the row went in during Validate');

  const names = tasks
    .getRange(1, desk.col('tasks', 'name'), tasks.getLastRow(), 1)
    .getValues()
    .map((line) => line[0]);
  const clean = names.indexOf('Clean task') + 1;
  const broken = names.indexOf('Broken task') + 1;
  assert.deepEqual([clean, broken], [3, 4], 'the inserted row pushed both tasks down');
  assert.match(desk.note('tasks', broken, 'dependsOn'), /There is no task "RW209901001-01"/);
  for (const row of [2, clean]) {
    assert.equal(desk.note('tasks', row, 'dependsOn'), '', `no note on row ${row}`);
    assert.ok(!HIGHLIGHTS.includes(desk.background('tasks', row, 'dependsOn')), `no highlight on row ${row}`);
  }
});
