/**
 * Header-mapped tables: a sheet read with one getValues, rows as objects keyed by column key,
 * changes written back in one setValues per block. Columns are found by header (either language
 * or an alias), never by position; columns the add-on does not know are never written.
 * Call these inside withDocumentLock so the read and the write see the same sheet.
 */
import { mapHeaders, sheetDef, type ColumnKey, type SheetDef, type SheetKey } from '../domain/schema';
import { growToFit } from './sheets';

export type Cell = string | number | boolean | Date;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FORMULA_START = new Set(['=', '+', '-', '@'].map((char) => char.charCodeAt(0)));

/** Text starting with = + - @ would become a formula; a leading apostrophe keeps it text. */
export function neutralize(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
}

/** A value from a payload or the domain as a cell: undefined and null are empty. */
export function asCell(value: unknown): Cell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return String(value);
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

export class TableRow<K extends string> {
  // Fields are declared and assigned in the constructor: the es2020 bundle would turn
  // initialized fields into a defineProperty call each, for every row of every table.
  private declare readonly positions: Partial<Record<K, number>>;
  /** 1-based row number in the sheet. */
  declare readonly rowNumber: number;
  declare readonly cells: Cell[];
  /** Created on the first change: most rows of a read are never changed, the others in a few cells. */
  private declare changes: number[] | undefined;

  constructor(positions: Partial<Record<K, number>>, rowNumber: number, cells: Cell[]) {
    this.positions = positions;
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
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  text(key: K): string {
    const value = this.get(key);
    if (typeof value === 'string') return value.trim();
    return typeof value === 'object' ? value.toISOString() : String(value);
  }

  /** Records a change; a column the sheet lacks is skipped (Table.missing lists those). */
  set(key: K, value: unknown): void {
    const index = this.positions[key];
    const cell = asCell(value);
    if (index === undefined || sameCell(this.cells[index] ?? '', cell)) return;
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

export class Table<K extends string> {
  readonly positions: Partial<Record<K, number>>;
  /** Every data row below the header, blank ones included, in sheet order (rows[i] is sheet row i + 2). */
  readonly rows: TableRow<K>[];
  private readonly appended: TableRow<K>[] = [];
  /** Columns in the header row, known or not. */
  readonly width: number;
  /** The header row of a table made by create, until commit writes it. */
  private unwrittenHeader: Cell[] | undefined;

  private constructor(
    readonly sheet: Sheet,
    readonly def: SheetDef<string, K>,
    values: Cell[][],
  ) {
    const headers = values[0] ?? [];
    this.positions = mapHeaders(def, headers);
    this.width = headers.length;
    const rows = new Array<TableRow<K>>(Math.max(0, values.length - 1));
    for (let i = 1; i < values.length; i++) rows[i - 1] = new TableRow(this.positions, i + 1, values[i] ?? []);
    this.rows = rows;
  }

  /** Reads the whole sheet with one getValues; row 1 is the header row. */
  static read<S extends SheetKey>(sheet: Sheet, key: S): Table<ColumnKey<S>> {
    const values = sheet.getDataRange().getValues() as Cell[][];
    return new Table(sheet, sheetDef(key), values);
  }

  /**
   * The table of a sheet just inserted, with these headers and no rows: nothing to read, and the
   * header row is written by commit in the same setValues as the appended rows.
   */
  static create<S extends SheetKey>(sheet: Sheet, key: S, headers: readonly string[]): Table<ColumnKey<S>> {
    const table = new Table(sheet, sheetDef(key), [[...headers]]);
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
    const rowNumber = this.rows.length + this.appended.length + 2;
    const row = new TableRow(this.positions, rowNumber, new Array<Cell>(this.width).fill(''));
    for (const key in record) row.set(key, record[key]);
    this.appended.push(row);
    return row;
  }

  /**
   * Writes changed cells of existing rows as one block and appended rows as another. Cells inside
   * a block that the operation did not change get their own content back: formulas as formulas
   * (read from the block just before writing), values as values.
   */
  commit(): void {
    const changedRows = this.rows.filter((row) => row.changed.length > 0);
    if (changedRows.length > 0) this.writeBlock(changedRows, true);
    if (this.unwrittenHeader) {
      growToFit(this.sheet, this.appended.length + 1, 0);
      const lines = [this.unwrittenHeader, ...this.appended.map((row) => row.cells.map(neutralize))];
      this.sheet.getRange(1, 1, lines.length, this.width).setValues(lines);
      this.unwrittenHeader = undefined;
    } else if (this.appended.length > 0) {
      growToFit(this.sheet, this.rows.length + this.appended.length + 1, 0);
      this.writeBlock(this.appended, false);
    }
    for (const row of changedRows) row.markWritten();
    for (const row of this.appended) row.markWritten();
    this.rows.push(...this.appended.splice(0));
  }

  /** `rows` are consecutive appended rows, or changed rows of `this.rows` in sheet order. */
  private writeBlock(rows: readonly TableRow<K>[], keepFormulas: boolean): void {
    let firstCol = Infinity;
    let lastCol = -1;
    let changedCells = 0;
    for (let r = 0; r < rows.length; r++) {
      const changed = (rows[r] as TableRow<K>).changed;
      for (let i = 0; i < changed.length; i++) {
        const col = changed[i] as number;
        if (col < firstCol) firstCol = col;
        if (col > lastCol) lastCol = col;
      }
      changedCells += changed.length;
    }
    if (changedCells === 0) return;
    const firstRow = rows[0]?.rowNumber ?? 2;
    const numRows = (rows[rows.length - 1]?.rowNumber ?? firstRow) - firstRow + 1;
    const numCols = lastCol - firstCol + 1;
    const range = this.sheet.getRange(firstRow, firstCol + 1, numRows, numCols);
    // The rows of the block in order: all of `rows` when appended, else the table's rows between the first and last.
    const blockRows = keepFormulas ? this.rows.slice(firstRow - 2, firstRow - 2 + numRows) : rows;
    const formulas = keepFormulas && changedCells < numRows * numCols ? range.getFormulas() : undefined;
    const block = new Array<Cell[]>(numRows);
    for (let r = 0; r < numRows; r++) {
      const row = blockRows[r];
      const line = new Array<Cell>(numCols);
      for (let c = 0; c < numCols; c++) {
        const formula = formulas?.[r]?.[c];
        line[c] = formula && !row?.changed.includes(firstCol + c) ? formula : neutralize(row?.cells[firstCol + c] ?? '');
      }
      block[r] = line;
    }
    range.setValues(block);
  }
}
