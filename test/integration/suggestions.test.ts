/**
 * 改进建议 Improvement suggestions (SPEC §2.13, issue 25 point 3) on the built bundle: the sidebar
 * form for anyone (a message per field, a retry saves once, text stays text), the status flow only
 * coordinators move (along 提出 → 评估中 → 采纳 / 不采纳 → 实施中 → 已关闭; adopting needs one owner
 * from People and a due date; declining a note), the coordinators told of a new one and the
 * proposer of the decision once each, an adopted one watched like a task until closed, and the
 * weekly summary's section.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { ActionResult, SidebarState } from '../../src/contract';
import { at, ReportDesk } from './reports-fixture';

const COORDINATOR = 'coordinator@example.com';
const PROPOSER = 'li.si@example.com';
const OWNER = 'zhang.san@example.com';
const TOKEN = '0123456789abcdef0123456789abcdef';

function as(desk: ReportDesk, user: string): void {
  desk.project.emulator.session.emuSetActiveUser(user);
}

function file(desk: ReportDesk, payload: Record<string, string>, token?: string): ActionResult {
  as(desk, PROPOSER);
  const args: unknown[] = ['suggestion', payload, ...(token === undefined ? [] : [token])];
  const result = desk.project.runFromSidebar('submitSidebarForm', ...args) as ActionResult;
  as(desk, COORDINATOR);
  return result;
}

/** The suggestions' rows, as [ID, title, status, proposer] by header. */
function rows(desk: ReportDesk): string[][] {
  const sheet = desk.sheet('suggestions');
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return Array.from({ length: last - 1 }, (_, i) =>
    ['id', 'title', 'status', 'proposer'].map((column) => desk.text('suggestions', i + 2, column)),
  );
}

/** Runs the checks now (the coordinator's menu item) at `local` Shanghai time; returns the mails it sent. */
function scan(desk: ReportDesk, local: string) {
  desk.project.emulator.clock.set(at(local));
  const before = desk.project.emulator.mail.outbox.length;
  as(desk, COORDINATOR);
  desk.project.call('runChecksNow_');
  return desk.project.emulator.mail.outbox.slice(before);
}

const mentions = (mails: ReturnType<typeof scan>, to: string, words: RegExp) =>
  mails.filter((mail) => mail.to.includes(to) && words.test(mail.body));

describe('the suggestion form', () => {
  test('anyone files one: a JY ID, 提出, the proposer by name and the time', () => {
    const desk = new ReportDesk('zh-CN');
    const result = file(desk, { title: '周报模板统一', detail: '各部门周报格式不同，汇总费时', dept: '销售部' });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.ok && result.id, 'JY202407001');
    assert.match(result.message, /已提交改进建议 JY202407001/);
    assert.deepEqual(rows(desk), [['JY202407001', '周报模板统一', '提出', '李四']]);
    assert.equal(desk.text('suggestions', 2, 'time'), '2024-07-12 15:00');
  });

  test.each([
    ['zh-CN', { title: '', dept: '' }, 'title', /必填/],
    ['zh-CN', { title: '统'.repeat(121), dept: '' }, 'title', /最多 120 个字符（现在 121 个）/],
    ['zh-CN', { title: '周报模板统一', dept: '财务部' }, 'dept', /“财务部”不是已登记的部门.*市场部、销售部/],
    ['en', { title: '', dept: '' }, 'title', /Required/],
    ['en', { title: 'One weekly template', dept: 'Finance' }, 'dept', /"Finance" is not a known department/],
  ] as const)('%s: %j is refused on its field, nothing written', (lang, payload, field, message) => {
    const desk = new ReportDesk(lang);
    const result = file(desk, payload);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : (result.errors[field] ?? ''), message);
    assert.deepEqual(rows(desk), []);
  });

  test('a retried submission (the answer lost on the way back) saves once', () => {
    const desk = new ReportDesk('zh-CN');
    const first = file(desk, { title: '周报模板统一', dept: '销售部' }, TOKEN);
    const retry = file(desk, { title: '周报模板统一', dept: '销售部' }, TOKEN);
    assert.equal(first.ok && retry.ok, true);
    assert.equal(rows(desk).length, 1);
  });

  test('what is typed stays text: a formula is not run, markup is escaped in the coordinators’ mail', () => {
    const desk = new ReportDesk('zh-CN');
    const title = '=HYPERLINK("http://evil.example","<b>点我</b>")';
    assert.equal(file(desk, { title, detail: '=1+1', dept: '' }).ok, true);
    const cell = desk.cell('suggestions', 2, 'title');
    assert.equal(cell.getFormula(), '');
    assert.equal(cell.getValue(), title);
    assert.equal(desk.cell('suggestions', 2, 'detail').getFormula(), '');
    const [mail] = mentions(scan(desk, '2024-07-12T16:00'), COORDINATOR, /新改进建议/);
    assert.ok(mail, 'the coordinator is told');
    assert.doesNotMatch(mail.htmlBody ?? '', /<b>点我/);
    assert.match(mail.htmlBody ?? '', /&lt;b&gt;点我/);
  });

  test('the coordinators are told of a new suggestion once, in their digest', () => {
    const desk = new ReportDesk('zh-CN');
    file(desk, { title: '周报模板统一', dept: '销售部' });
    const told = mentions(scan(desk, '2024-07-12T16:00'), COORDINATOR, /周报模板统一/);
    assert.equal(told.length, 1);
    assert.match(told[0]!.body, /新改进建议.*李四 于 2024-07-12 15:00 提出（销售部），请评估/s);
    assert.deepEqual(mentions(scan(desk, '2024-07-15T10:00'), COORDINATOR, /周报模板统一/), []);
  });
});

/** A filed suggestion at row 2, moved by sheet edits. */
function filed(lang: 'zh-CN' | 'en' = 'zh-CN', dept = ''): ReportDesk {
  const desk = new ReportDesk(lang);
  assert.equal(file(desk, { title: lang === 'en' ? 'One weekly template' : '周报模板统一', dept }).ok, true);
  return desk;
}

describe('the status flow', () => {
  test('only a coordinator moves it: anyone else’s status, owner or due is restored, naming who may', () => {
    const desk = filed();
    as(desk, PROPOSER);
    desk.edit('suggestions', 2, 'status', '评估中');
    assert.equal(desk.text('suggestions', 2, 'status'), '提出');
    assert.match(
      desk.note('suggestions', 2, 'status'),
      /只有协作总负责人（coordinator@example\.com）可以把「状态」改为「评估中」/,
    );
    desk.edit('suggestions', 2, 'owner', '李四');
    assert.equal(desk.text('suggestions', 2, 'owner'), '');
    assert.match(desk.note('suggestions', 2, 'owner'), /只有协作总负责人/);
  });

  test.each([
    ['zh-CN', '采纳', /建议 JY202407001 的状态只能从「提出」改为：评估中/],
    ['en', 'Closed', /Suggestion JY202407001 can only go from "Proposed" to: Evaluating/],
  ] as const)('%s: a coordinator skipping a step (→ %s) is refused, naming the suggestion', (lang, to, message) => {
    const desk = filed(lang);
    as(desk, COORDINATOR);
    desk.edit('suggestions', 2, 'status', to);
    assert.equal(desk.text('suggestions', 2, 'status'), lang === 'en' ? 'Proposed' : '提出');
    assert.match(desk.note('suggestions', 2, 'status'), message);
  });

  test('adopting needs one owner from People and a due date; declining needs a note', () => {
    const desk = filed();
    as(desk, COORDINATOR);
    desk.edit('suggestions', 2, 'status', '评估中');
    desk.edit('suggestions', 2, 'status', '采纳');
    assert.equal(desk.text('suggestions', 2, 'status'), '采纳');
    assert.match(desk.note('suggestions', 2, 'owner'), /状态为「采纳」时必填：采纳的建议须有一位负责人/);
    assert.match(desk.note('suggestions', 2, 'due'), /状态为「采纳」时必填：采纳的建议须有完成时限/);
    desk.edit('suggestions', 2, 'owner', '张三、李四');
    assert.match(desk.note('suggestions', 2, 'owner'), /只能填一位第一责任人/);
    desk.edit('suggestions', 2, 'owner', 'someone@else.com');
    assert.match(desk.note('suggestions', 2, 'owner'), /不在「人员」表中/);
    desk.edit('suggestions', 2, 'owner', '张三');
    desk.edit('suggestions', 2, 'due', at('2024-07-31T00:00'));
    assert.equal(desk.note('suggestions', 2, 'owner'), '');
    assert.equal(desk.note('suggestions', 2, 'due'), '');
    desk.edit('suggestions', 2, 'status', '不采纳');
    assert.match(desk.note('suggestions', 2, 'status'), /只能从「采纳」改为：实施中/);

    const other = filed();
    as(other, COORDINATOR);
    other.edit('suggestions', 2, 'status', '评估中');
    other.edit('suggestions', 2, 'status', '不采纳');
    assert.match(other.note('suggestions', 2, 'decisionNote'), /不采纳时必填：请写明不采纳的理由/);
  });
});

/** Filed for 市场部, evaluated and adopted by the coordinator with 张三 as owner and `due`. */
function adopted(due: string): ReportDesk {
  const desk = filed('zh-CN', '市场部');
  as(desk, COORDINATOR);
  desk.edit('suggestions', 2, 'status', '评估中');
  desk.edit('suggestions', 2, 'owner', '张三');
  desk.edit('suggestions', 2, 'due', at(`${due}T00:00`));
  desk.edit('suggestions', 2, 'status', '采纳');
  return desk;
}

describe('after the decision', () => {
  test('the proposer is told of the adoption once; a decline with its reason', () => {
    const desk = adopted('2024-07-31');
    const first = scan(desk, '2024-07-12T16:00');
    assert.equal(mentions(first, PROPOSER, /您的建议已采纳：负责人 张三，完成时限 2024-07-31/).length, 1);
    desk.edit('suggestions', 2, 'status', '实施中');
    assert.deepEqual(mentions(scan(desk, '2024-07-15T10:00'), PROPOSER, /建议/), []);

    const declined = filed();
    as(declined, COORDINATOR);
    declined.edit('suggestions', 2, 'status', '评估中');
    declined.edit('suggestions', 2, 'decisionNote', '与现有流程重复');
    declined.edit('suggestions', 2, 'status', '不采纳');
    assert.equal(mentions(scan(declined, '2024-07-12T16:00'), PROPOSER, /您的建议未被采纳：与现有流程重复/).length, 1);
  });

  test('an adopted one is watched like a task: due soon, then overdue to the owner and head, then escalated', () => {
    // Due Monday 2024-07-15: on Friday it is due within dueSoonDays working days.
    const desk = adopted('2024-07-15');
    const soon = scan(desk, '2024-07-12T16:00');
    assert.equal(mentions(soon, OWNER, /周报模板统一 — 建议即将到期：采纳的建议将于 2024-07-15 18:00 到期/).length, 1);
    const overdue = scan(desk, '2024-07-17T10:00');
    const line = /周报模板统一 — 建议逾期：采纳的建议截止 2024-07-15 18:00，已逾期 2 个工作日/;
    assert.equal(mentions(overdue, OWNER, line).length, 1);
    assert.equal(mentions(overdue, 'head.market@example.com', line).length, 1, "the 市场部's head too");
    assert.equal(mentions(scan(desk, '2024-07-17T11:00'), OWNER, /周报模板统一/).length, 0, 'not again the same day');
    // Still overdue escalateAfterHours (48) later: L3 to 市场部's sponsor and the coordinators, naming the owner.
    const escalated = scan(desk, '2024-07-19T10:00');
    assert.equal(mentions(escalated, 'vp.market@example.com', /L3[\s\S]*周报模板统一[\s\S]*张三（市场部）/).length, 1);
  });

  test('a closed one raises nothing', () => {
    const desk = adopted('2024-07-15');
    desk.edit('suggestions', 2, 'status', '实施中');
    desk.edit('suggestions', 2, 'status', '已关闭');
    const mails = scan(desk, '2024-07-17T10:00');
    assert.equal(mentions(mails, OWNER, /周报模板统一/).length, 0);
  });
});

test('the weekly summary lists the suggestions filed and decided in the week', () => {
  const desk = adopted('2024-07-31');
  desk.put('suggestions', [
    { id: 'JY202406001', title: '旧建议', status: '评估中', proposer: '王五', time: at('2024-06-20T10:00') },
    { id: 'JY202406002', title: '上月的建议', status: '评估中', proposer: '王五', time: at('2024-06-21T10:00') },
  ]);
  as(desk, COORDINATOR);
  desk.edit('suggestions', 4, 'decisionNote', '成本过高');
  desk.edit('suggestions', 4, 'status', '不采纳');
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  assert.deepEqual(desk.section('周报 2024-W28', '改进建议'), [
    ['建议编号', '建议标题', '部门', '提出人', '本周', '状态', '负责人', '完成时限'],
    ['JY202407001', '周报模板统一', '市场部', '李四', '新提出 · 已评估（采纳）', '采纳', '张三', '2024-07-31'],
    ['JY202406002', '上月的建议', '', '王五', '已评估（不采纳）', '不采纳'],
  ]);
});

describe('the coordinator’s decision in the sidebar', () => {
  const decide = (desk: ReportDesk, user: string, payload: Record<string, string>, token?: string) => {
    as(desk, user);
    const args: unknown[] = [{ id: 'JY202407001', ...payload }, ...(token === undefined ? [] : [token])];
    return desk.project.runFromSidebar('decideSuggestion', ...args) as ActionResult;
  };

  test('the selected suggestion’s card offers the decision to a coordinator only', () => {
    const desk = filed();
    desk.select('suggestions', 2);
    as(desk, COORDINATOR);
    const card = (desk.project.runFromSidebar('getSidebarState') as SidebarState).suggestion;
    assert.equal(card?.title, '周报模板统一');
    // Array.from: the bundle's arrays come from the emulator's realm.
    assert.deepEqual(
      Array.from(card?.decision?.statuses ?? [], (option) => option.label),
      ['提出', '评估中'],
    );
    assert.deepEqual(Array.from(card?.decision?.people ?? []), ['张三', '李四', '王五']);
    as(desk, PROPOSER);
    const theirs = (desk.project.runFromSidebar('getSidebarState') as SidebarState).suggestion;
    assert.equal(theirs?.id, 'JY202407001');
    assert.equal(theirs?.decision, undefined);
  });

  test('adopting: along the flow, owner and due required per field, saved once, the proposer then told', () => {
    const desk = filed();
    const refused = decide(desk, PROPOSER, { status: '评估中' });
    assert.equal(refused.ok, false);
    assert.match(refused.message, /只有协作总负责人（coordinator@example\.com）可以评估建议/);
    const skipped = decide(desk, COORDINATOR, { status: '采纳' });
    assert.equal(skipped.ok, false);
    assert.match(skipped.ok ? '' : (skipped.errors.status ?? ''), /只能从「提出」改为：评估中/);
    assert.equal(decide(desk, COORDINATOR, { status: '评估中' }).ok, true);
    const bare = decide(desk, COORDINATOR, { status: '采纳' });
    assert.equal(bare.ok, false);
    assert.match(bare.ok ? '' : (bare.errors.owner ?? ''), /状态为「采纳」时必填/);
    assert.match(bare.ok ? '' : (bare.errors.due ?? ''), /状态为「采纳」时必填/);
    assert.equal(desk.text('suggestions', 2, 'status'), '评估中', 'nothing written');
    const adoption = { status: '采纳', owner: '张三', due: '2024-07-31' };
    const first = decide(desk, COORDINATOR, adoption, TOKEN);
    const retry = decide(desk, COORDINATOR, adoption, TOKEN);
    assert.equal(first.ok && retry.ok, true);
    assert.match(first.message, /建议 JY202407001 已更新为「采纳」/);
    assert.deepEqual(
      ['status', 'owner', 'due'].map((column) => desk.text('suggestions', 2, column)),
      ['采纳', '张三', '2024-07-31'],
    );
    const statusRows = desk
      .sheet('changeHistory')
      .getDataRange()
      .getValues()
      .filter((line) => line.includes('JY202407001') && line.includes('采纳'));
    assert.equal(statusRows.length, 1, 'the retry wrote nothing again');
    assert.equal(mentions(scan(desk, '2024-07-12T16:00'), PROPOSER, /您的建议已采纳/).length, 1);
  });
});
