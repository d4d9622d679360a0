/**
 * The 归档 YYYY sheets (SPEC §2.8) and the rows leaving the data sheets for them. Each archive
 * sheet is protected when created and only ever appended to, one setValues per run; the archived
 * rows are then deleted from their source sheets. A block already in the archive (a run
 * interrupted between the two writes) is not appended twice.
 */
import { archivedText, foldedCells, foldedEntry } from '../domain/archive';
import { sheetTitle, type ColumnType } from '../domain/schema';
import { header } from '../domain/summary';
import { cellText } from '../domain/values';
import { LOCALES, t, type Locale } from '../i18n/index';
import { columnLetter } from './a1';
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

/** A source sheet's row as the archive keeps it: every cell, a date under a date column as its Date. */
function archivedCells(move: ArchiveMove, row: TableRow<string>): Cell[] {
  const cells = [...row.cells];
  const { positions } = move.table;
  for (const [key, column] of Object.entries(positions)) if (column !== undefined) cells[column] = row.get(key);
  for (const [key, value] of Object.entries(move.archivedCells)) {
    const column = positions[key];
    if (column !== undefined) cells[column] = value;
  }
  return cells;
}

/** A source's header row as read from its sheet (its own columns included) and each column's type. */
function columnsOf(move: ArchiveMove): { headers: Cell[]; types: (ColumnType | undefined)[] } {
  const headers = move.table.sheet.getRange(1, 1, 1, move.table.width).getValues()[0] as Cell[];
  const types: (ColumnType | undefined)[] = headers.map(() => undefined);
  for (const column of move.table.def.columns) {
    const index = move.table.positions[column.key];
    if (index !== undefined) types[index] = column.type;
  }
  return { headers, types };
}

/** Sources whose rows fold into their task's line, in the order of the folded cells. */
const FOLDED = ['progress', 'acceptance'] as const;

/**
 * Appends the rows of `year` in one setValues and returns the archive sheet's title. Each source
 * gets a header line (source, request ID, archived at, then its own headers) and a line per row;
 * a task's line also carries, in one cell each, its Progress and Acceptance rows (foldedEntry, one
 * entry a line), continued on the lines below when a cell would pass its character limit. A
 * request's rows already in the archive (a run interrupted before the rows were deleted) are not
 * appended again.
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
  const inYear = (move: ArchiveMove | undefined) => (move?.rows ?? []).filter((r) => r.year === year);
  const bySource = new Map(moves.map((move) => [move.table.def.key, move]));
  const columns = new Map(moves.map((move) => [move, columnsOf(move)]));
  const taskMove = bySource.get('tasks');
  const archivedTasks = new Set(inYear(taskMove).map((r) => r.row.text('id').toUpperCase()));
  /** The archived task a Progress or Acceptance row folds into, or undefined when it keeps a line of its own. */
  const foldsInto = (source: string, row: TableRow<string>) => {
    const task = row.text('task').toUpperCase();
    return (FOLDED as readonly string[]).includes(source) && archivedTasks.has(task) ? task : undefined;
  };
  // Per folded source, the entries of each archived task, in sheet order.
  const folded = FOLDED.map((source) => {
    const move = bySource.get(source);
    const entries = new Map<string, string[]>();
    if (!move) return entries;
    const { headers, types } = columns.get(move)!;
    const taskColumn = move.table.positions['task'];
    for (const { row } of inYear(move)) {
      const task = foldsInto(source, row);
      if (task === undefined) continue;
      const cells = archivedCells(move, row);
      const fields: (readonly [string, string])[] = [];
      // A cell typed beside the headers is kept too, under its column's letter.
      for (let i = 0; i < Math.max(headers.length, cells.length); i++) {
        if (i === taskColumn) continue;
        const label = cellText(headers[i]) || columnLetter(i + 1);
        fields.push([label, archivedText(cells[i], types[i], move.table.timeZone)]);
      }
      const list = entries.get(task) ?? [];
      list.push(foldedEntry(list.length + 1, fields));
      entries.set(task, list);
    }
    return entries;
  });
  const foldedHeaders = FOLDED.map((source) => sheetTitle(source, locale));

  const lines: { cells: Cell[]; header: boolean }[] = [];
  const foldedTasks = new Set<string>();
  for (const move of moves) {
    const source = move.table.def.key;
    const title = move.table.sheet.getName();
    const isTask = source === 'tasks';
    const picked = inYear(move).filter(
      (r) => !already.has(`${title}|${r.request}`) && foldsInto(source, r.row) === undefined,
    );
    if (picked.length === 0) continue;
    const { headers } = columns.get(move)!;
    // As wide as the widest row: a cell typed beside the headers moves too, and the folded cells stay in line.
    const ownWidth = picked.reduce((widest, r) => Math.max(widest, r.row.cells.length), move.table.width);
    const own = (cells: Cell[]) => Array.from({ length: ownWidth }, (_, i) => cells[i] ?? '');
    const idColumn = move.table.positions['id'];
    lines.push({
      cells: [
        sourceLabel,
        header(locale, 'requests', 'id'),
        t(locale, 'archivedAt'),
        ...own(headers),
        ...(isTask ? foldedHeaders : []),
      ],
      header: true,
    });
    for (const { row, request } of picked) {
      const cells = archivedCells(move, row);
      if (!isTask) {
        lines.push({ cells: [title, request, archivedAt, ...own(cells)], header: false });
        continue;
      }
      // A task ID twice among the rows (a typing slip) gets its entries once, on its first line.
      const task = row.text('id').toUpperCase();
      const parts = folded.map((entries) => (foldedTasks.has(task) ? [] : foldedCells(entries.get(task) ?? [])));
      foldedTasks.add(task);
      const continued = own([]);
      if (idColumn !== undefined) continued[idColumn] = cells[idColumn] ?? '';
      const count = Math.max(1, ...parts.map((p) => p.length));
      for (let k = 0; k < count; k++) {
        lines.push({
          cells: [title, request, archivedAt, ...(k === 0 ? own(cells) : continued), ...parts.map((p) => p[k] ?? '')],
          header: false,
        });
      }
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
