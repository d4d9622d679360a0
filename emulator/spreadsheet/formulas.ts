/**
 * Formula evaluation with HyperFormula. The engine is built lazily from the whole workbook the first
 * time a formula value is needed after a change, so plain reads and writes never pay for it.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { quoteSheetName } from './a1';
import { fromSerial, toSerial, wallClockOf } from './time';
import type { CellValue } from './values';

/** What the engine needs to know about one sheet. */
export interface FormulaSheet {
  readonly name: string;
  /** Row-major raw contents up to the last used cell: formulas, numbers, booleans, strings, Dates. */
  contents(): { formula?: string; value?: CellValue }[][];
}

const STRING_LITERALS = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

/** Applies `edit` to the parts of a formula outside string literals and quoted sheet names. */
function editOutsideLiterals(formula: string, edit: (code: string) => string): string {
  return formula
    .split(STRING_LITERALS)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sheets accepts unquoted non-ASCII sheet names (任务!A:A); HyperFormula needs them quoted. */
export function quoteSheetReferences(formula: string, sheetNames: readonly string[]): string {
  const needQuotes = sheetNames.filter((n) => quoteSheetName(n) !== n).sort((a, b) => b.length - a.length);
  if (needQuotes.length === 0) return formula;
  return editOutsideLiterals(formula, (code) =>
    needQuotes.reduce(
      (acc, name) =>
        acc.replace(new RegExp(`(^|[^A-Za-z0-9_'])${escapeRegExp(name)}!`, 'g'), `$1${quoteSheetName(name)}!`),
      code,
    ),
  );
}

const CELL_REF =
  /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])/g;

function shiftColumn(letters: string, anchored: string, dCols: number): string {
  if (anchored) return `$${letters}`;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  col += dCols;
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Moves the relative (un-$-anchored) references of a formula by the given offsets, as copying a cell does. */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return editOutsideLiterals(formula, (code) =>
    code.replace(CELL_REF, (whole, cAbs, col, rAbs, row, c1Abs, c1, c2Abs, c2) => {
      if (col !== undefined) {
        const newRow = rAbs ? `$${row}` : String(Number(row) + dRows);
        return `${shiftColumn(col, cAbs, dCols)}${newRow}`;
      }
      if (c1 !== undefined) return `${shiftColumn(c1, c1Abs, dCols)}:${shiftColumn(c2, c2Abs, dCols)}`;
      return whole;
    }),
  );
}

const VOLATILE = /\b(TODAY|NOW)\(\s*\)/gi;

export function isVolatile(formula: string): boolean {
  return new RegExp(VOLATILE.source, 'i').test(formula);
}

/** TODAY() and NOW() read the emulator clock (in the spreadsheet time zone), not the machine's. */
function pinClock(formula: string, now: Date, timeZone: string): string {
  const w = wallClockOf(now.getTime(), timeZone);
  const date = `DATE(${w.year},${w.month},${w.day})`;
  return editOutsideLiterals(formula, (code) =>
    code.replace(VOLATILE, (_, fn: string) =>
      fn.toUpperCase() === 'TODAY' ? date : `(${date}+TIME(${w.hour},${w.minute},${w.second}))`,
    ),
  );
}

export class FormulaEngine {
  private readonly hf: HyperFormula;
  private readonly sheetNames: string[];

  constructor(
    sheets: readonly FormulaSheet[],
    private readonly timeZone: string,
    private readonly now: () => Date,
  ) {
    this.sheetNames = sheets.map((s) => s.name);
    const data: Record<string, RawCellContent[][]> = {};
    for (const sheet of sheets) {
      data[sheet.name] = sheet.contents().map((row) => Array.from(row, (cell) => this.toRaw(cell)));
    }
    this.hf = HyperFormula.buildFromSheets(data, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  }

  private toRaw(cell: { formula?: string; value?: CellValue } | undefined): RawCellContent {
    if (!cell) return null;
    if (cell.formula !== undefined) return this.prepare(cell.formula);
    const v = cell.value;
    if (v === undefined || v === '') return null;
    if (v instanceof Date) return toSerial(v.getTime(), this.timeZone);
    // A leading apostrophe keeps text ("123", "=x") from being parsed as a number or formula.
    return typeof v === 'string' ? `'${v}` : v;
  }

  private prepare(formula: string): string {
    return pinClock(quoteSheetReferences(formula, this.sheetNames), this.now(), this.timeZone);
  }

  private fromEngine(value: unknown, isDate: boolean): CellValue {
    if (value instanceof DetailedCellError) return value.value;
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return isDate ? fromSerial(value, this.timeZone) : value;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    return '#VALUE!';
  }

  /** 0-based coordinates. */
  valueAt(sheetName: string, row: number, col: number): CellValue {
    const address = { sheet: this.hf.getSheetId(sheetName)!, row, col };
    const type = this.hf.getCellValueDetailedType(address);
    return this.fromEngine(this.hf.getCellValue(address), String(type).startsWith('NUMBER_DATE'));
  }

  /** Evaluates a formula as if it were in `sheetName` (used by conditional formatting). */
  evaluate(formula: string, sheetName: string): CellValue {
    const sheet = this.hf.getSheetId(sheetName)!;
    const result = this.hf.calculateFormula(this.prepare(formula), sheet);
    return this.fromEngine(Array.isArray(result) ? result[0]?.[0] : result, false);
  }
}
