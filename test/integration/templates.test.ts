/**
 * Templates (SPEC §2.14) on the built bundle, driven from the menu as a coordinator drives it:
 * setup ships five templates; Split from template fills an approved request's tasks on working
 * days (a holiday skipped, a 调休 make-up day worked) with the department heads or liaisons as
 * owners, then goes to sign-off; bad template rows are refused naming the row; Save as template
 * writes a finished request's split back as offsets and durations.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { SheetKey } from '../../src/domain/schema';
import { Desk, day, type Lang } from './workflow-fixture';
import { lastChoice } from '../support/dialogs';

/** 2024's National Day: 10/1–10/7 off, Sunday 9/29 and Saturday 10/12 worked instead (调休). */
const NATIONAL_DAY = { holidays: '2024-10-01~2024-10-07', swaps: '2024-09-29, 2024-10-12' };

/** Departments the shipped templates name beyond the fixture's: 设计部 has a liaison and no head. */
const MORE_DEPARTMENTS = [
  ['设计部', '', '赵六'],
  ['财务部', 'head.finance@example.com', ''],
  ['客户服务部', 'head.service-desk@example.com', ''],
] as const;

function fillMore(desk: Desk): void {
  desk.fillDirectory();
  desk.paste(
    'departments',
    MORE_DEPARTMENTS.map(([name, head, liaison]) => ({ name, head, liaison })),
  );
  desk.paste('people', [{ name: '赵六', email: 'zhao.liu@example.com', dept: '设计部' }]);
  desk.setSetting('holidays', NATIONAL_DAY.holidays);
  desk.setSetting('workdaySwaps', NATIONAL_DAY.swaps);
}

/** Every data row of a sheet as records of the given columns' display text. */
function rows(desk: Desk, key: SheetKey, columns: readonly string[]): Record<string, string>[] {
  const sheet = desk.sheet(key);
  const found: Record<string, string>[] = [];
  for (let row = 2; row <= sheet.getLastRow(); row++) {
    found.push(Object.fromEntries(columns.map((c) => [c, desk.text(key, row, c)])));
  }
  return found;
}

/** The 大型市场活动 template dated from Friday 2024-09-27, over the National Day holiday. */
const EVENT_DATES = [
  // w0 9/27 · w1 9/29 (调休 Sunday) · w2 9/30 · 10/1–10/7 off · w3 10/8 · w4 10/9
  ['活动策划方案', '2024-09-27', '2024-10-09'],
  // w5 10/10 · w6 10/11
  ['活动预算审批', '2024-10-10', '2024-10-11'],
  // w7 10/12 (调休 Saturday) · w8 10/14 · w9 10/15
  ['主视觉与物料设计', '2024-10-10', '2024-10-15'],
  ['客户邀约与报名', '2024-10-10', '2024-10-22'],
  ['现场执行与物料到位', '2024-10-23', '2024-10-24'],
  ['活动复盘与线索移交', '2024-10-25', '2024-10-29'],
];

/**
 * Runs the menu item on a request, answering its prompt and, when given, the submit dialog's
 * "submit for sign-off" or "change owners first" button; the dialog's question ('' when none was shown).
 */
function splitFromTemplate(desk: Desk, requestRow: number, answer: string, submit?: 'submit' | 'keep'): string {
  desk.select('requests', requestRow);
  desk.answer('OK', answer);
  if (!desk.menuDialog('splitFromTemplate_')) return '';
  const { data } = lastChoice(desk.project);
  const labels = data.buttons.map((button) => button.label);
  assert.deepEqual(
    labels,
    desk.lang === 'en'
      ? ['Submit for sign-off', 'Change owners first, submit later']
      : ['提交会签', '先修改负责人，稍后提交'],
  );
  if (submit) desk.press(labels[submit === 'submit' ? 0 : 1]!);
  return data.message;
}

describe('setup', () => {
  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    test(`${lang}: setup ships five templates, one per seed scenario, and sets them up again without duplicating`, () => {
      const desk = new Desk(lang);
      const names = () => [...new Set(rows(desk, 'templates', ['template']).map((r) => r.template))];
      const expected =
        lang === 'en'
          ? [
              'New product launch',
              'Large marketing event',
              'Cross-department process improvement',
              'Major customer issue',
              'Resource allocation and sharing',
            ]
          : ['新产品上市', '大型市场活动', '跨部门流程优化', '客户重大问题协同', '资源调配与共享'];
      assert.deepEqual(names(), expected);
      const count = desk.sheet('templates').getLastRow();
      desk.setUp(lang);
      assert.equal(desk.sheet('templates').getLastRow(), count);
    });
  }

  test('Validate does not report shipped rows naming departments the company lacks; a row given another unknown department it does', () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory(); // 市场部, 销售部, 售后部, 产品部: no 设计部, 财务部 or 客户服务部
    desk.project.call('validate_');
    assert.equal(desk.lastAlert(), '检查完成，没有发现问题。');
    const designRow = rows(desk, 'templates', ['task']).findIndex((r) => r.task === '包装与宣传物料设计') + 2;
    desk.edit('templates', designRow, 'dept', '美术部');
    desk.project.call('validate_');
    assert.match(desk.lastAlert(), new RegExp(`协作模板 · 第 ${designRow} 行「责任部门」：“美术部”不是已登记的部门`));
    // The split checks every row: 设计部 is unknown here, so 大型市场活动 is refused, naming the row.
    const { row } = desk.approvedRequest();
    splitFromTemplate(desk, row, '大型市场活动');
    assert.match(desk.lastAlert(), /模板“大型市场活动”有以下问题/);
    assert.match(desk.lastAlert(), /第 \d+ 行「责任部门」：“设计部”不是已登记的部门/);
    assert.equal(desk.sheet('tasks').getLastRow(), 1);
  });

  test('the shipped templates pass Validate in a workbook listing their departments', () => {
    const desk = new Desk('zh-CN');
    fillMore(desk);
    desk.project.call('validate_');
    assert.doesNotMatch(desk.lastAlert(), /协作模板|第 \d+ 行「(责任部门|开始偏移|工期|前置任务)/);
  });
});

describe('Split from template', () => {
  test('fills the tasks on working days over a holiday and two 调休 days, proposes heads or liaisons, and goes to sign-off', () => {
    const desk = new Desk('zh-CN');
    fillMore(desk);
    const { row, id } = desk.approvedRequest({ title: '2024 秋季客户大会' });
    const filled = splitFromTemplate(desk, row, '大型市场活动 2024-09-27', 'submit');

    const tasks = rows(desk, 'tasks', ['id', 'request', 'name', 'dept', 'owner', 'start', 'due', 'baseline', 'status']);
    assert.deepEqual(
      tasks.map((t) => [t.name, t.start, t.due]),
      EVENT_DATES,
    );
    assert.deepEqual(
      tasks.map((t) => [t.dept, t.owner]),
      [
        ['市场部', 'head.market@example.com'],
        ['财务部', 'head.finance@example.com'],
        ['设计部', '赵六'],
        ['销售部', 'head.sales@example.com'],
        ['市场部', 'head.market@example.com'],
        ['销售部', 'head.sales@example.com'],
      ],
    );
    assert.ok(tasks.every((t) => t.request === id && t.baseline === t.due && t.status === '未开始'));
    const ids = tasks.map((t) => t.id);
    assert.equal(ids[0], `RW${id.slice(2)}-01`);
    assert.equal(desk.text('tasks', 6, 'dependsOn'), [ids[2], ids[1], ids[3]].join('、'));

    assert.match(filled, /已按模板“大型市场活动”从 2024-09-27 起填入任务/);
    assert.match(filled, /主视觉与物料设计（设计部）：赵六/);
    assert.match(filled, /若要先在「任务分工」表中修改负责人，任务会保留在表中/);
    assert.match(desk.lastAnswer, /已提交会签/);
    assert.equal(desk.text('requests', row, 'status'), '待会签');
    const signers = rows(desk, 'signOffs', ['signer']).map((r) => r.signer);
    assert.ok(signers.includes('head.finance@example.com'));
  });

  test('en: "Change owners first" keeps the filled rows unsubmitted, for the coordinator to change owners first', () => {
    const desk = new Desk('en');
    desk.fillDirectory();
    const { row } = desk.approvedRequest();
    splitFromTemplate(desk, row, 'Large marketing event');
    // The shipped English template names English departments this directory lacks: refused, naming rows.
    assert.match(desk.lastAlert(), /Template "Large marketing event" has these problems; no task was created/);
    assert.match(desk.lastAlert(), /Row \d+, Responsible dept: "Marketing" is not a known department/);
    assert.equal(desk.sheet('tasks').getLastRow(), 1);

    desk.paste('templates', [
      { template: 'Launch', task: 'Plan', dept: '市场部', offset: 0, duration: 2, deliverable: 'Plan approved' },
      { template: 'Launch', task: 'Train', dept: '销售部', offset: 2, duration: 1, dependsOn: 'Plan' },
    ]);
    // Started after the request is expected by: the coordinator is told before deciding to submit.
    const filled = splitFromTemplate(desk, row, 'launch 2027-06-01', 'keep');
    assert.match(filled, /Filled in tasks .* from template "Launch", starting 2027-06-01/);
    assert.match(filled, new RegExp(`the last task is due 2027-06-03, after the request is expected by ${day(30)}`));
    assert.match(
      filled,
      /To change owners on the Tasks sheet first, the tasks stay there; submit them later with Split into tasks/,
    );
    assert.equal(desk.lastAnswer, '', 'the button only closed the dialog');
    assert.deepEqual(
      rows(desk, 'tasks', ['name', 'owner']).map((t) => [t.name, t.owner]),
      [
        ['Plan', 'head.market@example.com'],
        ['Train', 'head.sales@example.com'],
      ],
    );
    assert.equal(desk.text('requests', row, 'status'), 'Approved');
    // A second run on the same request would write the split twice: refused.
    splitFromTemplate(desk, row, 'Launch');
    assert.match(desk.lastAlert(), /already has 2 task rows; Split from template is for a request without tasks/);
    assert.equal(desk.sheet('tasks').getLastRow(), 3);
  });

  test('a start date that is not a date, or a template that does not exist, is refused before anything is written', () => {
    const desk = new Desk('zh-CN');
    fillMore(desk);
    const { row } = desk.approvedRequest();
    splitFromTemplate(desk, row, '大型市场活动 2024-13-45');
    assert.equal(desk.lastAlert(), '“2024-13-45”不是日期；开始日期请写成 yyyy-MM-dd，如 2024-09-02。');
    splitFromTemplate(desk, row, '年会');
    assert.match(desk.lastAlert(), /没有名为“年会”的模板；可用的模板：新产品上市、大型市场活动/);
    assert.equal(desk.sheet('tasks').getLastRow(), 1);
  });

  test('only a coordinator may split from a template', () => {
    const desk = new Desk('zh-CN');
    fillMore(desk);
    const { row } = desk.approvedRequest();
    desk.as('zhang.san@example.com', () => splitFromTemplate(desk, row, '大型市场活动'));
    assert.match(desk.lastAlert(), /只有协作总负责人可以执行此操作/);
    assert.equal(desk.sheet('tasks').getLastRow(), 1);
  });
});

describe('bad template rows', () => {
  test('an unknown department, a negative offset, a fractional duration, an unknown dependency and a cycle are each reported with their row', () => {
    const desk = new Desk('zh-CN');
    fillMore(desk);
    const [first] = desk.paste('templates', [
      { template: '坏模板', task: '甲', dept: '法务部', offset: 0, duration: 2, dependsOn: '丙' },
      { template: '坏模板', task: '乙', dept: '市场部', offset: -1, duration: 1.5, dependsOn: '甲' },
      { template: '坏模板', task: '丙', dept: '销售部', offset: 3, duration: 2, dependsOn: '乙、丁' },
    ]);
    const [a, b, c] = [first!, first! + 1, first! + 2];
    // Typed (pasted) rows are marked at once, before anyone runs Validate.
    assert.match(desk.note('templates', b, 'offset'), /“-1”不是有效的开始偏移/);
    desk.project.call('validate_');
    const report = desk.lastAlert();
    assert.match(report, new RegExp(`第 ${a} 行「责任部门」：“法务部”不是已登记的部门`));
    assert.match(report, new RegExp(`第 ${b} 行「开始偏移（工作日）」：“-1”不是有效的开始偏移`));
    assert.match(report, new RegExp(`第 ${b} 行「工期（工作日）」：“1.5”不是有效的工期`));
    assert.match(report, new RegExp(`第 ${c} 行「前置任务」：“丁”不是模板“坏模板”中的任务`));
    assert.match(report, new RegExp(`第 ${a} 行「前置任务」：前置任务形成循环：甲 → 丙 → 乙 → 甲`));
    assert.match(report, new RegExp(`第 ${c} 行「前置任务」：前置任务形成循环`));
    assert.match(desk.note('templates', a, 'dept'), /法务部/);

    const { row } = desk.approvedRequest();
    splitFromTemplate(desk, row, '坏模板');
    assert.match(desk.lastAlert(), /^模板“坏模板”有以下问题，未拆分任何任务：/);
    assert.match(desk.lastAlert(), new RegExp(`第 ${a} 行「责任部门」`));
    assert.equal(desk.sheet('tasks').getLastRow(), 1);
  });
});

describe('Save as template', () => {
  test("a finished request's split comes back as the offsets, durations and dependencies it was planned with", () => {
    const desk = new Desk('zh-CN');
    fillMore(desk);
    desk.setSetting('signOffSplit', 'coordinator');
    const { row, id } = desk.approvedRequest({ title: '2024 秋季客户大会' });
    splitFromTemplate(desk, row, '大型市场活动 2024-09-27', 'submit');
    assert.equal(desk.text('requests', row, 'status'), '执行中');

    desk.select('requests', row);
    desk.project.call('saveAsTemplate_');
    assert.match(desk.lastAlert(), /只有“已完成”的需求可以存为模板/);

    // Finished (the acceptance flow that gets it here is tested elsewhere).
    desk.cell('requests', row, 'status').setValue('已完成');
    const before = desk.sheet('templates').getLastRow();
    desk.select('requests', row);
    desk.answer('CANCEL');
    desk.project.call('saveAsTemplate_');
    assert.equal(desk.sheet('templates').getLastRow(), before);

    desk.select('requests', row);
    desk.answer('OK', '大型市场活动');
    desk.project.call('saveAsTemplate_');
    assert.equal(desk.lastAlert(), '已有名为“大型市场活动”的模板；请换一个名称。');

    desk.select('requests', row);
    desk.answer('OK', '秋季客户大会 / 市场活动');
    desk.project.call('saveAsTemplate_');
    assert.equal(desk.lastAlert(), `已把需求 ${id} 的 6 个任务存为模板“秋季客户大会”，见「协作模板」表。`);
    const all = rows(desk, 'templates', ['template', 'projectType', 'task', 'dept', 'offset', 'duration', 'dependsOn']);
    const shipped = all.filter((r) => r.template === '大型市场活动').map(({ template: _, projectType: __, ...r }) => r);
    const saved = all.filter((r) => r.template === '秋季客户大会');
    assert.ok(saved.every((r) => r.projectType === '市场活动'));
    assert.deepEqual(
      saved.map(({ template: _, projectType: __, ...r }) => r),
      shipped,
    );
  });
});
