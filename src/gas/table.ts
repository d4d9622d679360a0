/**
 * Header-mapped tables: a sheet's values read at once, rows as objects keyed by column key, and
 * only the changed cells written back, by a TableStore: straight to the sheet (SheetStore) or into
 * the workbook's single Sheets API batch (src/gas/sheetsApi.ts). Columns are found by header
 * (either language or an alias), never by position; columns the add-on does not know are never
 * written. Where each write lands is decided when it is written (placement.ts), not when read.
 */
import { instantOfSerial } from '../domain/calendar';
import { mapHeaders, sheetDef, type ColumnKey, type SheetDef, type SheetKey } from '../domain/schema';
import { growToFit } from './grid';
import { forEachRun } from './cellRuns';
import {
  filledLength,
  placeChanges,
  rowsById,
  type Cell,
  type SheetNow,
  type SkippedWrite,
  type TableChange,
} from './placement';

import { literalInput } from './typedInput';
import type { BatchSheet, WriteBatch } from './writeBatch';

export type { Cell } from './placement';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  /** The row as read, kept at the first change: where and whether to write is checked against it. */
  declare private original: Cell[] | undefined;

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
    this.original = undefined;
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
    this.original ??= this.cells.slice();
    this.cells[index] = cell;
    if (!this.changes) this.changes = [index];
    else if (!this.changes.includes(index)) this.changes.push(index);
  }

  /** The row as read: its cells before this operation changed any. */
  get read(): readonly Cell[] {
    return this.original ?? this.cells;
  }

  isBlank(): boolean {
    const cells = this.cells;
    for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i] as Cell)) return false;
    return true;
  }

  /** Forgets the changes once they are written. */
  markWritten(): void {
    this.changes = undefined;
    this.original = undefined;
  }
}

const NO_CHANGES: readonly number[] = [];

/** Where a table's changes go. */
export interface TableStore {
  /** The sheet, for what is not values (formats, notes, protection). */
  readonly sheet: Sheet;
  /** Places `change` on the sheet as it is now and writes it (or queues it for the workbook's batch). */
  write(change: TableChange): readonly SkippedWrite[];
  /** Writes the header and first rows of a sheet this operation created: nothing there to re-find. */
  writeNew(lines: Cell[][]): void;
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

  /** The spreadsheet's zone, in which serial numbers under date columns were read. */
  get timeZone(): string {
    return this.dates.timeZone;
  }

  /**
   * Reads the whole sheet with one getValues; row 1 is the header row. With a `batch`, its writes
   * wait in it for the operation's one Sheets API call; without, they go straight to the sheet.
   */
  static read<S extends SheetKey>(sheet: Sheet, key: S, timeZone: string, batch?: WriteBatch): Table<ColumnKey<S>> {
    const values = sheet.getDataRange().getValues() as Cell[][];
    return new Table(new SheetStore(sheet, batch), sheetDef(key), values, timeZone);
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

  /** A row's cells by column key, every column of the sheet's catalogue: what the row checks read. */
  recordOf(row: TableRow<K>): Partial<Record<K, Cell>> {
    return Object.fromEntries(this.def.columns.map((c) => [c.key, row.get(c.key)])) as Partial<Record<K, Cell>>;
  }

  /** Rows appended and not yet written. */
  get pendingRows(): readonly TableRow<K>[] {
    return this.appended;
  }

  /** Adds a row after the last one; written by commit, which grows the sheet when the row is past its end. */
  append(record: Partial<Record<K, unknown>>): TableRow<K> {
    const rowNumber = this.rowCount + this.appended.length + 2;
    const row = new TableRow(this.positions, rowNumber, new Array<Cell>(this.width).fill(''), this.dates);
    for (const key in record) row.set(key, record[key]);
    this.appended.push(row);
    return row;
  }

  /**
   * Writes the changed cells of existing rows and the appended rows (with the header of a created
   * table); returns the changes that could not be placed (their row or column is gone, or the cell
   * changed since it was read).
   */
  commit(): readonly SkippedWrite[] {
    // Rows never made were never changed.
    const changedRows = this.madeRows ? this.madeRows.filter((row) => row.changed.length > 0) : [];
    let skipped: readonly SkippedWrite[] = [];
    if (this.unwrittenHeader) {
      this.store.writeNew([this.unwrittenHeader, ...this.appended.map((row) => row.cells)]);
      this.unwrittenHeader = undefined;
    } else if (changedRows.length > 0 || this.appended.length > 0) {
      skipped = this.store.write({
        def: this.def,
        positions: this.positions,
        timeZone: this.timeZone,
        readRows: this.rowCount,
        changed: changedRows.map((row) => ({
          rowNumber: row.rowNumber,
          original: row.read,
          cells: row.cells,
          columns: row.changed,
        })),
        appended: this.appended.map((row) => row.cells),
      });
    }
    for (const row of changedRows) row.markWritten();
    for (const row of this.appended) row.markWritten();
    if (this.appended.length > 0) this.rows.push(...this.appended.splice(0));
    return skipped;
  }
}

/** Where each of `key`'s columns is on `sheet` (0-based), from its header row alone. */
export function headerPositions<S extends SheetKey>(sheet: Sheet, key: S): Partial<Record<ColumnKey<S>, number>> {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1) return {};
  return mapHeaders(sheetDef(key), sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []);
}

/** A sheet as it is now, from its values (row 1 the header): every row can be looked at. */
export function sheetNowOf(values: readonly (readonly Cell[])[], def: SheetDef): SheetNow {
  const header = values[0] ?? [];
  const idColumn = mapHeaders(def, header)['id'];
  return {
    header,
    lastRow: Math.max(filledLength(values), 1),
    row: (row) => values[row - 1] ?? [],
    rowsWithId: idColumn === undefined ? undefined : rowsById(2, values.length, (row) => values[row - 1]?.[idColumn]),
  };
}

/**
 * Writes through SpreadsheetApp, re-reading the sheet just before: each run of changed cells is
 * one setValues; or, with a batch, queued there so every sheet of the operation is written at once.
 */
export class SheetStore implements TableStore {
  constructor(
    readonly sheet: Sheet,
    private readonly batch?: WriteBatch,
  ) {}

  write(change: TableChange): readonly SkippedWrite[] {
    const now = sheetNowOf(this.sheet.getDataRange().getValues() as Cell[][], change.def);
    const placement = placeChanges(change, now);
    const lines = placement.appended;
    if (this.batch) {
      const target = this.batchTarget();
      forEachRun(placement.writes, (row, column, run) => this.batch!.queue(target, row, column, [run]));
      if (lines.length > 0) this.batch.queue(target, placement.appendAt, placement.appendColumn, lines);
      return placement.skipped;
    }
    forEachRun(placement.writes, (row, column, run) =>
      this.sheet.getRange(row, column, 1, run.length).setValues([run.map(literalInput)]),
    );
    const width = lines[0]?.length ?? 0;
    if (lines.length > 0 && width > 0) {
      growToFit(this.sheet, placement.appendAt + lines.length - 1, 0);
      this.sheet
        .getRange(placement.appendAt, placement.appendColumn, lines.length, width)
        .setValues(lines.map((line) => line.map(literalInput)));
    }
    return placement.skipped;
  }

  /** This sheet as the batch writes to it. */
  private batchTarget(): BatchSheet {
    return { title: this.sheet.getName(), sheetId: this.sheet.getSheetId(), rowCount: this.sheet.getMaxRows() };
  }

  writeNew(lines: Cell[][]): void {
    const width = lines[0]?.length ?? 0;
    if (width === 0) return;
    if (this.batch) {
      const target = this.batchTarget();
      this.batch.queue(target, 1, 1, lines);
      return;
    }
    growToFit(this.sheet, lines.length, 0);
    this.sheet.getRange(1, 1, lines.length, width).setValues(lines.map((line) => line.map(literalInput)));
  }
}
