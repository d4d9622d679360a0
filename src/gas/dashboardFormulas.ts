/**
 * The Dashboard sheet (SPEC §2.8) as a grid of live formulas over the data sheets, by their titles
 * and the column letters their headers have at refresh time. Nothing is a stored number: a status
 * typed into Tasks changes the dashboard at once, without a refresh.
 *
 * Per-task facts (open, overdue, working days overdue, lagging, finished on time) are one row of
 * hidden helper formulas per Tasks row, mirroring its row number. Visible cells aggregate them
 * with COUNTIFS/SUMIFS/SMALL/INDEX: functions Google Sheets evaluates over ranges without
 * ARRAYFORMULA, and HyperFormula (the emulator's engine) supports (it has no AVERAGEIFS and no
 * open-ended A2:A ranges, so neither is used).
 *
 * Formula text and column letters are Sheets' own language, so this lives in gas/ beside the
 * writer of the sheet (dashboardSheet.ts); it stays pure and is tested without the emulator.
 */
import { columnLetter, sheetPrefix } from './a1';
import { t, type Locale, type MessageKey } from '../i18n/index';
import { type ColumnKey } from '../domain/schema';
import { enumLabel, enumLabels, ENUMS, type TaskStatus } from '../domain/enums';
import { header } from '../domain/summary';

export type DashboardCell = string | number;

/** Column letters of the data sheets, as their header rows have them now. */
export interface DashboardSource {
  readonly tasksTitle: string;
  readonly requestsTitle: string;
  readonly tasks: Readonly<Partial<Record<ColumnKey<'tasks'>, string>>> &
    Readonly<Record<'id' | 'status' | 'due', string>>;
  readonly requestStatus: string;
  /** The last Tasks row helper formulas cover. */
  readonly lastTaskRow: number;
}

export interface DashboardOptions {
  readonly locale: Locale;
  readonly refreshedAt: string;
  readonly departments: readonly string[];
  /** HH:mm: a due date without a time is due at this time. */
  readonly endOfDay: string;
  /** ISO weekdays that are working days. */
  readonly workDays: readonly number[];
  /** yyyy-MM-dd */
  readonly holidays: readonly string[];
  /** yyyy-MM-dd: days off made working days (调休), which win over a holiday or a weekend, as in the scan. */
  readonly workdaySwaps: readonly string[];
}

export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface DashboardChart {
  readonly kind: 'PIE' | 'COLUMN';
  readonly title: string;
  readonly range: Block;
  readonly anchorRow: number;
  readonly anchorColumn: number;
}

export interface Dashboard {
  /** Starts at A1. */
  readonly visible: DashboardCell[][];
  /** Starts at row 1 of HELPER_COLUMN; hidden. */
  readonly helper: DashboardCell[][];
  /** 1-based rows of `visible` that are headings or column headers. */
  readonly headerRows: readonly number[];
  readonly percentCells: readonly Block[];
  readonly dateCells: readonly Block[];
  readonly charts: readonly DashboardChart[];
}

/** Helper formulas start at column O, right of the visible tables and the charts. */
export const HELPER_COLUMN = 15;
/** Rows below the last task that helper formulas already cover, so new tasks count before the next refresh. */
export const HELPER_HEADROOM = 500;
/** Sort keys are INT(due) × this + Tasks row, so the row can be recovered with MOD. */
const ROW_FACTOR = 100_000;
const CHART_COLUMN = 8;
const TOP = 10;

function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** OR(cell="已完成",cell="Done"): matches a status typed in either language (= ignores case in Sheets). */
function isAny(cell: string, labels: readonly string[]): string {
  return `OR(${labels.map((label) => `${cell}=${literal(label)}`).join(',')})`;
}

function countLabels(range: string, labels: readonly string[]): string {
  return `=${labels.map((label) => `COUNTIF(${range},${literal(label)})`).join('+')}`;
}

/** NETWORKDAYS.INTL weekend mask: seven digits Monday…Sunday, 1 = day off. */
export function weekendMask(workDays: readonly number[]): string {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => (workDays.includes(day) ? '0' : '1')).join('');
}

function timeOfDay(hhmm: string): string {
  const [hour = 18, minute = 0] = hhmm.split(':').map(Number);
  return `TIME(${hour},${minute},0)`;
}

const H = {
  dept: columnLetter(HELPER_COLUMN),
  open: columnLetter(HELPER_COLUMN + 1),
  overdue: columnLetter(HELPER_COLUMN + 2),
  daysOverdue: columnLetter(HELPER_COLUMN + 3),
  lagging: columnLetter(HELPER_COLUMN + 4),
  judged: columnLetter(HELPER_COLUMN + 5),
  onTime: columnLetter(HELPER_COLUMN + 6),
  key: columnLetter(HELPER_COLUMN + 7),
  holidays: columnLetter(HELPER_COLUMN + 8),
  swaps: columnLetter(HELPER_COLUMN + 9),
} as const;

/** Helper columns, from HELPER_COLUMN on: the dashboard's last column is HELPER_COLUMN + HELPER_WIDTH − 1. */
export const HELPER_WIDTH = Object.keys(H).length;

const whole = (letter: string) => `$${letter}:$${letter}`;

function helperRows(source: DashboardSource, options: DashboardOptions): DashboardCell[][] {
  const T = sheetPrefix(source.tasksTitle);
  const col = (key: ColumnKey<'tasks'>, r: number) => {
    const letter = source.tasks[key];
    return letter === undefined ? undefined : `${T}$${letter}${r}`;
  };
  const statuses = (codes: readonly TaskStatus[]) => enumLabels('taskStatus', codes);
  const eod = timeOfDay(options.endOfDay);
  const deadline = (cell: string) => `IF(${cell}=INT(${cell}),${cell}+${eod},${cell})`;
  const holidays = options.holidays.length > 0 ? `,$${H.holidays}$2:$${H.holidays}$${options.holidays.length + 1}` : '';
  const mask = literal(weekendMask(options.workDays));
  const swaps = madeUpDays(options);
  const swapRange = `$${H.swaps}$2:$${H.swaps}$${swaps.length + 1}`;
  // Working days after the due day up to today, at least 1, as the scan counts them
  // (WorkCalendar.workingDaysBetween): NETWORKDAYS.INTL skips weekends and holidays, and the
  // make-up working days it skipped as weekends or holidays are counted back.
  const daysLate = (due: string) => {
    const made = swaps.length > 0 ? `+COUNTIFS(${swapRange},">"&INT(${due}),${swapRange},"<="&TODAY())` : '';
    return `MAX(1,NETWORKDAYS.INTL(INT(${due})+1,TODAY(),${mask}${holidays})${made})`;
  };

  const first: DashboardCell[] = [
    t(options.locale, 'dashHelper'),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    t(options.locale, 'dashHolidays'),
    t(options.locale, 'dashWorkdaySwaps'),
  ];
  const rows: DashboardCell[][] = [first];
  for (let r = 2; r <= source.lastTaskRow; r++) {
    const id = col('id', r)!;
    const status = col('status', r)!;
    const due = col('due', r)!;
    const dept = col('dept', r);
    const health = col('health', r);
    const last = col('lastUpdate', r);
    const baselineCell = col('baseline', r);
    const base = baselineCell ? `IF(ISNUMBER(${baselineCell}),${baselineCell},${due})` : due;
    const laggingLabels = enumLabels('health', ['lagging']);
    rows.push([
      dept ? `=IF(${id}="","",${dept})` : '',
      `=IF(AND(${id}<>"",NOT(${isAny(status, statuses(['done', 'cancelled', 'awaitingAcceptance']))})),1,0)`,
      `=IF(AND(${H.open}${r}=1,ISNUMBER(${due})),IF(${deadline(due)}<NOW(),1,0),0)`,
      `=IF(${H.overdue}${r}=1,${daysLate(due)},"")`,
      health ? `=IF(AND(${H.open}${r}=1,${isAny(health, laggingLabels)}),1,0)` : 0,
      last ? `=IF(AND(${id}<>"",${isAny(status, statuses(['done']))},ISNUMBER(${last}),ISNUMBER(${base})),1,0)` : 0,
      last ? `=IF(${H.judged}${r}=1,IF(${last}<=${deadline(base)},1,0),0)` : 0,
      `=IF(${H.overdue}${r}=1,INT(${due})*${ROW_FACTOR}+ROW(),"")`,
      '',
      '',
    ]);
  }
  // The holidays NETWORKDAYS.INTL skips and the make-up days counted back, as dates, in the last helper columns.
  const dates = (days: readonly string[], column: number) =>
    days.forEach((key, i) => {
      const [year, month, day] = key.split('-').map(Number);
      const row = (rows[i + 1] ??= new Array<DashboardCell>(first.length).fill(''));
      row[column] = `=DATE(${year},${month},${day})`;
    });
  dates(options.holidays, first.length - 2);
  dates(swaps, first.length - 1);
  return rows;
}

/**
 * The make-up working days NETWORKDAYS.INTL would not count: those on a weekday off or on a
 * holiday (a swap on a plain working day changes nothing, and counting it back would count it twice).
 */
function madeUpDays(options: DashboardOptions): string[] {
  const holidays = new Set(options.holidays);
  return options.workdaySwaps.filter((key) => {
    const [year = 0, month = 1, day = 1] = key.split('-').map(Number);
    const isoWeekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
    return !options.workDays.includes(isoWeekday) || holidays.has(key);
  });
}

export function buildDashboard(source: DashboardSource, options: DashboardOptions): Dashboard {
  const { locale } = options;
  const text = (key: MessageKey) => t(locale, key);
  const T = sheetPrefix(source.tasksTitle);
  const taskColumn = (key: ColumnKey<'tasks'>) => {
    const letter = source.tasks[key];
    return letter === undefined ? undefined : `${T}$${letter}:$${letter}`;
  };
  const visible: DashboardCell[][] = [];
  const headerRows: number[] = [];
  const percentCells: Block[] = [];
  const dateCells: Block[] = [];
  const add = (cells: DashboardCell[], isHeader = false) => {
    visible.push(cells);
    if (isHeader) headerRows.push(visible.length);
    return visible.length;
  };

  add([text('dashboardTitle')], true);
  add([t(locale, 'dashboardNote', { at: options.refreshedAt })]);
  add([]);

  const requestsHeader = add([text('dashRequests'), text('dashCount')], true);
  const requestRange = `${sheetPrefix(source.requestsTitle)}$${source.requestStatus}:$${source.requestStatus}`;
  for (const status of ENUMS.requestStatus) {
    add([
      enumLabel('requestStatus', status.code, locale),
      countLabels(requestRange, enumLabels('requestStatus', [status.code])),
    ]);
  }
  const requestsLast = visible.length;
  add([]);

  add([text('dashTasks'), text('dashCount')], true);
  const statusRange = taskColumn('status')!;
  const idRange = taskColumn('id')!;
  add([text('dashTotal'), `=MAX(0,COUNTA(${idRange})-1)`]);
  for (const code of ['done', 'inProgress'] as const) {
    add([enumLabel('taskStatus', code, locale), countLabels(statusRange, enumLabels('taskStatus', [code]))]);
  }
  add([enumLabel('health', 'overdue', locale), `=SUM(${whole(H.overdue)})`]);
  add([enumLabel('health', 'lagging', locale), `=SUM(${whole(H.lagging)})`]);
  add([enumLabel('taskStatus', 'blocked', locale), countLabels(statusRange, enumLabels('taskStatus', ['blocked']))]);
  const rateRow = add([
    text('dashOnTimeRate'),
    `=IF(SUM(${whole(H.judged)})=0,"",SUM(${whole(H.onTime)})/SUM(${whole(H.judged)}))`,
  ]);
  percentCells.push({ row: rateRow, column: 2, numRows: 1, numColumns: 1 });
  add([]);

  const deptHeader = add([text('dashDepartments'), text('dashOpen'), text('dashOverdue'), text('dashAvgDelay')], true);
  for (const name of options.departments) {
    const r = visible.length + 1;
    const match = `${whole(H.dept)},$A${r}`;
    add([
      name,
      `=COUNTIFS(${match},${whole(H.open)},1)`,
      `=COUNTIFS(${match},${whole(H.overdue)},1)`,
      `=IF(C${r}=0,0,ROUND(SUMIFS(${whole(H.daysOverdue)},${match},${whole(H.overdue)},1)/C${r},1))`,
    ]);
  }
  const deptLast = visible.length;
  add([]);

  add([text('dashTopOverdue')], true);
  const topColumns: ColumnKey<'tasks'>[] = ['id', 'name', 'dept', 'owner', 'due'];
  add([...topColumns.map((key) => header(locale, 'tasks', key)), text('colDaysOverdue')], true);
  for (let k = 1; k <= TOP; k++) {
    const row = `MOD(SMALL(${whole(H.key)},${k}),${ROW_FACTOR})`;
    const pick = (range: string | undefined) => (range ? `=IFERROR(INDEX(${range},${row}),"")` : '');
    add([...topColumns.map((key) => pick(taskColumn(key))), pick(whole(H.daysOverdue))]);
  }
  dateCells.push({ row: visible.length - TOP + 1, column: 5, numRows: TOP, numColumns: 1 });

  return {
    visible,
    helper: helperRows(source, options),
    headerRows,
    percentCells,
    dateCells,
    charts: [
      {
        kind: 'PIE',
        title: text('dashRequests'),
        range: { row: requestsHeader, column: 1, numRows: requestsLast - requestsHeader + 1, numColumns: 2 },
        anchorRow: requestsHeader,
        anchorColumn: CHART_COLUMN,
      },
      {
        kind: 'COLUMN',
        title: text('dashDepartments'),
        range: { row: deptHeader, column: 1, numRows: deptLast - deptHeader + 1, numColumns: 3 },
        anchorRow: deptHeader,
        anchorColumn: CHART_COLUMN,
      },
    ],
  };
}
