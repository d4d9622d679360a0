/**
 * SPEC §3.6 on the built bundle: who may set a guarded cell holds for every route a value arrives
 * by — one cell typed, many cells pasted or filled (an edit event without value or oldValue), and
 * edits onEdit could not finish, which the tick handles as their typist at their time — for each
 * role: the owner, a coordinator, a department member, and an editor Apps Script does not name.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { mapHeaders, sheetDef, type SheetKey } from '../../src/domain/schema';
import { Desk, type Lang } from './workflow-fixture';

const COORDINATOR = 'coordinator@example.com';
const OWNER = 'zhang.san@example.com';
const STAFF = 'li.si@example.com';
const OUTSIDER = 'partner@outside.cn';

const WORDS = {
  'zh-CN': {
    notStarted: '未开始',
    inProgress: '进行中',
    done: '已完成',
    pending: '待审核',
    approved: '已立项',
    signOff: '待会签',
    executing: '执行中',
    viaSheet: '表格编辑',
    acceptanceOnly: /任务经验收通过才算完成/,
    restoredTo: (value: string, user: string, restored: string) =>
      new RegExp(`${user} 填写的「${value}」已恢复为「${restored}」`),
    coordinatorsApprove: /只有协作总负责人（coordinator@example\.com）可以立项/,
    signOffStarts: /由任务分工会签设置/,
    unnamed: /Apps Script 未提供填写人的身份.*已保留，待协作总负责人确认/s,
    computed: /「完成百分比」由协作台计算/,
    pastedComputed: /粘贴的「1999-01-01」已清除（粘贴不带原值，无法恢复）/,
    moved: /不能移到 XQ/,
    notExecuting: /还未进入执行中/,
  },
  en: {
    notStarted: 'Not started',
    inProgress: 'In progress',
    done: 'Done',
    pending: 'Pending review',
    approved: 'Approved',
    signOff: 'Awaiting sign-off',
    executing: 'In execution',
    viaSheet: 'sheet edit',
    acceptanceOnly: /A task is done once its acceptance passes/,
    restoredTo: (value: string, user: string, restored: string) =>
      new RegExp(`the "${value}" entered by ${user.replace(/\./g, '\\.')} was restored to "${restored}"`),
    coordinatorsApprove: /Only a coordinator \(coordinator@example\.com\) may approve a request/,
    signOffStarts: /set by the split's sign-off/,
    unnamed: /Apps Script did not say who typed this.*waiting for a coordinator to confirm it/s,
    computed: /% complete is computed/,
    pastedComputed: /the "1999-01-01" pasted by .* was cleared \(a paste does not carry the old value\)/,
    moved: /cannot move to XQ/,
    notExecuting: /is not in execution yet/,
  },
} as const;

function as(desk: Desk, user: string): void {
  desk.project.emulator.session.emuSetActiveUser(user);
}

/** Every Change history row about `item`, as [field, old, new, by, via]. */
function history(desk: Desk, item: string): unknown[][] {
  const values = desk.sheet('changeHistory').getDataRange().getValues();
  const at = mapHeaders(sheetDef('changeHistory'), values[0] ?? []) as Record<string, number>;
  return values
    .slice(1)
    .filter((line) => line[at.item!] === item)
    .map((line) => ['field', 'oldValue', 'newValue', 'by', 'via'].map((key) => line[at[key]!]));
}

/** Holds the document lock for a minute, as a long run does: onEdit gives up after a few seconds. */
function busy(desk: Desk): void {
  const { clock, lock } = desk.project.emulator;
  lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 60_000);
}

function nextTick(desk: Desk): void {
  const { clock, triggers } = desk.project.emulator;
  clock.advanceHours(1);
  triggers.emuRunDue();
}

/** Fires onEdit for one cell with no value and no oldValue, as Sheets does for some pastes and fills. */
function editWithoutValue(desk: Desk, key: SheetKey, row: number, column: string, value: unknown): void {
  const range = desk.cell(key, row, column);
  range.setValue(value as never);
  desk.project.call('onEdit', { range, source: desk.ss });
}

describe.each(['zh-CN', 'en'] as const)('%s', (lang: Lang) => {
  const w = WORDS[lang];

  test('Progress stamps pasted over (更新日期) cannot be restored, as the paste carries no old value: each is cleared with a note, and stamped again only for someone who may post', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const {
      taskRows: [row],
    } = desk.executingRequest();
    const task = String(desk.value('tasks', row!, 'id'));
    as(desk, OWNER);
    const entries = desk.paste('progress', [
      { task, summary: '开始', pct: 20, delayReason: '无' },
      { task, summary: '过半', pct: 50, delayReason: '无' },
    ]);
    desk.pasteOver('progress', entries, 'updatedAt', ['1999-01-01', '1999-01-01']);
    for (const entry of entries) {
      assert.match(desk.note('progress', entry, 'updatedAt'), w.pastedComputed);
      // The owner may post: the entry is stamped again, at the edit's time, not 1999.
      assert.notEqual(desk.text('progress', entry, 'updatedAt').slice(0, 4), '1999');
    }
    // An outsider's pasted stamp does not make an entry count: cleared, and not stamped for them.
    as(desk, OUTSIDER);
    const [forged] = desk.paste('progress', [{ task, summary: '伪造', pct: 99, delayReason: '无' }]);
    desk.pasteOver('progress', [forged!], 'updatedAt', ['1999-01-01']);
    assert.equal(desk.value('progress', forged!, 'updatedAt'), '');
    assert.equal(desk.value('tasks', row!, 'pct'), 50);
  });

  test('已完成 pasted over two tasks by their owner is restored on both with a note; a coordinator’s paste is kept and recorded', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const { taskRows } = desk.executingRequest([{}, { name: '销售培训材料制作' }]);
    const [a, b] = taskRows as [number, number];
    desk.edit('tasks', a, 'status', w.inProgress);

    as(desk, OWNER);
    desk.pasteOver('tasks', [a, b], 'status', [w.done, w.done]);
    assert.equal(desk.value('tasks', a, 'status'), w.inProgress, 'restored to what the records stand for');
    assert.equal(desk.value('tasks', b, 'status'), w.notStarted);
    for (const row of [a, b]) assert.match(desk.note('tasks', row, 'status'), w.acceptanceOnly);
    assert.match(desk.note('tasks', a, 'status'), w.restoredTo(w.done, '张三', w.inProgress), 'the typist by name');
    const id = String(desk.value('tasks', a, 'id'));
    assert.ok(!history(desk, id).some((line) => line[2] === w.done), 'a refused change is no change');

    as(desk, COORDINATOR);
    desk.pasteOver('tasks', [a, b], 'status', [w.done, w.done]);
    assert.equal(desk.value('tasks', a, 'status'), w.done, 'a coordinator who owns neither may');
    assert.equal(desk.value('tasks', b, 'status'), w.done);
    assert.deepEqual(history(desk, id).at(-1)?.slice(1), [w.inProgress, w.done, COORDINATOR, w.viaSheet]);
  });

  test('one cell edited with no value in the event is judged like a paste', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const {
      taskRows: [row],
    } = desk.executingRequest();
    as(desk, OWNER);
    editWithoutValue(desk, 'tasks', row!, 'status', w.done);
    assert.equal(desk.value('tasks', row!, 'status'), w.notStarted);
    assert.match(desk.note('tasks', row!, 'status'), w.acceptanceOnly);
  });

  test('执行中 pasted into a request waiting for sign-off is restored; its tasks take no progress', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const { row: requestRow } = desk.approvedRequest();
    const [taskRow] = desk.paste('tasks', [desk.taskRecord(String(desk.value('requests', requestRow, 'id')))]);
    desk.submitSplit(requestRow);
    assert.equal(desk.value('requests', requestRow, 'status'), w.signOff);
    as(desk, OWNER);
    desk.pasteOver('requests', [requestRow, requestRow + 1], 'status', [w.executing, '']);
    assert.equal(desk.value('requests', requestRow, 'status'), w.signOff);
    assert.match(desk.note('requests', requestRow, 'status'), w.signOffStarts);
    desk.paste('progress', [
      { task: desk.value('tasks', taskRow!, 'id'), summary: '开始', pct: 20, delayReason: '无' },
    ]);
    assert.equal(desk.value('tasks', taskRow!, 'pct'), '', 'no progress before sign-off');
  });

  test('a baseline (⚙) is refused to the owner by its protection, a typed % is restored with a note; a task’s request retyped is refused', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const {
      taskRows: [row],
    } = desk.executingRequest();
    const baseline = desk.text('tasks', row!, 'baseline');
    const request = String(desk.value('tasks', row!, 'request'));
    as(desk, OWNER);
    // The baseline blocks everyone but coordinators: Sheets itself refuses the owner's typing.
    assert.throws(() => desk.edit('tasks', row!, 'baseline', '2099-01-01'), /protected cell/);
    assert.equal(desk.text('tasks', row!, 'baseline'), baseline);
    // % is a ⚙ column the add-on writes for owners (warning only): the guard restores it.
    const pct = desk.value('tasks', row!, 'pct');
    desk.edit('tasks', row!, 'pct', 0.99);
    assert.equal(desk.value('tasks', row!, 'pct'), pct);
    assert.match(desk.note('tasks', row!, 'pct'), w.computed);

    as(desk, COORDINATOR);
    desk.edit('tasks', row!, 'request', 'XQ209901001');
    assert.equal(desk.value('tasks', row!, 'request'), request, 'even a coordinator moves it only through a split');
    assert.match(desk.note('tasks', row!, 'request'), w.moved);
    desk.pasteOver('tasks', [row!], 'request', ['XQ209901002']);
    assert.equal(desk.value('tasks', row!, 'request'), request, 'a paste too');
  });

  test('a split never submitted: no progress, no 进行中, and Validate names it', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const { id } = desk.approvedRequest();
    const [row] = desk.paste('tasks', [desk.taskRecord(id)]);
    as(desk, OWNER);
    desk.paste('progress', [{ task: desk.value('tasks', row!, 'id'), summary: '开始', pct: 20, delayReason: '无' }]);
    assert.equal(desk.value('tasks', row!, 'pct'), '');
    desk.edit('tasks', row!, 'status', w.inProgress);
    assert.equal(desk.value('tasks', row!, 'status'), w.notStarted);
    assert.match(desk.note('tasks', row!, 'status'), w.notExecuting);
    as(desk, COORDINATOR);
    desk.project.call('validate_');
    assert.match(desk.lastAlert(), new RegExp(id));
  });
});

describe('edits onEdit could not finish are handled by the tick as their typist, at the typed time', () => {
  test('a coordinator’s 已立项 typed while the lock is busy is approved, at the typed time; a department member’s is restored', () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    desk.project.call('automationOn_');
    const [mine, theirs] = desk.paste('requests', [desk.requestRecord(), desk.requestRecord({ title: '售后手册' })]);
    const typedAt = desk.project.emulator.clock.now().getTime();
    busy(desk);
    desk.edit('requests', mine!, 'status', '已立项');
    as(desk, STAFF);
    desk.edit('requests', theirs!, 'status', '已立项');
    as(desk, COORDINATOR);
    assert.equal(desk.value('requests', mine!, 'approved'), '', 'onEdit gave up');

    nextTick(desk);
    assert.equal(desk.value('requests', mine!, 'status'), '已立项', 'never reset: its typist may approve');
    const approved = desk.value('requests', mine!, 'approved') as Date;
    assert.ok(Math.abs(approved.getTime() - typedAt) < 60_000, 'approved at the typed time');
    assert.equal(desk.value('requests', theirs!, 'status'), '待审核');
    assert.match(desk.note('requests', theirs!, 'status'), /李四 填写的「已立项」已恢复为「待审核」/);
    assert.doesNotMatch(desk.note('requests', theirs!, 'status'), /未知用户/);
    nextTick(desk);
    assert.equal(desk.value('requests', mine!, 'status'), '已立项', 'nor by any later tick');
  });

  test('a request typed while the lock is busy gets its typed time as submission time', () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    desk.project.call('automationOn_');
    busy(desk);
    const typedAt = desk.project.emulator.clock.now().getTime();
    const [row] = desk.paste('requests', [desk.requestRecord()]);
    desk.project.emulator.clock.advanceHours(2);
    nextTick(desk);
    const submitted = desk.value('requests', row!, 'submitted') as Date;
    assert.ok(submitted instanceof Date);
    assert.ok(Math.abs(submitted.getTime() - typedAt) < 60_000, `${submitted.toISOString()} is the typed time`);
  });

  test('an 已立项 adopted without an approval time is never reset by a tick; a coordinator’s Validate confirms it', () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    desk.project.call('automationOn_');
    const [row] = desk.paste('requests', [desk.requestRecord()]);
    // As an imported workbook has it: written without any edit event.
    desk.cell('requests', row!, 'status').setValue('已立项');
    nextTick(desk);
    nextTick(desk);
    assert.equal(desk.value('requests', row!, 'status'), '已立项');
    desk.project.call('validate_');
    assert.ok(desk.value('requests', row!, 'approved') instanceof Date, 'confirmed by a coordinator');
  });

  test('a change typed by an editor Apps Script does not name is kept for a coordinator, never reverted', () => {
    const desk = new Desk('zh-CN', { emulator: { enforceSimpleTriggerAuth: true, developerDomain: 'example.com' } });
    desk.fillDirectory();
    desk.project.call('automationOn_');
    const [row] = desk.paste('requests', [desk.requestRecord()]);
    as(desk, OUTSIDER);
    busy(desk);
    desk.edit('requests', row!, 'status', '已立项');
    as(desk, COORDINATOR);
    nextTick(desk);
    assert.equal(desk.value('requests', row!, 'status'), '已立项', 'kept');
    assert.match(desk.note('requests', row!, 'status'), WORDS['zh-CN'].unnamed);
    assert.equal(desk.value('requests', row!, 'approved'), '', 'not in effect until a coordinator confirms');
  });
});

describe('acceptance: never the owner, never an unnamed editor, Pass only on 待验收', () => {
  test('a Pass on a task not awaiting acceptance is refused and closes nothing', () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    desk.setSetting('signOffAcceptance', 'coordinator');
    const {
      row: requestRow,
      taskRows: [row],
    } = desk.executingRequest();
    const [entry] = desk.paste('acceptance', [{ task: desk.value('tasks', row!, 'id'), result: '通过' }]);
    assert.equal(desk.value('tasks', row!, 'status'), '未开始');
    assert.equal(desk.value('requests', requestRow, 'status'), '执行中');
    assert.match(desk.note('acceptance', entry!, 'result'), /只有待验收的任务可以验收通过/);
  });

  test('a Fail typed by an editor Apps Script does not name is kept, unapplied', () => {
    const desk = new Desk('zh-CN', { emulator: { enforceSimpleTriggerAuth: true, developerDomain: 'example.com' } });
    desk.fillDirectory();
    const {
      taskRows: [row],
    } = desk.executingRequest();
    const taskId = desk.value('tasks', row!, 'id');
    desk.paste('progress', [{ task: taskId, summary: '完成', pct: 100 }]);
    as(desk, OUTSIDER);
    const [entry] = desk.paste('acceptance', [{ task: taskId, result: '不通过', reason: '缺少竞品对比' }]);
    assert.equal(desk.value('tasks', row!, 'status'), '待验收', 'not applied');
    assert.equal(desk.value('acceptance', entry!, 'reason'), '缺少竞品对比', 'kept as typed');
    assert.match(desk.note('acceptance', entry!, 'result'), /无法确认验收人/);
  });
});
