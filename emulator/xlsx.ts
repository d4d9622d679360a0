/**
 * Moves a spreadsheet between the emulator and a real .xlsx file (exceljs), through the public Apps
 * Script API only. Both ways carry what the emulator models and an .xlsx can hold: values (dates as
 * dates), formulas (with their computed results), number formats, notes, solid fills, fonts (bold,
 * italic, size, family, underline or strike-through, colour), horizontal alignment, column widths,
 * hidden rows and columns, frozen rows and columns, merged cells, data validation, conditional
 * formats, sheet protection and tab colours. Import then export, with nothing in between, gives back
 * the same cells and rules. What one side has and the other cannot hold (charts, warning-only or
 * range protections, colour scales, row heights, ...) is named in the report's `notCarried`, never
 * dropped silently.
 */
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { EmuRange, EmuSheet, EmuSpreadsheet, EmuSpreadsheetApp } from './spreadsheet';
import type { DataValidation } from './spreadsheet/validation';
import { instantOf, wallClockOf } from './spreadsheet/time';

/*
 * The parts of the Apps Script API used here, typed loosely enough that both the real services
 * (@types/google-apps-script) and the emulator's classes satisfy them.
 */
export interface ExportableValidation {
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
  getHelpText(): string | null;
}

export interface ExportableCondition {
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
  getBackground(): string | null;
  getFontColor(): string | null;
  getBold(): boolean | null;
}

export interface ExportableRange {
  getValues(): unknown[][];
  getFormulas(): string[][];
  getNotes(): string[][];
  getBackgrounds(): string[][];
  getNumberFormats(): string[][];
  getA1Notation(): string;
  getDataValidations(): (ExportableValidation | null)[][];
  /** Optional: used when the implementation has them. */
  getFontWeights?(): string[][];
  getFontColors?(): string[][];
  getFontStyles?(): string[][];
  getFontSizes?(): number[][];
  getFontFamilies?(): string[][];
  getFontLines?(): string[][];
  getHorizontalAlignments?(): string[][];
  getMergedRanges?(): { getA1Notation(): string }[];
  getSheet?(): { getName(): string };
}

export interface ExportableProtection {
  getDescription(): string;
  isWarningOnly(): boolean;
  getRange(): { getA1Notation(): string };
  getEditors?(): unknown[];
  /** Emulator only: false while the editors mirror the spreadsheet's (never set by a script). */
  emuEditorsChanged?(): boolean;
}

export interface ExportableRule {
  getBooleanCondition(): ExportableCondition | null;
  getRanges(): { getA1Notation(): string }[];
}

export interface ExportableSheet {
  getName(): string;
  getMaxRows(): number;
  getMaxColumns(): number;
  getFrozenRows(): number;
  getFrozenColumns(): number;
  getDataRange(): ExportableRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): ExportableRange;
  getConditionalFormatRules(): ExportableRule[];
  getColumnWidth?(column: number): number;
  isColumnHiddenByUser?(column: number): boolean;
  isRowHiddenByUser?(row: number): boolean;
  getProtections?(type: 'SHEET' | 'RANGE'): ExportableProtection[];
  isSheetHidden?(): boolean;
  getTabColor?(): string | null;
  getCharts?(): unknown[];
}

export interface ExportableSpreadsheet {
  getSheets(): ExportableSheet[];
  getSpreadsheetTimeZone(): string;
  /** Optional: the file opens on this sheet. */
  getActiveSheet?(): { getName(): string };
}

/** A file the user named cannot be used; the message says why, in terms the user can act on. */
export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';
}

export interface ExportReport {
  readonly sheets: number;
  /**
   * What the file leaves out, one "<sheet>: <what>" each: rules Excel has no equivalent for
   * (relative dates, gradients...), charts, protections Excel cannot express.
   */
  readonly skippedRules: readonly string[];
}

export interface ImportReport {
  /** The sheets read, in the file's order. */
  readonly sheets: readonly string[];
  /** What the file holds that the spreadsheet cannot, one "<sheet>: <what>" each. */
  readonly notCarried: readonly string[];
}

/** Sheets reports "Automatic" as this pattern; in Excel it would print "5." for 5, so it maps to General. */
const SHEETS_AUTOMATIC_FORMAT = '0.###############';
/** Excel's default column width is about 7 pixels per character of the default font. */
const PIXELS_PER_CHARACTER = 7;
const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOUR = '#000000';
const DEFAULT_FONT_SIZE = 10;
const DEFAULT_FONT_FAMILY = 'Arial';
const DEFAULT_COLUMN_WIDTH = 100;
const ALIGNMENTS = new Set(['left', 'center', 'right']);
const ERROR_VALUES = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

export async function exportWorkbook(spreadsheet: ExportableSpreadsheet, path: string): Promise<ExportReport> {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Collab Desk';
  const skippedRules: string[] = [];
  const sheets = spreadsheet.getSheets();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.getName());
    writeCells(sheet, worksheet, timeZone);
    writeLayout(sheet, worksheet);
    writeValidations(sheet, worksheet, timeZone, skippedRules);
    writeConditionalFormats(sheet, worksheet, skippedRules);
    await writeProtections(sheet, worksheet, skippedRules);
    // exceljs cannot write charts; the data they plot is in the cells.
    const charts = sheet.getCharts?.().length ?? 0;
    if (charts > 0) skippedRules.push(`${sheet.getName()}: ${charts} chart${charts > 1 ? 's' : ''}`);
  }
  const active = spreadsheet.getActiveSheet?.().getName();
  const activeTab = sheets.findIndex((sheet) => sheet.getName() === active);
  if (activeTab >= 0) {
    workbook.views = [{ activeTab, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 20000, height: 12000 }];
  }
  await workbook.xlsx.writeFile(path);
  return { sheets: sheets.length, skippedRules };
}

/**
 * Writes every cell holding a value, a formula, a note or a format other than the default. Formats
 * are read over the whole grid: a fill or a number format on an empty row is the user's too.
 */
function writeCells(sheet: ExportableSheet, worksheet: ExcelJS.Worksheet, timeZone: string): void {
  const data = sheet.getDataRange();
  const values = data.getValues();
  const formulas = data.getFormulas();
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  if (rows === 0 || columns === 0) return;
  const grid = sheet.getRange(1, 1, rows, columns);
  const notes = grid.getNotes();
  const backgrounds = grid.getBackgrounds();
  const formats = grid.getNumberFormats();
  const weights = grid.getFontWeights?.();
  const fontColours = grid.getFontColors?.();
  const styles = grid.getFontStyles?.();
  const sizes = grid.getFontSizes?.();
  const families = grid.getFontFamilies?.();
  const lines = grid.getFontLines?.();
  const alignments = grid.getHorizontalAlignments?.();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value = values[r]?.[c] ?? '';
      const formula = formulas[r]?.[c] ?? '';
      const note = notes[r]?.[c] ?? '';
      const format = formats[r]?.[c];
      const background = backgrounds[r]?.[c]?.toLowerCase() ?? DEFAULT_BACKGROUND;
      const font = excelFont({
        bold: weights?.[r]?.[c] === 'bold',
        italic: styles?.[r]?.[c] === 'italic',
        size: sizes?.[r]?.[c] ?? DEFAULT_FONT_SIZE,
        family: families?.[r]?.[c] ?? DEFAULT_FONT_FAMILY,
        line: lines?.[r]?.[c] ?? 'none',
        colour: fontColours?.[r]?.[c]?.toLowerCase() ?? DEFAULT_FONT_COLOUR,
      });
      const alignment = alignments?.[r]?.[c];
      const aligned = alignment !== undefined && ALIGNMENTS.has(alignment);
      const formatted = format !== undefined && format !== SHEETS_AUTOMATIC_FORMAT;
      if (
        value === '' &&
        formula === '' &&
        note === '' &&
        background === DEFAULT_BACKGROUND &&
        !font &&
        !aligned &&
        !formatted
      )
        continue;
      const cell = worksheet.getCell(r + 1, c + 1);
      const cellValue = toExcelValue(value, timeZone);
      if (formula) cell.value = { formula: toExcelFormula(formula), result: formulaResult(cellValue) };
      else if (cellValue !== null) cell.value = cellValue;
      const numFmt = excelNumberFormat(format, value, timeZone);
      if (numFmt) cell.numFmt = numFmt;
      if (note) cell.note = note;
      if (background !== DEFAULT_BACKGROUND) cell.fill = solidFill(background);
      if (font) cell.font = font;
      if (aligned) cell.alignment = { horizontal: alignment as 'left' | 'center' | 'right' };
    }
  }
  for (const merged of grid.getMergedRanges?.() ?? []) worksheet.mergeCellsWithoutStyle(merged.getA1Notation());
}

interface CellFont {
  bold: boolean;
  italic: boolean;
  size: number;
  family: string;
  line: string;
  colour: string;
}

/** Only what differs from Sheets' default font, or undefined when nothing does. */
function excelFont(font: CellFont): Partial<ExcelJS.Font> | undefined {
  const out: Partial<ExcelJS.Font> = {
    ...(font.bold ? { bold: true } : {}),
    ...(font.italic ? { italic: true } : {}),
    ...(font.size !== DEFAULT_FONT_SIZE ? { size: font.size } : {}),
    ...(font.family !== DEFAULT_FONT_FAMILY ? { name: font.family } : {}),
    ...(font.line === 'underline' ? { underline: true } : {}),
    ...(font.line === 'line-through' ? { strike: true } : {}),
    ...(font.colour !== DEFAULT_FONT_COLOUR ? { color: { argb: argb(font.colour) } } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

function writeLayout(sheet: ExportableSheet, worksheet: ExcelJS.Worksheet): void {
  const frozenRows = sheet.getFrozenRows();
  const frozenColumns = sheet.getFrozenColumns();
  if (frozenRows > 0 || frozenColumns > 0) {
    worksheet.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: frozenRows }];
  }
  for (let c = 1; c <= sheet.getMaxColumns(); c++) {
    const width = sheet.getColumnWidth?.(c) ?? DEFAULT_COLUMN_WIDTH;
    const hidden = sheet.isColumnHiddenByUser?.(c) ?? false;
    // Every width is written, Sheets' default too: a column without one gets Excel's default of
    // 8.43 characters (64 px), too narrow for a yyyy-mm-dd date, which LibreOffice and Excel then
    // show as ###.
    const column = worksheet.getColumn(c);
    column.width = Math.round((width / PIXELS_PER_CHARACTER) * 10) / 10;
    if (hidden) column.hidden = true;
  }
  if (sheet.isRowHiddenByUser) {
    for (let r = 1; r <= sheet.getMaxRows(); r++) if (sheet.isRowHiddenByUser(r)) worksheet.getRow(r).hidden = true;
  }
  if (sheet.isSheetHidden?.()) worksheet.state = 'hidden';
  const tab = sheet.getTabColor?.();
  if (tab) worksheet.properties.tabColor = { argb: argb(tab) };
}

/**
 * Excel protects a whole sheet, for everyone (no editors), and blocks rather than warns: a sheet
 * protection that blocks is written as one; a warning-only one, a protected range, and the editors
 * and description of a sheet protection have no Excel equivalent and are reported.
 */
async function writeProtections(
  sheet: ExportableSheet,
  worksheet: ExcelJS.Worksheet,
  skipped: string[],
): Promise<void> {
  if (!sheet.getProtections) return;
  const name = sheet.getName();
  for (const protection of sheet.getProtections('SHEET')) {
    if (protection.isWarningOnly()) {
      skipped.push(`${name}: warning-only sheet protection`);
      continue;
    }
    await worksheet.protect('', {});
    if (protection.getDescription()) skipped.push(`${name}: protection description '${protection.getDescription()}'`);
    // A protection whose editors were never set mirrors the spreadsheet's sharing: no list of its own to lose.
    const ownEditors = protection.emuEditorsChanged?.() ?? true;
    if (ownEditors && (protection.getEditors?.().length ?? 0) > 0) skipped.push(`${name}: protection editors`);
  }
  for (const protection of sheet.getProtections('RANGE')) {
    const how = protection.isWarningOnly() ? 'warning-only ' : '';
    skipped.push(`${name}: ${how}protected range ${protection.getRange().getA1Notation()}`);
  }
}

/** Dates go to Excel as wall-clock times in the spreadsheet's zone (Excel dates have no zone). */
function toExcelValue(value: unknown, timeZone: string): ExcelJS.CellValue {
  if (value instanceof Date) return excelDate(value, timeZone);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === '' || value === null || value === undefined) return null;
  const text = String(value);
  return ERROR_VALUES.has(text) ? { error: text as ExcelJS.CellErrorValue['error'] } : text;
}

function formulaResult(value: ExcelJS.CellValue): ExcelJS.CellFormulaValue['result'] {
  return (value ?? '') as ExcelJS.CellFormulaValue['result'];
}

function excelDate(date: Date, timeZone: string): Date {
  const w = wallClockOf(date.getTime(), timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms));
}

/**
 * Functions newer than the 2007 file format are stored with the prefixes Excel and LibreOffice look
 * for (ECMA-376 Part 1 §18.17.7 future functions); without them both show #NAME?.
 */
const FUTURE_FUNCTIONS: Record<string, string> = {
  IFS: '_xlfn.IFS',
  MAXIFS: '_xlfn.MAXIFS',
  MINIFS: '_xlfn.MINIFS',
  IFNA: '_xlfn.IFNA',
  SWITCH: '_xlfn.SWITCH',
  TEXTJOIN: '_xlfn.TEXTJOIN',
  CONCAT: '_xlfn.CONCAT',
  XLOOKUP: '_xlfn.XLOOKUP',
  UNIQUE: '_xlfn.UNIQUE',
  SEQUENCE: '_xlfn.SEQUENCE',
  FILTER: '_xlfn._xlws.FILTER',
  SORT: '_xlfn._xlws.SORT',
  ISOWEEKNUM: '_xlfn.ISOWEEKNUM',
  DAYS: '_xlfn.DAYS',
};

/** "=SUM(A1:A3)" → "SUM(A1:A3)", future functions prefixed; text inside quotes is left alone. */
export function toExcelFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.])[A-Z][A-Z0-9.]*(?=\s*\()/g, (name) => FUTURE_FUNCTIONS[name] ?? name),
    )
    .join('');
}

function excelNumberFormat(format: string | undefined, value: unknown, timeZone: string): string | undefined {
  if (format && format !== SHEETS_AUTOMATIC_FORMAT) return format;
  if (!(value instanceof Date)) return undefined;
  const w = wallClockOf(value.getTime(), timeZone);
  // What Sheets shows for a date cell nobody formatted.
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
}

function argb(colour: string): string {
  const hex = colour.replace('#', '');
  return `FF${(hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex).toUpperCase()}`;
}

function solidFill(colour: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour) } };
}

// ---- data validation ------------------------------------------------------------------------

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  BETWEEN: 'between',
  NOT_BETWEEN: 'notBetween',
  EQUAL_TO: 'equal',
  NOT_EQUAL_TO: 'notEqual',
  GREATER_THAN: 'greaterThan',
  GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  LESS_THAN: 'lessThan',
  LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};
const DATE_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  AFTER: 'greaterThan',
  ON_OR_AFTER: 'greaterThanOrEqual',
  BEFORE: 'lessThan',
  ON_OR_BEFORE: 'lessThanOrEqual',
  EQUAL_TO: 'equal',
  BETWEEN: 'between',
  NOT_BETWEEN: 'notBetween',
};
/** DATE_IS_VALID_DATE as Excel expresses it: any date from 1900-01-01 on. */
const EARLIEST_EXCEL_DATE = new Date(Date.UTC(1900, 0, 1));

/**
 * Rules are read over the whole grid (setup validates empty rows too), and each column's runs of
 * identical rules are written as one range, as Sheets and Excel both store them.
 */
function writeValidations(
  sheet: ExportableSheet,
  worksheet: ExcelJS.Worksheet,
  timeZone: string,
  skipped: string[],
): void {
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  if (rows === 0 || columns === 0) return;
  const grid = sheet.getRange(1, 1, rows, columns).getDataValidations();
  const cache = new Map<ExportableValidation, ExcelJS.DataValidation | null>();
  const convert = (rule: ExportableValidation) => {
    if (!cache.has(rule)) {
      const converted = excelValidation(rule, timeZone);
      if (!converted) skipped.push(`${sheet.getName()}: validation ${String(rule.getCriteriaType())}`);
      cache.set(rule, converted);
    }
    return cache.get(rule) ?? null;
  };
  for (let c = 0; c < columns; c++) {
    let runStart = -1;
    let runKey = '';
    let runRule: ExcelJS.DataValidation | null = null;
    const flush = (end: number) => {
      if (runRule)
        (worksheet as unknown as WorksheetWithValidations).dataValidations.add(
          `${columnLetter(c + 1)}${runStart + 1}:${columnLetter(c + 1)}${end}`,
          runRule,
        );
    };
    for (let r = 0; r <= rows; r++) {
      const rule = grid[r]?.[c] ?? null;
      const converted = rule ? convert(rule) : null;
      const key = converted ? JSON.stringify(converted) : '';
      if (key === runKey) continue;
      flush(r);
      runStart = r;
      runKey = key;
      runRule = converted;
    }
  }
}

/** exceljs keeps range-wide rules here (its typings only declare the per-cell `dataValidation`). */
interface WorksheetWithValidations {
  dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void };
}

function excelValidation(rule: ExportableValidation, timeZone: string): ExcelJS.DataValidation | null {
  const type = String(rule.getCriteriaType());
  const args = rule.getCriteriaValues();
  const helpText = rule.getHelpText();
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    // Sheets' "show a warning" lets the value in; Excel's warning style does the same.
    errorStyle: rule.getAllowInvalid() ? 'warning' : 'stop',
    ...(helpText ? { prompt: helpText, error: helpText, showInputMessage: true } : {}),
  };
  if (type === 'VALUE_IN_LIST') {
    const list = (args[0] as unknown[]).map(String);
    return { ...common, type: 'list', formulae: [`"${list.map((v) => v.replace(/"/g, '""')).join(',')}"`] };
  }
  if (type === 'VALUE_IN_RANGE')
    return { ...common, type: 'list', formulae: [absoluteReference(args[0] as ExportableRange)] };
  if (type === 'CHECKBOX') return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
  if (type === 'CUSTOM_FORMULA') return { ...common, type: 'custom', formulae: [toExcelFormula(String(args[0]))] };
  if (type === 'DATE_IS_VALID_DATE') {
    return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [EARLIEST_EXCEL_DATE] };
  }
  if (type.startsWith('DATE_') && DATE_OPERATORS[type.slice(5)] && args.every((a) => a instanceof Date)) {
    return {
      ...common,
      type: 'date',
      operator: DATE_OPERATORS[type.slice(5)],
      formulae: args.map((a: Date) => excelDate(a, timeZone)),
    };
  }
  if (type.startsWith('NUMBER_') && NUMBER_OPERATORS[type.slice(7)]) {
    return { ...common, type: 'decimal', operator: NUMBER_OPERATORS[type.slice(7)], formulae: args.map(Number) };
  }
  return null;
}

function absoluteReference(range: ExportableRange): string {
  const a1 = range.getA1Notation().replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const sheetName = range.getSheet?.().getName();
  return sheetName ? `'${sheetName.replace(/'/g, "''")}'!${a1}` : a1;
}

// ---- conditional formatting -----------------------------------------------------------------

/** Sheets' number comparisons as Excel comparison operators (all conditions become expression rules). */
const COMPARISONS: Record<string, string> = {
  NUMBER_GREATER_THAN: '>',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: '>=',
  NUMBER_LESS_THAN: '<',
  NUMBER_LESS_THAN_OR_EQUAL_TO: '<=',
  NUMBER_EQUAL_TO: '=',
  NUMBER_NOT_EQUAL_TO: '<>',
};

function writeConditionalFormats(sheet: ExportableSheet, worksheet: ExcelJS.Worksheet, skipped: string[]): void {
  sheet.getConditionalFormatRules().forEach((rule, index) => {
    const condition = rule.getBooleanCondition();
    const refs = rule.getRanges().map((r) => r.getA1Notation());
    const topLeft = refs[0]?.split(':')[0]?.replace(/\$/g, '');
    const formula = condition && topLeft ? excelCondition(condition, topLeft) : null;
    if (!condition || !formula) {
      skipped.push(
        `${sheet.getName()}: conditional format ${condition ? String(condition.getCriteriaType()) : 'gradient'}`,
      );
      return;
    }
    const style: Partial<ExcelJS.Style> = {};
    const background = condition.getBackground();
    // In a differential (conditional) format a solid fill's colour is its bgColor (ECMA-376 §18.8.17).
    if (background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } };
    const fontColour = condition.getFontColor();
    const bold = condition.getBold();
    if (fontColour || bold)
      style.font = { ...(fontColour ? { color: { argb: argb(fontColour) } } : {}), ...(bold ? { bold } : {}) };
    // Sheets applies the first matching rule; Excel's priority 1 is the highest.
    worksheet.addConditionalFormatting({
      ref: refs.join(' '),
      rules: [{ type: 'expression', formulae: [formula], priority: index + 1, style }],
    });
  });
}

/** The condition as an Excel formula relative to the range's top-left `cell`, or null if Excel has none. */
function excelCondition(condition: ExportableCondition, cell: string): string | null {
  const type = String(condition.getCriteriaType());
  const args = condition.getCriteriaValues();
  const text = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
  if (COMPARISONS[type]) return `${cell}${COMPARISONS[type]}${Number(args[0])}`;
  switch (type) {
    case 'CUSTOM_FORMULA':
      return toExcelFormula(String(args[0]));
    case 'CELL_EMPTY':
      return `LEN(TRIM(${cell}))=0`;
    case 'CELL_NOT_EMPTY':
      return `LEN(TRIM(${cell}))>0`;
    case 'TEXT_EQUAL_TO':
      return `${cell}=${text(args[0])}`;
    case 'TEXT_CONTAINS':
      return `ISNUMBER(SEARCH(${text(args[0])},${cell}))`;
    case 'TEXT_DOES_NOT_CONTAIN':
      return `ISERROR(SEARCH(${text(args[0])},${cell}))`;
    case 'TEXT_STARTS_WITH':
      return `LEFT(${cell},LEN(${text(args[0])}))=${text(args[0])}`;
    case 'TEXT_ENDS_WITH':
      return `RIGHT(${cell},LEN(${text(args[0])}))=${text(args[0])}`;
    case 'NUMBER_BETWEEN':
      return `AND(${cell}>=${Number(args[0])},${cell}<=${Number(args[1])})`;
    case 'NUMBER_NOT_BETWEEN':
      return `OR(${cell}<${Number(args[0])},${cell}>${Number(args[1])})`;
    default:
      return null;
  }
}

function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// ---- import ---------------------------------------------------------------------------------

const ZIP_SIGNATURE = 'PK\x03\x04';
const OLE_SIGNATURE = '\xd0\xcf\x11\xe0';

/** Checks the file is there and is a zip before exceljs sees it, so the user gets a reason, not a stack trace. */
function checkWorkbookFile(path: string): void {
  if (!existsSync(path)) throw new WorkbookFileError(`File not found: ${path}`);
  if (!statSync(path).isFile()) throw new WorkbookFileError(`Not a file: ${path}`);
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  const read = readSync(fd, head, 0, 4, 0);
  closeSync(fd);
  const signature = head.subarray(0, read).toString('latin1');
  if (signature === OLE_SIGNATURE) {
    throw new WorkbookFileError(
      `${path} is a legacy .xls or a password-protected workbook; save it as an unprotected .xlsx`,
    );
  }
  if (signature !== ZIP_SIGNATURE) {
    throw new WorkbookFileError(
      `${path} is not an .xlsx workbook (an .xlsx file is a zip archive; this one ${read === 0 ? 'is empty' : 'is not'})`,
    );
  }
}

/** What import needs besides the spreadsheet: the builders of validation and conditional format rules. */
export type RuleBuilders = Pick<EmuSpreadsheetApp, 'newDataValidation' | 'newConditionalFormatRule'>;

/**
 * Adds the workbook's sheets to `spreadsheet` (replacing the untouched default sheet a new spreadsheet
 * starts with). Dates are read as wall-clock times in the spreadsheet's zone. Cells come first on
 * every sheet, then rules, so a dropdown may name a list on a later sheet.
 */
export async function importWorkbook(
  path: string,
  spreadsheet: EmuSpreadsheet,
  builders: RuleBuilders,
): Promise<ImportReport> {
  checkWorkbookFile(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new WorkbookFileError(`${path} is not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) throw new WorkbookFileError(`${path} has no sheets`);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const before = spreadsheet.getSheets();
  const names = worksheets.map((w) => w.name);
  const notCarried: string[] = [];
  const sheets = worksheets.map((worksheet, index) => {
    const existing = spreadsheet.getSheets().find((s) => s.getName() === worksheet.name);
    const sheet = existing ?? spreadsheet.insertSheet(worksheet.name, index);
    const skip = (what: string) => {
      const line = `${worksheet.name}: ${what}`;
      if (!notCarried.includes(line)) notCarried.push(line);
    };
    readCells(worksheet, sheet, timeZone, skip);
    readLayout(worksheet, sheet, skip);
    return { worksheet, sheet, skip };
  });
  for (const sheet of before) if (!names.includes(sheet.getName())) spreadsheet.deleteSheet(sheet);
  for (const { worksheet, sheet, skip } of sheets) {
    readValidations(worksheet, sheet, spreadsheet, builders, timeZone, skip);
    readConditionalFormats(worksheet, sheet, builders, skip);
    if ((worksheet as unknown as ProtectedWorksheet).sheetProtection?.sheet) sheet.protect();
  }
  return { sheets: names, notCarried };
}

/** The cells' values, notes and formats, one write per layer over the rows and columns the file uses. */
function readCells(worksheet: ExcelJS.Worksheet, sheet: EmuSheet, timeZone: string, skip: (what: string) => void) {
  const rows = worksheet.rowCount;
  const columns = worksheet.columnCount;
  if (rows === 0 || columns === 0) return;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  const grid = <T>(value: T): T[][] => Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
  const values = grid<unknown>('');
  const notes = grid('');
  const formats = grid(SHEETS_AUTOMATIC_FORMAT);
  const backgrounds = grid<string | null>(null);
  const weights = grid<string | null>(null);
  const styles = grid<GoogleAppsScript.Spreadsheet.FontStyle | null>(null);
  const sizes = grid(DEFAULT_FONT_SIZE);
  const families = grid<string | null>(null);
  const lines = grid<GoogleAppsScript.Spreadsheet.FontLine | null>(null);
  const colours = grid<string | null>(null);
  const alignments = grid<string | null>(null);
  // Empty cells too: a fill or a number format on a cell nobody typed in is the user's as well.
  worksheet.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const i = r - 1;
      const j = c - 1;
      const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : SHEETS_AUTOMATIC_FORMAT;
      // A merged cell's followers repeat its leader's value in exceljs; in the file they are empty.
      if (cell.type !== ExcelJS.ValueType.Merge) values[i]![j] = fromExcelCell(cell, format, timeZone);
      notes[i]![j] = noteText(cell.note);
      formats[i]![j] = format;
      const fill = cell.fill;
      if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) {
        backgrounds[i]![j] = colourOf(fill.fgColor.argb);
      } else if (fill && !(fill.type === 'pattern' && fill.pattern === 'none')) skip('patterned or gradient fills');
      const font = cell.font;
      if (font) {
        if (font.bold) weights[i]![j] = 'bold';
        if (font.italic) styles[i]![j] = 'italic';
        if (font.size) sizes[i]![j] = font.size;
        if (font.name) families[i]![j] = font.name;
        if (font.underline && font.strike) skip('underline together with strike-through (Sheets has one font line)');
        if (font.strike) lines[i]![j] = 'line-through';
        else if (font.underline) lines[i]![j] = 'underline';
        if (font.color?.argb) colours[i]![j] = colourOf(font.color.argb);
        // Theme colour 1 is the theme's text colour, what every cell shows by default.
        else if (font.color && font.color.theme !== 1) skip('theme font colours');
      }
      const horizontal = cell.alignment?.horizontal;
      if (horizontal && ALIGNMENTS.has(horizontal)) alignments[i]![j] = horizontal;
      else if (horizontal) skip(`'${horizontal}' alignment`);
      if (cell.alignment?.wrapText) skip('text wrapping');
      if (cell.alignment?.vertical) skip('vertical alignment');
      if (cell.border && Object.keys(cell.border).length > 0) skip('borders');
    });
  });
  const range = sheet.getRange(1, 1, rows, columns);
  // Formats first: a cell formatted as plain text keeps what is written to it as text.
  range.setNumberFormats(formats);
  range.setValues(values);
  if (notes.some((row) => row.some((n) => n !== ''))) range.setNotes(notes);
  range.setBackgrounds(backgrounds);
  range.setFontWeights(weights);
  range.setFontStyles(styles);
  range.setFontSizes(sizes);
  range.setFontFamilies(families);
  range.setFontLines(lines);
  range.setFontColors(colours);
  range.setHorizontalAlignments(alignments);
  for (const merge of mergedRanges(worksheet)) sheet.getRange(merge).merge();
}

/** exceljs's sheet protection (missing from its typings). */
interface ProtectedWorksheet {
  sheetProtection?: { sheet?: boolean } | null;
}

/** exceljs keeps merges as "A1:C2" strings in the worksheet model. */
function mergedRanges(worksheet: ExcelJS.Worksheet): string[] {
  return (worksheet.model as { merges?: string[] }).merges ?? [];
}

function readLayout(worksheet: ExcelJS.Worksheet, sheet: EmuSheet, skip: (what: string) => void): void {
  const view = (worksheet.views ?? []).find((v): v is ExcelJS.WorksheetViewFrozen => v.state === 'frozen');
  if (view?.ySplit) sheet.setFrozenRows(view.ySplit);
  if (view?.xSplit) sheet.setFrozenColumns(view.xSplit);
  const columns = Math.max(worksheet.columnCount, (worksheet.columns ?? []).length);
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  for (let c = 1; c <= columns; c++) {
    const column = worksheet.getColumn(c);
    if (column.width) sheet.setColumnWidth(c, Math.round(column.width * PIXELS_PER_CHARACTER));
    if (column.hidden) sheet.hideColumns(c);
  }
  worksheet.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) sheet.hideRows(r);
    if (row.height) skip('row heights');
  });
  if (worksheet.state !== 'visible') skip('hidden sheet');
  const tab = worksheet.properties.tabColor?.argb;
  if (tab) sheet.setTabColor(colourOf(tab));
  if (worksheet.views?.some((v) => v.state === 'split')) skip('split panes');
}

/** "FFCFE2F3" → "#cfe2f3" (the alpha byte is dropped: Sheets colours are opaque). */
function colourOf(argbText: string): string {
  return `#${argbText.slice(-6).toLowerCase()}`;
}

// ---- import: data validation ----------------------------------------------------------------

const DATE_BUILDERS: Partial<
  Record<
    ExcelJS.DataValidationOperator,
    'requireDateAfter' | 'requireDateBefore' | 'requireDateOnOrAfter' | 'requireDateOnOrBefore'
  >
> = {
  greaterThan: 'requireDateAfter',
  lessThan: 'requireDateBefore',
  greaterThanOrEqual: 'requireDateOnOrAfter',
  lessThanOrEqual: 'requireDateOnOrBefore',
};

/**
 * exceljs lists a range-wide rule under each of its cells; equal rules become one Apps Script rule,
 * written to its cells in one call over the grid.
 */
function readValidations(
  worksheet: ExcelJS.Worksheet,
  sheet: EmuSheet,
  spreadsheet: EmuSpreadsheet,
  builders: RuleBuilders,
  timeZone: string,
  skip: (what: string) => void,
): void {
  const model = (worksheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  const entries = Object.entries(model);
  if (entries.length === 0) return;
  const rules = new Map<string, DataValidation | null>();
  const cells: [number, number, DataValidation][] = [];
  for (const [address, dv] of entries) {
    const key = JSON.stringify(dv);
    if (!rules.has(key)) rules.set(key, appsScriptValidation(dv, spreadsheet, sheet, builders, timeZone, skip));
    const rule = rules.get(key);
    const at = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
    if (rule && at?.[1] && at[2]) cells.push([Number(at[2]), columnNumber(at[1]), rule]);
  }
  if (cells.length === 0) return;
  const rows = Math.max(...cells.map(([r]) => r));
  const columns = Math.max(...cells.map(([, c]) => c));
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  const grid: (DataValidation | null)[][] = Array.from({ length: rows }, () => new Array(columns).fill(null));
  for (const [r, c, rule] of cells) grid[r - 1]![c - 1] = rule;
  sheet.getRange(1, 1, rows, columns).setDataValidations(grid);
}

function appsScriptValidation(
  dv: ExcelJS.DataValidation,
  spreadsheet: EmuSpreadsheet,
  sheet: EmuSheet,
  builders: RuleBuilders,
  timeZone: string,
  skip: (what: string) => void,
): DataValidation | null {
  // Excel refuses a value only when the rule shows its error in the "stop" style.
  const strict = dv.showErrorMessage === true && (dv.errorStyle ?? 'stop') === 'stop';
  const builder = builders.newDataValidation().setAllowInvalid(!strict);
  const help = dv.prompt ?? dv.error;
  if (help) builder.setHelpText(help);
  const [first, second] = dv.formulae ?? [];
  const operator = dv.operator ?? 'between';
  const fail = (why: string) => {
    skip(`validation ${why}`);
    return null;
  };
  if (dv.type === 'list' && typeof first === 'string') {
    const literal = /^"(.*)"$/s.exec(first);
    if (literal) return builder.requireValueInList(literal[1]!.replace(/""/g, '"').split(','), true).build();
    const range = rangeOf(first, spreadsheet, sheet);
    return range ? builder.requireValueInRange(range, true).build() : fail(`list from ${first}`);
  }
  if (dv.type === 'custom' && first !== undefined) {
    return builder.requireFormulaSatisfied(`=${String(first).replace(/_xlfn\.(_xlws\.)?/g, '')}`).build();
  }
  if (dv.type === 'date' && first instanceof Date) {
    const start = fromExcelDate(first, timeZone);
    if (operator === 'greaterThanOrEqual' && first.getTime() === EARLIEST_EXCEL_DATE.getTime())
      return builder.requireDate().build();
    if (operator === 'between' && second instanceof Date)
      return builder.requireDateBetween(start, fromExcelDate(second, timeZone)).build();
    const method = DATE_BUILDERS[operator];
    return method ? builder[method](start).build() : fail(`date ${operator}`);
  }
  if (dv.type === 'decimal' && typeof first === 'number') {
    if (operator === 'between' && typeof second === 'number')
      return builder.requireNumberBetween(first, second).build();
    if (operator === 'greaterThanOrEqual') return builder.requireNumberGreaterThanOrEqualTo(first).build();
    if (operator === 'lessThanOrEqual') return builder.requireNumberLessThanOrEqualTo(first).build();
    return fail(`number ${operator}`);
  }
  return fail(`${dv.type}${dv.operator ? ` ${dv.operator}` : ''}`);
}

/** "'部门'!$A$2:$A$3" or "$A$2:$A$3" (this sheet) as a range, or null when the sheet is not there. */
function rangeOf(reference: string, spreadsheet: EmuSpreadsheet, sheet: EmuSheet): EmuRange | null {
  const match = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(reference.trim());
  if (!match?.[3]) return null;
  const name = match[1]?.replace(/''/g, "'") ?? match[2];
  const target = name === undefined ? sheet : spreadsheet.getSheetByName(name);
  return target ? target.getRange(match[3].replace(/\$/g, '')) : null;
}

function columnNumber(letters: string): number {
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

// ---- import: conditional formatting ---------------------------------------------------------

type ConditionBuilder = ReturnType<RuleBuilders['newConditionalFormatRule']>;

/**
 * Each Excel rule becomes one Apps Script rule, in priority order (Sheets applies the first match).
 * The expressions export writes for Sheets' own conditions are read back as those conditions.
 */
function readConditionalFormats(
  worksheet: ExcelJS.Worksheet,
  sheet: EmuSheet,
  builders: RuleBuilders,
  skip: (what: string) => void,
): void {
  const formattings =
    (worksheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? [];
  const rules = formattings
    .flatMap((formatting) => formatting.rules.map((rule) => ({ ref: formatting.ref, rule })))
    .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0));
  const built = rules.flatMap(({ ref, rule }) => {
    const refs = ref.split(/\s+/).filter(Boolean);
    const topLeft = refs[0]?.split(':')[0]?.replace(/\$/g, '');
    const builder = builders.newConditionalFormatRule();
    if (!topLeft || !appsScriptCondition(rule, topLeft, builder)) {
      skip(`conditional format ${rule.type}${'operator' in rule && rule.operator ? ` ${rule.operator}` : ''}`);
      return [];
    }
    const fill = rule.style?.fill;
    const background = fill?.type === 'pattern' ? (fill.bgColor?.argb ?? fill.fgColor?.argb) : undefined;
    if (background) builder.setBackground(colourOf(background));
    if (rule.style?.font?.color?.argb) builder.setFontColor(colourOf(rule.style.font.color.argb));
    if (rule.style?.font?.bold) builder.setBold(true);
    builder.setRanges(refs.map((a1) => sheet.getRange(a1.replace(/\$/g, ''))));
    return [builder.build()];
  });
  if (built.length > 0) sheet.setConditionalFormatRules(built);
}

const QUOTED = '"((?:[^"]|"")*)"';
const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:E[+-]?\\d+)?)';
const unquote = (text: string) => text.replace(/""/g, '"');

/** Sets `builder`'s condition from an Excel rule; false when Sheets has none for it. */
function appsScriptCondition(
  rule: ExcelJS.ConditionalFormattingRule,
  cell: string,
  builder: ConditionBuilder,
): boolean {
  if (rule.type === 'expression') {
    const formula = rule.formulae?.[0];
    if (formula === undefined) return false;
    const text = String(formula);
    const patterns: [RegExp, (m: RegExpExecArray) => void][] = [
      [new RegExp(`^${cell}=${QUOTED}$`), (m) => builder.whenTextEqualTo(unquote(m[1]!))],
      [new RegExp(`^LEN\\(TRIM\\(${cell}\\)\\)=0$`), () => builder.whenCellEmpty()],
      [new RegExp(`^LEN\\(TRIM\\(${cell}\\)\\)>0$`), () => builder.whenCellNotEmpty()],
      [new RegExp(`^ISNUMBER\\(SEARCH\\(${QUOTED},${cell}\\)\\)$`), (m) => builder.whenTextContains(unquote(m[1]!))],
      [
        new RegExp(`^ISERROR\\(SEARCH\\(${QUOTED},${cell}\\)\\)$`),
        (m) => builder.whenTextDoesNotContain(unquote(m[1]!)),
      ],
      [
        new RegExp(`^LEFT\\(${cell},LEN\\(${QUOTED}\\)\\)=${QUOTED}$`),
        (m) => (m[1] === m[2] ? builder.whenTextStartsWith(unquote(m[1]!)) : builder.whenFormulaSatisfied(`=${text}`)),
      ],
      [
        new RegExp(`^RIGHT\\(${cell},LEN\\(${QUOTED}\\)\\)=${QUOTED}$`),
        (m) => (m[1] === m[2] ? builder.whenTextEndsWith(unquote(m[1]!)) : builder.whenFormulaSatisfied(`=${text}`)),
      ],
      [
        new RegExp(`^AND\\(${cell}>=${NUMBER},${cell}<=${NUMBER}\\)$`),
        (m) => builder.whenNumberBetween(Number(m[1]), Number(m[2])),
      ],
      [new RegExp(`^${cell}>=${NUMBER}$`), (m) => builder.whenNumberGreaterThanOrEqualTo(Number(m[1]))],
      [new RegExp(`^${cell}<=${NUMBER}$`), (m) => builder.whenNumberLessThanOrEqualTo(Number(m[1]))],
      [new RegExp(`^${cell}>${NUMBER}$`), (m) => builder.whenNumberGreaterThan(Number(m[1]))],
      [new RegExp(`^${cell}<${NUMBER}$`), (m) => builder.whenNumberLessThan(Number(m[1]))],
      [new RegExp(`^${cell}=${NUMBER}$`), (m) => builder.whenNumberEqualTo(Number(m[1]))],
    ];
    for (const [pattern, set] of patterns) {
      const match = pattern.exec(text);
      if (match) {
        set(match);
        return true;
      }
    }
    builder.whenFormulaSatisfied(`=${text.replace(/_xlfn\.(_xlws\.)?/g, '')}`);
    return true;
  }
  if (rule.type === 'cellIs') {
    const [first, second] = (rule.formulae ?? []).map(String);
    if (first === undefined) return false;
    const quoted = new RegExp(`^${QUOTED}$`).exec(first);
    if (rule.operator === 'equal' && quoted) return Boolean(builder.whenTextEqualTo(unquote(quoted[1]!)));
    const a = Number(first);
    const b = Number(second);
    if (Number.isNaN(a)) return false;
    switch (rule.operator) {
      case 'equal':
        return Boolean(builder.whenNumberEqualTo(a));
      case 'greaterThan':
        return Boolean(builder.whenNumberGreaterThan(a));
      case 'lessThan':
        return Boolean(builder.whenNumberLessThan(a));
      case 'between':
        return !Number.isNaN(b) && Boolean(builder.whenNumberBetween(a, b));
      default:
        return false;
    }
  }
  if (rule.type === 'containsText') {
    const text = rule.text ?? '';
    switch (rule.operator) {
      case 'containsText':
        return Boolean(builder.whenTextContains(text));
      case 'containsBlanks':
        return Boolean(builder.whenCellEmpty());
      case 'notContainsBlanks':
        return Boolean(builder.whenCellNotEmpty());
      default:
        return false;
    }
  }
  return false;
}

function fromExcelDate(value: Date, timeZone: string): Date {
  return new Date(
    instantOf(
      {
        year: value.getUTCFullYear(),
        month: value.getUTCMonth() + 1,
        day: value.getUTCDate(),
        hour: value.getUTCHours(),
        minute: value.getUTCMinutes(),
        second: value.getUTCSeconds(),
        ms: value.getUTCMilliseconds(),
      },
      timeZone,
    ),
  );
}

/**
 * What a user typing the cell would have entered: "=…" for formulas, dates as instants in the
 * spreadsheet's zone, and text quoted with "'" so Sheets keeps "007" or "2024-07-01" as text.
 */
function fromExcelCell(cell: ExcelJS.Cell, format: string, timeZone: string): unknown {
  if (cell.formula) return `=${cell.formula.replace(/_xlfn\.(_xlws\.)?/g, '')}`;
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return fromExcelDate(value, timeZone);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : cell.text;
  return format === '@' || text === '' ? text : `'${text}`;
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
