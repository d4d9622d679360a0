/**
 * SPEC §2.8, §2.7: the dashboard's working days late honour holidays and 调休 make-up workdays
 * exactly as the scan counts them, in Sheets (the emulator's engine) and in the exported workbook
 * opened by LibreOffice, which evaluates the formulas itself (their cached results are removed).
 * TODAY() is the real date in LibreOffice, so the week is built around the real today.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../emulator/xlsx';
import { civilDayFromKey, dayKeyOf, isoWeekdayOf, WorkCalendar } from '../../src/domain/calendar';
import { HELPER_COLUMN } from '../../src/gas/dashboardFormulas';
import { missingTool, testUnless } from '../support/tools';
import { Desk, day } from './workflow-fixture';

const sofficeMissing = missingTool('soffice', 'libreoffice-calc-nogui');
const DAYS_LATE_COLUMN = HELPER_COLUMN + 3;

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
    const csv = readFileSync(join(dir, 'desk-看板.csv'), 'utf8').split('\n');
    const cells = (csv[1] ?? '').split(',');
    assert.equal(Number(cells[DAYS_LATE_COLUMN - 1]), scan, `LibreOffice: ${csv[1]}`);
  },
  180_000,
);
