/**
 * ⚙ cells pasted over where nothing tells what they held (SPEC §3.6): neither the edit event (a
 * paste, fill or drag carries no old value) nor the records (standing.ts). The paste stays, with a
 * note for a coordinator, and is recorded in the Change history with "unknown" as its old value;
 * every sync of the sheet, and Validate, report such a cell for as long as it still holds the
 * pasted value and no later record (a coordinator's paste over it) confirms it. The note alone
 * would not last: each sync replaces the add-on's notes on the sheets it checks.
 */
import { columnLabel, sheetDef, sheetTitle, type SheetKey } from '../domain/schema';
import { dateText } from '../domain/dateText';
import type { Problem } from '../domain/workflow';
import { cellString, type Cell, type Table, type TableRow } from '../gas/table';
import { t } from '../i18n/index';
import type { Change } from './history';
import type { Workbook } from './workbook';

/** Sheets whose ⚙ cells the guard judges, and the column naming each row's item in the Change history. */
export const ITEM_COLUMN: Partial<Record<SheetKey, string>> = {
  requests: 'id',
  tasks: 'id',
  progress: 'task',
  acceptance: 'task',
  planChanges: 'task',
  signOffs: 'ref',
  changeHistory: 'item',
  cases: 'id',
};

/** Whether a Change history old value is the mark of a paste nothing could restore (either language). */
export function isUnconfirmedPaste(oldValue: string): boolean {
  return oldValue === t('zh-CN', 'guardUnknownOld') || oldValue === t('en', 'guardUnknownOld');
}

/** The Change history line of a ⚙ cell pasted over that nothing could restore. */
export function unconfirmedPaste(
  wb: Workbook,
  key: SheetKey,
  row: TableRow<string>,
  field: string,
  after: Cell,
): Change {
  const item = row.text(ITEM_COLUMN[key] ?? 'id');
  return { sheet: key, item, field, oldValue: wb.text('guardUnknownOld'), newValue: after };
}

/**
 * A warning on each ⚙ cell of `sheets` still holding a paste nothing could restore, unless a later
 * Change history line about the same cell confirms it.
 */
export function unconfirmedPastes(wb: Workbook, sheets: readonly SheetKey[]): Problem[] {
  if (sheets.length === 0) return [];
  const history = wb.optionalTable('changeHistory')?.records() ?? [];
  const problems: Problem[] = [];
  const settled = new Set<string>();
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    const place = `${entry.text('sheet')}|${entry.text('item').toUpperCase()}|${entry.text('field')}`;
    if (settled.has(place)) continue;
    settled.add(place);
    if (!isUnconfirmedPaste(entry.text('oldValue'))) continue;
    const key = sheets.find((sheet) => sheetTitle(sheet, wb.locale) === entry.text('sheet'));
    const column =
      key && sheetDef(key).columns.find((c) => c.computed && columnLabel(c, wb.locale) === entry.text('field'));
    const table = key && (wb.optionalTable(key) as Table<string> | undefined);
    if (!key || !column || !table) continue;
    const item = entry.text('item').toUpperCase();
    const pasted = entry.text('newValue');
    for (const row of table.records()) {
      if (row.text(ITEM_COLUMN[key] ?? 'id').toUpperCase() !== item) continue;
      // A history line marking a paste is not itself pasted over.
      if (key === 'changeHistory' && isUnconfirmedPaste(row.text('oldValue'))) continue;
      if (wb.dateText(row.get(column.key)) !== pasted && cellString(row.get(column.key)) !== pasted) continue;
      const at = dateText(entry.get('time'), wb.calendar());
      const params = { value: pasted, user: entry.text('by'), at };
      problems.push({
        sheet: key,
        row: row.rowNumber,
        field: column.key,
        message: 'guardPasteUnconfirmed',
        params,
        level: 'warning',
      });
    }
  }
  return problems;
}
