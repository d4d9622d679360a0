/**
 * Menu items of the workflow: Validate, Import sheet, Settings, and the selected row they act on
 * (Set up workbook, Approve / return and Split into tasks ask in dialogs: menuDialogs.ts).
 * Questions are asked before the document lock is taken, so a user thinking about an answer never
 * blocks anyone else.
 */
import { SHEET_ORDER, sheetTitle, type SheetKey } from '../domain/schema';
import { protectionEditorsReport, syncSheets, validationReport } from './validate';
import { requireCoordinator, UserError, type Workbook } from './workbook';
import { inWorkbook, menuAction, peekWorkbook } from './operation';
import { importTasks } from './workbookImport';
import { currentSelection } from '../gas/selection';
import { sourceSheet } from '../gas/sourceSheet';
import type { Table, TableRow } from '../gas/table';

type Ui = GoogleAppsScript.Base.Ui;

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

export function validateFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const report = inWorkbook(now, (wb) => {
      const problems = syncSheets(wb);
      return [validationReport(wb, problems), ...protectionEditorsReport(wb)].join('\n');
    });
    ui.alert(report);
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
