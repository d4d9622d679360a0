/**
 * "Refresh dashboard" (SPEC §2.8): rebuilds the 看板 / Dashboard sheet from the data sheets'
 * current headers. It reads Tasks and Requests once and writes only the dashboard sheet: the
 * numbers are formulas, so they stay current between refreshes.
 */
import { WorkCalendar } from '../domain/calendar';
import { columnLetter } from '../domain/a1';
import { buildDashboard, HELPER_COLUMN, HELPER_HEADROOM, type Block } from '../domain/dashboard';
import { literalInput } from '../gas/typedInput';
import { t, LOCALES } from '../i18n/index';
import { growToFit } from '../gas/grid';
import { menuAction } from './workbook';
import { inWorkbook, type Workbook } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Ui = GoogleAppsScript.Base.Ui;

const HEADER_BACKGROUND = '#e8eaed';
const VISIBLE_WIDTH = 6;

/** The dashboard sheet under either language's title, or undefined. */
export function findDashboard(wb: Workbook): Sheet | undefined {
  for (const locale of LOCALES) {
    const sheet = wb.spreadsheet.getSheetByName(t(locale, 'dashboardSheet'));
    if (sheet) return sheet;
  }
  return undefined;
}

export function refreshDashboard(wb: Workbook): Sheet {
  const tasks = wb.table('tasks', ['id', 'status', 'due']);
  const requests = wb.table('requests', ['status']);
  const letters: Record<string, string> = {};
  for (const [key, index] of Object.entries(tasks.positions) as [string, number | undefined][]) {
    if (index !== undefined) letters[key] = columnLetter(index + 1);
  }
  const known = wb.directory().departments.map((d) => d.name);
  const typed = tasks
    .records()
    .map((row) => row.text('dept'))
    .filter((dept) => dept !== '');
  const departments = [...new Set([...known, ...typed])];

  const dashboard = buildDashboard(
    {
      tasksTitle: tasks.sheet.getName(),
      requestsTitle: requests.sheet.getName(),
      tasks: letters as typeof letters & Record<'id' | 'status' | 'due', string>,
      requestStatus: columnLetter((requests.positions.status ?? 0) + 1),
      lastTaskRow: tasks.rows.length + 1 + HELPER_HEADROOM,
    },
    {
      locale: wb.locale,
      refreshedAt: new WorkCalendar(wb.settings).wallText(wb.now),
      departments: departments.map((name) => String(literalInput(name))),
      endOfDay: wb.settings.endOfDay,
      workDays: wb.settings.workDays,
      holidays: wb.settings.holidays,
    },
  );

  const sheet = findDashboard(wb) ?? wb.spreadsheet.insertSheet(wb.text('dashboardSheet'));
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const helperWidth = dashboard.helper[0]?.length ?? 1;
  growToFit(sheet, Math.max(dashboard.visible.length, dashboard.helper.length), HELPER_COLUMN + helperWidth - 1);

  const visible = dashboard.visible.map((row) => Array.from({ length: VISIBLE_WIDTH }, (_, i) => row[i] ?? ''));
  const area = sheet.getRange(1, 1, visible.length, VISIBLE_WIDTH);
  area.setValues(visible);
  const isHeader = (r: number) => dashboard.headerRows.includes(r + 1);
  area.setFontWeights(visible.map((_, r) => visible[r]!.map(() => (isHeader(r) ? 'bold' : 'normal'))));
  area.setBackgrounds(
    visible.map((row, r) => row.map((cell) => (isHeader(r) && r > 0 && cell !== '' ? HEADER_BACKGROUND : null))),
  );
  const block = (b: Block) => sheet.getRange(b.row, b.column, b.numRows, b.numColumns);
  for (const b of dashboard.percentCells) block(b).setNumberFormat('0%');
  for (const b of dashboard.dateCells) block(b).setNumberFormat('yyyy-mm-dd');
  sheet.setColumnWidth(1, 200);

  sheet.getRange(1, HELPER_COLUMN, dashboard.helper.length, helperWidth).setValues(dashboard.helper);
  sheet.hideColumns(HELPER_COLUMN, helperWidth);

  for (const chart of dashboard.charts) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(chart.kind === 'PIE' ? Charts.ChartType.PIE : Charts.ChartType.COLUMN)
        .addRange(block(chart.range))
        .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
        .setOption('title', chart.title)
        .build(),
    );
  }
  return sheet;
}

export function refreshDashboardFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    ui.alert(inWorkbook(now, (wb) => wb.text('dashboardDone', { sheet: refreshDashboard(wb).getName() })));
  });
}
