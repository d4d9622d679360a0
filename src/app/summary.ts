/**
 * "Generate weekly summary" (SPEC §2.8): reads every data sheet once, writes the sheet
 * 周报 YYYY-Www (regenerating the same week replaces that sheet and nothing else), and optionally
 * mails it to coordinators and department heads within the mail quota, honouring dry-run.
 * Also the task and request readers and the report writer the retrospective shares.
 */
import { WorkCalendar } from '../domain/calendar';
import { isEmail } from '../domain/directory';
import { taskHealth } from '../domain/health';
import { parseEnum } from '../domain/schema';
import {
  acceptedDates,
  completedAt,
  reportWeek,
  summaryEmail,
  summaryTitle,
  weeklySummary,
  type IsoWeek,
  type Report,
  type ReportNotice,
  type ReportTask,
} from '../domain/summary';
import type { ProgressRecord, RequestRecord } from '../domain/records';
import type { Mailer } from '../gas/mailer';
import { growToFit } from '../gas/grid';
import { latestProgress, readAcceptances, readActions, readProgress, readRequests, readTasks } from './records';
import { LOCALES } from '../i18n/index';
import { inWorkbook, isCoordinator, menuAction, peekWorkbook, type Workbook } from './workbook';

type Ui = GoogleAppsScript.Base.Ui;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// ---------------------------------------------------------------- readers

/** Every task with an ID, its latest progress (of `progress`, in sheet order), completion time and health at wb.now. */
export function readReportTasks(
  wb: Workbook,
  calendar: WorkCalendar,
  progress: readonly ProgressRecord[],
): ReportTask[] {
  const tasks = readTasks(wb, latestProgress(progress)).filter((task) => task.id !== '');
  if (tasks.length === 0) return [];
  const accepted = acceptedDates(readAcceptances(wb).filter((acceptance) => acceptance.result === 'pass'));
  return tasks.map((task) => ({
    ...task,
    completedAt: completedAt(task.status, task.lastUpdate, accepted.get(task.id.toUpperCase())),
    health: taskHealth(task, wb.now, calendar, wb.settings),
  }));
}

/** Requests rows that have their ID. */
export function readReportRequests(wb: Workbook): RequestRecord[] {
  return readRequests(wb).filter((request) => request.id !== '');
}

function readNotices(wb: Workbook): ReportNotice[] {
  const notices: ReportNotice[] = [];
  for (const row of wb.optionalTable('notificationLog')?.records() ?? []) {
    const time = row.get('time');
    if (!(time instanceof Date)) continue;
    notices.push({
      time,
      rule: row.text('rule'),
      level: row.text('level'),
      item: row.text('item'),
      recipients: row.text('recipients'),
      status: parseEnum('notificationStatus', row.get('status')),
    });
  }
  return notices;
}

// ---------------------------------------------------------------- the report sheet

const HEADER_BACKGROUND = '#e8eaed';

/**
 * Writes a report into the sheet `title` (or `existing`, renamed to `title`), replacing what that
 * sheet held (and nothing else): one setValues for the content, one call each for bold and header
 * backgrounds.
 */
export function writeReport(
  wb: Workbook,
  title: string,
  report: Report,
  existing: Sheet | null = wb.spreadsheet.getSheetByName(title),
): Sheet {
  const sheet = existing ?? wb.spreadsheet.insertSheet(title);
  if (existing) {
    existing.clear();
    if (existing.getName() !== title) existing.setName(title);
  }
  const none = wb.text('reportNone');
  const lines: { cells: readonly (string | number)[]; kind: 'title' | 'heading' | 'header' | 'body' }[] = [
    { cells: [report.title], kind: 'title' },
    ...report.lines.map((line) => ({ cells: [line], kind: 'body' as const })),
  ];
  for (const section of report.sections) {
    lines.push({ cells: [], kind: 'body' }, { cells: [section.heading], kind: 'heading' });
    if (section.columns.length > 0) lines.push({ cells: section.columns, kind: 'header' });
    if (section.writeIn !== undefined) {
      for (let i = 0; i < section.writeIn; i++) lines.push({ cells: [], kind: 'body' });
    } else if (section.rows.length === 0) lines.push({ cells: [none], kind: 'body' });
    else lines.push(...section.rows.map((cells) => ({ cells, kind: 'body' as const })));
  }
  const width = Math.max(1, ...lines.map((line) => line.cells.length));
  growToFit(sheet, lines.length, width);
  const range = sheet.getRange(1, 1, lines.length, width);
  // Plain text: every cell holds exactly what the report says (an apostrophe would show), never a formula.
  range.setNumberFormat('@');
  range.setValues(lines.map((line) => Array.from({ length: width }, (_, i) => line.cells[i] ?? '')));
  range.setFontWeights(
    lines.map((line) => Array.from({ length: width }, () => (line.kind === 'body' ? 'normal' : 'bold'))),
  );
  range.setBackgrounds(
    lines.map((line) =>
      Array.from({ length: width }, (_, i) =>
        line.kind === 'header' && i < line.cells.length ? HEADER_BACKGROUND : null,
      ),
    ),
  );
  sheet.setColumnWidths(1, width, 140);
  return sheet;
}

/** Sheets refuses ranges beyond the grid, so the grid grows first. */
// ---------------------------------------------------------------- the use case

/**
 * The sheet already holding `week`'s summary, titled in the workbook's language or else in the
 * other one: a week has one summary whatever the language it was last generated in.
 */
function summarySheetOf(wb: Workbook, week: IsoWeek): Sheet | null {
  const locales = [wb.locale, ...LOCALES.filter((locale) => locale !== wb.locale)];
  for (const locale of locales) {
    const sheet = wb.spreadsheet.getSheetByName(summaryTitle(locale, week));
    if (sheet) return sheet;
  }
  return null;
}

export interface SummaryOutcome {
  readonly sheet: string;
  /** Who gets (or, in dry-run, would get) the email; empty when not emailed. */
  readonly recipients: readonly string[];
  readonly sent: readonly string[];
  readonly dryRun: readonly string[];
  /** Not sent: today's quota ran out. */
  readonly overQuota: readonly string[];
  readonly failed: readonly string[];
}

/** Coordinators and department heads, once each. */
export function summaryRecipients(wb: Workbook): string[] {
  const heads = wb.directory().departments.map((d) => d.head.trim().toLowerCase());
  return [...new Set([...wb.settings.coordinators, ...heads])].filter(isEmail);
}

/** Generates the summary of the report week at wb.now; the caller holds the document lock. */
export function generateWeeklySummary(
  wb: Workbook,
  mailer: Mailer,
  options: { readonly email: boolean },
): SummaryOutcome {
  const calendar = new WorkCalendar(wb.settings);
  const week = reportWeek(wb.now, calendar);
  const progress = readProgress(wb);
  const summary = weeklySummary({
    now: wb.now,
    week,
    calendar,
    locale: wb.locale,
    tasks: readReportTasks(wb, calendar, progress),
    progress,
    requests: readReportRequests(wb),
    actions: readActions(wb),
    notices: readNotices(wb),
  });
  const sheet = writeReport(wb, summaryTitle(wb.locale, week), summary, summarySheetOf(wb, week));
  const outcome = {
    sheet: sheet.getName(),
    recipients: [] as string[],
    sent: [] as string[],
    dryRun: [] as string[],
    overQuota: [] as string[],
    failed: [] as string[],
  };
  if (!options.email) return outcome;

  outcome.recipients = summaryRecipients(wb);
  if (wb.settings.emailMode === 'dry-run') {
    outcome.dryRun = outcome.recipients;
    return outcome;
  }
  const link = `${wb.spreadsheet.getUrl()}#gid=${sheet.getSheetId()}`;
  const quota = mailer.remainingQuota();
  for (const [i, recipient] of outcome.recipients.entries()) {
    if (i >= quota) {
      outcome.overQuota.push(recipient);
      continue;
    }
    try {
      mailer.send(summaryEmail(summary, recipient, wb.locale, link), wb.text('appName'));
      outcome.sent.push(recipient);
    } catch {
      outcome.failed.push(recipient);
    }
  }
  return outcome;
}

export function describeSummary(wb: Workbook, outcome: SummaryOutcome): string {
  const list = (people: readonly string[]) => people.join(', ');
  const lines = [wb.text('summaryDone', { sheet: outcome.sheet })];
  if (outcome.sent.length > 0) lines.push(wb.text('summaryMailSent', { count: outcome.sent.length }));
  if (outcome.dryRun.length > 0)
    lines.push(wb.text('summaryMailDryRun', { count: outcome.dryRun.length, recipients: list(outcome.dryRun) }));
  if (outcome.overQuota.length > 0)
    lines.push(wb.text('summaryMailQuota', { count: outcome.overQuota.length, recipients: list(outcome.overQuota) }));
  if (outcome.failed.length > 0)
    lines.push(wb.text('summaryMailFailed', { count: outcome.failed.length, recipients: list(outcome.failed) }));
  return lines.join('\n');
}

/** The menu item: coordinators are asked whether to email it too; anyone may generate the sheet. */
export function weeklySummaryFromMenu(ui: Ui, now: Date, mailer: Mailer): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    const recipients = summaryRecipients(view);
    let email = false;
    if (isCoordinator(view) && recipients.length > 0) {
      const sheet = summaryTitle(view.locale, reportWeek(now, new WorkCalendar(view.settings)));
      const answer = ui.alert(
        view.text('summaryAskEmail', { sheet, count: recipients.length }),
        ui.ButtonSet.YES_NO_CANCEL,
      );
      if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
      email = answer === ui.Button.YES;
    }
    const message = inWorkbook(now, (wb) => describeSummary(wb, generateWeeklySummary(wb, mailer, { email })));
    ui.alert(message);
  });
}
