/**
 * Every date a date (SPEC §2.2, §3.4; issue 21 point 7): a date column of a data sheet never keeps
 * a date as text. What Sheets converts itself ("2024-08-20", "2024/8/20", "8/20/2024" in en,
 * "2024年8月20日" in zh) arrives as a date; what it does not ("2024.8.20", "2024年8月20日" in en, the
 * number 20240820) is written back here as the date it unambiguously is (domain/dateInput.ts), in
 * a date-formatted cell (gas/dateCells.ts), so the dashboard counts it and the row is coloured.
 * Anything else is a problem on its cell, naming the forms understood (wbNotDate). Runs for every
 * sheet onEdit or Validate brings up to date, before its checks. Only the columns people type:
 * ⚙ dates are the add-on's own, written as dates.
 */
import { dateOfTyped } from '../domain/dateInput';
import { sheetDef, type SheetKey } from '../domain/schema';
import type { Problem } from '../domain/workflow';
import { formatDateCells, typedDigits, type DateCell } from '../gas/dateCells';
import type { Workbook } from './workbook';

/** Retypes the convertible text dates of sheet `key` as dates; the others as problems. */
export function settleDateCells(wb: Workbook, key: SheetKey): Problem[] {
  const table = wb.optionalTable(key);
  if (!table) return [];
  const fields = sheetDef(key)
    .columns.filter((c) => (c.type === 'date' || c.type === 'datetime') && !c.computed && table.has(c.key))
    .map((c) => c.key);
  if (fields.length === 0) return [];
  const problems: Problem[] = [];
  const retyped: { row: (typeof table.rows)[number]; field: string; date: Date; cell: DateCell }[] = [];
  for (const row of table.records()) {
    for (const field of fields) {
      const cell = row.get(field);
      const typed = typeof cell === 'string' ? cell.trim() : typedDigits(cell, wb.sheetTimeZone);
      if (typed === undefined || typed === '') continue;
      const date = dateOfTyped(typed, wb.sheetTimeZone);
      if (!date) {
        problems.push({
          sheet: key,
          row: row.rowNumber,
          field,
          message: 'wbNotDate',
          params: { value: typed },
          level: 'error',
        });
        continue;
      }
      const withTime = typeof typed === 'string' && /\d[:：]\d/.test(typed);
      retyped.push({ row, field, date, cell: { row: row.rowNumber, column: table.positions[field]!, withTime } });
    }
  }
  if (retyped.length > 0)
    formatDateCells(
      table,
      retyped.map((r) => r.cell),
    );
  for (const { row, field, date } of retyped) wb.retype(row, field, date);
  return problems;
}

/** `extra` problems on cells `problems` say nothing about: one message a cell, the sheet's own first. */
export function onOtherCells(problems: readonly Problem[], extra: readonly Problem[]): Problem[] {
  const marked = new Set(problems.map((p) => `${p.sheet}|${p.row}|${p.field}`));
  return extra.filter((p) => !marked.has(`${p.sheet}|${p.row}|${p.field}`));
}
