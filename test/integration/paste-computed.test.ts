/**
 * SPEC §3.6 on the built bundle: a ⚙ cell pasted over (a paste, fill or drag gives onEdit no old
 * value: "oldValue … Only available if the edited range is a single cell",
 * https://developers.google.com/apps-script/guides/triggers/events#edit) by someone who may not
 * write it is restored to what the records imply, per column family and per role: the owner, the
 * department head, the requester and an editor Apps Script does not name. Most ⚙ columns are behind
 * warning-only protections (gas/workbookSetup.ts), which the emulator lets everyone click through.
 * A coordinator's paste is restored too, except where nothing tells the old value: there it is the
 * confirmation Validate asks for.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { mapHeaders, sheetDef } from '../../src/domain/schema';
import { Desk } from './workflow-fixture';

const COORDINATOR = 'coordinator@example.com';
const OWNER = 'zhang.san@example.com';
const HEAD = 'head.market@example.com';
const REQUESTER = 'li.si@example.com';
const OUTSIDER = 'partner@outside.cn';

const ROLES = [
  ['the owner', OWNER],
  ['the department head', HEAD],
  ['the requester', REQUESTER],
  ['an editor Apps Script does not name', OUTSIDER],
] as const;

const RESTORED = /已恢复为/;

/** A workbook whose simple trigger names only example.com users, as Apps Script does for a consumer domain. */
function newDesk(): Desk {
  const desk = new Desk('zh-CN', { emulator: { enforceSimpleTriggerAuth: true, developerDomain: 'example.com' } });
  desk.fillDirectory();
  return desk;
}

/** A request of 李四 (销售部) in execution with two tasks of 张三 (市场部); its row, ID and task rows. */
function executing(desk: Desk): { row: number; id: string; taskRows: [number, number] } {
  desk.setSetting('signOffSplit', 'coordinator');
  const { row, id } = desk.approvedRequest({ requester: '李四', dept: '销售部' });
  const taskRows = desk.paste('tasks', [desk.taskRecord(id), desk.taskRecord(id, { name: '销售培训材料制作' })]);
  desk.submitSplit(row);
  return { row, id, taskRows: taskRows as [number, number] };
}

/** The owner posts progress from the sidebar. */
function post(desk: Desk, task: string, summary: string, pct: number, delayReason: string): void {
  const form = { task, summary, pct: String(pct), delayReason };
  const result = desk.as(OWNER, () => desk.project.runFromSidebar('submitSidebarForm', 'progress', form)) as {
    ok: boolean;
  };
  assert.ok(result.ok, JSON.stringify(result));
}

/** The last Change history row about `item` and the ⚙ `field` label, as [old, new]. */
function lastHistory(desk: Desk, item: string, field: string): unknown[] | undefined {
  const values = desk.sheet('changeHistory').getDataRange().getValues();
  const at = mapHeaders(sheetDef('changeHistory'), values[0] ?? []) as Record<string, number>;
  return values
    .slice(1)
    .filter((line) => line[at.item!] === item && line[at.field!] === field)
    .map((line) => [line[at.oldValue!], line[at.newValue!]])
    .at(-1);
}

describe.each(ROLES)('tasks: %s pasting over % complete and what goes with it', (_role, user) => {
  test('is restored from the latest accepted progress entry, with a note, and the scan counts the task at its true %', () => {
    const desk = newDesk();
    const { taskRows } = executing(desk);
    const [a, b] = taskRows;
    const task = String(desk.value('tasks', a, 'id'));
    post(desk, task, '初稿一成', 10, '素材未到');
    desk.project.call('runChecksNow_');
    // A later entry on the other task moves the scan's mark below this one: the next scan takes
    // this task's % from its row (SPEC §3.7), where the paste lands.
    const other = String(desk.value('tasks', b, 'id'));
    post(desk, other, '开始', 20, '人手不足');
    desk.project.call('runChecksNow_');
    const health = desk.value('tasks', a, 'health');
    assert.equal(health, '滞后', 'at 10 % halfway through');
    const lastUpdate = (desk.value('tasks', a, 'lastUpdate') as Date).getTime();
    assert.equal(desk.value('tasks', a, 'pct'), 10);

    // Each paste is its own edit, and each edit's sync replaces the add-on's notes on the sheet: a
    // note is read right after its paste.
    const paste = (field: string, value: unknown) => {
      desk.as(user, () => desk.pasteOver('tasks', [a, b], field, [value, value]));
      assert.match(desk.note('tasks', a, field), RESTORED, field);
    };
    paste('pct', 100);
    assert.equal(desk.value('tasks', a, 'pct'), 10, 'the entry’s %');
    assert.equal(desk.value('tasks', b, 'pct'), 20);
    assert.match(desk.note('tasks', a, 'pct'), /「完成百分比」由协作台计算（⚙）.*填写的「100」已恢复为「10」/);
    paste('lastUpdate', '2099-01-01');
    assert.equal((desk.value('tasks', a, 'lastUpdate') as Date).getTime(), lastUpdate);
    paste('progressSummary', '已全部完成');
    assert.equal(desk.value('tasks', a, 'progressSummary'), '初稿一成');
    assert.equal(desk.value('tasks', b, 'progressSummary'), '开始');
    paste('delayReason', '无');
    assert.equal(desk.value('tasks', a, 'delayReason'), '素材未到');
    paste('health', '正常');
    assert.equal(desk.value('tasks', a, 'health'), health, 'computed again, as the scan computes it');

    desk.project.call('runChecksNow_');
    assert.equal(desk.value('tasks', a, 'pct'), 10, 'the scan reads 10 %');
    assert.equal(desk.value('tasks', a, 'health'), health, 'and judges the task at 10 %');
    assert.equal(desk.value('tasks', a, 'status'), '进行中', 'never 待验收');
  });
});

describe('tasks: a coordinator pasting over % complete', () => {
  test('is restored as anyone’s: a ⚙ cell is the add-on’s (SPEC §3.6), and the records tell its value', () => {
    const desk = newDesk();
    const { taskRows } = executing(desk);
    const [a, b] = taskRows;
    const before = [desk.value('tasks', a, 'pct'), desk.value('tasks', b, 'pct')];
    desk.as(COORDINATOR, () => desk.pasteOver('tasks', [a, b], 'pct', [60, 60]));
    assert.deepEqual([desk.value('tasks', a, 'pct'), desk.value('tasks', b, 'pct')], before);
    assert.match(desk.note('tasks', a, 'pct'), RESTORED);
  });
});

describe.each(ROLES)('requests: %s pasting over its stamps', (_role, user) => {
  test('submitted at is restored to the time the add-on stamped (recorded when written); closed at stays blank until it closes', () => {
    const desk = newDesk();
    const { row, id } = executing(desk);
    const [other] = desk.paste('requests', [desk.requestRecord({ title: '售后手册' })]);
    const submitted = (desk.value('requests', row, 'submitted') as Date).getTime();
    const otherSubmitted = (desk.value('requests', other!, 'submitted') as Date).getTime();
    desk.as(user, () => desk.pasteOver('requests', [row, other!], 'submitted', ['2020-01-01', '2020-01-01']));
    assert.equal((desk.value('requests', row, 'submitted') as Date).getTime(), submitted, id);
    assert.equal((desk.value('requests', other!, 'submitted') as Date).getTime(), otherSubmitted);
    assert.match(desk.note('requests', row, 'submitted'), RESTORED);
    desk.as(user, () => desk.pasteOver('requests', [row, other!], 'closed', ['2020-02-01', '2020-02-01']));
    assert.equal(desk.value('requests', row, 'closed'), '', 'not closed: no closing time');
    assert.equal(desk.value('requests', other!, 'closed'), '');
    assert.match(desk.note('requests', other!, 'closed'), /已恢复为「（空）」/);
  });
});

describe('requests: stamps are recorded as they are written', () => {
  test('an approval time is recorded when written, and a coordinator’s paste over it is restored from that record', () => {
    const desk = newDesk();
    const { row, id } = desk.approvedRequest();
    const approved = desk.value('requests', row, 'approved') as Date;
    assert.ok(lastHistory(desk, id, '立项时间'), 'the approval time is in the Change history');
    desk.as(COORDINATOR, () => desk.pasteOver('requests', [row, row + 1], 'approved', ['2024-01-02', '']));
    assert.equal((desk.value('requests', row, 'approved') as Date).getTime(), approved.getTime());
    assert.match(desk.note('requests', row, 'approved'), RESTORED);
  });
});

describe.each(ROLES)('plan changes: %s pasting over their stamps', (_role, user) => {
  test('requested by / at come back from the record; a pending change’s decision time stays blank', () => {
    const desk = newDesk();
    const { taskRows } = executing(desk);
    const task = String(desk.value('tasks', taskRows[0], 'id'));
    const [change] = desk.as(OWNER, () =>
      desk.paste('planChanges', [{ task, newDue: '2099-03-01', reason: '供应商延期' }]),
    );
    const requestedAt = (desk.value('planChanges', change!, 'requestedAt') as Date).getTime();
    const requestedBy = desk.value('planChanges', change!, 'requestedBy');
    assert.equal(requestedBy, '张三');
    desk.as(user, () => {
      desk.pasteOver('planChanges', [change!, change! + 1], 'requestedAt', ['2020-01-01', '']);
      desk.pasteOver('planChanges', [change!, change! + 1], 'requestedBy', ['王五', '']);
      desk.pasteOver('planChanges', [change!, change! + 1], 'decidedAt', ['2020-01-02', '']);
    });
    assert.equal((desk.value('planChanges', change!, 'requestedAt') as Date).getTime(), requestedAt);
    assert.equal(desk.value('planChanges', change!, 'requestedBy'), requestedBy);
    assert.equal(desk.value('planChanges', change!, 'decidedAt'), '', 'undecided: no decision time');
    assert.match(desk.note('planChanges', change!, 'decidedAt'), RESTORED);
  });
});

describe.each(ROLES)('acceptance: %s pasting over the standard', (_role, user) => {
  test('the standard recorded when the acceptance was applied comes back', () => {
    const desk = newDesk();
    desk.setSetting('signOffAcceptance', 'coordinator');
    const { taskRows } = executing(desk);
    const task = String(desk.value('tasks', taskRows[0], 'id'));
    post(desk, task, '完成', 100, '无');
    assert.equal(desk.value('tasks', taskRows[0], 'status'), '待验收');
    const [entry] = desk.as(COORDINATOR, () =>
      desk.paste('acceptance', [{ task, result: '不通过', reason: '缺数据' }]),
    );
    const standard = desk.value('acceptance', entry!, 'standard');
    assert.equal(standard, '方案初稿经市场部评审通过');
    desk.as(user, () => desk.pasteOver('acceptance', [entry!, entry! + 1], 'standard', ['随便看看', '']));
    assert.equal(desk.value('acceptance', entry!, 'standard'), standard);
    assert.match(desk.note('acceptance', entry!, 'standard'), RESTORED);
  });
});

describe('where nothing tells what a ⚙ cell held', () => {
  test('a paste over a sign-off’s request time stays with a note, Validate names the cell until a coordinator confirms it', () => {
    const desk = newDesk();
    const { row } = desk.approvedRequest();
    const id = String(desk.value('requests', row, 'id'));
    desk.paste('tasks', [desk.taskRecord(id)]);
    desk.submitSplit(row);
    const signOffs = desk.sheet('signOffs');
    const first = 2;
    const last = signOffs.getLastRow();
    assert.ok(last >= first, 'the split opened a sign-off round');
    desk.as(OWNER, () => desk.pasteOver('signOffs', [first, last], 'requestedAt', ['2020-01-01']));
    assert.match(desk.note('signOffs', first, 'requestedAt'), /无法自动恢复/);

    desk.as(COORDINATOR, () => desk.project.call('validate_'));
    assert.match(
      desk.lastAlert(),
      new RegExp(`第 ${first} 行「发起时间」：张三 于 .* 在此格（⚙）粘贴了「2020-01-01」`),
    );
    assert.match(desk.note('signOffs', first, 'requestedAt'), /请协作总负责人核对，核对后粘贴正确的值即确认/);

    desk.as(COORDINATOR, () => desk.pasteOver('signOffs', [first, last], 'requestedAt', ['2020-01-03']));
    desk.as(COORDINATOR, () => desk.project.call('validate_'));
    assert.doesNotMatch(desk.lastAlert(), /发起时间/);
  });

  test('a request stamped before stamps were recorded: its submission time pasted over is named by Validate', () => {
    const desk = newDesk();
    const [row] = desk.paste('requests', [desk.requestRecord()]);
    // As an imported workbook has it: the stamp written without a record.
    const history = desk.sheet('changeHistory');
    history.deleteRows(2, history.getLastRow() - 1);
    desk.as(REQUESTER, () => desk.pasteOver('requests', [row!, row! + 1], 'submitted', ['2020-01-01', '']));
    assert.equal(desk.text('requests', row!, 'submitted').slice(0, 10), '2020-01-01', 'kept: nothing tells');
    desk.as(COORDINATOR, () => desk.project.call('validate_'));
    assert.match(desk.lastAlert(), /「提交时间」：李四 于 .* 在此格（⚙）粘贴了「2020-01-01」/);
  });
});

describe('en', () => {
  test('the note and the Validate report are in the workbook’s language', () => {
    const desk = new Desk('en');
    desk.fillDirectory();
    const {
      taskRows: [a],
    } = desk.executingRequest();
    desk.as(OWNER, () => desk.pasteOver('tasks', [a!, a! + 1], 'pct', [100, '']));
    assert.equal(desk.value('tasks', a!, 'pct'), '');
    assert.match(
      desk.note('tasks', a!, 'pct'),
      /% complete is computed.*the "100" entered by .* was restored to "\(empty\)"/s,
    );
    desk.as(OWNER, () => desk.pasteOver('signOffs', [2, 3], 'requestedAt', ['2020-01-01']));
    desk.as(COORDINATOR, () => desk.project.call('validate_'));
    assert.match(desk.lastAlert(), /Row 2, Requested at: 张三 pasted "2020-01-01" over this ⚙ cell at /);
  });
});
