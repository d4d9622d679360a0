import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { SHEET_ORDER, sheetDef, sheetTitle, headerText } from '../../src/domain/schema';
import { Desk, day } from './workflow-fixture';
import { columnLetter } from '../../src/gas/a1';
import { t } from '../../src/i18n/index';

test('setup in Chinese creates every sheet with Chinese titles, headers and a frozen header row', () => {
  const desk = new Desk('zh-CN');
  for (const key of SHEET_ORDER) {
    const sheet = desk.sheet(key);
    assert.deepEqual(
      desk.headers(key),
      sheetDef(key).columns.map((c) => headerText(c, 'zh-CN')),
      key,
    );
    assert.equal(sheet.getFrozenRows(), 1, key);
  }
  assert.match(desk.lastAnswer, /工作簿已就绪：新建 16 个工作表/);
  assert.ok(desk.ss.getSheetByName('看板'), 'setup makes the dashboard too (SPEC §5)');
});

test('setup in English creates English sheets and records the language in Settings', () => {
  const desk = new Desk('en');
  assert.deepEqual(desk.headers('tasks').slice(0, 3), ['Task ID ⚙', 'Task', 'Primary owner']);
  const settings = desk.sheet('settings').getDataRange().getValues();
  assert.ok(settings.some((row) => row[0] === 'Language' && row[1] === 'en'));
  assert.ok(settings.some((row) => row[0] === 'Stale after (working days)' && row[1] === 3));
  assert.match(desk.lastAnswer, /^Workbook ready: 16 sheets created/);
  assert.ok(desk.ss.getSheetByName('Dashboard'));
});

test('the language asked for wins over the spreadsheet locale', () => {
  const desk = new Desk('zh-CN', { setUp: false });
  assert.ok(desk.menuDialog('setupWorkbook_'));
  desk.press('English');
  assert.ok(desk.ss.getSheetByName('Tasks'));
  assert.equal(desk.ss.getSheetByName('任务分工'), null);
});

test('Settings in the menu opens the Settings sheet; before setup it says what is missing', () => {
  const desk = new Desk('en');
  desk.project.call('openSettings_');
  assert.equal(desk.ss.getActiveSheet().getName(), 'Settings');
  const blank = new Desk('en', { setUp: false });
  blank.project.call('openSettings_');
  assert.equal(blank.lastAlert(), 'There is no Settings sheet; run "Set up workbook" first.');
});

test('cancelling the language question changes nothing', () => {
  const desk = new Desk('zh-CN', { setUp: false });
  const before = desk.ss.getSheets().length;
  assert.ok(desk.menuDialog('setupWorkbook_'));
  assert.equal(desk.press('取消'), 'closed');
  assert.equal(desk.ss.getSheets().length, before);
});

test('Settings is filled with the defaults of SPEC §2.7', () => {
  const desk = new Desk('zh-CN');
  const rows = new Map(
    desk
      .sheet('settings')
      .getDataRange()
      .getValues()
      .map((row) => [row[0], row[1]]),
  );
  assert.equal(rows.get('语言'), 'zh-CN');
  assert.equal(rows.get('时区'), 'Asia/Shanghai');
  assert.equal(rows.get('未更新判定（工作日）'), 3);
  assert.equal(rows.get('即将到期提醒（工作日）'), 1);
});

test('a second setup moves and loses nothing the user entered', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const tasks = desk.sheet('tasks');
  // The user adds a column of their own, fills a row, writes a note and changes a setting.
  tasks.getRange(1, tasks.getLastColumn() + 1).setValue('我的列');
  const [row] = desk.paste('tasks', [{ name: '自己加的任务', owner: '张三', notes: '=1+1 不是公式' }]);
  tasks.getRange(row!, tasks.getLastColumn()).setValue('自留数据');
  const settings = desk.sheet('settings');
  const staleRow =
    settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === '未更新判定（工作日）') + 1;
  settings.getRange(staleRow, 2).setValue(5);
  const before = {
    sheets: desk.ss.getSheets().map((s) => s.getName()),
    tasks: tasks.getDataRange().getValues(),
    settings: settings.getDataRange().getValues(),
    rules: tasks.getConditionalFormatRules().length,
    protections: tasks.getProtections('RANGE' as never).length,
  };

  desk.setUp('zh-CN');

  assert.deepEqual(
    desk.ss.getSheets().map((s) => s.getName()),
    before.sheets,
  );
  assert.deepEqual(tasks.getDataRange().getValues(), before.tasks);
  assert.deepEqual(settings.getDataRange().getValues(), before.settings);
  assert.equal(tasks.getConditionalFormatRules().length, before.rules);
  assert.equal(tasks.getProtections('RANGE' as never).length, before.protections);
  assert.match(desk.lastAnswer, /新建 0 个工作表，沿用 16 个，补充 0 列/);
});

test('a column the user deleted comes back at the end; the other columns stay where the user put them', () => {
  const desk = new Desk('en');
  const tasks = desk.sheet('tasks');
  const riskColumn = desk.col('tasks', 'risk');
  tasks.deleteColumn(riskColumn);
  const [row] = desk.paste('tasks', [{ name: 'Kick-off deck', notes: 'keep me' }]);
  const headersBefore = desk.headers('tasks');

  desk.setUp('en');

  const headers = desk.headers('tasks');
  assert.deepEqual(headers.slice(0, headersBefore.length), headersBefore);
  assert.equal(headers.at(-1), 'Risk plan');
  assert.equal(desk.value('tasks', row!, 'notes'), 'keep me');
  assert.match(desk.lastAnswer, /1 columns added/);
});

test('an existing sheet whose headers match is adopted, not duplicated, and keeps its title and data', () => {
  const desk = new Desk('en', { setUp: false });
  const own = desk.ss.insertSheet('Q3 requests');
  own.getRange(1, 1, 2, 6).setValues([
    ['Notes of mine', 'Expected by', 'Title', 'Requester', 'Background & goal', 'Requesting dept'],
    ['x', new Date('2099-01-01T00:00:00Z'), 'Launch plan', 'zhang.san@example.com', 'Sales +30 %', '市场部'],
  ]);
  desk.setUp('en');
  assert.equal(desk.ss.getSheetByName('Requests'), null);
  const headers = own.getRange(1, 1, 1, own.getLastColumn()).getValues()[0]!;
  assert.deepEqual(headers.slice(0, 6), [
    'Notes of mine',
    'Expected by',
    'Title',
    'Requester',
    'Background & goal',
    'Requesting dept',
  ]);
  assert.ok(headers.includes('Request ID ⚙'));
  assert.equal(own.getRange(2, 3).getValue(), 'Launch plan');
  // Later operations find the adopted sheet too: Validate stamps the complete row with an ID.
  desk.fillDirectory();
  desk.project.call('validate_');
  const idColumn = headers.indexOf('Request ID ⚙') + 1;
  assert.match(String(own.getRange(2, idColumn).getValue()), /^XQ\d{9}$/);
});

test('a sheet titled in the other language is adopted by its title', () => {
  const desk = new Desk('zh-CN', { setUp: false });
  desk.ss.insertSheet('Tasks');
  desk.setUp('zh-CN');
  assert.equal(desk.ss.getSheetByName('任务分工'), null);
  assert.ok(desk.ss.getSheetByName('Tasks')!.getRange(1, 1).getValue());
});

test('the header row is protected with a warning only; ⚙ columns are protected as whole columns, blocking where only coordinators write', () => {
  const desk = new Desk('zh-CN');
  const tasks = desk.sheet('tasks');
  const columns = tasks
    .getProtections('RANGE' as never)
    .filter((p) => p.getDescription() !== t('zh-CN', 'wbHeaderProtection'))
    .map((p) => ({
      a1: p.getRange().getA1Notation(),
      warningOnly: p.isWarningOnly(),
      editors: p.isWarningOnly() ? [] : p.getEditors().map((user) => user.getEmail()),
    }));
  const letter = (column: string) => columnLetter(desk.col('tasks', column));
  const whole = (column: string) => tasks.getRange(`${letter(column)}:${letter(column)}`).getA1Notation();
  assert.deepEqual(
    columns.sort((x, y) => x.a1.localeCompare(y.a1)),
    [
      { a1: whole('id'), warningOnly: false, editors: ['coordinator@example.com'] },
      { a1: whole('baseline'), warningOnly: false, editors: ['coordinator@example.com'] },
      { a1: whole('pct'), warningOnly: true, editors: [] },
      { a1: whole('lastUpdate'), warningOnly: true, editors: [] },
      { a1: whole('health'), warningOnly: true, editors: [] },
      { a1: whole('progressSummary'), warningOnly: true, editors: [] },
      { a1: whole('delayReason'), warningOnly: true, editors: [] },
    ].sort((x, y) => x.a1.localeCompare(y.a1)),
  );
  for (const key of SHEET_ORDER) {
    const header = desk
      .sheet(key)
      .getProtections('RANGE' as never)
      .filter((p) => p.getDescription() === t('zh-CN', 'wbHeaderProtection'));
    assert.equal(header.length, 1, key);
    assert.equal(header[0]!.isWarningOnly(), true);
    assert.equal(
      header[0]!.getRange().getA1Notation(),
      desk.sheet(key).getRange(1, 1, 1, desk.sheet(key).getLastColumn()).getA1Notation(),
    );
  }
});

test('dropdowns come from Departments, People and the status lists, and only warn', () => {
  const desk = new Desk('zh-CN');
  const owner = desk.cell('tasks', 5, 'owner').getDataValidation()!;
  assert.equal(owner.getAllowInvalid(), true);
  const [peopleRange] = owner.getCriteriaValues() as [{ getSheet(): { getName(): string } }];
  assert.equal(peopleRange.getSheet().getName(), sheetTitle('people', 'zh-CN'));
  const dept = desk.cell('requests', 5, 'dept').getDataValidation()!;
  assert.equal((dept.getCriteriaValues()[0] as { getSheet(): { getName(): string } }).getSheet().getName(), '部门');
  const status = desk.cell('tasks', 5, 'status').getDataValidation()!;
  assert.deepEqual(status.getCriteriaValues()[0], ['未开始', '进行中', '阻塞', '待验收', '已完成', '已取消']);
  assert.ok(desk.cell('tasks', 5, 'due').getDataValidation());
  assert.equal(desk.cell('tasks', 5, 'pct').getDataValidation(), null, 'computed columns get no input rule');
});

test('task rows are coloured live from status, health and due date', () => {
  const desk = new Desk('zh-CN');
  const rows = desk.paste('tasks', [
    { name: 'done', status: '已完成', due: day(-3) },
    { name: 'overdue', status: '进行中', due: day(-3) },
    { name: 'blocked', status: '阻塞', due: day(20) },
    { name: 'lagging', status: '进行中', due: day(20) },
    { name: 'fine', status: '进行中', due: day(20) },
    { name: 'overdue by scan', status: '进行中', due: day(20) },
  ]);
  // Health as a scan writes it (a person's paste over this ⚙ column is restored by the guard).
  desk.cell('tasks', rows[3]!, 'health').setValue('滞后');
  desk.cell('tasks', rows[5]!, 'health').setValue('Overdue');
  // The Notes column: no validation highlight there, so only the row colour shows.
  const notes = desk.cell('tasks', 2, 'notes').getA1Notation().replace(/\d+$/, '');
  const colour = (row: number) => desk.ss.emuEffectiveBackground('任务分工', `${notes}${row}`);
  assert.deepEqual(rows.map(colour), ['#e0e0e0', '#f4cccc', '#e1d5f0', '#fff2cc', '#ffffff', '#f4cccc']);
  // Live: the same row turns grey the moment it is marked done, before any scan.
  desk.cell('tasks', rows[1]!, 'status').setValue('已完成');
  assert.equal(colour(rows[1]!), '#e0e0e0');
});

test('only a coordinator may set up once Settings lists coordinators', () => {
  const desk = new Desk('en', { activeUser: 'intruder@example.com' });
  const settings = desk.sheet('settings');
  const row =
    settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'Coordinators') + 1;
  assert.ok(row > 0);
  settings.getRange(row, 2).setValue('boss@example.com');
  const sheetsBefore = desk.ss.getSheets().length;
  desk.project.call('setupWorkbook_');
  assert.match(desk.lastAlert(), /Only a coordinator can do this.*intruder@example.com/s);
  assert.equal(desk.ss.getSheets().length, sheetsBefore);
});

test("the scan reads and writes a Tasks sheet adopted under the user's own title", () => {
  const desk = new Desk('en', { setUp: false });
  const own = desk.ss.insertSheet('Our work items');
  const columns = sheetDef('tasks').columns;
  const headers = columns.map((c) => headerText(c, 'en'));
  const task: Record<string, string> = {
    id: 'RW202407001-01',
    request: 'XQ202407001',
    name: 'Launch deck',
    dept: '市场部',
    owner: '张三',
    start: day(-10),
    due: day(-3),
    status: 'In progress',
    deliverable: 'Deck approved by the head',
  };
  own.getRange(1, 1, 2, columns.length).setValues([headers, columns.map((c) => task[c.key] ?? '')]);
  desk.setUp('en');
  assert.equal(desk.ss.getSheetByName('Tasks'), null);
  desk.fillDirectory();
  desk.project.call('runChecksNow_');
  const health =
    headers.indexOf(
      headerText(
        columns.find((c) => c.key === 'health')!,
        'en',
      ),
    ) + 1;
  assert.equal(own.getRange(2, health).getValue(), 'Overdue');
  assert.match(desk.lastAlert(), /1 task/i);
});
