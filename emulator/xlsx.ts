/**
 * Moves a spreadsheet between the emulator and a real .xlsx file (exceljs), through the public Apps
 * Script API only, so it works on any object that behaves like a Spreadsheet.
 * Export keeps what Excel and LibreOffice can show: values (dates as dates), formulas with their
 * computed results, number formats, notes, backgrounds, bold, frozen rows and columns, column widths,
 * data validation and conditional formatting. Import brings back values, formulas, notes, number
 * formats, frozen rows and column widths; everything else is the add-on's to set up again.
 */
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
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
  getSheet?(): { getName(): string };
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

export interface ImportableRange {
  setValues(values: unknown[][]): unknown;
  setNotes(notes: string[][]): unknown;
  setNumberFormats(formats: string[][]): unknown;
}

export interface ImportableSheet {
  getName(): string;
  getRange(row: number, column: number, numRows: number, numColumns: number): ImportableRange;
  setFrozenRows(rows: number): unknown;
  setFrozenColumns(columns: number): unknown;
  setColumnWidth(column: number, width: number): unknown;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
}

export interface ImportableSpreadsheet {
  getSheets(): ImportableSheet[];
  getSpreadsheetTimeZone(): string;
  insertSheet(sheetName: string, sheetIndex: number): ImportableSheet;
  deleteSheet(sheet: ImportableSheet): unknown;
}

/** A file the user named cannot be used; the message says why, in terms the user can act on. */
export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';
}

export interface ExportReport {
  readonly sheets: number;
  /** What the file leaves out: rules Excel has no equivalent for (relative dates, gradients...), and charts. */
  readonly skippedRules: readonly string[];
}

/** Sheets reports "Automatic" as this pattern; in Excel it would print "5." for 5, so it maps to General. */
const SHEETS_AUTOMATIC_FORMAT = '0.###############';
/** Excel's default column width is about 7 pixels per character of the default font. */
const PIXELS_PER_CHARACTER = 7;
const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOUR = '#000000';
const ERROR_VALUES = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

export async function exportWorkbook(spreadsheet: ExportableSpreadsheet, path: string): Promise<ExportReport> {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Collab Desk';
  const skippedRules: string[] = [];
  const sheets = spreadsheet.getSheets();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.getName());
    const columns = writeCells(sheet, worksheet, timeZone);
    writeLayout(sheet, worksheet, columns);
    writeValidations(sheet, worksheet, timeZone, skippedRules);
    writeConditionalFormats(sheet, worksheet, skippedRules);
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

/** Writes the data range's cells; returns how many columns it spans. */
function writeCells(sheet: ExportableSheet, worksheet: ExcelJS.Worksheet, timeZone: string): number {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const formats = range.getNumberFormats();
  const weights = range.getFontWeights?.();
  const fontColours = range.getFontColors?.();
  values.forEach((row, r) =>
    row.forEach((value: unknown, c) => {
      const formula = formulas[r]?.[c] ?? '';
      const note = notes[r]?.[c] ?? '';
      const background = backgrounds[r]?.[c]?.toLowerCase();
      const bold = weights?.[r]?.[c] === 'bold';
      const fontColour = fontColours?.[r]?.[c]?.toLowerCase();
      const coloured = fontColour !== undefined && fontColour !== DEFAULT_FONT_COLOUR;
      if (value === '' && formula === '' && note === '' && background === DEFAULT_BACKGROUND && !bold && !coloured)
        return;
      const cell = worksheet.getCell(r + 1, c + 1);
      const cellValue = toExcelValue(value, timeZone);
      cell.value = formula ? { formula: toExcelFormula(formula), result: formulaResult(cellValue) } : cellValue;
      const numFmt = excelNumberFormat(formats[r]?.[c], value, timeZone);
      if (numFmt) cell.numFmt = numFmt;
      if (note) cell.note = note;
      if (background && background !== DEFAULT_BACKGROUND) cell.fill = solidFill(background);
      if (bold || coloured)
        cell.font = { ...(bold ? { bold } : {}), ...(coloured ? { color: { argb: argb(fontColour) } } : {}) };
    }),
  );
  return values[0]?.length ?? 0;
}

function writeLayout(sheet: ExportableSheet, worksheet: ExcelJS.Worksheet, columns: number): void {
  const frozenRows = sheet.getFrozenRows();
  const frozenColumns = sheet.getFrozenColumns();
  if (frozenRows > 0 || frozenColumns > 0) {
    worksheet.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: frozenRows }];
  }
  for (let c = 1; c <= columns; c++) {
    const column = worksheet.getColumn(c);
    if (sheet.getColumnWidth) column.width = Math.round((sheet.getColumnWidth(c) / PIXELS_PER_CHARACTER) * 10) / 10;
    if (sheet.isColumnHiddenByUser?.(c)) column.hidden = true;
  }
  if (sheet.isSheetHidden?.()) worksheet.state = 'hidden';
  const tab = sheet.getTabColor?.();
  if (tab) worksheet.properties.tabColor = { argb: argb(tab) };
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

/**
 * Adds the workbook's sheets to `spreadsheet` (replacing the untouched default sheet a new spreadsheet
 * starts with) and returns their names. Dates are read as wall-clock times in the spreadsheet's zone.
 */
export async function importWorkbook(path: string, spreadsheet: ImportableSpreadsheet): Promise<string[]> {
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
  worksheets.forEach((worksheet, index) => {
    const existing = spreadsheet.getSheets().find((s) => s.getName() === worksheet.name);
    const sheet = existing ?? spreadsheet.insertSheet(worksheet.name, index);
    readCells(worksheet, sheet, timeZone);
  });
  for (const sheet of before) if (!names.includes(sheet.getName())) spreadsheet.deleteSheet(sheet);
  return names;
}

function readCells(worksheet: ExcelJS.Worksheet, sheet: ImportableSheet, timeZone: string): void {
  const rows = worksheet.rowCount;
  const columns = worksheet.columnCount;
  const view = (worksheet.views ?? []).find((v): v is ExcelJS.WorksheetViewFrozen => v.state === 'frozen');
  if (view?.ySplit) sheet.setFrozenRows(view.ySplit);
  if (view?.xSplit) sheet.setFrozenColumns(view.xSplit);
  for (let c = 1; c <= columns; c++) {
    const width = worksheet.getColumn(c).width;
    if (width) sheet.setColumnWidth(c, Math.round(width * PIXELS_PER_CHARACTER));
  }
  if (rows === 0 || columns === 0) return;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  const values: unknown[][] = [];
  const notes: string[][] = [];
  const formats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = worksheet.getRow(r);
    const valueRow: unknown[] = [];
    const noteRow: string[] = [];
    const formatRow: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : SHEETS_AUTOMATIC_FORMAT;
      valueRow.push(fromExcelCell(cell, format, timeZone));
      noteRow.push(noteText(cell.note));
      formatRow.push(format);
    }
    values.push(valueRow);
    notes.push(noteRow);
    formats.push(formatRow);
  }
  const range = sheet.getRange(1, 1, rows, columns);
  // Formats first: a cell formatted as plain text keeps what is written to it as text.
  range.setNumberFormats(formats);
  range.setValues(values);
  if (notes.some((row) => row.some((n) => n !== ''))) range.setNotes(notes);
}

/**
 * What a user typing the cell would have entered: "=…" for formulas, dates as instants in the
 * spreadsheet's zone, and text quoted with "'" so Sheets keeps "007" or "2024-07-01" as text.
 */
function fromExcelCell(cell: ExcelJS.Cell, format: string, timeZone: string): unknown {
  if (cell.formula) return `=${cell.formula.replace(/_xlfn\.(_xlws\.)?/g, '')}`;
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
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
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : cell.text;
  return format === '@' || text === '' ? text : `'${text}`;
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
