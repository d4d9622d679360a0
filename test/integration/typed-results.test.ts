/**
 * Smaller wrong results of "Nothing typed is lost" (SPEC §2.3, §3.1, §3.4): what was typed is read
 * the way the user meant it, or refused with a note that says why and what is allowed.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day, type Lang } from './workflow-fixture';
import { ReportDesk, at } from './reports-fixture';

type SidebarResult = { ok: boolean; message: string; errors: Record<string, string> };

function deskWithTasks(lang: Lang, tasks: Record<string, unknown>[]) {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const { id, taskRows: rows } = desk.executingRequest(tasks);
  return { desk, requestId: id, rows, ids: rows.map((row) => String(desk.value('tasks', row, 'id'))) };
}

function postFromSidebar(desk: Desk, task: string, pct: string): SidebarResult {
  return desk.project.runFromSidebar('submitSidebarForm', 'progress', {
    task,
    summary: 'draft',
    pct,
    delayReason: 'none',
  }) as SidebarResult;
}

test('"100%" typed into Progress is 100 %, and a % that cannot be read as meant gets a note saying what to type', () => {
  const { desk, rows, ids } = deskWithTasks('zh-CN', [{}]);
  const [taskRow] = rows;
  const [typed] = desk.paste('progress', [{ task: ids[0], summary: '完成', pct: '100%', delayReason: '无' }]);
  assert.equal(desk.note('progress', typed!, 'pct'), '');
  assert.equal(desk.value('tasks', taskRow!, 'pct'), 100);
  assert.equal(desk.value('tasks', taskRow!, 'status'), '待验收');

  // A cell formatted as a plain number (an older setup) keeps that format: "100%" shows as 1.
  const progress = desk.sheet('progress');
  const next = progress.getLastRow() + 1;
  progress.getRange(next, desk.col('progress', 'pct'), 2, 1).setNumberFormat('0');
  // A cell formatted as a percent shows a typed 50 as 5000%.
  progress.getRange(next + 2, desk.col('progress', 'pct')).setNumberFormat('0%');
  const [plainOne, plainHalf, percentFifty] = desk.paste('progress', [
    { task: ids[0], summary: '完成', pct: '100%', delayReason: '无' },
    { task: ids[0], summary: '一半', pct: '50%', delayReason: '无', note: '返工' },
    { task: ids[0], summary: '一半', pct: 50, delayReason: '无', note: '返工' },
  ]);
  assert.match(desk.note('progress', plainOne!, 'pct'), /“1”可能是 1%.*已完成请填 100，1% 请填“1%”/);
  assert.equal(desk.value('progress', plainOne!, 'updatedAt'), '');
  assert.equal(desk.note('progress', plainHalf!, 'pct'), '', '0.5 in a plain cell can only be a typed "50%"');
  assert.match(desk.note('progress', percentFifty!, 'pct'), /填入的 50 显示为 5000%，超出 0% 到 100%；请改填“50%”/);
  assert.equal(desk.value('tasks', taskRow!, 'pct'), 50);

  desk.project.call('validate_');
  assert.match(desk.lastAlert(), new RegExp(`进度跟踪 · 第 ${plainOne} 行「完成百分比」：“1”可能是 1%`));
});

test('progress on a done or cancelled task is refused: a note on the row in the sheet, a field error in the sidebar', () => {
  const { desk, rows, ids } = deskWithTasks('zh-CN', [{ status: '已取消' }, { status: '已完成' }]);
  const [cancelledRow, doneRow] = rows;
  const [typed] = desk.paste('progress', [{ task: ids[0], summary: '继续', pct: 60, delayReason: '无' }]);
  assert.match(
    desk.note('progress', typed!, 'task'),
    new RegExp(`任务 ${ids[0]} 当前为“已取消”；此操作只适用于：未开始、进行中`),
  );
  assert.equal(desk.value('progress', typed!, 'updatedAt'), '');
  assert.equal(desk.value('tasks', cancelledRow!, 'pct'), '');
  assert.equal(desk.value('tasks', cancelledRow!, 'status'), '已取消');

  const refused = postFromSidebar(desk, ids[1]!, '80');
  assert.equal(refused.ok, false);
  assert.match(refused.errors['task'] ?? '', new RegExp(`任务 ${ids[1]} 当前为“已完成”`));
  assert.equal(desk.value('tasks', doneRow!, 'pct'), '');

  const en = deskWithTasks('en', [{ status: 'Done' }]);
  const answer = postFromSidebar(en.desk, en.ids[0]!, '80');
  assert.match(
    answer.errors['task'] ?? '',
    new RegExp(`Task ${en.ids[0]} is "Done"; this only works for: Not started`),
  );
});

test('a copied request ID is flagged on both rows like a duplicated task ID, and Validate lists it', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [a, b] = desk.paste('requests', [desk.requestRecord(), desk.requestRecord({ title: '售后响应手册' })]);
  const copied = String(desk.value('requests', a!, 'id'));
  desk.copyRow('requests', a!, b!);
  for (const row of [a, b])
    assert.match(desk.note('requests', row!, 'id'), new RegExp(`需求编号 ${copied} 重复出现在第 ${a}, ${b} 行`));
  desk.project.call('validate_');
  assert.match(desk.lastAlert(), new RegExp(`需求申请 · 第 ${b} 行「需求编号」：需求编号 ${copied} 重复出现`));
});

test('sidebar progress on a task ID two rows hold is refused, naming the rows, and moves neither', () => {
  const { desk, rows, ids } = deskWithTasks('en', [{}, { name: 'Sales training' }]);
  const [a, b] = rows;
  desk.copyRow('tasks', a!, b!);
  const refused = postFromSidebar(desk, ids[0]!, '30');
  assert.equal(refused.ok, false);
  assert.match(
    refused.errors['task'] ?? '',
    new RegExp(`Task ID ${ids[0]} appears more than once in Tasks \\(rows ${a}, ${b}\\)`),
  );
  assert.equal(desk.value('tasks', a!, 'pct'), '');
  assert.equal(desk.value('tasks', b!, 'pct'), '');
  assert.equal(desk.sheet('progress').getLastRow(), 1, 'nothing posted');
});

test('with a Settings time zone west of the spreadsheet’s, a due date typed as a date stays that day', () => {
  const desk = new ReportDesk('en');
  desk.setting('timeZone', 'Europe/London');
  desk.put('requests', [
    {
      id: 'XQ202407001',
      title: 'Launch',
      dept: '市场部',
      requester: '张三',
      goal: 'Sales +30 %',
      lead: '市场部',
      status: 'Approved',
      expected: at('2024-08-20T00:00'),
      submitted: at('2024-07-01T10:00'),
    },
  ]);
  // Typed as dates in the Shanghai spreadsheet: midnight there, 17:00 the day before in London.
  desk.put('tasks', [
    {
      id: 'RW202407001-01',
      request: 'XQ202407001',
      name: 'Sales training',
      dept: '销售部',
      owner: '李四',
      start: at('2024-07-08T00:00'),
      due: at('2024-07-15T00:00'),
      deliverable: 'Passes the test',
      status: 'In progress',
    },
  ]);
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  const dueNextWeek = desk.section('Weekly 2024-W28', 'Due next week');
  assert.deepEqual(
    dueNextWeek.slice(1).map((row) => [row[0], row[3]]),
    [['Sales training (RW202407001-01)', '2024-07-15']],
  );
});

test('regenerating a week’s summary in the other language replaces that week’s sheet', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  desk.setting('locale', 'en');
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  const summaries = desk.ss
    .getSheets()
    .map((sheet) => sheet.getName())
    .filter((name) => name.endsWith('2024-W28'));
  assert.deepEqual(summaries, ['Weekly 2024-W28']);
  assert.equal(desk.values('Weekly 2024-W28')[0]?.[0], 'Weekly 2024-W28');
});

test('re-importing a fixed department list imports the fixed rows and skips, reporting, the ones already imported', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const source = desk.ss.insertSheet('销售部任务');
  const list = [
    ['截止日期', '负责人', '任务', '交付标准'],
    [day(10), '李四', '销售培训材料制作', '通过内部测试'],
    [day(12), '李四、王五', '渠道铺货执行', '30 个城市'],
  ];
  source.getRange(1, 1, list.length, 4).setValues(list as never);
  source.emuSelect('A1');
  desk.answer('OK', id);
  desk.project.call('importSheet_');
  assert.equal(desk.sheet('tasks').getLastRow(), 2);

  source.getRange(3, 2).setValue('李四');
  desk.answer('OK', id);
  desk.project.call('importSheet_');
  assert.match(desk.lastAlert(), new RegExp(`已导入 1 个任务：RW${id.slice(2)}-02`));
  assert.match(desk.lastAlert(), /1 行已在该需求的任务中（任务名称与责任部门相同），未重复导入：原表第 2 行/);
  assert.deepEqual(
    desk
      .sheet('tasks')
      .getRange(2, desk.col('tasks', 'name'), 2, 1)
      .getValues()
      .map((row) => row[0]),
    ['销售培训材料制作', '渠道铺货执行'],
  );

  const en = new Desk('en');
  en.fillDirectory();
  const request = en.approvedRequest().id;
  const sales = en.ss.insertSheet('Sales list');
  sales.getRange(1, 1, 2, 3).setValues([
    ['Task', 'Owner', 'Due'],
    ['Training deck', '李四', day(5)],
  ] as never);
  sales.emuSelect('A1');
  en.answer('OK', request);
  en.project.call('importSheet_');
  en.answer('OK', request);
  en.project.call('importSheet_');
  assert.match(en.lastAlert(), /Imported 0 tasks/);
  assert.match(
    en.lastAlert(),
    /1 rows already present among the request’s tasks \(same task and department\), skipped: source rows 2/,
  );
  assert.equal(en.sheet('tasks').getLastRow(), 2);
});
