/**
 * Automation (SPEC §4): turning the hourly tick on and off, its status, "Run checks now", and
 * the tick itself, which dispatches the daily scan, the weekly summary and queued notices.
 *
 * One automation owner per workbook, recorded in the workbook (gas/automationRecord): the
 * coordinator whose trigger runs the tick. Triggers are per user, so another coordinator can
 * neither see nor delete the owner's; instead a tick checks, each hour, that it is still the
 * registered one and that its owner is still a coordinator, and removes itself when not.
 */
import { refreshTimeline } from './timeline';
import { alignProtectionEditors } from '../gas/protectionEditors';
import { dayKeyOf, WorkCalendar, wallDateTime } from '../domain/calendar';
import { dueJobs, type AutomationState } from '../domain/schedule';
import { settingText } from '../domain/settings';
import {
  activeAutomationOwner,
  forgetTickWorkbook,
  readAutomationOwner,
  readAutomationState,
  rememberTickWorkbook,
  tickWorkbookId,
  writeAutomationOwner,
  writeAutomationState,
  type AutomationOwner,
} from '../gas/automationRecord';
import { activeSpreadsheet, activeSpreadsheetIfAny, openSpreadsheet, spreadsheetUi } from '../gas/document';
import { withLedgerLease } from '../gas/ledgerLease';
import { DocumentBusy, LOCK_WAIT_MS, withDocumentLock } from '../gas/lock';
import type { LedgerMail } from '../gas/ledger';
import { mailApp, type Mailer } from '../gas/mailer';
import { installTick, isAuthorized, removeTick, removeTriggerById } from '../gas/triggers';
import { cellBudgetStatus } from './cellBudget';
import { MailLog } from './mailLog';
import { handleLateEdits } from './lateEdits';
import { recordWaitingNudges } from './nudge';
import { syncRequests } from './requests';
import { queuedCount, recordScan, type ScanReport } from './scan';
import { recordWeeklySummary } from './summary';
import { foldOldSummaries } from './summaryFold';
import { effectiveUserEmail, isCoordinator, requireCoordinator, Workbook } from './workbook';
import { inWorkbook, menuAction, peekWorkbook, retryWhenBusy } from './operation';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type TickOutcome =
  | 'unauthorized'
  /** A trigger whose workbook nobody recorded (made before workbooks were recorded): removed. */
  | 'noWorkbook'
  /** Another coordinator took automation over, or it was turned off: this trigger removed itself. */
  | 'replaced'
  /** The owner is no longer a coordinator: the trigger removed itself and told them. */
  | 'ownerNotCoordinator'
  | { readonly daily: boolean; readonly scan: ScanReport; readonly summary: boolean };

/**
 * The workbook a tick serves: the active one when the trigger runs bound to it, otherwise the one
 * recorded for this trigger when automation was turned on (an add-on's trigger has no document).
 */
function tickSpreadsheet(triggerUid: string | undefined): Spreadsheet | undefined {
  const active = activeSpreadsheetIfAny();
  if (active) return active;
  const id = triggerUid === undefined ? undefined : tickWorkbookId(triggerUid);
  return id === undefined ? undefined : openSpreadsheet(id);
}

/**
 * One hourly tick: the daily scan when due, otherwise the hourly pass (health, queue, final
 * hours, failed acceptances); the weekly summary when due. Checks authorization first: a trigger
 * left running after the add-on gained scopes would otherwise fail on every service call.
 * Reading, deciding and recording run under the document lock when the run has a document (an
 * add-on's trigger has none, and its compare-and-set writes need none); the mail goes out after.
 * The daily scan counts as done once its notices are recorded. `triggerUid` is absent when the
 * handler is run by hand: it then serves the open workbook and nothing checks registration.
 */
export function tick(triggerUid: string | undefined, mailer: Mailer): TickOutcome {
  if (!isAuthorized()) return 'unauthorized';
  const spreadsheet = tickSpreadsheet(triggerUid);
  if (!spreadsheet) {
    if (triggerUid !== undefined) removeTriggerById(triggerUid);
    return 'noWorkbook';
  }
  const registered = readAutomationOwner(spreadsheet);
  // Turned off, or taken over by another coordinator: this trigger is not the workbook's any more.
  if (triggerUid !== undefined && (!registered || registered.stopped || registered.triggerUid !== triggerUid)) {
    stopTick(spreadsheet, triggerUid);
    return 'replaced';
  }
  // The ledger lease for the whole run (SPEC §3.5: one run at a time sends); the document lock
  // only while reading, deciding and recording, so nobody's edit waits on the mail.
  return withLedgerLease(spreadsheet, LOCK_WAIT_MS.tick, () => {
    const run = withDocumentLock(LOCK_WAIT_MS.tick, () => {
      // The tick acts for nobody in particular: what it stamps on a row says (unknown), not its owner.
      let wb = Workbook.whole(spreadsheet, new Date(), '');
      wb.via = 'trigger';
      // A registered tick runs as the owner on record; a tick run by hand, as whoever runs it.
      const owner = registered?.owner ?? effectiveUserEmail();
      if (!isCoordinator({ settings: wb.settings, user: owner })) {
        return { wb, owner, stop: true as const, notices: recordStopNotices(wb, owner) };
      }
      const due = dueJobs(wb.now, wb.settings, new WorkCalendar(wb.settings), readAutomationState(spreadsheet));
      // What onEdit could not do while the lock was busy (it gave up after a few seconds) is done
      // here, edit by edit, as its typist would have at the typed time (lateEdits.ts); the scan then
      // reads the workbook as they left it.
      if (handleLateEdits(spreadsheet, wb.now)) {
        wb = Workbook.whole(spreadsheet, wb.now, '');
        wb.via = 'trigger';
      }
      if (wb.optionalTable('requests')) syncRequests(wb);
      // Once a day, the protections' editors follow Settings' coordinators (where this owner may change them).
      if (due.scan) alignProtectionEditors(spreadsheet, wb.settings.coordinators);
      const recorded = recordScan(wb, mailer, { hourly: !due.scan });
      // Nudges a click recorded but could not send (a failed send, the quota) go with this run.
      const nudges = recordWaitingNudges(wb);
      // The week's summary when due, and whatever summary mail earlier runs left waiting.
      const summary = recordWeeklySummary(wb, { generate: due.summary, email: 'untold', retry: true });
      if (due.summary) foldOldSummaries(wb);
      if (due.scan || due.summary) writeAutomationState(spreadsheet, due.next);
      return { wb, due, recorded, summary, nudges, stop: false as const };
    });
    if (run.stop) {
      stopForFormerCoordinator(run.wb, registered, triggerUid);
      MailLog.of(run.wb).deliver(run.notices, mailer);
      return 'ownerNotCoordinator';
    }
    const scan = run.recorded.deliver(mailer);
    run.summary.deliver(mailer);
    if (run.nudges.length > 0) MailLog.of(run.wb).deliver(run.nudges, mailer);
    if (run.due.timeline) refreshTimelineAfterMail(run.wb, run.due.next);
    return { daily: run.due.scan, scan, summary: run.due.summary };
  });
}

/**
 * The timeline's rows and grid follow the tasks once a day after the scan (SPEC §2.8; its colours
 * follow the clock by themselves). It is a view: it goes after the mail, and only while the run is
 * within its budget, so it never holds back a digest; otherwise a later tick of the day does it.
 */
function refreshTimelineAfterMail(wb: Workbook, state: Required<AutomationState>): void {
  if (Date.now() >= wb.now.getTime() + wb.settings.runBudgetSeconds * 1000) return;
  const today = dayKeyOf(new WorkCalendar(wb.settings).dayOf(wb.now));
  try {
    withDocumentLock(LOCK_WAIT_MS.tick, () => {
      refreshTimeline(wb);
      writeAutomationState(wb.spreadsheet, { ...state, lastTimelineDay: today });
    });
  } catch (error) {
    // The mail is out; a busy workbook only defers the view to a later tick.
    if (!(error instanceof DocumentBusy)) throw error;
  }
}

/** The trigger stops serving the workbook: removed, and its record of the workbook forgotten. */
function stopTick(spreadsheet: Spreadsheet, triggerUid: string | undefined): void {
  if (triggerUid !== undefined) removeTriggerById(triggerUid);
  forgetTickWorkbook(spreadsheet.getId());
}

/** The owner lost the coordinator role: their tick stops mailing for good (it removes itself) and Status says why. */
function stopForFormerCoordinator(
  wb: Workbook,
  registered: AutomationOwner | undefined,
  triggerUid: string | undefined,
): void {
  stopTick(wb.spreadsheet, triggerUid);
  if (registered) {
    writeAutomationOwner(wb.spreadsheet, {
      ...registered,
      stopped: { reason: 'ownerNotCoordinator', at: wb.now.toISOString() },
    });
  }
}

/** The Notification log's rule for telling an owner their automation stopped; its item is the owner. */
const AUTOMATION_STOPPED_RULE = 'automationStopped';

/**
 * The mails telling the owner why their automation stopped, and every coordinator that nothing is
 * sent until one of them turns it on (the one place a trigger can say anything), recorded on the
 * log like every other mail (told once: the stop is recorded in the same run); none in dry-run mode.
 */
function recordStopNotices(wb: Workbook, owner: string): LedgerMail[] {
  const ledger = MailLog.of(wb);
  const url = wb.source.url();
  const recipients = [...new Set([owner, ...wb.settings.coordinators].filter((address) => address !== ''))];
  const mails = recipients.map((recipient) => {
    const row = ledger.recordMail({
      rule: AUTOMATION_STOPPED_RULE,
      item: owner,
      key: `${AUTOMATION_STOPPED_RULE}||${owner}`,
      recipient,
    });
    const body =
      recipient === owner
        ? wb.text('automationStoppedMailBody', { owner, url, coordinators: wb.namesOf(wb.settings.coordinators) })
        : wb.text('automationStoppedCoordinatorMailBody', { owner, url });
    return {
      message: { recipient, subject: wb.text('automationStoppedMailSubject'), textBody: body, htmlBody: '' },
      row,
    };
  });
  ledger.record();
  return wb.settings.emailMode === 'dry-run' ? [] : mails;
}

/** The tick_ trigger handler. Runs as the user who turned automation on. */
export function runTick(triggerUid: string | undefined): TickOutcome {
  return tick(triggerUid, mailApp);
}

/** Runs an Automation menu action under the document lock and shows its outcome, or the user's mistake, in an alert. */
export function runAutomationMenu(action: (wb: Workbook) => string): void {
  const ui = spreadsheetUi();
  menuAction(ui, () => ui.alert(inWorkbook(new Date(), action, { whole: true })));
}

/**
 * Turn on: a second coordinator is told who owns automation and may take it over (SPEC §4): their
 * tick becomes the registered one, and the first owner's removes itself at its next run, so there
 * is never a time when both mail. Asked before the lock is taken: nobody waits on a dialog.
 */
export function turnOnFromMenu(now: Date): void {
  const ui = spreadsheetUi();
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    requireCoordinator(view);
    const current = activeAutomationOwner(view.spreadsheet);
    let takeOverFrom: string | undefined;
    if (current && current.owner !== view.user) {
      const answer = ui.alert(view.text('automationTakeOverQuestion', { owner: current.owner }), ui.ButtonSet.YES_NO);
      if (answer !== ui.Button.YES) {
        ui.alert(view.text('automationKeptOwner', { owner: current.owner }));
        return;
      }
      takeOverFrom = current.owner;
    }
    ui.alert(inWorkbook(now, (wb) => turnOnAutomation(wb, takeOverFrom), { whole: true }));
  });
}

export function turnOnAutomation(wb: Workbook, takeOverFrom?: string): string {
  requireCoordinator(wb);
  const { spreadsheet } = wb;
  const current = activeAutomationOwner(spreadsheet);
  // Someone else took it over while this user read the question: they are asked again, not overruled.
  if (current && current.owner !== wb.user && current.owner !== takeOverFrom) {
    return wb.text('automationOwnedBy', { owner: current.owner });
  }
  const { triggerUid, created } = installTick(spreadsheet);
  rememberTickWorkbook(spreadsheet.getId(), triggerUid);
  const unchanged = !created && current?.owner === wb.user && current.triggerUid === triggerUid;
  if (unchanged) return wb.text('automationAlreadyOn');
  writeAutomationOwner(spreadsheet, { owner: wb.user, triggerUid, since: wb.now.toISOString() });
  const { settings, locale } = wb;
  const on = wb.text('automationOn', {
    scanHour: settings.scanHour,
    summaryDay: settingText(locale, 'summaryDay', settings),
    summaryHour: settings.summaryHour,
    mode: settingText(locale, 'emailMode', settings),
  });
  return current && current.owner !== wb.user
    ? [on, wb.text('automationTookOver', { owner: current.owner })].join('\n')
    : on;
}

/** Turn off: the owner's removes their tick; anyone else is told who owns it and what to do. */
export function turnOffAutomation(wb: Workbook): string {
  requireCoordinator(wb);
  const { spreadsheet } = wb;
  const current = activeAutomationOwner(spreadsheet);
  // A tick of this user that is not the registered one would stop itself anyway; it goes now.
  const removed = removeTick(spreadsheet);
  if (current && current.owner !== wb.user) return wb.text('automationOffNotOwner', { owner: current.owner });
  forgetTickWorkbook(spreadsheet.getId());
  writeAutomationOwner(spreadsheet, undefined);
  return wb.text(removed > 0 || current ? 'automationOff' : 'automationWasOff');
}

export function automationStatus(wb: Workbook): string {
  const registered = readAutomationOwner(wb.spreadsheet);
  const state = !registered
    ? wb.text('automationStateOff')
    : registered.stopped
      ? wb.text('automationStateStopped', {
          owner: wb.nameOf(registered.owner),
          at: wallDateTime(new Date(registered.stopped.at), wb.timeZone).slice(0, 16),
        })
      : wb.text('automationStateOn', { owner: wb.nameOf(registered.owner) });
  const status = wb.text('automationStatus', {
    state,
    mode: settingText(wb.locale, 'emailMode', wb.settings),
    lastScan: readAutomationState(wb.spreadsheet).lastScanDay || wb.text('automationNever'),
    queued: queuedCount(wb),
  });
  return [status, cellBudgetStatus(wb)].join('\n');
}

/** "Run checks now": a full scan at once, whatever the hour (the daily one still runs); mail goes out after the lock. */
export function runChecksNowFromMenu(now: Date): void {
  const ui = spreadsheetUi();
  menuAction(ui, () => {
    const { wb, report } = retryWhenBusy(() =>
      withLedgerLease(activeSpreadsheet(), LOCK_WAIT_MS.user, () => {
        const { wb, recorded } = inWorkbook(
          now,
          (wb) => {
            requireCoordinator(wb);
            alignProtectionEditors(wb.spreadsheet, wb.settings.coordinators);
            return { wb, recorded: recordScan(wb, mailApp) };
          },
          { whole: true },
        );
        return { wb, report: recorded.deliver(mailApp) };
      }),
    );
    const summary = wb.text(wb.settings.emailMode === 'dry-run' ? 'scanResultDryRun' : 'scanResult', { ...report });
    // A sheet the scan had to leave out is said, or monitoring would stop without a word.
    ui.alert([summary, ...wb.unusableSheets].join('\n'));
  });
}
