/**
 * "Generate weekly summary" (SPEC §2.8): reads every data sheet once, writes the sheet
 * 周报 YYYY-Www (regenerating the same week replaces that sheet and nothing else), and optionally
 * mails it to coordinators and department heads within the mail quota, honouring dry-run.
 * Also the task and request readers the retrospective shares; the sheet is written by gas/reportSheet.ts.
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
  type ReportNotice,
  type ReportTask,
} from '../domain/summary';
import type { ProgressRecord, RequestRecord } from '../domain/records';
import type { Mailer } from '../gas/mailer';
import { sheetTitled, writeReport } from '../gas/reportSheet';
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

// ---------------------------------------------------------------- the use case

/**
 * The sheet already holding `week`'s summary, titled in the workbook's language or else in the
 * other one: a week has one summary whatever the language it was last generated in.
 */
function summarySheetOf(wb: Workbook, week: IsoWeek): Sheet | null {
  const locales = [wb.locale, ...LOCALES.filter((locale) => locale !== wb.locale)];
  return sheetTitled(
    wb.spreadsheet,
    locales.map((locale) => summaryTitle(locale, week)),
  );
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
  const sheet = writeReport(
    wb.spreadsheet,
    summaryTitle(wb.locale, week),
    summary,
    wb.locale,
    summarySheetOf(wb, week),
  );
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
