/** Range: reads and writes of a rectangular block of one sheet. */
import type { EmulatorContext } from '../core';
import { quoteSheetName, rectA1, type GridRect } from './a1';
import { gasError } from '../core';
import { shiftFormula } from './formulas';
import type { SheetModel } from './model';
import type { Protection } from './protection';
import { changeRecorderFor, recorderFor, type Recorder } from './record';
import type { EmuSheet } from './sheet';
import { DataValidation } from './validation';
import { DEFAULT_NUMBER_FORMAT, normalizeColour, type CellValue } from './values';

type FontWeight = 'bold' | 'normal';
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type FontLine = GoogleAppsScript.Spreadsheet.FontLine;

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';
const DEFAULT_FONT_SIZE = 10;
const DEFAULT_FONT_FAMILY = 'Arial';

/** Real setValues/setBackgrounds/... reject data whose shape differs from the range, with these messages. */
function checkShape(data: readonly (readonly unknown[])[], rect: GridRect): void {
  if (data.length !== rect.numRows) {
    throw gasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
    );
  }
  for (let i = 0; i < data.length; i++) {
    const row = data[i] ?? [];
    if (row.length !== rect.numCols) {
      throw gasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numCols}.`,
      );
    }
  }
}

/** The Apps Script methods whose signatures this class matches exactly (the rest return emulator types). */
type RangeApi = Pick<
  GoogleAppsScript.Spreadsheet.Range,
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'isBlank'
  | 'getNotes'
  | 'getNote'
  | 'getBackgrounds'
  | 'getBackground'
  | 'getFontWeights'
  | 'getFontWeight'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'getWrap'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getGridId'
  | 'getHeight'
  | 'getWidth'
>;

export class EmuRange implements RangeApi {
  private readonly record: Recorder;
  /** For methods that change the spreadsheet (see changeRecorderFor). */
  private readonly change: Recorder;

  constructor(
    ctx: EmulatorContext,
    private readonly sheet: EmuSheet,
    private readonly model: SheetModel,
    private readonly rect: GridRect,
    /** Made from whole-column A1 ("C:C", "C2:C"): unbounded below, for a protection. */
    private readonly openRows = false,
  ) {
    this.record = recorderFor(ctx, 'Range');
    this.change = changeRecorderFor(ctx, 'Range', model.workbook);
  }

  /** Calls fn with 1-based sheet coordinates for every cell, row by row. */
  private grid<T>(fn: (row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.rect;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = fn(row + i, col + j);
      out[i] = line;
    }
    return out;
  }

  private fill<T>(value: T): T[][] {
    return this.grid(() => value);
  }

  private setLayer<T>(
    layer: { set(r: number, c: number, v: T | undefined): void },
    data: readonly (readonly (T | undefined)[])[],
  ): this {
    checkShape(data, this.rect);
    data.forEach((line, i) => line.forEach((v, j) => layer.set(this.rect.row - 1 + i, this.rect.col - 1 + j, v)));
    return this;
  }

  // --- values and formulas -------------------------------------------------------------

  getValues(): CellValue[][] {
    this.record('getValues', this.rect.numRows * this.rect.numCols);
    return this.emuValues();
  }

  getValue(): CellValue {
    this.record('getValue');
    return this.model.valueAt(this.rect.row, this.rect.col);
  }

  getDisplayValues(): string[][] {
    this.record('getDisplayValues', this.rect.numRows * this.rect.numCols);
    return this.grid((r, c) => this.model.textAt(r, c));
  }

  getDisplayValue(): string {
    this.record('getDisplayValue');
    return this.model.textAt(this.rect.row, this.rect.col);
  }

  setValues(values: unknown[][]): this {
    this.change('setValues', this.rect.numRows * this.rect.numCols);
    checkShape(values, this.rect);
    this.sheet.emuCheckEdit(this.rect);
    this.model.write(this.rect, values);
    return this;
  }

  /** Like the real method, writes the value into every cell of the range. */
  setValue(value: unknown): this {
    this.change('setValue');
    this.sheet.emuCheckEdit(this.rect);
    this.model.write(this.rect, this.fill(value));
    return this;
  }

  getFormulas(): string[][] {
    this.record('getFormulas', this.rect.numRows * this.rect.numCols);
    return this.grid((r, c) => this.model.formulas.get(r - 1, c - 1) ?? '');
  }

  getFormula(): string {
    this.record('getFormula');
    return this.model.formulas.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }

  setFormulas(formulas: string[][]): this {
    this.change('setFormulas', this.rect.numRows * this.rect.numCols);
    checkShape(formulas, this.rect);
    this.sheet.emuCheckEdit(this.rect);
    this.model.writeFormulas(this.rect, formulas);
    return this;
  }

  /** The formula is written for the top-left cell; other cells get its relative references shifted. */
  setFormula(formula: string): this {
    this.change('setFormula');
    this.sheet.emuCheckEdit(this.rect);
    this.model.writeFormulas(
      this.rect,
      this.grid((r, c) => shiftFormula(formula, r - this.rect.row, c - this.rect.col)),
    );
    return this;
  }

  isBlank(): boolean {
    this.record('isBlank');
    return this.grid(
      (r, c) =>
        this.model.formulas.get(r - 1, c - 1) === undefined && this.model.values.get(r - 1, c - 1) === undefined,
    ).every((line) => line.every(Boolean));
  }

  // --- notes -----------------------------------------------------------------------------

  getNotes(): string[][] {
    this.record('getNotes');
    return this.grid((r, c) => this.model.notes.get(r - 1, c - 1) ?? '');
  }

  getNote(): string {
    this.record('getNote');
    return this.model.notes.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }

  setNotes(notes: (string | null)[][]): this {
    this.change('setNotes');
    return this.setLayer(
      this.model.notes,
      notes.map((line) => line.map((n) => (n ? String(n) : undefined))),
    );
  }

  setNote(note: string | null): this {
    this.change('setNote');
    return this.setLayer(this.model.notes, this.fill(note ? String(note) : undefined));
  }

  clearNote(): this {
    this.change('clearNote');
    return this.setLayer(this.model.notes, this.fill(undefined));
  }

  // --- formats ---------------------------------------------------------------------------

  getBackgrounds(): string[][] {
    this.record('getBackgrounds');
    return this.grid((r, c) => this.model.backgrounds.get(r - 1, c - 1) ?? DEFAULT_BACKGROUND);
  }

  getBackground(): string {
    this.record('getBackground');
    return this.model.backgrounds.get(this.rect.row - 1, this.rect.col - 1) ?? DEFAULT_BACKGROUND;
  }

  setBackgrounds(colors: (string | null)[][]): this {
    this.change('setBackgrounds');
    return this.setLayer(
      this.model.backgrounds,
      colors.map((line) => line.map((c) => backgroundOf(c))),
    );
  }

  setBackground(color: string | null): this {
    this.change('setBackground');
    return this.setLayer(this.model.backgrounds, this.fill(backgroundOf(color)));
  }

  getFontWeights(): FontWeight[][] {
    this.record('getFontWeights');
    return this.grid((r, c) => this.model.fontWeights.get(r - 1, c - 1) ?? 'normal');
  }

  getFontWeight(): FontWeight {
    this.record('getFontWeight');
    return this.model.fontWeights.get(this.rect.row - 1, this.rect.col - 1) ?? 'normal';
  }

  setFontWeights(weights: (string | null)[][]): this {
    this.change('setFontWeights');
    return this.setLayer(
      this.model.fontWeights,
      weights.map((line) => line.map((w) => (w === 'bold' ? 'bold' : undefined))),
    );
  }

  setFontWeight(weight: string | null): this {
    this.change('setFontWeight');
    return this.setLayer(this.model.fontWeights, this.fill(weight === 'bold' ? 'bold' : undefined));
  }

  getFontColors(): string[][] {
    this.record('getFontColors');
    return this.grid((r, c) => this.model.fontColors.get(r - 1, c - 1) ?? DEFAULT_FONT_COLOR);
  }

  getFontColor(): string {
    this.record('getFontColor');
    return this.model.fontColors.get(this.rect.row - 1, this.rect.col - 1) ?? DEFAULT_FONT_COLOR;
  }

  setFontColors(colors: (string | null)[][]): this {
    this.change('setFontColors');
    return this.setLayer(
      this.model.fontColors,
      colors.map((line) => line.map((c) => fontColorOf(c))),
    );
  }

  setFontColor(color: string | null): this {
    this.change('setFontColor');
    return this.setLayer(this.model.fontColors, this.fill(fontColorOf(color)));
  }

  // Fonts beyond weight and colour: Sheets' defaults are Arial 10, normal, no line.
  getFontStyles(): FontStyle[][] {
    this.record('getFontStyles');
    return this.grid((r, c) => this.model.fontStyles.get(r - 1, c - 1) ?? 'normal');
  }
  setFontStyles(styles: (FontStyle | null)[][]): this {
    this.record('setFontStyles');
    return this.setLayer(
      this.model.fontStyles,
      styles.map((line) => line.map((v) => (v === 'italic' ? v : undefined))),
    );
  }
  getFontSizes(): number[][] {
    this.record('getFontSizes');
    return this.grid((r, c) => this.model.fontSizes.get(r - 1, c - 1) ?? DEFAULT_FONT_SIZE);
  }
  setFontSizes(sizes: number[][]): this {
    this.record('setFontSizes');
    return this.setLayer(
      this.model.fontSizes,
      sizes.map((line) => line.map((v) => (v === DEFAULT_FONT_SIZE ? undefined : v))),
    );
  }
  getFontFamilies(): string[][] {
    this.record('getFontFamilies');
    return this.grid((r, c) => this.model.fontFamilies.get(r - 1, c - 1) ?? DEFAULT_FONT_FAMILY);
  }
  setFontFamilies(families: (string | null)[][]): this {
    this.record('setFontFamilies');
    return this.setLayer(
      this.model.fontFamilies,
      families.map((line) => line.map((v) => (v && v !== DEFAULT_FONT_FAMILY ? v : undefined))),
    );
  }
  getFontLines(): FontLine[][] {
    this.record('getFontLines');
    return this.grid((r, c) => this.model.fontLines.get(r - 1, c - 1) ?? 'none');
  }
  setFontLines(lines: (FontLine | null)[][]): this {
    this.record('setFontLines');
    return this.setLayer(
      this.model.fontLines,
      lines.map((line) => line.map((v) => (v === 'none' || !v ? undefined : v))),
    );
  }

  getNumberFormats(): string[][] {
    this.record('getNumberFormats');
    return this.grid((r, c) => this.model.numberFormats.get(r - 1, c - 1) ?? DEFAULT_NUMBER_FORMAT);
  }

  getNumberFormat(): string {
    this.record('getNumberFormat');
    return this.model.numberFormats.get(this.rect.row - 1, this.rect.col - 1) ?? DEFAULT_NUMBER_FORMAT;
  }

  setNumberFormats(formats: string[][]): this {
    this.change('setNumberFormats');
    return this.setLayer(
      this.model.numberFormats,
      formats.map((line) => line.map((f) => f || undefined)),
    );
  }

  setNumberFormat(format: string): this {
    this.change('setNumberFormat');
    return this.setLayer(this.model.numberFormats, this.fill(format || undefined));
  }

  getHorizontalAlignment(): string {
    this.record('getHorizontalAlignment');
    return this.model.alignments.get(this.rect.row - 1, this.rect.col - 1) ?? 'general';
  }

  getHorizontalAlignments(): string[][] {
    this.record('getHorizontalAlignments');
    return this.grid((r, c) => this.model.alignments.get(r - 1, c - 1) ?? 'general');
  }

  setHorizontalAlignment(alignment: string | null): this {
    this.change('setHorizontalAlignment');
    return this.setLayer(this.model.alignments, this.fill(alignment ?? undefined));
  }

  setHorizontalAlignments(alignments: (string | null)[][]): this {
    this.change('setHorizontalAlignments');
    return this.setLayer(
      this.model.alignments,
      alignments.map((line) => line.map((a) => a ?? undefined)),
    );
  }

  getWrap(): boolean {
    this.record('getWrap');
    return this.model.wraps.get(this.rect.row - 1, this.rect.col - 1) ?? true;
  }

  setWrap(isWrapEnabled: boolean): this {
    this.change('setWrap');
    return this.setLayer(this.model.wraps, this.fill(isWrapEnabled));
  }

  // --- data validation -------------------------------------------------------------------

  getDataValidations(): (DataValidation | null)[][] {
    this.record('getDataValidations');
    return this.grid((r, c) => this.model.validations.get(r - 1, c - 1) ?? null);
  }

  getDataValidation(): DataValidation | null {
    this.record('getDataValidation');
    return this.model.validations.get(this.rect.row - 1, this.rect.col - 1) ?? null;
  }

  setDataValidations(rules: (ScriptRule | null)[][]): this {
    this.change('setDataValidations');
    return this.setLayer(
      this.model.validations,
      rules.map((line) => line.map(emulatedRule)),
    );
  }

  setDataValidation(rule: ScriptRule | null): this {
    this.change('setDataValidation');
    return this.setLayer(this.model.validations, this.fill(emulatedRule(rule)));
  }

  clearDataValidations(): this {
    this.change('clearDataValidations');
    return this.setLayer(this.model.validations, this.fill(undefined));
  }

  // --- sorting ---------------------------------------------------------------------------

  /**
   * sort(2), sort({ column: 2, ascending: false }) or sort([{ column: 2 }, 3]): columns are sheet column
   * numbers inside this range; rows of the range move whole (see SheetModel.sortRows).
   */
  sort(sortSpecObj: SortSpec | readonly SortSpec[]): this {
    this.change('sort');
    const specs: readonly SortSpec[] = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj as SortSpec];
    const keys = specs.map((spec) => {
      const column = typeof spec === 'number' ? spec : spec.column;
      const ascending = typeof spec === 'number' ? true : spec.ascending !== false;
      // Guess: the real message for a sort column outside the range is not documented.
      if (!Number.isInteger(column) || column < this.rect.col || column >= this.rect.col + this.rect.numCols)
        throw gasError(`The sort column ${column} is outside the range ${rectA1(this.rect)}.`);
      return { column, ascending };
    });
    this.model.sortRows(this.rect, keys);
    return this;
  }

  // --- merged cells ----------------------------------------------------------------------

  merge(): this {
    this.change('merge');
    this.model.merge(this.rect);
    return this;
  }
  breakApart(): this {
    this.change('breakApart');
    this.model.breakApart(this.rect);
    return this;
  }
  /** Merged blocks inside this range or with at least one cell in it. */
  getMergedRanges(): EmuRange[] {
    this.record('getMergedRanges');
    return this.model.mergesTouching(this.rect).map((m) => this.sheet.emuRangeAt(m));
  }
  isPartOfMerge(): boolean {
    this.record('isPartOfMerge');
    return this.model.mergesTouching(this.rect).length > 0;
  }

  // --- clearing --------------------------------------------------------------------------

  clearContent(): this {
    this.change('clearContent');
    this.sheet.emuCheckEdit(this.rect);
    this.model.clearContents(this.rect);
    return this;
  }

  clearFormat(): this {
    this.change('clearFormat');
    this.model.clearFormats(this.rect);
    return this;
  }

  /** Without options clears contents and formats; options select what to clear, as in the real API. */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    this.change('clear');
    this.sheet.emuCheckEdit(this.rect);
    const only =
      options && (options.contentsOnly || options.formatOnly || options.commentsOnly || options.validationsOnly);
    if (!only || options.contentsOnly) this.model.clearContents(this.rect);
    if (!only || options.formatOnly) this.model.clearFormats(this.rect);
    if (only && options.commentsOnly) this.setLayer(this.model.notes, this.fill(undefined));
    if (only && options.validationsOnly) this.setLayer(this.model.validations, this.fill(undefined));
    return this;
  }

  // --- geometry --------------------------------------------------------------------------

  getRow(): number {
    this.record('getRow');
    return this.rect.row;
  }
  getColumn(): number {
    this.record('getColumn');
    return this.rect.col;
  }
  getNumRows(): number {
    this.record('getNumRows');
    return this.rect.numRows;
  }
  getNumColumns(): number {
    this.record('getNumColumns');
    return this.rect.numCols;
  }
  getLastRow(): number {
    this.record('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    this.record('getLastColumn');
    return this.rect.col + this.rect.numCols - 1;
  }
  getA1Notation(): string {
    this.record('getA1Notation');
    return rectA1(this.rect);
  }
  getSheet(): EmuSheet {
    this.record('getSheet');
    return this.sheet;
  }
  getGridId(): number {
    this.record('getGridId');
    return this.model.sheetId;
  }
  getHeight(): number {
    this.record('getHeight');
    return this.rect.numRows;
  }
  getWidth(): number {
    this.record('getWidth');
    return this.rect.numCols;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    this.record('offset');
    return this.sheet.emuRangeAt({
      row: this.rect.row + rowOffset,
      col: this.rect.col + columnOffset,
      numRows: numRows ?? this.rect.numRows,
      numCols: numColumns ?? this.rect.numCols,
    });
  }

  /** `row`/`column` are relative to this range, 1-based. */
  getCell(row: number, column: number): EmuRange {
    this.record('getCell');
    return this.sheet.emuRangeAt({
      row: this.rect.row + row - 1,
      col: this.rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  protect(): Protection {
    this.record('protect');
    return this.sheet.emuProtect('RANGE', this);
  }

  activate(): this {
    this.record('activate');
    this.sheet.emuSelectRect(this.rect);
    return this;
  }

  // --- emulator internals (not Apps Script API) -------------------------------------------

  emuValues(): CellValue[][] {
    return this.model.valuesIn(this.rect);
  }

  emuOpenRows(): boolean {
    return this.openRows;
  }

  emuRect(): GridRect {
    return { ...this.rect };
  }

  emuSheetId(): number {
    return this.model.sheetId;
  }

  emuA1WithSheet(): string {
    return `${quoteSheetName(this.model.name)}!${rectA1(this.rect)}`;
  }

  /** Non-empty displayed texts of the range, for "value in range" validation. */
  emuDisplayedTexts(): string[] {
    return this.grid((r, c) => this.model.textAt(r, c))
      .flat()
      .filter((t) => t !== '');
  }
}

/** A sort column: its sheet column number, or { column, ascending } (ascending unless false). */
type SortSpec = number | { column: number; ascending?: boolean };

/** Scripts typed against @types/google-apps-script pass rules as the Apps Script interface. */
type ScriptRule = DataValidation | GoogleAppsScript.Spreadsheet.DataValidation;

function emulatedRule(rule: ScriptRule | null | undefined): DataValidation | undefined {
  if (rule === null || rule === undefined) return undefined;
  if (!(rule instanceof DataValidation)) throw gasError('The rule must come from SpreadsheetApp.newDataValidation().');
  return rule;
}

function backgroundOf(color: string | null | undefined): string | undefined {
  const c = normalizeColour(color, DEFAULT_BACKGROUND);
  return c === DEFAULT_BACKGROUND ? undefined : c;
}

function fontColorOf(color: string | null | undefined): string | undefined {
  const c = normalizeColour(color, DEFAULT_FONT_COLOR);
  return c === DEFAULT_FONT_COLOR ? undefined : c;
}
