/**
 * The Dashboard sheet (SPEC §2.8) as a grid of live formulas over the data sheets, by their titles
 * and the column letters their headers have at refresh time: KPI tiles, one row per open request,
 * the department table, the 10 most overdue tasks, and the key figures per month. A status typed
 * into Tasks changes the tiles and tables at once, without a refresh. The monthly key figures are
 * the only stored numbers: kpis.ts computes them at refresh, as the weekly summary does.
 *
 * Visible cells aggregate the hidden helper rows (dashboardHelpers.ts) with COUNTIFS / SUMIFS /
 * MINIFS / SMALL / INDEX: functions Google Sheets, LibreOffice and HyperFormula (the emulator's
 * engine) all evaluate over ranges without ARRAYFORMULA (no AVERAGEIFS, no open-ended A2:A ranges).
 *
 * Formula text and column letters are Sheets' own language, so this lives in gas/ beside the
 * writer of the sheet (dashboardSheet.ts); it stays pure and is tested without the emulator.
 */
import { sheetPrefix } from './a1';
import {
  H,
  helperRows,
  literal,
  ROW_FACTOR,
  whole,
  type CalendarOptions,
  type DashboardCell,
  type DashboardSource,
} from './dashboardHelpers';
import { t, type MessageKey } from '../i18n/index';
import { type ColumnKey } from '../domain/schema';
import { enumLabel, enumLabels, type EnumCode, type EnumKey } from '../domain/enums';
import { KEY_FIGURE_LABELS, keyFigureLabel, NOT_MEASURED, type KpiTargets } from '../domain/keyFigures';
import { SATISFIED_OVERALL } from '../domain/kpis';
import type { SatisfactionResult } from '../domain/satisfaction';
import { header } from '../domain/summary';

export { HELPER_COLUMN, HELPER_HEADROOM, HELPER_WIDTH, weekendMask } from './dashboardHelpers';
export type { DashboardCell, DashboardSource } from './dashboardHelpers';

/** An open request as the refresh found it: who it waits on is worded then, its figures stay live. */
export interface OpenRequest {
  readonly id: string;
  readonly title: string;
  readonly lead: string;
  readonly waitingOn: string;
}

export interface MonthFigures {
  readonly label: string;
  /** keyFigureCells(): in KEY_FIGURE_LABELS' order. */
  readonly cells: readonly DashboardCell[];
}

export interface DashboardOptions extends CalendarOptions {
  readonly refreshedAt: string;
  readonly departments: readonly string[];
  readonly openRequests: readonly OpenRequest[];
  readonly months: readonly MonthFigures[];
  /** Settings' targets, named in the labels of the figures judged against them. */
  readonly kpiTargets: KpiTargets;
  /** The latest quarterly round with answers, per department rated (SPEC §2.11); none without one. */
  readonly satisfactionRound?: { readonly quarter: string; readonly results: readonly SatisfactionResult[] };
}

export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export type Attention = 'red' | 'amber' | 'purple';

/** A KPI tile: its label above a big number, coloured when `when` (a formula over the number's cell) holds. */
export interface Tile {
  readonly row: number;
  readonly column: number;
  readonly attention: Attention;
  /** A Sheets condition with {cell} for the tile's number. */
  readonly when: string;
}

export interface DashboardChart {
  readonly kind: 'COLUMN' | 'LINE';
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
  readonly tiles: readonly Tile[];
  readonly percentCells: readonly Block[];
  readonly dateCells: readonly Block[];
  readonly charts: readonly DashboardChart[];
}

export const VISIBLE_WIDTH = KEY_FIGURE_LABELS.length + 1;
const CHART_COLUMN = VISIBLE_WIDTH + 2;
const TOP = 10;
/** Below this on-time rate the tile turns amber. */
const ON_TIME_ATTENTION = 0.9;
/** The seeds' target for 跨部门协作满意度: below it the satisfaction tile turns amber. */
const SATISFIED_TARGET = 0.9;

/**
 * 满意度 (SPEC §2.11, §3.9) live over the sheet's overall scores: those of 4 or 5 ÷ those given;
 * "—" before any answer, or without the sheet.
 */
function satisfactionTile(source: DashboardSource): DashboardCell {
  const letter = source.satisfaction?.letters.overall;
  if (!source.satisfaction || !letter) return NOT_MEASURED;
  const overall = `${sheetPrefix(source.satisfaction.title)}$${letter}:$${letter}`;
  return `=IF(COUNT(${overall})=0,${literal(NOT_MEASURED)},COUNTIF(${overall},">=${SATISFIED_OVERALL}")/COUNT(${overall}))`;
}

interface TableWriter {
  add(cells: DashboardCell[], isHeader?: boolean): number;
  text(key: MessageKey): string;
  readonly percentCells: Block[];
  next(): number;
}

/** Per department rated in the latest round: answers, the share satisfied and the mean overall score. */
function satisfactionTable(options: DashboardOptions, { add, text, percentCells, next }: TableWriter): void {
  const round = options.satisfactionRound;
  if (!round || round.results.length === 0) return;
  add([`${text('kpiSatisfactionDept')} ${round.quarter}`], true);
  add(
    [
      text('kpiSatisfactionDeptColumns'),
      text('kpiSatisfactionAnswers'),
      text('kpiSatisfactionShare'),
      text('kpiSatisfactionMean'),
    ],
    true,
  );
  const first = next();
  for (const result of round.results) {
    const mean = result.mean === undefined ? NOT_MEASURED : Math.round(result.mean * 10) / 10;
    add([result.dept, result.answers, result.share ?? NOT_MEASURED, mean]);
  }
  percentCells.push({ row: first, column: 3, numRows: round.results.length, numColumns: 1 });
  add([]);
}

function countLabels<E extends EnumKey>(range: string, kind: E, codes: readonly EnumCode<E>[]): string {
  return `=${enumLabels(kind, codes)
    .map((label) => `COUNTIF(${range},${literal(label)})`)
    .join('+')}`;
}

export function buildDashboard(source: DashboardSource, options: DashboardOptions): Dashboard {
  const { locale } = options;
  const text = (key: MessageKey) => t(locale, key);
  const range = (sheet: { readonly title: string } | undefined, letter: string | undefined) =>
    sheet && letter ? `${sheetPrefix(sheet.title)}$${letter}:$${letter}` : undefined;
  const taskColumn = (key: ColumnKey<'tasks'>) => range(source.tasks, source.tasks.letters[key]);
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

  // ---- tiles: a label over a live number
  const status = taskColumn('status')!;
  const changeStatus = range(source.planChanges, source.planChanges?.letters.status);
  const judged = `SUM(${whole(H.judged)})`;
  const tileSpecs: [string, DashboardCell, Attention | undefined, string][] = [
    [enumLabel('health', 'overdue', locale), `=SUM(${whole(H.overdue)})`, 'red', '{cell}>0'],
    [enumLabel('health', 'lagging', locale), `=SUM(${whole(H.lagging)})`, 'amber', '{cell}>0'],
    [enumLabel('health', 'stale', locale), `=SUM(${whole(H.stale)})`, 'amber', '{cell}>0'],
    [enumLabel('taskStatus', 'blocked', locale), countLabels(status, 'taskStatus', ['blocked']), 'purple', '{cell}>0'],
    [
      text('dashWaitingSignOff'),
      countLabels(range(source.requests, source.requests.letters.status)!, 'requestStatus', ['signOff']),
      'amber',
      '{cell}>0',
    ],
    [text('dashWaitingAcceptance'), countLabels(status, 'taskStatus', ['awaitingAcceptance']), 'amber', '{cell}>0'],
    [
      text('dashChangesPending'),
      changeStatus ? countLabels(changeStatus, 'changeStatus', ['pending']) : 0,
      'amber',
      '{cell}>0',
    ],
    [
      text('kpiOnTime'),
      `=IF(${judged}=0,${literal(NOT_MEASURED)},SUM(${whole(H.onTime)})/${judged})`,
      'amber',
      `AND(ISNUMBER({cell}),{cell}<${ON_TIME_ATTENTION})`,
    ],
    [text('kpiSatisfaction'), satisfactionTile(source), 'amber', `AND(ISNUMBER({cell}),{cell}<${SATISFIED_TARGET})`],
  ];
  add(
    tileSpecs.map(([label]) => label),
    true,
  );
  const numberRow = add(tileSpecs.map(([, formula]) => formula));
  const tiles: Tile[] = [];
  tileSpecs.forEach(([, , attention, when], i) => {
    if (attention) tiles.push({ row: numberRow, column: i + 1, attention, when });
  });
  percentCells.push({ row: numberRow, column: 8, numRows: 1, numColumns: 2 });
  add([]);

  // ---- open requests
  add([text('dashOpenRequests')], true);
  const req = (column: ColumnKey<'requests'>) => header(locale, 'requests', column);
  add(
    [
      req('id'),
      req('title'),
      req('lead'),
      text('dashPctDone'),
      text('dashHealthMix'),
      text('dashNextDue'),
      text('dashWaitingOn'),
    ],
    true,
  );
  const firstRequest = visible.length + 1;
  const mix = (r: number) => {
    const count = (fact: string, label: string) =>
      `COUNTIFS(${whole(H.request)},$A${r},${whole(fact)},1)&${literal(` ${label}`)}`;
    return `=${[
      count(H.overdue, enumLabel('health', 'overdue', locale)),
      count(H.lagging, enumLabel('health', 'lagging', locale)),
      count(H.stale, enumLabel('health', 'stale', locale)),
    ].join(`&" · "&`)}`;
  };
  for (const request of options.openRequests) {
    const r = visible.length + 1;
    add([
      request.id,
      request.title,
      request.lead,
      `=IFERROR(SUMIFS(${whole(H.pct)},${whole(H.request)},$A${r})/COUNTIFS(${whole(H.request)},$A${r},${whole(H.pct)},">=0"),"")`,
      mix(r),
      `=IFERROR(1/(1/MINIFS(${whole(H.openDue)},${whole(H.request)},$A${r})),"")`,
      request.waitingOn,
    ]);
  }
  if (options.openRequests.length > 0) {
    percentCells.push({ row: firstRequest, column: 4, numRows: options.openRequests.length, numColumns: 1 });
    dateCells.push({ row: firstRequest, column: 6, numRows: options.openRequests.length, numColumns: 1 });
  } else add([text('reportNone')]);
  add([]);

  // ---- departments
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
  satisfactionTable(options, { add, text, percentCells, next: () => visible.length + 1 });

  // ---- the most overdue
  add([text('dashTopOverdue')], true);
  const topColumns: ColumnKey<'tasks'>[] = ['id', 'name', 'dept', 'owner', 'due'];
  add([...topColumns.map((key) => header(locale, 'tasks', key)), text('colDaysOverdue')], true);
  for (let k = 1; k <= TOP; k++) {
    const row = `MOD(SMALL(${whole(H.key)},${k}),${ROW_FACTOR})`;
    const pick = (cells: string | undefined) => (cells ? `=IFERROR(INDEX(${cells},${row}),"")` : '');
    add([...topColumns.map((key) => pick(taskColumn(key))), pick(whole(H.daysOverdue))]);
  }
  dateCells.push({ row: visible.length - TOP + 1, column: 5, numRows: TOP, numColumns: 1 });
  add([]);

  // ---- key figures per month (stored: computed at refresh by kpis.ts)
  add([text('kpiByMonth')], true);
  const monthHeader = add(
    [text('kpiMonth'), ...KEY_FIGURE_LABELS.map((key) => keyFigureLabel(locale, key, options.kpiTargets))],
    true,
  );
  for (const month of options.months) add([month.label, ...month.cells]);
  const monthLast = visible.length;
  if (options.months.length > 0) {
    // Every share is a fraction under a percent format; the response time (column D) is hours.
    for (const column of [2, 3, 5, 6, 7, 8]) {
      percentCells.push({ row: monthHeader + 1, column, numRows: options.months.length, numColumns: 1 });
    }
  }

  const charts: DashboardChart[] = [
    {
      kind: 'COLUMN',
      title: text('dashDepartments'),
      range: { row: deptHeader, column: 1, numRows: deptLast - deptHeader + 1, numColumns: 3 },
      anchorRow: deptHeader,
      anchorColumn: CHART_COLUMN,
    },
  ];
  if (options.months.length > 0) {
    charts.push({
      kind: 'LINE',
      title: text('kpiByMonth'),
      range: { row: monthHeader, column: 1, numRows: monthLast - monthHeader + 1, numColumns: 3 },
      anchorRow: monthHeader,
      anchorColumn: CHART_COLUMN,
    });
  }
  return {
    visible,
    helper: helperRows(source, options),
    headerRows,
    tiles,
    percentCells,
    dateCells,
    charts,
  };
}
