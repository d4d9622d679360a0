/**
 * The menus' dialogs on the built bundle (SPEC §4 "Menus ask with labelled buttons that say what
 * they do, never Yes/No standing for something else"): what each dialog offers, what each button
 * does through google.script.run, and that each answer checks its caller again, since any user
 * of the workbook can call a public server function. Chromium clicks the same pages in
 * test/browser/dialogs.test.ts.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { ActionResult } from '../../src/contract';
import { lastChoice, lastSplit, submitSplitForm } from '../support/dialogs';
import { Desk, day } from './workflow-fixture';

const INTRUDER = 'intruder@example.com';
const answerOf = (answer: ActionResult | 'closed' | undefined): ActionResult => {
  if (answer === undefined || answer === 'closed') throw new Error(`no server answer: ${String(answer)}`);
  return answer;
};

describe('Set up workbook', () => {
  test("asks the language with a button per language and Cancel, in the user's language, before any sheet is made", () => {
    const desk = new Desk('en', { setUp: false });
    const sheets = desk.ss.getSheets().length;
    assert.ok(desk.menuDialog('setupWorkbook_'));
    const { title, data } = lastChoice(desk.project);
    assert.equal(title, 'Set up workbook');
    assert.deepEqual(
      data.buttons.map((b) => b.label),
      ['中文', 'English', 'Cancel'],
    );
    assert.doesNotMatch(data.message, /Yes|No\b|是|否/, 'no Yes/No standing for a language');
    assert.equal(desk.ss.getSheets().length, sheets, 'showing the question wrote nothing');
    assert.match(answerOf(desk.press('中文')).message, /工作簿已就绪/);
    assert.ok(desk.ss.getSheetByName('任务分工'));
  });

  test('the language answer is refused to a non-coordinator and to a language not offered, naming what is allowed', () => {
    const desk = new Desk('zh-CN');
    const sheets = desk.ss.getSheets().map((s) => s.getName());
    const refused = desk.as(INTRUDER, () => desk.project.runFromSidebar('setupWorkbookIn', { locale: 'en' }));
    assert.match(answerOf(refused as ActionResult).message, /只有协作总负责人可以执行此操作/);
    const unknown = desk.project.runFromSidebar('setupWorkbookIn', { locale: 'fr' }) as ActionResult;
    assert.equal(unknown.ok, false);
    assert.match(unknown.message, /语言“fr”无效；可选：中文（zh-CN）、English（en）/);
    assert.deepEqual(
      desk.ss.getSheets().map((s) => s.getName()),
      sheets,
    );
  });
});

describe('Approve / return request', () => {
  test('offers Approve, Return for changes, Reject and Cancel; the lead department is asked only while unset', () => {
    const desk = new Desk('en');
    desk.fillDirectory();
    const [row] = desk.paste('requests', [desk.requestRecord()]);
    desk.select('requests', row!);
    assert.ok(desk.menuDialog('approveRequest_'));
    const { data } = lastChoice(desk.project);
    assert.deepEqual(
      data.buttons.map((b) => b.label),
      ['Approve', 'Return for changes', 'Reject', 'Cancel'],
    );
    assert.deepEqual(
      data.fields.map((f) => f.label),
      ['Lead department', 'Review notes'],
    );
    assert.deepEqual(
      data.fields[0]!.options!.map((o) => o.value),
      ['', '市场部', '销售部', '售后部', '产品部'],
    );
    assert.equal(desk.press('Cancel'), 'closed');
    assert.equal(desk.value('requests', row!, 'status'), 'Pending review');

    desk.review(row!, 'return', { notes: 'Add the budget breakdown' });
    assert.equal(desk.value('requests', row!, 'status'), 'Needs changes');
    desk.edit('requests', row!, 'lead', '市场部');
    desk.select('requests', row!);
    desk.menuDialog('approveRequest_');
    const again = lastChoice(desk.project).data;
    assert.deepEqual(
      again.fields.map((f) => [f.label, f.initial ?? '']),
      [['Review notes', 'Add the budget breakdown']],
      'the lead is set, so only the notes are asked, holding what was written',
    );
  });

  test('a title typed to break out of the page stays text in the dialog', () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    const title = '</script><img src=x onerror="alert(1)"><!--';
    const [row] = desk.paste('requests', [desk.requestRecord({ title })]);
    desk.select('requests', row!);
    desk.menuDialog('approveRequest_');
    const { html, data } = lastChoice(desk.project);
    assert.ok(!html.includes('<img'), 'no tag of the title reaches the page');
    assert.ok(data.message.includes(title), 'the page shows it as written, with textContent');
  });
});

describe('Split into tasks', () => {
  const task = (overrides: Record<string, string> = {}) => ({
    name: '新品推广方案初稿撰写',
    dept: '市场部',
    owner: '张三',
    start: day(1),
    due: day(7),
    deliverable: '方案初稿经市场部评审通过',
    ...overrides,
  });

  test("opens a form with the task columns, the lead preselected and each department's people to pick by name", () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    const { row, id } = desk.approvedRequest();
    desk.select('requests', row);
    assert.ok(desk.menuDialog('splitRequest_'));
    const { title, data } = lastSplit(desk.project);
    assert.equal(title, `拆分任务 · ${id}`);
    assert.equal(data.lead, '市场部');
    assert.deepEqual(Object.values(data.columns), [
      '任务名称',
      '责任部门',
      '第一责任人',
      '开始时间',
      '截止时间',
      '交付成果标准',
    ]);
    assert.deepEqual(data.departments.find((d) => d.name === '销售部')?.people, [{ value: '李四', label: '李四' }]);
    assert.deepEqual(
      [data.labels.addTask, data.labels.submit, data.labels.cancel],
      ['再添加一个任务', '提交会签', '取消'],
    );
    assert.equal(desk.sheet('tasks').getLastRow(), 1, 'no blank rows are added any more');
  });

  test('a wrong row is named field by field and nothing is written; a right split lands in one write and goes to sign-off', () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    const { row } = desk.approvedRequest();
    desk.select('requests', row);
    desk.menuDialog('splitRequest_');
    const wrong = submitSplitForm(desk.project, [
      task(),
      task({ name: '销售培训材料制作', dept: '销售部', due: '', deliverable: '' }),
    ]);
    assert.equal(wrong.ok, false);
    assert.ok(!wrong.ok && wrong.errors['1.due'] && wrong.errors['1.deliverable'], JSON.stringify(wrong));
    assert.ok(!wrong.ok && !('0.name' in wrong.errors), 'the good row has no error');
    assert.match(wrong.message, /任务 2 · 「截止时间」：必填/);
    assert.equal(desk.sheet('tasks').getLastRow(), 1, 'nothing half-written');

    const writes = desk.calls.count('Sheets.Spreadsheets.Values.batchUpdate');
    const right = submitSplitForm(desk.project, [
      task(),
      task({ name: '销售培训材料制作', dept: '销售部', owner: '李四' }),
    ]);
    assert.ok(right.ok, right.message);
    assert.equal(
      desk.calls.count('Sheets.Spreadsheets.Values.batchUpdate') - writes,
      1,
      'the rows and the sign-off in one write',
    );
    assert.deepEqual(
      [2, 3].map((r) => [desk.value('tasks', r, 'name'), desk.value('tasks', r, 'owner')]),
      [
        ['新品推广方案初稿撰写', '张三'],
        ['销售培训材料制作', '李四'],
      ],
    );
    assert.equal(desk.value('requests', row, 'status'), '待会签');
    assert.match(right.message, /已提交会签/);
  });

  test('task rows already on the sheet are listed and sent for sign-off with no new row; only a coordinator may send them', () => {
    const desk = new Desk('en');
    desk.fillDirectory();
    const { row, id } = desk.approvedRequest();
    desk.paste('tasks', [desk.taskRecord(id)]);
    desk.select('requests', row);
    desk.menuDialog('splitRequest_');
    const { data } = lastSplit(desk.project);
    assert.equal(data.existing.length, 1);
    assert.match(data.existing[0]!, new RegExp(`^RW${id.slice(2)}-01 · 新品推广方案初稿撰写 · 市场部 · 张三 · `));
    assert.match(data.intro, /The 1 tasks already on the Tasks sheet are submitted with them/);

    const refused = desk.as(INTRUDER, () =>
      desk.project.runFromSidebar('submitSplitForSignOff', { requestId: id }),
    ) as ActionResult;
    assert.match(refused.message, /Only a coordinator can do this/);
    assert.equal(desk.value('requests', row, 'status'), 'Approved');

    const sent = submitSplitForm(desk.project, []);
    assert.ok(sent.ok, sent.message);
    assert.equal(desk.value('requests', row, 'status'), 'Awaiting sign-off');
  });

  test('a request that is not approved is refused before the form opens', () => {
    const desk = new Desk('en');
    desk.fillDirectory();
    const [row] = desk.paste('requests', [desk.requestRecord()]);
    desk.select('requests', row!);
    assert.equal(desk.menuDialog('splitRequest_'), false);
    assert.match(desk.lastAlert(), /is "Pending review"; this only works for: Approved/);
  });
});
