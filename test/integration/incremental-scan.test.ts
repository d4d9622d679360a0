/**
 * The incremental scan (SPEC §3.7), on the built bundle: the daily scan reads only the Progress
 * rows added since its high-water mark, and gives what a full read gives. Two copies of one
 * workbook live the same week of progress posts, an inserted row above the mark and an old row
 * edited in place; one scans incrementally, the other with its mark removed before every scan
 * (a full read). Their Health columns, Notification logs and mails stay the same, and the
 * incremental one reads fewer cells on a day nothing above its mark changed, also when an L3
 * quotes an entry above the mark.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle, type SheetKey } from '../../src/domain/schema';
import { logLines } from '../support/ledger';
import { loadBundle } from '../support/bundle';
import { writeSheet } from '../support/sheets';
import { at } from '../support/days';

const COORDINATOR = 'pmo@corp.cn';
const TASKS = 6;
const id = (n: number) => `RW202407001-0${n}`;

function setUp(): LoadedProject {
  const project = loadBundle({ now: at('2024-07-08T08:00'), activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'departments', [{ name: '市场部', head: 'head@corp.cn', sponsor: 'vp@corp.cn' }]);
  writeSheet(
    project,
    'people',
    Array.from({ length: TASKS }, (_, i) => ({ name: `员工${i + 1}`, email: `owner${i + 1}@corp.cn`, dept: '市场部' })),
  );
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '新品上市', dept: '市场部', requester: '员工1', goal: '销量', status: '执行中' },
  ]);
  writeSheet(
    project,
    'tasks',
    Array.from({ length: TASKS }, (_, i) => ({
      id: id(i + 1),
      request: 'XQ202407001',
      name: `任务${i + 1}`,
      dept: '市场部',
      owner: `员工${i + 1}`,
      start: at('2024-07-01T00:00'),
      // Due from Tuesday on: some fall due, some lag, some go stale during the week.
      due: at(`2024-07-${String(9 + i).padStart(2, '0')}T00:00`),
      status: '进行中',
    })),
  );
  writeSheet(project, 'progress', []);
  return project;
}

function post(project: LoadedProject, task: number, pct: number): void {
  const result = project.runFromSidebar('submitSidebarForm', 'progress', {
    task: id(task),
    summary: `第 ${pct}%`,
    pct: String(pct),
    delayReason: '人手不足',
  }) as { ok: boolean };
  assert.ok(result.ok, JSON.stringify(result));
}

function forgetMark(project: LoadedProject): void {
  for (const entry of project.emulator.spreadsheet
    .createDeveloperMetadataFinder()
    .withKey('collabDesk.progressMark')
    .find())
    entry.remove();
}

const values = (project: LoadedProject, key: SheetKey) =>
  JSON.parse(
    JSON.stringify(project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'))?.getDataRange().getValues()),
  ) as unknown[][];

/** What a user would notice of a scan: the Tasks sheet (Health included), the log, the mails. */
function outcome(project: LoadedProject) {
  return {
    tasks: values(project, 'tasks'),
    // Each run's ID in a message ID is random: what is compared is each message's place in its run.
    log: values(project, 'notificationLog').map((row) =>
      row.map((cell) => (typeof cell === 'string' ? cell.replace(/^[0-9a-f]{8}#/, '#') : cell)),
    ),
    // Each copy is its own spreadsheet: its ID in the links is the one thing that differs.
    mails: project.emulator.mail.outbox.map((mail) => [
      mail.to.join(),
      mail.subject,
      mail.body.replaceAll(project.emulator.spreadsheet.getId(), 'ID'),
    ]),
  };
}

/** The day's scan, and the cells it read. */
function scan(project: LoadedProject, when: string): number {
  project.emulator.clock.set(at(when));
  const { calls } = project.emulator;
  calls.reset();
  project.call('runChecksNow_');
  return Object.values(calls.cells()).reduce((sum, n) => sum + n, 0);
}

test('a week of daily scans reading only the Progress rows since the mark gives what full reads give', () => {
  const incremental = setUp();
  const full = setUp();
  const both = (step: (project: LoadedProject) => void) => [incremental, full].forEach(step);
  const readCells: { day: string; incremental: number; full: number }[] = [];
  const day = (when: string, posts: [number, number][], edit?: (project: LoadedProject) => void) => {
    both((project) => {
      project.emulator.clock.set(at(`${when.slice(0, 10)}T08:00`));
      edit?.(project);
      for (const [task, pct] of posts) post(project, task, pct);
    });
    forgetMark(full);
    readCells.push({ day: when, incremental: scan(incremental, when), full: scan(full, when) });
    assert.deepEqual(outcome(incremental), outcome(full), `after the scan of ${when}`);
  };

  // A first week of posts, so Progress holds more than the rows each day adds.
  day(
    '2024-07-08T09:00',
    Array.from({ length: TASKS * 3 }, (_, i): [number, number] => [(i % TASKS) + 1, 1 + i]),
  );
  day('2024-07-09T09:00', [
    [2, 40],
    [3, 25],
  ]);
  // A row inserted above the mark: every row below it moves, the mark's row among them.
  day('2024-07-10T09:00', [[4, 60]], (project) =>
    project.emulator.spreadsheet.getSheetByName(sheetTitle('progress', 'zh-CN'))!.insertRowsBefore(3, 1),
  );
  // An old entry edited in place (the latest of task 5), as a user would, firing onEdit.
  day('2024-07-11T09:00', [[6, 75]], (project) => {
    const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('progress', 'zh-CN'))!;
    const rows = sheet.getDataRange().getValues();
    const row = rows.map((line) => line[0]).lastIndexOf(id(5)) + 1;
    const cell = sheet.getRange(row, 3);
    cell.setValue(0.95);
    project.runSimpleTrigger('onEdit', { range: cell, value: '95%' });
  });
  day('2024-07-12T09:00', [[6, 80]]);

  // Tuesday nothing above the mark changed and no task was due for an L3.
  const tuesday = readCells.find((d) => d.day.startsWith('2024-07-09'))!;
  assert.ok(tuesday.incremental < tuesday.full, JSON.stringify(tuesday));
  // Friday task 4 is escalated to L3, whose mail quotes its latest entry (Wednesday's, above the
  // mark): that entry is found from two columns of the rows above, not by reading all of Progress.
  const fridayL3 = logLines(incremental).filter(
    (line) => line.level === 'L3' && line.time.toISOString().startsWith('2024-07-12'),
  );
  assert.deepEqual([...new Set(fridayL3.map((line) => line.item))], [id(4)]);
  const friday = readCells.find((d) => d.day.startsWith('2024-07-12'))!;
  assert.ok(friday.incremental < friday.full, JSON.stringify(friday));
});

test('an old entry edited while the lock is busy: the tick that syncs it makes the next scan read all of Progress', () => {
  const incremental = setUp();
  const full = setUp();
  for (const project of [incremental, full]) {
    for (let i = 0; i < TASKS * 3; i++) post(project, (i % TASKS) + 1, 1 + i);
  }
  forgetMark(full);
  scan(incremental, '2024-07-08T09:00');
  scan(full, '2024-07-08T09:00');
  for (const project of [incremental, full]) {
    // Tuesday 08:00: the latest entry of task 4 is corrected while another run holds the lock.
    const { clock, lock } = project.emulator;
    clock.set(at('2024-07-09T08:00'));
    const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('progress', 'zh-CN'))!;
    const row =
      sheet
        .getDataRange()
        .getValues()
        .map((line) => line[0])
        .lastIndexOf(id(4)) + 1;
    lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 60_000);
    const cell = sheet.getRange(row, 3);
    cell.setValue(0.99);
    project.runSimpleTrigger('onEdit', { range: cell, value: '99%' });
    clock.set(at('2024-07-09T08:30'));
    project.call('tick_');
  }
  forgetMark(full);
  scan(incremental, '2024-07-09T09:00');
  scan(full, '2024-07-09T09:00');
  assert.deepEqual(outcome(incremental), outcome(full));
});

test('L3s for more tasks than one read holds quote each latest entry above the mark, as a full read does, on task rows that do not carry it', () => {
  // 150 overdue tasks whose entries (two each, interleaved with another task's) all lie above the
  // mark: their latest rows are 150 separate runs, more than one Values.batchGet carries.
  const count = 150;
  const make = () => {
    const project = loadBundle({ now: at('2024-07-08T08:00'), activeUser: COORDINATOR });
    writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
    writeSheet(project, 'departments', [{ name: '市场部', head: 'head@corp.cn', sponsor: 'vp@corp.cn' }]);
    writeSheet(project, 'people', [{ name: '员工1', email: 'owner1@corp.cn', dept: '市场部' }]);
    writeSheet(project, 'requests', [
      { id: 'XQ202407001', title: '新品上市', dept: '市场部', requester: '员工1', goal: '销量', status: '执行中' },
    ]);
    const task = (n: number) => `RW202407001-${String(n).padStart(3, '0')}`;
    writeSheet(
      project,
      'tasks',
      Array.from({ length: count + 1 }, (_, i) => ({
        id: task(i),
        request: 'XQ202407001',
        name: `任务${i}`,
        dept: '市场部',
        owner: '员工1',
        start: at('2024-07-01T00:00'),
        due: i === 0 ? at('2024-08-30T00:00') : at('2024-07-05T00:00'),
        status: '进行中',
        pct: 0.5,
        lastUpdate: at('2024-07-05T10:00'),
      })),
    );
    // Set up by a version whose task rows did not carry the latest summary and delay reason: the
    // scan reads those entries from above the mark.
    const tasks = project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!;
    const header = tasks.getRange(1, 1, 1, tasks.getLastColumn()).getValues()[0]!;
    tasks.deleteColumns(header.indexOf('最新进度 ⚙') + 1, 2);
    writeSheet(
      project,
      'progress',
      Array.from({ length: count }, (_, i) => [
        {
          task: task(i + 1),
          summary: `旧 ${i + 1}`,
          pct: 0.4,
          delayReason: `旧原因 ${i + 1}`,
          updatedAt: at('2024-07-04T10:00'),
        },
        { task: task(0), summary: '其他', pct: 0.1, updatedAt: at('2024-07-04T11:00') },
        {
          task: task(i + 1),
          summary: `最新 ${i + 1}`,
          pct: 0.5,
          delayReason: `原因 ${i + 1}`,
          updatedAt: at('2024-07-05T10:00'),
        },
      ]).flat(),
    );
    return project;
  };
  const incremental = make();
  const full = make();
  for (const when of ['2024-07-08T09:00', '2024-07-09T09:00', '2024-07-10T09:00']) {
    forgetMark(full);
    scan(incremental, when);
    scan(full, when);
    assert.deepEqual(outcome(incremental), outcome(full), `after the scan of ${when}`);
  }
  const l3 = logLines(incremental).filter((line) => line.level === 'L3');
  assert.equal(new Set(l3.map((line) => line.item)).size, count);
  const mails = incremental.emulator.mail.outbox.map((mail) => mail.body).join('\n');
  for (let n = 1; n <= count; n++) {
    assert.ok(mails.includes(`原因 ${n}；`) || mails.includes(`原因 ${n}\n`), `task ${n}'s latest delay reason quoted`);
    assert.ok(!mails.includes(`旧原因 ${n}；`), `task ${n}'s older entry not quoted`);
  }
});
