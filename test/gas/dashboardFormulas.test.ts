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
  tasks: { title: "Bob's tasks", letters: { id: 'A', status: 'B', due: 'C', dept: 'D' } },
  requests: { title: 'Requests', letters: { status: 'B' } },
  lastTaskRow: 4,
};
const options: DashboardOptions = {
  locale: 'en',
  refreshedAt: '2024-07-12 15:00',
  departments: ['Sales "East"', 'Ops'],
  endOfDay: '18:00',
  workDays: [1, 2, 3, 4, 5],
  holidays: ['2024-07-11'],
  workdaySwaps: [],
  openRequests: [],
  months: [],
  kpiTargets: { responseTargetHours: 24, signOffTargetHours: 48 },
};

test('formulas name the sheets quoted, match statuses in either language and escape department names', () => {
  const dashboard = buildDashboard(source, options);
  const formulas = dashboard.visible
    .flat()
    .filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='));
  assert.ok(formulas.includes(`=COUNTIF('Requests'!$B:$B,"待会签")+COUNTIF('Requests'!$B:$B,"Awaiting sign-off")`));
  assert.ok(formulas.includes(`=COUNTIF('Bob''s tasks'!$B:$B,"阻塞")+COUNTIF('Bob''s tasks'!$B:$B,"Blocked")`));
  assert.deepEqual(
    dashboard.visible.map((row) => row[0]).filter((c) => c === 'Sales "East"' || c === 'Ops'),
    ['Sales "East"', 'Ops'],
  );
  // No lagging fact and no completion time without Health, Last update and Acceptance: not broken references.
  assert.equal(dashboard.helper[1]![4], 0);
  assert.equal(dashboard.helper[1]![14], '');
  assert.equal(dashboard.helper[1]![8], '=DATE(2024,7,11)');
  assert.equal(dashboard.helper.length, 4);
});

/** The dashboard evaluated by HyperFormula next to a small Tasks sheet, "now" pinned to Friday 2024-07-12 15:00. */
function evaluate(rows: RawCellContent[][], opts: DashboardOptions = options, today = [2024, 7, 12]) {
  const dashboard = buildDashboard(source, opts);
  const [y, m, d] = today;
  const pin = (cell: RawCellContent): RawCellContent =>
    typeof cell === 'string'
      ? cell.replace(/NOW\(\)/g, `(DATE(${y},${m},${d})+TIME(15,0,0))`).replace(/TODAY\(\)/g, `DATE(${y},${m},${d})`)
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
        ['XQ1', '待会签'],
        ['XQ2', 'Awaiting sign-off'],
        ['XQ3', 'Done'],
      ],
      Dashboard: sheet,
    },
    { licenseKey: 'gpl-v3', useArrayArithmetic: true },
  );
  const values = hf.getSheetValues(hf.getSheetId('Dashboard')!);
  const read = (label: string) => values.find((row) => row[0] === label)?.slice(1, 4);
  /** The number under a tile's label. */
  const tile = (label: string) => values[4]?.[values[3]!.indexOf(label)];
  /** Working days late of the task on Tasks row `row`, from its helper row. */
  const daysLate = (row: number) => values[row - 1]?.[HELPER_COLUMN - 1 + 3];
  return Object.assign(read, { daysLate, tile });
}

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

test('evaluated, the counts follow the tasks: overdue after the end of the due day, in working days past holidays', () => {
  const read = evaluate([
    ['RW1', 'In progress', serial(2024, 7, 10), 'Ops'],
    ['RW2', '进行中', serial(2024, 7, 12), 'Ops'],
    ['RW3', 'Done', serial(2024, 7, 1), 'Sales "East"'],
  ]);
  assert.equal(read.tile('Requests awaiting sign-off'), 2);
  assert.equal(read.tile('Overdue'), 1, 'due today is not overdue before 18:00');
  // Due Wednesday, Thursday a holiday: one working day late on Friday.
  assert.deepEqual(read('Ops'), [2, 1, 1]);
  assert.deepEqual(read('Sales "East"'), [0, 0, 0]);
  assert.deepEqual(read('RW1'), ['', 'Ops', '']);
});

// The scan's calendar (WorkCalendar.workingDaysBetween) on the 2024 National Day week: 10-01..10-07
// off, Sunday 09-29 and Saturday 10-12 made working days (调休).
test('evaluated, working days late count make-up workdays (调休) and skip holidays exactly as the scan does', async () => {
  const { WorkCalendar, civilDayFromKey } = await import('../../src/domain/calendar');
  const week = {
    ...options,
    holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
    // 10-08 is a plain working day: listing it as a swap changes nothing.
    workdaySwaps: ['2024-09-29', '2024-10-12', '2024-10-08'],
  };
  const read = evaluate(
    [
      ['RW1', 'In progress', serial(2024, 9, 27), 'Ops'],
      ['RW2', 'In progress', serial(2024, 9, 28), 'Ops'],
      ['RW3', 'In progress', serial(2024, 10, 11), 'Ops'],
    ],
    week,
    [2024, 10, 14],
  );
  const calendar = new WorkCalendar({ ...week, timeZone: 'UTC', endOfDay: '18:00' });
  const today = civilDayFromKey('2024-10-14')!;
  const scan = (due: string) => Math.max(1, calendar.workingDaysBetween(civilDayFromKey(due)!, today));
  // From Friday 09-27: Sunday 09-29 (调休), 09-30, 10-08..10-11, Saturday 10-12 (调休), Monday 10-14.
  assert.equal(scan('2024-09-27'), 8);
  assert.deepEqual(
    [2, 3, 4].map((row) => read.daysLate(row)),
    [scan('2024-09-27'), scan('2024-09-28'), scan('2024-10-11')],
  );
});
