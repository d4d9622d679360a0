/**
 * Header-mapped tables: a sheet's values read at once, rows as objects keyed by column key, and
 * only the changed cells written back, by a TableStore: straight to the sheet (SheetStore, one
 * setValues per block) or into the workbook's single Sheets API batch (src/gas/sheetsApi.ts).
 * Columns are found by header (either language or an alias), never by position; columns the
 * add-on does not know are never written. Call these inside withDocumentLock so the read and the
 * write see the same sheet.
 */
import { instantOfSerial } from '../domain/calendar';
import { mapHeaders, sheetDef, type ColumnKey, type SheetDef, type SheetKey } from '../domain/schema';
import { growToFit } from './grid';

export type Cell = string | number | boolean | Date;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FORMULA_START = new Set(['=', '+', '-', '@'].map((char) => char.charCodeAt(0)));

/** Text starting with = + - @ would become a formula; a leading apostrophe keeps it text. */
export function neutralize<C extends Cell>(value: C): C {
  return typeof value === 'string' && FORMULA_START.has(value.charCodeAt(0)) ? (`'${value}` as C) : value;
}

/** A value from a payload or the domain as a cell: undefined and null are empty. */
export function asCell(value: unknown): Cell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  return String(value);
}

/** A cell as TableRow.text reads it: text trimmed, a Date as ISO text. */
export function cellString(value: Cell): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'object' ? value.toISOString() : String(value);
}

// A Cell that is an object is a Date: typeof is much cheaper than instanceof over 50,000 rows.
function sameCell(a: Cell, b: Cell): boolean {
  if (typeof a === 'object' || typeof b === 'object') {
    return typeof a === 'object' && typeof b === 'object' && a.getTime() === b.getTime();
  }
  return a === b;
}

function isBlankCell(value: Cell): boolean {
  return value === '' || (typeof value === 'string' && value.trim() === '');
}

/**
 * The date columns of a table. A number under one is a serial number (a date read through the
 * Sheets API, or a date cell that lost its format), read as the Date it stands for in the
 * spreadsheet's zone when the cell is first asked for: a scan reads one of the several Progress
 * rows per task, so most of them are never converted.
 */
class DateColumns {
  constructor(
    readonly isDate: readonly boolean[],
    readonly timeZone: string,
  ) {}
}

const NO_DATE_COLUMNS = new DateColumns([], '');

/** The cell at 0-based `index` of `cells`, a serial number under a date column converted (once) to its Date. */
function readCell(cells: Cell[], index: number, dates: DateColumns): Cell {
  const cell = cells[index] ?? '';
  if (typeof cell !== 'number' || dates.isDate[index] !== true) return cell;
  return (cells[index] = instantOfSerial(cell, dates.timeZone));
}

export class TableRow<K extends string> {
  // Fields are declared and assigned in the constructor: the es2020 bundle would turn
  // initialized fields into a defineProperty call each, for every row of every table.
  declare private readonly positions: Partial<Record<K, number>>;
  declare private readonly dates: DateColumns;
  /** 1-based row number in the sheet. */
  declare readonly rowNumber: number;
  declare readonly cells: Cell[];
  /** Created on the first change: most rows of a read are never changed, the others in a few cells. */
  declare private changes: number[] | undefined;

  constructor(
    positions: Partial<Record<K, number>>,
    rowNumber: number,
    cells: Cell[],
    dates: DateColumns = NO_DATE_COLUMNS,
  ) {
    this.positions = positions;
    this.dates = dates;
    this.rowNumber = rowNumber;
    this.cells = cells;
    this.changes = undefined;
  }

  /** 0-based positions of cells this operation changed, each once. */
  get changed(): readonly number[] {
    return this.changes ?? NO_CHANGES;
  }

  /** The cell under column `key`; '' when the sheet lacks that column. */
  get(key: K): Cell {
    const index = this.positions[key];
    return index === undefined ? '' : readCell(this.cells, index, this.dates);
  }

  text(key: K): string {
    return cellString(this.get(key));
  }

  /** Records a change; a column the sheet lacks is skipped (Table.missing lists those). */
  set(key: K, value: unknown): void {
    const index = this.positions[key];
    const cell = asCell(value);
    // get, not cells: a serial number under a date column is compared as the Date it stands for.
    if (index === undefined || sameCell(this.get(key), cell)) return;
    this.cells[index] = cell;
    if (!this.changes) this.changes = [index];
    else if (!this.changes.includes(index)) this.changes.push(index);
  }

  isBlank(): boolean {
    const cells = this.cells;
    for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i] as Cell)) return false;
    return true;
  }

  /** Forgets the changes once they are written. */
  markWritten(): void {
    this.changes = undefined;
  }
}

const NO_CHANGES: readonly number[] = [];

/** Where a table's changes go. */
export interface TableStore {
  /** The sheet, for what is not values (formats, notes, protection). */
  readonly sheet: Sheet;
  /** Writes the changed cells of existing rows; `changed` in sheet order, `rows` every row of the table. */
  writeChanges(changed: readonly TableRow<string>[], rows: readonly TableRow<string>[]): void;
  /** Writes new lines at sheet row `firstRow`, column `firstColumn` (1-based), growing the sheet to fit. */
  writeLines(firstRow: number, firstColumn: number, lines: Cell[][]): void;
}

export class Table<K extends string> {
  readonly positions: Partial<Record<K, number>>;
  private readonly dates: DateColumns;
  /** The values as read, row 1 the header; their rows become TableRows when `rows` is first asked for. */
  private readonly lines: Cell[][];
  private madeRows: TableRow<K>[] | undefined;
  private readonly appended: TableRow<K>[] = [];
  /** Columns in the header row, known or not. */
  readonly width: number;
  /** The header row of a table made by create, until commit writes it. */
  private unwrittenHeader: Cell[] | undefined;

  /** `values` as read, row 1 the header; serial numbers under date columns are read in the spreadsheet's `timeZone`. */
  constructor(
    readonly store: TableStore,
    readonly def: SheetDef<string, K>,
    values: Cell[][],
    timeZone: string,
  ) {
    const headers = values[0] ?? [];
    this.positions = mapHeaders(def, headers);
    this.width = headers.length;
    const isDate: boolean[] = [];
    for (const column of def.columns) {
      const index = this.positions[column.key];
      if (index !== undefined && (column.type === 'date' || column.type === 'datetime')) isDate[index] = true;
    }
    this.dates = new DateColumns(isDate, timeZone);
    this.lines = values;
    this.madeRows = undefined;
  }

  /**
   * Every data row below the header, blank ones included, in sheet order (rows[i] is sheet row i + 2).
   * Made on first use: a scan walks the many Progress rows through `cell` instead.
   */
  get rows(): TableRow<K>[] {
    if (!this.madeRows) {
      const values = this.lines;
      const rows = new Array<TableRow<K>>(Math.max(0, values.length - 1));
      for (let i = 1; i < values.length; i++)
        rows[i - 1] = new TableRow(this.positions, i + 1, values[i] ?? [], this.dates);
      this.madeRows = rows;
    }
    return this.madeRows;
  }

  /** How many data rows `rows` holds, without making them. */
  get rowCount(): number {
    return this.madeRows ? this.madeRows.length : Math.max(0, this.lines.length - 1);
  }

  /** rows[index].get(key), without making the row. */
  cell(index: number, key: K): Cell {
    if (this.madeRows) return this.madeRows[index]?.get(key) ?? '';
    const position = this.positions[key];
    const cells = this.lines[index + 1];
    return position === undefined || !cells ? '' : readCell(cells, position, this.dates);
  }

  get sheet(): Sheet {
    return this.store.sheet;
  }

  /** Reads the whole sheet with one getValues; row 1 is the header row. */
  static read<S extends SheetKey>(sheet: Sheet, key: S, timeZone: string): Table<ColumnKey<S>> {
    const values = sheet.getDataRange().getValues() as Cell[][];
    return new Table(new SheetStore(sheet), sheetDef(key), values, timeZone);
  }

  /**
   * The table of a sheet just inserted, with these headers and no rows: nothing to read, and the
   * header row is written by commit in the same setValues as the appended rows.
   */
  static create<S extends SheetKey>(sheet: Sheet, key: S, headers: readonly string[]): Table<ColumnKey<S>> {
    const table = new Table(new SheetStore(sheet), sheetDef(key), [[...headers]], '');
    table.unwrittenHeader = [...headers];
    return table;
  }

  has(key: K): boolean {
    return this.positions[key] !== undefined;
  }

  /** Column keys of the catalogue that this sheet has no header for. */
  missing(keys: readonly K[] = this.def.columns.map((c) => c.key)): K[] {
    return keys.filter((key) => !this.has(key));
  }

  /** Rows holding anything (users leave blank rows between entries). */
  records(): TableRow<K>[] {
    return this.rows.filter((row) => !row.isBlank());
  }

  /** Adds a row after the last one; written by commit, which grows the sheet when the row is past its end. */
  append(record: Partial<Record<K, unknown>>): TableRow<K> {
    const rowNumber = this.rowCount + this.appended.length + 2;
    const row = new TableRow(this.positions, rowNumber, new Array<Cell>(this.width).fill(''), this.dates);
    for (const key in record) row.set(key, record[key]);
    this.appended.push(row);
    return row;
  }

  /** Writes the changed cells of existing rows, then the appended rows (with the header of a created table). */
  commit(): void {
    // Rows never made were never changed.
    const changedRows = this.madeRows ? this.madeRows.filter((row) => row.changed.length > 0) : [];
    if (changedRows.length > 0) this.store.writeChanges(changedRows, this.rows);
    if (this.unwrittenHeader) {
      this.store.writeLines(1, 1, [this.unwrittenHeader, ...this.appended.map((row) => row.cells)]);
      this.unwrittenHeader = undefined;
    } else if (this.appended.length > 0) {
      const [first, last] = changedSpan(this.appended);
      if (first <= last) {
        const lines = this.appended.map((row) => row.cells.slice(first, last + 1));
        this.store.writeLines(this.rowCount + 2, first + 1, lines);
      }
    }
    for (const row of changedRows) row.markWritten();
    for (const row of this.appended) row.markWritten();
    if (this.appended.length > 0) this.rows.push(...this.appended.splice(0));
  }
}

/** 0-based first and last column any of `rows` changed; first > last when none did. */
export function changedSpan(rows: readonly TableRow<string>[]): [number, number] {
  let first = Infinity;
  let last = -1;
  for (let r = 0; r < rows.length; r++) {
    const changed = (rows[r] as TableRow<string>).changed;
    for (let i = 0; i < changed.length; i++) {
      const column = changed[i] as number;
      if (column < first) first = column;
      if (column > last) last = column;
    }
  }
  return [first, last];
}

/** Writes through SpreadsheetApp: one setValues per block, user text kept from becoming a formula. */
export class SheetStore implements TableStore {
  constructor(readonly sheet: Sheet) {}

  /**
   * One block from the first to the last changed row and column. Cells inside it that the
   * operation did not change get their own content back: formulas as formulas (read from the
   * block just before writing), values as values.
   */
  writeChanges(changed: readonly TableRow<string>[], rows: readonly TableRow<string>[]): void {
    const [firstCol, lastCol] = changedSpan(changed);
    const firstRow = changed[0]?.rowNumber ?? 2;
    const numRows = (changed[changed.length - 1]?.rowNumber ?? firstRow) - firstRow + 1;
    const numCols = lastCol - firstCol + 1;
    let changedCells = 0;
    for (const row of changed) changedCells += row.changed.length;
    const range = this.sheet.getRange(firstRow, firstCol + 1, numRows, numCols);
    const blockRows = rows.slice(firstRow - 2, firstRow - 2 + numRows);
    const formulas = changedCells < numRows * numCols ? range.getFormulas() : undefined;
    const block = new Array<Cell[]>(numRows);
    for (let r = 0; r < numRows; r++) {
      const row = blockRows[r];
      const line = new Array<Cell>(numCols);
      for (let c = 0; c < numCols; c++) {
        const formula = formulas?.[r]?.[c];
        line[c] =
          formula && !row?.changed.includes(firstCol + c) ? formula : neutralize(row?.cells[firstCol + c] ?? '');
      }
      block[r] = line;
    }
    range.setValues(block);
  }

  writeLines(firstRow: number, firstColumn: number, lines: Cell[][]): void {
    const width = lines[0]?.length ?? 0;
    if (width === 0) return;
    growToFit(this.sheet, firstRow + lines.length - 1, 0);
    this.sheet
      .getRange(firstRow, firstColumn, lines.length, width)
      .setValues(lines.map((line) => line.map(neutralize)));
  }
}
