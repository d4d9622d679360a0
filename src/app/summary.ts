/**
 * "Generate weekly summary" (SPEC §2.8): reads every data sheet once, writes the sheet
 * 周报 YYYY-Www (regenerating the same week replaces that sheet and nothing else), and optionally
 * mails it to coordinators and department heads through the send ledger (SPEC §3.5): within the
 * mail quota, honouring dry-run, the rest queued for the tick.
 * Also the task and request readers the retrospective shares; the sheet is written by gas/reportSheet.ts.
 */
import { WorkCalendar } from '../domain/calendar';
import { leftOverQueued, pendingKeys } from '../domain/delivery';
import { isEmail, resolveEmail } from '../domain/directory';
import { taskHealth } from '../domain/health';
import { toldTimes } from '../domain/told';
import {
  acceptedDates,
  completedAt,
  reportWeek,
  SUMMARY_MAIL_RULE,
  summaryMailKey,
  summaryTitle,
  weekLabel,
  type IsoWeek,
  type ReportNotice,
  type ReportTask,
  type WeeklySummary,
} from '../domain/summary';
import { summaryEmail } from '../domain/summaryEmail';
import { weeklySummary } from '../domain/summarySections';
import { actionId } from '../domain/notices';
import { pendingSignOffs } from '../domain/signOffs';
import type { ProgressRecord, RequestRecord } from '../domain/records';
import { activeAutomationOwner } from '../gas/automationRecord';
import type { LedgerMail } from '../gas/ledger';
import { withLedgerLease } from '../gas/ledgerLease';
import { LOCK_WAIT_MS } from '../gas/lock';
import type { Mailer } from '../gas/mailer';
import { sheetTitled, writeReport } from '../gas/reportSheet';
import { LOCALES } from '../i18n/index';
import { MailLog, readLogEntries } from './mailLog';
import { keyFigures } from '../domain/keyFigures';
import { readKpiSources } from './kpiSources';
import { readRatings } from './ratings';
import { latestProgress, readAcceptances, readActions, readProgress, readRequests, readTasks } from './records';
import { readSuggestionDecisions, readSuggestions } from './suggestions';
import { readSignOffs } from './signOffs';
import { isCoordinator, type Workbook } from './workbook';
import { inWorkbook, menuAction, peekWorkbook, retryWhenBusy } from './operation';

type Ui = GoogleAppsScript.Base.Ui;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// ---------------------------------------------------------------- readers

/** Every task with an ID, its latest progress (of `progress`, in sheet order), completion time and health at wb.now. */
export function readReportTasks(
  wb: Workbook,
  calendar: WorkCalendar,
  progress: readonly ProgressRecord[],
  now: Date = wb.now,
): ReportTask[] {
  const tasks = readTasks(wb, latestProgress(progress)).filter((task) => task.id !== '');
  if (tasks.length === 0) return [];
  const accepted = acceptedDates(readAcceptances(wb).filter((acceptance) => acceptance.result === 'pass'));
  return tasks.map((task) => ({
    ...task,
    completedAt: completedAt(task.status, task.lastUpdate, accepted.get(task.id.toUpperCase())),
    health: taskHealth(task, now, calendar, wb.settings),
  }));
}

/** Requests rows that have their ID. */
export function readReportRequests(wb: Workbook): RequestRecord[] {
  return readRequests(wb).filter((request) => request.id !== '');
}

/** The Notification log's notices, a message row read as an entry per notice it carried. */
function readNotices(wb: Workbook): ReportNotice[] {
  return readLogEntries(wb).map(({ time, rule, level, item, status }) => ({ time, rule, level, item, status }));
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
  /** The sheet written; '' when the run only mailed earlier weeks' summaries again. */
  readonly sheet: string;
  readonly sent: readonly string[];
  /** In dry-run mode: who would have got it. */
  readonly dryRun: readonly string[];
  /** Left on the log queued: today's quota ran out, sending failed, or the run's time ran out. */
  readonly queued: readonly string[];
  /** Had this week's summary already (or have it waiting on the log): not mailed again. */
  readonly alreadyTold: readonly string[];
}

/** A summary whose mail is on the Notification log; `deliver` mails it, after the caller let go of the lock. */
export interface RecordedSummary {
  deliver(mailer: Mailer): SummaryOutcome;
}

export interface SummaryOptions {
  /** Write this week's summary sheet. */
  readonly generate: boolean;
  /**
   * Whether this week's summary is mailed: to those who have not had it yet (a coordinator asked,
   * or the tick; a regenerated week mails no one twice), or to nobody.
   */
  readonly email: 'untold' | 'nobody';
  /** Also mail again what earlier runs left queued (the tick). */
  readonly retry: boolean;
}

/** Coordinators and department heads (by email, however Departments writes them), once each. */
export function summaryRecipients(wb: Workbook): string[] {
  return [...new Set([...wb.settings.coordinators, ...departmentHeads(wb).map((d) => d.head)])].filter(isEmail);
}

/** Each department with its head's email ('' when it has none or it names no one in People). */
function departmentHeads(wb: Workbook): { name: string; head: string }[] {
  const directory = wb.directory();
  return directory.departments.map((d) => ({ name: d.name, head: resolveEmail(directory, d.head) ?? '' }));
}

/**
 * Writes the summary of the report week at wb.now and records its mail on the log (SPEC §3.5:
 * the summary mail goes through the same ledger as every notice); the caller holds the document
 * lock. A retry rebuilds an earlier week's mail as of the time it was first recorded.
 */
export function recordWeeklySummary(wb: Workbook, options: SummaryOptions): RecordedSummary {
  const calendar = new WorkCalendar(wb.settings);
  const dryRun = wb.settings.emailMode === 'dry-run';
  const mails: LedgerMail[] = [];
  const dryRunRecipients: string[] = [];
  const alreadyTold: string[] = [];
  let sheet = '';
  const ledger = options.email !== 'nobody' || options.retry ? MailLog.of(wb) : undefined;
  const record = (summary: WeeklySummary, recipient: string) => {
    if (!ledger) return;
    const row = ledger.recordMail({
      rule: SUMMARY_MAIL_RULE,
      item: weekLabel(summary.week),
      key: summaryMailKey(summary.week),
      recipient,
    });
    if (dryRun) dryRunRecipients.push(recipient);
    else mails.push({ message: summaryEmail(summary, recipient, wb.locale, summaryLink(wb, summary.week)), row });
  };

  if (options.generate) {
    const week = reportWeek(wb.now, calendar);
    const summary = summaryAt(wb, wb.now, week, calendar);
    sheet = writeReport(
      wb.spreadsheet,
      summaryTitle(wb.locale, week),
      summary,
      wb.locale,
      summarySheetOf(wb, week),
    ).getName();
    if (ledger && options.email !== 'nobody') {
      const told = new Set(
        [...toldTimes(ledger.entries, wb.settings.emailMode).keys(), ...pendingKeys(ledger.entries)]
          .filter((key) => key.startsWith(`${summaryMailKey(week)}|`))
          .map((key) => key.slice(summaryMailKey(week).length + 1)),
      );
      // Told, queued or awaiting a retry this week (the retries below mail those when due): not again.
      for (const recipient of summaryRecipients(wb)) {
        if (told.has(recipient)) alreadyTold.push(recipient);
        else record(summary, recipient);
      }
    }
  }
  if (ledger && options.retry) {
    for (const [time, recipients] of summaryRetries(ledger, wb.now)) {
      const at = new Date(time);
      const summary = summaryAt(wb, at, reportWeek(at, calendar), calendar);
      for (const recipient of recipients) record(summary, recipient);
    }
  }
  if (ledger && (mails.length > 0 || dryRunRecipients.length > 0)) ledger.record();

  return {
    deliver(mailer) {
      if (!ledger || mails.length === 0) return { sheet, sent: [], dryRun: dryRunRecipients, queued: [], alreadyTold };
      // What does not fit today's quota stays queued, untried, for a later tick.
      const outcome = ledger.deliver(mails, mailer);
      const unsent = new Set(outcome.unsent);
      const recipients = (list: readonly LedgerMail[]) => list.map((mail) => mail.message.recipient);
      return {
        sheet,
        sent: recipients(mails.filter((mail) => !unsent.has(mail))),
        dryRun: [],
        queued: recipients(mails.filter((mail) => unsent.has(mail))),
        alreadyTold,
      };
    },
  };
}

/**
 * Summary mail earlier runs left waiting (queued, or a failed send whose back-off is over), by
 * the time it was first recorded: the recipients to mail again, each the week generated then.
 */
function summaryRetries(ledger: MailLog, now: Date): Map<number, string[]> {
  const retries = new Map<number, string[]>();
  for (const [key, entry] of leftOverQueued(ledger.entries, now)) {
    if (entry.rule !== SUMMARY_MAIL_RULE) continue;
    const recipient = key.slice(entry.key.length + 1);
    const waiting = ledger.waiting(recipient, (row) => row.keys.length === 1 && row.keys[0] === entry.key);
    // A message row no longer waiting was closed by this run (its retries ended).
    if (!waiting && entry.attempts !== undefined) continue;
    const time = (waiting?.ledger.recordedAt ?? entry.time).getTime();
    retries.set(time, [...(retries.get(time) ?? []), recipient]);
  }
  return retries;
}

/** The summary of `week` as it stood at `now`. */
function summaryAt(wb: Workbook, now: Date, week: IsoWeek, calendar: WorkCalendar): WeeklySummary {
  // Everyone the summary names is shown by name (SPEC §2); its figures never match people.
  const progress = readProgress(wb).map((entry) => ({ ...entry, by: wb.nameOf(entry.by) }));
  const owned = <T extends { readonly owner: string }>(item: T): T => ({ ...item, owner: wb.nameOf(item.owner) });
  const tasks = readReportTasks(wb, calendar, progress, now);
  return weeklySummary({
    now,
    week,
    calendar,
    locale: wb.locale,
    tasks: tasks.map(owned),
    figures: keyFigures(readKpiSources(wb, tasks), week, now, calendar, wb.settings),
    progress,
    requests: readReportRequests(wb).map((request) => ({ ...request, requester: wb.nameOf(request.requester) })),
    // The ID its notices carry is worked out from the row as written, before the owner is named.
    actions: readActions(wb).map((action) => owned({ ...action, id: actionId(action, calendar) })),
    notices: readNotices(wb),
    departments: departmentHeads(wb),
    pendingSignOffs: pendingSignOffs(readSignOffs(wb)),
    ...(wb.optionalTable('satisfaction') ? { ratings: readRatings(wb) } : {}),
    suggestions: readSuggestions(wb),
    suggestionDecisions: readSuggestionDecisions(wb),
  });
}

/** The week's summary sheet, or the workbook when it is gone. */
function summaryLink(wb: Workbook, week: IsoWeek): string {
  const sheet = summarySheetOf(wb, week);
  const url = wb.spreadsheet.getUrl();
  return sheet ? `${url}#gid=${sheet.getSheetId()}` : url;
}

export function describeSummary(wb: Workbook, outcome: SummaryOutcome): string {
  const list = (people: readonly string[]) => wb.namesOf(people);
  const lines = outcome.sheet ? [wb.text('summaryDone', { sheet: outcome.sheet })] : [];
  if (outcome.sent.length > 0) lines.push(wb.text('summaryMailSent', { count: outcome.sent.length }));
  if (outcome.alreadyTold.length > 0)
    lines.push(
      wb.text('summaryMailAlreadyTold', { count: outcome.alreadyTold.length, recipients: list(outcome.alreadyTold) }),
    );
  if (outcome.dryRun.length > 0)
    lines.push(wb.text('summaryMailDryRun', { count: outcome.dryRun.length, recipients: list(outcome.dryRun) }));
  if (outcome.queued.length > 0) {
    // Only the hourly tick sends what is queued: without it, the coordinator must know to act.
    const key = activeAutomationOwner(wb.spreadsheet) ? 'summaryMailQueued' : 'summaryMailQueuedNoAutomation';
    lines.push(wb.text(key, { count: outcome.queued.length, recipients: list(outcome.queued) }));
  }
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
    const options = { generate: true, email: email ? 'untold' : 'nobody', retry: false } as const;
    const generate = () => {
      const { wb, recorded } = inWorkbook(now, (wb) => ({ wb, recorded: recordWeeklySummary(wb, options) }));
      return describeSummary(wb, recorded.deliver(mailer));
    };
    // Mail goes through the ledger: one run at a time records and sends (gas/ledgerLease).
    ui.alert(email ? retryWhenBusy(() => withLedgerLease(view.spreadsheet, LOCK_WAIT_MS.user, generate)) : generate());
  });
}
