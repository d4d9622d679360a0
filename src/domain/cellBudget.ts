/**
 * The workbook's cells against Google's limit (SPEC §3.7): every sheet's grid counts, filled or
 * not. Past a cellBudgetWarn percentage, coordinators get a notice (rule cellBudget, once per
 * threshold and cooldown); at the limit the Notification log cannot grow, so the scan records
 * and sends nothing rather than mail what it cannot record.
 */

/** Google's limit on the cells of one spreadsheet. */
export const CELL_LIMIT = 10_000_000;

export interface WorkbookCells {
  readonly used: number;
  readonly limit: number;
}

/** The notice's item: the workbook as a whole. */
export const WORKBOOK_ITEM = 'WORKBOOK';

export function cellPercent(cells: WorkbookCells): number {
  return Math.floor((cells.used * 100) / cells.limit);
}

export function atCellLimit(cells: WorkbookCells): boolean {
  return cells.used >= cells.limit;
}

/** The cellBudget notice for the highest threshold the workbook has reached, if any (addressed by the caller). */
export function cellBudgetNotice(cells: WorkbookCells, thresholds: readonly number[]) {
  const percent = cellPercent(cells);
  const threshold = thresholds.filter((p) => percent >= p).at(-1);
  if (threshold === undefined) return undefined;
  return {
    rule: 'cellBudget' as const,
    item: WORKBOOK_ITEM,
    sheet: 'settings' as const,
    row: 1,
    title: '',
    // A higher threshold is a new notice; the same one repeats only after cooldown.
    occurrence: `${threshold}%`,
    facts: { used: cells.used.toLocaleString('en-US'), limit: cells.limit.toLocaleString('en-US'), percent, threshold },
  };
}
