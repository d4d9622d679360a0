/**
 * Automation (SPEC §4): turning the hourly tick on and off, its status, "Run checks now", and
 * the tick itself, which dispatches the daily scan, the weekly summary and queued notices.
 */
import { WorkCalendar } from '../domain/calendar';
import { dueJobs } from '../domain/schedule';
import { settingText } from '../domain/settings';
import { withDocumentLock } from '../gas/lock';
import { mailApp, type Mailer } from '../gas/mailer';
import {
  installTick,
  isAuthorized,
  isTickInstalled,
  readAutomationState,
  removeTick,
  writeAutomationState,
} from '../gas/triggers';
import { queuedCount, recordScan, type ScanReport } from './scan';
import { generateWeeklySummary } from './summary';
import { effectiveUserEmail, inWorkbook, menuAction, requireCoordinator, Workbook } from './workbook';
import { activeSpreadsheet, spreadsheetUi } from '../gas/document';

export interface TickJobs {
  readonly mailer: Mailer;
  /** Generates and mails the weekly summary. */
  readonly weeklySummary: (wb: Workbook) => void;
}

export type TickOutcome =
  'unauthorized' | { readonly daily: boolean; readonly scan: ScanReport; readonly summary: boolean };

/**
 * One hourly tick: the daily scan when due, otherwise the hourly pass (health, queue, final
 * hours, failed acceptances); the weekly summary when due. Checks authorization first: a trigger
 * left running after the add-on gained scopes would otherwise fail on every service call.
 * Reading, deciding and recording run under the document lock (`openWorkbook` too); the mail
 * goes out after it is released. The daily scan counts as done once its notices are recorded.
 */
export function tick(openWorkbook: () => Workbook, jobs: TickJobs): TickOutcome {
  if (!isAuthorized()) return 'unauthorized';
  const { wb, due, recorded } = withDocumentLock(() => {
    const wb = openWorkbook();
    const due = dueJobs(wb.now, wb.settings, new WorkCalendar(wb.settings), readAutomationState());
    const recorded = recordScan(wb, jobs.mailer, { hourly: !due.scan });
    if (due.scan || due.summary) writeAutomationState(due.next);
    return { wb, due, recorded };
  });
  const scan = recorded.deliver(jobs.mailer);
  if (due.summary) jobs.weeklySummary(wb);
  return { daily: due.scan, scan, summary: due.summary };
}

/** The tick_ trigger handler. Runs as the user who turned automation on. */
export function runTick(): TickOutcome {
  const open = () => Workbook.whole(activeSpreadsheet(), new Date(), effectiveUserEmail());
  return tick(open, {
    mailer: mailApp,
    weeklySummary: (wb) => generateWeeklySummary(wb, mailApp, { email: true }),
  });
}

/** Runs an Automation menu action under the document lock and shows its outcome, or the user's mistake, in an alert. */
export function runAutomationMenu(action: (wb: Workbook) => string): void {
  const ui = spreadsheetUi();
  menuAction(ui, () => ui.alert(inWorkbook(new Date(), action, { whole: true })));
}

export function turnOnAutomation(wb: Workbook): string {
  requireCoordinator(wb);
  if (!installTick()) return wb.text('automationAlreadyOn');
  const { settings, locale } = wb;
  return wb.text('automationOn', {
    scanHour: settings.scanHour,
    summaryDay: settingText(locale, 'summaryDay', settings),
    summaryHour: settings.summaryHour,
    mode: settingText(locale, 'emailMode', settings),
  });
}

export function turnOffAutomation(wb: Workbook): string {
  requireCoordinator(wb);
  return wb.text(removeTick() > 0 ? 'automationOff' : 'automationWasOff');
}

export function automationStatus(wb: Workbook): string {
  return wb.text('automationStatus', {
    state: wb.text(isTickInstalled() ? 'automationStateOn' : 'automationStateOff'),
    mode: settingText(wb.locale, 'emailMode', wb.settings),
    lastScan: readAutomationState().lastScanDay || wb.text('automationNever'),
    queued: queuedCount(wb),
  });
}

/** "Run checks now": a full scan at once, whatever the hour (the daily one still runs); mail goes out after the lock. */
export function runChecksNowFromMenu(now: Date): void {
  const ui = spreadsheetUi();
  menuAction(ui, () => {
    const { wb, recorded } = inWorkbook(
      now,
      (wb) => {
        requireCoordinator(wb);
        return { wb, recorded: recordScan(wb, mailApp) };
      },
      { whole: true },
    );
    const report = recorded.deliver(mailApp);
    const summary = wb.text(wb.settings.emailMode === 'dry-run' ? 'scanResultDryRun' : 'scanResult', { ...report });
    // A sheet the scan had to leave out is said, or monitoring would stop without a word.
    ui.alert([summary, ...wb.unusableSheets].join('\n'));
  });
}
