/**
 * Menu items of the workflow: Set up workbook, Validate, Approve / return request, Split into
 * tasks. Questions are asked before the document lock is taken, so a user thinking about an
 * answer never blocks anyone else.
 */
import { SHEET_ORDER, sheetTitle, type SheetKey } from '../domain/schema';
import { t, type Locale } from '../i18n/index';
import { findRequest, reviewRequestById } from './requests';
import { addTaskRows, assertSplittable, submitSplit } from './tasks';
import { protectionEditorsReport, syncSheets, validationReport } from './validate';
import { requireCoordinator, UserError, type Workbook } from './workbook';
import { inWorkbook, menuAction, peekWorkbook } from './operation';
import { importTasks } from './workbookImport';
import { currentSelection } from '../gas/selection';
import { sourceSheet } from '../gas/sourceSheet';
import type { Table, TableRow } from '../gas/table';
import { setupWorkbook } from '../gas/workbookSetup';
import { refreshDashboard } from './dashboard';

type Ui = GoogleAppsScript.Base.Ui;

const MAX_SPLIT = 20;

/** Runs a menu action; a UserError is shown to the user instead of failing the script. */

/** The data row of `table` selected on sheet `key`, or a UserError asking to select one. */
export function selectedRow<K extends string>(wb: Workbook, key: SheetKey, table: () => Table<K>): TableRow<K> {
  const selection = currentSelection(wb.spreadsheet);
  const row = selection.isOn(wb.sheet(key)) ? selection.rowOf(table) : undefined;
  if (!row) {
    throw new UserError(
      wb.text('wbNotOnSelectedRow', { sheet: wb.sheet(key)?.getName() ?? sheetTitle(key, wb.locale) }),
    );
  }
  return row;
}

export function setupFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const current = peekWorkbook(now);
    requireCoordinator(current);
    const answer = ui.alert(t(current.locale, 'wbSetupLanguage'), ui.ButtonSet.YES_NO_CANCEL);
    if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
    const locale: Locale = answer === ui.Button.YES ? 'zh-CN' : 'en';
    const result = inWorkbook(now, (wb) => setupWorkbook(wb.spreadsheet, locale, wb.user));
    // A fresh read: the dashboard's formulas point at the sheets and columns setup just made.
    inWorkbook(now, (wb) => refreshDashboard(wb));
    ui.alert(t(locale, 'wbSetupDone', { created: result.created, adopted: result.adopted, columns: result.columns }));
  });
}

export function validateFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const report = inWorkbook(now, (wb) => {
      const problems = syncSheets(wb);
      return [validationReport(wb, problems), ...protectionEditorsReport(wb)].join('\n');
    });
    ui.alert(report);
  });
}

export function approveFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    requireCoordinator(view);
    const request = selectedRow(view, 'requests', () => view.table('requests', ['id', 'title', 'status']));
    if (request.text('id') === '')
      throw new UserError(view.text('wbNotOnSelectedRow', { sheet: view.sheet('requests')!.getName() }));
    const id = request.text('id');
    const first = ui.alert(
      view.text('wbApproveQuestion', { id, title: request.text('title') }),
      ui.ButtonSet.YES_NO_CANCEL,
    );
    if (first === ui.Button.CANCEL || first === ui.Button.CLOSE) return;
    let input: Parameters<typeof reviewRequestById>[2];
    if (first === ui.Button.YES) {
      let lead = request.text('lead');
      if (lead === '') {
        const allowed = view
          .directory()
          .departments.map((d) => d.name)
          .join(view.text('wbListSeparator'));
        const answer = ui.prompt(view.text('wbLeadPrompt', { allowed }), ui.ButtonSet.OK_CANCEL);
        if (answer.getSelectedButton() !== ui.Button.OK) return;
        lead = answer.getResponseText();
      }
      input = { decision: 'approve', notes: request.text('review'), lead };
    } else {
      const answer = ui.prompt(view.text('wbReturnQuestion'), ui.ButtonSet.YES_NO_CANCEL);
      const button = answer.getSelectedButton();
      if (button === ui.Button.CANCEL || button === ui.Button.CLOSE) return;
      input = { decision: button === ui.Button.YES ? 'return' : 'reject', notes: answer.getResponseText() };
    }
    const result = inWorkbook(now, (wb) => reviewRequestById(wb, id, input));
    ui.alert(result.message);
  });
}

export function splitFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    requireCoordinator(view);
    const request = selectedRow(view, 'requests', () => view.table('requests', ['id', 'status']));
    const id = request.text('id');
    if (id === '') throw new UserError(view.text('wbNotOnSelectedRow', { sheet: view.sheet('requests')!.getName() }));
    // Checked before asking (and again under the lock), so no answer is wasted.
    assertSplittable(view, findRequest(view, id));
    // A request that has its task rows: the coordinator may send the split to its heads (SPEC §2.9).
    const tasks = view
      .table('tasks', ['request'])
      .records()
      .filter((row) => row.text('request').toUpperCase() === id.toUpperCase()).length;
    if (tasks > 0) {
      const submit = ui.alert(view.text('wbSubmitSplitQuestion', { id, count: tasks }), ui.ButtonSet.YES_NO_CANCEL);
      if (submit === ui.Button.CANCEL || submit === ui.Button.CLOSE) return;
      if (submit === ui.Button.YES) {
        ui.alert(
          inWorkbook(now, (wb) => {
            const message = submitSplit(wb, id);
            wb.commit();
            return message;
          }),
        );
        return;
      }
    }
    const answer = ui.prompt(view.text('wbSplitPrompt', { id }), ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const count = Number(answer.getResponseText().trim());
    if (!Number.isInteger(count) || count < 1 || count > MAX_SPLIT) throw new UserError(view.text('wbSplitCount'));
    const ids = inWorkbook(now, (wb) => addTaskRows(wb, findRequest(wb, id), count));
    ui.alert(view.text('wbSplitDone', { ids: ids.join(view.text('wbListSeparator')) }));
  });
}

export function importFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    requireCoordinator(view);
    const source = view.spreadsheet.getActiveSheet();
    const sourceId = source.getSheetId();
    if (SHEET_ORDER.some((key) => view.sheet(key)?.getSheetId() === sourceId))
      throw new UserError(view.text('wbImportOwnSheet'));
    const answer = ui.prompt(view.text('wbImportPrompt', { sheet: source.getName() }), ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const result = inWorkbook(now, (wb) => importTasks(wb, sourceSheet(source), answer.getResponseText().trim()));
    const rejectedRows = new Set(result.problems.filter((p) => p.level === 'error').map((p) => p.row));
    const lines = result.problems.map((p) => `${source.getName()} · ${view.describe(p)}`);
    const summary = view.text('wbImportDone', {
      count: result.imported.length,
      ids: result.imported.join(view.text('wbListSeparator')),
      rejected: rejectedRows.size,
    });
    const present = result.alreadyPresent.length;
    const skipped = view.text('wbImportAlreadyPresent', {
      count: present,
      rows: result.alreadyPresent.join(view.text('wbListSeparator')),
    });
    ui.alert([summary, ...(present > 0 ? [skipped] : []), ...lines].join('\n'));
  });
}

export function settingsFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    const sheet = view.sheet('settings');
    if (!sheet) throw new UserError(view.text('wbMissingSheet', { sheet: sheetTitle('settings', view.locale) }));
    sheet.activate();
  });
}
