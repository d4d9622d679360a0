import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runWorkbookCommand, type WorkbookRun } from '../../cli/workbook-commands';
import { parseNow } from '../../cli/args';
import { headerText, mapHeaders, SHEET_ORDER, sheetDef, sheetTitle, type SheetKey } from '../../src/domain/schema';
import { t } from '../../src/i18n/index';

const dir = mkdtempSync(join(tmpdir(), 'commands-'));

async function run(options: Partial<WorkbookRun> & Pick<WorkbookRun, 'command' | 'file'>) {
  const lines: string[] = [];
  const result = await runWorkbookCommand(
    { dryRun: false, out: join(dir, `${options.command}-out.xlsx`), ...options },
    (l) => lines.push(l),
  );
  return { ...result, lines };
}

async function read(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Appends a row by header, as a user filling in the sheet in Excel would. */
function addRow(workbook: ExcelJS.Workbook, key: SheetKey, fields: Record<string, string | Date>) {
  const sheet = workbook.getWorksheet(sheetTitle(key, 'zh-CN'))!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const columns = mapHeaders(sheetDef(key), headers) as Record<string, number>;
  // After the last row with values: rows below it may be formatted (dates, dropdowns) but are empty.
  let last = 1;
  sheet.eachRow((r, n) => (last = r.hasValues ? n : last));
  const row = sheet.getRow(last + 1);
  for (const [column, value] of Object.entries(fields)) row.getCell(columns[column]! + 1).value = value;
}

/** A blank workbook set up by the add-on through `collab-desk setup`, filled in, then saved. */
async function userWorkbook(): Promise<string> {
  const blank = join(dir, 'blank.xlsx');
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  await empty.xlsx.writeFile(blank);
  const setup = await run({ command: 'setup', file: blank, out: join(dir, 'set-up.xlsx') });
  assert.ok(setup.report.ok, setup.lines.join('\n'));
  const workbook = await read(join(dir, 'set-up.xlsx'));
  addRow(workbook, 'departments', { name: '市场部', head: 'li.na@example.com', sponsor: 'huang.wei@example.com' });
  addRow(workbook, 'people', { name: '张伟', email: 'zhang.wei@example.com', dept: '市场部' });
  addRow(workbook, 'people', { name: '李娜', email: 'li.na@example.com', dept: '市场部' });
  addRow(workbook, 'tasks', {
    id: 'RW202407001-01',
    name: '新品推广方案初稿撰写',
    dept: '市场部',
    owner: '张伟、李娜',
    start: new Date(Date.UTC(2024, 6, 6)),
    due: new Date(Date.UTC(2024, 6, 15)),
    status: '进行中',
    deliverable: '推广方案初稿',
  });
  const path = join(dir, 'user.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

test('setup on a blank workbook writes every Collab Desk sheet with its headers, dropdowns and row colours', async () => {
  await userWorkbook();
  const workbook = await read(join(dir, 'set-up.xlsx'));
  const names = workbook.worksheets.map((w) => w.name);
  for (const key of SHEET_ORDER) assert.ok(names.includes(sheetTitle(key, 'zh-CN')), `${key} in ${names.join(', ')}`);
  const tasks = workbook.getWorksheet(sheetTitle('tasks', 'zh-CN'))!;
  const owner = sheetDef('tasks').columns.find((c) => c.key === 'owner')!;
  assert.ok((tasks.getRow(1).values as unknown[]).includes(headerText(owner, 'zh-CN')));
  assert.equal(tasks.views[0]?.state, 'frozen');
  assert.ok(
    Object.keys((tasks as unknown as { dataValidations: { model: object } }).dataValidations.model).length > 0,
    'dropdowns',
  );
  assert.ok(
    ((tasks as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? []).length > 0,
    'row colours',
  );
});

test('validate lists a task with two primary owners and writes the flagged workbook', async () => {
  const file = await userWorkbook();
  const { report, lines, written } = await run({ command: 'validate', file, now: parseNow('2024-07-10T10:00') });
  assert.ok(report.ok, lines.join('\n'));
  assert.equal(report.route, 'menu');
  assert.notEqual(report.messages[0], t('zh-CN', 'wbValidateClean'));
  assert.match(report.messages.join('\n'), /张伟、李娜/);
  assert.deepEqual(written, [join(dir, 'validate-out.xlsx')]);
  const flagged = (await read(written[0]!)).getWorksheet(sheetTitle('tasks', 'zh-CN'))!;
  const columns = mapHeaders(sheetDef('tasks'), (flagged.getRow(1).values as unknown[]).slice(1)) as Record<
    string,
    number
  >;
  assert.ok(flagged.getRow(2).getCell(columns.owner! + 1).note, 'the owner cell carries a note');
});

test('--dry-run runs the command and reports, but writes no file', async () => {
  const file = await userWorkbook();
  const out = join(dir, 'dry.xlsx');
  const { report, lines, written } = await run({
    command: 'scan',
    file,
    now: parseNow('2024-07-20T09:00'),
    dryRun: true,
    out,
  });
  assert.ok(report.ok, lines.join('\n'));
  assert.deepEqual(written, []);
  assert.equal(existsSync(out), false);
  assert.match(lines.at(-1)!, /--dry-run: nothing written/);
});

test('tick at --now runs the hourly trigger: the task without a valid owner goes to its department head, saved as .eml', async () => {
  const file = await userWorkbook();
  const out = join(dir, 'ticked.xlsx');
  const { report, lines, written } = await run({ command: 'tick', file, now: parseNow('2024-07-22T09:00'), out });
  assert.ok(report.ok, lines.join('\n'));
  assert.equal(report.route, 'trigger');
  assert.equal(written[0], out);
  const mails = readdirSync(join(dir, 'ticked.outbox'));
  assert.ok(mails.length > 0 && mails.every((name) => name.endsWith('.eml')), mails.join(', '));
  assert.ok(
    lines.some((line) => /mail to .*li\.na@example\.com/.test(line)),
    lines.join('\n'),
  );
});

test("dashboard writes the refreshed dashboard and timeline of a team's own export as one page, and leaves the workbook", async () => {
  const file = await userWorkbook();
  const out = join(dir, 'user.dashboard.html');
  const { report, lines, written } = await run({ command: 'dashboard', file, now: parseNow('2024-07-22T09:00'), out });
  assert.ok(report.ok, lines.join('\n'));
  assert.deepEqual(written, [out]);
  assert.ok(
    lines.some((line) => line.includes('「时间线」已刷新：1 项任务。')),
    lines.join('\n'),
  );
  const page = readFileSync(out, 'utf8');
  // The overdue tile: the one task, due 7/15, is five working days late on Monday 7/22.
  assert.match(page, /<div class="tile" data-label="逾期" style="background:#f4c7c3"><div class="number">1<\/div>/);
  assert.match(
    page,
    /<td>RW202407001-01<\/td><td>新品推广方案初稿撰写<\/td><td>市场部<\/td><td>张伟、李娜<\/td><td>2024-07-15<\/td><td>5<\/td>/,
  );
  assert.ok(!page.includes('src="http') && !page.includes("src='http"), 'nothing is loaded from the network');
  assert.equal(existsSync(join(dir, 'dashboard-out.xlsx')), false, 'the workbook is not written');
});

/** What a sheet holds besides values: rule counts, validated cells, one cell's fill, hidden columns. */
function rulesOf(workbook: ExcelJS.Workbook, key: SheetKey) {
  const sheet = workbook.getWorksheet(sheetTitle(key, 'zh-CN'))!;
  const hidden: number[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getColumn(c).hidden) hidden.push(c);
  return {
    conditionalFormats: ((sheet as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [])
      .length,
    validatedCells: Object.keys((sheet as unknown as { dataValidations: { model: object } }).dataValidations.model)
      .length,
    hidden,
  };
}

test('a scan keeps the add-on’s row colours and validation, and the fill, hidden column and dropdown the user added', async () => {
  const file = await userWorkbook();
  const workbook = await read(file);
  const tasks = workbook.getWorksheet(sheetTitle('tasks', 'zh-CN'))!;
  tasks.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  const extra = tasks.columnCount + 1;
  tasks.getRow(1).getCell(extra).value = '优先级';
  tasks.getRow(2).getCell(extra).dataValidation = { type: 'list', formulae: ['"高,中,低"'], allowBlank: true };
  tasks.getColumn(extra).hidden = true;
  const edited = join(dir, 'edited.xlsx');
  await workbook.xlsx.writeFile(edited);
  const before = rulesOf(await read(edited), 'tasks');
  assert.ok(before.conditionalFormats >= 4 && before.validatedCells > 1000, JSON.stringify(before));

  const out = join(dir, 'scanned.xlsx');
  const { report, lines } = await run({ command: 'scan', file: edited, now: parseNow('2024-07-22T09:00'), out });
  assert.ok(report.ok, lines.join('\n'));
  const scanned = await read(out);
  assert.deepEqual(rulesOf(scanned, 'tasks'), before);
  const kept = scanned.getWorksheet(sheetTitle('tasks', 'zh-CN'))!;
  const fill = kept.getCell('A2').fill;
  assert.equal(fill?.type === 'pattern' && fill.fgColor?.argb, 'FFFFFF00');
  assert.deepEqual(kept.getRow(2).getCell(extra).dataValidation?.formulae, ['"高,中,低"']);
  for (const key of ['requests', 'progress', 'people'] as const) {
    assert.deepEqual(rulesOf(scanned, key), rulesOf(workbook, key), key);
  }
});
