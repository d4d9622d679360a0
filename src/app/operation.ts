/**
 * How an operation runs (SPEC §3.4): under the document lock on the active spreadsheet, a user
 * asked to retry when the lock or the ledger lease is busy, a sidebar form answered once per
 * submission token, a menu item's mistake shown as an alert.
 */
import type { ActionResult } from '../contract';
import { activeSpreadsheet } from '../gas/document';
import { DocumentBusy, LOCK_WAIT_MS, withDocumentLock } from '../gas/lock';
import { userLocale } from '../gas/locale';
import { SheetDirectory } from '../gas/sheets';
import { rememberSubmission } from '../gas/submissions';
import { t } from '../i18n/index';
import { activeUserEmail, UserError, Workbook } from './workbook';

/** Another run held the document lock for longer than the user may wait: nothing was written. */
export class WorkbookBusy extends UserError {}

/**
 * Runs one operation on the active spreadsheet under the document lock. `whole` reads every table
 * at once (Workbook.whole): for operations that need nearly all of them. A user waits for the lock
 * at most `waitMs`, then is asked, in their language, to retry (a UserError: nothing was written).
 * `simpleTrigger`: onEdit, which may not call the Sheets API, so its writes go through SpreadsheetApp.
 */
export function inWorkbook<T>(
  now: Date,
  operation: (wb: Workbook) => T,
  {
    whole = false,
    waitMs = LOCK_WAIT_MS.user,
    simpleTrigger = false,
  }: { whole?: boolean; waitMs?: number; simpleTrigger?: boolean } = {},
): T {
  return retryWhenBusy(() =>
    withDocumentLock(waitMs, () => {
      const spreadsheet = activeSpreadsheet();
      const user = activeUserEmail();
      if (whole) return operation(Workbook.whole(spreadsheet, now, user));
      return operation(new Workbook(spreadsheet, now, user, new SheetDirectory(spreadsheet, !simpleTrigger)));
    }),
  );
}

/** Runs `operation`; a lock or lease it could not get in time asks the user, in their language, to retry. */
export function retryWhenBusy<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof DocumentBusy) throw new WorkbookBusy(t(userLocale(), 'documentBusy'));
    throw error;
  }
}

/**
 * A form action: a UserError becomes the failure the form shows, nothing written. With the page's
 * submission `token`, a retry of a submission that already wrote gets the first answer instead of
 * running again; the check and the write share the document lock, so two tries cannot both write.
 */
export function formAction(now: Date, operation: (wb: Workbook) => ActionResult, token?: string): ActionResult {
  try {
    return inWorkbook(now, (wb) => {
      const earlier = token === undefined ? undefined : wb.savedSubmission(token);
      if (earlier) return earlier;
      wb.submission = token;
      wb.via = 'sidebar';
      const answer = operation(wb);
      if (token !== undefined && wb.committed) rememberSubmission(token, answer);
      return answer;
    });
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, errors: {} };
    throw error;
  }
}

/** Runs a menu item: the user's mistake (a UserError) becomes an alert; anything else fails the run. */
export function menuAction(ui: GoogleAppsScript.Base.Ui, action: () => void): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ui.alert(error.message);
  }
}

/** A read-only look at the workbook, outside the lock, for questions asked before the work. */
export function peekWorkbook(now: Date): Workbook {
  return new Workbook(activeSpreadsheet(), now, activeUserEmail());
}
