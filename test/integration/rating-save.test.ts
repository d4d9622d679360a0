/**
 * The rating card's save (SPEC §2.11) on the built bundle: each score a whole number 1–5 named in
 * its field's message, the comment optional and inert; only the rater asked (or their delegate
 * while they are away); once, also when the same click is retried; a low overall proposes one case
 * (SPEC §2.12, category from the lowest dimension) and tells the coordinator once within the hour.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import type { ActionResult, MyWork, RatingsView } from '../../src/contract';
import { sheetTitle } from '../../src/domain/schema';
import { at } from '../support/days';
import { logLines } from '../support/ledger';
import { doneRequest, runUntil, satisfactionRows } from '../support/ratings';

const REQUESTER = 'lina@corp.cn';
const COORDINATOR = 'pmo@corp.cn';
const TOKEN = 'fedcba9876543210fedcba9876543210';
const GOOD = { ref: 'XQ202407001', overall: 4, clarity: 4, flow: 5, communication: 4, comment: '配合顺畅' };

/** Asked on Tuesday 07-09 at 09:00; it is now 07-09 10:00. */
function asked(settings: readonly Record<string, unknown>[] = []): LoadedProject {
  const project = doneRequest(settings);
  runUntil(project, '2024-07-09T10:00');
  assert.equal(satisfactionRows(project).length, 1);
  return project;
}

function rate(project: LoadedProject, as: string, payload: unknown, token?: string): ActionResult {
  project.emulator.session.emuSetActiveUser(as);
  return project.runFromSidebar('submitRating', payload, ...(token ? [token] : [])) as ActionResult;
}

function waiting(project: LoadedProject, as: string): RatingsView['section'] {
  project.emulator.session.emuSetActiveUser(as);
  // As google.script.run hands it to the page: JSON (and arrays of this realm).
  return (JSON.parse(JSON.stringify(project.runFromSidebar('getMyRatings'))) as RatingsView).section;
}

function caseRows(project: LoadedProject): unknown[][] {
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('cases', 'zh-CN'));
  return (sheet?.getDataRange().getValues() ?? []).slice(1).filter((row) => row.some((cell) => cell !== ''));
}

describe('the rating card', () => {
  test('lists the rating waiting for the requester, and nothing for anyone else', () => {
    const project = asked();
    const section = waiting(project, REQUESTER);
    assert.equal(section.kind, 'ratings');
    assert.equal(section.title, '待我评价');
    assert.deepEqual(
      section.items.map((item) => [item.ref, item.title]),
      [['XQ202407001', '新品上市']],
    );
    assert.deepEqual(waiting(project, COORDINATOR).items, []);
  });

  test('My work lists it with the others; a click selects the 满意度 row the answer lands on', () => {
    const project = asked();
    project.emulator.session.emuSetActiveUser(REQUESTER);
    const work = JSON.parse(JSON.stringify(project.runFromSidebar('getMyWork'))) as MyWork;
    const ratings = work.sections.find((section) => section.kind === 'ratings');
    assert.equal(ratings?.title, '待我评价（1）');
    assert.deepEqual(
      ratings?.items.map((item) => item.title),
      ['新品上市'],
    );
    const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('satisfaction', 'zh-CN'))!;
    // A row inserted above since My work was read: the rating is found by its reference where it is now.
    sheet.insertRowBefore(2);
    assert.equal(project.runFromSidebar('selectMyWorkItem', ratings?.items[0]?.target), true);
    const active = project.emulator.spreadsheet.getActiveSheet();
    assert.equal(active.getName(), sheet.getName());
    assert.equal(active.getRange(active.getActiveRange()!.getRow(), 2).getValue(), 'XQ202407001');
  });

  test.each([
    ['overall', { overall: '' }, /请为“总体评分”选择 1–5 分/],
    ['clarity', { clarity: 0 }, /“权责清晰度”须为 1–5 的整数，收到“0”/],
    ['flow', { flow: 3.5 }, /“流程顺畅度”须为 1–5 的整数，收到“3.5”/],
    ['communication', { communication: '6' }, /“沟通效率”须为 1–5 的整数，收到“6”/],
    ['comment', { comment: '长'.repeat(1001) }, /意见最多 1000 个字，现有 1001 个/],
  ])('a bad %s is refused with its field message, nothing written', (field, bad, message) => {
    const project = asked();
    const result = rate(project, REQUESTER, { ...GOOD, ...bad });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(Object.keys(result.errors), [field]);
    assert.match(result.errors[field] ?? '', message);
    assert.equal(satisfactionRows(project)[0]?.['评价状态'], '待评价');
  });

  test('the requester saves it once; the comment stays text', () => {
    const project = asked();
    const result = rate(project, REQUESTER, { ...GOOD, comment: '=HYPERLINK("http://x")' });
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /已保存您对“新品上市”的评价/);
    const [row] = satisfactionRows(project);
    assert.equal(row?.['总体评分'], 4);
    assert.equal(row?.['沟通效率'], 4);
    assert.equal(row?.['意见'], '=HYPERLINK("http://x")');
    assert.equal(row?.['评价状态'], '已评价');
    const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('satisfaction', 'zh-CN'));
    assert.equal(sheet?.getRange(2, 9).getFormula(), '', 'no formula in the comment cell');
    assert.deepEqual(waiting(project, REQUESTER).items, [], 'no longer waiting');
    const again = rate(project, REQUESTER, { ...GOOD, overall: 1 });
    assert.equal(again.ok, false);
    assert.match(again.message, /已于 .* 评价，每项只评价一次/);
    assert.equal(satisfactionRows(project)[0]?.['总体评分'], 4);
  });

  test('someone else may not rate it; the requester’s delegate may while she is away', () => {
    const project = asked();
    const refused = rate(project, COORDINATOR, GOOD);
    assert.equal(refused.ok, false);
    assert.match(refused.message, /没有待 .* 评价的“XQ202407001”：评价由被邀请的评价人（或其代理人）填写/);
    const people = project.emulator.spreadsheet.getSheetByName(sheetTitle('people', 'zh-CN'));
    assert.ok(people);
    const header = people.getRange(1, 1, 1, people.getLastColumn()).getValues()[0] ?? [];
    const column = (title: string) => header.findIndex((cell) => String(cell).startsWith(title)) + 1;
    people.getRange(2, column('代理人')).setValue('周主管');
    people.getRange(2, column('外出开始')).setValue(at('2024-07-08T00:00'));
    people.getRange(2, column('外出结束')).setValue(at('2024-07-20T00:00'));
    const section = waiting(project, 'head.market@corp.cn');
    assert.equal(section.items[0]?.onBehalfOf, '李娜');
    assert.equal(rate(project, 'head.market@corp.cn', GOOD).ok, true);
  });

  test('a retried click saves once', () => {
    const project = asked();
    const first = rate(project, REQUESTER, { ...GOOD, overall: 2, clarity: 1 }, TOKEN);
    assert.equal(first.ok, true, first.message);
    const retry = rate(project, REQUESTER, { ...GOOD, overall: 2, clarity: 1 }, TOKEN);
    assert.equal(retry.ok, true, 'the retry gets the first answer');
    assert.equal(satisfactionRows(project).length, 1);
    assert.equal(caseRows(project).length, 1, 'one case, not two');
  });

  test('a low overall proposes one case from the lowest dimension and tells the coordinator once', () => {
    const project = asked();
    const result = rate(project, REQUESTER, {
      ref: 'XQ202407001',
      overall: 2,
      clarity: 3,
      flow: 1,
      communication: 2,
      comment: '验收标准<反复>变更',
    });
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /协作总负责人会收到通知/);
    const cases = caseRows(project);
    assert.equal(cases.length, 1);
    const text = cases[0]?.map(String) ?? [];
    assert.ok(text.includes('流程'), `category 流程 (flow was lowest): ${text.join(' | ')}`);
    assert.ok(text.includes('待确认'));
    assert.ok(text.some((cell) => /满意度低：总体 2 分，流程顺畅度 1 分。验收标准<反复>变更/.test(cell)));
    assert.ok(text.includes('XQ202407001'));

    runUntil(project, '2024-07-19T12:00');
    const toCoordinator = project.emulator.mail.outbox.filter((mail) => /低分评价/.test(mail.subject));
    assert.equal(toCoordinator.length, 1, 'told once');
    assert.deepEqual(toCoordinator[0]?.to, [COORDINATOR]);
    assert.ok((toCoordinator[0]?.sentAt ?? new Date(0)) < at('2024-07-09T11:30'), 'within the hour');
    assert.match(toCoordinator[0]?.body ?? '', /李娜 给出总体 2 分，最低一项为流程顺畅度 1 分/);
    assert.match(toCoordinator[0]?.htmlBody ?? '', /验收标准&lt;反复&gt;变更/);
    assert.equal(logLines(project).filter((line) => line.rule === 'ratingLow').length, 1);
    assert.equal(caseRows(project).length, 1);
    assert.equal(
      project.emulator.mail.outbox.filter((mail) => mail.to.includes(REQUESTER) && /评价提醒/.test(mail.subject))
        .length,
      0,
      'no reminder once rated',
    );
  });
});

test('the weekly summary has a 满意度 section: the week’s answers and their share satisfied', () => {
  const project = asked();
  assert.equal(rate(project, REQUESTER, { ...GOOD, overall: 2, clarity: 1, comment: '<i>职责不清</i>' }).ok, true);
  project.emulator.clock.set(at('2024-07-12T10:00'));
  project.emulator.session.emuSetActiveUser(COORDINATOR);
  project.emulator.ui.emuQueueAnswer(project.emulator.ui.ui.Button.NO);
  project.call('weeklySummary_');
  const sheet = project.emulator.spreadsheet.getSheetByName('周报 2024-W28');
  assert.ok(sheet, project.emulator.ui.emuAlerts().at(-1)?.message);
  const values = sheet.getDataRange().getValues();
  const heading = values.findIndex((row) => String(row[0]).startsWith('满意度'));
  assert.equal(
    values[heading]?.[0],
    '满意度；本周收到 1 份评价，满意（4–5 分）0 份，满意度 0%；低分（≤2 分）1 份；仍待评价 0 份',
  );
  assert.deepEqual(values[heading + 2]?.slice(0, 9), [
    '需求评价',
    'XQ202407001',
    '李娜',
    '',
    2,
    1,
    5,
    4,
    '<i>职责不清</i>',
  ]);
});
