/** Sheet: ranges, dimensions, structure (insert/delete rows and columns), charts, protection, rules. */
import type { EmulatorContext } from '../core';
import { parseA1, type GridRect } from './a1';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import type { ConditionalFormatRule } from './conditional';
import { gasError } from '../core';
import type { SheetModel } from './model';
import { Protection, PROTECTED_MESSAGE, type ProtectionKind } from './protection';
import { EmuRange } from './range';
import { changeRecorderFor, recorderFor, type Recorder } from './record';
import type { EmuSpreadsheet } from './spreadsheet';
import { normalizeColour } from './values';

const DEFAULT_COLUMN_WIDTH = 100;

type Axis = 'row' | 'col';

/** Where a rectangle ends up after `delta` rows/columns are inserted (delta > 0) or deleted at `at` (1-based). */
function moveRect(rect: GridRect, axis: Axis, at: number, delta: number): GridRect | null {
  const startKey = axis;
  const sizeKey = axis === 'row' ? 'numRows' : 'numCols';
  let start = rect[startKey];
  let end = start + rect[sizeKey] - 1;
  if (delta > 0) {
    if (at <= start) start += delta;
    if (at <= end) end += delta;
  } else {
    const lastDeleted = at - delta - 1;
    const shift = (p: number) => (p > lastDeleted ? p + delta : p >= at ? at : p);
    const removedAll = start >= at && end <= lastDeleted;
    if (removedAll) return null;
    start = shift(start);
    end = end > lastDeleted ? end + delta : Math.min(end, at - 1);
  }
  return { ...rect, [startKey]: start, [sizeKey]: end - start + 1 };
}

/** The Apps Script methods whose signatures this class matches exactly (the rest return emulator types). */
type SheetApi = Pick<
  GoogleAppsScript.Spreadsheet.Sheet,
  | 'getName'
  | 'getSheetName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getSheetValues'
  | 'deleteRows'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'getColumnWidth'
  | 'hideColumns'
  | 'showColumns'
  | 'isColumnHiddenByUser'
  | 'hideRows'
  | 'showRows'
  | 'isRowHiddenByUser'
  | 'getTabColor'
  | 'clearConditionalFormatRules'
>;

export class EmuSheet implements SheetApi {
  private readonly record: Recorder;
  /** For methods that change the spreadsheet (see changeRecorderFor). */
  private readonly change: Recorder;
  private conditionalRules: ConditionalFormatRule[] = [];
  private protections: Protection[] = [];
  private charts: EmbeddedChart[] = [];
  private nextChartId = 1;
  private selection: GridRect = { row: 1, col: 1, numRows: 1, numCols: 1 };

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly spreadsheet: EmuSpreadsheet,
    private readonly model: SheetModel,
  ) {
    this.record = recorderFor(ctx, 'Sheet');
    this.change = changeRecorderFor(ctx, 'Sheet', model.workbook);
  }

  // --- identity --------------------------------------------------------------------------

  getName(): string {
    this.record('getName');
    return this.model.name;
  }
  getSheetName(): string {
    this.record('getSheetName');
    return this.model.name;
  }
  getSheetId(): number {
    this.record('getSheetId');
    return this.model.sheetId;
  }
  getParent(): EmuSpreadsheet {
    this.record('getParent');
    return this.spreadsheet;
  }
  getIndex(): number {
    this.record('getIndex');
    return this.spreadsheet.emuIndexOf(this.model) + 1;
  }

  setName(name: string): this {
    this.record('setName');
    this.spreadsheet.emuRename(this.model, name);
    return this;
  }

  activate(): this {
    this.record('activate');
    this.spreadsheet.emuActivate(this.model);
    return this;
  }

  // --- ranges ----------------------------------------------------------------------------

  getRange(a1Notation: string): EmuRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): EmuRange;
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): EmuRange {
    this.record('getRange');
    if (typeof a === 'string') return this.emuRangeA1(a);
    if (numRows !== undefined && numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (numColumns !== undefined && numColumns < 1)
      throw gasError('The number of columns in the range must be at least 1.');
    return this.emuRangeAt({ row: a, col: column ?? NaN, numRows: numRows ?? 1, numCols: numColumns ?? 1 });
  }

  getDataRange(): EmuRange {
    this.record('getDataRange');
    return this.emuRangeAt({
      row: 1,
      col: 1,
      numRows: Math.max(1, this.model.lastRow()),
      numCols: Math.max(1, this.model.lastColumn()),
    });
  }

  getActiveRange(): EmuRange {
    this.record('getActiveRange');
    return this.emuActiveRange();
  }

  setActiveRange(range: EmuRange): EmuRange {
    this.record('setActiveRange');
    this.emuSelectRect(range.emuRect());
    return range;
  }

  getLastRow(): number {
    this.record('getLastRow');
    return this.model.lastRow();
  }
  getLastColumn(): number {
    this.record('getLastColumn');
    return this.model.lastColumn();
  }
  getMaxRows(): number {
    this.record('getMaxRows');
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.record('getMaxColumns');
    return this.model.maxColumns;
  }

  /** 1-based (row, col[, numRows, numCols]) shortcut of getRange(...).getValues(). */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.record('getSheetValues');
    return this.emuRangeAt({ row: startRow, col: startColumn, numRows, numCols: numColumns }).emuValues();
  }

  // --- content ---------------------------------------------------------------------------

  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): this {
    this.change('appendRow');
    const row = this.model.lastRow() + 1;
    this.emuCheckEdit({ row, col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) });
    if (row > this.model.maxRows) this.model.maxRows = row;
    if (rowContents.length > this.model.maxColumns) this.model.maxColumns = rowContents.length;
    if (rowContents.length > 0)
      this.model.write({ row, col: 1, numRows: 1, numCols: rowContents.length }, [rowContents]);
    return this;
  }

  clear(): this {
    this.change('clear');
    const all = { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns };
    this.emuCheckEdit(all);
    this.model.clearContents(all);
    this.model.clearFormats(all);
    return this;
  }

  clearContents(): this {
    this.change('clearContents');
    const all = { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns };
    this.emuCheckEdit(all);
    this.model.clearContents(all);
    return this;
  }

  clearFormats(): this {
    this.change('clearFormats');
    this.model.clearFormats({ row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns });
    return this;
  }

  // --- structure -------------------------------------------------------------------------

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.change('insertRowsAfter');
    this.insertRows(afterPosition, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    this.change('insertRowAfter');
    this.insertRows(afterPosition, 1);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.change('insertRowsBefore');
    this.insertRows(beforePosition - 1, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    this.change('insertRowBefore');
    this.insertRows(beforePosition - 1, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.change('deleteRows');
    this.removeRows(rowPosition, howMany);
  }

  deleteRow(rowPosition: number): this {
    this.change('deleteRow');
    this.removeRows(rowPosition, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.change('insertColumnsAfter');
    this.insertColumns(afterPosition, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    this.change('insertColumnAfter');
    this.insertColumns(afterPosition, 1);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.change('insertColumnsBefore');
    this.insertColumns(beforePosition - 1, howMany);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.change('deleteColumns');
    this.removeColumns(columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): this {
    this.change('deleteColumn');
    this.removeColumns(columnPosition, 1);
    return this;
  }

  private insertRows(afterRow: number, howMany: number): void {
    if (afterRow < 0 || afterRow > this.model.maxRows) throw gasError('Those rows are out of bounds.');
    this.model.insertRows(afterRow, howMany);
    this.moveAttachedRanges('row', afterRow + 1, howMany);
  }

  private removeRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.model.maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
    if (this.model.maxRows - howMany <= this.model.frozenRows) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.model.deleteRows(rowPosition, howMany);
    this.moveAttachedRanges('row', rowPosition, -howMany);
  }

  private insertColumns(afterColumn: number, howMany: number): void {
    if (afterColumn < 0 || afterColumn > this.model.maxColumns) throw gasError('Those columns are out of bounds.');
    this.model.insertColumns(afterColumn, howMany);
    this.moveAttachedRanges('col', afterColumn + 1, howMany);
  }

  private removeColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.model.maxColumns) {
      throw gasError('Those columns are out of bounds.');
    }
    if (this.model.maxColumns - howMany <= this.model.frozenColumns) {
      throw gasError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.model.deleteColumns(columnPosition, howMany);
    this.moveAttachedRanges('col', columnPosition, -howMany);
  }

  /** Conditional format ranges and protected ranges follow their cells, as in Sheets. */
  private moveAttachedRanges(axis: Axis, at: number, delta: number): void {
    const move = (range: EmuRange) => {
      const rect = moveRect(range.emuRect(), axis, at, delta);
      return rect && this.emuRangeAt(rect);
    };
    this.conditionalRules = this.conditionalRules.flatMap((rule) => {
      const ranges = rule
        .emuRanges()
        .map(move)
        .filter((r): r is EmuRange => r !== null);
      return ranges.length > 0 ? [rule.emuWithRanges(ranges)] : [];
    });
    this.model.merges = this.model.merges.flatMap((m) => moveRect(m, axis, at, delta) ?? []);
    this.protections = this.protections.filter((p) => {
      if (p.emuKind() === 'SHEET') return true;
      const moved = move(p.emuRange());
      if (moved) p.emuMoveTo(moved);
      return moved !== null;
    });
  }

  /** Sorts every row below the frozen rows by one column, like Data > Sort sheet. */
  sort(columnPosition: number, ascending = true): this {
    this.change('sort');
    const first = this.model.frozenRows + 1;
    if (first <= this.model.maxRows) {
      this.model.sortRows(
        { row: first, col: 1, numRows: this.model.maxRows - first + 1, numCols: this.model.maxColumns },
        [{ column: columnPosition, ascending }],
      );
    }
    return this;
  }

  // --- layout ----------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this.record('setFrozenRows');
    this.model.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.record('getFrozenRows');
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.record('setFrozenColumns');
    this.model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    this.record('getFrozenColumns');
    return this.model.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.record('setColumnWidth');
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.record('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.record('getColumnWidth');
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.record('hideColumns');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.record('showColumns');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.record('isColumnHiddenByUser');
    return this.model.hiddenColumns.has(columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.record('hideRows');
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.hiddenRows.add(r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.record('showRows');
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.hiddenRows.delete(r);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.record('isRowHiddenByUser');
    return this.model.hiddenRows.has(rowPosition);
  }

  setTabColor(color: string | null): this {
    this.record('setTabColor');
    this.model.tabColor = color === null ? null : normalizeColour(color, '#ffffff');
    return this;
  }

  getTabColor(): string | null {
    this.record('getTabColor');
    return this.model.tabColor;
  }

  // --- conditional formatting --------------------------------------------------------------

  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.record('getConditionalFormatRules');
    return [...this.conditionalRules];
  }

  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.change('setConditionalFormatRules');
    this.conditionalRules = [...rules];
  }

  clearConditionalFormatRules(): void {
    this.change('clearConditionalFormatRules');
    this.conditionalRules = [];
  }

  // --- protection ------------------------------------------------------------------------

  /** "If the sheet is already protected, this method returns an object representing the existing protection settings." */
  protect(): Protection {
    this.record('protect');
    const existing = this.emuProtections('SHEET')[0];
    if (existing) return existing;
    return this.emuProtect(
      'SHEET',
      this.emuRangeAt({ row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns }),
    );
  }

  getProtections(type: ProtectionKind): Protection[] {
    this.record('getProtections');
    return this.emuProtections(type);
  }

  // --- charts ----------------------------------------------------------------------------

  newChart(): EmbeddedChartBuilder {
    this.record('newChart');
    return new EmbeddedChartBuilder(this.ctx);
  }

  insertChart(chart: EmbeddedChart): void {
    this.record('insertChart');
    this.charts.push(chart.emuWithId(this.nextChartId++));
  }

  getCharts(): EmbeddedChart[] {
    this.record('getCharts');
    return [...this.charts];
  }

  updateChart(chart: EmbeddedChart): void {
    this.record('updateChart');
    const index = this.charts.findIndex((c) => c.emuChartId() === chart.emuChartId());
    if (index < 0) throw gasError('The chart could not be found.');
    this.charts[index] = chart;
  }

  removeChart(chart: EmbeddedChart): void {
    this.record('removeChart');
    this.charts = this.charts.filter((c) => c.emuChartId() !== chart.emuChartId());
  }

  // --- emulator helpers (not Apps Script API) -------------------------------------------------

  /** Test helper: selects `a1` on this sheet and makes the sheet active, like a user clicking. */
  emuSelect(a1: string): EmuRange {
    const range = this.emuRangeA1(a1);
    this.emuSelectRect(range.emuRect());
    return range;
  }

  emuSelectRect(rect: GridRect): void {
    this.selection = { ...rect };
    this.spreadsheet.emuActivate(this.model);
  }

  emuRangeA1(a1: string): EmuRange {
    const parsed = parseA1(a1);
    const row = parsed.row ?? 1;
    const col = parsed.col ?? 1;
    return this.emuRangeAt(
      {
        row,
        col,
        numRows: (parsed.endRow ?? this.model.maxRows) - row + 1,
        numCols: (parsed.endCol ?? this.model.maxColumns) - col + 1,
      },
      parsed.endRow === undefined,
    );
  }

  /** A range at 1-based coordinates, with the real errors for coordinates off the sheet. */
  emuRangeAt(rect: GridRect, openRows = false): EmuRange {
    if (!(rect.row >= 1)) throw gasError('The starting row of the range is too small.');
    if (!(rect.col >= 1)) throw gasError('The starting column of the range is too small.');
    if (rect.row + rect.numRows - 1 > this.model.maxRows || rect.col + rect.numCols - 1 > this.model.maxColumns) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new EmuRange(this.ctx, this, this.model, { ...rect }, openRows);
  }

  emuProtect(kind: ProtectionKind, range: EmuRange): Protection {
    const protection = new Protection(
      this.ctx,
      kind,
      range,
      (p) => {
        this.protections = this.protections.filter((q) => q !== p);
      },
      this.model.workbook.users,
    );
    this.protections.push(protection);
    return protection;
  }

  /**
   * Throws what Sheets throws when the current user may not edit a cell of `rect`: a protection
   * covering it that is not warning-only and does not list the user (protection.ts).
   */
  emuCheckEdit(rect: GridRect): void {
    const user = this.model.workbook.users.current();
    for (const protection of this.protections) {
      if (protection.emuCovers(rect) && !protection.emuMayEdit(user)) throw gasError(PROTECTED_MESSAGE);
    }
  }

  emuActiveRange(): EmuRange {
    return this.emuRangeAt(this.selection);
  }

  emuProtections(type: ProtectionKind): Protection[] {
    return this.protections.filter((p) => p.emuKind() === type);
  }

  emuRulesAt(row: number, col: number): ConditionalFormatRule[] {
    return this.conditionalRules.filter((rule) => rule.emuCovers(this.model.sheetId, row, col));
  }
}
