/** The data behind one sheet: per-cell layers, dimensions and how script writes are applied. */
import { cellA1, type GridRect } from './a1';
import { gasError } from '../core';
import type { FormulaSheet } from './formulas';
import { Layer } from './layer';
import type { ProtectionUsers } from './protection';
import type { DataValidation } from './validation';
import { copyValue, displayValue, interpretInput, type CellInput, type CellValue, type InputContext } from './values';

/** What a sheet needs from its spreadsheet. */
export interface WorkbookServices extends InputContext {
  /** Called after any change that can alter formula results; `sheet` when only that sheet changed. */
  changed(sheet?: SheetModel): void;
  /** 0-based coordinates of a formula cell on `sheet`. */
  formulaValue(sheet: SheetModel, row: number, col: number): CellValue;
  /** Runs a test's pending edits before a write is applied (see Workbook.beforeWrite). */
  beforeWrite(): void;
  /** The file's owner and the user the code runs as now, for protections. */
  readonly users: ProtectionUsers;
}

/** Sort order of two non-empty cells: numbers and dates, then text, then booleans. */
function compareCells(x: CellValue, y: CellValue): number {
  const rank = (v: CellValue) => (typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'string' ? 1 : 2);
  const d = rank(x) - rank(y);
  if (d !== 0) return d;
  if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, undefined, { sensitivity: 'base' });
  return Number(x) - Number(y);
}

export class SheetModel implements FormulaSheet {
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly numberFormats = new Layer<string>();
  readonly fontWeights = new Layer<'bold'>();
  readonly fontColors = new Layer<string>();
  readonly fontStyles = new Layer<'italic'>();
  readonly fontSizes = new Layer<number>();
  readonly fontFamilies = new Layer<string>();
  readonly fontLines = new Layer<'underline' | 'line-through'>();
  readonly alignments = new Layer<string>();
  readonly wraps = new Layer<boolean>();
  readonly validations = new Layer<DataValidation>();
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  /** Merged blocks, never overlapping; each keeps only its top-left cell's value. */
  merges: GridRect[] = [];
  tabColor: string | null = null;

  constructor(
    readonly workbook: WorkbookServices,
    public name: string,
    readonly sheetId: number,
  ) {}

  /** What clearFormats clears, and inserted rows copy from the row above (with validation). */
  private formatLayers(): Layer<unknown>[] {
    return [
      this.backgrounds,
      this.numberFormats,
      this.fontWeights,
      this.fontColors,
      this.fontStyles,
      this.fontSizes,
      this.fontFamilies,
      this.fontLines,
      this.alignments,
      this.wraps,
    ];
  }

  private allLayers(): Layer<unknown>[] {
    return [this.values, this.formulas, this.notes, ...this.formatLayers(), this.validations];
  }

  /** 1-based coordinates; formula cells give their computed value. */
  valueAt(row: number, col: number): CellValue {
    if (this.formulas.size > 0 && this.formulas.get(row - 1, col - 1) !== undefined) {
      return this.workbook.formulaValue(this, row - 1, col - 1);
    }
    return copyValue(this.values.get(row - 1, col - 1));
  }

  /** valueAt for every cell of `rect`, row by row: what getValues returns, every value a copy. */
  valuesIn(rect: GridRect): CellValue[][] {
    const out: CellValue[][] = new Array(rect.numRows);
    const hasFormulas = this.formulas.size > 0;
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const values = this.values.row(r);
      const line: CellValue[] = new Array(rect.numCols);
      for (let j = 0; j < rect.numCols; j++) {
        const c = rect.col - 1 + j;
        line[j] =
          hasFormulas && this.formulas.get(r, c) !== undefined
            ? this.workbook.formulaValue(this, r, c)
            : copyValue(values?.[c]);
      }
      out[i] = line;
    }
    return out;
  }

  /**
   * Calls `visit` for each cell of `rect` holding a value or formula, row by row, with 0-based offsets
   * into `rect` and the value valueAt would give, uncopied: a stored Date is the model's own object.
   */
  visitValues(rect: GridRect, visit: (i: number, j: number, value: CellValue) => void): void {
    const hasFormulas = this.formulas.size > 0;
    const lastRow = Math.min(rect.row - 1 + rect.numRows, Math.max(this.values.lastRow(), this.formulas.lastRow()));
    for (let r = rect.row - 1; r < lastRow; r++) {
      const values = this.values.row(r);
      const formulas = hasFormulas ? this.formulas.row(r) : undefined;
      if (!values && !formulas) continue;
      const end = Math.min(rect.col - 1 + rect.numCols, Math.max(values?.length ?? 0, formulas?.length ?? 0));
      for (let c = rect.col - 1; c < end; c++) {
        if (formulas?.[c] !== undefined)
          visit(r - rect.row + 1, c - rect.col + 1, this.workbook.formulaValue(this, r, c));
        else if (values?.[c] !== undefined) visit(r - rect.row + 1, c - rect.col + 1, values[c] as CellValue);
      }
    }
  }

  textAt(row: number, col: number): string {
    return displayValue(this.valueAt(row, col), this.numberFormats.get(row - 1, col - 1), this.workbook.timeZone);
  }

  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow());
  }

  lastColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn());
  }

  contents(): { formula?: string; value?: CellValue }[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    const out: { formula?: string; value?: CellValue }[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: { formula?: string; value?: CellValue }[] = [];
      for (let c = 0; c < cols; c++) {
        const formula = this.formulas.get(r, c);
        line.push(formula !== undefined ? { formula } : { value: this.values.get(r, c) });
      }
      out.push(line);
    }
    return out;
  }

  /**
   * Writes script input (setValue(s) semantics): interprets every value, then checks strict data
   * validation rules for the whole block before storing anything, so a rejected write changes nothing.
   */
  write(rect: GridRect, raw: readonly (readonly unknown[])[]): void {
    const ctx = this.workbook;
    // Index loops rather than map: the data comes from the script's realm, whose callbacks cost more per cell.
    const inputs: CellInput[][] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const line = raw[i] ?? [];
      const inputLine: CellInput[] = new Array(line.length);
      for (let j = 0; j < line.length; j++) {
        inputLine[j] = interpretInput(line[j], ctx, this.numberFormats.get(rect.row - 1 + i, rect.col - 1 + j));
      }
      inputs[i] = inputLine;
    }
    this.checkValidation(rect, inputs);
    this.store(rect, inputs);
  }

  writeFormulas(rect: GridRect, formulas: readonly (readonly string[])[]): void {
    this.store(
      rect,
      formulas.map((line) =>
        line.map((f): CellInput => {
          if (f === '' || f === null || f === undefined) return { value: '' };
          return { formula: f.startsWith('=') ? f : `=${f}` };
        }),
      ),
    );
  }

  private checkValidation(rect: GridRect, inputs: CellInput[][]): void {
    if (this.validations.size === 0) return;
    const tz = this.workbook.timeZone;
    inputs.forEach((line, i) =>
      line.forEach((input, j) => {
        const r = rect.row - 1 + i;
        const c = rect.col - 1 + j;
        const rule = this.validations.get(r, c);
        if (!rule || !('value' in input)) return;
        const text = displayValue(input.value, this.numberFormats.get(r, c), tz);
        if (!rule.accepts({ value: input.value, text })) {
          throw gasError(
            `The data you entered in cell ${cellA1(r + 1, c + 1)} violates the data validation rules set on this cell.`,
          );
        }
      }),
    );
  }

  /**
   * Stores already interpreted inputs from the top-left of `rect`, without validation checks (the
   * Sheets API path); an undefined input leaves its cell as it is. A value that comes with a number
   * format ("50%" read as 0.5 with "0%") gives the cell that format.
   */
  store(rect: GridRect, inputs: readonly (readonly (CellInput | undefined)[])[]): void {
    for (let i = 0; i < inputs.length; i++) {
      const line = inputs[i] ?? [];
      for (let j = 0; j < line.length; j++) {
        const input = line[j];
        if (input === undefined) continue;
        const r = rect.row - 1 + i;
        const c = rect.col - 1 + j;
        if ('formula' in input) {
          this.formulas.set(r, c, input.formula);
          this.values.set(r, c, undefined);
        } else {
          this.formulas.set(r, c, undefined);
          this.values.set(r, c, input.value === '' ? undefined : input.value);
          if (input.format !== undefined) this.numberFormats.set(r, c, input.format);
        }
      }
    }
    this.workbook.changed(this);
  }

  clearContents(rect: GridRect): void {
    this.values.clearRect(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
    this.formulas.clearRect(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
    this.workbook.changed(this);
  }

  clearFormats(rect: GridRect): void {
    for (const layer of this.formatLayers()) {
      layer.clearRect(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
    }
  }

  /** Inserted rows take the formats and validation of the row above, like Sheets' insertRowsAfter. */
  insertRows(afterRow: number, howMany: number): void {
    for (const layer of this.allLayers()) layer.insertRows(afterRow, howMany);
    if (afterRow >= 1) {
      for (const layer of [...this.formatLayers(), this.validations]) {
        for (let c = 0; c < this.maxColumns; c++) {
          const v = layer.get(afterRow - 1, c);
          if (v !== undefined) for (let k = 0; k < howMany; k++) layer.set(afterRow + k, c, v);
        }
      }
    }
    this.maxRows += howMany;
    this.workbook.changed(this);
  }

  /**
   * Merges `rect` into one block: merges inside it are replaced, one partly inside it is refused, and
   * every cell but the top-left is emptied, as Sheets keeps only the top-left value.
   */
  merge(rect: GridRect): void {
    const touching = this.mergesTouching(rect);
    if (touching.some((m) => !contains(rect, m))) {
      throw gasError('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.merges = this.merges.filter((m) => !touching.includes(m));
    if (rect.numRows === 1 && rect.numCols === 1) return;
    this.values.clearRect(rect.row - 1, rect.col, 1, rect.numCols - 1);
    this.formulas.clearRect(rect.row - 1, rect.col, 1, rect.numCols - 1);
    this.values.clearRect(rect.row, rect.col - 1, rect.numRows - 1, rect.numCols);
    this.formulas.clearRect(rect.row, rect.col - 1, rect.numRows - 1, rect.numCols);
    this.merges.push({ ...rect });
    this.workbook.changed(this);
  }

  /** Breaks apart every merge in `rect`; a merge only partly inside it is refused. */
  breakApart(rect: GridRect): void {
    const touching = this.mergesTouching(rect);
    if (touching.some((m) => !contains(rect, m))) {
      throw gasError('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.merges = this.merges.filter((m) => !touching.includes(m));
  }

  /** Merges with at least one cell in `rect`. */
  mergesTouching(rect: GridRect): GridRect[] {
    return this.merges.filter(
      (m) =>
        m.row < rect.row + rect.numRows &&
        rect.row < m.row + m.numRows &&
        m.col < rect.col + rect.numCols &&
        rect.col < m.col + m.numCols,
    );
  }

  deleteRows(rowPosition: number, howMany: number): void {
    for (const layer of this.allLayers()) layer.deleteRows(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.workbook.changed(this);
  }

  insertColumns(afterColumn: number, howMany: number): void {
    for (const layer of this.allLayers()) layer.insertColumns(afterColumn, howMany);
    this.moveColumnLayout((c) => (c > afterColumn ? c + howMany : c));
    this.maxColumns += howMany;
    this.workbook.changed(this);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    for (const layer of this.allLayers()) layer.deleteColumns(columnPosition - 1, howMany);
    const last = columnPosition + howMany - 1;
    this.moveColumnLayout((c) => (c < columnPosition ? c : c > last ? c - howMany : null));
    this.maxColumns -= howMany;
    this.workbook.changed(this);
  }

  /** Widths and hidden flags belong to columns, so they move with them; `to` gives null for a deleted column. */
  private moveColumnLayout(to: (column: number) => number | null): void {
    const widths = [...this.columnWidths];
    this.columnWidths.clear();
    for (const [c, width] of widths) {
      const moved = to(c);
      if (moved !== null) this.columnWidths.set(moved, width);
    }
    const hidden = [...this.hiddenColumns];
    this.hiddenColumns.clear();
    for (const c of hidden) {
      const moved = to(c);
      if (moved !== null) this.hiddenColumns.add(moved);
    }
  }

  /**
   * Reorders the rows of `rect` by `keys` (1-based sheet columns), stably; whole cells move with their
   * row inside the range: values, formulas (their text unchanged), notes, formats and validation.
   * Order as Sheets sorts (a guess from Excel's documented order): numbers and dates, then text
   * (case-insensitive), then FALSE before TRUE; empty cells last whichever the direction.
   */
  sortRows(rect: GridRect, keys: readonly { column: number; ascending: boolean }[]): void {
    const rows = Array.from({ length: rect.numRows }, (_, i) => rect.row + i);
    const keyOf = (row: number, column: number) => this.valueAt(row, column);
    const order = [...rows].sort((a, b) => {
      for (const { column, ascending } of keys) {
        const x = keyOf(a, column);
        const y = keyOf(b, column);
        if (x === '' || y === '') {
          if (x === '' && y === '') continue;
          return x === '' ? 1 : -1;
        }
        const d = compareCells(x, y);
        if (d !== 0) return ascending ? d : -d;
      }
      return 0;
    });
    if (order.every((row, i) => row === rows[i])) return;
    for (const layer of this.allLayers()) {
      const copies = order.map((row) =>
        Array.from({ length: rect.numCols }, (_, j) => layer.get(row - 1, rect.col - 1 + j)),
      );
      copies.forEach((line, i) => line.forEach((v, j) => layer.set(rect.row - 1 + i, rect.col - 1 + j, v)));
    }
    this.workbook.changed(this);
  }
}

function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}
