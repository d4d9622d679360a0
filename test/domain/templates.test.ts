/**
 * Templates (SPEC §2.14) as pure rules: the validator names each bad row and field, the planner
 * dates tasks on the Settings calendar's working days, and a finished split drawn back into a
 * template plans to the same dates.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { civilDayFromKey, dayKeyOf, WorkCalendar } from '../../src/domain/calendar';
import type { Directory } from '../../src/domain/directory';
import { isShippedDepartment, shippedTemplateRows } from '../../src/domain/templateCatalogue';
import { planSplit, proposedOwner, templateFromTasks, type FinishedTask } from '../../src/domain/templatePlan';
import { readTemplates, type TemplateRow } from '../../src/domain/templates';
import { describeProblem, type RecordOf, type WorkflowEnv } from '../../src/domain/workflow';

const TZ = 'Asia/Shanghai';

const directory: Directory = {
  departments: [
    { name: '市场部', head: 'head.m@example.com', sponsor: '', liaison: '' },
    { name: '销售部', head: '', sponsor: '', liaison: '李四' },
    { name: '设计部', head: '', sponsor: '', liaison: '' },
    { name: '财务部', head: 'head.f@example.com', sponsor: '', liaison: '' },
    { name: '产品部', head: 'head.p@example.com', sponsor: '', liaison: '' },
    { name: '售后部', head: 'head.a@example.com', sponsor: '', liaison: '' },
    { name: '客户服务部', head: 'head.c@example.com', sponsor: '', liaison: '' },
  ],
  people: [{ name: '李四', email: 'li.si@example.com', dept: '销售部' }],
};

const env = (locale: 'zh-CN' | 'en' = 'zh-CN'): WorkflowEnv => ({
  now: new Date('2024-09-20T09:00:00+08:00'),
  timeZone: TZ,
  sheetTimeZone: TZ,
  directory,
  locale,
});

/** 2024's National Day: 10/1–10/7 off; Sunday 9/29 and Saturday 10/12 worked (调休). */
const calendar = new WorkCalendar({
  timeZone: TZ,
  workDays: [1, 2, 3, 4, 5],
  holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
  workdaySwaps: ['2024-09-29', '2024-10-12'],
  endOfDay: '18:00',
});

const day = (key: string) => civilDayFromKey(key)!;

/** Sheet rows from 2, as typed. */
function sheet(records: readonly RecordOf<'templates'>[]): TemplateRow[] {
  return records.map((record, i) => ({ row: i + 2, record }));
}

function said(rows: readonly TemplateRow[], locale: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  return readTemplates(rows, env(locale)).problems.map((p) => describeProblem(locale, p));
}

const row = (task: string, extra: Record<string, unknown> = {}) => ({
  template: '活动',
  task,
  dept: '市场部',
  offset: 0,
  duration: 1,
  ...extra,
});

describe('validator', () => {
  test('the shipped templates, five of them, have no problem in either language (given their departments)', () => {
    const zh = readTemplates(sheet(shippedTemplateRows('zh-CN')), env());
    assert.deepEqual(zh.problems, []);
    assert.equal(zh.templates.size, 5);
    assert.ok([...zh.templates.values()].every((t) => t.tasks.length >= 6 && !t.broken));
    const en = readTemplates(sheet(shippedTemplateRows('en')), env('en'));
    assert.equal(en.templates.size, 5);
    // English department names are not in this (Chinese) directory: every row says so, in English.
    assert.ok(en.problems.every((p) => p.field === 'dept' && p.message === 'wbUnknownDept'));
  });

  test('an unknown department, offsets and durations that are not whole working days, each on its row and field', () => {
    assert.deepEqual(
      said(
        sheet([
          row('甲', { dept: '法务部' }),
          row('乙', { offset: -2 }),
          row('丙', { duration: 0 }),
          row('丁', { offset: '1.5', duration: '三天' }),
          row('戊', { offset: '3', duration: '2' }),
        ]),
      ),
      [
        '第 2 行「责任部门」：“法务部”不是已登记的部门；请填写「部门」表中的部门：市场部、销售部、设计部、财务部、产品部、售后部、客户服务部。',
        '第 3 行「开始偏移（工作日）」：“-2”不是有效的开始偏移；请填写 0 或更大的整数（从拆分开始日算起的工作日数）。',
        '第 4 行「工期（工作日）」：“0”不是有效的工期；请填写 1 或更大的整数（工作日数，任务在最后一个工作日到期）。',
        '第 5 行「开始偏移（工作日）」：“1.5”不是有效的开始偏移；请填写 0 或更大的整数（从拆分开始日算起的工作日数）。',
        '第 5 行「工期（工作日）」：“三天”不是有效的工期；请填写 1 或更大的整数（工作日数，任务在最后一个工作日到期）。',
      ],
    );
  });

  test('a dependency on a task the template lacks, on itself, or a name used twice', () => {
    assert.deepEqual(said(sheet([row('甲', { dependsOn: '甲' }), row('乙', { dependsOn: '丙' }), row('乙')]), 'en'), [
      'Row 2, Depends on: A task cannot depend on itself.',
      'Row 3, Depends on: "丙" is not a task of template "活动"; name tasks of the same template: 甲, 乙.',
      'Row 4, Task: Task "乙" is already on row 3 of this template; task names within a template must differ.',
    ]);
  });

  test('a cycle is reported on every row on it, with the cycle in words; tasks off the cycle are not', () => {
    const rows = sheet([
      row('甲'),
      row('乙', { dependsOn: '甲、丁' }),
      row('丙', { dependsOn: '乙' }),
      row('丁', { dependsOn: '丙' }),
    ]);
    const catalogue = readTemplates(rows, env());
    assert.deepEqual(
      catalogue.problems.map((p) => [p.row, p.params?.cycle]),
      [
        [3, '乙 → 丁 → 丙 → 乙'],
        [4, '乙 → 丁 → 丙 → 乙'],
        [5, '乙 → 丁 → 丙 → 乙'],
      ],
    );
    assert.equal(catalogue.templates.get('活动')?.broken, true);
  });

  test("Validate's leniency: a shipped row's own department is not checked, any other department is", () => {
    const [shipped] = shippedTemplateRows('zh-CN').filter((r) => r.dept === '设计部');
    const lean: Directory = { ...directory, departments: directory.departments.filter((d) => d.name !== '设计部') };
    const leanEnv = { ...env(), directory: lean };
    const rows = sheet([
      { ...shipped!, dependsOn: [] },
      { ...shipped!, task: '新任务', dependsOn: [] },
    ]);
    assert.deepEqual(
      readTemplates(rows, leanEnv, { skipDepartment: isShippedDepartment }).problems.map((p) => [p.row, p.field]),
      [[3, 'dept']],
    );
    assert.deepEqual(
      readTemplates(rows, leanEnv).problems.map((p) => [p.row, p.field]),
      [
        [2, 'dept'],
        [3, 'dept'],
      ],
    );
  });

  test('a template is found by its name in any case; rows of other templates are not its problem', () => {
    const catalogue = readTemplates(
      sheet([
        { ...row('Plan'), template: 'Launch' },
        { ...row('Bad', { dept: '' }), template: 'Other' },
      ]),
      env('en'),
    );
    assert.equal(catalogue.templates.get('launch')?.broken, false);
    assert.equal(catalogue.templates.get('other')?.broken, true);
  });
});

describe('planner', () => {
  test('dates fall on working days: the National Day week is skipped and its 调休 Sunday and Saturday are worked', () => {
    const plan = planSplit(event(), day('2024-09-27'), calendar, directory);
    assert.deepEqual(
      plan.map((t) => [t.name, dayKeyOf(t.start), dayKeyOf(t.due)]),
      [
        ['活动策划方案', '2024-09-27', '2024-10-09'],
        ['活动预算审批', '2024-10-10', '2024-10-11'],
        ['主视觉与物料设计', '2024-10-10', '2024-10-15'],
        ['客户邀约与报名', '2024-10-10', '2024-10-22'],
        ['现场执行与物料到位', '2024-10-23', '2024-10-24'],
        ['活动复盘与线索移交', '2024-10-25', '2024-10-29'],
      ],
    );
    assert.deepEqual(plan[4]!.dependsOn, [2, 1, 3]);
  });

  test('a split started on a day off starts on the next working day', () => {
    const plan = planSplit(event(), day('2024-10-03'), calendar, directory);
    assert.equal(dayKeyOf(plan[0]!.start), '2024-10-08');
    assert.equal(dayKeyOf(plan[1]!.start), dayKeyOf(plan[2]!.start));
  });

  test('the owner proposed is the head, else the liaison as People resolves them, else nobody', () => {
    assert.equal(proposedOwner(directory, '市场部'), 'head.m@example.com');
    assert.equal(proposedOwner(directory, '销售部'), 'li.si@example.com');
    assert.equal(proposedOwner(directory, '设计部'), '');
    assert.equal(proposedOwner(directory, '法务部'), '');
  });
});

describe('saving a finished split', () => {
  test('offsets and durations counted back over the holiday plan to the same dates', () => {
    const plan = planSplit(event(), day('2024-09-27'), calendar, directory);
    const finished: FinishedTask[] = plan.map((t) => ({
      name: t.name,
      dept: t.dept,
      start: t.start,
      due: t.due,
      deliverable: t.deliverable,
      dependsOn: t.dependsOn.map((at) => plan[at]!.name),
    }));
    const rows = templateFromTasks(finished, calendar);
    assert.deepEqual(
      rows.map((r) => [r.task, r.offset, r.duration]),
      [
        ['活动策划方案', 0, 5],
        ['活动预算审批', 5, 2],
        ['主视觉与物料设计', 5, 5],
        ['客户邀约与报名', 5, 10],
        ['现场执行与物料到位', 15, 2],
        ['活动复盘与线索移交', 17, 3],
      ],
    );
  });

  test('a task without a start is one day long; the earliest start is day 0 even when it is a day off', () => {
    const rows = templateFromTasks(
      [
        { name: 'B', dept: '市场部', start: undefined, due: day('2024-10-09'), deliverable: '', dependsOn: ['A'] },
        { name: 'A', dept: '市场部', start: day('2024-10-05'), due: day('2024-10-08'), deliverable: '', dependsOn: [] },
      ],
      calendar,
    );
    assert.deepEqual(
      rows.map((r) => [r.task, r.offset, r.duration, r.dependsOn]),
      [
        ['A', 0, 1, []],
        ['B', 1, 1, ['A']],
      ],
    );
  });
});

/** The shipped 大型市场活动 template. */
function event() {
  return readTemplates(sheet(shippedTemplateRows('zh-CN')), env()).templates.get('大型市场活动')!;
}
