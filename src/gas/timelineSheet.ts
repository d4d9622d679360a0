/**
 * The 时间线 / Timeline sheet (SPEC §2.8): the rows and grid of domain/timeline.ts, with the bars
 * drawn by conditional formatting only, in formulas every engine evaluates (AND, OR, INT, MAX,
 * TODAY): Sheets, Excel and LibreOffice colour the same cells. The first rule that matches a cell
 * wins (Sheets, LibreOffice; Excel by priority), so the order below is the legend's.
 */
import { columnLetter } from './a1';
import { sizeToContent } from './grid';
import { literalInput } from './typedInput';
import { enumLabel } from '../domain/enums';
import { header } from '../domain/summary';
import type { CivilDay } from '../domain/calendar';
import type { Timeline } from '../domain/timeline';
import { t, LOCALES, type Locale } from '../i18n/index';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** ID, name, owner, start, due, %, status, baseline; the grid starts after them. */
const FACTS = 8;
export const GRID_COLUMN = FACTS + 1;
/** Wide enough for a day written m/d (12/31) in the default font. */
const GRID_WIDTH = 36;

/** The bar colours, first rule first. */
export const BAR_COLOURS = {
  milestone: '#3c4043',
  blocked: '#b39ddb',
  late: '#e06666',
  done: '#4285f4',
  planned: '#c6dafc',
  today: '#fff2cc',
} as const;

/** The timeline under either language's title, or undefined. */
function findTimeline(spreadsheet: Spreadsheet): Sheet | undefined {
  for (const locale of LOCALES) {
    const sheet = spreadsheet.getSheetByName(t(locale, 'timelineSheet'));
    if (sheet) return sheet;
  }
  return undefined;
}

export interface TimelineOptions {
  readonly locale: Locale;
  /** A civil day as the Date of its midnight in the spreadsheet's zone. */
  readonly dateOf: (day: CivilDay) => Date;
}

/** Rewrites the timeline (inserted after the dashboard when there is none); returns its title and cells. */
export function writeTimeline(
  spreadsheet: Spreadsheet,
  timeline: Timeline,
  options: TimelineOptions,
): { readonly title: string; readonly cells: number } {
  const { locale } = options;
  const task = (key: Parameters<typeof header<'tasks'>>[2]) => header(locale, 'tasks', key);
  const head = [
    task('id'),
    task('name'),
    task('owner'),
    task('start'),
    task('due'),
    task('pct'),
    task('status'),
    task('baseline'),
    ...timeline.columns.map(options.dateOf),
  ];
  const width = head.length;
  const blank = () => new Array<unknown>(FACTS).fill('');
  const lines: unknown[][] = [head.slice(0, FACTS)];
  const groupRows: number[] = [];
  for (const row of timeline.rows) {
    const line = blank();
    if (row.kind === 'request') {
      line[0] = literalInput(row.id);
      line[1] = literalInput(row.title);
      groupRows.push(lines.length + 1);
    } else {
      const x = row.task;
      line.splice(
        0,
        FACTS,
        literalInput(x.id),
        literalInput(x.name),
        literalInput(x.owner),
        x.start ?? '',
        x.due ?? '',
        x.pct / 100,
        x.status ? enumLabel('taskStatus', x.status, locale) : '',
        x.baseline ?? x.due ?? '',
      );
    }
    lines.push(line);
  }

  const title = t(locale, 'timelineSheet');
  const existing = findTimeline(spreadsheet);
  const sheet = existing ?? spreadsheet.insertSheet(title, Math.min(1, spreadsheet.getSheets().length));
  sheet.clear();
  sheet.setConditionalFormatRules([]);
  sizeToContent(sheet, lines.length, width);
  // The grid holds no values (conditional formatting colours it): only the facts and the days are written.
  sheet.getRange(1, 1, lines.length, FACTS).setValues(lines);
  if (width > FACTS) sheet.getRange(1, GRID_COLUMN, 1, width - FACTS).setValues([head.slice(FACTS)]);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  for (const row of groupRows) sheet.getRange(row, 1, 1, FACTS).setFontWeight('bold').setBackground('#e8eaed');
  const rows = lines.length - 1;
  if (rows > 0) {
    sheet.getRange(2, 4, rows, 2).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(2, 6, rows, 1).setNumberFormat('0%');
    sheet.getRange(2, 8, rows, 1).setNumberFormat('yyyy-mm-dd');
  }
  const gridColumns = timeline.columns.length;
  if (gridColumns > 0) {
    sheet.getRange(1, GRID_COLUMN, 1, gridColumns).setNumberFormat('m/d');
    sheet.setColumnWidths(GRID_COLUMN, gridColumns, GRID_WIDTH);
    sheet.setConditionalFormatRules(barRules(sheet, rows, gridColumns, timeline.span, locale));
  }
  sheet.setColumnWidth(2, 180);
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(2);
  return { title: sheet.getName(), cells: lines.length * width };
}

function barRules(
  sheet: Sheet,
  rows: number,
  columns: number,
  span: 1 | 7,
  locale: Locale,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const c = columnLetter(GRID_COLUMN);
  // The column's first and last day; the row's start, due, %, status and baseline.
  const from = `${c}$1`;
  const to = span === 1 ? from : `(${from}+${span - 1})`;
  const start = 'INT($D2)';
  const due = 'INT($E2)';
  const base = 'INT($H2)';
  const isTask = 'AND(ISNUMBER($D2),ISNUMBER($E2))';
  const onBar = `${start}<=${to},${due}>=${from}`;
  const status = (code: 'blocked' | 'done' | 'awaitingAcceptance') =>
    `$G2="${enumLabel('taskStatus', code, locale).replace(/"/g, '""')}"`;
  const finished = `OR(${status('done')},${status('awaitingAcceptance')})`;
  // Past the baseline: up to the due date, and while unfinished up to today.
  const lateUntil = `IF(${finished},${due},MAX(${due},TODAY()))`;
  const doneUntil = `${start}+ROUND((${due}-${start}+1)*$F2,0)-1`;
  const rules: [string, string][] = [
    [`AND(${isTask},${due}>=${from},${due}<=${to})`, BAR_COLOURS.milestone],
    [`AND(${isTask},${status('blocked')},${onBar})`, BAR_COLOURS.blocked],
    [`AND(${isTask},ISNUMBER($H2),${to}>${base},${from}<=${lateUntil},${start}<=${to})`, BAR_COLOURS.late],
    [`AND(${isTask},${onBar},${from}<=${doneUntil})`, BAR_COLOURS.done],
    [`AND(${isTask},${onBar})`, BAR_COLOURS.planned],
  ];
  const grid = rows > 0 ? [sheet.getRange(2, GRID_COLUMN, rows, columns)] : [];
  const built = grid.length
    ? rules.map(([formula, colour]) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=${formula}`)
          .setBackground(colour)
          .setRanges(grid)
          .build(),
      )
    : [];
  const today = `AND(${from}<=TODAY(),TODAY()<=${to})`;
  built.push(
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=${today}`)
      .setBackground(BAR_COLOURS.today)
      .setRanges([sheet.getRange(1, GRID_COLUMN, rows + 1, columns)])
      .build(),
  );
  return built;
}
