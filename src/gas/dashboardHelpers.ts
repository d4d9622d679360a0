/**
 * The dashboard's hidden helper columns (SPEC §2.8): one row of formulas per Tasks row, mirroring
 * its row number, that turn each task into the facts the visible cells aggregate (open, overdue,
 * working days late, lagging, stale, accepted on time, its request, its % done, its next due).
 * Working days late honour holidays and 调休 exactly as the scan's WorkCalendar; "on time" is
 * kpis.ts's: the latest Pass in Acceptance (a done task without one: its last update) against the
 * end of the baseline due day.
 */
import { columnLetter, sheetPrefix } from './a1';
import { t, type Locale } from '../i18n/index';
import { type ColumnKey } from '../domain/schema';
import { enumLabels, type TaskStatus } from '../domain/enums';

export type DashboardCell = string | number;

/** Where a data sheet's columns are, as its header row has them at refresh time. */
export interface SheetColumns<K extends string> {
  readonly title: string;
  readonly letters: Readonly<Partial<Record<K, string>>>;
}

export interface DashboardSource {
  readonly tasks: SheetColumns<ColumnKey<'tasks'>> & {
    readonly letters: Readonly<Record<'id' | 'status' | 'due', string>>;
  };
  readonly requests: SheetColumns<ColumnKey<'requests'>> & { readonly letters: Readonly<Record<'status', string>> };
  readonly acceptance?: SheetColumns<ColumnKey<'acceptance'>>;
  readonly planChanges?: SheetColumns<ColumnKey<'planChanges'>>;
  readonly satisfaction?: SheetColumns<ColumnKey<'satisfaction'>>;
  /** The last Tasks row helper formulas cover. */
  readonly lastTaskRow: number;
}

export interface CalendarOptions {
  readonly locale: Locale;
  /** HH:mm: a due date without a time is due at this time. */
  readonly endOfDay: string;
  /** ISO weekdays that are working days. */
  readonly workDays: readonly number[];
  /** yyyy-MM-dd */
  readonly holidays: readonly string[];
  /** yyyy-MM-dd: days off made working days (调休), which win over a holiday or a weekend, as in the scan. */
  readonly workdaySwaps: readonly string[];
}

/** Helper formulas start at column O, right of the visible tables. */
export const HELPER_COLUMN = 15;
/** Rows below the last task that helper formulas already cover, so new tasks count before the next refresh. */
export const HELPER_HEADROOM = 500;
/** Sort keys are INT(due) × this + Tasks row, so the row can be recovered with MOD. */
export const ROW_FACTOR = 100_000;

const FACTS = [
  'dept',
  'open',
  'overdue',
  'daysOverdue',
  'lagging',
  'judged',
  'onTime',
  'key',
  'holidays',
  'swaps',
  'request',
  'pct',
  'openDue',
  'stale',
  'completed',
] as const;
export type HelperFact = (typeof FACTS)[number];

/** The letter of each helper column. */
export const H = Object.fromEntries(FACTS.map((fact, i) => [fact, columnLetter(HELPER_COLUMN + i)])) as Record<
  HelperFact,
  string
>;

/** Helper columns, from HELPER_COLUMN on: the dashboard's last column is HELPER_COLUMN + HELPER_WIDTH − 1. */
export const HELPER_WIDTH = FACTS.length;

export const whole = (letter: string) => `$${letter}:$${letter}`;

export function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** OR(cell="已完成",cell="Done"): matches a status typed in either language (= ignores case in Sheets). */
export function isAny(cell: string, labels: readonly string[]): string {
  return `OR(${labels.map((label) => `${cell}=${literal(label)}`).join(',')})`;
}

/** NETWORKDAYS.INTL weekend mask: seven digits Monday…Sunday, 1 = day off. */
export function weekendMask(workDays: readonly number[]): string {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => (workDays.includes(day) ? '0' : '1')).join('');
}

function timeOfDay(hhmm: string): string {
  const [hour = 18, minute = 0] = hhmm.split(':').map(Number);
  return `TIME(${hour},${minute},0)`;
}

/** The latest Pass of task `id` in Acceptance, 0 without one: MAXIFS per result label, either language. */
function acceptedAt(source: DashboardSource, id: string): string | undefined {
  const sheet = source.acceptance;
  const { task, result, date } = sheet?.letters ?? {};
  if (!sheet || !task || !result || !date) return undefined;
  const A = sheetPrefix(sheet.title);
  const ranges = (letter: string) => `${A}$${letter}:$${letter}`;
  const passes = enumLabels('acceptanceResult', ['pass']).map(
    (label) => `MAXIFS(${ranges(date)},${ranges(task)},${id},${ranges(result)},${literal(label)})`,
  );
  return `MAX(${passes.join(',')})`;
}

export function helperRows(source: DashboardSource, options: CalendarOptions): DashboardCell[][] {
  const T = sheetPrefix(source.tasks.title);
  const col = (key: ColumnKey<'tasks'>, r: number) => {
    const letter = source.tasks.letters[key];
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
  const healthIs = (health: string | undefined, code: 'lagging' | 'stale', r: number) =>
    health ? `=IF(AND(${H.open}${r}=1,${isAny(health, enumLabels('health', [code]))}),1,0)` : 0;

  const first: DashboardCell[] = FACTS.map((fact) =>
    fact === 'dept'
      ? t(options.locale, 'dashHelper')
      : fact === 'holidays'
        ? t(options.locale, 'dashHolidays')
        : fact === 'swaps'
          ? t(options.locale, 'dashWorkdaySwaps')
          : '',
  );
  const rows: DashboardCell[][] = [first];
  for (let r = 2; r <= source.lastTaskRow; r++) {
    const id = col('id', r)!;
    const status = col('status', r)!;
    const due = col('due', r)!;
    const dept = col('dept', r);
    const health = col('health', r);
    const last = col('lastUpdate', r);
    const request = col('request', r);
    const pct = col('pct', r);
    const baselineCell = col('baseline', r);
    const base = baselineCell ? `IF(ISNUMBER(${baselineCell}),${baselineCell},${due})` : due;
    const done = isAny(status, statuses(['done']));
    const accepted = acceptedAt(source, id);
    const completedAt = accepted ? `IF(${accepted}>0,${accepted},${last ?? '""'})` : last;
    const facts: Record<HelperFact, DashboardCell> = {
      dept: dept ? `=IF(${id}="","",${dept})` : '',
      open: `=IF(AND(${id}<>"",NOT(${isAny(status, statuses(['done', 'cancelled', 'awaitingAcceptance']))})),1,0)`,
      overdue: `=IF(AND(${H.open}${r}=1,ISNUMBER(${due})),IF(${deadline(due)}<NOW(),1,0),0)`,
      daysOverdue: `=IF(${H.overdue}${r}=1,${daysLate(due)},"")`,
      lagging: healthIs(health, 'lagging', r),
      judged: `=IF(AND(${id}<>"",${done},ISNUMBER(${H.completed}${r}),ISNUMBER(${base})),1,0)`,
      onTime: `=IF(${H.judged}${r}=1,IF(${H.completed}${r}<=${deadline(base)},1,0),0)`,
      key: `=IF(${H.overdue}${r}=1,INT(${due})*${ROW_FACTOR}+ROW(),"")`,
      holidays: '',
      swaps: '',
      request: request ? `=IF(${id}="","",${request})` : '',
      // A task's share of its request: done counts whole, cancelled not at all; % typed as 70 or 70 %.
      pct: `=IF(OR(${id}="",${isAny(status, statuses(['cancelled']))}),"",IF(${done},1,${
        pct ? `IF(ISNUMBER(${pct}),IF(${pct}>1,${pct}/100,${pct}),0)` : '0'
      }))`,
      openDue: `=IF(AND(${H.open}${r}=1,ISNUMBER(${due})),${due},"")`,
      stale: healthIs(health, 'stale', r),
      completed: completedAt ? `=IF(AND(${id}<>"",${done}),${completedAt},"")` : '',
    };
    rows.push(FACTS.map((fact) => facts[fact]));
  }
  // The holidays NETWORKDAYS.INTL skips and the make-up days counted back, as dates, in their helper columns.
  const dates = (days: readonly string[], fact: HelperFact) =>
    days.forEach((key, i) => {
      const [year, month, day] = key.split('-').map(Number);
      const row = (rows[i + 1] ??= new Array<DashboardCell>(first.length).fill(''));
      row[FACTS.indexOf(fact)] = `=DATE(${year},${month},${day})`;
    });
  dates(options.holidays, 'holidays');
  dates(swaps, 'swaps');
  return rows;
}

/**
 * The make-up working days NETWORKDAYS.INTL would not count: those on a weekday off or on a
 * holiday (a swap on a plain working day changes nothing, and counting it back would count it twice).
 */
function madeUpDays(options: CalendarOptions): string[] {
  const holidays = new Set(options.holidays);
  return options.workdaySwaps.filter((key) => {
    const [year = 0, month = 1, day = 1] = key.split('-').map(Number);
    const isoWeekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
    return !options.workDays.includes(isoWeekday) || holidays.has(key);
  });
}
