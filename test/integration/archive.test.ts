import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ReportDesk } from './reports-fixture';

const ids = (
  desk: ReportDesk,
  key: 'requests' | 'tasks' | 'progress' | 'communications' | 'acceptance',
  column: string,
) => {
  const sheet = desk.sheet(key);
  return sheet
    .getRange(2, desk.col(key, column), sheet.getLastRow(), 1)
    .getValues()
    .map((row) => String(row[0]));
};

test('a request done for more than 30 days moves with its rows into a protected 归档 2024; rows it shares with a live request stay', () => {
  const desk = new ReportDesk('zh-CN').example();
  // The dashboard is live: its figures follow the moved rows, so it is left out of "untouched".
  const untouched = desk.snapshot(['需求申请', '任务分工', '进度跟踪', '沟通记录', '成果验收', '看板']);
  // A colleague's note on a task that stays: deleting the archived rows moves it with its row.
  desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202407001-02'), 'name').setNote('培训前再确认一次');
  const before = desk.calls.count('Range.setValues');
  const cellsBefore = desk.sheet('tasks').getMaxRows();
  desk.project.call('archiveCompleted_');
  assert.equal(desk.lastAlert(), '已归档 1 个需求，连同任务 2 行、进度 2 行、沟通 2 行、验收 3 行，移入：归档 2024。');
  // One append to the archive; the kept rows are not rewritten, the archived ones are deleted.
  assert.equal(desk.calls.count('Range.setValues') - before, 1);
  assert.equal(desk.sheet('tasks').getMaxRows(), cellsBefore - 2, 'the moved rows free their cells');
  assert.equal(desk.note('tasks', desk.rowOf('tasks', 'id', 'RW202407001-02'), 'name'), '培训前再确认一次');

  assert.deepEqual(ids(desk, 'requests', 'id').filter(Boolean), ['XQ202407001', 'XQ202407002']);
  assert.deepEqual(ids(desk, 'tasks', 'id').filter(Boolean), [
    'RW202407001-01',
    'RW202407001-02',
    'RW202407001-03',
    'RW202407001-04',
  ]);
  assert.equal(desk.sheet('tasks').getLastRow(), 5, 'no gap where the archived rows were');
  assert.deepEqual(ids(desk, 'progress', 'task').filter(Boolean), [
    'RW202407001-03',
    'RW202407001-01',
    'RW202407001-02',
  ]);
  assert.deepEqual(ids(desk, 'communications', 'topic').filter(Boolean), ['方案评审', '经验分享']);
  assert.deepEqual(ids(desk, 'acceptance', 'task').filter(Boolean), ['RW202407001-01']);
  // A moved-up row keeps all its cells, dates included.
  const row = desk.rowOf('tasks', 'id', 'RW202407001-02');
  assert.equal(desk.value('tasks', row, 'name'), '销售培训材料<制作>');
  assert.deepEqual(desk.value('tasks', row, 'due'), new Date('2024-07-10T00:00:00+08:00'));
  assert.deepEqual(
    desk.snapshot(['需求申请', '任务分工', '进度跟踪', '沟通记录', '成果验收', '看板', '归档 2024']),
    untouched,
  );

  const archive = desk.ss.getSheetByName('归档 2024')!;
  const lines = archive.getDataRange().getValues();
  assert.deepEqual(lines[0]?.slice(0, 5), ['来源表', '需求编号', '归档时间', '需求编号 ⚙', '需求名称']);
  assert.deepEqual(lines[1]?.slice(0, 5), [
    '需求申请',
    'XQ202406001',
    desk.project.emulator.clock.now(),
    'XQ202406001',
    '售后响应手册',
  ]);
  assert.ok(lines[1]?.includes('已归档'), 'the archived copy of the request reads 已归档');
  // A line per request, task and meeting: a task's progress and acceptances fold into its line.
  const bySource = (title: string) => lines.filter((l) => l[0] === title && l[1] === 'XQ202406001').length;
  assert.deepEqual(['需求申请', '任务分工', '进度跟踪', '沟通记录', '成果验收'].map(bySource), [1, 2, 0, 2, 0]);
  const taskHeader = lines.find((l) => l[3] === '任务编号 ⚙')!;
  const task = lines.find((l) => l[3] === 'RW202406001-01')!;
  const folded = (title: string) => String(task[taskHeader.indexOf(title)]).split('\n');
  assert.deepEqual(folded('进度跟踪'), [
    '[1] 当前进度: 初稿完成 60% | 完成百分比: 60% | 滞后原因: 等待客户服务部反馈 | 解决措施/新节点: 6/5 前定稿 | 更新日期 ⚙: 2024-05-30 17:00:00 | 更新人 ⚙: 王五',
  ]);
  assert.deepEqual(
    folded('成果验收').map((entry) => entry.replace(/ \| 验收标准.*/, '')),
    ['[1] 成果名称: 售后响应手册 v1 | 协作项目: XQ202406001', '[2] 成果名称: 售后响应手册 v2 | 协作项目: XQ202406001'],
  );
  assert.match(folded('成果验收')[0]!, /验收结果: 不通过 \| 不通过原因: 缺少 48 小时处理时限/);
  assert.deepEqual(
    archive.getDataRange().getValues().length,
    8,
    'header, request, header, 2 tasks, header, 2 meetings',
  );
  const [protection] = archive.getProtections('SHEET');
  assert.ok(protection);
  assert.match(protection.getDescription(), /归档/);

  // Running again finds nothing: the archive keeps what it has.
  const archived = archive.getDataRange().getValues();
  desk.project.call('archiveCompleted_');
  assert.equal(desk.lastAlert(), '没有需要归档的需求（已完成超过 30 天的需求）。');
  assert.deepEqual(archive.getDataRange().getValues(), archived);
});

test('archiveAfterDays from Settings decides what is old enough; English workbooks get "Archive YYYY"', () => {
  const desk = new ReportDesk('en').example();
  desk.setting('archiveAfterDays', 60);
  desk.project.call('archiveCompleted_');
  assert.equal(desk.lastAlert(), 'Nothing to archive (no request finished more than 60 days ago).');
  // Closed 2024-06-05 16:00, now 2024-07-12 15:00: 36 days and 23 hours.
  desk.setting('archiveAfterDays', 37);
  desk.project.call('archiveCompleted_');
  assert.match(desk.lastAlert(), /^Nothing to archive/);
  desk.setting('archiveAfterDays', 36);
  desk.project.call('archiveCompleted_');
  assert.match(
    desk.lastAlert(),
    /^Archived 1 requests with 2 task, 2 progress, 2 communication and 3 acceptance rows into: Archive 2024\.$/,
  );
  const lines = desk.ss.getSheetByName('Archive 2024')!.getDataRange().getValues();
  assert.equal(lines[0]?.[0], 'Source sheet');
  const taskHeader = lines.find((l) => l[3] === 'Task ID ⚙')!;
  assert.deepEqual(taskHeader.slice(-2), ['Progress', 'Acceptance']);
  const task = lines.find((l) => l[3] === 'RW202406001-02')!;
  assert.match(String(task.at(-2)), /^\[1\] Progress summary: /);
});

test('only a coordinator may archive', () => {
  const desk = new ReportDesk('zh-CN', { activeUser: 'li.si@example.com' }).example();
  desk.setting('coordinators', 'pmo@example.com');
  const before = desk.snapshot();
  desk.project.call('archiveCompleted_');
  assert.match(desk.lastAlert(), /只有协作总负责人可以执行此操作/);
  assert.deepEqual(desk.snapshot(), before);
});

test('a task whose progress passes a cell’s 50,000 characters continues on the next line, nothing cut off', () => {
  const desk = new ReportDesk('zh-CN').example();
  const long = (n: number) => `${n}`.repeat(20_000);
  desk.put(
    'progress',
    [1, 2, 3].map((n) => ({
      task: 'RW202406001-02',
      summary: long(n),
      pct: 1,
      updatedAt: new Date('2024-05-30T04:00:00Z'),
    })),
  );
  desk.project.call('archiveCompleted_');
  assert.match(desk.lastAlert(), /进度 5 行/);
  const lines = desk.ss.getSheetByName('归档 2024')!.getDataRange().getValues();
  const taskHeader = lines.find((l) => l[3] === '任务编号 ⚙')!;
  const progress = taskHeader.indexOf('进度跟踪');
  const taskLines = lines.filter((l) => l[0] === '任务分工' && l[3] === 'RW202406001-02');
  assert.equal(taskLines.length, 2, 'the task line and one continuation');
  assert.equal(taskLines[1]![taskHeader.indexOf('任务名称')], '', 'a continuation line names the task only');
  const cells = taskLines.map((l) => String(l[progress]));
  assert.ok(cells.every((cell) => cell.length <= 50_000));
  const entries = cells.join('\n').split('\n');
  assert.deepEqual(
    entries.map((entry) => entry.slice(0, 3)),
    ['[1]', '[2]', '[3]', '[4]'],
  );
  for (const n of [1, 2, 3]) assert.ok(entries[n]!.includes(`当前进度: ${long(n)} |`));
});

test('a run stopped after the archive was written and before the rows left appends nothing twice when run again', () => {
  const desk = new ReportDesk('zh-CN').example();
  // The run's first row deletion, once the archive's lines are written: trimming the new archive
  // sheet to its content, before any row leaves its sheet.
  const fault = desk.project.emulator.faults.failOn({
    method: 'Sheet.deleteRows',
    onCall: 1,
    error: 'Service unavailable: Try again later.',
  });
  assert.throws(() => desk.project.call('archiveCompleted_'), /Service unavailable/);
  assert.equal(fault.fired, 1);
  const archive = desk.ss.getSheetByName('归档 2024')!;
  const written = archive.getDataRange().getValues();
  assert.equal(written.length, 8);
  assert.ok(ids(desk, 'tasks', 'request').includes('XQ202406001'), 'the archived rows have not left');
  assert.ok(ids(desk, 'progress', 'task').some((id) => id.startsWith('RW202406001')));
  desk.project.call('archiveCompleted_');
  assert.match(desk.lastAlert(), /^已归档 1 个需求/);
  assert.deepEqual(archive.getDataRange().getValues(), written);
  assert.deepEqual(
    ids(desk, 'tasks', 'request').filter((id) => id === 'XQ202406001'),
    [],
  );
  assert.deepEqual(
    ids(desk, 'progress', 'task').filter((id) => id.startsWith('RW202406001')),
    [],
  );
});

test('a cell typed beside the headers moves with its row: on the task’s line, and inside a folded progress entry', () => {
  const desk = new ReportDesk('zh-CN').example();
  const beside = (key: 'tasks' | 'progress', row: number, text: string) => {
    const sheet = desk.sheet(key);
    sheet.getRange(row, sheet.getLastColumn() + 1).setValue(text);
  };
  beside('tasks', desk.rowOf('tasks', 'id', 'RW202406001-02'), '旁注：培训改线上');
  beside('progress', desk.rowOf('progress', 'summary', '培训完成'), '旁注：签到 32 人');
  desk.project.call('archiveCompleted_');
  const lines = desk.ss.getSheetByName('归档 2024')!.getDataRange().getValues();
  const taskHeader = lines.find((l) => l[3] === '任务编号 ⚙')!;
  const task = lines.find((l) => l[0] === '任务分工' && l[3] === 'RW202406001-02')!;
  assert.ok(task.includes('旁注：培训改线上'));
  assert.match(String(task[taskHeader.indexOf('进度跟踪')]), /\| [A-Z]+: 旁注：签到 32 人$/);
});
