/**
 * The weekly summary (SPEC §2.8) as a report: titled sections of rows, written to the sheet
 * 周报 YYYY-Www and, optionally, mailed as HTML with a plain-text part. This module holds its shapes:
 * the report the retrospective shares, the facts it reads, ISO weeks in the spreadsheet's time
 * zone and when a task was completed; summarySections.ts builds it, summaryEmail.ts mails it.
 */
import { t, type Locale } from '../i18n/index';
import { mondayOf, pad2, type CivilDay, type WorkCalendar } from './calendar';
import type { KeyFigures } from './keyFigures';
import type { TaskFacts, TaskHealth } from './health';
import type { ActionRecord, ProgressRecord, RequestRecord, TaskRecord } from './records';
import { columnDef, columnLabel, type ColumnKey, type SheetKey } from './schema';
import type { NotificationStatus, TaskStatus } from './enums';
import type { RatingRecord } from './satisfaction';
import type { SignOffRecord } from './signOffs';
import type { SuggestionDecision } from './suggestionSummary';
import type { SuggestionItem } from './suggestions';

/** A request, task or action item shown by its name, its ID beside it (small in the mail). */
export interface NamedCell {
  readonly name: string;
  readonly id: string;
}

export type ReportCell = string | number | NamedCell;

/** The item by name with its ID, or its ID alone when it has no name. */
export function named(name: string, id: string): ReportCell {
  const trimmed = name.trim();
  return trimmed === '' || trimmed === id ? id : { name: trimmed, id };
}

/** A cell as the sheet and the plain-text mail show it: a named item as "name（ID）". */
export function cellText(locale: Locale, cell: ReportCell): string {
  return typeof cell === 'object' ? t(locale, 'summaryNamed', { name: cell.name, id: cell.id }) : String(cell);
}

export interface ReportSection {
  readonly heading: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** Blank lines left under the heading for people to write in (retrospective conclusions). */
  readonly writeIn?: number;
}

export interface Report {
  readonly title: string;
  /** Lines under the title: period, generation time, counts. */
  readonly lines: readonly string[];
  readonly sections: readonly ReportSection[];
}

/** A column header of the catalogue in the workbook's language. */
export function header<S extends SheetKey>(locale: Locale, sheet: S, column: ColumnKey<S>): string {
  return columnLabel(columnDef(sheet, column), locale);
}

// ---------------------------------------------------------------- weeks

export interface IsoWeek {
  readonly year: number;
  readonly week: number;
  /** Monday and Sunday of the week. */
  readonly first: CivilDay;
  readonly last: CivilDay;
}

/** The ISO 8601 week of a civil day: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(day: CivilDay): IsoWeek {
  const first = mondayOf(day);
  const thursday = first + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const january4 = Date.UTC(year, 0, 4) / 86_400_000;
  const week1Monday = mondayOf(january4);
  return { year, week: (first - week1Monday) / 7 + 1, first, last: first + 6 };
}

/** 2024-W28 */
export function weekLabel(week: IsoWeek): string {
  return `${week.year}-W${pad2(week.week)}`;
}

/**
 * The week a summary generated at `now` reports on: the current ISO week, or the previous one
 * while the current week's first working day has not ended yet (the Monday-morning summary is
 * about the week just finished).
 */
export function reportWeek(now: Date, calendar: WorkCalendar): IsoWeek {
  const current = isoWeekOf(calendar.dayOf(now));
  let firstWorking: CivilDay | undefined;
  for (let day = current.first; day <= current.last; day++) {
    if (calendar.isWorkingDay(day)) {
      firstWorking = day;
      break;
    }
  }
  const started = firstWorking !== undefined && now.getTime() >= calendar.endOfWorkingDay(firstWorking).getTime();
  return started ? current : isoWeekOf(current.first - 7);
}

// ---------------------------------------------------------------- facts the summary reads

export interface ReportTask extends Pick<
  TaskRecord,
  keyof TaskFacts | 'row' | 'id' | 'name' | 'request' | 'dept' | 'owner' | 'baseline'
> {
  /** When the work was accepted (latest pass), or, without an acceptance row, the last update of a done task. */
  readonly completedAt: Date | undefined;
  readonly health: TaskHealth;
}

export type ReportProgress = Pick<
  ProgressRecord,
  'task' | 'summary' | 'pct' | 'delayReason' | 'mitigation' | 'at' | 'by'
>;

export type ReportRequest = Pick<
  RequestRecord,
  'id' | 'title' | 'dept' | 'requester' | 'lead' | 'status' | 'expected' | 'submitted' | 'approved' | 'closed'
>;

export type ReportAction = Pick<
  ActionRecord,
  'date' | 'ref' | 'topic' | 'participants' | 'action' | 'owner' | 'due' | 'status'
>;

export interface ReportNotice {
  readonly time: Date;
  readonly rule: string;
  readonly level: string;
  readonly item: string;
  readonly status: NotificationStatus | undefined;
}

/** When each task was completed: the latest passing acceptance date, keyed by upper-case task ID. */
export function acceptedDates(
  passes: readonly { readonly task: string; readonly date: Date | undefined }[],
): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const { task, date } of passes) {
    const key = task.trim().toUpperCase();
    const previous = dates.get(key);
    if (date && (!previous || date > previous)) dates.set(key, date);
  }
  return dates;
}

export function completedAt(
  status: TaskStatus | undefined,
  lastUpdate: Date | undefined,
  accepted: Date | undefined,
): Date | undefined {
  if (status !== 'done') return undefined;
  return accepted ?? lastUpdate;
}

// ---------------------------------------------------------------- the summary

/** An action item with the ID its notices carry (ACT-…), for naming them by their text. */
export interface SummaryAction extends ReportAction {
  readonly id: string;
}

/** A department and its head's email: whose mail starts with that department's part. */
export interface ReportDepartment {
  readonly name: string;
  readonly head: string;
}

export type ReportSignOff = Pick<SignOffRecord, 'subject' | 'ref' | 'signer' | 'requestedAt'>;

export interface SummaryInput {
  readonly now: Date;
  readonly week: IsoWeek;
  readonly calendar: WorkCalendar;
  readonly locale: Locale;
  readonly tasks: readonly ReportTask[];
  readonly progress: readonly ReportProgress[];
  /** Requesters by name. */
  readonly requests: readonly ReportRequest[];
  /** Owners by name. */
  readonly actions: readonly SummaryAction[];
  readonly notices: readonly ReportNotice[];
  readonly departments: readonly ReportDepartment[];
  /** Sign-offs still waiting for their signer (by email). */
  readonly pendingSignOffs: readonly ReportSignOff[];
  /** SPEC §3.9 for the week, as the dashboard computes them per month. */
  readonly figures: KeyFigures;
  /** 满意度 rows (SPEC §2.11); absent when the workbook has no such sheet, and then no section. */
  readonly ratings?: readonly RatingRecord[];
  /** 改进建议 (SPEC §2.13) and the status changes the Change history holds of them. */
  readonly suggestions: readonly SuggestionItem[];
  readonly suggestionDecisions: readonly SuggestionDecision[];
}

export type SummaryCounts = Readonly<
  Record<'completed' | 'attention' | 'overdue' | 'lagging' | 'stale' | 'dueNext' | 'pending', number>
>;

/** What one department head's mail starts with: their department's tasks needing attention, due next, sign-offs. */
export interface DepartmentPart {
  readonly dept: string;
  readonly head: string;
  readonly sections: readonly ReportSection[];
}

export interface WeeklySummary extends Report {
  readonly week: IsoWeek;
  readonly counts: SummaryCounts;
  /** Tasks needing attention, each counted once, and the week's other counts, in words. */
  readonly headline: string;
  /** The week's SPEC §3.9 key figures in words. */
  readonly keyFigures: string;
  readonly departments: readonly DepartmentPart[];
}

/** The Notification log's rule for the summary mail; its item is the week ("2024-W28"). */
export const SUMMARY_MAIL_RULE = 'weeklySummary';

/** The summary mail's log key for one week: like a notice's, rule|level|item (no level). */
export function summaryMailKey(week: IsoWeek): string {
  return `${SUMMARY_MAIL_RULE}||${weekLabel(week)}`;
}

export function summaryTitle(locale: Locale, week: IsoWeek): string {
  return t(locale, 'summaryTitle', { week: weekLabel(week) });
}
