/**
 * 通知记录 YYYY at scale (SPEC §3.7, issue 12), on the built bundle: a long-running log's rows leave
 * a week a run and land as one line per key, status and month, every recipient tallied, so the
 * archive takes far fewer cells than one line per recipient per week; years kept apart; a run that
 * dies between writing the archive and removing the rows leaves every row counted once.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { FAULT_MESSAGES } from '../../emulator/faults';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { at, workingDays } from '../support/days';
import { writeSheet } from '../support/sheets';

const COORDINATOR = 'pmo@corp.cn';
const RECIPIENTS = ['owner@corp.cn', 'head@corp.cn'];
const ITEMS = 60;
const DAY = 86_400_000;

/** A dueSoon reminder to each recipient of each item on each day: a row per notice and recipient. */
function reminders(days: readonly Date[]) {
  return days.flatMap((time) =>
    Array.from({ length: ITEMS }, (_, n) => `RW20240300${String(n + 1).padStart(2, '0')}-01`).flatMap((item) =>
      RECIPIENTS.map((recipients) => ({
        time,
        rule: 'dueSoon',
        level: 'L1',
        item,
        recipients,
        status: '已发送',
        key: `dueSoon|L1|${item}`,
      })),
    ),
  );
}

function setUp(now: Date, log: readonly Record<string, unknown>[]): LoadedProject {
  const project = loadBundle({ now, activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'departments', [{ name: '市场部', head: 'head@corp.cn', sponsor: 'vp@corp.cn' }]);
  writeSheet(project, 'people', [{ name: '员工', email: 'owner@corp.cn', dept: '市场部' }]);
  writeSheet(project, 'notificationLog', log);
  return project;
}

const sheetOf = (project: LoadedProject, title: string) => project.emulator.spreadsheet.getSheetByName(title);
const lines = (project: LoadedProject, title: string) =>
  (sheetOf(project, title)?.getDataRange().getValues() ?? []).slice(1);
const liveRows = (project: LoadedProject) =>
  (sheetOf(project, sheetTitle('notificationLog', 'zh-CN'))?.getLastRow() ?? 1) - 1;

/** Runs the daily scan until the archive has nothing more due (a week a run). */
function archiveAll(project: LoadedProject): void {
  for (let run = 0, before = -1; run < 20 && before !== liveRows(project); run++) {
    before = liveRows(project);
    project.call('runChecksNow_');
  }
}

/** Rows each recipient's tallies stand for, over all lines, as "recipient ×rows". */
function tallied(project: LoadedProject, title: string): string[] {
  const totals = new Map<string, number>();
  for (const line of lines(project, title))
    for (const tally of String(line[4]).split('; ')) {
      const [, recipient, rows] = /^(.*) ×(\d+) ≤ /.exec(tally) ?? [];
      totals.set(String(recipient), (totals.get(String(recipient)) ?? 0) + Number(rows));
    }
  return [...totals].map(([recipient, rows]) => `${recipient} ×${rows}`);
}

// April and May 2024, 45 working days: 5,400 rows, 120 a day, all past retention by July.
const APRIL_MAY = reminders(workingDays('2024-04-01', '2024-06-01'));

test('two months of reminders archive as one line per item and month: the cells a quarter or less of a line per recipient and week', () => {
  const project = setUp(at('2024-07-11T09:00'), APRIL_MAY);
  archiveAll(project);

  const archive = lines(project, '通知记录 2024');
  assert.equal(APRIL_MAY.length, 5_400);
  assert.equal(archive.length, ITEMS * 2, 'a line per item for April and for May');
  assert.equal(
    archive.reduce((sum, line) => sum + Number(line[2]), 0),
    APRIL_MAY.length,
  );
  assert.deepEqual(tallied(project, '通知记录 2024'), ['owner@corp.cn ×2700', 'head@corp.cn ×2700']);
  // One line per (item, recipient) per Monday-week the rows fall in: what a line per recipient and week takes.
  const weeks = new Set(APRIL_MAY.map((row) => Math.floor((row.time.getTime() + 3 * DAY + 8 * 3_600_000) / (7 * DAY))));
  const weeklyCells = (1 + weeks.size * ITEMS * RECIPIENTS.length) * 6;
  const sheet = sheetOf(project, '通知记录 2024')!;
  const cells = sheet.getMaxRows() * sheet.getMaxColumns();
  assert.equal(cells, (1 + ITEMS * 2) * 6);
  assert.ok(cells * 4 <= weeklyCells, `${cells} cells against ${weeklyCells}`);
  assert.equal(liveRows(project), 0);
});

test('a run that dies after merging a week into its month and before removing the rows: every row still counted once', () => {
  const project = setUp(at('2024-07-11T09:00'), APRIL_MAY);
  project.call('runChecksNow_');
  project.call('runChecksNow_');
  // The third week merges into April's lines; the flush that lands them is the run's last act.
  const fault = project.emulator.faults.failOn({
    method: 'SpreadsheetApp.flush',
    onCall: 1,
    error: FAULT_MESSAGES.unavailable,
  });
  assert.throws(() => project.call('runChecksNow_'));
  assert.equal(fault.fired, 1);
  assert.equal(liveRows(project), APRIL_MAY.length - 2 * 5 * ITEMS * 2, 'the third week is still live');
  assert.equal(
    lines(project, '通知记录 2024').reduce((sum, line) => sum + Number(line[2]), 0),
    3 * 5 * ITEMS * 2,
    'and already merged into April',
  );

  archiveAll(project);
  const archive = lines(project, '通知记录 2024');
  assert.equal(archive.length, ITEMS * 2);
  assert.equal(
    archive.reduce((sum, line) => sum + Number(line[2]), 0),
    APRIL_MAY.length,
  );
  assert.deepEqual(tallied(project, '通知记录 2024'), ['owner@corp.cn ×2700', 'head@corp.cn ×2700']);
  assert.equal(liveRows(project), 0);
});

test('a week across New Year goes half to 通知记录 2024 and half to 通知记录 2025', () => {
  // Monday 12/30 to Friday 1/3: two days in 2024, three in 2025.
  const project = setUp(at('2025-03-03T09:00'), reminders(workingDays('2024-12-30', '2025-01-04')));
  archiveAll(project);
  const times = (title: string) => lines(project, title).map((line) => Number(line[2]));
  assert.deepEqual(times('通知记录 2024'), Array<number>(ITEMS).fill(4));
  assert.deepEqual(times('通知记录 2025'), Array<number>(ITEMS).fill(6));
  assert.equal(liveRows(project), 0);
});
