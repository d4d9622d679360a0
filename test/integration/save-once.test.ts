/**
 * SPEC §3.4: a save stores its client token in the same write as its data, so when that write
 * lands and the call then fails (Apps Script's "Service Spreadsheets timed out"), the retry with
 * the same token finds it and writes nothing; menu saves, which have no token, are refused on a
 * second run by the state the first one left. Every sidebar form and menu save, on the built bundle.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { TIMED_OUT } from '../../emulator/faults';
import type { ActionResult } from '../../src/contract';
import { SHEET_ORDER, type SheetKey } from '../../src/domain/schema';
import { t } from '../../src/i18n/index';
import { Desk, day, type Lang } from './workflow-fixture';
import { submitSplitForm } from '../support/dialogs';

const TOKEN = '0123456789abcdef0123456789abcdef';
const COORDINATOR = 'coordinator@example.com';
const MARKET_HEAD = 'head.market@example.com';

/** Data rows of every add-on sheet: what a save adds. */
function rowCounts(desk: Desk): Partial<Record<SheetKey, number>> {
  const counts: Partial<Record<SheetKey, number>> = {};
  for (const key of SHEET_ORDER) counts[key] = desk.sheet(key).getLastRow() - 1;
  return counts;
}

/** The one Sheets API write of the next save lands, then the call fails. */
function landThenFail(desk: Desk) {
  return desk.project.emulator.faults.failOn({
    method: 'Sheets.Spreadsheets.Values.batchUpdate',
    onCall: 1,
    after: true,
    error: TIMED_OUT,
  });
}

function sidebar(desk: Desk, name: string, ...args: unknown[]): ActionResult {
  return desk.project.runFromSidebar(name, ...args) as ActionResult;
}

/** A desk with a request in execution (its split signed off) and one task of it; `id` the request, `task` the task ID. */
function deskWithTask(lang: Lang): { desk: Desk; id: string; task: string } {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const {
    id,
    taskRows: [row],
  } = desk.executingRequest();
  return { desk, id, task: String(desk.value('tasks', row!, 'id')) };
}

/** A sidebar save whose write lands and whose call fails, then its retry with the same token. */
function retriedSave(desk: Desk, name: string, ...args: unknown[]): void {
  const before = rowCounts(desk);
  const fault = landThenFail(desk);
  assert.throws(() => sidebar(desk, name, ...args), { message: new RegExp(TIMED_OUT) });
  assert.equal(fault.fired, 1);
  const landed = rowCounts(desk);
  assert.notDeepEqual(landed, before, 'the first try was written');
  const retry = sidebar(desk, name, ...args);
  assert.deepEqual(retry, { ok: true, message: t(desk.lang, 'formAlreadySaved') });
  assert.deepEqual(rowCounts(desk), landed, 'the retry wrote nothing');
}

describe.each(['zh-CN', 'en'] as const)('%s', (lang) => {
  test('a new request whose write landed though the call failed is filed once', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    retriedSave(
      desk,
      'submitSidebarForm',
      'request',
      {
        title: '2024年Q3新品上市推广方案',
        dept: '市场部',
        requester: 'zhang.san@example.com',
        goal: 'Q3 销售额较 Q2 提升 30%，预算 ≤ 50 万元',
        expected: day(30),
      },
      TOKEN,
    );
    assert.equal(rowCounts(desk).requests, 1);
  });

  test('a progress post whose write landed though the call failed is one entry', () => {
    const { desk, task } = deskWithTask(lang);
    retriedSave(desk, 'submitSidebarForm', 'progress', { task, summary: '方案撰写60%', pct: '60' }, TOKEN);
    assert.equal(rowCounts(desk).progress, 1);
  });

  test('a meeting logged whose write landed though the call failed is one entry', () => {
    const { desk, task } = deskWithTask(lang);
    retriedSave(
      desk,
      'submitSidebarForm',
      'communication',
      {
        date: day(0),
        ref: task,
        participants: '市场部、销售部',
        topic: '方案评审',
        summary: '确认推广节奏',
      },
      TOKEN,
    );
    assert.equal(rowCounts(desk).communications, 1);
  });

  test('an acceptance whose write landed though the call failed is one row', () => {
    const { desk, task } = deskWithTask(lang);
    const fail = lang === 'en' ? 'Fail' : '不通过';
    retriedSave(desk, 'submitSidebarForm', 'acceptance', { task, result: fail, reason: '缺少竞品话术' }, TOKEN);
    assert.equal(rowCounts(desk).acceptance, 1);
  });

  test('a coordinator’s confirmed Pass on a task not 待验收 whose write landed though the call failed is one row and one confirmation', () => {
    const { desk, task } = deskWithTask(lang);
    const pass = lang === 'en' ? 'Pass' : '通过';
    retriedSave(desk, 'submitSidebarForm', 'acceptance', { task, result: pass, confirmPass: 'true' }, TOKEN);
    assert.equal(rowCounts(desk).acceptance, 1);
    const history = desk.sheet('changeHistory').getDataRange().getDisplayValues();
    const confirmed = history.filter((line) => line.includes(t(lang, 'historyPassConfirmed')));
    assert.equal(confirmed.length, 1);
  });

  test('a plan change whose write landed though the call failed is one request with one sign-off round', () => {
    const { desk, task } = deskWithTask(lang);
    retriedSave(
      desk,
      'submitSidebarForm',
      'planChange',
      {
        task,
        newDue: day(12),
        reason: '等待销售部数据',
        impact: '下游顺延一周',
      },
      TOKEN,
    );
    assert.equal(rowCounts(desk).planChanges, 1);
  });

  test('a split from the sidebar whose write landed though the call failed adds its tasks once', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const { id } = desk.approvedRequest();
    const task = { dept: '市场部', owner: '张三', start: day(0), due: day(7), deliverable: '方案经评审通过' };
    retriedSave(desk, 'splitRequest', { requestId: id, tasks: [{ ...task, name: '新品推广方案初稿撰写' }] }, TOKEN);
    assert.equal(rowCounts(desk).tasks, 1);
  });

  test('a review and a sign-off from the sidebar whose writes landed though the calls failed are decided once', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const row = desk.paste('requests', [desk.requestRecord()])[0]!;
    const id = String(desk.value('requests', row, 'id'));
    retriedSave(desk, 'reviewRequest', { id, decision: 'approve', lead: '市场部' }, TOKEN);
    const task = { dept: '市场部', owner: '张三', start: day(0), due: day(7), deliverable: '方案经评审通过' };
    assert.equal(sidebar(desk, 'splitRequest', { requestId: id, tasks: [{ ...task, name: '方案' }] }).ok, true);
    desk.project.emulator.session.emuSetActiveUser(MARKET_HEAD);
    const subject = 'split';
    retriedSave(desk, 'decideSignOff', { subject, ref: id, decision: 'agree' }, 'f'.repeat(32));
    desk.project.emulator.session.emuSetActiveUser(COORDINATOR);
  });
});

describe.each(['zh-CN', 'en'] as const)('%s: menu saves run again after a failure that wrote', (lang) => {
  test('Approve: the second run finds the request approved and writes nothing', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const row = desk.paste('requests', [desk.requestRecord()])[0]!;
    const fault = landThenFail(desk);
    assert.throws(() => desk.review(row, 'approve', { lead: '市场部' }), { message: new RegExp(TIMED_OUT) });
    assert.equal(fault.fired, 1);
    const landed = rowCounts(desk);
    desk.review(row, 'approve');
    assert.deepEqual(rowCounts(desk), landed, 'no second history row, nothing else');
  });

  test('Split into tasks: rows a submission wrote before its run failed are not written again by its retry', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const { row, id } = desk.approvedRequest();
    desk.select('requests', row);
    assert.ok(desk.menuDialog('splitRequest_'));
    const tasks = [0, 1].map((n) => {
      const { name, dept, owner, due, deliverable } = desk.taskRecord(id, { name: `任务${n}` });
      return { name, dept, owner, due, deliverable } as Record<string, string>;
    });
    const fault = landThenFail(desk);
    assert.throws(() => submitSplitForm(desk.project, tasks, 'split-1'), { message: new RegExp(TIMED_OUT) });
    assert.equal(fault.fired, 1);
    assert.equal(rowCounts(desk).tasks, 2, 'the first run was written');
    // The page sends the same submission again (same token) after the failed call.
    const retry = submitSplitForm(desk.project, tasks, 'split-1');
    assert.equal(retry.ok, false);
    assert.equal(rowCounts(desk).tasks, 2, 'the second run wrote nothing');
    assert.match(retry.message, lang === 'en' ? /this only works for: Approved/ : /只适用于：已立项/);
  });

  test('Split into tasks, submitted: a second submission after a failure that wrote opens no second round', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const { row, id } = desk.approvedRequest();
    desk.paste('tasks', [desk.taskRecord(id)]);
    const fault = landThenFail(desk);
    assert.throws(() => desk.submitSplit(row), { message: new RegExp(TIMED_OUT) });
    assert.equal(fault.fired, 1);
    const landed = rowCounts(desk);
    assert.equal(landed.signOffs, 1);
    // Refused before any question: the request already waits for its sign-off.
    desk.project.call('splitRequest_');
    assert.deepEqual(rowCounts(desk), landed);
  });
});
