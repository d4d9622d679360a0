/**
 * Sign-off by every responsible head (会签), delegation while away, permissions and the change
 * history (SPEC §2.7, §2.9, §2.10, §3.6), on the built bundle, in both languages, driven as users
 * drive it: the sidebar as each signer, rows typed into sheets, the menu's checks.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { mapHeaders, sheetDef, type SheetKey } from '../../src/domain/schema';
import type { ActionResult, SidebarState } from '../../src/contract';
import { Desk, day, type Lang } from './workflow-fixture';

const COORDINATOR = 'coordinator@example.com';
const MARKET_HEAD = 'head.market@example.com';
const SALES_HEAD = 'head.sales@example.com';

const WORDS = {
  'zh-CN': {
    signOff: '待会签',
    executing: '执行中',
    approved: '已立项',
    pending: '待审核',
    notStarted: '未开始',
    agree: '同意',
    signOffInSidebar: /签批由签批人（.+）或其代理人在侧边栏「待您签批」中点“同意”或“退回”/,
    return: '退回',
    superseded: '已作废',
    resolved: /^已处理，已重新会签通过。原意见：会签退回（.+）：培训时间与大促冲突$/,
    changePending: '待批',
    done: '已完成',
    awaiting: '待验收',
    onlyCoordinator: /只有协作总负责人（coordinator@example\.com）可以立项/,
    notYours: /没有等待您（someone@example\.com）签批的事项/,
    needsComment: /退回时请填写说明/,
    progressRefused: /只有第一责任人（张三）、协助人、部门负责人或协作总负责人可以更新任务/,
    ownAcceptance: /第一责任人（李四）不能验收自己的任务/,
    bySignOff: /由相关部门负责人会签决定（head\.market@example\.com、head\.sales@example\.com）/,
    started: /任务已开始/,
    pendingSubject: /待您签批/,
    viaSidebar: '侧边栏',
    viaSheet: '表格编辑',
  },
  en: {
    signOff: 'Awaiting sign-off',
    executing: 'In execution',
    approved: 'Approved',
    pending: 'Pending review',
    notStarted: 'Not started',
    agree: 'Agree',
    signOffInSidebar: /A sign-off is decided by its signer \(.+\) or their delegate with Agree or Return/,
    return: 'Return',
    superseded: 'Superseded',
    resolved: /^Resolved: signed off again\. Was: Sign-off returned by .+: 培训时间与大促冲突$/,
    changePending: 'Pending',
    done: 'Done',
    awaiting: 'Awaiting acceptance',
    onlyCoordinator: /Only a coordinator \(coordinator@example\.com\) may approve a request/,
    notYours: /Nothing on .* waits for your sign-off \(someone@example\.com\)/,
    needsComment: /Say why when you return it/,
    progressRefused:
      /Only the primary owner \(张三\), assisting people, the department head or a coordinator may post progress/,
    ownAcceptance: /The primary owner \(李四\) never accepts their own task/,
    bySignOff: /decided by the sign-off of its heads \(head\.market@example\.com, head\.sales@example\.com\)/,
    started: /Your task has started/,
    pendingSubject: /Waiting for your sign-off/,
    viaSidebar: 'sidebar',
    viaSheet: 'sheet edit',
  },
} as const;

function as(desk: Desk, user: string): void {
  desk.project.emulator.session.emuSetActiveUser(user);
}

function sidebar(desk: Desk, name: string, ...args: unknown[]): ActionResult {
  return desk.project.runFromSidebar(name, ...args) as ActionResult;
}

/** What an answer says, its field errors included. */
function said(result: ActionResult): string {
  return [result.message, ...(result.ok ? [] : Object.values(result.errors))].join('\n');
}

function state(desk: Desk): SidebarState {
  // Copied into this realm, so deepEqual compares values rather than prototypes.
  return JSON.parse(JSON.stringify(desk.project.runFromSidebar('getSidebarState'))) as SidebarState;
}

/** Types one cell over another value and fires onEdit with the value it replaced, as Sheets does. */
function typeOver(desk: Desk, key: SheetKey, row: number, column: string, value: string): void {
  const range = desk.cell(key, row, column);
  const oldValue = range.getValue();
  range.setValue(value);
  desk.project.call('onEdit', { range, source: desk.ss, value, oldValue });
}

/** Every data row of a sheet as an object keyed by column key. */
function rows(desk: Desk, key: SheetKey): Record<string, unknown>[] {
  const values = desk.sheet(key).getDataRange().getValues();
  const positions = mapHeaders(sheetDef(key), values[0] ?? []) as Record<string, number | undefined>;
  return values
    .slice(1)
    .map((line) => Object.fromEntries(Object.entries(positions).map(([column, index]) => [column, line[index ?? -1]])));
}

/** An approved request split from the sidebar into a 市场部 task (owner 张三) and a 销售部 one (李四) depending on it. */
function splitDesk(lang: Lang): { desk: Desk; id: string; split: ActionResult } {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const task = { dept: '市场部', owner: '张三', start: day(0), due: day(7), deliverable: '方案经评审通过' };
  const split = sidebar(desk, 'splitRequest', {
    requestId: id,
    tasks: [
      { ...task, name: '新品推广方案初稿撰写' },
      { ...task, name: '销售培训材料制作', dept: '销售部', owner: '李四', due: day(9), dependsOn: '#1' },
    ],
  });
  return { desk, id, split };
}

function decide(desk: Desk, user: string, subject: string, ref: string, decision: 'agree' | 'return', comment = '') {
  as(desk, user);
  const result = sidebar(desk, 'decideSignOff', { subject, ref, decision, comment });
  as(desk, COORDINATOR);
  return result;
}

describe.each(['zh-CN', 'en'] as const)('%s', (lang) => {
  const w = WORDS[lang];

  test('a split waits for every responsible head; all Agree → 执行中, and each owner hears once that their task started', () => {
    const { desk, id, split } = splitDesk(lang);
    assert.equal(split.ok, true, split.message);
    assert.equal(desk.value('requests', 2, 'status'), w.signOff);
    assert.deepEqual(
      rows(desk, 'signOffs').map((r) => [r.ref, r.signer, r.decision]),
      [
        [id, MARKET_HEAD, lang === 'en' ? 'Pending' : '待签'],
        [id, SALES_HEAD, lang === 'en' ? 'Pending' : '待签'],
      ],
    );
    assert.equal(desk.value('tasks', 2, 'status'), w.notStarted);

    // Tasks of an unconfirmed split take no progress and raise no notices.
    as(desk, 'zhang.san@example.com');
    const early = sidebar(desk, 'submitSidebarForm', 'progress', {
      task: String(desk.value('tasks', 2, 'id')),
      summary: '开始',
      pct: '10',
    });
    assert.equal(early.ok, false);
    assert.equal(desk.value('tasks', 2, 'status'), w.notStarted);

    as(desk, MARKET_HEAD);
    assert.deepEqual(
      state(desk).signOffs.map((s) => [s.subject, s.ref]),
      [['split', id]],
    );
    assert.equal(decide(desk, MARKET_HEAD, 'split', id, 'agree').ok, true);
    assert.equal(desk.value('requests', 2, 'status'), w.signOff, 'one head is not all of them');
    // A decision typed into the sheet does not count: it is restored with a note saying who decides, and where.
    desk.edit('signOffs', 3, 'decision', w.agree);
    assert.equal(desk.value('signOffs', 3, 'decision'), lang === 'en' ? 'Pending' : '待签', 'restored');
    assert.match(desk.note('signOffs', 3, 'decision'), w.signOffInSidebar);
    as(desk, SALES_HEAD);
    assert.equal(state(desk).signOffs.length, 1, 'still waiting for the sales head');
    as(desk, COORDINATOR);
    const last = decide(desk, SALES_HEAD, 'split', id, 'agree');
    assert.equal(last.ok, true, last.message);
    assert.equal(desk.value('requests', 2, 'status'), w.executing);

    const before = desk.project.emulator.mail.outbox.length;
    desk.project.call('runChecksNow_');
    const started = desk.project.emulator.mail.outbox.slice(before).filter((m) => w.started.test(m.subject));
    assert.deepEqual(started.map((m) => m.to.join(',')).sort(), ['li.si@example.com', 'zhang.san@example.com']);
    const again = desk.project.emulator.mail.outbox.length;
    desk.project.emulator.clock.advanceHours(30);
    desk.project.call('runChecksNow_');
    assert.equal(
      desk.project.emulator.mail.outbox.slice(again).filter((m) => w.started.test(m.subject)).length,
      0,
      'told once',
    );
  });

  test('a Return needs a comment, sends the split back to the coordinator, and a new submission starts a new round', () => {
    const { desk, id } = splitDesk(lang);
    const bare = decide(desk, SALES_HEAD, 'split', id, 'return');
    assert.equal(bare.ok, false);
    assert.match(bare.message, w.needsComment);
    const returned = decide(desk, SALES_HEAD, 'split', id, 'return', '培训时间与大促冲突');
    assert.equal(returned.ok, true, returned.message);
    assert.equal(desk.value('requests', 2, 'status'), w.approved);
    assert.match(String(desk.value('requests', 2, 'review')), /培训时间与大促冲突/);
    desk.project.call('validate_');
    assert.match(
      desk.note('tasks', 3, 'dept'),
      /head\.sales@example\.com.*培训时间与大促冲突/,
      'the 销售部 task is flagged',
    );
    assert.equal(desk.note('tasks', 2, 'dept'), '', 'the 市场部 task is not');
    as(desk, MARKET_HEAD);
    assert.deepEqual(state(desk).signOffs, [], 'a returned round waits for nobody');
    // Its row nobody signed no longer reads 待签 in 签批记录.
    assert.deepEqual([2, 3].map((r) => desk.value('signOffs', r, 'decision')).sort(), [w.return, w.superseded].sort());

    as(desk, COORDINATOR);
    // "Split into tasks" on a request with task rows lists them; "Submit for sign-off" sends them.
    const submitted = desk.submitSplit(2);
    assert.match(submitted?.message ?? '', lang === 'en' ? /Sent for sign-off by/ : /已提交会签/);
    assert.equal(desk.value('requests', 2, 'status'), w.signOff);
    assert.equal(rows(desk, 'signOffs').length, 4);
    decide(desk, MARKET_HEAD, 'split', id, 'agree');
    decide(desk, SALES_HEAD, 'split', id, 'agree');
    assert.equal(desk.value('requests', 2, 'status'), w.executing);
    assert.match(String(desk.value('requests', 2, 'review')), w.resolved, 'the Return note is marked done with');
  });

  test('nobody decides a sign-off that is not theirs, and a pending sign-off mails 待您签批 to its signer', () => {
    const { desk, id } = splitDesk(lang);
    const stranger = decide(desk, 'someone@example.com', 'split', id, 'agree');
    assert.equal(stranger.ok, false);
    assert.match(stranger.message, w.notYours);
    const before = desk.project.emulator.mail.outbox.length;
    desk.project.call('runChecksNow_');
    const pending = desk.project.emulator.mail.outbox.slice(before).filter((m) => w.pendingSubject.test(m.subject));
    assert.deepEqual(pending.map((m) => m.to.join(',')).sort(), [MARKET_HEAD, SALES_HEAD]);
  });

  test('signOffSplit = coordinator: the split is in execution when submitted, with no sign-off rows', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    desk.setSetting('signOffSplit', 'coordinator');
    const { id } = desk.approvedRequest();
    const split = sidebar(desk, 'splitRequest', {
      requestId: id,
      tasks: [{ name: 'Draft', dept: '市场部', owner: '张三', start: day(0), due: day(7), deliverable: 'ok' }],
    });
    assert.equal(split.ok, true, split.message);
    assert.equal(desk.value('requests', 2, 'status'), w.executing);
    assert.equal(desk.sheet('signOffs').getLastRow(), 1);
  });

  test('a plan change is approved only when every affected head agreed; a typed 批准 is restored with a note', () => {
    const { desk, id } = splitDesk(lang);
    decide(desk, MARKET_HEAD, 'split', id, 'agree');
    decide(desk, SALES_HEAD, 'split', id, 'agree');
    const taskId = String(desk.value('tasks', 2, 'id'));
    const due = desk.text('tasks', 2, 'due');
    const filed = sidebar(desk, 'submitSidebarForm', 'planChange', {
      task: taskId,
      newDue: day(12),
      reason: '等待数据',
    });
    assert.equal(filed.ok, true, said(filed));
    const change = rows(desk, 'signOffs').filter((r) => r.ref === taskId);
    assert.deepEqual(
      change.map((r) => r.signer),
      [MARKET_HEAD, SALES_HEAD],
      'the task’s head and the head of the department depending on it',
    );

    desk.edit('planChanges', 2, 'status', lang === 'en' ? 'Approved' : '批准');
    assert.equal(desk.value('planChanges', 2, 'status'), w.changePending);
    assert.match(desk.note('planChanges', 2, 'status'), w.bySignOff);
    assert.equal(desk.text('tasks', 2, 'due'), due);

    decide(desk, MARKET_HEAD, 'change', taskId, 'agree');
    assert.equal(desk.text('tasks', 2, 'due'), due, 'one head is not all of them');
    decide(desk, SALES_HEAD, 'change', taskId, 'agree');
    assert.equal(desk.text('tasks', 2, 'due').slice(0, 10), day(12));
    assert.equal(desk.text('tasks', 2, 'baseline'), due, 'the baseline never moves');
  });

  test('signOffChange = coordinator: a coordinator’s typed 批准 applies; anyone else’s is restored', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    desk.setSetting('signOffChange', 'coordinator');
    const { id } = desk.approvedRequest();
    const [taskRow] = desk.paste('tasks', [desk.taskRecord(id)]);
    const taskId = String(desk.value('tasks', taskRow!, 'id'));
    desk.paste('planChanges', [{ task: taskId, newDue: day(20), reason: '等待数据' }]);
    assert.equal(desk.sheet('signOffs').getLastRow(), 1, 'no sign-off round');
    as(desk, 'zhang.san@example.com');
    desk.edit('planChanges', 2, 'status', lang === 'en' ? 'Approved' : '批准');
    assert.equal(desk.value('planChanges', 2, 'status'), w.changePending);
    as(desk, COORDINATOR);
    desk.edit('planChanges', 2, 'status', lang === 'en' ? 'Approved' : '批准');
    assert.equal(desk.text('tasks', taskRow!, 'due').slice(0, 10), day(20));
  });

  test('an acceptance’s Pass waits for the requester; its owner never accepts it; coordinator mode takes a coordinator’s Pass at once', () => {
    const { desk, id } = splitDesk(lang);
    decide(desk, MARKET_HEAD, 'split', id, 'agree');
    decide(desk, SALES_HEAD, 'split', id, 'agree');
    const taskId = String(desk.value('tasks', 3, 'id'));
    const pass = lang === 'en' ? 'Pass' : '通过';

    as(desk, 'li.si@example.com');
    const own = sidebar(desk, 'submitSidebarForm', 'acceptance', { task: taskId, result: pass });
    assert.equal(own.ok, false);
    assert.match(said(own), w.ownAcceptance);

    // Pass only on a task 待验收 (SPEC §3.6): its owner posts 100 % first.
    const delivered = (task: string, owner: string) => {
      as(desk, owner);
      const posted = sidebar(desk, 'submitSidebarForm', 'progress', { task, summary: '交付', pct: '100' });
      assert.equal(posted.ok, true, said(posted));
      as(desk, COORDINATOR);
    };
    delivered(taskId, 'li.si@example.com');
    const recorded = sidebar(desk, 'submitSidebarForm', 'acceptance', { task: taskId, result: pass });
    assert.equal(recorded.ok, true, recorded.message);
    assert.notEqual(desk.value('tasks', 3, 'status'), w.done, 'not done before the requester agreed');
    assert.equal(decide(desk, 'zhang.san@example.com', 'acceptance', taskId, 'agree').ok, true);
    assert.equal(desk.value('tasks', 3, 'status'), w.done);

    desk.setSetting('signOffAcceptance', 'coordinator');
    const first = String(desk.value('tasks', 2, 'id'));
    delivered(first, 'zhang.san@example.com');
    sidebar(desk, 'submitSidebarForm', 'acceptance', { task: first, result: pass });
    assert.equal(desk.value('tasks', 2, 'status'), w.done);
  });

  test('while a head is away their sign-off goes to the delegate, recorded as on behalf of; a delegate chain never loops', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const people = desk.sheet('people');
    const add = (name: string, email: string, delegate: string, from: string, to: string) => {
      const row = people.getLastRow() + 1;
      people.getRange(row, desk.col('people', 'name')).setValue(name);
      people.getRange(row, desk.col('people', 'email')).setValue(email);
      people.getRange(row, desk.col('people', 'delegate')).setValue(delegate);
      if (from) people.getRange(row, desk.col('people', 'awayFrom')).setValue(from);
      if (to) people.getRange(row, desk.col('people', 'awayTo')).setValue(to);
    };
    add('市场负责人', MARKET_HEAD, '王五', day(-1), day(3));
    add('销售负责人', SALES_HEAD, 'head.product@example.com', day(-1), day(3));
    add('产品负责人', 'head.product@example.com', SALES_HEAD, day(-1), day(3));
    const { id } = desk.approvedRequest();
    sidebar(desk, 'splitRequest', {
      requestId: id,
      tasks: [
        { name: 'A', dept: '市场部', owner: '张三', start: day(0), due: day(7), deliverable: 'ok' },
        { name: 'B', dept: '销售部', owner: '李四', start: day(0), due: day(7), deliverable: 'ok' },
      ],
    });
    as(desk, 'wang.wu@example.com');
    assert.deepEqual(
      state(desk).signOffs.map((s) => [s.ref, s.onBehalfOf]),
      [[id, '市场负责人']],
      'the sidebar names the person stood in for (SPEC §2: people are shown by name)',
    );
    as(desk, 'head.product@example.com');
    assert.deepEqual(state(desk).signOffs, [], 'a loop leaves the sign-off with its signer');
    as(desk, COORDINATOR);

    const before = desk.project.emulator.mail.outbox.length;
    desk.project.call('runChecksNow_');
    const pending = desk.project.emulator.mail.outbox.slice(before).filter((m) => w.pendingSubject.test(m.subject));
    assert.deepEqual(pending.map((m) => m.to.join(',')).sort(), [SALES_HEAD, 'wang.wu@example.com']);

    assert.equal(decide(desk, 'wang.wu@example.com', 'split', id, 'agree').ok, true);
    assert.deepEqual(
      rows(desk, 'signOffs').map((r) => [r.signer, r.onBehalfOf]),
      [
        ['市场负责人', '王五'],
        ['销售负责人', ''],
      ],
      'signer and 代签 are written by name, and still matched to their email',
    );
    // Back from leave: the head decides their own again.
    people.getRange(people.getLastRow() - 1, desk.col('people', 'awayTo')).setValue(day(-1));
    assert.equal(decide(desk, SALES_HEAD, 'split', id, 'agree').ok, true);
    assert.equal(desk.value('requests', 2, 'status'), w.executing);
  });

  test('the installer is the first coordinator; a typed approval by anyone else is restored with a note saying who may', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const settings = rows(desk, 'settings').find((r) => /coordinator|协作总负责人/i.test(String(r.key)));
    assert.equal(settings?.value, COORDINATOR);
    const protection = desk.sheet('settings').getProtections('SHEET' as never)[0];
    assert.deepEqual(
      protection?.getEditors().map((u) => u.getEmail()),
      [COORDINATOR],
    );

    const [row] = desk.paste('requests', [desk.requestRecord()]);
    as(desk, 'zhang.san@example.com');
    desk.edit('requests', row!, 'status', w.approved);
    assert.equal(desk.value('requests', row!, 'status'), w.pending);
    assert.match(desk.note('requests', row!, 'status'), w.onlyCoordinator);
    as(desk, COORDINATOR);
    desk.edit('requests', row!, 'status', w.approved);
    assert.equal(desk.value('requests', row!, 'status'), w.approved);
    // In execution comes from the split's sign-off, not from typing it.
    typeOver(desk, 'requests', row!, 'status', w.executing);
    assert.equal(desk.value('requests', row!, 'status'), w.approved);
    assert.match(
      desk.note('requests', row!, 'status'),
      lang === 'en' ? /set by the split's sign-off/ : /由任务分工会签设置/,
    );
  });

  test('已完成 typed into a task by its owner is restored with a note; a coordinator who does not own it may', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const {
      taskRows: [taskRow],
    } = desk.executingRequest();
    typeOver(desk, 'tasks', taskRow!, 'status', lang === 'en' ? 'In progress' : '进行中');
    as(desk, 'zhang.san@example.com');
    typeOver(desk, 'tasks', taskRow!, 'status', w.done);
    assert.equal(desk.value('tasks', taskRow!, 'status'), lang === 'en' ? 'In progress' : '进行中');
    assert.match(
      desk.note('tasks', taskRow!, 'status'),
      lang === 'en' ? /A task is done once its acceptance passes/ : /任务经验收通过才算完成/,
    );
    as(desk, COORDINATOR);
    typeOver(desk, 'tasks', taskRow!, 'status', w.done);
    assert.equal(desk.value('tasks', taskRow!, 'status'), w.done);
  });

  test('progress comes only from the owner, assisting people, the dept head or a coordinator', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const {
      taskRows: [taskRow],
    } = desk.executingRequest([{ assisting: '王五' }]);
    const taskId = String(desk.value('tasks', taskRow!, 'id'));
    // Each entry a little further than the one before: a lower % would need a note.
    let pct = 50;
    const post = (user: string) => {
      as(desk, user);
      return sidebar(desk, 'submitSidebarForm', 'progress', {
        task: taskId,
        summary: '进展',
        pct: String(pct++),
        delayReason: '无',
      });
    };
    const refused = post('li.si@example.com');
    assert.equal(refused.ok, false);
    assert.match(said(refused), w.progressRefused);
    for (const user of ['zhang.san@example.com', 'wang.wu@example.com', MARKET_HEAD, COORDINATOR])
      assert.equal(post(user).ok, true, user);
  });

  test('the Change history records sidebar and sheet edits with old → new, who and how; the card shows the last five', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const {
      taskRows: [taskRow],
    } = desk.executingRequest();
    const taskId = String(desk.value('tasks', taskRow!, 'id'));
    as(desk, 'zhang.san@example.com');
    sidebar(desk, 'submitSidebarForm', 'progress', { task: taskId, summary: '进展', pct: '60', delayReason: '无' });
    as(desk, COORDINATOR);
    typeOver(desk, 'tasks', taskRow!, 'owner', '王五');
    const history = rows(desk, 'changeHistory').filter((r) => r.item === taskId);
    assert.deepEqual(
      history.slice(1).map((r) => [r.oldValue, r.newValue, r.by, r.via]),
      [
        [w.notStarted, lang === 'en' ? 'In progress' : '进行中', '张三', w.viaSidebar],
        ['', '60', '张三', w.viaSidebar],
        // Not in People: shown by email.
        ['张三', '王五', COORDINATOR, w.viaSheet],
      ],
    );
    desk.select('tasks', taskRow!);
    const card = state(desk).card;
    assert.equal(card?.history.length, 4);
    assert.match(card?.history[0]?.sentence ?? '', /(「张三」|"张三").*(「王五」|"王五")/, 'newest first');
  });
});
