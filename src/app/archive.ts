/**
 * "Archive completed" (SPEC §2.8), coordinators only: moves finished requests older than
 * archiveAfterDays, with their tasks, progress, communications and acceptances, into protected
 * 归档 YYYY sheets. Each source sheet is rewritten with one setValues (kept rows close up, the
 * freed rows at the bottom become blank), each archive sheet gets one append. The add-on never
 * deletes an archive sheet or its rows. Running it again finds nothing left to move; a block
 * already in the archive (a run interrupted between the two writes) is not appended twice.
 */
import { archivedRequestOf, requestsToArchive } from '../domain/archive';
import { enumLabel, parseEnum } from '../domain/schema';
import { header } from '../domain/summary';
import type { Cell, Table, TableRow } from '../gas/table';
import { literalInput } from '../gas/typedInput';
import { LOCALES, t } from '../i18n/index';
import { growToFit } from '../gas/grid';
import { menuAction } from './workbook';
import { inWorkbook, requireCoordinator, type Workbook } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Ui = GoogleAppsScript.Base.Ui;

const SOURCES = ['requests', 'tasks', 'progress', 'communications', 'acceptance'] as const;
type Source = (typeof SOURCES)[number];

export interface ArchiveOutcome {
  readonly requests: number;
  readonly rows: Readonly<Record<Source, number>>;
  /** Archive sheets written to. */
  readonly sheets: readonly string[];
}

interface Moving {
  readonly source: Source;
  readonly table: Table<string>;
  readonly rows: { readonly row: TableRow<string>; readonly request: string; readonly year: number }[];
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

export function archiveCompleted(wb: Workbook): ArchiveOutcome {
  requireCoordinator(wb);
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
  if (plan.size === 0) return { requests: 0, rows, sheets: [] };

  const tasks = wb.optionalTable('tasks');
  const taskRequests = new Map(
    (tasks?.records() ?? []).map((row) => [row.text('id').toUpperCase(), row.text('request').toUpperCase()]),
  );
  const moving: Moving[] = [];
  for (const source of SOURCES) {
    const table = wb.optionalTable(source) as Table<string> | undefined;
    if (!table) continue;
    const picked: Moving['rows'] = [];
    for (const row of table.records()) {
      const request = archivedRequestOf(plan, references(source, row), taskRequests);
      if (request !== undefined) picked.push({ row, request, year: plan.get(request)! });
    }
    if (picked.length > 0) moving.push({ source, table, rows: picked });
    rows[source] = picked.length;
  }

  const years = [...new Set(moving.flatMap((m) => m.rows.map((r) => r.year)))].sort();
  const sheets = years.map((year) => appendToArchive(wb, year, moving));
  for (const m of moving) removeRows(m.table, new Set(m.rows.map((r) => r.row)));
  return { requests: plan.size, rows, sheets };
}

/** The archive of `year`, under either language's title, created protected when missing. */
function archiveSheet(wb: Workbook, year: number): Sheet {
  for (const locale of LOCALES) {
    const sheet = wb.spreadsheet.getSheetByName(t(locale, 'archiveSheet', { year }));
    if (sheet) return sheet;
  }
  const sheet = wb.spreadsheet.insertSheet(wb.text('archiveSheet', { year }));
  // Only the add-on's user may edit: the archive is the record kept for audits. Adding oneself first, as
  // https://developers.google.com/apps-script/reference/spreadsheet/protection shows, keeps group-based access from throwing.
  const protection = sheet.protect().setDescription(wb.text('archiveProtection'));
  const me = Session.getEffectiveUser().getEmail();
  if (me !== '') protection.addEditor(me);
  protection.removeEditors(
    protection
      .getEditors()
      .map((editor) => editor.getEmail())
      .filter((email) => email !== me),
  );
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return sheet;
}

/**
 * Appends, per source sheet, a header line (source, request ID, archived at, then the source's
 * own headers) and its rows, in one setValues. Archived requests read 已归档.
 */
function appendToArchive(wb: Workbook, year: number, moving: readonly Moving[]): string {
  const sheet = archiveSheet(wb, year);
  const existing = sheet.getDataRange().getValues();
  const already = new Set(existing.map((line) => `${String(line[0])}|${String(line[1]).toUpperCase()}`));
  const sourceLabel = wb.text('archiveSource');
  const lines: { cells: Cell[]; header: boolean }[] = [];
  for (const m of moving) {
    const title = m.table.sheet.getName();
    const picked = m.rows.filter((r) => r.year === year && !already.has(`${title}|${r.request}`));
    if (picked.length === 0) continue;
    const headers = m.table.sheet.getRange(1, 1, 1, m.table.width).getValues()[0] as Cell[];
    lines.push({
      cells: [sourceLabel, header(wb.locale, 'requests', 'id'), wb.text('archivedAt'), ...headers],
      header: true,
    });
    const status = m.source === 'requests' ? m.table.positions['status'] : undefined;
    for (const { row, request } of picked) {
      const cells = [...row.cells];
      if (status !== undefined) cells[status] = enumLabel('requestStatus', 'archived', wb.locale);
      lines.push({ cells: [title, request, wb.now, ...cells], header: false });
    }
  }
  if (lines.length > 0) {
    const width = Math.max(...lines.map((line) => line.cells.length));
    const first = sheet.getLastRow() + 1;
    growToFit(sheet, first + lines.length - 1, width);
    const range = sheet.getRange(first, 1, lines.length, width);
    range.setValues(lines.map((line) => Array.from({ length: width }, (_, i) => literalInput(line.cells[i] ?? ''))));
    range.setFontWeights(lines.map((line) => Array.from({ length: width }, () => (line.header ? 'bold' : 'normal'))));
  }
  return sheet.getName();
}

/**
 * Removes rows in one write: the kept rows move up in order, the freed rows at the bottom are
 * blanked. Formulas of kept rows are kept as formulas; typed text stays text.
 */
function removeRows(table: Table<string>, removed: ReadonlySet<TableRow<string>>): void {
  if (table.rows.length === 0 || table.width === 0) return;
  const range = table.sheet.getRange(2, 1, table.rows.length, table.width);
  const formulas = range.getFormulas();
  const kept = table.rows
    .map((row, i) => ({ row, formulas: formulas[i] ?? [] }))
    .filter(({ row }) => !removed.has(row))
    .map(({ row, formulas: rowFormulas }) =>
      Array.from({ length: table.width }, (_, c) => rowFormulas[c] || literalInput(row.cells[c] ?? '')),
    );
  const blank = Array.from({ length: table.rows.length - kept.length }, () => new Array<Cell>(table.width).fill(''));
  range.setValues([...kept, ...blank]);
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
