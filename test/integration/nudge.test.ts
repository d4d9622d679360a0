/**
 * 催办 Nudge (SPEC §3.8, issue 24 point 5) on the built bundle, from the sidebar as each person:
 * who may (the task's requester, its department's head, a coordinator; not its owner, other staff
 * or a user Apps Script does not name), once per task per nudgeCooldownHours whoever nudges, one
 * mail to the owner and one message to the owner's department robot with the nudger's words, a
 * ledger row per channel (rule 催办), the task's Change history row, the words inert, and a
 * retried click that sends once.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { FAULT_MESSAGES, TIMED_OUT } from '../../emulator/faults';
import type { LoadedProject } from '../../emulator/runtime';
import type { FakeRobot } from '../../emulator/robots';
import type { ActionResult, SidebarState } from '../../src/contract';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { logRows } from '../support/ledger';
import { writeSheet } from '../support/sheets';
import { at } from '../support/days';

const COORDINATOR = 'pmo@corp.cn';
const OWNER = 'zhangwei@corp.cn';
const REQUESTER = 'lina@corp.cn';
const HEAD = 'head.market@corp.cn';
const STAFF = 'wangfang@corp.cn';
const TASK = 'RW202407001-01';
const TOKEN = '0123456789abcdef0123456789abcdef';

interface Desk {
  readonly project: LoadedProject;
  readonly wecom: FakeRobot;
}

/** 张伟 (市场部, WeCom robot) owns two tasks of 李娜's request: one in progress, one done; 王芳 owns a 销售部 task (no robot). */
function setUp(settings: readonly Record<string, unknown>[] = [], ownerChatId = ''): Desk {
  const project = loadBundle({ now: at('2024-07-11T10:00'), activeUser: COORDINATOR });
  const wecom = project.emulator.robots.add('wecom');
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }, ...settings]);
  writeSheet(project, 'departments', [
    { name: '市场部', head: '周主管', robot: '企业微信', webhook: wecom.url },
    { name: '销售部', head: 'head.sales@corp.cn' },
  ]);
  writeSheet(project, 'people', [
    { name: '张伟', email: OWNER, dept: '市场部', mobile: ownerChatId ? '' : '13800000001', chatId: ownerChatId },
    { name: '李娜', email: REQUESTER, dept: '销售部' },
    { name: '周主管', email: HEAD, dept: '市场部' },
    { name: '王芳', email: STAFF, dept: '销售部' },
  ]);
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '新品上市', dept: '销售部', requester: '李娜', goal: '销量', status: '执行中' },
  ]);
  const task = { request: 'XQ202407001', start: at('2024-07-08T00:00'), due: at('2024-07-19T00:00'), pct: 0.3 };
  writeSheet(project, 'tasks', [
    { ...task, id: TASK, name: '渠道方案', dept: '市场部', owner: '张伟', status: '进行中' },
    { ...task, id: 'RW202407001-02', name: '海报', dept: '市场部', owner: '张伟', status: '已完成' },
    { ...task, id: 'RW202407001-03', name: '报价', dept: '销售部', owner: '王芳', status: '进行中' },
  ]);
  writeSheet(project, 'changeHistory', []);
  writeSheet(project, 'notificationLog', []);
  return { project, wecom };
}

function nudge(desk: Desk, as: string, words: string, task = TASK, token?: string): ActionResult {
  desk.project.emulator.session.emuSetActiveUser(as);
  const args: unknown[] = ['nudge', { task, words }, ...(token === undefined ? [] : [token])];
  return desk.project.runFromSidebar('submitSidebarForm', ...args) as ActionResult;
}

function nudgeMails(desk: Desk) {
  return desk.project.emulator.mail.outbox.filter((mail) => /催办/.test(mail.subject));
}

/** Nudge rows of the Notification log: channel, recipient, status, rule. */
function nudgeRows(desk: Desk) {
  return logRows(desk.project)
    .filter((row) => String(row['规则']) === '催办')
    .map((row) => ({ channel: String(row['渠道']), to: String(row['收件人']), status: String(row['状态']) }));
}

function historyRows(desk: Desk): unknown[][] {
  const sheet = desk.project.emulator.spreadsheet.getSheetByName(sheetTitle('changeHistory', 'zh-CN'));
  return (sheet?.getDataRange().getValues() ?? []).slice(1).filter((row) => row.some((cell) => cell !== ''));
}

function cardFor(desk: Desk, as: string): SidebarState['card'] {
  desk.project.emulator.session.emuSetActiveUser(as);
  const tasks = desk.project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'));
  assert.ok(tasks);
  desk.project.emulator.spreadsheet.setActiveSheet(tasks);
  tasks.setActiveRange(tasks.getRange('A2'));
  return (desk.project.runFromSidebar('getSidebarState') as SidebarState).card;
}

describe('who may nudge', () => {
  test.each([
    ['the requester', REQUESTER],
    ['the department head', HEAD],
    ['a coordinator', COORDINATOR],
  ])('%s may: the owner gets one mail and the 市场部 group one message', (_, who) => {
    const desk = setUp();
    assert.equal(cardFor(desk, who)?.mayNudge, true, 'the card offers the nudge');
    const result = nudge(desk, who, '请今天下班前更新进度');
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /已催办 张伟（邮件、市场部群）/);
    assert.equal(nudgeMails(desk).length, 1);
    assert.deepEqual(nudgeMails(desk)[0]?.to, [OWNER]);
    assert.equal(desk.wecom.received.length, 1);
  });

  test.each([
    ['the owner', OWNER, /由您负责/],
    ['other staff', STAFF, /只有任务 RW202407001-01 的需求发起人、市场部的部门负责人或协作总负责人可以催办/],
    ['an unnamed user', '', /无法确认您的身份/],
  ])('%s may not: refused, nothing sent or written', (_, who, message) => {
    const desk = setUp();
    assert.equal(cardFor(desk, who)?.mayNudge, false, 'the card does not offer it');
    const result = nudge(desk, who, '快点');
    assert.equal(result.ok, false);
    assert.match(result.message, message);
    assert.equal(nudgeMails(desk).length, 0);
    assert.equal(desk.wecom.received.length, 0);
    assert.deepEqual(nudgeRows(desk), []);
    assert.deepEqual(historyRows(desk), []);
  });

  test('a done task is not nudged; empty words are refused on their field', () => {
    const desk = setUp();
    const done = nudge(desk, COORDINATOR, '再看看', 'RW202407001-02');
    assert.equal(done.ok, false);
    assert.match(done.message, /状态为“已完成”，只能催办未完成的任务/);
    const empty = nudge(desk, COORDINATOR, '   ');
    assert.equal(empty.ok, false);
    assert.match((empty as { errors: Record<string, string> }).errors.words ?? '', /催办留言：请写下/);
    assert.equal(nudgeMails(desk).length, 0);
  });
});

describe('cooldown: once per task per nudgeCooldownHours, whoever nudges', () => {
  test('a second nudge is refused with the time and author of the first; after the cooldown it goes', () => {
    const desk = setUp([{ key: 'nudgeCooldownHours', value: 4 }]);
    assert.equal(nudge(desk, REQUESTER, '第一次').ok, true);
    desk.project.emulator.clock.advanceHours(3);
    const second = nudge(desk, HEAD, '第二次');
    assert.equal(second.ok, false);
    assert.match(
      second.message,
      /已于 2024-07-11 10:00 由 李娜 催办；每个任务 4 小时内只能催办一次，2024-07-11 14:00 之后可再催办/,
    );
    assert.equal(nudgeMails(desk).length, 1, 'the refused nudge sent nothing');
    desk.project.emulator.clock.advanceHours(1);
    assert.equal(nudge(desk, HEAD, '第三次').ok, true);
    assert.equal(nudgeMails(desk).length, 2);
    assert.equal(desk.wecom.received.length, 2);
  });

  test('another task is not held back by the first one’s nudge', () => {
    const desk = setUp();
    assert.equal(nudge(desk, COORDINATOR, '一').ok, true);
    const other = nudge(desk, COORDINATOR, '二', 'RW202407001-03');
    assert.equal(other.ok, true, other.message);
    assert.match(other.message, /已催办 王芳（邮件）/, '销售部 has no robot: mail only');
  });
});

describe('both channels, the ledger and the history', () => {
  test('the mail carries the words and a link to the task; the group reads them with the owner @mentioned', () => {
    const desk = setUp();
    nudge(desk, REQUESTER, '客户周五要看方案，请今天更新进度');
    const [mail] = nudgeMails(desk);
    assert.equal(mail?.subject, '[协作台] 李娜 催办：RW202407001-01 渠道方案');
    assert.match(mail?.body ?? '', /李娜 催办您负责的任务 RW202407001-01 渠道方案（截止 2024-07-19，当前 30%）/);
    assert.match(mail?.body ?? '', /客户周五要看方案，请今天更新进度/);
    assert.match(mail?.htmlBody ?? '', /客户周五要看方案，请今天更新进度/);
    const body = desk.wecom.received[0]?.body as { text: { content: string; mentioned_mobile_list: string[] } };
    assert.match(body.text.content, /【协作台】李娜 催办/);
    assert.match(body.text.content, /RW202407001-01 渠道方案（张伟）：客户周五要看方案，请今天更新进度/);
    assert.deepEqual(body.text.mentioned_mobile_list, ['13800000001']);
  });

  test('one ledger row per channel, rule 催办, both sent; one Change history row for the task', () => {
    const desk = setUp();
    nudge(desk, HEAD, '请更新');
    assert.deepEqual(nudgeRows(desk), [
      { channel: '邮件', to: OWNER, status: '已发送' },
      { channel: '企业微信', to: '市场部', status: '已发送' },
    ]);
    const history = historyRows(desk);
    assert.equal(history.length, 1);
    const [row] = history;
    assert.ok(
      row?.includes(TASK) && row.includes('催办') && row.includes('请更新') && row.includes('周主管'),
      String(row),
    );
  });

  test('dry-run mode records the nudge without sending', () => {
    const desk = setUp([{ key: 'emailMode', value: '试运行' }]);
    const result = nudge(desk, COORDINATOR, '请更新');
    assert.equal(result.ok, true);
    assert.match(result.message, /试运行模式：未实际发送/);
    assert.equal(nudgeMails(desk).length, 0);
    assert.equal(desk.wecom.received.length, 0);
    assert.deepEqual(
      nudgeRows(desk).map((row) => row.status),
      ['演练', '演练'],
    );
  });
});

describe('the words are user text', () => {
  test('HTML in the words is escaped in the mail and inert in the robot’s markdown; a formula stays text', () => {
    // Known by chat ID, the owner is @mentioned in WeCom markdown, the dialect that would read the words.
    const desk = setUp([], 'zhangwei');
    const words = '<img src=x onerror=alert(1)> [点我](http://evil.example) =HYPERLINK("http://evil.example")';
    assert.equal(nudge(desk, COORDINATOR, words).ok, true);
    const html = nudgeMails(desk)[0]?.htmlBody ?? '';
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    const body = desk.wecom.received[0]?.body as { msgtype: string; markdown: { content: string } };
    assert.equal(body.msgtype, 'markdown');
    assert.match(body.markdown.content, /<@zhangwei>/, 'the owner is mentioned');
    assert.doesNotMatch(body.markdown.content, /<img|\[点我\]\(/);
    assert.match(body.markdown.content, /＜img src=x onerror=alert\(1\)＞ ［点我］\(http/);
    const cell = historyRows(desk)[0]?.find((value) => String(value).includes('HYPERLINK'));
    assert.equal(cell, words, 'the history holds the words as typed, as text');
  });
});

describe('a retried click nudges once', () => {
  test('the same token again: the first answer, nothing more sent', () => {
    const desk = setUp();
    const first = nudge(desk, COORDINATOR, '请更新', TASK, TOKEN);
    assert.equal(first.ok, true);
    const again = nudge(desk, COORDINATOR, '请更新', TASK, TOKEN);
    assert.equal(again.ok, true);
    assert.equal(nudgeMails(desk).length, 1);
    assert.equal(desk.wecom.received.length, 1);
    assert.equal(historyRows(desk).length, 1, JSON.stringify(historyRows(desk)));
  });

  test('a first try whose write landed but whose call failed before sending: the retry sends it, once', () => {
    const desk = setUp();
    const fault = desk.project.emulator.faults.failOn({
      method: 'Sheets.Spreadsheets.Values.batchUpdate',
      onCall: 1,
      after: true,
      error: TIMED_OUT,
    });
    assert.throws(() => nudge(desk, COORDINATOR, '请更新', TASK, TOKEN), { message: new RegExp(TIMED_OUT) });
    assert.equal(fault.fired, 1, 'the fault fired');
    assert.equal(historyRows(desk).length, 1, 'the first try was written');
    assert.equal(nudgeMails(desk).length, 0, 'and sent nothing');
    desk.project.emulator.clock.advanceHours(0.01);
    const retry = nudge(desk, COORDINATOR, '请更新', TASK, TOKEN);
    assert.equal(retry.ok, true, retry.message);
    assert.equal(nudgeMails(desk).length, 1);
    assert.equal(desk.wecom.received.length, 1);
    const third = nudge(desk, COORDINATOR, '请更新', TASK, TOKEN);
    assert.equal(third.ok, true);
    assert.equal(nudgeMails(desk).length, 1, 'a third try sends nothing more');
    assert.equal(desk.wecom.received.length, 1);
    assert.equal(historyRows(desk).length, 1);
  });

  test('a mail that failed to send is sent by the next hourly tick, once, as the answer promised', () => {
    const desk = setUp();
    desk.project.call('automationOn_');
    const fault = desk.project.emulator.faults.failOn({
      method: 'MailApp.sendEmail',
      onCall: 1,
      error: FAULT_MESSAGES.unavailable,
    });
    const result = nudge(desk, COORDINATOR, '请今天更新进度');
    assert.equal(fault.fired, 1, 'the fault fired');
    assert.match(result.message, /下次自动检查时重试/);
    assert.equal(nudgeMails(desk).length, 0);
    assert.equal(desk.wecom.received.length, 1, 'the group got it at once');
    for (const hour of ['11:05', '12:05']) {
      desk.project.emulator.clock.set(at(`2024-07-11T${hour}`));
      desk.project.emulator.triggers.emuRunDue();
    }
    const mails = nudgeMails(desk);
    assert.equal(mails.length, 1, 'sent once by the tick');
    assert.deepEqual(mails[0]?.to, [OWNER]);
    assert.match(mails[0]?.body ?? '', /请今天更新进度/);
    // The daily scan's own message to the group (a stale task) goes too; the nudge, once.
    const nudgePosts = desk.wecom.received.filter((post) => JSON.stringify(post.body).includes('请今天更新进度'));
    assert.equal(nudgePosts.length, 1, 'the group is not told twice');
  });
});
