/**
 * The escalation engine end to end: the built bundle in the emulator, automation turned on from
 * the menu, the clock driven hour by hour through a working week, and the outbox read as the
 * people receiving the digests would.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { loadBundle } from '../support/bundle';
import { headerText, sheetDef, sheetTitle, type SheetKey } from '../../src/domain/schema';
import type { LoadedProject } from '../../emulator/runtime';
import { logLines } from '../support/ledger';
import { writeSheet } from '../support/sheets';
import { at } from '../support/days';

/** Wall time in Shanghai, the emulator's default spreadsheet zone. */

type Row = Record<string, unknown>;

const coordinator = 'pmo@corp.cn';

/** 渠道铺货执行-like task of 销售部 owned by 李四: Monday 7/8 to Wednesday 7/10, 20 % done. */
function salesTask(overrides: Row = {}): Row {
  return {
    id: 'RW202407001-03',
    request: 'XQ202407001',
    name: '渠道铺货执行',
    dept: '销售部',
    owner: '李四',
    deliverable: '30 个核心城市铺货率 90%',
    start: at('2024-07-08T00:00'),
    due: at('2024-07-10T00:00'),
    status: '进行中',
    pct: 0.2,
    lastUpdate: at('2024-07-08T08:00'),
    ...overrides,
  };
}

interface Workbook {
  settings?: Row[];
  tasks?: Row[];
  progress?: Row[];
  requests?: Row[];
  communications?: Row[];
  planChanges?: Row[];
}

function setUp(options: Workbook = {}): LoadedProject {
  const project = loadBundle({ now: at('2024-07-08T08:30'), activeUser: coordinator });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: coordinator }, ...(options.settings ?? [])]);
  writeSheet(project, 'departments', [
    { name: '市场部', head: 'mkt-head@corp.cn', sponsor: 'vp-mkt@corp.cn' },
    { name: '销售部', head: 'sales-head@corp.cn', sponsor: 'vp-sales@corp.cn' },
  ]);
  writeSheet(project, 'people', [
    { name: '张三', email: 'zhang@corp.cn', dept: '市场部' },
    { name: '李四', email: 'li@corp.cn', dept: '销售部' },
  ]);
  writeSheet(project, 'requests', [
    {
      id: 'XQ202407001',
      title: '2024年Q3新品上市推广方案',
      dept: '市场部',
      requester: '张三',
      goal: 'Q3 销量较 Q2 提升 30%',
      status: '执行中',
    },
    ...(options.requests ?? []),
  ]);
  writeSheet(project, 'tasks', options.tasks ?? [salesTask()]);
  if (options.progress) writeSheet(project, 'progress', options.progress);
  if (options.communications) writeSheet(project, 'communications', options.communications);
  if (options.planChanges) writeSheet(project, 'planChanges', options.planChanges);
  return project;
}

/** Digest subjects (zh, en); the weekly summary the tick also mails on Mondays is summary.test.ts's subject. */
const ALERT_SUBJECT = /^\[(协作预警|协作提醒|协作升级|Collab alert|Collab reminder|Collab escalation)\]/;

/** Advances the clock hour by hour until `until`, running due triggers; returns "when: to ← subject" per digest. */
function runUntil(project: LoadedProject, until: string): string[] {
  const { clock, triggers, mail } = project.emulator;
  const before = mail.outbox.length;
  while (clock.now() < at(until)) {
    clock.advanceHours(1);
    triggers.emuRunDue();
  }
  return mail.outbox
    .slice(before)
    .filter((m) => ALERT_SUBJECT.test(m.subject))
    .map((m) => {
      const local = new Date(m.sentAt.getTime() + 8 * 3_600_000).toISOString().slice(5, 13).replace('T', ' ');
      return `${local}h ${m.to.join(',')} ← ${m.subject}`;
    });
}

function sheetValues(project: LoadedProject, key: SheetKey): unknown[][] {
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'));
  assert.ok(sheet, key);
  return sheet.getDataRange().getValues();
}

test('through a working week each person gets one digest per run, escalating from reminder to sponsor', () => {
  const project = setUp();
  project.call('automationOn_');

  assert.deepEqual(runUntil(project, '2024-07-09T00:00'), [], 'Monday: nothing is due soon or behind yet');
  assert.deepEqual(runUntil(project, '2024-07-10T00:00'), ['07-09 09h li@corp.cn ← [协作提醒] 即将到期：渠道铺货执行']);
  assert.deepEqual(runUntil(project, '2024-07-11T00:00'), [
    '07-10 09h li@corp.cn ← [协作预警] 滞后 · 即将到期：渠道铺货执行',
    '07-10 09h sales-head@corp.cn ← [协作预警] 滞后：渠道铺货执行',
    // Final hours cannot wait for tomorrow's scan: the hourly pass sends it 6 hours before 18:00.
    '07-10 12h li@corp.cn ← [协作预警] 临近截止：渠道铺货执行',
    '07-10 12h pmo@corp.cn ← [协作预警] 临近截止：渠道铺货执行',
    '07-10 12h sales-head@corp.cn ← [协作预警] 临近截止：渠道铺货执行',
  ]);
  assert.deepEqual(runUntil(project, '2024-07-12T00:00'), [
    '07-11 09h li@corp.cn ← [协作预警] 逾期 · 滞后 · 未更新：渠道铺货执行',
    '07-11 09h sales-head@corp.cn ← [协作预警] 逾期 · 滞后：渠道铺货执行',
    '07-11 09h pmo@corp.cn ← [协作预警] 逾期：渠道铺货执行',
  ]);
  // 48 hours after the first L2 (lagging, Wednesday 09:00) the sponsor and coordinator are told,
  // and escalations are mailed first. Lagging, told Wednesday and Thursday, backs off: its next
  // repeat waits two working days, and meanwhile it rides in the digest as still open.
  assert.deepEqual(runUntil(project, '2024-07-13T00:00'), [
    '07-12 09h pmo@corp.cn ← [协作升级] 升级 · 逾期：渠道铺货执行',
    '07-12 09h vp-sales@corp.cn ← [协作升级] 升级：渠道铺货执行',
    '07-12 09h li@corp.cn ← [协作预警] 逾期 · 未更新：渠道铺货执行',
    '07-12 09h sales-head@corp.cn ← [协作预警] 逾期：渠道铺货执行',
  ]);
  const friday = project.emulator.mail.outbox.filter((m) => m.to[0] === 'li@corp.cn').at(-1);
  assert.match(
    friday?.body ?? '',
    /- RW202407001-03 渠道铺货执行 — 逾期：截止 2024-07-10，已逾期 2 个工作日，完成 20%；未更新：已 4 个工作日没有进度更新（最近一次 2024-07-08 08:00）；滞后：自 2024-07-10 09:30 起仍未解决\n/,
  );
  const escalation = project.emulator.mail.outbox.find((m) => m.to[0] === 'vp-sales@corp.cn');
  // The sponsor learns who owns it, where, and how late, without opening the sheet.
  assert.match(
    escalation?.body ?? '',
    /问题：滞后，自 2024-07-10 09:30 起 2 个工作日仍未解决\n {2}负责人：李四（销售部）\n {2}逾期天数：2 个工作日\n {2}最新进度：尚无进度记录\n {2}滞后原因：负责人尚未说明；目前完成 20%，按计划应达 100%\n {2}请您：在 2024-07-15 18:00 前与 李四（销售部）商定并拍板/,
  );
  assert.equal(escalation?.subject, '[协作升级] 升级：渠道铺货执行');
  assert.deepEqual(runUntil(project, '2024-07-15T00:00'), [], 'no daily scan on the weekend');
});

test('a link lands on the task’s row found by ID when the mails are built, though a row was inserted after the scan read', () => {
  const project = setUp();
  project.call('automationOn_');
  runUntil(project, '2024-07-10T08:00');
  const tasks = project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!;
  // Someone inserts a row above the task while the tick runs: after the scan recorded its mails
  // (the automation state it writes next) and before they are sent. The task moves from row 2 to 3.
  let inserted = false;
  project.emulator.calls.observe((method) => {
    if (inserted || method !== 'DeveloperMetadata.setValue') return;
    inserted = true;
    tasks.insertRowBefore(2);
  });
  runUntil(project, '2024-07-10T10:00');
  assert.ok(inserted, 'the row was inserted between the scan and its mails');
  assert.equal(tasks.getRange(3, 1).getValue(), 'RW202407001-03');
  const wednesday = project.emulator.mail.outbox.filter((m) => m.to[0] === 'li@corp.cn').at(-1);
  const link = (row: number) => `${project.emulator.spreadsheet.getUrl()}#gid=${tasks.getSheetId()}&range=A${row}`;
  assert.ok(wednesday?.body.includes(link(3)), wednesday?.body);
  assert.ok(!wednesday?.body.includes(link(2)), 'no link to the row the task left');
});

test('requests waiting for review, overdue action items and pending plan changes remind the right people', () => {
  const project = setUp({
    tasks: [salesTask({ status: '已完成' })],
    requests: [
      {
        id: 'XQ202407002',
        title: '客诉处理流程优化',
        dept: '销售部',
        requester: '李四',
        goal: '48 小时内处理完客诉',
        depts: '市场部、销售部',
        status: '待审核',
        submitted: at('2024-07-08T10:00'),
      },
    ],
    communications: [
      {
        date: at('2024-07-03T00:00'),
        ref: 'XQ202407001',
        participants: '市场部、销售部、产品部',
        topic: '方案评审',
        actions: '产品部提供参数',
        actionOwner: '张三',
        actionDue: at('2024-07-08T00:00'),
        actionStatus: '未完成',
      },
    ],
    planChanges: [
      {
        task: 'RW202407001-03',
        newDue: at('2024-07-19T00:00'),
        reason: '等待销售部数据',
        status: '待批',
        requestedAt: at('2024-07-08T10:00'),
      },
    ],
  });
  project.call('automationOn_');
  assert.deepEqual(runUntil(project, '2024-07-10T00:00'), [
    '07-09 09h zhang@corp.cn ← [协作提醒] 行动项逾期：产品部提供参数',
  ]);
  assert.deepEqual(runUntil(project, '2024-07-11T00:00'), [
    '07-10 09h pmo@corp.cn ← [协作提醒] 2 项需处理：客诉处理流程优化等',
    '07-10 09h zhang@corp.cn ← [协作提醒] 行动项逾期：产品部提供参数',
  ]);
  runUntil(project, '2024-07-12T00:00');
  // After 3 working days the heads of the involved departments are reminded too; the coordinator,
  // told Wednesday and Thursday, next hears of both on Monday (the repeats back off).
  assert.deepEqual(runUntil(project, '2024-07-13T00:00'), [
    '07-12 09h mkt-head@corp.cn ← [协作提醒] 需求待审核：客诉处理流程优化',
    '07-12 09h sales-head@corp.cn ← [协作提醒] 需求待审核：客诉处理流程优化',
    '07-12 09h zhang@corp.cn ← [协作提醒] 行动项逾期：产品部提供参数',
  ]);
});

test('the digest links each item to its row and the Health column is written by the scan', () => {
  const project = setUp();
  project.call('automationOn_');
  runUntil(project, '2024-07-11T10:00');
  const thursday = project.emulator.mail.outbox.filter((m) => m.to[0] === 'li@corp.cn').at(-1);
  assert.ok(thursday);
  const tasks = project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'));
  assert.ok(tasks);
  const link = `${project.emulator.spreadsheet.getUrl()}#gid=${tasks.getSheetId()}&range=A2`;
  assert.ok(thursday.body.includes(link), thursday.body);
  assert.ok(thursday.htmlBody?.includes(link.replace('&', '&amp;')));
  assert.match(thursday.body, /RW202407001-03 渠道铺货执行 — 逾期：截止 2024-07-10，[^\n]*；滞后：[^\n]*；未更新：/);

  const values = sheetValues(project, 'tasks');
  const health = (values[0] ?? []).indexOf('健康度 ⚙');
  assert.equal(values[1]?.[health], '逾期');
});

test('every notice is in the Notification log, and a second run within the cooldown sends nothing new', () => {
  const project = setUp();
  project.call('automationOn_');
  runUntil(project, '2024-07-09T10:00');
  const log = sheetValues(project, 'notificationLog');
  assert.deepEqual(log[0], [
    '时间 ⚙',
    '规则 ⚙',
    '级别 ⚙',
    '事项 ⚙',
    '收件人 ⚙',
    '状态 ⚙',
    '去重键 ⚙',
    '消息编号 ⚙',
    '渠道 ⚙',
    '记录时间 ⚙',
    '失败次数 ⚙',
    '内容 ⚙',
  ]);
  // A row per message: Monday's weekly summary mail is on the log like every digest.
  assert.deepEqual(
    log.slice(1).map((row) => [...row.slice(1, 7), row[8], row[10]]),
    [
      ...['pmo@corp.cn', 'mkt-head@corp.cn', 'sales-head@corp.cn'].map((to) => [
        '周报',
        '',
        '2024-W27',
        to,
        '已发送',
        'weeklySummary||2024-W27',
        '邮件',
        0,
      ]),
      ['提醒摘要', 'L1', 'RW202407001-03', 'li@corp.cn', '已发送', 'dueSoon|L1|RW202407001-03', '邮件', 0],
    ],
  );
  // Beside the ledger's key, the digest's row says in words what it was about.
  assert.deepEqual(
    log.slice(1).map((row) => row[11]),
    ['', '', '', '[协作提醒] 即将到期：渠道铺货执行'],
  );
  const before = project.emulator.mail.outbox.length;
  project.call('runChecksNow_');
  assert.equal(project.emulator.mail.outbox.length, before);
  assert.match(
    project.emulator.ui.emuAlerts().at(-1)?.message ?? '',
    /检查完成：查看了 1 个任务，有 1 条提醒；发出 0 封邮件.*1 条提醒在「重复提醒间隔」内已发过，未重复发送/,
  );
});

test('over the mail quota the highest level goes first; the rest is queued and sent by the next tick', () => {
  const project = setUp();
  project.call('automationOn_');
  runUntil(project, '2024-07-11T08:00');
  const { clock, mail, triggers } = project.emulator;
  // Thursday 09:30: yesterday's quota window has closed; only one email is left in the new one.
  clock.advanceHours(1);
  mail.emuSetRemainingQuota(1);
  const before = mail.outbox.length;
  triggers.emuRunDue();
  assert.deepEqual(
    mail.outbox.slice(before).map((m) => `${m.to.join(',')} ← ${m.subject}`),
    ['li@corp.cn ← [协作预警] 逾期 · 滞后 · 未更新：渠道铺货执行'],
  );
  // One queued message per recipient over quota, carrying its notices.
  const queued = sheetValues(project, 'notificationLog')
    .filter((row) => row[5] === '排队中')
    .map(
      (row) =>
        `${row[4]}: ${String(row[6])
          .replace(/\|RW\S+/g, '')
          .split('\n')
          .join(' ')}`,
    );
  assert.deepEqual(queued.sort(), ['pmo@corp.cn: overdue|L2', 'sales-head@corp.cn: overdue|L2 lagging|L2']);
  const rowsBefore = sheetValues(project, 'notificationLog').length;

  project.emulator.mail.emuSetRemainingQuota(50);
  assert.deepEqual(runUntil(project, '2024-07-11T11:00'), [
    '07-11 10h sales-head@corp.cn ← [协作预警] 逾期 · 滞后：渠道铺货执行',
    '07-11 10h pmo@corp.cn ← [协作预警] 逾期：渠道铺货执行',
  ]);
  assert.deepEqual(runUntil(project, '2024-07-11T18:00'), [], 'nothing is sent twice');
  // The queued messages' rows were marked sent: a retry adds no row.
  assert.equal(sheetValues(project, 'notificationLog').length, rowsBefore);
});

test('dry-run mode logs what would be sent and sends nothing', () => {
  const project = setUp({ settings: [{ key: '邮件模式', value: '试运行' }] });
  project.call('automationOn_');
  assert.deepEqual(runUntil(project, '2024-07-10T10:00'), []);
  const rows = sheetValues(project, 'notificationLog').slice(1);
  // One row per message that would have gone out, as when they are sent.
  assert.deepEqual(
    rows.map(
      (row) =>
        `${row[4]} ${String(row[6])
          .replace(/\|RW\S+/g, '')
          .split('\n')
          .join(' ')} ${row[5]}`,
    ),
    [
      'pmo@corp.cn weeklySummary||2024-W27 演练',
      'mkt-head@corp.cn weeklySummary||2024-W27 演练',
      'sales-head@corp.cn weeklySummary||2024-W27 演练',
      'li@corp.cn dueSoon|L1 演练',
      'li@corp.cn lagging|L2 dueSoon|L1 演练',
      'sales-head@corp.cn lagging|L2 演练',
    ],
  );
});

test('turning automation on twice leaves one trigger; off removes it; only coordinators may', () => {
  const project = setUp();
  const { ScriptApp } = project.emulator.globals as { ScriptApp: GoogleAppsScript.Script.ScriptApp };
  project.call('automationOn_');
  project.call('automationOn_');
  const handlers = () => ScriptApp.getProjectTriggers().map((trigger) => trigger.getHandlerFunction());
  assert.deepEqual(handlers(), ['tick_']);
  assert.match(project.emulator.ui.emuAlerts().at(-1)?.message ?? '', /原本就已开启/);
  project.call('automationStatus_');
  assert.match(
    project.emulator.ui.emuAlerts().at(-1)?.message ?? '',
    /自动化：已开启（每小时，由 pmo@corp\.cn 运行）\n邮件模式：发送/,
  );
  project.call('automationOff_');
  assert.deepEqual(handlers(), []);

  project.emulator.session.emuSetActiveUser('someone@corp.cn');
  project.call('automationOn_');
  assert.deepEqual(handlers(), []);
  assert.match(
    project.emulator.ui.emuAlerts().at(-1)?.message ?? '',
    /只有协作总负责人可以执行此操作.*pmo@corp\.cn.*someone@corp\.cn/,
  );
});

test('a tick that lacks authorization does no work', () => {
  const project = setUp();
  project.call('automationOn_');
  const { ScriptApp } = project.emulator.globals as { ScriptApp: GoogleAppsScript.Script.ScriptApp };
  project.emulator.triggers.emuSetAuthorizationStatus(ScriptApp.AuthorizationStatus.REQUIRED);
  assert.deepEqual(runUntil(project, '2024-07-12T00:00'), []);
  assert.equal(project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN')), null);
});

test('a scan costs the same service calls for 10 or 300 tasks, apart from one email per recipient', () => {
  const callsFor = (count: number) => {
    const tasks = Array.from({ length: count }, (_, i) =>
      salesTask({ id: `RW202407001-${String(i + 1).padStart(2, '0')}` }),
    );
    const project = setUp({ tasks });
    writeSheet(project, 'notificationLog', []);
    project.emulator.clock.set(at('2024-07-11T09:30'));
    const { calls, mail } = project.emulator;
    calls.reset();
    project.call('runChecksNow_');
    const grows = calls.count('Sheets.Spreadsheets.batchUpdate');
    const reads = calls.count('Sheets.Spreadsheets.Values.batchGet') + calls.count('Range.getValues');
    const writes = calls.count('Sheets.Spreadsheets.Values.batchUpdate');
    const flushes = calls.count('SpreadsheetApp.flush');
    return {
      others: calls.total() - calls.count('MailApp.sendEmail') - grows - reads - writes - flushes,
      grows,
      emails: mail.outbox.length,
      reads,
      writes,
    };
  };
  const small = callsFor(10);
  const large = callsFor(300);
  assert.equal(large.others, small.others);
  // A log row per message, not per notice: three rows either way, and the sheet need not grow.
  assert.deepEqual([small.grows, large.grows], [0, 0]);
  // Every table in one read; one write that records every message (Health and the log rows) and
  // one with the marks after the last send, each re-reading what it places just before. How far
  // the sends got is kept in a property, not written to the sheet per send. Tasks' header and ID
  // column (not the whole sheet) are read once more after the lock is let go, so each mail links to
  // the row its task is on when the mail is built.
  assert.deepEqual([small.reads, small.writes], [1 + 2 + 2, 2]);
  assert.deepEqual([large.reads, large.writes], [1 + 2 + 2, 2]);
  // Same owner, head and coordinator for every task: still three digests.
  assert.equal(large.emails, 3);
  assert.equal(small.emails, 3);
});

test('a progress entry without its update stamp (rejected or never accepted) is not the current progress', () => {
  const project = setUp({
    progress: [
      {
        task: 'RW202407001-03',
        summary: '铺货 20%',
        pct: 0.2,
        owner: 'li@corp.cn',
        updatedAt: at('2024-07-09T10:00'),
        updatedBy: 'li@corp.cn',
      },
      // Typed below it but never accepted: no update stamp, so 90 % is not what the task has reached.
      { task: 'RW202407001-03', summary: '基本完成', pct: 0.9 },
    ],
  });
  project.emulator.clock.set(at('2024-07-10T09:30'));
  project.call('runChecksNow_');
  const toOwner = project.emulator.mail.outbox.filter((m) => m.to[0] === 'li@corp.cn');
  assert.deepEqual(
    toOwner.map((m) => m.subject),
    ['[协作预警] 滞后 · 即将到期：渠道铺货执行'],
  );
  assert.match(toOwner[0]?.body ?? '', /当前完成 20%/);
});

test('the Notification log grows when the scan logs more rows than the sheet has', () => {
  const project = setUp({ tasks: [salesTask({ status: '阻塞' })] });
  // A log sheet trimmed to its header row and one empty row, as a user might leave it.
  writeSheet(project, 'notificationLog', []);
  const log = project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'));
  assert.ok(log);
  log.deleteRows(3, log.getMaxRows() - 2);
  project.emulator.clock.set(at('2024-07-11T09:30'));
  project.call('runChecksNow_');
  // Owner, head and coordinator (cc) for blocked and overdue; owner and head for lagging.
  assert.deepEqual(
    logLines(project)
      .map((line) => line.rule)
      .sort(),
    ['blocked', 'blocked', 'blocked', 'lagging', 'lagging', 'overdue', 'overdue', 'overdue'],
  );
  // A row per message (owner, head, coordinator), past the two rows the sheet had.
  assert.equal(log.getMaxRows(), sheetValues(project, 'notificationLog').length);
  assert.equal(log.getMaxRows(), 1 + 3);
});

test('an English workbook gets English digests', () => {
  const project = setUp({ settings: [{ key: 'locale', value: 'en' }] });
  project.call('automationOn_');
  assert.deepEqual(runUntil(project, '2024-07-10T00:00'), [
    '07-09 09h li@corp.cn ← [Collab reminder] Due soon: 渠道铺货执行',
  ]);
  const mail = project.emulator.mail.outbox.at(-1);
  assert.match(
    mail?.body ?? '',
    /L1 Reminder[\s\S]*RW202407001-03 渠道铺货执行 — Due soon: due 2024-07-10; 20% complete/,
  );
});

/** The Health cell of the first task row after a scan at `now`. */
function healthAfterScan(project: LoadedProject, now: Date): unknown {
  project.emulator.clock.set(now);
  project.call('runChecksNow_');
  const tasks = project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!;
  const values = tasks.getDataRange().getValues();
  return values[1]?.[
    values[0]!.indexOf(
      headerText(
        sheetDef('tasks').columns.find((c) => c.key === 'health')!,
        'zh-CN',
      ),
    )
  ];
}

test('a holiday typed as a date cell in Settings counts, though the scan reads it as a serial number', () => {
  // Due Friday 7/12, half done on Wednesday 7/10: two working days left, or one when Thursday is off.
  const task = salesTask({ due: at('2024-07-12T00:00'), pct: 0.5, lastUpdate: at('2024-07-10T08:00') });
  assert.equal(healthAfterScan(setUp({ tasks: [task] }), at('2024-07-10T09:30')), '正常');
  const withHoliday = setUp({ tasks: [task], settings: [{ key: 'holidays', value: at('2024-07-11T00:00') }] });
  assert.equal(healthAfterScan(withHoliday, at('2024-07-10T09:30')), '即将到期');
});

test('the scan writes only the Health cells it changes: formulas and values elsewhere stay as they were', () => {
  const project = setUp({ tasks: [salesTask(), salesTask({ id: 'RW202407001-04', status: '已完成', pct: 1 })] });
  const tasks = project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!;
  const headers = tasks.getRange(1, 1, 1, tasks.getLastColumn()).getValues()[0]!;
  const column = (key: string) =>
    headers.indexOf(
      headerText(
        sheetDef('tasks').columns.find((c) => c.key === key)!,
        'zh-CN',
      ),
    ) + 1;
  tasks.getRange(2, column('notes')).setFormula('=CONCAT("负责人：", F2)');
  // A Health cell the user turned into a formula that already says what the scan would write.
  tasks.getRange(3, column('health')).setFormula('="已完成"');
  assert.equal(healthAfterScan(project, at('2024-07-11T09:30')), '逾期');
  assert.equal(tasks.getRange(2, column('notes')).getFormula(), '=CONCAT("负责人：", F2)');
  assert.equal(tasks.getRange(3, column('health')).getFormula(), '="已完成"');
  assert.equal(tasks.getRange(2, column('due')).getValue() instanceof Date, true);
});

test('Notification log times are dates even in a log sheet without a date format', () => {
  const project = setUp({ tasks: [salesTask({ status: '阻塞' })] });
  // A log sheet made by hand: headers only, no number formats.
  writeSheet(project, 'notificationLog', []);
  project.emulator.clock.set(at('2024-07-10T09:30'));
  project.call('runChecksNow_');
  const log = project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))!;
  const times = log
    .getRange(2, 1, log.getLastRow() - 1, 1)
    .getValues()
    .flat();
  assert.ok(times.length > 0);
  // Recorded, then marked sent, within the run's first minute.
  for (const time of times) {
    assert.ok(time instanceof Date, String(time));
    assert.ok(Math.abs(time.getTime() - at('2024-07-10T09:30').getTime()) < 60_000, time.toISOString());
  }
});
