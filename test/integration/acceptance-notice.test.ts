/**
 * SPEC §2.5 "Fail → task back to 进行中, owner notified with the reason", end to end: the built
 * bundle, an acceptance recorded through the real workflow (a row typed into Acceptance), and the
 * hourly tick driven by the emulator clock, read as the owner's inbox and the Notification log.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, type Lang } from './workflow-fixture';
import { logLines } from '../support/ledger';
import { at } from '../support/days';

/** Wall time in Shanghai, the fixture's spreadsheet zone. */

const OWNER = 'zhang.san@example.com';
const ALERT_SUBJECT = /^\[(协作预警|协作提醒|协作升级|Collab alert|Collab reminder|Collab escalation)\]/;

/**
 * Monday 2024-07-08 08:30: a request in execution with one task of 张三, due at the end of the month,
 * submitted for acceptance at 100 %, and automation on. Nothing else is due, so every digest
 * below is about the acceptance.
 */
function deskAwaitingAcceptance(lang: Lang, settings: Record<string, string> = {}) {
  const desk = new Desk(lang);
  desk.project.emulator.clock.set(at('2024-07-08T08:30'));
  desk.fillDirectory();
  for (const [label, value] of Object.entries(settings)) desk.edit('settings', settingRow(desk, label), 'value', value);
  // Its split confirmed (SPEC §3.6): progress and acceptance only for a request in execution.
  const {
    taskRows: [taskRow],
  } = desk.executingRequest([{ start: '2024-07-08', due: '2024-07-31' }]);
  const taskId = String(desk.value('tasks', taskRow!, 'id'));
  submit(desk, taskId);
  desk.project.call('automationOn_');
  return { desk, taskRow, taskId };
}

function settingRow(desk: Desk, label: string): number {
  const keys = desk
    .sheet('settings')
    .getRange(1, desk.col('settings', 'key'), desk.sheet('settings').getLastRow(), 1)
    .getValues();
  const index = keys.findIndex(([key]) => key === label);
  assert.ok(index > 0, label);
  return index + 1;
}

/** The owner reports 100 %, which puts the task up for acceptance. */
function submit(desk: Desk, taskId: string): void {
  desk.paste('progress', [{ task: taskId, summary: '完成', pct: 100 }]);
}

/** Advances the clock hour by hour until `until`, running due triggers; returns "when to ← subject" per digest. */
function runUntil(desk: Desk, until: string) {
  const { clock, triggers, mail } = desk.project.emulator;
  const before = mail.outbox.length;
  while (clock.now() < at(until)) {
    clock.advanceHours(1);
    triggers.emuRunDue();
  }
  const digests = mail.outbox.slice(before).filter((m) => ALERT_SUBJECT.test(m.subject));
  return {
    lines: digests.map((m) => {
      const local = new Date(m.sentAt.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
      return `${local} ${m.to.join(',')} ← ${m.subject}`;
    }),
    digests,
  };
}

/** Notification log rows of the rule as "rule status recipients". */
function logged(desk: Desk, rule: string): string[] {
  return logLines(desk.project)
    .filter((line) => line.rule === rule)
    .map((line) => `${line.rule} ${line.status} ${line.recipient}`);
}

test('a failed acceptance reaches the owner with the reason within the hour, once per failure', () => {
  const { desk, taskRow, taskId } = deskAwaitingAcceptance('zh-CN');
  assert.deepEqual(runUntil(desk, '2024-07-08T10:00').lines, [], 'nothing is due before the acceptance');

  // 10:30: the reviewer rejects the deliverable; the reason holds characters HTML must escape.
  desk.paste('acceptance', [{ task: taskId, result: '不通过', reason: '缺少<竞品>对比 & 数据', acceptedBy: '李四' }]);
  assert.equal(desk.value('tasks', taskRow!, 'status'), '进行中');
  const first = runUntil(desk, '2024-07-08T11:30');
  assert.deepEqual(first.lines, [`07-08 11:30 ${OWNER} ← [协作提醒] 验收未通过：新品推广方案初稿撰写`]);
  const [mail] = first.digests;
  assert.ok(mail);
  assert.match(
    mail.body,
    new RegExp(
      `${taskId} 新品推广方案初稿撰写 — 验收未通过：成果“新品推广方案初稿撰写”（2024-07-08 10:30），原因：缺少<竞品>对比 & 数据`,
    ),
  );
  assert.ok(mail.htmlBody?.includes('原因：缺少&lt;竞品&gt;对比 &amp; 数据'), mail.htmlBody);
  assert.ok(!mail.htmlBody?.includes('<竞品>'));

  // Neither the following hourly ticks nor Tuesday's daily scan tell the same failure again.
  assert.deepEqual(runUntil(desk, '2024-07-09T12:00').lines, []);

  // Tuesday 12:30: resubmitted and rejected again, for another reason: told again, with that reason.
  submit(desk, taskId);
  desk.paste('acceptance', [{ task: taskId, result: '不通过', reason: '预算表缺失', acceptedBy: '李四' }]);
  const second = runUntil(desk, '2024-07-09T14:00');
  assert.deepEqual(second.lines, [`07-09 13:30 ${OWNER} ← [协作提醒] 验收未通过：新品推广方案初稿撰写`]);
  assert.match(second.digests[0]?.body ?? '', /原因：预算表缺失/);
  assert.deepEqual(logged(desk, 'acceptanceFailed'), [
    `acceptanceFailed 已发送 ${OWNER}`,
    `acceptanceFailed 已发送 ${OWNER}`,
  ]);

  // Accepted at last, by a coordinator who confirms it (signOffAcceptance = coordinator): the task
  // is done and nothing more is sent about it. (A Pass the requester must sign is signoff.test.ts's.)
  // Its request is done with it, so the next morning its requester is asked to rate it (SPEC §2.11).
  desk.setSetting('signOffAcceptance', 'coordinator');
  submit(desk, taskId);
  desk.paste('acceptance', [{ task: taskId, result: '通过', acceptedBy: '李四' }]);
  assert.deepEqual(runUntil(desk, '2024-07-10T12:00').lines, [
    `07-10 09:30 ${OWNER} ← [协作提醒] 请评价：2024年Q3新品上市推广方案`,
  ]);
});

test('an English workbook records Fail and mails an English digest', () => {
  const { desk, taskId } = deskAwaitingAcceptance('en');
  runUntil(desk, '2024-07-08T10:00');
  desk.paste('acceptance', [{ task: taskId, result: 'Fail', reason: 'no competitor comparison', acceptedBy: '李四' }]);
  const { lines, digests } = runUntil(desk, '2024-07-08T11:30');
  assert.deepEqual(lines, [`07-08 11:30 ${OWNER} ← [Collab reminder] Acceptance failed: 新品推广方案初稿撰写`]);
  assert.match(
    digests[0]?.body ?? '',
    /L1 Reminder[\s\S]*Acceptance failed: "新品推广方案初稿撰写" \(2024-07-08 10:30\), reason: no competitor comparison/,
  );
});

test('in dry-run mode the failure is logged once as dry-run and nothing is sent', () => {
  const { desk, taskId } = deskAwaitingAcceptance('zh-CN', { 邮件模式: '试运行' });
  runUntil(desk, '2024-07-08T10:00');
  desk.paste('acceptance', [{ task: taskId, result: '不通过', reason: '缺少竞品对比', acceptedBy: '李四' }]);
  assert.deepEqual(runUntil(desk, '2024-07-08T11:30').lines, []);
  assert.deepEqual(logged(desk, 'acceptanceFailed'), [`acceptanceFailed 演练 ${OWNER}`]);
  assert.deepEqual(runUntil(desk, '2024-07-09T12:00').lines, []);
  assert.deepEqual(logged(desk, 'acceptanceFailed'), [`acceptanceFailed 演练 ${OWNER}`], 'not logged again');
  assert.equal(desk.project.emulator.mail.outbox.length, 0);
});
