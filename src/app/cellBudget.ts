/**
 * The workbook's cells in words (SPEC §3.7): Automation ▸ Status shows the figure and what
 * archiving would free; at the limit the scan says why it recorded and sent nothing.
 */
import { atCellLimit, CELL_LIMIT, cellPercent, type WorkbookCells } from '../domain/cellBudget';
import { workbookCells } from '../gas/workbookCells';
import { archivableCells } from './archive';
import type { Workbook } from './workbook';

const count = (n: number) => n.toLocaleString('en-US');

export function cellLimitText(wb: Workbook, cells: WorkbookCells): string {
  return wb.text('cellLimitReached', { used: count(cells.used), limit: count(cells.limit) });
}

/** Status's line: cells used of the limit, and what "Archive completed" would free now. */
export function cellBudgetStatus(wb: Workbook): string {
  const cells = { used: workbookCells(wb.spreadsheet), limit: CELL_LIMIT };
  const line = wb.text('automationCells', {
    used: count(cells.used),
    limit: count(cells.limit),
    percent: cellPercent(cells),
    archivable: count(archivableCells(wb)),
  });
  return atCellLimit(cells) ? [line, cellLimitText(wb, cells)].join('\n') : line;
}
