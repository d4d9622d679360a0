/**
 * Notification log retention (SPEC §3.7, §3.5), on the built bundle: the daily scan moves rows
 * older than logRetentionDays, compacted, to the protected 通知记录 YYYY, sized to its content,
 * but never a row that cooldown, an L3 episode or the queue still reads; a run that dies between
 * writing the archive and removing the rows neither loses nor duplicates one.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { FAULT_MESSAGES } from '../../emulator/faults';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { at, workingDays } from '../support/days';
import { writeSheet } from '../support/sheets';

const NOW = at('2024-07-11T09:00');
const COORDINATOR = 'pmo@corp.cn';
const OWNER = 'owner@corp.cn';

const row = (time: Date, rule: string, level: string, item: string, status: string) => ({
  time,
  rule,
  level,
  item,
  recipients: OWNER,
  status,
  key: `${rule}|${level}|${item}`,
});

/** RW…-01 overdue since May, told every working day since 5/20: one long episode, now L3. */
const EPISODE = workingDays('2024-05-20', '2024-07-11').map((time) =>
  row(time, 'overdue', 'L2', 'RW202407001-01', '已发送'),
);
/** Done long ago: a week of dueSoon reminders, and a queued row a later row superseded. */
const FINISHED = [
  ...workingDays('2024-05-20', '2024-05-25').map((time) => row(time, 'dueSoon', 'L1', 'RW202407001-02', '已发送')),
  row(at('2024-05-21T09:00'), 'stale', 'L1', 'RW202407001-02', '排队中'),
  row(at('2024-05-21T10:00'), 'stale', 'L1', 'RW202407001-02', '已发送'),
];
/** Left queued in May (its latest row) and never sent since: the queue still owes it. */
const QUEUED = row(at('2024-05-22T09:00'), 'stale', 'L1', 'RW202407001-03', '排队中');

function setUp(): LoadedProject {
  const project = loadBundle({ now: NOW, activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'departments', [{ name: '市场部', head: 'head@corp.cn', sponsor: 'vp@corp.cn' }]);
  writeSheet(project, 'people', [{ name: '员工', email: OWNER, dept: '市场部' }]);
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '新品上市', dept: '市场部', requester: '员工', goal: '销量', status: '执行中' },
  ]);
  const task = (n: number, status: string, due: Date) => ({
    id: `RW202407001-0${n}`,
    request: 'XQ202407001',
    name: `任务${n}`,
    dept: '市场部',
    owner: '员工',
    start: at('2024-05-01T00:00'),
    due,
    status,
    pct: status === '已完成' ? 1 : 0.5,
    lastUpdate: at('2024-07-10T08:00'),
  });
  writeSheet(project, 'tasks', [
    task(1, '进行中', at('2024-05-17T00:00')),
    task(2, '已完成', at('2024-05-24T00:00')),
    task(3, '已完成', at('2024-05-24T00:00')),
  ]);
  writeSheet(project, 'notificationLog', [...FINISHED, QUEUED, ...EPISODE]);
  return project;
}

const sheetValues = (project: LoadedProject, title: string) =>
  project.emulator.spreadsheet.getSheetByName(title)?.getDataRange().getValues() ?? [];

/** The live log's rows older than `before`, as "rule item status" lines. */
function oldLiveRows(project: LoadedProject, before: Date): string[] {
  return sheetValues(project, sheetTitle('notificationLog', 'zh-CN'))
    .slice(1)
    .filter((line) => line[0] instanceof Date && line[0] < before)
    .map((line) => `${String(line[1])} ${String(line[3])} ${String(line[5])}`);
}

/** 通知记录 2024's lines as "key ×times status". */
function archived(project: LoadedProject): string[] {
  return sheetValues(project, '通知记录 2024')
    .slice(1)
    .map((line) => `${String(line[3])} ×${String(line[2])} ${String(line[5])}`);
}

const MOVED = [
  'dueSoon|L1|RW202407001-02 ×5 已发送',
  'stale|L1|RW202407001-02 ×1 排队中',
  'stale|L1|RW202407001-02 ×1 已发送',
];

test('the daily scan moves old rows nothing reads, compacted, and keeps the L3 episode and the queue live', () => {
  const project = setUp();
  project.call('runChecksNow_');

  assert.deepEqual(archived(project), MOVED);
  const juneFirst = at('2024-06-01T00:00');
  const kept = oldLiveRows(project, juneFirst);
  // The queued row and every row of the overdue episode since 5/20 stay.
  assert.deepEqual(kept, [
    'stale RW202407001-03 排队中',
    ...EPISODE.filter((r) => r.time < juneFirst).map((r) => `overdue ${r.item} 已发送`),
  ]);
  // L3 counts from the episode's first L2, seven weeks back, not from what retention left.
  const l3 = project.emulator.mail.outbox.find((mail) => mail.to.includes('vp@corp.cn'));
  assert.ok(l3, 'the sponsor gets the L3');
  assert.match(l3.body, /自 2024-05-20 09:00 起/);

  // The live log is as wide as its columns (this log of an earlier version's seven got the five a
  // message row adds): a new sheet's 26 would count for every row.
  assert.equal(
    project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))?.getMaxColumns(),
    12,
  );
  const sheet = project.emulator.spreadsheet.getSheetByName('通知记录 2024')!;
  assert.equal(sheet.getMaxRows(), 1 + MOVED.length);
  assert.equal(sheet.getMaxColumns(), 6);
  const [protection] = sheet.getProtections('SHEET');
  assert.match(protection?.getDescription() ?? '', /通知记录归档/);

  // The next day nothing more is due: the kept rows are still in use.
  project.emulator.clock.advanceHours(24);
  project.call('runChecksNow_');
  assert.deepEqual(archived(project), MOVED);
});

test('a run that dies after writing the archive and before removing the rows: the next neither loses nor duplicates one', () => {
  const project = setUp();
  // The flush that lands the archive before the rows leave the log: the run dies right after it.
  const fault = project.emulator.faults.failOn({
    method: 'SpreadsheetApp.flush',
    onCall: 1,
    error: FAULT_MESSAGES.unavailable,
  });
  assert.throws(() => project.call('runChecksNow_'));
  assert.equal(fault.fired, 1);
  assert.deepEqual(archived(project), MOVED);
  assert.equal(oldLiveRows(project, at('2024-05-26T00:00')).length, 5 + 2 + 1 + 5);

  project.call('runChecksNow_');
  assert.deepEqual(archived(project), MOVED);
  assert.deepEqual(oldLiveRows(project, at('2024-05-26T00:00')), [
    'stale RW202407001-03 排队中',
    ...EPISODE.filter((r) => r.time < at('2024-05-26T00:00')).map((r) => `overdue ${r.item} 已发送`),
  ]);
});
