/**
 * The tick in an add-on's trigger context and one automation owner per workbook (SPEC §4), on the
 * built bundle. The emulator runs time-driven triggers as an add-on's by default: no active
 * spreadsheet, no document lock, no document properties; triggers belong to the user who made them.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { EmulatorOptions } from '../../emulator/index';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { writeSheet } from '../support/sheets';
import { at } from '../support/days';

const ALERT_SUBJECT = /^\[(协作预警|协作提醒|协作升级|Collab alert|Collab reminder|Collab escalation)\]/;
const FIRST = 'pmo@corp.cn';
const SECOND = 'pmo2@corp.cn';

type Globals = { ScriptApp: GoogleAppsScript.Script.ScriptApp };

/** Two coordinators; three tasks overdue since Wednesday 7/10; the daily scan is due Thursday 09:00. */
function setUp(options: EmulatorOptions = {}): LoadedProject {
  const project = loadBundle({ now: at('2024-07-11T08:30'), activeUser: FIRST, ...options });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: `${FIRST}, ${SECOND}` }]);
  writeSheet(project, 'departments', [{ name: '市场部', head: 'head@corp.cn' }]);
  const owners = [0, 1, 2].map((i) => ({ name: `员工${i}`, email: `owner${i}@corp.cn`, dept: '市场部' }));
  writeSheet(project, 'people', owners);
  writeSheet(project, 'requests', [{ id: 'XQ202407001', title: '新品上市', dept: '市场部', status: '执行中' }]);
  writeSheet(
    project,
    'tasks',
    owners.map((owner, i) => ({
      id: `RW202407001-0${i + 1}`,
      request: 'XQ202407001',
      name: `任务${i}`,
      dept: '市场部',
      owner: owner.name,
      start: at('2024-07-08T00:00'),
      due: at('2024-07-10T00:00'),
      status: '进行中',
      pct: 0.2,
      lastUpdate: at('2024-07-10T08:00'),
    })),
  );
  return project;
}

function as<T>(project: LoadedProject, user: string, body: () => T): T {
  project.emulator.session.emuSetActiveUser(user);
  return body();
}

/** What the user saw last in an alert. */
const lastAlert = (project: LoadedProject) => project.emulator.ui.emuAlerts().at(-1)?.message ?? '';

/** The current user's triggers, by handler. */
function triggersOf(project: LoadedProject, user: string): string[] {
  const { ScriptApp } = project.emulator.globals as Globals;
  return as(project, user, () => ScriptApp.getProjectTriggers().map((trigger) => trigger.getHandlerFunction()));
}

function runUntil(project: LoadedProject, until: string): void {
  const { clock, triggers } = project.emulator;
  while (clock.now() < at(until)) {
    clock.advanceHours(1);
    triggers.emuRunDue();
  }
}

/** Alert mails per recipient. */
function alertCounts(project: LoadedProject): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const mail of project.emulator.mail.outbox) {
    if (ALERT_SUBJECT.test(mail.subject)) for (const to of mail.to) counts[to] = (counts[to] ?? 0) + 1;
  }
  return counts;
}

const EVERYONE_ONCE = {
  'head@corp.cn': 1,
  'owner0@corp.cn': 1,
  'owner1@corp.cn': 1,
  'owner2@corp.cn': 1,
  [FIRST]: 1,
  [SECOND]: 1,
};

test("the tick runs as an add-on's trigger: no active spreadsheet, lock or document properties, and mails once", () => {
  const project = setUp();
  as(project, FIRST, () => project.call('automationOn_'));
  runUntil(project, '2024-07-11T12:00');
  assert.deepEqual(alertCounts(project), EVERYONE_ONCE);
  as(project, FIRST, () => project.call('automationStatus_'));
  assert.match(lastAlert(project), /自动化：已开启（每小时，由 pmo@corp\.cn 运行）\n.*\n最近一次每日检查：2024-07-11/);
});

test('a second coordinator is told who owns automation; declining changes nothing, and their Turn off says who can', () => {
  const project = setUp();
  as(project, FIRST, () => project.call('automationOn_'));
  as(project, SECOND, () => {
    project.emulator.ui.emuQueueAnswer(project.emulator.ui.ui.Button.NO);
    project.call('automationOn_');
  });
  const question = project.emulator.ui.emuAlerts().at(-2)?.message ?? '';
  assert.match(question, /自动化目前由 pmo@corp\.cn 运行（每个工作簿只有一位负责人）/);
  assert.match(lastAlert(project), /未做更改：自动化仍由 pmo@corp\.cn 运行/);
  assert.deepEqual(triggersOf(project, SECOND), []);

  as(project, SECOND, () => project.call('automationOff_'));
  assert.match(lastAlert(project), /自动化由 pmo@corp\.cn 运行，仍处于开启状态.*请联系 pmo@corp\.cn 关闭/);
  assert.deepEqual(triggersOf(project, FIRST), ['tick_'], "the owner's trigger is untouched");

  runUntil(project, '2024-07-11T12:00');
  assert.deepEqual(alertCounts(project), EVERYONE_ONCE, 'automation kept running, once');
});

test("taking over: the first owner's tick removes itself at its next run and nobody is told twice", () => {
  const project = setUp();
  as(project, FIRST, () => project.call('automationOn_'));
  as(project, SECOND, () => project.call('automationOn_')); // answers Yes
  assert.match(lastAlert(project), /自动化已开启.*\n已从 pmo@corp\.cn 接管/);
  runUntil(project, '2024-07-11T12:00');
  assert.deepEqual(alertCounts(project), EVERYONE_ONCE);
  assert.deepEqual(triggersOf(project, FIRST), [], "the first owner's trigger is gone");
  assert.deepEqual(triggersOf(project, SECOND), ['tick_']);
  as(project, FIRST, () => project.call('automationStatus_'));
  assert.match(lastAlert(project), /由 pmo2@corp\.cn 运行/);

  as(project, SECOND, () => project.call('automationOff_'));
  assert.match(lastAlert(project), /自动化已关闭/);
  assert.deepEqual(triggersOf(project, SECOND), []);
});

test('a tick whose owner is no longer a coordinator stops mailing, tells the owner, and Status says so', () => {
  const project = setUp();
  as(project, FIRST, () => project.call('automationOn_'));
  const settings = project.emulator.spreadsheet.getSheetByName(sheetTitle('settings', 'zh-CN'))!;
  settings.getRange(2, 2).setValue(SECOND);
  runUntil(project, '2024-07-11T12:00');
  assert.deepEqual(alertCounts(project), {}, 'no notices from a former coordinator’s trigger');
  const told = project.emulator.mail.outbox.filter((mail) => mail.subject === '[协作台] 自动化已停止');
  // The former owner, and every coordinator: nothing is sent until one of them turns it on.
  assert.deepEqual(
    told.map((mail) => mail.to),
    [[FIRST], [SECOND]],
  );
  assert.match(told[0]?.body ?? '', /请一位协作总负责人（pmo2@corp\.cn）在工作簿中选择「自动化 › 开启」/);
  assert.match(told[1]?.body ?? '', /pmo@corp\.cn 已不在「设置 › 协作总负责人」中，其开启的自动化已自行停止/);
  // Like every mail, it is on the Notification log.
  const log = project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))!;
  assert.deepEqual(
    log
      .getDataRange()
      .getValues()
      .filter((row) => row[1] === '自动化已停止')
      .map((row) => `${row[4]} ${row[5]}`),
    [`${FIRST} 已发送`, `${SECOND} 已发送`],
  );

  assert.deepEqual(triggersOf(project, FIRST), []);
  as(project, SECOND, () => project.call('automationStatus_'));
  assert.match(
    lastAlert(project),
    /自动化：已停止：pmo@corp\.cn 已不是协作总负责人，其定时任务于 2024-07-11 09:30 自行停止/,
  );

  as(project, SECOND, () => project.call('automationOn_'));
  runUntil(project, '2024-07-11T14:00');
  const { [FIRST]: former, ...everyoneElse } = EVERYONE_ONCE;
  assert.equal(former, 1);
  assert.deepEqual(alertCounts(project), everyoneElse, 'the new owner’s tick mails everyone else');
  runUntil(project, '2024-07-12T12:00');
  assert.equal(project.emulator.mail.outbox.filter((mail) => mail.subject === '[协作台] 自动化已停止').length, 2);
});

test("taken over, then turned off before the first owner's tick ran again: that tick removes itself and mails nothing", () => {
  const project = setUp();
  as(project, FIRST, () => project.call('automationOn_'));
  as(project, SECOND, () => project.call('automationOn_')); // answers Yes
  as(project, SECOND, () => project.call('automationOff_'));
  assert.deepEqual(
    triggersOf(project, FIRST),
    ['tick_'],
    'a trigger is its owner’s: the second coordinator cannot delete it',
  );
  runUntil(project, '2024-07-13T12:00');
  assert.deepEqual(
    project.emulator.mail.outbox.map((mail) => `${mail.to.join()} ${mail.subject}`),
    [],
  );
  assert.deepEqual(triggersOf(project, FIRST), [], 'it removed itself at its first run');
  as(project, FIRST, () => project.call('automationStatus_'));
  assert.match(lastAlert(project), /自动化：已关闭/);
});
