/**
 * Where an operation's writes land, decided at write time (SPEC §3.4). Between the read and the
 * write people keep working: rows are inserted, sorted and deleted, columns moved, cells edited.
 * So each changed row is found again by its ID (or, without one, by the values it held), each
 * column by its header, and a cell is written only if it still holds what was read
 * (compare-and-set); anything else is skipped and reported, never sent to another row or column.
 * Appended rows go after the sheet's last row as it is now.
 */
import { instantOfSerial } from '../domain/calendar';
import { mapHeaders, type SheetDef } from '../domain/schema';

export type Cell = string | number | boolean | Date;

/** One row an operation changed: what it read, and what it wants there now. */
export interface RowChange {
  /** 1-based sheet row at read time. */
  readonly rowNumber: number;
  /** The row as read, in the read-time column layout. */
  readonly original: readonly Cell[];
  /** The row after the operation's changes, same layout. */
  readonly cells: readonly Cell[];
  /** 0-based read-time columns the operation changed. */
  readonly columns: readonly number[];
}

/** A table's changes, in the column layout it was read with. */
export interface TableChange<K extends string = string> {
  readonly def: SheetDef<string, K>;
  /** Column key → 0-based column, at read time. */
  readonly positions: Partial<Record<K, number>>;
  /** The spreadsheet's zone, for dates read as serial numbers. */
  readonly timeZone: string;
  /** Data rows below the header when the table was read. */
  readonly readRows: number;
  readonly changed: readonly RowChange[];
  /** New rows, full read-time width. */
  readonly appended: readonly (readonly Cell[])[];
}

/** The sheet as it is just before the write: its header and the rows the write may touch. */
export interface SheetNow {
  readonly header: readonly Cell[];
  /** The last row holding anything (1 for a sheet with only its header). */
  readonly lastRow: number;
  /** The cells of 1-based sheet row `row`, in today's layout; undefined when not read. */
  row(row: number): readonly Cell[] | undefined;
  /** Rows whose ID column holds `id`; undefined when the ID column was not read. */
  rowsWithId?(id: string): readonly number[];
}

/** One cell to write, 1-based, in today's layout. */
export interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly value: Cell;
}

export type SkipReason = 'rowGone' | 'columnGone' | 'cellChanged';

/** A change that was not written, and why: the next run recomputes it. */
export interface SkippedWrite {
  readonly sheet: string;
  /** Sheet row at read time. */
  readonly row: number;
  readonly column: string;
  readonly reason: SkipReason;
}

export interface Placement {
  readonly writes: CellWrite[];
  /** Where the appended rows start (1-based row and column), and their cells in today's layout. */
  readonly appendAt: number;
  readonly appendColumn: number;
  readonly appended: Cell[][];
  readonly skipped: SkippedWrite[];
}

/** A table as read: what finding its rows again needs. */
export type ReadLayout<K extends string = string> = Pick<TableChange<K>, 'def' | 'positions' | 'timeZone'>;

/**
 * The read-time columns of `read` against the sheet's header `now`: each column's key, where that
 * column is today (undefined when its header is gone), and cell equality as that column means it.
 */
function columnsNow<K extends string>(read: ReadLayout<K>, now: SheetNow) {
  const nowPositions = mapHeaders(read.def, now.header);
  const keyAt: (K | undefined)[] = [];
  const isDate: boolean[] = [];
  for (const column of read.def.columns) {
    const index = read.positions[column.key];
    if (index === undefined) continue;
    keyAt[index] = column.key;
    isDate[index] = column.type === 'date' || column.type === 'datetime';
  }
  return {
    keyAt,
    nowColumn: (readColumn: number): number | undefined => {
      const key = keyAt[readColumn];
      return key === undefined ? undefined : nowPositions[key];
    },
    same: (readColumn: number, a: Cell | undefined, b: Cell | undefined) =>
      sameValue(a, b, isDate[readColumn] === true, read.timeZone),
  };
}

/** A row as read: where it was and what it held. */
export interface ReadRow {
  readonly rowNumber: number;
  readonly original: readonly Cell[];
}

/**
 * Finds rows of `read` in the sheet as it is `now`: the one row holding its ID; without an ID (or
 * with a copied one), the row nearest to where it was read whose columns still hold what was read,
 * leaving out `writing` (the columns a change writes, compared cell by cell instead, so a user's
 * edit of one of them leaves that cell alone rather than making the row another row).
 */
export function rowFinder<K extends string>(
  read: ReadLayout<K>,
  now: SheetNow,
): (row: ReadRow, writing?: readonly number[]) => number | undefined {
  const { keyAt, nowColumn, same } = columnsNow(read, now);
  const rowMatches = (original: readonly Cell[], cells: readonly Cell[], writing: readonly number[]) =>
    keyAt.every((key, readColumn) => {
      if (key === undefined || writing.includes(readColumn)) return true;
      const column = nowColumn(readColumn);
      // A column deleted since the read, or not read now, cannot tell rows apart.
      return column === undefined || !(column in cells) || same(readColumn, original[readColumn], cells[column]);
    });
  const idColumn = read.positions['id' as K];
  return (row, writing = []) => {
    const id = idColumn === undefined ? '' : text(row.original[idColumn]);
    if (id !== '' && now.rowsWithId) {
      const candidates = now.rowsWithId(id);
      if (candidates.length === 1) return candidates[0];
      // The same ID twice (a copied row): among those still holding what was read, the nearest.
      const distance = (r: number) => Math.abs(r - row.rowNumber);
      return candidates
        .filter((r) => rowMatches(row.original, now.row(r) ?? [], []))
        .sort((x, y) => distance(x) - distance(y) || x - y)
        .at(0);
    }
    return nearestMatch(row.rowNumber, now, (cells) => rowMatches(row.original, cells, writing));
  };
}

export function placeChanges<K extends string>(change: TableChange<K>, now: SheetNow): Placement {
  const { keyAt, nowColumn, same } = columnsNow(change, now);
  const find = rowFinder(change, now);
  const findRow = (row: RowChange) => find(row, row.columns);

  const writes: CellWrite[] = [];
  const skipped: SkippedWrite[] = [];
  const skip = (row: RowChange, readColumn: number, reason: SkipReason) =>
    skipped.push({ sheet: change.def.key, row: row.rowNumber, column: keyAt[readColumn] ?? '', reason });
  for (const row of change.changed) {
    const target = findRow(row);
    for (const readColumn of row.columns) {
      const column = nowColumn(readColumn);
      if (target === undefined) skip(row, readColumn, 'rowGone');
      else if (column === undefined) skip(row, readColumn, 'columnGone');
      else if (!same(readColumn, row.original[readColumn], now.row(target)?.[column])) {
        skip(row, readColumn, 'cellChanged');
      } else writes.push({ row: target, column: column + 1, value: row.cells[readColumn] ?? '' });
    }
  }

  // New rows span only the columns they fill: a user's own columns are not written, not even empty.
  let first = Infinity;
  let last = -1;
  const placed = change.appended.map((line) => {
    const cells: Cell[] = [];
    line.forEach((cell, readColumn) => {
      const column = nowColumn(readColumn);
      if (column === undefined || cell === '') return;
      cells[column] = cell;
      first = Math.min(first, column);
      last = Math.max(last, column);
    });
    return cells;
  });
  const appended =
    last < 0 ? [] : placed.map((cells) => Array.from({ length: last - first + 1 }, (_, i) => cells[first + i] ?? ''));
  return { writes, appendAt: Math.max(now.lastRow, 1) + 1, appendColumn: first + 1, appended, skipped };
}

/**
 * Sheet rows by the ID in their ID cell (`idAt(row)` for rows `first`..`last`), the index built
 * on first use: most operations never ask.
 */
export function rowsById(
  first: number,
  last: number,
  idAt: (row: number) => Cell | undefined,
): (id: string) => number[] {
  let ids: Map<string, number[]> | undefined;
  return (id) => {
    if (!ids) {
      ids = new Map();
      for (let row = first; row <= last; row++) {
        const key = text(idAt(row));
        if (key === '') continue;
        const rows = ids.get(key);
        if (rows) rows.push(row);
        else ids.set(key, [row]);
      }
    }
    return ids.get(id) ?? [];
  };
}

/** How many of `lines` there are up to the last that holds anything (the Sheets API leaves trailing cells out). */
export function filledLength(lines: readonly (readonly (Cell | undefined)[])[]): number {
  let filled = lines.length;
  while (filled > 0 && (lines[filled - 1] ?? []).every((cell) => cell === '' || cell === undefined)) filled--;
  return filled;
}

/** The row nearest `from` (the read-time row first) that `matches`, among the rows read. */
function nearestMatch(from: number, now: SheetNow, matches: (cells: readonly Cell[]) => boolean): number | undefined {
  const reach = Math.max(from - 2, now.lastRow - from);
  for (let distance = 0; distance <= reach; distance++) {
    for (const row of distance === 0 ? [from] : [from - distance, from + distance]) {
      if (row < 2 || row > now.lastRow) continue;
      const cells = now.row(row);
      if (cells && matches(cells)) return row;
    }
  }
  return undefined;
}

function text(cell: Cell | undefined): string {
  return typeof cell === 'string' ? cell.trim() : cell === undefined ? '' : String(cell);
}

/** Cells equal as values: a serial number under a date column is the Date it stands for; missing is empty. */
export function sameValue(a: Cell | undefined, b: Cell | undefined, dateColumn: boolean, timeZone: string): boolean {
  const x = normalize(a, dateColumn, timeZone);
  const y = normalize(b, dateColumn, timeZone);
  if (typeof x === 'object' || typeof y === 'object') {
    return typeof x === 'object' && typeof y === 'object' && x.getTime() === y.getTime();
  }
  return x === y;
}

function normalize(cell: Cell | undefined, dateColumn: boolean, timeZone: string): Cell {
  if (cell === undefined) return '';
  return dateColumn && typeof cell === 'number' ? instantOfSerial(cell, timeZone) : cell;
}
