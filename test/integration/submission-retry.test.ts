/**
 * SPEC §3.4: a retried sidebar submission (same client token) writes nothing twice, whether the
 * first answer was lost on the way back or the first try failed after its write. The built bundle.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { sheetsApiError } from '../../emulator/faults';
import { t } from '../../src/i18n/index';
import { Desk, day, type Lang } from './workflow-fixture';

const TOKEN = '0123456789abcdef0123456789abcdef';

function requestForm(): Record<string, string> {
  return {
    title: '2024年Q3新品上市推广方案',
    dept: '市场部',
    requester: 'zhang.san@example.com',
    contact: '',
    goal: 'Q3 销售额较 Q2 提升 30%，预算 ≤ 50 万元',
    depts: '',
    expected: day(30),
    resources: '',
    attachments: '',
  };
}

const requestRows = (desk: Desk) => desk.sheet('requests').getLastRow() - 1;

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`${lang}: the same submission sent twice files one request and answers the same both times`, () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const first = desk.project.runFromSidebar('submitSidebarForm', 'request', requestForm(), TOKEN);
    const again = desk.project.runFromSidebar('submitSidebarForm', 'request', requestForm(), TOKEN);
    assert.equal((first as { ok: boolean }).ok, true);
    assert.deepEqual(again, first);
    assert.equal(requestRows(desk), 1);
    // Another submission of the same text is another request.
    desk.project.runFromSidebar('submitSidebarForm', 'request', requestForm(), 'f'.repeat(32));
    assert.equal(requestRows(desk), 2);
  });

  test(`${lang}: a submission that failed after its write is not written again on retry`, () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    // The write lands; the call then fails before it answers (its second cache write: the final answer).
    const fault = desk.project.emulator.faults.failOn({
      method: 'Cache.put',
      onCall: 2,
      error: 'Service unavailable: Try again later.',
    });
    assert.throws(() => desk.project.runFromSidebar('submitSidebarForm', 'request', requestForm(), TOKEN));
    assert.equal(fault.fired, 1);
    assert.equal(requestRows(desk), 1, 'the first try was written');
    const retry = desk.project.runFromSidebar('submitSidebarForm', 'request', requestForm(), TOKEN);
    assert.deepEqual(retry, { ok: true, message: t(lang, 'formAlreadySaved') });
    assert.equal(requestRows(desk), 1, 'the retry wrote nothing');
  });
}

test('a payload without a well-formed token is saved as a new submission each time', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  desk.project.runFromSidebar('submitSidebarForm', 'request', requestForm(), 'not a token');
  desk.project.runFromSidebar('submitSidebarForm', 'request', requestForm(), 'not a token');
  assert.equal(requestRows(desk), 2);
});

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`${lang}: a progress post whose write fails leaves nothing half done, and its retry one consistent entry`, () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const {
      taskRows: [taskRow],
    } = desk.executingRequest();
    const task = String(desk.value('tasks', taskRow!, 'id'));
    const progressRows = () => desk.sheet('progress').getLastRow() - 1;
    const before = progressRows();
    const post = { task, summary: '方案撰写60%', pct: '60' };
    // The save's writes, the entry and the task's %, go in one batch of the Sheets API, which fails.
    const fault = desk.project.emulator.faults.failOn({
      method: 'Sheets.Spreadsheets.Values.batchUpdate',
      onCall: 1,
      error: sheetsApiError('values.batchUpdate'),
    });
    assert.throws(() => desk.project.runFromSidebar('submitSidebarForm', 'progress', post, TOKEN));
    assert.equal(fault.fired, 1);
    assert.equal(progressRows(), before, 'no entry without its task %');
    assert.equal(desk.value('tasks', taskRow!, 'pct'), '', 'no task % without its entry');

    const retry = desk.project.runFromSidebar('submitSidebarForm', 'progress', post, TOKEN) as { ok: boolean };
    assert.equal(retry.ok, true);
    assert.equal(progressRows(), before + 1);
    assert.equal(desk.value('tasks', taskRow!, 'pct'), 60);
  });
}
