/**
 * "Archive completed" (SPEC §2.8), coordinators only: moves finished requests older than
 * archiveAfterDays, with their tasks, progress, communications and acceptances, into protected
 * 归档 YYYY sheets (written by gas/archiveSheets.ts). The add-on never deletes an archive sheet
 * or its rows. Running it again finds nothing left to move.
 */
import { archivedRequestOf, requestsToArchive } from '../domain/archive';
import { enumLabel, parseEnum } from '../domain/enums';
import { appendToArchive, removeRows, type ArchiveMove } from '../gas/archiveSheets';
import type { Table, TableRow } from '../gas/table';
import { cellsPerRow } from '../gas/workbookCells';
import { menuAction, inWorkbook } from './operation';
import { requireCoordinator, type Workbook } from './workbook';

type Ui = GoogleAppsScript.Base.Ui;

const SOURCES = ['requests', 'tasks', 'progress', 'communications', 'acceptance'] as const;
type Source = (typeof SOURCES)[number];

export interface ArchiveOutcome {
  readonly requests: number;
  readonly rows: Readonly<Record<Source, number>>;
  /** Archive sheets written to. */
  readonly sheets: readonly string[];
}

/** What identifies a row's request: its own cells that hold request or task IDs. */
function references(source: Source, row: TableRow<string>): string[] {
  switch (source) {
    case 'requests':
      return [row.text('id')];
    case 'tasks':
      return [row.text('request'), row.text('id')];
    case 'progress':
      return [row.text('task')];
    case 'communications':
      return [row.text('ref')];
    case 'acceptance':
      return [row.text('request'), row.text('task')];
  }
}

/** What "Archive completed" would move now: the requests and, per source sheet, the rows leaving it. */
export function archivePlan(wb: Workbook): {
  readonly requests: number;
  readonly moves: readonly ArchiveMove[];
  readonly rows: Readonly<Record<Source, number>>;
} {
  const requests = wb.table('requests', ['id', 'status', 'closed']);
  const plan = requestsToArchive(
    requests.records().map((row) => ({
      id: row.text('id'),
      status: parseEnum('requestStatus', row.get('status')),
      closed: wb.readDate(row.get('closed')),
    })),
    wb.now,
    wb.settings.archiveAfterDays,
    wb.timeZone,
  );
  const rows = { requests: 0, tasks: 0, progress: 0, communications: 0, acceptance: 0 };
  const moves: ArchiveMove[] = [];
  if (plan.size === 0) return { requests: 0, moves, rows };

  const tasks = wb.optionalTable('tasks');
  const taskRequests = new Map(
    (tasks?.records() ?? []).map((row) => [row.text('id').toUpperCase(), row.text('request').toUpperCase()]),
  );
  for (const source of SOURCES) {
    const table = wb.optionalTable(source) as Table<string> | undefined;
    if (!table) continue;
    const picked: { row: TableRow<string>; request: string; year: number }[] = [];
    for (const row of table.records()) {
      const request = archivedRequestOf(plan, references(source, row), taskRequests);
      if (request !== undefined) picked.push({ row, request, year: plan.get(request)! });
    }
    // Archived requests read 已归档; every other row goes to the archive as it is.
    const archivedCells: ArchiveMove['archivedCells'] =
      source === 'requests' ? { status: enumLabel('requestStatus', 'archived', wb.locale) } : {};
    if (picked.length > 0) moves.push({ table, rows: picked, archivedCells });
    rows[source] = picked.length;
  }
  return { requests: plan.size, moves, rows };
}

/** Cells the moved rows hold in their sheets now: what archiving frees there (SPEC §3.7). */
export function archivableCells(wb: Workbook): number {
  if (!wb.optionalTable('requests')) return 0;
  return archivePlan(wb).moves.reduce((sum, move) => sum + move.rows.length * cellsPerRow(move.table.sheet), 0);
}

export function archiveCompleted(wb: Workbook): ArchiveOutcome {
  requireCoordinator(wb);
  const { requests, moves, rows } = archivePlan(wb);
  if (requests === 0) return { requests: 0, rows, sheets: [] };
  const years = [...new Set(moves.flatMap((m) => m.rows.map((r) => r.year)))].sort();
  const sheets = years.map((year) => appendToArchive(wb.spreadsheet, year, moves, wb.locale, wb.now));
  for (const m of moves) removeRows(m.table, new Set(m.rows.map((r) => r.row)));
  return { requests, rows, sheets };
}

export function describeArchive(wb: Workbook, outcome: ArchiveOutcome): string {
  if (outcome.requests === 0) return wb.text('archiveNothing', { days: wb.settings.archiveAfterDays });
  return wb.text('archiveDone', { ...outcome.rows, requests: outcome.requests, sheets: outcome.sheets.join(', ') });
}

export function archiveFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    ui.alert(inWorkbook(now, (wb) => describeArchive(wb, archiveCompleted(wb))));
  });
}
