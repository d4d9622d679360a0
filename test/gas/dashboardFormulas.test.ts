import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { columnLetter } from '../../src/gas/a1';
import {
  buildDashboard,
  HELPER_COLUMN,
  weekendMask,
  type DashboardSource,
  type DashboardOptions,
} from '../../src/gas/dashboardFormulas';

test('column letters and the NETWORKDAYS.INTL weekend mask', () => {
  assert.deepEqual([1, 26, 27, 52, 703].map(columnLetter), ['A', 'Z', 'AA', 'AZ', 'AAA']);
  assert.equal(weekendMask([1, 2, 3, 4, 5]), '0000011');
  assert.equal(weekendMask([1, 2, 3, 4, 5, 6]), '0000001');
  assert.equal(weekendMask([7, 1, 2, 3, 4]), '0000110');
});

const source: DashboardSource = {
  tasksTitle: "Bob's tasks",
  requestsTitle: 'Requests',
  tasks: { id: 'A', status: 'B', due: 'C', dept: 'D' },
  requestStatus: 'B',
  lastTaskRow: 4,
};
const options: DashboardOptions = {
  locale: 'en',
  refreshedAt: '2024-07-12 15:00',
  departments: ['Sales "East"', 'Ops'],
  endOfDay: '18:00',
  workDays: [1, 2, 3, 4, 5],
  holidays: ['2024-07-11'],
};

test('formulas name the sheets quoted, match statuses in either language and escape department names', () => {
  const dashboard = buildDashboard(source, options);
  const formulas = dashboard.visible
    .flat()
    .filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='));
  assert.ok(formulas.includes(`=COUNTIF('Requests'!$B:$B,"待审核")+COUNTIF('Requests'!$B:$B,"Pending review")`));
  assert.ok(formulas.includes(`=MAX(0,COUNTA('Bob''s tasks'!$A:$A)-1)`));
  assert.deepEqual(
    dashboard.visible.map((row) => row[0]).filter((c) => c === 'Sales "East"' || c === 'Ops'),
    ['Sales "East"', 'Ops'],
  );
  // No lagging or on-time facts without Health and Last update columns: zeros, not broken references.
  assert.deepEqual(dashboard.helper[1]!.slice(4, 7), [0, 0, 0]);
  assert.equal(dashboard.helper[1]![8], '=DATE(2024,7,11)');
  assert.equal(dashboard.helper.length, 4);
});

/** The dashboard evaluated by HyperFormula next to a small Tasks sheet, "now" pinned to Friday 2024-07-12 15:00. */
function evaluate(rows: RawCellContent[][]) {
  const dashboard = buildDashboard(source, options);
  const pin = (cell: RawCellContent): RawCellContent =>
    typeof cell === 'string'
      ? cell.replace(/NOW\(\)/g, '(DATE(2024,7,12)+TIME(15,0,0))').replace(/TODAY\(\)/g, 'DATE(2024,7,12)')
      : cell;
  const sheet: RawCellContent[][] = dashboard.visible.map((row) => row.map(pin));
  dashboard.helper.forEach((row, r) => {
    const line = (sheet[r] ??= []);
    row.forEach((cell, c) => {
      line[HELPER_COLUMN - 1 + c] = pin(cell);
    });
  });
  const hf = HyperFormula.buildFromSheets(
    {
      "Bob's tasks": [['ID', 'Status', 'Due', 'Dept'], ...rows],
      Requests: [
        ['ID', 'Status'],
        ['XQ1', '待审核'],
        ['XQ2', 'Pending review'],
        ['XQ3', 'Done'],
      ],
      Dashboard: sheet,
    },
    { licenseKey: 'gpl-v3', useArrayArithmetic: true },
  );
  const values = hf.getSheetValues(hf.getSheetId('Dashboard')!);
  return (label: string) => values.find((row) => row[0] === label)?.slice(1, 4);
}

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

test('evaluated, the counts follow the tasks: overdue after the end of the due day, in working days past holidays', () => {
  const read = evaluate([
    ['RW1', 'In progress', serial(2024, 7, 10), 'Ops'],
    ['RW2', '进行中', serial(2024, 7, 12), 'Ops'],
    ['RW3', 'Done', serial(2024, 7, 1), 'Sales "East"'],
  ]);
  assert.deepEqual(read('Pending review'), [2]);
  assert.deepEqual(read('Total'), [3]);
  assert.deepEqual(read('Overdue'), [1], 'due today is not overdue before 18:00');
  // Due Wednesday, Thursday a holiday: one working day late on Friday.
  assert.deepEqual(read('Ops'), [2, 1, 1]);
  assert.deepEqual(read('Sales "East"'), [0, 0, 0]);
  assert.deepEqual(read('RW1'), ['', 'Ops', '']);
});
