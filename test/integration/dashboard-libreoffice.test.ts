/**
 * SPEC §2.8, §2.7: the dashboard's working days late honour holidays and 调休 make-up workdays
 * exactly as the scan counts them, in Sheets (the emulator's engine) and in the exported workbook
 * opened by LibreOffice, which evaluates the formulas itself (their cached results are removed):
 * every visible figure (tiles, open requests, departments, the most overdue, the months) reads the
 * same in both engines. TODAY() is the real date in LibreOffice, so the week is built around the
 * real today.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../emulator/xlsx';
import { civilDayFromKey, dayKeyOf, isoWeekdayOf, WorkCalendar } from '../../src/domain/calendar';
import { HELPER_COLUMN, VISIBLE_WIDTH } from '../../src/gas/dashboardFormulas';
import { missingTool, testUnless } from '../support/tools';
import { Desk, day } from './workflow-fixture';

const sofficeMissing = missingTool('soffice', 'libreoffice-calc-nogui');
const DAYS_LATE_COLUMN = HELPER_COLUMN + 3;

/** A yyyy-mm-dd day as the emulator's Date at midnight in the workbook's zone (Asia/Shanghai). */
function civilDate(key: string): Date {
  return new Date(`${key}T00:00:00+08:00`);
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (rows.at(-1)!.push(field), (field = ''));
    else if (ch === '\n') (rows.at(-1)!.push(field), (field = ''), rows.push([]));
    else if (ch !== '\r') field += ch;
  }
  rows.at(-1)!.push(field);
  return rows;
}

testUnless(sofficeMissing)(
  'a 调休 week: the dashboard, LibreOffice and the scan count the same working days late',
  async () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    const { id } = desk.approvedRequest();
    // Due 15 days ago: the span holds two weekends; the first Saturday is a make-up workday and the
    // first weekday after the due day a holiday.
    const due = day(-15);
    const dueDay = civilDayFromKey(due)!;
    const today = civilDayFromKey(day(0))!;
    const span = Array.from({ length: today - dueDay }, (_, i) => dueDay + 1 + i);
    const swap = span.find((d) => isoWeekdayOf(d) === 6)!;
    const holiday = span.find((d) => isoWeekdayOf(d) <= 5)!;
    desk.setSetting('workdaySwaps', dayKeyOf(swap));
    desk.setSetting('holidays', dayKeyOf(holiday));
    desk.paste('tasks', [desk.taskRecord(id, { start: day(-20), due })]);
    // A second task, updated before its baseline but accepted after it: late, by one definition.
    const [done] = desk.paste('tasks', [
      desk.taskRecord(id, {
        name: '售后响应手册制定',
        dept: '售后部',
        start: day(-20),
        due: day(-9),
        status: '已完成',
        pct: 1,
      }),
    ]);
    desk
      .sheet('tasks')
      .getRange(done!, desk.col('tasks', 'baseline'))
      .setValue(civilDate(day(-10)));
    desk
      .sheet('tasks')
      .getRange(done!, desk.col('tasks', 'lastUpdate'))
      .setValue(civilDate(day(-11)));
    const doneId = String(desk.value('tasks', done!, 'id'));
    desk.paste('acceptance', [{ task: doneId, deliverable: '手册', result: '通过', date: day(-9) }]);
    desk.project.call('refreshDashboard_');

    const calendar = new WorkCalendar({
      timeZone: 'Asia/Shanghai',
      workDays: [1, 2, 3, 4, 5],
      holidays: [dayKeyOf(holiday)],
      workdaySwaps: [dayKeyOf(swap)],
      endOfDay: '18:00',
    });
    const scan = Math.max(1, calendar.workingDaysBetween(dueDay, today));
    const dashboard = desk.ss.getSheetByName('看板')!;
    assert.equal(dashboard.getRange(2, DAYS_LATE_COLUMN).getValue(), scan, 'the dashboard in Sheets');

    const dir = mkdtempSync(join(tmpdir(), 'dashboard-lo-'));
    const path = join(dir, 'desk.xlsx');
    await exportWorkbook(desk.ss, path);
    // Without cached results LibreOffice has to evaluate every formula of the dashboard itself.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    workbook.getWorksheet('看板')!.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as ExcelJS.CellFormulaValue | null;
        if (value && typeof value === 'object' && 'formula' in value) cell.value = { formula: value.formula };
      }),
    );
    await workbook.xlsx.writeFile(path);
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        path,
        '--outdir',
        dir,
      ],
      // TODAY() is the machine's date: in the workbook's zone, as Sheets evaluates it.
      { encoding: 'utf8', timeout: 120_000, env: { ...process.env, TZ: 'Asia/Shanghai' } },
    );
    assert.equal(result.status, 0, result.stderr);
    const csv = parseCsv(readFileSync(join(dir, 'desk-看板.csv'), 'utf8'));
    assert.equal(Number(csv[1]![DAYS_LATE_COLUMN - 1]), scan, `LibreOffice: ${csv[1]!.join(',')}`);

    const visible = dashboard.getRange(1, 1, dashboard.getLastRow(), VISIBLE_WIDTH);
    const inSheets = visible.getValues();
    // LibreOffice's CSV writes percent and date cells as shown.
    const shown = visible.getDisplayValues();
    const tiles = Object.fromEntries(inSheets[3]!.map((label, i) => [String(label), inSheets[4]![i]]));
    assert.equal(tiles['逾期'], 1);
    assert.equal(tiles['按期完成率'], 0, 'accepted after its baseline');
    const differences: string[] = [];
    inSheets.forEach((row, r) =>
      row.forEach((value, c) => {
        const other = csv[r]?.[c] ?? '';
        const same =
          (typeof value === 'number' && other !== '' && Math.abs(Number(other) - value) < 1e-9) ||
          String(value) === other ||
          shown[r]![c] === other ||
          // A date shown as yyyy-mm-dd against the serial the emulator hands back for INDEX results.
          (/^\d{4}-\d{2}-\d{2}$/.test(other) &&
            (Date.parse(`${other}T00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000 === value);
        if (!same)
          differences.push(`${String.fromCharCode(65 + c)}${r + 1}: Sheets ${String(value)}, LibreOffice ${other}`);
      }),
    );
    assert.deepEqual(differences, [], 'every visible figure agrees');
  },
  180_000,
);
