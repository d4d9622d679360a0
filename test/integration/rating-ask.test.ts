/**
 * SPEC §2.11 on the built bundle, driven by the hourly tick: ratingAfterDays working days after a
 * request is 已完成 its requester is asked once (one mail, a 满意度 row written at the ask), reminded
 * once ratingReminderDays working days later, then never again; not asked again when the request is
 * reopened and done again, nor after the Notification log has pruned the ask.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';
import { at } from '../support/days';
import { logLines } from '../support/ledger';
import { doneRequest, runUntil, satisfactionRows } from '../support/ratings';

const REQUESTER = 'lina@corp.cn';

/** "MM-dd subject" of each mail to the requester about a rating (sent within the scan hour). */
function ratingMails(project: LoadedProject): string[] {
  return project.emulator.mail.outbox
    .filter((mail) => mail.to.includes(REQUESTER))
    .map((mail) => {
      const local = new Date(mail.sentAt.getTime() + 8 * 3_600_000).toISOString().slice(5, 10);
      return `${local} ${mail.subject}`;
    });
}

function setRequest(project: LoadedProject, status: string, closed?: Date): void {
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('requests', 'zh-CN'));
  assert.ok(sheet);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const column = (title: string) => header.findIndex((cell) => String(cell).startsWith(title)) + 1;
  sheet.getRange(2, column('状态')).setValue(status);
  if (closed) sheet.getRange(2, column('完成时间')).setValue(closed);
}

describe('the requester is asked to rate a done request', () => {
  test('asked once a working day after it is done, reminded once three working days later, then never again', () => {
    const project = doneRequest();
    runUntil(project, '2024-07-08T23:00');
    assert.deepEqual(ratingMails(project), [], 'not asked on the day it is done (ratingAfterDays 1)');
    runUntil(project, '2024-08-09T12:00');
    assert.deepEqual(ratingMails(project), [
      '07-09 [协作提醒] 请评价：新品上市',
      '07-12 [协作提醒] 评价提醒：新品上市',
    ]);
    const [mail] = project.emulator.mail.outbox.filter((m) => m.to.includes(REQUESTER));
    assert.match(mail?.body ?? '', /需求 XQ202407001 已完成，请为这次协作打分/);
    const rows = satisfactionRows(project);
    assert.equal(rows.length, 1, 'one 满意度 row, written at the ask');
    assert.equal(rows[0]?.['评价类型'], '需求评价');
    assert.equal(rows[0]?.['关联编号'], 'XQ202407001');
    assert.equal(rows[0]?.['评价人'], '李娜');
    assert.equal(rows[0]?.['评价状态'], '待评价');
    assert.equal(rows[0]?.['总体评分'], '');
    const asked = rows[0]?.['邀请时间'];
    assert.ok(asked instanceof Date && asked >= at('2024-07-09T09:00') && asked < at('2024-07-09T10:00'));
  });

  test('a request reopened and done again is not asked twice', () => {
    const project = doneRequest();
    runUntil(project, '2024-07-10T12:00');
    assert.equal(ratingMails(project).length, 1, 'asked on 07-09');
    setRequest(project, '执行中');
    runUntil(project, '2024-07-15T12:00');
    setRequest(project, '已完成', at('2024-07-15T12:00'));
    runUntil(project, '2024-08-09T12:00');
    assert.deepEqual(
      ratingMails(project).map((line) => line.slice(6)),
      ['[协作提醒] 请评价：新品上市', '[协作提醒] 评价提醒：新品上市'],
      'the one ask and its one reminder, no second ask',
    );
    assert.equal(satisfactionRows(project).length, 1);
  });

  test('not asked again once the Notification log has pruned the ask and the reminder', () => {
    const project = doneRequest([{ key: 'logRetentionDays', value: 7 }]);
    runUntil(project, '2024-09-20T12:00');
    const lines = logLines(project).filter((line) => /^rating/.test(line.rule));
    assert.deepEqual(lines, [], 'the ask and the reminder have left the live log');
    assert.equal(ratingMails(project).length, 2, 'still one ask and one reminder, ten weeks on');
    assert.equal(satisfactionRows(project).length, 1);
  });
});
