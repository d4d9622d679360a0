/**
 * The 看板 / Dashboard sheet (SPEC §2.8) on the spreadsheet: its live formulas (dashboardFormulas.ts)
 * point at the data sheets' columns where their headers are at refresh time; the sheet is cleared
 * and rewritten whole, with its formats, hidden helper columns and charts.
 */
import { columnLetter } from './a1';
import {
  buildDashboard,
  HELPER_COLUMN,
  HELPER_HEADROOM,
  HELPER_WIDTH,
  type Block,
  type DashboardOptions,
} from './dashboardFormulas';
import { sizeToContent } from './grid';
import type { Table } from './table';
import { literalInput } from './typedInput';
import { t, LOCALES } from '../i18n/index';
import type { ColumnKey } from '../domain/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#e8eaed';
const VISIBLE_WIDTH = 6;

/** The dashboard sheet under either language's title, or undefined. */
function findDashboard(spreadsheet: Spreadsheet): Sheet | undefined {
  for (const locale of LOCALES) {
    const sheet = spreadsheet.getSheetByName(t(locale, 'dashboardSheet'));
    if (sheet) return sheet;
  }
  return undefined;
}

/**
 * Rewrites the dashboard (inserted as `title` when there is none) over `tasks` and `requests` as
 * read; returns the dashboard sheet's title.
 */
export function writeDashboard(
  spreadsheet: Spreadsheet,
  title: string,
  tasks: Table<ColumnKey<'tasks'>>,
  requests: Table<ColumnKey<'requests'>>,
  options: DashboardOptions,
): string {
  const letters: Record<string, string> = {};
  for (const [key, index] of Object.entries(tasks.positions) as [string, number | undefined][]) {
    if (index !== undefined) letters[key] = columnLetter(index + 1);
  }
  const dashboard = buildDashboard(
    {
      tasksTitle: tasks.sheet.getName(),
      requestsTitle: requests.sheet.getName(),
      tasks: letters as typeof letters & Record<'id' | 'status' | 'due', string>,
      requestStatus: columnLetter((requests.positions.status ?? 0) + 1),
      lastTaskRow: tasks.rows.length + 1 + HELPER_HEADROOM,
    },
    { ...options, departments: options.departments.map((name) => String(literalInput(name))) },
  );

  const sheet = findDashboard(spreadsheet) ?? spreadsheet.insertSheet(title);
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  // Sized to what it holds (SPEC §3.7): the helper rows reach HELPER_HEADROOM below the last task.
  sizeToContent(sheet, Math.max(dashboard.visible.length, dashboard.helper.length), HELPER_COLUMN + HELPER_WIDTH - 1);

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

  sheet.getRange(1, HELPER_COLUMN, dashboard.helper.length, HELPER_WIDTH).setValues(dashboard.helper);
  sheet.hideColumns(HELPER_COLUMN, HELPER_WIDTH);

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
  return sheet.getName();
}
