/**
 * The 归档 YYYY sheets (SPEC §2.8) and the rows leaving the data sheets for them. Each archive
 * sheet is protected when created and only ever appended to, one setValues per run; the archived
 * rows are then deleted from their source sheets. A block already in the archive (a run
 * interrupted between the two writes) is not appended twice.
 */
import { header } from '../domain/summary';
import { LOCALES, t, type Locale } from '../i18n/index';
import { growToFit, sizeToContent } from './grid';
import { rowFinder } from './placement';
import { sheetNowOf, type Cell, type Table, type TableRow } from './table';
import { literalInput } from './typedInput';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows leaving one source sheet, each with the request it belongs to and the year of its archive. */
export interface ArchiveMove {
  readonly table: Table<string>;
  readonly rows: readonly { readonly row: TableRow<string>; readonly request: string; readonly year: number }[];
  /** Cells that read differently in the archive, by column key (an archived request reads 已归档). */
  readonly archivedCells: Readonly<Record<string, Cell>>;
}

/** The archive of `year`, under either language's title, created protected when missing. */
function archiveSheet(spreadsheet: Spreadsheet, year: number, locale: Locale): Sheet {
  return protectedSheet(
    spreadsheet,
    LOCALES.map((each) => t(each, 'archiveSheet', { year })),
    t(locale, 'archiveSheet', { year }),
    t(locale, 'archiveProtection'),
  );
}

/**
 * The first sheet titled one of `titles`, or a new one titled `title`, protected so that only the
 * add-on's user may edit: an archive is the record kept for audits.
 */
export function protectedSheet(
  spreadsheet: Spreadsheet,
  titles: readonly string[],
  title: string,
  description: string,
): Sheet {
  for (const each of titles) {
    const sheet = spreadsheet.getSheetByName(each);
    if (sheet) return sheet;
  }
  const sheet = spreadsheet.insertSheet(title);
  // Adding oneself first, as https://developers.google.com/apps-script/reference/spreadsheet/protection
  // shows, keeps group-based access from throwing.
  const protection = sheet.protect().setDescription(description);
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
 * own headers) and its rows of `year`, in one setValues; returns the archive sheet's title.
 */
export function appendToArchive(
  spreadsheet: Spreadsheet,
  year: number,
  moves: readonly ArchiveMove[],
  locale: Locale,
  archivedAt: Date,
): string {
  const sheet = archiveSheet(spreadsheet, year, locale);
  const existing = sheet.getDataRange().getValues();
  const already = new Set(existing.map((line) => `${String(line[0])}|${String(line[1]).toUpperCase()}`));
  const sourceLabel = t(locale, 'archiveSource');
  const lines: { cells: Cell[]; header: boolean }[] = [];
  for (const move of moves) {
    const title = move.table.sheet.getName();
    const picked = move.rows.filter((r) => r.year === year && !already.has(`${title}|${r.request}`));
    if (picked.length === 0) continue;
    const headers = move.table.sheet.getRange(1, 1, 1, move.table.width).getValues()[0] as Cell[];
    lines.push({
      cells: [sourceLabel, header(locale, 'requests', 'id'), t(locale, 'archivedAt'), ...headers],
      header: true,
    });
    const positions = move.table.positions as Partial<Record<string, number>>;
    for (const { row, request } of picked) {
      const cells = [...row.cells];
      for (const [key, value] of Object.entries(move.archivedCells)) {
        const column = positions[key];
        if (column !== undefined) cells[column] = value;
      }
      lines.push({ cells: [title, request, archivedAt, ...cells], header: false });
    }
  }
  if (lines.length > 0) {
    const width = Math.max(...lines.map((line) => line.cells.length));
    const first = sheet.getLastRow() + 1;
    growToFit(sheet, first + lines.length - 1, width);
    const range = sheet.getRange(first, 1, lines.length, width);
    range.setValues(lines.map((line) => Array.from({ length: width }, (_, i) => literalInput(line.cells[i] ?? ''))));
    range.setFontWeights(lines.map((line) => Array.from({ length: width }, () => (line.header ? 'bold' : 'normal'))));
    sizeToContent(sheet, first + lines.length - 1, Math.max(width, sheet.getLastColumn()));
  }
  return sheet.getName();
}

/**
 * Deletes the archived rows from their sheet, each found where it is now (placement.rowFinder: by
 * ID, or by the values read), bottom run first so the rows above keep their places. Deleting
 * rows, not rewriting the ones kept, leaves every other row, its notes, formats and formulas as
 * it is, and frees the cells (SPEC §3.7). A row that cannot be found stays; the next run archives it.
 */
export function removeRows<K extends string>(table: Table<K>, removed: ReadonlySet<TableRow<K>>): void {
  if (removed.size === 0) return;
  const sheet = table.sheet;
  const now = sheetNowOf(sheet.getDataRange().getValues() as Cell[][], table.def);
  const find = rowFinder({ def: table.def, positions: table.positions, timeZone: table.timeZone }, now);
  const rows = [...new Set([...removed].map((row) => find({ rowNumber: row.rowNumber, original: row.read })))].filter(
    (row): row is number => row !== undefined,
  );
  if (rows.length === 0) return;
  // Sheets keeps at least one row below the frozen ones: give it a blank one to keep.
  if (sheet.getMaxRows() - sheet.getFrozenRows() <= rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  rows.sort((a, b) => b - a);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1]! - 1) continue;
    const lowest = rows[i - 1]!;
    sheet.deleteRows(lowest, i - start);
    start = i;
  }
}
