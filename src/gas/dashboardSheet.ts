/**
 * The 看板 / Dashboard sheet (SPEC §2.8) on the spreadsheet: its live formulas (dashboardFormulas.ts)
 * point at the data sheets' columns where their headers are at refresh time; the sheet is cleared
 * and rewritten whole, with its formats, tile colours, hidden helper columns and charts. A new
 * dashboard is the first tab.
 */
import { columnLetter } from './a1';
import {
  buildDashboard,
  HELPER_COLUMN,
  HELPER_HEADROOM,
  HELPER_WIDTH,
  VISIBLE_WIDTH,
  type Attention,
  type Block,
  type DashboardOptions,
  type DashboardSource,
} from './dashboardFormulas';
import { sizeToContent } from './grid';
import type { Table } from './table';
import { literalInput } from './typedInput';
import { t, LOCALES } from '../i18n/index';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#e8eaed';
/** The health colours of Tasks' conditional formatting (SPEC §3.2), so a red tile means what a red row means. */
const ATTENTION: Record<Attention, string> = { red: '#f4c7c3', amber: '#fce8b2', purple: '#e1d5f0' };
const TILE_FONT_SIZE = 18;

/** The dashboard sheet under either language's title, or undefined. */
function findDashboard(spreadsheet: Spreadsheet): Sheet | undefined {
  for (const locale of LOCALES) {
    const sheet = spreadsheet.getSheetByName(t(locale, 'dashboardSheet'));
    if (sheet) return sheet;
  }
  return undefined;
}

/** A table's column letters by key, as its header row has them now; undefined without the table. */
function lettersOf<K extends string>(table: Table<K> | undefined) {
  if (!table) return undefined;
  const letters: Partial<Record<K, string>> = {};
  for (const [key, index] of Object.entries(table.positions) as [K, number | undefined][]) {
    if (index !== undefined) letters[key] = columnLetter(index + 1);
  }
  return { title: table.store.sheet.getName(), letters };
}

export interface DashboardTables {
  readonly tasks: Table<'id' | 'status' | 'due' | string>;
  readonly requests: Table<'status' | string>;
  readonly acceptance: Table<string> | undefined;
  readonly planChanges: Table<string> | undefined;
  readonly satisfaction?: Table<string> | undefined;
}

/** Rewrites the dashboard (inserted first as `title` when there is none) over the tables as read; returns its title. */
export function writeDashboard(
  spreadsheet: Spreadsheet,
  title: string,
  tables: DashboardTables,
  options: DashboardOptions,
): string {
  const source = {
    tasks: lettersOf(tables.tasks)!,
    requests: lettersOf(tables.requests)!,
    acceptance: lettersOf(tables.acceptance),
    planChanges: lettersOf(tables.planChanges),
    satisfaction: lettersOf(tables.satisfaction),
    lastTaskRow: tables.tasks.rows.length + 1 + HELPER_HEADROOM,
  } as DashboardSource;
  const dashboard = buildDashboard(source, {
    ...options,
    departments: options.departments.map((name) => String(literalInput(name))),
  });

  const sheet = findDashboard(spreadsheet) ?? spreadsheet.insertSheet(title, 0);
  sheet.clear();
  sheet.setConditionalFormatRules([]);
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

  const tileRow = dashboard.tiles[0]?.row;
  if (tileRow !== undefined) {
    const numbers = sheet.getRange(tileRow, 1, 1, VISIBLE_WIDTH);
    numbers.setFontSizes([visible[0]!.map(() => TILE_FONT_SIZE)]);
    numbers.setHorizontalAlignment('center');
    sheet.getRange(tileRow - 1, 1, 1, VISIBLE_WIDTH).setHorizontalAlignment('center');
  }
  sheet.setConditionalFormatRules(
    dashboard.tiles.map((tile) => {
      const cell = `${columnLetter(tile.column)}${tile.row}`;
      return SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=${tile.when.replace(/\{cell\}/g, cell)}`)
        .setBackground(ATTENTION[tile.attention])
        .setRanges([sheet.getRange(tile.row, tile.column)])
        .build();
    }),
  );

  sheet.getRange(1, HELPER_COLUMN, dashboard.helper.length, HELPER_WIDTH).setValues(dashboard.helper);
  sheet.hideColumns(HELPER_COLUMN, HELPER_WIDTH);

  for (const chart of dashboard.charts) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(chart.kind === 'LINE' ? Charts.ChartType.LINE : Charts.ChartType.COLUMN)
        .addRange(block(chart.range))
        .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
        .setOption('title', chart.title)
        .build(),
    );
  }
  return sheet.getName();
}
