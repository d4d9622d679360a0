/**
 * Header-mapped tables: a sheet read with one getValues, rows as objects keyed by column key,
 * changes written back in one setValues per block. Columns are found by header (either language
 * or an alias), never by position; columns the add-on does not know are never written.
 * Call these inside withDocumentLock so the read and the write see the same sheet.
 */
import { mapHeaders, sheetDef, type ColumnKey, type SheetDef, type SheetKey } from '../domain/schema';

export type Cell = string | number | boolean | Date;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Text starting with = + - @ would become a formula; a leading apostrophe keeps it text. */
export function neutralize(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** A value from a payload or the domain as a cell: undefined and null are empty. */
export function asCell(value: unknown): Cell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return String(value);
}

function sameCell(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}

function isBlankCell(value: Cell): boolean {
  return value === '' || (typeof value === 'string' && value.trim() === '');
}

export class TableRow<K extends string> {
  /** 0-based positions of cells this operation changed. */
  readonly changed = new Set<number>();

  constructor(
    private readonly positions: Partial<Record<K, number>>,
    /** 1-based row number in the sheet. */
    readonly rowNumber: number,
    readonly cells: Cell[],
  ) {}

  /** The cell under column `key`; '' when the sheet lacks that column. */
  get(key: K): Cell {
    const index = this.positions[key];
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  text(key: K): string {
    const value = this.get(key);
    return value instanceof Date ? value.toISOString() : String(value).trim();
  }

  /** Records a change; a column the sheet lacks is skipped (Table.missing lists those). */
  set(key: K, value: unknown): void {
    const index = this.positions[key];
    const cell = asCell(value);
    if (index === undefined || sameCell(this.cells[index] ?? '', cell)) return;
    this.cells[index] = cell;
    this.changed.add(index);
  }

  isBlank(): boolean {
    return this.cells.every(isBlankCell);
  }
}

export class Table<K extends string> {
  readonly positions: Partial<Record<K, number>>;
  /** Every data row below the header, blank ones included, in sheet order. */
  readonly rows: TableRow<K>[];
  private readonly appended: TableRow<K>[] = [];
  /** Columns in the header row, known or not. */
  readonly width: number;

  private constructor(
    readonly sheet: Sheet,
    readonly def: SheetDef<string, K>,
    values: Cell[][],
  ) {
    const [headers = [], ...data] = values;
    this.positions = mapHeaders(def, headers);
    this.width = headers.length;
    this.rows = data.map((cells, i) => new TableRow(this.positions, i + 2, cells));
  }

  /** Reads the whole sheet with one getValues; row 1 is the header row. */
  static read<S extends SheetKey>(sheet: Sheet, key: S): Table<ColumnKey<S>> {
    const values = sheet.getDataRange().getValues() as Cell[][];
    return new Table(sheet, sheetDef(key), values);
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

  /** Adds a row after the last one; written by commit. */
  append(record: Partial<Record<K, unknown>>): TableRow<K> {
    const rowNumber = this.rows.length + this.appended.length + 2;
    const row = new TableRow(this.positions, rowNumber, new Array<Cell>(this.width).fill(''));
    for (const [key, value] of Object.entries(record) as [K, unknown][]) row.set(key, asCell(value));
    this.appended.push(row);
    return row;
  }

  /**
   * Writes changed cells of existing rows as one block and appended rows as another. Cells inside
   * a block that the operation did not change get their own content back: formulas as formulas
   * (read from the block just before writing), values as values.
   */
  commit(): void {
    const changedRows = this.rows.filter((row) => row.changed.size > 0);
    if (changedRows.length > 0) this.writeBlock(changedRows, true);
    if (this.appended.length > 0) this.writeBlock(this.appended, false);
    for (const row of [...changedRows, ...this.appended]) row.changed.clear();
    this.rows.push(...this.appended.splice(0));
  }

  private writeBlock(rows: TableRow<K>[], keepFormulas: boolean): void {
    const changedColumns = rows.flatMap((row) => [...row.changed]);
    if (changedColumns.length === 0) return;
    const firstRow = Math.min(...rows.map((r) => r.rowNumber));
    const lastRow = Math.max(...rows.map((r) => r.rowNumber));
    const firstCol = Math.min(...changedColumns);
    const lastCol = Math.max(...changedColumns);
    const range = this.sheet.getRange(firstRow, firstCol + 1, lastRow - firstRow + 1, lastCol - firstCol + 1);
    const byNumber = new Map(this.rows.concat(this.appended).map((row) => [row.rowNumber, row]));
    const untouched = (r: number, c: number) => !byNumber.get(firstRow + r)?.changed.has(firstCol + c);
    const size = { rows: lastRow - firstRow + 1, cols: lastCol - firstCol + 1 };
    const hasUntouched = Array.from({ length: size.rows }).some((_, r) =>
      Array.from({ length: size.cols }).some((__, c) => untouched(r, c)),
    );
    const formulas = keepFormulas && hasUntouched ? range.getFormulas() : undefined;
    const block = Array.from({ length: size.rows }, (_, r) =>
      Array.from({ length: size.cols }, (__, c) => {
        const formula = formulas?.[r]?.[c];
        if (formula && untouched(r, c)) return formula;
        const cell = byNumber.get(firstRow + r)?.cells[firstCol + c] ?? '';
        return neutralize(cell);
      }),
    );
    range.setValues(block);
  }
}
